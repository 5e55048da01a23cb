"""The offer model: one job offer, everything in it, and what it leaves unstated.

An :class:`Offer` is immutable. Every optional part is ``None`` when the offer does not state
it ("not stated" is not zero: it values as nothing *and* becomes a question to ask the
employer). Amounts are annual in major units unless a field says otherwise; rates are fractions
(0.05 means 5%). Build offers from JSON-like data with :meth:`Offer.from_dict`; ``to_dict``
round-trips it exactly.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields, replace
from typing import TYPE_CHECKING, Any, Final, Literal

from ._validate import (
    check_choice,
    check_fraction,
    check_int_range,
    check_non_negative,
    check_positive,
    check_range,
)
from .equity import EquityGrant, RefresherPlan
from .errors import InputError
from .periods import PAY_PERIODS, PayPeriod, to_annual
from .places import Place
from .tax import MAX_PENSION_RATE

if TYPE_CHECKING:
    from .tax import TaxProfile

__all__ = [
    "FACTOR_RANGE",
    "TAXABLE_BENEFITS",
    "Bonus",
    "CustomBenefit",
    "HomeWorking",
    "Offer",
    "Pension",
    "PensionBasis",
    "SignOn",
    "Study",
]

PensionBasis = Literal["salary", "qualifying_earnings"]
#: Non-money factors are rated on this scale (docs/domain.md section 4).
FACTOR_RANGE: Final = (1, 5)
#: Components the user may mark as taxed as income in the net view (benefits in kind and
#: taxable allowances; "custom" covers every custom benefit). Holiday, pension and home working
#: are never taxed as income here: paid leave is already salary, employer pension
#: contributions are relieved, and commuting saved is not pay.
TAXABLE_BENEFITS: Final = (
    "relocation",
    "health_care",
    "travel_allowance",
    "company_car",
    "gym",
    "study",
    "custom",
)


def _opt(name: str, value: object) -> float | None:
    return None if value is None else check_non_negative(name, value)


def _mapping(name: str, data: object) -> Mapping[str, Any]:
    if not isinstance(data, Mapping):
        raise InputError(name, f"must be a mapping of its fields, got {type(data).__name__}")
    return data


@dataclass(frozen=True, slots=True)
class Bonus:
    """Cash bonus each year (docs/domain.md sections 4 and 5): ``rate x base x expected_payout`` plus any
    fixed amount for that year.

    ``expected_payout`` None means the offer gave no payout history: 100% is assumed and the
    question is asked. ``rates_by_year`` sets the target rate of years 1, 2, ... (later years
    use ``target_rate``), e.g. a guaranteed first-year bonus; ``amounts_by_year`` are fixed
    cash amounts paid at the end of years 1, 2, ... (a retention bonus), not scaled by payout.

    >>> Bonus(0.10, 0.8).expected(50_000)
    4000.0
    >>> retention = Bonus(0.10, amounts_by_year=(0, 10_000, 10_000))
    >>> [retention.expected(50_000, year) for year in range(4)]
    [5000.0, 15000.0, 15000.0, 5000.0]
    """

    target_rate: float
    expected_payout: float | None = None
    rates_by_year: tuple[float, ...] = ()
    amounts_by_year: tuple[float, ...] = ()
    #: The lowest and highest payout the user thinks likely (fractions of target), for the
    #: simulation (:func:`calculator.simulate.simulate_offers`); None: the expected payout, fixed.
    payout_range: tuple[float, float] | None = None

    def __post_init__(self) -> None:
        object.__setattr__(
            self, "target_rate", check_fraction("bonus.target_rate", self.target_rate, high=5.0)
        )
        if self.expected_payout is not None:
            check_fraction("bonus.expected_payout", self.expected_payout, high=3.0)
        rates = _yearly("bonus.rates_by_year", self.rates_by_year)
        for year, rate in enumerate(rates, start=1):
            check_fraction(f"bonus.rates_by_year.{year}", rate, high=5.0)
        amounts = _yearly("bonus.amounts_by_year", self.amounts_by_year)
        checked = tuple(
            check_non_negative(f"bonus.amounts_by_year.{year}", amount)
            for year, amount in enumerate(amounts, start=1)
        )
        object.__setattr__(self, "rates_by_year", tuple(float(r) for r in rates))
        object.__setattr__(self, "amounts_by_year", checked)
        if self.payout_range is not None:
            object.__setattr__(self, "payout_range", _payout_range(self.payout_range))

    def rate(self, year: int = 0) -> float:
        """The target rate of year ``year`` (0 = the first year)."""
        return self.rates_by_year[year] if year < len(self.rates_by_year) else self.target_rate

    def fixed(self, year: int = 0) -> float:
        """The fixed amount paid for year ``year`` (0 = the first year)."""
        return self.amounts_by_year[year] if year < len(self.amounts_by_year) else 0.0

    def expected(self, base_salary: float, year: int = 0) -> float:
        """Expected bonus of year ``year`` (0 = the first) on that year's ``base_salary``."""
        payout = 1.0 if self.expected_payout is None else self.expected_payout
        return self.rate(year) * base_salary * payout + self.fixed(year)


def _payout_range(value: object) -> tuple[float, float]:
    if isinstance(value, (str, bytes)) or not isinstance(value, (list, tuple)) or len(value) != 2:
        raise InputError("bonus.payout_range", f"must be (lowest, highest), got {value!r}")
    low = check_fraction("bonus.payout_range", value[0], high=3.0)
    high = check_fraction("bonus.payout_range", value[1], high=3.0)
    if low > high:
        raise InputError("bonus.payout_range", f"lowest ({low:g}) is above highest ({high:g})")
    return (low, high)


def _yearly(name: str, values: object) -> tuple[Any, ...]:
    """A per-year sequence (year 1 first), at most 30 years."""
    if isinstance(values, (str, bytes)) or not isinstance(values, (list, tuple)):
        raise InputError(name, "must be a list of yearly figures, year 1 first")
    if len(values) > 30:
        raise InputError(name, f"must cover at most 30 years, got {len(values)}")
    return tuple(values)


@dataclass(frozen=True, slots=True)
class SignOn:
    """Sign-on bonus with its repayment clause, paid at once or in instalments (docs/domain.md sections 4-5).

    ``instalments`` are ``(month, share)`` pairs (month 0 = the first day; shares add up to 1);
    none means all of it at the start. Default clause (the common one): repaid **in full** if
    you leave within ``repayment_months``; with ``pro_rata=True`` you keep the share earned,
    ``amount x month / repayment_months``, of what has been paid.

    >>> SignOn(5_000, 12).kept_if_leaving_at(6), SignOn(5_000, 12).kept_if_leaving_at(12)
    (0.0, 5000.0)
    >>> SignOn(6_000, 12, pro_rata=True).kept_if_leaving_at(3)
    1500.0
    >>> halves = SignOn(10_000, 0, instalments=((0, 0.5), (12, 0.5)))
    >>> halves.paid_by_month(11), halves.in_year(1)
    (5000.0, 5000.0)
    """

    amount: float
    repayment_months: int = 0
    pro_rata: bool = False
    instalments: tuple[tuple[int, float], ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "amount", check_non_negative("sign_on", self.amount))
        months = check_int_range("sign_on.repayment_months", self.repayment_months, 0, 60)
        object.__setattr__(self, "repayment_months", months)
        if not isinstance(self.pro_rata, bool):
            raise InputError("sign_on.pro_rata", f"must be true or false, got {self.pro_rata!r}")
        object.__setattr__(self, "instalments", _instalments(self.instalments))

    def _paid(self) -> tuple[tuple[int, float], ...]:
        return self.instalments or ((0, 1.0),)

    def paid_by_month(self, month: int) -> float:
        """What has been paid by the end of month ``month`` (0 = the first day)."""
        return self.amount * sum(share for at, share in self._paid() if at <= month)

    def in_year(self, year: int) -> float:
        """What is paid during year ``year`` (0 = the first: months 0 to 11)."""
        return self.amount * sum(share for at, share in self._paid() if at // 12 == year)

    def kept_if_leaving_at(self, month: int) -> float:
        """What you keep if you leave after ``month`` months (see the class docstring)."""
        paid = self.paid_by_month(month)
        if month >= self.repayment_months:
            return paid
        if self.pro_rata:
            return min(paid, self.amount * max(month, 0) / self.repayment_months)
        return 0.0


def _instalments(value: object) -> tuple[tuple[int, float], ...]:
    """(month, share) pairs: months 0-60 in order, shares 0-1 adding up to 1."""
    if isinstance(value, (str, bytes)) or not isinstance(value, (list, tuple)):
        raise InputError("sign_on.instalments", "must be a list of (month, share) pairs")
    pairs: list[tuple[int, float]] = []
    for pair in value:
        if isinstance(pair, (str, bytes)) or not isinstance(pair, (list, tuple)) or len(pair) != 2:
            raise InputError(
                "sign_on.instalments", f"each must be a (month, share) pair, got {pair!r}"
            )
        month = check_int_range("sign_on.instalments", pair[0], 0, 60)
        pairs.append((month, check_fraction("sign_on.instalments", pair[1])))
    if pairs and [m for m, _ in pairs] != sorted(m for m, _ in pairs):
        raise InputError("sign_on.instalments", "months must be in order")
    if pairs and abs(sum(share for _, share in pairs) - 1.0) > 1e-6:
        total = sum(share for _, share in pairs) * 100
        raise InputError("sign_on.instalments", f"shares must add up to 100%, got {total:g}%")
    return tuple(pairs)


@dataclass(frozen=True, slots=True)
class Pension:
    """Employer pension: a percent of pay, UK auto-enrolment basis, or a match formula.

    See :func:`calculator.benefits.pension_value` for the rule. ``employee_rate`` None means
    the offer or the user did not say what the employee pays: a match then assumes the match
    cap (and says so in the questions to ask).

    >>> Pension(employer_rate=0.05).basis
    'salary'
    """

    employer_rate: float = 0.0
    basis: PensionBasis = "salary"
    match_rate: float = 0.0
    match_cap: float = 0.0
    employee_rate: float | None = None

    def __post_init__(self) -> None:
        check_fraction("pension.employer_rate", self.employer_rate)
        check_choice("pension.basis", self.basis, ("salary", "qualifying_earnings"))
        check_fraction("pension.match_rate", self.match_rate, high=3.0)
        check_fraction("pension.match_cap", self.match_cap)
        if self.employee_rate is not None:
            # the tax rules refuse more than this (deductions could exceed the pay after tax)
            check_fraction("pension.employee_rate", self.employee_rate, high=MAX_PENSION_RATE)


@dataclass(frozen=True, slots=True)
class HomeWorking:
    """Home-working days a week, and what each commute day costs in money and time.

    ``commute_minutes`` is the round trip saved per home day; it counts as money only at
    ``hourly_value`` (what an hour of your time is worth to you; None = time not valued).
    ``percent_of_salary`` switches to the percent-of-pay rule instead (see
    :func:`calculator.benefits.home_working_value`).

    >>> HomeWorking(2, commute_cost=12.5).days_per_week
    2.0
    """

    days_per_week: float
    commute_cost: float | None = None
    commute_minutes: float | None = None
    hourly_value: float | None = None
    percent_of_salary: float | None = None

    def __post_init__(self) -> None:
        days = check_range("home_working.days_per_week", self.days_per_week, 0, 7)
        object.__setattr__(self, "days_per_week", days)
        _opt("home_working.commute_cost", self.commute_cost)
        if self.commute_minutes is not None:
            check_range("home_working.commute_minutes", self.commute_minutes, 0, 24 * 60)
        _opt("home_working.hourly_value", self.hourly_value)
        if self.percent_of_salary is not None:
            check_fraction("home_working.percent_of_salary", self.percent_of_salary, high=0.5)


@dataclass(frozen=True, slots=True)
class Study:
    """Funding for qualifications per year, and paid study days per year."""

    funding: float | None = None
    days: float | None = None

    def __post_init__(self) -> None:
        _opt("study.funding", self.funding)
        if self.days is not None:
            check_range("study.days", self.days, 0, 260)


@dataclass(frozen=True, slots=True)
class CustomBenefit:
    """Any other benefit the user can put an annual cash value on."""

    name: str
    value: float

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name.strip():
            raise InputError("custom_benefits", "each custom benefit needs a name")
        object.__setattr__(
            self, "value", check_non_negative(f"custom_benefits.{self.name}", self.value)
        )


_NESTED: Final = {"bonus": Bonus, "sign_on": SignOn, "pension": Pension, "study": Study}


@dataclass(frozen=True, slots=True)
class Offer:
    """One job offer (or your current job, for "stay or move").

    ``base_amount`` is the pay as stated, per ``pay_period``; :attr:`base_salary` is the annual
    figure (``to_annual``). Everything optional is ``None`` when not stated. ``factors`` rates
    non-money factors 1-5 (they join the weighted score, never the cash total).
    ``taxable_benefits`` names the benefits (from :data:`TAXABLE_BENEFITS`) the user says are
    taxed as income, for the net view. ``refreshers`` are the yearly equity grants the employer
    expects to add (not guaranteed, docs/domain.md section 5): always shown apart, and counted in the totals
    only when ``refreshers_counted`` (the user asked for it).

    >>> offer = Offer("Acme", base_amount=4_000, pay_period="month", holiday_days=25)
    >>> offer.base_salary
    48000.0
    >>> offer.not_stated()[:2]
    ('bonus', 'sign_on')
    """

    name: str
    base_amount: float
    currency: str = "GBP"
    pay_period: PayPeriod = "year"
    hours_per_week: float = 37.5
    bonus: Bonus | None = None
    sign_on: SignOn | None = None
    relocation: float | None = None
    raise_rate: float | None = None
    equity: tuple[EquityGrant, ...] = ()
    holiday_days: float | None = None
    pension: Pension | None = None
    health_care: float | None = None
    travel_allowance: float | None = None
    company_car: float | None = None
    gym: float | None = None
    home_working: HomeWorking | None = None
    study: Study | None = None
    custom_benefits: tuple[CustomBenefit, ...] = ()
    factors: Mapping[str, int] = field(default_factory=dict)
    place: Place | None = None
    tax: TaxProfile | None = None
    taxable_benefits: tuple[str, ...] = ()
    refreshers: RefresherPlan | None = None
    refreshers_counted: bool = False

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name.strip():
            raise InputError("name", "must be a non-empty name for the offer")
        object.__setattr__(self, "base_amount", check_positive("base_salary", self.base_amount))
        check_choice("pay_period", self.pay_period, PAY_PERIODS)
        check_range("hours_per_week", self.hours_per_week, 1, 100)
        if not isinstance(self.currency, str) or len(self.currency) != 3:
            raise InputError(
                "currency", f"must be a 3-letter code such as 'GBP', got {self.currency!r}"
            )
        if self.raise_rate is not None:
            check_fraction("raise_rate", self.raise_rate, high=0.5)
        if self.holiday_days is not None:
            check_range("holiday_days", self.holiday_days, 0, 260)
        for name in ("relocation", "health_care", "travel_allowance", "company_car", "gym"):
            object.__setattr__(self, name, _opt(name, getattr(self, name)))
        for name, kind in (*_NESTED.items(), ("home_working", HomeWorking)):
            part = getattr(self, name)
            if part is not None and not isinstance(part, kind):
                raise InputError(name, f"must be a {kind.__name__}, got {type(part).__name__}")
        if not all(isinstance(g, EquityGrant) for g in self.equity):
            raise InputError("equity", "must be a sequence of EquityGrant")
        if not all(isinstance(b, CustomBenefit) for b in self.custom_benefits):
            raise InputError("custom_benefits", "must be a sequence of CustomBenefit")
        if self.place is not None and not isinstance(self.place, Place):
            raise InputError("place", f"must be a Place, got {type(self.place).__name__}")
        if self.tax is not None:
            from .tax import TaxProfile

            if not isinstance(self.tax, TaxProfile):
                raise InputError("tax", f"must be a TaxProfile, got {type(self.tax).__name__}")
        if self.refreshers is not None and not isinstance(self.refreshers, RefresherPlan):
            raise InputError(
                "refreshers", f"must be a RefresherPlan, got {type(self.refreshers).__name__}"
            )
        if not isinstance(self.refreshers_counted, bool):
            raise InputError("refreshers_counted", "must be true or false")
        if not isinstance(self.factors, Mapping):
            raise InputError("factors", "must map factor names to ratings 1-5")
        for factor, rating in self.factors.items():
            if not isinstance(factor, str) or not factor:
                raise InputError("factors", f"names must be text, got {factor!r}")
            check_int_range(f"factors.{factor}", rating, *FACTOR_RANGE)
        taxable = self.taxable_benefits
        if isinstance(taxable, str) or not isinstance(taxable, (list, tuple)):
            raise InputError("taxable_benefits", "must be a list of benefit names")
        for name in taxable:
            check_choice("taxable_benefits", name, TAXABLE_BENEFITS)
        object.__setattr__(self, "taxable_benefits", tuple(dict.fromkeys(taxable)))
        object.__setattr__(self, "equity", tuple(self.equity))
        object.__setattr__(self, "custom_benefits", tuple(self.custom_benefits))
        object.__setattr__(self, "currency", self.currency.upper())

    @property
    def base_salary(self) -> float:
        """Annual base salary: ``base_amount x periods per year`` (see ``to_annual``)."""
        return to_annual(self.base_amount, self.pay_period, hours_per_week=self.hours_per_week)

    def with_base_salary(self, annual: float) -> Offer:
        """The same offer with a different annual base (stated per year)."""
        return replace(self, base_amount=annual, pay_period="year")

    def not_stated(self) -> tuple[str, ...]:
        """Names of the optional parts the offer leaves unstated, in field order."""
        optional = (
            "bonus",
            "sign_on",
            "relocation",
            "raise_rate",
            "holiday_days",
            "pension",
            "health_care",
            "travel_allowance",
            "company_car",
            "gym",
            "home_working",
            "study",
        )
        missing = [name for name in optional if getattr(self, name) is None]
        if not self.equity:
            missing.insert(4, "equity")
        return tuple(missing)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Offer:
        """Build an offer from JSON-like data (the app's inputs or a saved scenario).

        Keys are the field names; ``base_salary`` is accepted for ``base_amount``. Nested parts
        are mappings: ``bonus`` {target_rate, expected_payout}, ``sign_on`` {amount,
        repayment_months}, ``pension`` {employer_rate, basis, match_rate, match_cap,
        employee_rate}, ``home_working`` {days_per_week, commute_cost, commute_minutes},
        ``study`` {funding, days}, ``equity`` [grant mappings], ``custom_benefits``
        [{name, value}], ``factors`` {name: rating or None}, ``place`` {state} or {label,
        index}, ``tax`` (see ``TaxProfile.from_dict``), ``taxable_benefits`` [names].
        ``health_care`` may be a region name ("us_single", "us_family",
        "uk_private_medical") to use that region's default premium
        (:func:`calculator.benefits.health_care_default`). Unknown keys are an error.

        >>> Offer.from_dict({"name": "B", "base_salary": 60_000, "bonus": {"target_rate": 0.1}}).bonus
        Bonus(target_rate=0.1, expected_payout=None, rates_by_year=(), amounts_by_year=(), payout_range=None)
        """
        data = _mapping("offer", data)
        allowed = {f.name for f in fields(cls)} | {"base_salary"}
        unknown = set(data) - allowed
        if unknown:
            raise InputError("offer", f"has unknown fields: {', '.join(sorted(map(str, unknown)))}")
        if "base_salary" in data and "base_amount" in data:
            raise InputError("base_salary", "give base_salary or base_amount, not both")
        values: dict[str, Any] = {k: v for k, v in data.items() if k != "base_salary"}
        if "base_salary" in data:
            values["base_amount"] = data["base_salary"]
        if values.get("base_amount") is None:
            raise InputError("base_salary", "is needed for every offer")
        values.setdefault("name", "Offer")
        for name, kind in _NESTED.items():
            part = values.get(name)
            if part is not None:
                part = _mapping(name, part)
                known = {f.name for f in fields(kind)}
                extra = set(part) - known
                if extra:
                    raise InputError(
                        name, f"has unknown fields: {', '.join(sorted(map(str, extra)))}"
                    )
                values[name] = kind(**{k: v for k, v in part.items() if v is not None})
        if values.get("home_working") is not None:
            part = _mapping("home_working", values["home_working"])
            if part.get("days_per_week") is None:
                values["home_working"] = None
            else:
                extra = set(part) - {f.name for f in fields(HomeWorking)}
                if extra:
                    raise InputError(
                        "home_working", f"has unknown fields: {', '.join(sorted(map(str, extra)))}"
                    )
                values["home_working"] = HomeWorking(**part)
        equity = values.get("equity") or ()
        if not isinstance(equity, (list, tuple)):
            raise InputError("equity", "must be a list of grants")
        values["equity"] = tuple(EquityGrant.from_dict(g) for g in equity)
        custom = values.get("custom_benefits") or ()
        if not isinstance(custom, (list, tuple)):
            raise InputError("custom_benefits", "must be a list of {name, value}")
        values["custom_benefits"] = tuple(
            CustomBenefit(**_mapping("custom_benefits", c)) for c in custom
        )
        factors = _mapping("factors", values.get("factors") or {})
        values["factors"] = {k: v for k, v in factors.items() if v is not None}
        if isinstance(values.get("health_care"), str):
            from .benefits import health_care_default

            try:
                values["health_care"] = health_care_default(values["health_care"])
            except InputError as error:
                raise InputError("health_care", error.rule) from None
        taxable = values.get("taxable_benefits") or ()
        if isinstance(taxable, str) or not isinstance(taxable, (list, tuple)):
            raise InputError("taxable_benefits", "must be a list of benefit names")
        values["taxable_benefits"] = tuple(taxable)
        if values.get("place") is not None:
            values["place"] = Place.from_dict(values["place"])
        if values.get("refreshers") is not None:
            values["refreshers"] = RefresherPlan.from_dict(
                _mapping("refreshers", values["refreshers"])
            )
        if values.get("tax") is not None:
            from .tax import TaxProfile

            values["tax"] = TaxProfile.from_dict(_mapping("tax", values["tax"]))
        try:
            return cls(**values)
        except TypeError as error:  # a nested part given fields of the wrong shape
            raise InputError("offer", f"has a part of the wrong shape ({error})") from None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready mapping; ``Offer.from_dict(offer.to_dict()) == offer``."""
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name == "equity":
                value = [grant.to_dict() for grant in value]
            elif f.name == "custom_benefits":
                value = [{"name": c.name, "value": c.value} for c in value]
            elif f.name == "factors":
                value = dict(value)
            elif f.name == "taxable_benefits":
                value = list(value)
            elif value is not None and hasattr(value, "to_dict"):
                value = value.to_dict()
            elif value is not None and f.name in (*_NESTED, "home_working"):
                value = {g.name: getattr(value, g.name) for g in fields(value)}
            out[f.name] = value
        return out


def _accept_base_salary(generated: Callable[..., None]) -> Callable[..., None]:
    """Let ``Offer(name, base_salary=...)`` work as the README writes it: ``base_salary`` is
    the pay as stated (per ``pay_period``), the same as ``base_amount``, given one way only."""

    @functools.wraps(generated)
    def init(self: Offer, *args: Any, base_salary: float | None = None, **kwargs: Any) -> None:
        if base_salary is not None:
            if len(args) > 1 or "base_amount" in kwargs:
                raise InputError("base_salary", "give base_salary or base_amount, not both")
            kwargs["base_amount"] = base_salary
        generated(self, *args, **kwargs)

    signature = inspect.signature(generated)
    extra = inspect.Parameter(
        "base_salary", inspect.Parameter.KEYWORD_ONLY, default=None, annotation="float | None"
    )
    params = [p for p in signature.parameters.values() if p.kind != p.VAR_KEYWORD]
    setattr(init, "__signature__", signature.replace(parameters=[*params, extra]))  # noqa: B010
    return init


setattr(Offer, "__init__", _accept_base_salary(Offer.__init__))  # noqa: B010
