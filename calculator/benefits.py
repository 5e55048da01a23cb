"""Every benefit as an annual cash-equivalent (docs/domain.md section 4).

Each rule is a small public function; :func:`value_benefits` applies them to an offer. Defaults
(working days, the UK qualifying earnings band, health premiums, home-working weeks and
percentages) are read from ``data/defaults.toml``, where each carries its source.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final, Literal

from ._data import load_toml
from ._validate import check_choice, check_fraction, check_non_negative, check_positive, check_range
from .errors import InputError
from .tax import DEFAULT_TAX_YEAR, RetirementLimits, retirement_limits

if TYPE_CHECKING:
    from .offers import Offer, Pension

__all__ = [
    "BENEFIT_COMPONENTS",
    "BenefitValues",
    "defaults",
    "employee_rate",
    "employer_pension",
    "health_care_default",
    "holiday_value",
    "home_working_rate",
    "home_working_value",
    "pension_value",
    "plan_limits",
    "study_value",
    "value_benefits",
]

#: Benefits valued as cash, in display order; custom benefits follow under their own names.
BENEFIT_COMPONENTS: Final = (
    "holiday",
    "pension",
    "health_care",
    "travel_allowance",
    "company_car",
    "gym",
    "home_working",
    "study",
)


def defaults() -> Mapping[str, Any]:
    """The parsed ``data/defaults.toml`` (read once)."""
    return load_toml("defaults.toml")


def _working_days() -> float:
    return float(defaults()["holiday"]["working_days"])


def holiday_value(days: float, base_salary: float, working_days: float | None = None) -> float:
    """Holiday as cash: ``days x base_salary / working_days`` (260 = 52 weeks x 5 days).

    Source: docs/domain.md section 4, the day-rate convention of UK holiday-pay cases.

    >>> holiday_value(5, 52_000)
    1000.0
    """
    n = check_range("holiday_days", days, 0, 366)
    base = check_non_negative("base_salary", base_salary)
    per_year = check_positive(
        "working_days", _working_days() if working_days is None else working_days
    )
    return n * base / per_year


def _match(
    pay: float, match: float, cap: float, own: float, limits: RetirementLimits | None
) -> float:
    """The employer's match on checked inputs: pay counted up to the plan limit, the
    employee's deferral up to its limit, matched up to ``cap`` of counted pay (docs/domain.md section 4)."""
    if not match:
        return 0.0
    counted = pay if limits is None else min(pay, limits.compensation_limit)
    deferral = own * counted
    if limits is not None:
        deferral = min(deferral, limits.elective_deferral_limit)
    return match * min(deferral, cap * counted)


def _pension(
    pay: float,
    rate: float,
    basis: str,
    match: float,
    cap: float,
    own: float,
    limits: RetirementLimits | None = None,
) -> float:
    """The pension rule on already-checked inputs (see :func:`pension_value`)."""
    if basis == "qualifying_earnings":
        band = defaults()["pension"]
        lower, upper = float(band["qualifying_lower"]), float(band["qualifying_upper"])
        qualifying = min(max(pay, lower), upper) - lower
        employer = max(rate, float(band["employer_minimum_rate"])) * qualifying
    else:
        employer = rate * pay
    return employer + _match(pay, match, cap, own, limits)


def pension_value(
    salary: float,
    *,
    employer_rate: float = 0.0,
    basis: Literal["salary", "qualifying_earnings"] = "salary",
    match_rate: float = 0.0,
    match_cap: float = 0.0,
    employee_rate: float | None = None,
    limits_year: int | None = DEFAULT_TAX_YEAR,
) -> float:
    """Employer pension contributions a year: a percent of pay plus any match (docs/domain.md section 4).

    - ``basis="salary"``: ``employer_rate x salary``.
    - ``basis="qualifying_earnings"`` (UK auto-enrolment): ``max(employer_rate, 3%) x
      (salary clipped to 6,240..50,270, minus 6,240)``; The Pensions Regulator, 2025/26.
    - match (US 401(k) style): ``pay = min(salary, compensation limit)``, ``deferral =
      min(employee_rate x pay, deferral limit)``, ``match = match_rate x min(deferral,
      match_cap x pay)``, with the IRS limits of ``limits_year`` (IRC 401(a)(17) and 402(g):
      350,000 and 23,500 in 2025; 360,000 and 24,500 in 2026; IRS Notices 2024-80 and 2025-67).
      ``limits_year=None`` for a plan outside the US. An unstated ``employee_rate`` (None) is
      taken as ``match_cap``: the usual advice is to save at least what the match covers.

    >>> pension_value(100_000, match_rate=0.5, match_cap=0.06, employee_rate=0.06)
    3000.0
    >>> pension_value(400_000, match_rate=0.5, match_cap=0.06, employee_rate=0.06)  # 350,000 counted
    10500.0
    >>> pension_value(400_000, match_rate=0.5, match_cap=0.06, employee_rate=0.06, limits_year=None)
    12000.0
    >>> pension_value(100_000, match_rate=0.5, match_cap=0.06)  # you pay 6%, assumed
    3000.0
    >>> round(pension_value(30_000, employer_rate=0.03, basis="qualifying_earnings"), 2)
    712.8
    """
    pay = check_non_negative("salary", salary)
    rate = check_fraction("pension.employer_rate", employer_rate)
    check_choice("pension.basis", basis, ("salary", "qualifying_earnings"))
    match = check_fraction("pension.match_rate", match_rate, high=3.0)
    cap = check_fraction("pension.match_cap", match_cap)
    own = cap if employee_rate is None else check_fraction("pension.employee_rate", employee_rate)
    limits = retirement_limits(limits_year) if limits_year is not None and match else None
    return _pension(pay, rate, basis, match, cap, own, limits)


def _check_offer(offer: object) -> None:
    from .offers import Offer

    if not isinstance(offer, Offer):
        raise InputError("offer", f"must be an Offer, got {type(offer).__name__}")


def plan_limits(offer: Offer) -> RetirementLimits | None:
    """The IRS limits that apply to ``offer``'s 401(k) match: those of its US tax year, or of
    the default year for a dollar offer with no tax profile; None outside the US.

    >>> from calculator.offers import Offer
    >>> plan_limits(Offer("A", 90_000, currency="USD")).compensation_limit
    350000.0
    >>> plan_limits(Offer("B", 90_000)) is None
    True
    """
    _check_offer(offer)
    if offer.tax is not None:
        return retirement_limits(offer.tax.tax_year) if offer.tax.country == "US" else None
    return retirement_limits() if offer.currency == "USD" else None


def employee_rate(pension: Pension) -> float:
    """The employee's own contribution rate used for the match and for tax: as stated, else
    the match cap for a match (the assumption :func:`pension_value` makes), else 0.

    >>> from calculator.offers import Pension
    >>> employee_rate(Pension(match_rate=0.5, match_cap=0.06)), employee_rate(Pension(0.05))
    (0.06, 0.0)
    """
    from .offers import Pension

    if not isinstance(pension, Pension):
        raise InputError("pension", f"must be a Pension, got {type(pension).__name__}")
    if pension.employee_rate is not None:
        return pension.employee_rate
    return pension.match_cap if pension.match_rate else 0.0


def employer_pension(offer: Offer, base_salary: float | None = None) -> float:
    """The employer's pension contributions a year for ``offer`` at ``base_salary`` (default
    its own), with the plan limits that apply to it (:func:`plan_limits`).

    >>> from calculator.offers import Offer, Pension
    >>> employer_pension(Offer("A", 400_000, currency="USD", pension=Pension(match_rate=0.5, match_cap=0.06)))
    10500.0
    """
    _check_offer(offer)
    p = offer.pension
    if p is None:
        return 0.0
    base = (
        offer.base_salary if base_salary is None else check_non_negative("base_salary", base_salary)
    )
    own = employee_rate(p)
    return _pension(
        base, p.employer_rate, p.basis, p.match_rate, p.match_cap, own, plan_limits(offer)
    )


def health_care_default(region: Literal["us_single", "us_family", "uk_private_medical"]) -> float:
    """Typical employer-paid health premium a year when only "health cover" is stated.

    US: KFF 2025 Employer Health Benefits Survey; UK: private medical insurance per policy.

    >>> health_care_default("us_single")
    7885.0
    """
    table = defaults()["health_care"]
    check_choice("region", region, tuple(k for k in table if k != "source"))
    return float(table[region])


def home_working_value(
    days_per_week: float,
    *,
    commute_cost: float = 0.0,
    commute_minutes: float = 0.0,
    hourly_value: float = 0.0,
    working_weeks: float | None = None,
    salary: float | None = None,
    percent_of_salary: float | None = None,
) -> float:
    """Home working as cash a year.

    Commute rule: ``days_per_week x working_weeks x (commute_cost + commute_minutes / 60 x
    hourly_value)``, with 46 working weeks by default (52 less 5.6 weeks of leave). Percent rule
    (when ``percent_of_salary`` is given): ``percent_of_salary x salary``; studies put hybrid at
    about 5% and mostly remote at about 8% of pay (Mas and Pallais 2017, AER).

    >>> home_working_value(2, commute_cost=10)
    920.0
    >>> home_working_value(3, salary=50_000, percent_of_salary=0.05)
    2500.0
    """
    days = check_range("home_working.days_per_week", days_per_week, 0, 7)
    if percent_of_salary is not None:
        rate = check_fraction("home_working.percent_of_salary", percent_of_salary, high=0.5)
        if salary is None:
            raise InputError("salary", "is needed to value home working as a percent of pay")
        return rate * check_non_negative("salary", salary)
    weeks = defaults()["home_working"]["working_weeks"] if working_weeks is None else working_weeks
    weeks = check_range("working_weeks", weeks, 0, 53)
    cost = check_non_negative("home_working.commute_cost", commute_cost)
    minutes = check_range("home_working.commute_minutes", commute_minutes, 0, 24 * 60)
    hourly = check_non_negative("hourly_value", hourly_value)
    return _commute(days, float(weeks), cost, minutes, hourly)


def _commute(days: float, weeks: float, cost: float, minutes: float, hourly: float) -> float:
    """The commute rule on already-checked inputs (see :func:`home_working_value`)."""
    return days * weeks * (cost + minutes / 60.0 * hourly)


def home_working_rate(days_per_week: float) -> float:
    """Default share of pay that home working is worth, for the percent-of-pay rule.

    0 home days: 0; 1 to 3 days (hybrid): about 5% of pay; 4 or more days (mostly remote):
    about 8% of pay. Rates from ``data/defaults.toml`` (docs/domain.md section 4; Mas and Pallais 2017, AER);
    where hybrid ends and mostly remote starts (4 days) is this tool's assumption.

    >>> home_working_rate(0), home_working_rate(2), home_working_rate(4.5)
    (0.0, 0.05, 0.08)
    """
    days = check_range("home_working.days_per_week", days_per_week, 0, 7)
    table = defaults()["home_working"]
    if days == 0:
        return 0.0
    return float(table["hybrid_rate"] if days < 4 else table["mostly_remote_rate"])


def study_value(
    funding: float = 0.0,
    days: float = 0.0,
    base_salary: float = 0.0,
    working_days: float | None = None,
) -> float:
    """Study support as cash a year: ``funding + days x base_salary / working_days``.

    >>> study_value(1_500, 5, 52_000)
    2500.0
    """
    money = check_non_negative("study.funding", funding)
    n = check_range("study.days", days, 0, 366)
    return money + holiday_value(n, base_salary, working_days)


@dataclass(frozen=True, slots=True)
class BenefitValues:
    """Each benefit's annual cash value for one offer and year, and what the offer left out.

    ``values`` holds stated benefits only (custom ones as ``"custom: <name>"``); ``not_stated``
    names the benefits the offer is silent on.
    """

    values: Mapping[str, float]
    not_stated: tuple[str, ...]

    @property
    def total(self) -> float:
        """Sum of the stated benefits' values."""
        return sum(self.values.values())


def value_benefits(
    offer: Offer, base_salary: float | None = None, *, hourly_value: float = 0.0
) -> BenefitValues:
    """Annual cash value of each benefit in ``offer`` (at ``base_salary``, default the offer's).

    Holiday, pension, study days and percent-of-pay home working scale with the base; the rest
    are fixed amounts. Commute time saved is valued at the offer's
    ``home_working.hourly_value`` when stated, else at ``hourly_value`` (0 unless the user sets
    it). Health care is the employer-paid amount as entered (use :func:`health_care_default`
    for a regional default).

    >>> from calculator.offers import Offer, Pension
    >>> v = value_benefits(Offer("A", 52_000, holiday_days=25, pension=Pension(employer_rate=0.05)))
    >>> v.values["holiday"], v.values["pension"]
    (5000.0, 2600.0)
    >>> v.not_stated[:2]
    ('health_care', 'travel_allowance')
    """
    from .offers import Offer

    if not isinstance(offer, Offer):
        raise InputError("offer", f"must be an Offer, got {type(offer).__name__}")
    base = (
        offer.base_salary if base_salary is None else check_non_negative("base_salary", base_salary)
    )
    # The offer's fields were checked when it was built, so the rules run unchecked here: this
    # is the hot path of every comparison and break-even search.
    day_rate = base / _working_days()
    values: dict[str, float] = {}
    if offer.holiday_days is not None:
        values["holiday"] = offer.holiday_days * day_rate
    if offer.pension is not None:
        values["pension"] = employer_pension(offer, base)
    for name in ("health_care", "travel_allowance", "company_car", "gym"):
        amount = getattr(offer, name)
        if amount is not None:
            values[name] = amount
    if offer.home_working is not None:
        h = offer.home_working
        if h.percent_of_salary is not None:
            values["home_working"] = h.percent_of_salary * base
        else:
            hourly = check_non_negative("hourly_value", hourly_value)
            values["home_working"] = _commute(
                h.days_per_week,
                float(defaults()["home_working"]["working_weeks"]),
                h.commute_cost or 0.0,
                h.commute_minutes or 0.0,
                hourly if h.hourly_value is None else h.hourly_value,
            )
    if offer.study is not None:
        values["study"] = (offer.study.funding or 0.0) + (offer.study.days or 0.0) * day_rate
    for custom in offer.custom_benefits:
        values[f"custom: {custom.name}"] = custom.value
    missing = tuple(name for name in BENEFIT_COMPONENTS if name not in values)
    return BenefitValues(values=values, not_stated=missing)
