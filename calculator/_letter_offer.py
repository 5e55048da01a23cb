"""Build an :class:`~calculator.offers.Offer` from the fields an offer letter states.

Nothing is invented: an unstated part stays ``None`` (or the offer's documented default, such
as 37.5 hours a week), a grant with no stated schedule has ``schedule=None`` (valued on the
standard schedule and asked about, docs/domain.md section 5), and a range or "up to" figure counts only
when the caller asks (a range at its low end, a cap at the cap).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ._letter_rules import Found
from .equity import EquityGrant
from .errors import InputError
from .offers import Bonus, HomeWorking, Offer, Pension, SignOn

__all__ = ["offer_from_fields"]


def _values(fields: Mapping[str, Found], include_marked: bool) -> dict[str, Any]:
    return {
        name: found.value for name, found in fields.items() if include_marked or not found.marked
    }


def _pension(v: Mapping[str, Any]) -> Pension | None:
    if "pension_employer_rate" not in v and "match_rate" not in v:
        return None
    basis = v.get("pension_basis", "salary")
    if "match_rate" in v and "match_cap" in v:
        return Pension(
            employer_rate=v.get("pension_employer_rate", 0.0),
            basis="salary",
            match_rate=v["match_rate"],
            match_cap=v["match_cap"],
        )
    if "pension_employer_rate" not in v:
        return None
    return Pension(employer_rate=v["pension_employer_rate"], basis=basis)


def _equity(v: Mapping[str, Any]) -> tuple[EquityGrant, ...]:
    if "equity_grant_value" not in v and "equity_shares" not in v:
        return ()
    return (
        EquityGrant(
            v.get("equity_kind", "rsu"),
            shares=v.get("equity_shares"),
            grant_value=v.get("equity_grant_value") if v.get("equity_kind") != "option" else None,
            strike=v.get("equity_strike"),
            schedule=v.get("vesting_schedule"),
        ),
    )


def offer_from_fields(
    fields: Mapping[str, Found], name: str | None = None, *, include_marked: bool = False
) -> Offer:
    """The offer the fields describe (see :meth:`calculator.letter.LetterReading.to_offer`).

    >>> f = {"base_salary": Found(60_000.0, "q"), "currency": Found("USD", "q"),
    ...      "sign_on": Found(10_000.0, "q"), "sign_on_repayment_months": Found(12, "q")}
    >>> offer_from_fields(f, "Kestrel").sign_on
    SignOn(amount=10000.0, repayment_months=12, pro_rata=False, instalments=())
    """
    v = _values(fields, include_marked)
    if "base_salary" not in v:
        raise InputError(
            "base_salary", "is not stated in the letter as one yearly figure: enter it"
        )
    if "currency" not in v:
        raise InputError("currency", "is not stated in the letter: choose it")
    title = name or v.get("employer") or "Offer from the letter"
    sign_on = None
    if "sign_on" in v:
        sign_on = SignOn(v["sign_on"], v.get("sign_on_repayment_months", 0))
    home = v.get("home_working_days")
    return Offer(
        str(title),
        base_amount=v["base_salary"],
        currency=v["currency"],
        pay_period="year",
        hours_per_week=v.get("hours_per_week", 37.5),
        bonus=Bonus(v["bonus_target_rate"]) if "bonus_target_rate" in v else None,
        sign_on=sign_on,
        relocation=v.get("relocation"),
        equity=_equity(v),
        holiday_days=v.get("holiday_days"),
        pension=_pension(v),
        health_care=v.get("health_care"),
        company_car=v.get("company_car"),
        home_working=None if home is None else HomeWorking(home),
    )
