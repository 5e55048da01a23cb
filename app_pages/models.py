"""Typed inputs: what the user types, in the UI's units, validated by pydantic.

One model per page section (:class:`NumbersInput`, :class:`OfferInput`, :class:`CompareInput`,
:class:`WeightsInput`, :class:`NextStepsInput`) and :class:`ScenarioInput` holding them all.
Amounts are in major units per the period the user picked, rates are **percent** (12.5 means
12.5%), dates are ``datetime.date``. Each model's ``to_core()`` turns it into the core's frozen
values (annual amounts, fractions), so the core never sees a UI field name.

Every leaf of a scenario has a **field path** (``"offers.0.base_salary"``,
``"numbers.points"``): the widget key, the store's key and the name an error is reported
under. :func:`flatten` and :func:`validate_values` convert between a model and its leaves.

Bounds on every number live here (``Field(ge=..., le=...)``) and the widgets read them
(:func:`bounds`), so a value the widget lets through is one the model accepts.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Annotated, Any, Final, Literal

import annotated_types
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from calculator.bands import DataPoint
from calculator.checklist import LETTER_ITEMS, AcceptanceTerms
from calculator.equity import EquityGrant, RefresherPlan
from calculator.errors import InputError
from calculator.followup import LOG_KINDS, STAGES, ContactLog, LogEntry
from calculator.money import format_money
from calculator.offers import (
    TAXABLE_BENEFITS,
    Bonus,
    CustomBenefit,
    HomeWorking,
    Offer,
    Pension,
    SignOn,
    Study,
)
from calculator.periods import to_annual
from calculator.places import STATES as US_STATES
from calculator.places import Place, state_code
from calculator.state_tax import state_localities
from calculator.tax import TaxProfile, available_tax_years

__all__ = [
    "APPLICATIONS",
    "APPLICATION_COUNT",
    "APPLICATION_STAGES",
    "CURRENT_JOB",
    "DATE_PATHS",
    "DEFAULTS",
    "FACTORS",
    "HOLIDAY_SUBDIVISIONS",
    "LEAF_PATHS",
    "MAX_APPLICATIONS",
    "MAX_LOG_ROWS",
    "MAX_POINT_ROWS",
    "OFFER_COUNT",
    "TABLE_DATE_COLUMNS",
    "TABLE_ROWS",
    "WEIGHTED",
    "ApplicationInput",
    "BandsQuery",
    "CompareInput",
    "FollowUpQuery",
    "LetterChecks",
    "LogRow",
    "MessageEdits",
    "NextStepsInput",
    "NumbersInput",
    "OfferInput",
    "PointRow",
    "ScenarioInput",
    "TrancheRow",
    "WeightsInput",
    "application_path",
    "application_paths",
    "bounds",
    "column_label",
    "default_of",
    "flatten",
    "holiday_region",
    "implausible",
    "implausible_hours",
    "is_leaf",
    "json_value",
    "leaf_paths",
    "max_length",
    "offer_label",
    "python_value",
    "upgrade_leaves",
    "upgrade_next_steps",
    "validate_values",
    "validation_messages",
]

# --- limits (one place: the widgets read them through bounds()) -----------------------------

#: The largest amount any money box takes: far above any salary, far below float trouble.
MAX_AMOUNT: Final = 1e9
MAX_SHARES: Final = 1e12
#: Implausible, not impossible: warn "did you mean…" above these.
PLAUSIBLE_HOURLY: Final = 1_000.0
PLAUSIBLE_ANNUAL: Final = 10_000_000.0
PLAUSIBLE_HOURS: Final = 80.0
MAX_NAME: Final = 200
MAX_NOTE: Final = 20_000
MAX_POINT_ROWS: Final = 500
MAX_LOG_ROWS: Final = 1_000
#: Applications on the Next steps page: far more than anyone follows at once.
MAX_APPLICATIONS: Final = 200
#: Offer columns on the Compare page (up to this many), plus "your current job" as a baseline.
OFFER_COUNT: Final = 4
CURRENT_JOB: Final = "current_job"
DEFAULT_HOURS: Final = 37.5

Period = Literal["year", "month", "week", "day", "hour"]
FACTORS: Final = ("culture", "growth", "commute", "security", "flexibility")
WEIGHTED: Final = (
    "base",
    "bonus",
    "sign_on",
    "equity",
    "holiday",
    "pension",
    "health",
    "travel",
    "car",
    "gym",
    "home_working",
    "study",
    "custom",
    *FACTORS,
)
#: Weight slider names that differ from calculator.scoring's component names.
_WEIGHT_COMPONENTS: Final = {
    "health": "health_care",
    "travel": "travel_allowance",
    "car": "company_car",
    **{factor: f"factor:{factor}" for factor in FACTORS},
}


def _day(value: object) -> object:
    """Dates arrive as ``datetime.date`` from widgets and as ISO text from files and the store."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"must be a date like 2026-06-30, got {value[:40]!r}") from None
    return value


#: Dates the widgets can show (Streamlit's date box needs bounds; these cover any job search).
FIRST_DAY: Final = dt.date(2000, 1, 1)
LAST_DAY: Final = dt.date(2100, 12, 31)
Day = Annotated[dt.date, BeforeValidator(_day), Field(ge=FIRST_DAY, le=LAST_DAY)]


def _amount(high: float = MAX_AMOUNT) -> Any:
    return Field(default=None, ge=0, le=high)


def _pct(high: float, default: float | None = None) -> Any:
    return Field(default=default, ge=0, le=high)


def _text(limit: int = MAX_NAME) -> Any:
    return Field(default="", max_length=limit)


class _Input(BaseModel):
    """Strict: no "60000" for a number, no 1 for true, nothing unknown, nothing infinite."""

    model_config = ConfigDict(
        strict=True, extra="forbid", frozen=True, allow_inf_nan=False, validate_default=False
    )


class _Row(_Input):
    """A table row: a table is one leaf (one field path), however many rows it has."""


# --- Your numbers ----------------------------------------------------------------------------


class PointRow(_Row):
    """A pay figure the user collected: an amount per period and where it came from."""

    amount: float | None = _amount()
    per: Period = "year"
    label: str = _text()

    def to_core(self) -> DataPoint | None:
        """The core's DataPoint (None for a row without an amount).

        >>> PointRow(amount=3000, per="month").to_core().annual
        36000.0
        """
        if self.amount is None:
            return None
        return DataPoint(self.amount, self.per, label=self.label.strip() or None)


@dataclass(frozen=True, slots=True)
class BandsQuery:
    """Your numbers in core units: the arguments of ``salary_bands`` and ``counter_range``.

    ``missing`` lists, in words, what is still needed before the levels can be worked out.
    """

    bands_args: Mapping[str, Any]
    anchor_margin: float
    range_width: float
    missing: tuple[str, ...] = ()


class NumbersInput(_Input):
    """Where you are now and the market (the Your numbers page).

    ``starting_point`` says what the bottom line can start from (docs/domain.md section 1): ``"working"``
    uses current pay (scaled for hours, responsibility and travel); ``"graduate"`` and
    ``"returning"`` (back to work or changing career) have no current pay, so the bottom line is
    the personal minimum, else a market default. A new graduate's levels are a beginner's.
    Fields a starting point does not use keep their values but are not passed to the core.
    """

    currency: Literal["GBP", "USD", "EUR"] = "GBP"
    starting_point: Literal["working", "graduate", "returning"] = "working"
    current_salary: float | None = _amount()
    current_per: Period = "year"
    current_hours: float | None = Field(default=DEFAULT_HOURS, ge=1, le=100)
    new_hours: float | None = Field(default=None, ge=1, le=100)
    extra_travel_cost: float | None = _amount()
    uplift_pct: float | None = _pct(100)
    personal_minimum: float | None = _amount()
    market_source: Literal["typed", "points", "market"] = "typed"
    occupation_query: str = _text()
    occupation_code: str = _text(20)
    market_state: str = _text(60)
    going_rate: float | None = _amount()
    expertise: Literal["beginner", "intermediate", "expert"] = "intermediate"
    target: float | None = _amount()
    anchor_margin_pct: float | None = _pct(100, 10.0)
    range_width_pct: float | None = _pct(100, 10.0)
    role: str = _text()
    contact_name: str = _text()
    points: list[PointRow] = Field(default_factory=list, max_length=MAX_POINT_ROWS)

    def current_annual(self) -> float | None:
        """Current pay as a year's pay (errors name ``current_salary``).

        >>> NumbersInput(current_salary=20, current_per="hour").current_annual()
        39000.0

        None unless the starting point is ``"working"`` (a graduate or returner has none, even
        if a figure was typed before switching).
        """
        if self.current_salary is None or self.starting_point != "working":
            return None
        hours = self.current_hours or DEFAULT_HOURS
        try:
            return to_annual(self.current_salary, self.current_per, hours_per_week=hours)
        except InputError as err:
            raise InputError("current_salary", err.rule) from None

    def to_core(self, percentiles: Mapping[int, float] | None = None) -> BandsQuery:
        """The three levels' inputs in core units: annual pay, fractions, DataPoints.

        ``percentiles`` are the market figures of the chosen occupation (BLS), used when the
        going rate comes from the market.

        >>> q = NumbersInput(current_salary=30000, going_rate=30000, uplift_pct=5).to_core()
        >>> q.bands_args["responsibility_uplift"], q.missing
        (0.05, ())
        >>> g = NumbersInput(starting_point="graduate", current_salary=30000, going_rate=1).to_core()
        >>> g.bands_args["current_salary"], g.bands_args["expertise"], g.missing
        (None, 'beginner', ())
        """
        args: dict[str, Any] = {
            **self._current_args(),
            "personal_minimum": self.personal_minimum,
            "expertise": "beginner" if self.starting_point == "graduate" else self.expertise,
            "target": self.target,
        }
        if self.market_source == "typed":
            args["going_rate"] = self.going_rate
        elif self.market_source == "points":
            args["points"] = self._points() or None
        else:
            args["percentiles"] = dict(percentiles) if percentiles else None
        return BandsQuery(
            bands_args=args,
            anchor_margin=(self.anchor_margin_pct or 0.0) / 100,
            range_width=(self.range_width_pct or 0.0) / 100,
            missing=self._missing(args),
        )

    def _current_args(self) -> dict[str, Any]:
        """Current pay and what adjusts it, for someone working now; none for the others."""
        if self.starting_point != "working":
            return {"current_salary": None}  # the core's defaults: nothing to adjust
        return {
            "current_salary": self.current_annual(),
            "current_hours": self.current_hours or DEFAULT_HOURS,
            "new_hours": self.new_hours,
            "extra_travel_cost": self.extra_travel_cost or 0.0,
            "responsibility_uplift": (self.uplift_pct or 0.0) / 100,
        }

    def _points(self) -> list[DataPoint]:
        """The collected figures as DataPoints; an error names the table and the row."""
        points = []
        for number, row in enumerate(self.points, start=1):
            try:
                point = row.to_core()
            except InputError as err:
                raise InputError("points", f"row {number}: the {err.field} {err.rule}") from None
            if point is not None:
                points.append(point)
        return points

    def _missing(self, args: Mapping[str, Any]) -> tuple[str, ...]:
        missing = []
        working = self.starting_point == "working"
        if working and args["current_salary"] is None and args["personal_minimum"] is None:
            missing.append("your current pay (or a personal minimum)")
        if not any(args.get(k) for k in ("going_rate", "points", "percentiles")):
            missing.append(
                {
                    "typed": "a going rate",
                    "points": "at least one figure you collected",
                    "market": "an occupation from the search",
                }[self.market_source]
            )
        return tuple(missing)


# --- an offer ---------------------------------------------------------------------------------

#: Core field names (as InputError names them) -> this model's field names.
_CORE_TO_INPUT: Final = {
    "name": "name",
    "base_salary": "base_salary",
    "amount": "base_salary",
    "pay_period": "base_per",
    "per": "base_per",
    "hours_per_week": "hours_per_week",
    "bonus.target_rate": "bonus_target_pct",
    "bonus.expected_payout": "bonus_payout_pct",
    "sign_on": "sign_on",
    "sign_on.repayment_months": "sign_on_repay_months",
    "relocation": "relocation",
    "raise_rate": "raise_pct",
    "shares": "equity_shares",
    "price": "equity_price",
    "grant_value": "equity_grant_value",
    "strike": "equity_strike",
    "scenarios.bear": "equity_bear_price",
    "scenarios.base": "equity_base_price",
    "scenarios.bull": "equity_bull_price",
    "schedule": "equity_schedule",
    "growth_rate": "equity_growth_pct",
    "growth_scenarios.bear": "equity_bear_growth_pct",
    "growth_scenarios.bull": "equity_bull_growth_pct",
    "growth_scenarios": "equity_growth_pct",
    "volatility": "equity_volatility_pct",
    "refreshers": "refresher_value",
    "annual_value": "refresher_value",
    "first_grant_month": "refresher_first_month",
    "bonus.payout_range": "bonus_low_pct",
    "bonus.amounts_by_year.1": "retention_1",
    "bonus.amounts_by_year.2": "retention_2",
    "bonus.amounts_by_year.3": "retention_3",
    "bonus.amounts_by_year.4": "retention_4",
    "sign_on.instalments": "sign_on_upfront_pct",
    "sign_on.pro_rata": "sign_on_pro_rata",
    "holiday_days": "holiday_days",
    "pension.employer_rate": "pension_employer_pct",
    "pension.match_rate": "pension_employer_pct",
    "pension.employee_rate": "pension_employee_pct",
    "pension.match_cap": "pension_match_cap_pct",
    "health_care": "health_care",
    "travel_allowance": "travel_allowance",
    "company_car": "company_car",
    "gym": "gym",
    "home_working.days_per_week": "home_days",
    "home_working.commute_cost": "commute_cost",
    "home_working.commute_minutes": "commute_minutes",
    "study.funding": "study_funding",
    "study.days": "study_days",
    "custom_benefits": "custom_name",
    "place": "place_index",
    "place.index": "place_index",
    "state": "place_state",
    "country": "tax_country",
    "tax_year": "tax_year",
    "region": "tax_region",
    "filing_status": "tax_filing_status",
    "student_loans": "tax_student_loans",
    "state_local_rate": "tax_local_rate_pct",
    "locality": "tax_locality",
    **{f"factors.{factor}": f"factor_{factor}" for factor in FACTORS},
}
_NUMBER = re.compile(r"(?<![\w.])-?\d+(?:\.\d+)?(?:e-?\d+)?")
#: The core's reminder that rates are fractions ("(0.03 means 3%)"): not for a percent box.
_FRACTION_HINT = re.compile(r"\s*\([^()]*\bmeans\b[^()]*\)")


def _percent_rule(rule: str) -> str:
    """A core rule about a fraction, restated for a box that takes percent.

    >>> _percent_rule("must be a fraction between 0 and 0.4 (0.03 means 3%), got 0.5")
    'must be between 0% and 40%, got 50%'
    """
    rule = _FRACTION_HINT.sub("", rule).replace("a fraction between", "between")
    return _NUMBER.sub(lambda m: f"{float(m.group()) * 100:g}%", rule)


class TrancheRow(_Row):
    """One dated vesting tranche typed by the user: a month from the start and a share."""

    month: int | None = Field(default=None, ge=0, le=120)
    percent: float | None = Field(default=None, ge=0, le=100)


class LetterChecks(_Input):
    """Which of the six offer-letter items the written offer states (ticked by the user)."""

    role: bool = False
    salary: bool = False
    benefits: bool = False
    expenses: bool = False
    start_date: bool = False
    conditions: bool = False

    def confirmed(self) -> dict[str, bool]:
        """Item key -> ticked, for ``calculator.checklist.offer_letter_checklist``.

        >>> LetterChecks(salary=True).confirmed()["salary"]
        True
        """
        return {key: bool(getattr(self, key)) for key in LETTER_ITEMS}


class OfferInput(_Input):
    """One offer as typed on the Compare page (the same fields in the same order per column)."""

    name: str = _text()
    base_salary: float | None = _amount()
    base_per: Period = "year"
    hours_per_week: float | None = Field(default=DEFAULT_HOURS, ge=1, le=100)
    bonus_target_pct: float | None = _pct(500)
    bonus_payout_pct: float | None = _pct(300, 100.0)
    bonus_low_pct: float | None = _pct(300)
    bonus_high_pct: float | None = _pct(300)
    retention_1: float | None = _amount()
    retention_2: float | None = _amount()
    retention_3: float | None = _amount()
    retention_4: float | None = _amount()
    sign_on: float | None = _amount()
    sign_on_repay_months: int | None = Field(default=None, ge=0, le=60)
    sign_on_pro_rata: bool = False
    sign_on_upfront_pct: float | None = _pct(100)
    sign_on_rest_month: int | None = Field(default=None, ge=0, le=60)
    relocation: float | None = _amount()
    raise_pct: float | None = _pct(50)
    equity_kind: Literal["none", "rsu", "option"] = "none"
    equity_shares: float | None = _amount(MAX_SHARES)
    equity_price: float | None = _amount()
    equity_grant_value: float | None = _amount()
    equity_strike: float | None = _amount()
    equity_bear_price: float | None = _amount()
    equity_base_price: float | None = _amount()
    equity_bull_price: float | None = _amount()
    equity_schedule: Literal[
        "standard",
        "standard_quarterly",
        "front_loaded",
        "back_loaded",
        "amazon",
        "custom",
    ] = "standard"
    equity_tranches: list[TrancheRow] = Field(default_factory=list, max_length=120)
    equity_growth_pct: float | None = Field(default=None, ge=-90, le=100)
    equity_bear_growth_pct: float | None = Field(default=None, ge=-90, le=100)
    equity_bull_growth_pct: float | None = Field(default=None, ge=-90, le=100)
    equity_volatility_pct: float | None = Field(default=None, ge=0, le=300)
    refresher_value: float | None = _amount()
    refresher_first_month: int | None = Field(default=None, ge=0, le=120)
    holiday_days: float | None = Field(default=None, ge=0, le=260)
    pension_type: Literal["none", "percent", "uk_auto_enrolment", "match"] = "none"
    pension_employer_pct: float | None = _pct(100)
    pension_employee_pct: float | None = _pct(40)
    pension_match_cap_pct: float | None = _pct(100)
    health_care: float | None = _amount()
    travel_allowance: float | None = _amount()
    company_car: float | None = _amount()
    gym: float | None = _amount()
    home_days: float | None = Field(default=None, ge=0, le=7)
    commute_cost: float | None = _amount(1e6)
    commute_minutes: float | None = Field(default=None, ge=0, le=1440)
    study_funding: float | None = _amount()
    study_days: float | None = Field(default=None, ge=0, le=260)
    custom_name: str = _text()
    custom_value: float | None = _amount()
    factor_culture: int = Field(default=3, ge=1, le=5)
    factor_growth: int = Field(default=3, ge=1, le=5)
    factor_commute: int = Field(default=3, ge=1, le=5)
    factor_security: int = Field(default=3, ge=1, le=5)
    factor_flexibility: int = Field(default=3, ge=1, le=5)
    place_kind: Literal["none", "us_state", "custom"] = "none"
    place_state: str = _text(60)
    place_label: str = _text()
    place_index: float | None = Field(default=None, ge=1, le=1000)
    tax_country: Literal["none", "GB", "US"] = "none"
    tax_region: Literal["", "england", "scotland"] = ""
    #: None: the latest tax year the app has rates for.
    tax_year: int | None = Field(default=None, ge=2000, le=2100)
    tax_filing_status: Literal["", "single", "married_joint"] = ""
    #: Undergraduate plans held (any combination: they share one repayment).
    tax_student_loans: list[Literal["plan_1", "plan_2", "plan_4", "plan_5"]] = Field(
        default_factory=list, max_length=4
    )
    tax_postgraduate_loan: bool = False
    tax_benefits_taxable: bool = False
    tax_local_rate_pct: float | None = _pct(20)
    #: US: the state whose income tax applies; "" = the offer's place (a US state), if any.
    tax_state: str = _text(60)
    #: US: a local income tax of that state (its code, e.g. "NYC"); "" = none (or the
    #: state's default, where residents always pay one: Maryland's counties).
    tax_locality: str = _text(60)
    letter: LetterChecks = Field(default_factory=LetterChecks)
    #: The id of the application (Next steps) this offer came from; "" = none.
    application: str = Field(default="", max_length=40)

    @model_validator(mode="before")
    @classmethod
    def _one_loan_to_many(cls, data: object) -> object:
        """Earlier files held one plan as ``tax_student_loan`` ("" for none)."""
        if isinstance(data, dict) and "tax_student_loan" in data:
            data = dict(data)
            plan = data.pop("tax_student_loan")
            if "tax_student_loans" not in data:
                data["tax_student_loans"] = [plan] if plan else []
        return data

    def to_core(
        self, currency: str, fallback_name: str, *, count_refreshers: bool = False
    ) -> Offer | None:
        """The core :class:`~calculator.offers.Offer` (None until a base salary is entered).

        Percent becomes a fraction, the pay period stays with the offer (the core annualises
        it). A core ``InputError`` is raised again naming this model's field (the widget key
        without its ``offers.N.`` prefix), with rates restated in percent.

        >>> offer = OfferInput(base_salary=4000, base_per="month", bonus_target_pct=10)
        >>> core = offer.to_core("GBP", "Offer A")
        >>> core.base_salary, core.bonus.target_rate
        (48000.0, 0.1)
        >>> OfferInput(base_salary=50000, home_days=2, commute_minutes=30).to_core("GBP", "A").home_working.days_per_week
        2.0
        """
        if self.base_salary is None:
            return None
        name = self.name.strip() or fallback_name
        try:
            return self._offer(currency, name, count_refreshers)
        except InputError as err:
            raise self._restated(err) from None

    def _restated(self, err: InputError) -> InputError:
        core = err.field
        key = _CORE_TO_INPUT.get(core)
        if key is None and "." in core:
            key = _CORE_TO_INPUT.get(core.split(".", 1)[0])
        if key == "equity_schedule" and self.equity_schedule == "custom":
            key = "equity_tranches"
        if key == "tax_region" and self.tax_country == "US":
            key = "tax_state" if self.tax_state else "place_state"
        rule = err.rule
        if key is not None and key.endswith("_pct"):
            rule = _percent_rule(rule)
        return InputError(key or "", rule)

    def _offer(self, currency: str, name: str, count_refreshers: bool = False) -> Offer:
        stated = self.tax_benefits_taxable and self.tax_country != "none"
        offer = Offer(
            name=name,
            base_amount=float(self.base_salary or 0.0),
            currency=currency,
            pay_period=self.base_per,
            hours_per_week=self.hours_per_week or DEFAULT_HOURS,
            bonus=self._bonus(),
            sign_on=self._sign_on(),
            relocation=self.relocation,
            raise_rate=None if self.raise_pct is None else self.raise_pct / 100,
            equity=self._equity(),
            holiday_days=self.holiday_days,
            pension=self._pension(),
            health_care=self.health_care,
            travel_allowance=self.travel_allowance,
            company_car=self.company_car,
            gym=self.gym,
            home_working=self._home_working(),
            study=self._study(),
            custom_benefits=self._custom(),
            factors={factor: getattr(self, f"factor_{factor}") for factor in FACTORS},
            place=self._place(name),
            tax=self._tax(),
            refreshers=self._refreshers(),
            refreshers_counted=count_refreshers,
        )
        if not stated:
            return offer
        present = {n for n in TAXABLE_BENEFITS if n != "custom" and getattr(offer, n)}
        if offer.custom_benefits:
            present.add("custom")
        from dataclasses import replace

        return replace(offer, taxable_benefits=tuple(n for n in TAXABLE_BENEFITS if n in present))

    def _bonus(self) -> Bonus | None:
        retention = self._retention()
        if self.bonus_target_pct is None and not retention:
            return None
        payout = 100.0 if self.bonus_payout_pct is None else self.bonus_payout_pct
        low, high = self.bonus_low_pct, self.bonus_high_pct
        spread = None if low is None or high is None else (low / 100, high / 100)
        return Bonus(
            (self.bonus_target_pct or 0.0) / 100,
            payout / 100,
            amounts_by_year=retention,
            payout_range=spread,
        )

    def _retention(self) -> tuple[float, ...]:
        """Fixed cash by year (years 1-4), trailing empty years left out."""
        amounts = [self.retention_1, self.retention_2, self.retention_3, self.retention_4]
        while amounts and amounts[-1] is None:
            amounts.pop()
        return tuple(amount or 0.0 for amount in amounts)

    def _sign_on(self) -> SignOn | None:
        if self.sign_on is None:
            return None
        upfront = self.sign_on_upfront_pct
        parts: tuple[tuple[int, float], ...] = ()
        if upfront is not None and upfront < 100:
            rest_month = 12 if self.sign_on_rest_month is None else self.sign_on_rest_month
            parts = ((0, upfront / 100), (rest_month, 1 - upfront / 100))
        return SignOn(self.sign_on, self.sign_on_repay_months or 0, self.sign_on_pro_rata, parts)

    def _schedule(self) -> str | tuple[tuple[int, float], ...]:
        if self.equity_schedule != "custom":
            return self.equity_schedule
        rows = [r for r in self.equity_tranches if r.month is not None and r.percent is not None]
        if not rows:
            raise InputError("schedule", "needs at least one row with a month and a share")
        return tuple((int(r.month or 0), (r.percent or 0.0) / 100) for r in rows)

    def _equity(self) -> tuple[EquityGrant, ...]:
        if self.equity_kind == "none":
            return ()
        volatility = (
            None if self.equity_volatility_pct is None else self.equity_volatility_pct / 100
        )
        if self.equity_kind == "rsu":
            growth = {
                name: pct / 100
                for name, pct in (
                    ("bear", self.equity_bear_growth_pct),
                    ("bull", self.equity_bull_growth_pct),
                )
                if pct is not None
            }
            grant = EquityGrant(
                "rsu",
                shares=self.equity_shares,
                price=self.equity_price,
                grant_value=self.equity_grant_value,
                schedule=self._schedule(),
                growth_rate=(self.equity_growth_pct or 0.0) / 100,
                growth_scenarios=growth,
                volatility=volatility,
            )
        else:
            prices = {
                "zero": 0.0,
                "bear": self.equity_bear_price,
                "base": self.equity_base_price,
                "bull": self.equity_bull_price,
            }
            grant = EquityGrant(
                "option",
                shares=self.equity_shares,
                strike=self.equity_strike,
                scenarios={k: v for k, v in prices.items() if v is not None},
                schedule=self._schedule(),
                volatility=volatility,
            )
        return (grant,)

    def _refreshers(self) -> RefresherPlan | None:
        if self.refresher_value is None:
            return None
        first = 12 if self.refresher_first_month is None else self.refresher_first_month
        growth = (self.equity_growth_pct or 0.0) / 100 if self.equity_kind == "rsu" else 0.0
        return RefresherPlan(self.refresher_value, first_grant_month=first, growth_rate=growth)

    def _pension(self) -> Pension | None:
        if self.pension_type == "none":
            return None
        employer = (self.pension_employer_pct or 0.0) / 100
        stated = self.pension_employee_pct
        employee = None if stated is None else stated / 100  # None: the match cap is assumed
        if self.pension_type == "match":
            cap = (self.pension_match_cap_pct or 0.0) / 100
            return Pension(match_rate=employer, match_cap=cap, employee_rate=employee)
        if self.pension_type == "uk_auto_enrolment":
            return Pension(employer, basis="qualifying_earnings", employee_rate=employee)
        return Pension(employer, basis="salary", employee_rate=employee)

    def _home_working(self) -> HomeWorking | None:
        if self.home_days is None:
            return None
        return HomeWorking(
            self.home_days, commute_cost=self.commute_cost, commute_minutes=self.commute_minutes
        )

    def _study(self) -> Study | None:
        if self.study_funding is None and self.study_days is None:
            return None
        return Study(funding=self.study_funding, days=self.study_days)

    def _custom(self) -> tuple[CustomBenefit, ...]:
        if not self.custom_name.strip() or self.custom_value is None:
            return ()
        return (CustomBenefit(self.custom_name.strip(), self.custom_value),)

    def _place(self, name: str) -> Place | None:
        if self.place_kind == "us_state" and self.place_state:
            return Place.state(self.place_state)
        if self.place_kind == "custom" and self.place_index is not None:
            return Place.custom(self.place_label.strip() or name, self.place_index)
        return None

    def _tax(self) -> TaxProfile | None:
        if self.tax_country == "none":
            return None
        latest = max(available_tax_years(self.tax_country))
        year = latest if self.tax_year is None else self.tax_year
        if self.tax_country == "GB":
            loans: list[str] = list(dict.fromkeys(self.tax_student_loans))
            loans += ["postgraduate"] if self.tax_postgraduate_loan else []
            return TaxProfile(
                "GB", year, region=self.tax_region or None, student_loans=tuple(loans)
            )
        return TaxProfile(
            "US",
            year,
            region=self.tax_state_used() or None,
            filing_status=self.tax_filing_status or "single",
            state_local_rate=(self.tax_local_rate_pct or 0.0) / 100,
            locality=self.tax_locality_used(),
        )

    def tax_locality_used(self) -> str | None:
        """The local income tax counted: the one picked, if it belongs to the state used (a
        locality picked before the state changed is not carried to the new state) and no
        flat rate replaces the state's rules.

        >>> offer = OfferInput(tax_country="US", tax_state="New York", tax_locality="NYC")
        >>> offer.tax_locality_used(), offer.model_copy(update={"tax_state": "Ohio"}).tax_locality_used()
        ('NYC', None)
        """
        state = self.tax_state_used()
        if not self.tax_locality or not state or self.tax_local_rate_pct:
            return None
        return self.tax_locality if self.tax_locality in state_localities(state) else None

    def tax_state_used(self) -> str:
        """The state whose income tax a US offer pays: the one picked, else the offer's place.

        >>> OfferInput(place_kind="us_state", place_state="California").tax_state_used()
        'California'
        """
        if self.tax_state:
            return self.tax_state
        return self.place_state if self.place_kind == "us_state" else ""


# --- Compare settings and weights ----------------------------------------------------------


class CompareInput(_Input):
    """How the comparison is shown: how many offers, your current job as a baseline, years,
    gross or take-home, as paid or in the same money, refreshers counted or not, the odds."""

    offer_count: int = Field(default=2, ge=2, le=OFFER_COUNT)
    include_current: bool = False
    #: Show the weights and each job's 1-5 ratings (hidden, they keep their values).
    show_weights: bool = False
    years: int = Field(default=4, ge=1, le=10)
    view_net: bool = False
    same_money: bool = False
    count_refreshers: bool = False
    show_odds: bool = False
    leave_chance_pct: float | None = _pct(100)
    #: The column whose place's prices the same-money view uses: an offer, or OFFER_COUNT for
    #: your current job.
    home: int = Field(default=0, ge=0, le=OFFER_COUNT)
    leave_month: int = Field(default=18, ge=0, le=120)
    chart: Literal[
        "components", "cumulative", "score", "leaving", "take_home", "place", "vesting", "years"
    ] = "components"


class WeightsInput(_Input):
    """How much each part of a package matters, 0 (not at all) to 5 (very much)."""

    base: int = Field(default=3, ge=0, le=5)
    bonus: int = Field(default=3, ge=0, le=5)
    sign_on: int = Field(default=3, ge=0, le=5)
    equity: int = Field(default=3, ge=0, le=5)
    holiday: int = Field(default=3, ge=0, le=5)
    pension: int = Field(default=3, ge=0, le=5)
    health: int = Field(default=3, ge=0, le=5)
    travel: int = Field(default=3, ge=0, le=5)
    car: int = Field(default=3, ge=0, le=5)
    gym: int = Field(default=3, ge=0, le=5)
    home_working: int = Field(default=3, ge=0, le=5)
    study: int = Field(default=3, ge=0, le=5)
    custom: int = Field(default=3, ge=0, le=5)
    culture: int = Field(default=3, ge=0, le=5)
    growth: int = Field(default=3, ge=0, le=5)
    commute: int = Field(default=3, ge=0, le=5)
    security: int = Field(default=3, ge=0, le=5)
    flexibility: int = Field(default=3, ge=0, le=5)

    def to_core(self) -> dict[str, float]:
        """Weights keyed by ``calculator.scoring`` component names.

        >>> WeightsInput(health=5).to_core()["health_care"], WeightsInput().to_core()["factor:culture"]
        (5.0, 3.0)
        """
        return {_WEIGHT_COMPONENTS.get(name, name): float(getattr(self, name)) for name in WEIGHTED}


# --- Next steps -----------------------------------------------------------------------------

#: Where an application stands: applied (no news yet), then the core's stages.
APPLICATION_STAGES: Final = ("applied", *STAGES)
#: Whose public holidays: the UK's nations, and the US states and DC (the holidays package's
#: codes), with their names.
HOLIDAY_SUBDIVISIONS: Final[Mapping[str, Mapping[str, str]]] = {
    "GB": {"ENG": "England", "WLS": "Wales", "SCT": "Scotland", "NIR": "Northern Ireland"},
    "US": {state_code(name): name for name in US_STATES},
}


class LogRow(_Row):
    """One contact with the employer, as typed into the contact log table (``kind``: what a
    sent message was for, "" = work it out from the date; "Mark done" fills it)."""

    date: Day | None = None
    channel: Literal["email", "phone", "recruiter", "in person"] = "email"
    direction: Literal["sent", "received"] = "sent"
    kind: str = Field(default="", max_length=40)
    note: str = _text(MAX_NOTE)

    @field_validator("kind")
    @classmethod
    def _known_kind(cls, value: str) -> str:
        if value and value not in LOG_KINDS:
            raise ValueError(f"must be one of {', '.join(LOG_KINDS)} or empty")
        return value

    def to_core(self) -> LogEntry | None:
        """The core LogEntry (None for a row without a date).

        >>> LogRow(date=dt.date(2026, 6, 2), note="thanks", kind="thank_you").to_core().kind
        'thank_you'
        """
        if self.date is None:
            return None
        return LogEntry(self.date, self.channel, self.direction, self.note, self.kind or None)


class MessageEdits(_Input):
    """The user's own version of each ready message (``None``: use the template as it is)."""

    thank_you: str | None = Field(default=None, max_length=MAX_NOTE)
    reference_heads_up: str | None = Field(default=None, max_length=MAX_NOTE)
    agency_feedback: str | None = Field(default=None, max_length=MAX_NOTE)
    promised_item: str | None = Field(default=None, max_length=MAX_NOTE)
    status_check: str | None = Field(default=None, max_length=MAX_NOTE)
    status_voicemail: str | None = Field(default=None, max_length=MAX_NOTE)
    anything_else: str | None = Field(default=None, max_length=MAX_NOTE)
    competing_offer: str | None = Field(default=None, max_length=MAX_NOTE)
    offer_in_writing: str | None = Field(default=None, max_length=MAX_NOTE)
    counter_offer: str | None = Field(default=None, max_length=MAX_NOTE)
    decline: str | None = Field(default=None, max_length=MAX_NOTE)
    decline_offer: str | None = Field(default=None, max_length=MAX_NOTE)
    accept_offer: str | None = Field(default=None, max_length=MAX_NOTE)
    rejection_reply: str | None = Field(default=None, max_length=MAX_NOTE)


@dataclass(frozen=True, slots=True)
class FollowUpQuery:
    """One application in core values: ``follow_up_plan`` arguments (None: no interview date
    yet), the contact log and the acceptance terms (``min_salary`` None: the bottom line)."""

    plan_args: Mapping[str, Any] | None
    log: ContactLog
    terms: AcceptanceTerms

    @property
    def min_salary_from_bands(self) -> bool:
        """No minimum salary typed: the bottom line from Your numbers stands in for it."""
        return self.terms.min_salary is None


class ApplicationInput(_Input):
    """One application: the employer and role, where it stands, the interview, how to follow
    up, your acceptance terms for it, the contact log, notes and message edits. ``id`` is
    stable (offers on Compare link to it; calendar events keep their UIDs)."""

    id: str = Field(default="", max_length=40)
    company: str = _text()
    role: str = _text()
    stage: str = Field(default="applied", max_length=20)
    stage_date: Day | None = None
    answer_by: Day | None = None
    interview_date: Day | None = None
    decision_date: Day | None = None
    interviewer: str = _text()
    talking_point: str = _text(1000)
    contact_method: Literal["email", "phone", "recruiter"] = "email"
    agency: bool = False
    promised_items: str = _text()
    promised_date: Day | None = None
    min_salary: float | None = _amount()
    min_holiday_days: float | None = Field(default=None, ge=0, le=260)
    min_home_days: float | None = Field(default=None, ge=0, le=7)
    notes: str = _text(MAX_NOTE)
    contact_log: list[LogRow] = Field(default_factory=list, max_length=MAX_LOG_ROWS)
    messages: MessageEdits = Field(default_factory=MessageEdits)

    @field_validator("stage")
    @classmethod
    def _known_stage(cls, value: str) -> str:
        if value not in APPLICATION_STAGES:
            raise ValueError(f"must be one of {', '.join(APPLICATION_STAGES)}")
        return value

    @property
    def names(self) -> tuple[str, ...]:
        """The interviewers, typed with commas between them.

        >>> ApplicationInput(interviewer="Sam, Alex ,").names
        ('Sam', 'Alex')
        """
        return tuple(name.strip() for name in self.interviewer.split(",") if name.strip())

    def to_core(
        self,
        role: str = "",
        *,
        patience: str = "next_working_day",
        region: tuple[str | None, str | None] = (None, None),
    ) -> FollowUpQuery:
        """The plan's arguments, the ContactLog and the AcceptanceTerms (``role``: the role
        from Your numbers, used when this application names none).

        >>> q = ApplicationInput(interview_date=dt.date(2026, 6, 4), interviewer="Sam").to_core()
        >>> q.plan_args["interviewer_names"], q.plan_args["stage"], q.min_salary_from_bands
        (('Sam',), 'interviewing', True)
        """
        entries = [row.to_core() for row in self.contact_log]
        log = ContactLog(tuple(e for e in entries if e is not None))
        terms = AcceptanceTerms(
            min_salary=self.min_salary,
            min_holiday_days=self.min_holiday_days,
            min_home_working_days=self.min_home_days,
        )
        args = None
        if self.interview_date is not None:
            args = self._plan_args(log, self.role.strip() or role.strip(), patience, region)
        return FollowUpQuery(plan_args=args, log=log, terms=terms)

    def _plan_args(
        self, log: ContactLog, role: str, patience: str, region: tuple[str | None, str | None]
    ) -> dict[str, Any]:
        promised: tuple[tuple[str, dt.date], ...] = ()
        if self.promised_items.strip() and self.promised_date is not None:
            promised = ((self.promised_items.strip(), self.promised_date),)
        return {
            "interview_date": self.interview_date,
            "decision_date": self.decision_date,
            "contact_method": self.contact_method,
            "agency": self.agency,
            "promised_items": promised,
            "patience": patience,
            "log": log,
            "interviewer_names": self.names,
            "company": self.company.strip() or None,
            "role": role or None,
            "country": region[0],
            "subdivision": region[1],
            "stage": "interviewing" if self.stage == "applied" else self.stage,
            "stage_date": self.stage_date,
            "answer_by": self.answer_by,
            "key": self.id or None,
        }


class NextStepsInput(_Input):
    """Every application, how long to wait before chasing, and whose public holidays count
    (``country`` "" = from your settings: see :func:`holiday_region`)."""

    applications: list[ApplicationInput] = Field(default_factory=list, max_length=MAX_APPLICATIONS)
    patience: Literal["next_working_day", "several_days", "a_week"] = "next_working_day"
    country: Literal["", "none", "GB", "US"] = ""
    subdivision: str = _text(10)


#: Scenario leaves of the Next steps page before several applications (files up to version 2,
#: stores before issue 15): they were the one application's fields.
_SINGLE_APPLICATION: Final = (
    "interview_date",
    "decision_date",
    "contact_method",
    "agency",
    "promised_items",
    "promised_date",
    "interviewer",
    "company",
    "talking_point",
    "min_salary",
    "min_holiday_days",
    "min_home_days",
    "contact_log",
    "messages",
)


def upgrade_next_steps(section: Mapping[str, Any], new_id: Callable[[], str]) -> dict[str, Any]:
    """A Next steps section saved before several applications, in today's shape: its one
    application (if anything was filled in) becomes the first of the list, with id
    ``new_id()``; a section already holding ``applications`` is returned as it is.

    >>> up = upgrade_next_steps({"company": "Acme", "patience": "a_week"}, lambda: "a1")
    >>> up["patience"], up["applications"][0]["company"], up["applications"][0]["stage"]
    ('a_week', 'Acme', 'applied')
    >>> upgrade_next_steps({"company": ""}, lambda: "a1")
    {'applications': []}
    """
    if "applications" in section:
        return dict(section)
    out = {k: v for k, v in section.items() if k not in _SINGLE_APPLICATION}
    old = {k: v for k, v in section.items() if k in _SINGLE_APPLICATION}
    blank = ApplicationInput().model_dump(mode="json")
    used = {k: v for k, v in old.items() if v != blank.get(k) and v not in (None, "", [], {})}
    if isinstance(used.get("messages"), Mapping) and not any(used["messages"].values()):
        used.pop("messages")
    if not used:
        return {**out, "applications": []}
    stage = "interviewing" if old.get("interview_date") else "applied"
    return {**out, "applications": [{**old, "id": new_id(), "stage": stage}]}


def holiday_region(scenario: ScenarioInput) -> tuple[str | None, str | None]:
    """Whose public holidays the plans skip: the Next steps choice, else your settings (your
    current job's tax country and region, else the first offer's, else the currency: pounds
    -> England, dollars -> US federal, anything else -> weekends only).

    >>> holiday_region(ScenarioInput())
    ('GB', 'ENG')
    >>> holiday_region(ScenarioInput(next_steps={"country": "US", "subdivision": "NC"}))
    ('US', 'NC')
    >>> holiday_region(ScenarioInput(next_steps={"country": "GB", "subdivision": "NC"}))
    ('GB', None)
    """
    steps = scenario.next_steps
    if steps.country == "none":
        return None, None
    if steps.country:  # a subdivision not of that country (an edited file) is left out
        found = steps.subdivision.strip().upper()
        return steps.country, found if found in HOLIDAY_SUBDIVISIONS[steps.country] else None
    for job in (scenario.current_job, *scenario.offers):
        if job.tax_country == "GB":
            return "GB", {"scotland": "SCT"}.get(job.tax_region, "ENG")
        if job.tax_country == "US":
            return "US", _state_or_none(job.tax_state_used())
    return {"GBP": ("GB", "ENG"), "USD": ("US", None)}.get(scenario.numbers.currency, (None, None))


def _state_or_none(state: str) -> str | None:
    try:
        return state_code(state) if state else None
    except InputError:
        return None


# --- the whole scenario -----------------------------------------------------------------------


def _offers() -> list[OfferInput]:
    return [OfferInput() for _ in range(OFFER_COUNT)]


class ScenarioInput(_Input):
    """Every input of one scenario (one job search): up to four offers and your current job."""

    numbers: NumbersInput = Field(default_factory=NumbersInput)
    offers: list[OfferInput] = Field(
        default_factory=_offers, min_length=OFFER_COUNT, max_length=OFFER_COUNT
    )
    current_job: OfferInput = Field(default_factory=OfferInput)
    compare: CompareInput = Field(default_factory=CompareInput)
    weights: WeightsInput = Field(default_factory=WeightsInput)
    next_steps: NextStepsInput = Field(default_factory=NextStepsInput)

    @field_validator("offers", mode="before")
    @classmethod
    def _pad_offers(cls, value: object) -> object:
        """Files with two or three offers (earlier versions) get empty columns up to four."""
        if isinstance(value, list) and 2 <= len(value) < OFFER_COUNT:
            return [*value, *({} for _ in range(OFFER_COUNT - len(value)))]
        return value

    def columns(self) -> list[tuple[str, OfferInput]]:
        """(field-path prefix, input) of each column in use: the offers shown, then your
        current job when it is the baseline.

        >>> [p for p, _ in ScenarioInput(compare={"include_current": True}).columns()]
        ['offers.0', 'offers.1', 'current_job']
        """
        shown = [(f"offers.{i}", o) for i, o in enumerate(self.offers[: self.compare.offer_count])]
        if self.compare.include_current:
            shown.append((CURRENT_JOB, self.current_job))
        return shown

    def column(self, prefix: str) -> OfferInput:
        """The input of column ``prefix`` ("offers.N" or "current_job")."""
        if prefix == CURRENT_JOB:
            return self.current_job
        return self.offers[int(prefix.split(".")[1])]

    def core_offers(self) -> list[tuple[str, Offer | None, InputError | None]]:
        """(prefix, Offer or None, the error naming the widget path) for each column in use.

        >>> s = ScenarioInput(offers=[OfferInput(base_salary=50000), OfferInput(home_days=2)])
        >>> [(p, o.name if o else None, e) for p, o, e in s.core_offers()]
        [('offers.0', 'Offer A', None), ('offers.1', None, None)]
        """
        out: list[tuple[str, Offer | None, InputError | None]] = []
        counted = self.compare.count_refreshers
        for prefix, offer in self.columns():
            try:
                core = offer.to_core(
                    self.numbers.currency, column_label(prefix), count_refreshers=counted
                )
            except InputError as err:
                path = prefix + (f".{err.field}" if err.field else "")
                out.append((prefix, None, InputError(path, err.rule)))
                continue
            out.append((prefix, core, None))
        return out


def column_label(prefix: str) -> str:
    """The default name of a column: "Offer A"... or "Your current job".

    >>> column_label("offers.2"), column_label("current_job")
    ('Offer C', 'Your current job')
    """
    if prefix == CURRENT_JOB:
        return "Your current job"
    return offer_label(int(prefix.split(".")[1]))


def offer_label(index: int) -> str:
    """The default name of offer column ``index``: "Offer A", "Offer B", ...

    >>> offer_label(1)
    'Offer B'
    """
    return f"Offer {chr(ord('A') + index)}"


# --- field paths --------------------------------------------------------------------------------

#: Lists whose items are sections (recursed into by index); every other list is one leaf.
_SECTION_LISTS: Final = frozenset({"offers"})
#: The applications: any number, so their leaves are counted by one more leaf, the count.
APPLICATIONS: Final = "next_steps.applications"
APPLICATION_COUNT: Final = "next_steps.application_count"
_APPLICATION_LEAF = re.compile(r"^next_steps\.applications\.(\d+)\.(.+)$")


def flatten(data: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    """Leaves of a dumped scenario (``ScenarioInput.model_dump()``), keyed by field path;
    the applications' leaves are ``next_steps.applications.N.<field>`` and their number is
    the leaf ``next_steps.application_count``.

    >>> leaves = flatten(ScenarioInput().model_dump(mode="json"))
    >>> leaves["offers.1.hours_per_week"], leaves["numbers.points"], len(leaves) > 150
    (37.5, [], True)
    >>> flatten({"next_steps": {"applications": [{"company": "Acme"}]}})
    {'next_steps.applications.0.company': 'Acme', 'next_steps.application_count': 1}
    """
    out: dict[str, Any] = {}
    for name, value in data.items():
        path = f"{prefix}{name}"
        if isinstance(value, Mapping):
            out.update(flatten(value, f"{path}."))
        elif path == APPLICATIONS and isinstance(value, list):
            for index, item in enumerate(value):
                out.update(flatten(item, f"{path}.{index}."))
            out[APPLICATION_COUNT] = len(value)
        elif name in _SECTION_LISTS and not prefix and isinstance(value, list):
            for index, item in enumerate(value):
                out.update(flatten(item, f"{path}.{index}."))
        else:
            out[path] = value
    return out


def _nest(values: Mapping[str, Any]) -> dict[str, Any]:
    """The inverse of :func:`flatten`: nested dicts, with ``offers`` and the applications as
    lists (as many applications as the count says; leaves beyond it are left out)."""
    nested: dict[str, Any] = {}
    count = values.get(APPLICATION_COUNT, 0)
    for path, value in values.items():
        found = _APPLICATION_LEAF.match(path)
        if path == APPLICATION_COUNT or (found and int(found.group(1)) >= _count(count)):
            continue
        node = nested
        parts = path.split(".")
        for part in parts[:-1]:
            node = node.setdefault(part, {})
        node[parts[-1]] = value
    offers = nested.get("offers")
    if isinstance(offers, dict):
        keys = sorted(offers, key=lambda k: int(k) if k.isdigit() else 1_000)
        nested["offers"] = [offers[k] for k in keys]
    steps = nested.setdefault("next_steps", {})
    if isinstance(steps, dict):
        found_apps = steps.get("applications")
        apps = found_apps if isinstance(found_apps, dict) else {}
        steps["applications"] = [apps.get(str(i), {}) for i in range(_count(count))]
    return nested


def _count(value: object) -> int:
    """The number of applications a stored count allows (bad values: none; at most the max +
    1, so a count over the limit still fails validation rather than growing without end)."""
    if isinstance(value, bool) or not isinstance(value, int):
        return 0
    return max(0, min(value, MAX_APPLICATIONS + 1))


def application_path(index: int, name: str) -> str:
    """The field path of leaf ``name`` of application ``index``.

    >>> application_path(2, "company")
    'next_steps.applications.2.company'
    """
    return f"{APPLICATIONS}.{index}.{name}"


def application_paths(index: int) -> tuple[str, ...]:
    """Every leaf path of application ``index``, in form order."""
    return tuple(application_path(index, name) for name in _APPLICATION_DEFAULTS)


def leaf_paths(count: int) -> tuple[str, ...]:
    """The leaves of a scenario with ``count`` applications: the fixed ones, then each
    application's.

    >>> len(leaf_paths(2)) - len(LEAF_PATHS) == 2 * len(application_paths(0))
    True
    """
    extra = [path for index in range(_count(count)) for path in application_paths(index)]
    return (*LEAF_PATHS, *extra)


def is_leaf(path: str) -> bool:
    """Whether ``path`` names a leaf of some scenario (a fixed leaf or an application's).

    >>> is_leaf("next_steps.applications.7.company"), is_leaf("next_steps.company")
    (True, False)
    """
    if path in DEFAULTS:
        return True
    found = _APPLICATION_LEAF.match(path)
    return bool(found) and found.group(2) in _APPLICATION_DEFAULTS  # type: ignore[union-attr]


def default_of(path: str) -> Any:
    """The default (JSON form) of any leaf, an application's included; None if unknown.

    >>> default_of("next_steps.applications.3.stage"), default_of("weights.base")
    ('applied', 3)
    """
    if path in DEFAULTS:
        return DEFAULTS[path]
    found = _APPLICATION_LEAF.match(path)
    return _APPLICATION_DEFAULTS.get(found.group(2)) if found else None


def _generic(path: str) -> str:
    """An application's leaf with its index as ``*`` (how the tables below name it)."""
    found = _APPLICATION_LEAF.match(path)
    return f"{APPLICATIONS}.*.{found.group(2)}" if found else path


class _ByLeaf(Mapping[str, Any]):
    """A mapping keyed by leaf path in which every application's leaf finds the entry of
    ``next_steps.applications.*.<field>``."""

    def __init__(self, entries: Mapping[str, Any]) -> None:
        self._entries = dict(entries)

    def __getitem__(self, path: str) -> Any:
        return self._entries[_generic(path)]

    def __contains__(self, path: object) -> bool:
        return isinstance(path, str) and _generic(path) in self._entries

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)


def upgrade_leaves(values: Mapping[str, Any], new_id: Callable[[], str]) -> dict[str, Any]:
    """Leaves stored before several applications, in today's form (see
    :func:`upgrade_next_steps`); leaves already holding an application count pass as they are.

    >>> up = upgrade_leaves({"next_steps.company": "Acme"}, lambda: "a1")
    >>> up["next_steps.application_count"], up["next_steps.applications.0.company"]
    (1, 'Acme')
    >>> "next_steps.company" in up
    False
    """
    if APPLICATION_COUNT in values:
        return dict(values)

    def single(path: str) -> bool:
        parts = path.split(".")
        return parts[0] == "next_steps" and len(parts) > 1 and parts[1] in _SINGLE_APPLICATION

    old = {path.split(".", 1)[1]: value for path, value in values.items() if single(path)}
    kept = {path: value for path, value in values.items() if not single(path)}
    section = upgrade_next_steps(_nest_plain(old), new_id)
    return {**kept, **flatten({"next_steps": {"applications": section["applications"]}})}


def _nest_plain(values: Mapping[str, Any]) -> dict[str, Any]:
    """Dotted keys as nested dicts (no lists)."""
    nested: dict[str, Any] = {}
    for path, value in values.items():
        node = nested
        parts = path.split(".")
        for part in parts[:-1]:
            node = node.setdefault(part, {})
        node[parts[-1]] = value
    return nested


_DATE_REPR = re.compile(r"datetime\.date\((\d+), (\d+), (\d+)\)")


def _n(number: Any) -> str:
    if isinstance(number, dt.date):
        return number.isoformat()
    if isinstance(number, str) and _DATE_REPR.fullmatch(number):  # pydantic's date bounds
        year, month, day = (int(part) for part in _DATE_REPR.fullmatch(number).groups())  # type: ignore[union-attr]
        return dt.date(year, month, day).isoformat()
    if isinstance(number, float) and number.is_integer():
        number = int(number)
    return f"{number:,}" if isinstance(number, (int, float)) else str(number)


_MESSAGES: Final[dict[str, Callable[[Mapping[str, Any]], str]]] = {
    "less_than_equal": lambda c: f"must be at most {_n(c['le'])}",
    "less_than": lambda c: f"must be less than {_n(c['lt'])}",
    "greater_than_equal": lambda c: f"must be at least {_n(c['ge'])}",
    "greater_than": lambda c: f"must be more than {_n(c['gt'])}",
    "string_too_long": lambda c: f"must be at most {c['max_length']:,} characters",
    "too_long": lambda c: f"must have at most {c['max_length']:,} entries",
    "too_short": lambda c: f"must have at least {c['min_length']:,} items",
    "finite_number": lambda c: "must be a finite number",
    "extra_forbidden": lambda c: "is not a field this app knows",
    "literal_error": lambda c: f"must be one of {c.get('expected', 'the listed choices')}",
    "model_type": lambda c: "must be an object holding that section's fields",
    "model_attributes_type": lambda c: "must be an object holding that section's fields",
    "dict_type": lambda c: "must be an object",
    "list_type": lambda c: "must be a list",
}


def validation_messages(error: ValidationError) -> dict[str, str]:
    """Field path -> a readable rule, for each problem pydantic found (first per path).

    >>> try:
    ...     ScenarioInput.model_validate({"weights": {"base": 9}})
    ... except ValidationError as err:
    ...     validation_messages(err)
    {'weights.base': 'must be at most 5'}
    """
    out: dict[str, str] = {}
    for problem in error.errors(include_url=False):
        loc = [str(part) for part in problem["loc"]]
        if loc and loc[-1] in ("function-after[...]", "function-before[_day()]"):
            loc = loc[:-1]
        path = ".".join(part for part in loc if not _is_type_tag(part)) or "file"
        make = _MESSAGES.get(problem["type"])
        context = problem.get("ctx") or {}
        rule = make(context) if make is not None else _plain(problem["msg"])
        if _TABLE.fullmatch(path) and _table_path(path) == path:
            rule = rule.replace(" entries", " rows")
        out.setdefault(_table_path(path), rule)
    return out


def _is_type_tag(part: str) -> bool:
    # pydantic adds the union member it tried (e.g. "float", "constrained-float") to the location
    return part in ("float", "int", "str", "bool", "date", "list", "none") or "[" in part


_TABLE = re.compile(
    r"^(numbers\.points|next_steps\.applications\.\d+\.contact_log"
    r"|(?:offers\.\d+|current_job)\.equity_tranches)(?:\..*)?$"
)


def _table_path(path: str) -> str:
    """Errors inside a table row are reported on the table (its one widget)."""
    found = _TABLE.match(path)
    return found.group(1) if found else path


def _plain(message: str) -> str:
    text = message[0].lower() + message[1:] if message else "is not valid"
    text = text.replace("input should be", "must be").replace("value error, ", "")
    return text


def validate_values(values: Mapping[str, Any]) -> tuple[ScenarioInput, dict[str, str]]:
    """Validate leaves keyed by path; return the scenario and the messages of bad leaves.

    Missing leaves take their defaults. A bad leaf takes its default in the returned scenario (so the rest still computes) and
    its message is returned under its path, for the widget that shows it.

    >>> scenario, errors = validate_values({"offers.0.base_salary": -5, "weights.base": 4})
    >>> scenario.offers[0].base_salary, scenario.weights.base, errors
    (None, 4, {'offers.0.base_salary': 'must be at least 0'})
    """
    values = {**DEFAULTS, **values}
    errors: dict[str, str] = {}
    count = values[APPLICATION_COUNT]
    if isinstance(count, bool) or not isinstance(count, int) or not 0 <= count <= MAX_APPLICATIONS:
        errors[APPLICATION_COUNT] = (
            f"must be a whole number of applications from 0 to {MAX_APPLICATIONS}"
            if not isinstance(count, int) or isinstance(count, bool)
            else f"must be at most {MAX_APPLICATIONS}"
            if count > 0
            else "must be at least 0"
        )
        values[APPLICATION_COUNT] = 0
    for _ in range(3):
        try:
            return ScenarioInput.model_validate(_nest(values)), errors
        except ValidationError as err:
            found = validation_messages(err)
            errors.update({path: rule for path, rule in found.items() if path not in errors})
            known = [p for p in found if p in values]
            if not known:
                break
            for path in known:
                values[path] = default_of(path)
    return ScenarioInput(), errors


#: Every leaf's default value (JSON form), and the list of paths in page order.
DEFAULTS: Final[Mapping[str, Any]] = flatten(ScenarioInput().model_dump(mode="json"))
LEAF_PATHS: Final = tuple(DEFAULTS)
#: An application's leaves (field name under ``next_steps.applications.N.``) and defaults.
_APPLICATION_DEFAULTS: Final[Mapping[str, Any]] = flatten(
    ApplicationInput().model_dump(mode="json")
)
_APPLICATION_DATES: Final = ("stage_date", "answer_by", "interview_date", "decision_date")
#: Leaves that hold a date, and table columns that do (JSON keeps them as ISO text); an
#: application's leaves are named with ``*`` for the index (look them up with the path).
DATE_PATHS: Final = frozenset(
    f"{APPLICATIONS}.*.{name}" for name in (*_APPLICATION_DATES, "promised_date")
)
TABLE_DATE_COLUMNS: Final[Mapping[str, tuple[str, ...]]] = _ByLeaf(
    {f"{APPLICATIONS}.*.contact_log": ("date",)}
)
#: Each table's row model.
TABLE_ROWS: Final[Mapping[str, type[_Row]]] = _ByLeaf(
    {
        "numbers.points": PointRow,
        f"{APPLICATIONS}.*.contact_log": LogRow,
        **{f"offers.{i}.equity_tranches": TrancheRow for i in range(OFFER_COUNT)},
        f"{CURRENT_JOB}.equity_tranches": TrancheRow,
    }
)


def json_value(value: Any) -> Any:
    """A leaf's value in JSON form (dates as ISO text), for the store and for comparisons.

    >>> json_value([{"date": dt.date(2026, 6, 2), "note": "hi"}])
    [{'date': '2026-06-02', 'note': 'hi'}]
    """
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return [json_value(item) for item in value]
    if isinstance(value, dict):
        return {key: json_value(item) for key, item in value.items()}
    return value


def python_value(path: str, value: Any) -> Any:
    """A leaf's JSON value in the form its widget holds (ISO text back to dates).

    >>> python_value("next_steps.applications.0.interview_date", "2026-06-02")
    datetime.date(2026, 6, 2)
    """
    if _generic(path) in DATE_PATHS:
        return _iso(value)
    columns = TABLE_DATE_COLUMNS.get(path)
    if columns and isinstance(value, list):
        return [
            {k: _iso(v) if k in columns else v for k, v in row.items()}
            if isinstance(row, dict)
            else row
            for row in value
        ]
    return value


def _iso(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return value
    return value


class _Count(_Input):
    """The number of applications, as a field (its bounds, for checks and tests)."""

    application_count: int = Field(default=0, ge=0, le=MAX_APPLICATIONS)


def _field(path: str) -> Any:
    """The pydantic FieldInfo of a leaf path (``offers.N`` parts skip the index)."""
    if path == APPLICATION_COUNT:
        return _Count.model_fields["application_count"]
    model: Any = ScenarioInput
    info = None
    for part in path.split("."):
        if part.isdigit():
            continue
        info = model.model_fields[part]
        annotation = info.annotation
        inner = getattr(annotation, "__args__", None)
        model = inner[0] if inner and isinstance(inner[0], type) else annotation
    if info is None:
        raise KeyError(path)
    return info


def bounds(path: str) -> tuple[float | None, float | None]:
    """The (lowest, highest) value a number leaf accepts, for the widget's min and max.

    Models use inclusive bounds only (``ge``/``le``), as a number box does.

    >>> bounds("offers.0.pension_employee_pct"), bounds("weights.base")
    ((0, 40), (0, 5))
    """
    low: float | None = None
    high: float | None = None
    for item in _field(path).metadata:
        if isinstance(item, annotated_types.Ge):
            low = item.ge  # type: ignore[assignment]
        elif isinstance(item, annotated_types.Le):
            high = item.le  # type: ignore[assignment]
        elif isinstance(item, (annotated_types.Gt, annotated_types.Lt)):
            raise TypeError(f"{path}: use inclusive bounds (ge, le) for a number box")
    return low, high


def max_length(path: str) -> int | None:
    """The most characters (text) or rows (tables) a leaf accepts.

    >>> max_length("offers.0.name"), max_length("next_steps.applications.0.contact_log")
    (200, 1000)
    """
    for item in _field(path).metadata:
        if isinstance(item, annotated_types.MaxLen):
            return int(item.max_length)
    return None


# --- plausibility ---------------------------------------------------------------------------------


def implausible(
    amount: float | None, per: str, currency: str, hours: float | None = None
) -> str | None:
    """A "did you mean…" warning for pay that is possible but very unlikely, else None.

    Over 1,000 an hour, or over 10 million a year in any period, is far more often a typing
    slip (a yearly figure with "an hour" left selected, an extra zero) than a real salary.

    >>> implausible(68_000, "hour", "GBP")
    '£68,000 an hour is £132,600,000 a year. Did you mean £68,000 a year?'
    >>> implausible(68_000, "year", "GBP") is None
    True
    """
    if amount is None or amount <= 0:
        return None
    try:
        annual = to_annual(amount, per, hours_per_week=hours or DEFAULT_HOURS)  # type: ignore[arg-type]
    except InputError:
        return None
    shown = format_money(amount, currency)
    unit = {"year": "a year", "month": "a month", "week": "a week", "day": "a day"}
    if per == "hour" and amount > PLAUSIBLE_HOURLY:
        return (
            f"{shown} an hour is {format_money(annual, currency)} a year. "
            f"Did you mean {shown} a year?"
        )
    if annual > PLAUSIBLE_ANNUAL:
        return (
            f"{shown} {unit.get(per, 'an hour')} is {format_money(annual, currency)} a year, "
            f"which is unusual. Did you mean {format_money(amount / 10, currency)} "
            "(one zero fewer)?"
        )
    return None


def implausible_hours(hours: float | None) -> str | None:
    """A warning for more than 80 hours a week (possible, but usually a slip).

    >>> implausible_hours(90)
    'More than 80 hours a week is very unusual: did you mean 90 hours a fortnight (45 a week)?'
    """
    if hours is None or hours <= PLAUSIBLE_HOURS:
        return None
    return (
        f"More than {PLAUSIBLE_HOURS:g} hours a week is very unusual: did you mean "
        f"{hours:g} hours a fortnight ({hours / 2:g} a week)?"
    )
