"""Compare: "Read an offer letter": paste or upload a letter, check each figure against its
sentence, accept (or edit) it, and fill an offer column; what the letter leaves out becomes
questions to ask (docs/domain.md section 9, issue 18).

The letter is read in memory by :func:`calculator.letter.read_offer_letter`; neither its text
nor the file is stored (their widget keys start with ``_oc_letter``, outside the scenario's
field paths). Accepted figures are written into the offer's field paths through
:func:`app_pages.state.replace_inputs`, which keeps a version to undo. A letter is hostile
input: every piece of it shown goes through :func:`app_pages.safe.escape`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from typing import Any, Final, cast

import streamlit as st

from app_pages import state
from app_pages.models import OfferInput, ScenarioInput, column_label
from app_pages.safe import escape
from calculator.checklist import LETTER_ITEMS
from calculator.errors import InputError
from calculator.letter import LETTER_FIELDS, Found, LetterReading, read_offer_letter
from calculator.money import format_money

__all__ = ["LABELS", "letter_reader", "offer_updates"]

_KEY: Final = "_oc_letter"
#: This tab's last reading and the digest of the letter it came from (not a field: not stored).
_READ: Final = "_oc_letter_read"
#: How each field is named on the page.
LABELS: Final = {
    "employer": "Employer",
    "role": "Role",
    "base_salary": "Base salary a year",
    "currency": "Currency",
    "hours_per_week": "Hours a week",
    "holiday_days": "Holiday days a year",
    "bonus_target_rate": "Bonus target",
    "sign_on": "Sign-on bonus",
    "sign_on_repayment_months": "Sign-on repaid if you leave within (months)",
    "equity_grant_value": "Equity grant value",
    "equity_shares": "Equity: shares or units",
    "vesting_schedule": "Vesting schedule",
    "pension_employer_rate": "Employer pension",
    "match_rate": "Employer match rate",
    "match_cap": "Match up to (share of pay)",
    "relocation": "Relocation",
    "company_car": "Car allowance a year",
    "health_care": "Health cover paid a year",
    "home_working_days": "Home-working days a week",
    "start_date": "Start date",
    "offer_expires": "Answer by",
    "probation_months": "Probation (months)",
    "conditions": "Conditions",
    "equity_kind": "Equity kind",
    "equity_strike": "Exercise price a share",
    "pension_basis": "Pension basis",
    "commission_target": "Target commission a year",
}
_MONEY: Final = frozenset(
    {
        "base_salary",
        "sign_on",
        "equity_grant_value",
        "relocation",
        "company_car",
        "health_care",
        "equity_strike",
        "commission_target",
    }
)
_RATES: Final = frozenset({"bonus_target_rate", "pension_employer_rate", "match_rate", "match_cap"})
#: Letter field -> OfferInput field, for figures that go across as they are.
_SAME: Final = {
    "base_salary": "base_salary",
    "hours_per_week": "hours_per_week",
    "holiday_days": "holiday_days",
    "sign_on": "sign_on",
    "sign_on_repayment_months": "sign_on_repay_months",
    "relocation": "relocation",
    "equity_shares": "equity_shares",
    "equity_grant_value": "equity_grant_value",
    "equity_strike": "equity_strike",
    "company_car": "company_car",
    "health_care": "health_care",
    "home_working_days": "home_days",
}
_SCHEDULES: Final = ("standard", "standard_quarterly", "front_loaded", "back_loaded", "amazon")


def _shown(name: str, found: Found, currency: str) -> str:
    """A found value as the page shows it (plain text, not yet escaped); both ends of a range
    in the same form."""
    text = _value_text(name, found.value, currency)
    if found.bound == "up_to":
        return f"up to {text}"
    if found.bound == "range" and found.high is not None:
        return f"{text} (low end of a range to {_value_text(name, found.high, currency)})"
    return text


def _value_text(name: str, value: Any, currency: str) -> str:
    if name in _MONEY and isinstance(value, float):
        return format_money(value, currency, decimals=2 if value < 100 else 0)
    if name in _RATES and isinstance(value, float):
        return f"{100 * value:g}%"
    if isinstance(value, dt.date):
        return value.strftime("%d %B %Y")
    if isinstance(value, tuple):
        return ", ".join(f"{100 * v:g}%" if isinstance(v, float) else str(v) for v in value)
    return f"{value:g}" if isinstance(value, float) else str(value)


def offer_updates(values: Mapping[str, Any]) -> dict[str, Any]:
    """The OfferInput fields (percent inputs in percent) that accepted letter ``values`` set.

    >>> offer_updates({"employer": "Kite Ltd", "base_salary": 50_000.0, "match_rate": 0.5,
    ...                "match_cap": 0.06})["pension_type"]
    'match'
    """
    out: dict[str, Any] = {new: values[old] for old, new in _SAME.items() if old in values}
    if "employer" in values:
        out["name"] = values["employer"]
    if "base_salary" in values:
        out["base_per"] = "year"
    if "bonus_target_rate" in values:
        out["bonus_target_pct"] = 100 * values["bonus_target_rate"]
    if "equity_shares" in values or "equity_grant_value" in values:
        out["equity_kind"] = values.get("equity_kind", "rsu")
    if values.get("vesting_schedule") in _SCHEDULES:
        out["equity_schedule"] = values["vesting_schedule"]
    if "match_rate" in values and "match_cap" in values:
        out["pension_type"] = "match"
        out["pension_employer_pct"] = 100 * values["match_rate"]
        out["pension_match_cap_pct"] = 100 * values["match_cap"]
    elif "pension_employer_rate" in values:
        basis = values.get("pension_basis")
        out["pension_type"] = "uk_auto_enrolment" if basis == "qualifying_earnings" else "percent"
        out["pension_employer_pct"] = 100 * values["pension_employer_rate"]
    return out


def _fill(prefix: str, values: dict[str, Any], confirmed: dict[str, bool]) -> None:
    """Callback: write the accepted values into column ``prefix`` (undoable)."""
    scenario = state.inputs()
    data = scenario.model_dump(mode="json")
    index = int(prefix.split(".")[1])
    column = {**data["offers"][index], **offer_updates(values)}
    column["letter"] = {**column.get("letter", {}), **{k: v for k, v in confirmed.items() if v}}
    data["offers"][index] = OfferInput.model_validate(column).model_dump(mode="json")
    _answer_by(data, column.get("application", ""), values.get("offer_expires"))
    state.replace_inputs(
        ScenarioInput.model_validate(data),
        "before filling an offer from a letter",
        f"{column_label(prefix)} filled from the letter: check each figure.",
    )


def _answer_by(data: dict[str, Any], application: str, expires: Any) -> None:
    """The letter's deadline to answer goes into the follow-up plan of the offer's application
    (which moves on to the offer stage if it was still before it)."""
    if not application or not isinstance(expires, dt.date):
        return
    for entry in data["next_steps"].get("applications", []):
        if entry.get("id") == application:
            entry["answer_by"] = expires.isoformat()
            if entry.get("stage") in ("applied", "interviewing"):
                entry["stage"] = "offer"


def _source() -> str | bytes | None:
    pasted = st.text_area(
        "Paste the letter's text",
        key=f"{_KEY}_text",
        help="Read on this computer; the text is not stored.",
    )
    upload = st.file_uploader(
        "Or upload it (PDF, Word .docx or text)",
        type=["pdf", "docx", "txt"],
        key=f"{_KEY}_file",
        help="Read in memory and not stored.",
    )
    if upload is not None:
        return upload.getvalue()
    return pasted if pasted.strip() else None


def _accepted(reading: LetterReading, currency: str) -> dict[str, Any]:
    """Each found field with its quote and a tick to accept it (an "up to" or range figure
    starts unticked); numbers can be edited. Returns the accepted values."""
    values: dict[str, Any] = {}
    for name in LETTER_FIELDS:
        found = reading.fields.get(name)
        if found is None:
            continue
        label = f"{LABELS[name]}: {_shown(name, found, currency)}"
        take = st.checkbox(escape(label), value=not found.marked, key=f"{_KEY}.take.{name}")
        st.caption("“" + escape(found.quote) + "”")
        value: Any = found.value
        if isinstance(value, (int, float)) and name in _SAME:
            value = st.number_input(
                f"Edit {LABELS[name].lower()}",
                value=float(value),
                min_value=0.0,
                key=f"{_KEY}.edit.{name}",
                label_visibility="collapsed",
            )
        if take:
            values[name] = value
    return values


def letter_reader(columns: list[str], currency: str) -> None:
    """The expander: read a letter, accept its figures, fill a column, list the questions."""
    with st.expander("Read an offer letter"):
        st.caption(
            "Paste or upload the written offer: each figure is shown with the sentence it came "
            "from. Nothing is guessed: what the letter does not state stays empty and becomes "
            "a question to ask. The letter is read on this computer and not stored."
        )
        source = _source()
        if source is None:
            return
        try:
            reading = _read(source)
        except InputError as error:
            st.error(escape(f"The letter could not be read: it {error.rule}."))
            return
        _results(reading, columns, currency)


def _read(source: str | bytes) -> LetterReading:
    """The letter read once: a rerun of the page (any edit on Compare) reuses the reading
    while the letter is the same. Kept in this tab's memory only, never in the store."""
    digest = hashlib.sha256(source.encode() if isinstance(source, str) else source).hexdigest()
    kept = st.session_state.get(_READ)
    if isinstance(kept, tuple) and kept[0] == digest:
        return cast("LetterReading", kept[1])
    reading = read_offer_letter(source)
    st.session_state[_READ] = (digest, reading)
    return reading


def _results(reading: LetterReading, columns: list[str], currency: str) -> None:
    if not reading.fields:
        st.info("No figures found in this letter.")
    letter_currency = reading.value("currency")
    if isinstance(letter_currency, str) and letter_currency != currency:
        st.warning(
            escape(
                f"The letter is in {letter_currency}; this scenario is in {currency}. "
                "Change the currency on Your numbers first, or convert the figures."
            )
        )
    # figures in the letter's own money where it says which (the warning above tells the rest)
    values = _accepted(reading, letter_currency if isinstance(letter_currency, str) else currency)
    offers = [prefix for prefix in columns if prefix.startswith("offers.")]
    if offers:
        target = st.selectbox(
            "Fill this offer", offers, format_func=column_label, key=f"{_KEY}_target"
        )
        confirmed = {item.key: item.confirmed for item in reading.checklist().items}
        st.button(
            "Fill it with the ticked figures",
            key=f"{_KEY}_fill",
            on_click=_fill,
            args=(target, values, confirmed),
            disabled=not values,
        )
    _questions(reading)


def _questions(reading: LetterReading) -> None:
    missing = ", ".join(LETTER_ITEMS[key][0].lower() for key in reading.missing)
    if missing:
        st.markdown(escape(f"The letter does not state: {missing}."))
    for mention_name, mention in reading.mentioned.items():
        st.caption(escape(f"{LABELS[mention_name]}: {mention.note} (“{mention.quote}”)"))
    questions = reading.questions()
    if questions:
        st.markdown("**Questions to ask**")
        st.markdown("\n".join(f"- {escape(q)}" for q in questions))
