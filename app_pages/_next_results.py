"""Results of the Next steps page: glue to calculator.followup, messages, checklist, calendar.

Core modules are imported inside functions; a missing module is reported calmly.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

import streamlit as st

from app_pages._glue import plot
from app_pages._state import value
from calculator.errors import InputError
from calculator.scenario import OFFER_SIDES

__all__ = ["FIELDS", "acceptance_section", "log_section", "plan_section"]

LOG = logging.getLogger("offer_compass.app")

FIELDS: dict[str, str] = {
    "interview_date": "next_steps.interview_date",
    "decision_date": "next_steps.decision_date",
    "promised_items": "next_steps.promised_items",
    "promised_date": "next_steps.promised_date",
    "contact_method": "next_steps.contact_method",
    "min_salary": "next_steps.min_salary",
    "min_holiday_days": "next_steps.min_holiday_days",
    "min_home_working_days": "next_steps.min_home_days",
    "log": "next_steps.contact_log",
}


def _log() -> Any:
    from calculator.followup import ContactLog, LogEntry

    rows = st.session_state.get("_oc_tables", {}).get("next_steps.contact_log", [])
    entries = [
        LogEntry(
            date=row["date"],
            channel=row.get("channel") or "email",
            direction=row.get("direction") or "sent",
            note=row.get("note") or "",
        )
        for row in rows
        if isinstance(row.get("date"), dt.date)
    ]
    return ContactLog(tuple(entries))


def _plan() -> Any:
    from calculator.followup import follow_up_plan

    interview = value("next_steps.interview_date")
    if interview is None:
        return None
    promised: tuple[tuple[str, dt.date], ...] = ()
    if value("next_steps.promised_items") and value("next_steps.promised_date"):
        promised = ((value("next_steps.promised_items"), value("next_steps.promised_date")),)
    return follow_up_plan(
        interview_date=interview,
        decision_date=value("next_steps.decision_date"),
        contact_method=value("next_steps.contact_method"),
        agency=bool(value("next_steps.agency")),
        promised_items=promised,
        patience=value("next_steps.patience"),
        log=_log(),
        interviewer_names=(value("next_steps.interviewer"),)
        if value("next_steps.interviewer")
        else (),
        company=value("next_steps.company") or None,
        role=value("numbers.role") or None,
    )


def plan_section() -> None:
    """The plan, timeline, .ics download and messages."""
    from calculator import charts
    from calculator.calendar_export import plan_to_ics

    plan = _plan()
    if plan is None:
        st.info("Enter your interview date to see your follow-up plan.")
        return
    st.subheader("Your plan")
    for action in plan.actions:
        tick = "✅ " if action.done else ""
        st.markdown(
            f"- {tick}**{action.date:%a %d %b}**: {action.title}  \n"
            f"  <small>{action.reason}</small>",
            unsafe_allow_html=True,
        )
    plot(charts.timeline_chart(plan), key="chart_timeline")
    st.download_button(
        "Add to calendar (.ics)",
        data=plan_to_ics(plan),
        file_name="follow-up-plan.ics",
        mime="text/calendar",
        key="_oc_ics",
        help="A calendar file with a reminder for each step. Open it with your calendar app.",
        icon=":material/calendar_month:",
    )
    _messages()


def _messages() -> None:
    from calculator import messages

    st.subheader("Messages to send")
    st.caption("Edit any message, then copy the final text with the button at its top right.")
    counter, asks = _negotiation_figures()
    details = messages.MessageDetails(
        contact_name=value("next_steps.interviewer") or None,
        company=value("next_steps.company") or None,
        role=value("numbers.role") or None,
        interview_date=value("next_steps.interview_date"),
        specific_point=value("next_steps.talking_point") or None,
        decision_date=value("next_steps.decision_date"),
        currency=value("numbers.currency"),
        counter_low=counter.precise_low if counter is not None else None,
        counter_high=counter.precise_high if counter is not None else None,
        counter_phrase=counter.phrase if counter is not None else None,
        asks=asks,
    )
    for key, title, body in messages.message_templates(details):
        with st.expander(title):
            edited = st.text_area(
                "Your version", body, key=f"_oc_msg_{key}", height=180, help="Edit freely."
            )
            st.code(edited, language=None, wrap_lines=True)


def _negotiation_figures() -> tuple[Any, tuple[str, ...]]:
    """The range to quote (Your numbers) and the equal-value asks (Compare), where available."""
    from app_pages import _glue as glue
    from app_pages._compare_results import comparison_or_none

    counter = None
    try:
        bands = glue.current_bands()
        counter = glue.current_counter(bands) if bands is not None else None
    except InputError:
        counter = None  # the Your numbers page shows the message next to the field
    comparison = comparison_or_none()
    asks = tuple(ask.text for ask in comparison.asks) if comparison is not None else ()
    return counter, asks


def acceptance_section() -> None:
    """Acceptance terms against each offer, and the offer-letter checklist."""
    from app_pages import _glue as glue
    from app_pages._compare_results import offer_payload
    from calculator.checklist import AcceptanceTerms, check_acceptance
    from calculator.offers import Offer

    others = {
        "min_holiday_days": value("next_steps.min_holiday_days"),
        "min_home_working_days": value("next_steps.min_home_days"),
    }
    bands = None
    if value("next_steps.min_salary") is None:
        try:
            bands = glue.current_bands()
        except InputError:
            bands = None
    if bands is not None:
        terms = AcceptanceTerms.from_bands(bands, **others)
        st.caption("Minimum salary: your bottom line from Your numbers (type one to change it).")
    else:
        terms = AcceptanceTerms(min_salary=value("next_steps.min_salary"), **others)
    columns = st.columns(2)
    for column, side in zip(columns, OFFER_SIDES, strict=True):
        with column:
            try:
                payload = offer_payload(side)
                if payload is None:
                    st.caption("Enter this offer on the Compare page to check it.")
                    continue
                offer = Offer.from_dict(payload)
            except InputError as err:
                st.warning(f"{side.replace('_', ' ').title()}: {err}")
                continue
            st.markdown(f"**{offer.name}**")
            result = check_acceptance(terms, offer)
            for item in result.items:
                status = item.status
                icon = {"pass": "✅", "fail": "❌"}.get(status, "❔")
                st.markdown(f"{icon} {item.message}")
            _checklist(side)


def _checklist(side: str) -> None:
    from calculator.checklist import offer_letter_checklist

    items = offer_letter_checklist(())
    st.caption("Does the written offer state each of these? Tick what it does.")
    confirmed = []
    for item in items.items:
        key = item.key
        if st.checkbox(item.label, key=f"_oc_check_{side}_{key}"):
            confirmed.append(key)
    result = offer_letter_checklist(confirmed)
    for line in result.ask_in_writing:
        st.markdown(f"- {line}")


def log_section() -> None:
    """What the log means for the plan."""
    st.caption("Your log moves the plan on: sent check-ins are ticked off, a reply ends chasing.")
