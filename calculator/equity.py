"""Equity: RSU and option grants, vesting as dated tranches, share-price growth, refreshers.

Rules (docs/domain.md section 5):

- A vesting schedule is a list of dated tranches ``(month, fraction)`` counted from the vesting
  start, the fractions adding up to 1 (within 0.001). It can be given as

  * a preset name (:data:`PRESETS`): ``"standard"`` (25% at month 12, then 1/48 of the grant at
    the end of each month 13..48), ``"standard_quarterly"`` (25% at month 12, then 6.25% every
    3 months: months 15, 18, ..., 48), ``"front_loaded"`` (40/30/20/10 at months 12/24/36/48),
    ``"back_loaded"`` (5/15/40/40 at the same months), ``"amazon"`` (5% at 12, 15% at 24, then
    20% at 30, 36, 42 and 48) and ``"quarterly_no_cliff"`` (1/16 every 3 months, months 3..48:
    the usual refresher schedule);
  * a sequence of 1 to 10 yearly fractions, each year's share vesting at the end of that year;
  * a sequence of ``(month, fraction)`` pairs: months whole numbers 0..120 that never go
    backwards, fractions 0..1. Pairs in the same month are merged.

  Fractions are used as given (not rescaled), so a schedule adding up to 99.95% vests 99.95%.
- Year ``k`` (1-based) of a schedule holds the tranches vesting in months ``12(k-1)+1 .. 12k``;
  a month-0 tranche (vested on the start date) counts in year 1.
- RSUs are worth shares x price, or the grant value when the offer states one. With a yearly
  share-price growth ``g`` a tranche vesting at month ``m`` is worth
  ``grant value x fraction x (1 + g) ** (m / 12)``; ``g`` defaults to 0 and may differ in the
  bear / base / bull scenarios. Growth is kept between -90% and +100% a year.
- Options are worth ``shares x max(exit price - strike, 0)`` in each scenario (zero, bear, base,
  bull) the user sets. The scenario prices already are the exit prices, so options take no
  growth rate. Private-company equity is uncertain: scenarios are shown apart and totals use the
  *base* scenario, labelled as such.
- A grant whose schedule the offer does not state (``schedule=None``) is valued on the standard
  schedule, and the schedule becomes a question to ask.
- Refreshers are not guaranteed and are shown apart: a new grant of the expected yearly value
  every 12 months from ``first_grant_month`` (default 12), each vesting on its own schedule
  (default ``"quarterly_no_cliff"``) counted from its own grant month, as Levels.fyi's
  calculator projects them. Growth is counted from the offer's start (month 0).
"""

from __future__ import annotations

import bisect
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import KW_ONLY, dataclass, field
from fractions import Fraction
from functools import lru_cache
from types import MappingProxyType
from typing import Any, Final, Literal, TypeAlias

from ._validate import (
    check_choice,
    check_finite,
    check_int_range,
    check_non_negative,
    check_range,
)
from .errors import InputError

__all__ = [
    "NAMED_SCHEDULES",
    "PRESETS",
    "SCENARIOS",
    "EquityGrant",
    "EquityKind",
    "RefresherPlan",
    "Schedule",
    "Tranches",
    "schedule_fractions",
    "schedule_tranches",
    "vested_by_month",
    "vested_fraction",
    "vesting_schedule",
]

EquityKind = Literal["rsu", "option"]
#: Dated tranches: ``(month, fraction)`` for a schedule, ``(month, value)`` for a grant.
Tranches: TypeAlias = tuple[tuple[int, float], ...]
#: What a schedule may be given as: a preset name, yearly fractions or (month, fraction) pairs.
Schedule: TypeAlias = (
    str | Sequence[float] | Sequence[tuple[int, float]] | Sequence[Sequence[float]]
)
#: The stored (validated) form of a schedule.
_Spec: TypeAlias = str | tuple[float, ...] | Tranches

#: Option scenarios, in the order they are shown (docs/domain.md section 5).
SCENARIOS: Final = ("zero", "bear", "base", "bull")
_GROWTH_SCENARIOS: Final = ("bear", "base", "bull")
_GROWTH_LOW: Final = -0.9
_GROWTH_HIGH: Final = 1.0
_MAX_VOLATILITY: Final = 3.0
_MAX_YEARS: Final = 10
_MAX_TRANCHE_MONTH: Final = 12 * _MAX_YEARS
_MAX_TRANCHES: Final = 1_000
_MAX_MONTH: Final = 1_200  # latest month one may ask about (100 years)
_MAX_PROJECTED_YEARS: Final = _MAX_MONTH // 12
_SUM_TOLERANCE: Final = 1e-3


def _preset_tranches() -> dict[str, tuple[tuple[int, Fraction], ...]]:
    quarter, sixteenth = Fraction(1, 4), Fraction(1, 16)

    def at_year_ends(*percents: int) -> tuple[tuple[int, Fraction], ...]:
        return tuple((12 * (k + 1), Fraction(p, 100)) for k, p in enumerate(percents))

    return {
        "standard": ((12, quarter), *((m, Fraction(1, 48)) for m in range(13, 49))),
        "standard_quarterly": ((12, quarter), *((m, sixteenth) for m in range(15, 49, 3))),
        "front_loaded": at_year_ends(40, 30, 20, 10),
        "back_loaded": at_year_ends(5, 15, 40, 40),
        "amazon": (
            (12, Fraction(5, 100)),
            (24, Fraction(15, 100)),
            *((m, Fraction(20, 100)) for m in (30, 36, 42, 48)),
        ),
        "quarterly_no_cliff": tuple((m, sixteenth) for m in range(3, 49, 3)),
    }


_EXACT_PRESETS: Final = _preset_tranches()
#: The named schedules as dated tranches ``(month, fraction)`` (docs/domain.md section 5).
PRESETS: Final[Mapping[str, Tranches]] = MappingProxyType(
    {name: tuple((m, float(f)) for m, f in ts) for name, ts in _EXACT_PRESETS.items()}
)


@dataclass(frozen=True, slots=True)
class _Plan:
    """A validated schedule: merged, sorted tranches with running and yearly totals."""

    months: tuple[int, ...]
    fractions: tuple[float, ...]
    cumulative: tuple[float, ...]
    yearly: tuple[float, ...]


def _year_index(month: int) -> int:
    """0-based year holding ``month``: months 1..12 are year 0, 13..24 year 1; month 0 is year 0."""
    return 0 if month == 0 else (month - 1) // 12


def _build_plan(tranches: Sequence[tuple[int, Fraction]]) -> _Plan:
    merged: dict[int, Fraction] = defaultdict(Fraction)
    for month, fraction in tranches:
        merged[month] += fraction
    months = tuple(sorted(merged))
    yearly = [Fraction(0)] * (_year_index(months[-1]) + 1)
    running, cumulative = Fraction(0), []
    for month in months:
        running += merged[month]
        cumulative.append(float(running))
        yearly[_year_index(month)] += merged[month]
    return _Plan(
        months=months,
        fractions=tuple(float(merged[m]) for m in months),
        cumulative=tuple(cumulative),
        yearly=tuple(float(y) for y in yearly),
    )


#: Yearly fractions of every preset, each year's share (docs/domain.md section 5).
NAMED_SCHEDULES: Final[Mapping[str, tuple[float, ...]]] = MappingProxyType(
    {name: _build_plan(ts).yearly for name, ts in _EXACT_PRESETS.items()}
)


def _schedule_error(schedule: object) -> InputError:
    shown = repr(schedule) if len(repr(schedule)) <= 80 else type(schedule).__name__
    return InputError(
        "schedule",
        f"must be a preset name, 1 to 10 yearly fractions or (month, fraction) pairs, got {shown}",
    )


def _check_sum(fractions: Sequence[float]) -> None:
    total = math.fsum(fractions)
    if not math.isclose(total, 1.0, abs_tol=_SUM_TOLERANCE):
        raise InputError("schedule", f"must add up to 100% of the grant, got {total * 100:g}%")


def _schedule_fraction(value: object) -> float:
    fraction = check_finite("schedule", value)
    if not 0.0 <= fraction <= 1.0:
        raise InputError("schedule", f"fractions must each be between 0 and 1, got {fraction:g}")
    return fraction


def _tranche_month(value: object) -> int:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise InputError("schedule", f"tranche months must be whole numbers, got {value!r}")
    if not 0 <= value <= _MAX_TRANCHE_MONTH:
        raise InputError(
            "schedule", f"tranche months must be between 0 and {_MAX_TRANCHE_MONTH}, got {value}"
        )
    return value


def _normalise_pairs(items: Sequence[object]) -> Tranches:
    pairs: list[tuple[int, float]] = []
    for item in items:
        if isinstance(item, (str, bytes)) or not isinstance(item, Sequence) or len(item) != 2:
            raise InputError(
                "schedule", f"each tranche must be a (month, fraction) pair, got {item!r}"
            )
        month = _tranche_month(item[0])
        if pairs and month < pairs[-1][0]:
            raise InputError(
                "schedule",
                f"tranche months must not go backwards (month {month} after {pairs[-1][0]})",
            )
        pairs.append((month, _schedule_fraction(item[1])))
    _check_sum([f for _, f in pairs])
    return tuple(pairs)


def _normalise(schedule: object) -> _Spec:
    """Validate ``schedule`` and return its stored form (name, yearly tuple or pair tuple)."""
    if isinstance(schedule, str):
        check_choice("schedule", schedule, tuple(PRESETS))
        return schedule
    if isinstance(schedule, (bytes, bytearray)) or not isinstance(schedule, Sequence):
        raise _schedule_error(schedule)
    items = list(schedule)
    if not 1 <= len(items) <= _MAX_TRANCHES:
        raise _schedule_error(schedule)
    if any(isinstance(i, Sequence) and not isinstance(i, str) for i in items):
        return _normalise_pairs(items)
    if len(items) > _MAX_YEARS:
        raise _schedule_error(schedule)
    fractions = tuple(_schedule_fraction(value) for value in items)
    _check_sum(fractions)
    return fractions


@lru_cache(maxsize=256)
def _plan_of(spec: _Spec) -> _Plan:
    if isinstance(spec, str):
        return _build_plan(_EXACT_PRESETS[spec])
    if isinstance(spec[0], tuple):  # (month, fraction) pairs
        return _build_plan([(month, Fraction(fraction)) for month, fraction in spec])
    # yearly fractions: each year's share at the end of that year
    return _build_plan([(12 * (k + 1), Fraction(fraction)) for k, fraction in enumerate(spec)])


def _plan(schedule: object) -> _Plan:
    return _plan_of(_normalise(schedule))


def _check_growth(field_name: str, value: object) -> float:
    return check_range(field_name, value, _GROWTH_LOW, _GROWTH_HIGH)


def _grown(month: int, growth_rate: float) -> float:
    """Share-price factor at ``month``: ``(1 + g) ** (month / 12)`` (exactly 1 without growth)."""
    return 1.0 if growth_rate == 0 else (1.0 + growth_rate) ** (month / 12)


def _finite(field_name: str, value: float) -> float:
    if not math.isfinite(value):
        raise InputError(field_name, "is too large to project")
    return value


def _total(field_name: str, values: Iterable[float]) -> float:
    """Accurate sum of ``values``, an InputError naming ``field_name`` if it overflows."""
    try:
        return _finite(field_name, math.fsum(values))
    except OverflowError:
        raise InputError(field_name, "is too large to project") from None


def schedule_tranches(schedule: Schedule) -> Tranches:
    """The schedule as dated tranches ``(month, fraction)``: merged by month, sorted, exact.

    Rule (docs/domain.md section 5): presets expand to their tranches; yearly fractions vest at the end of
    each year (months 12, 24, ...); pairs are kept, tranches of the same month added together.

    >>> schedule_tranches("amazon")
    ((12, 0.05), (24, 0.15), (30, 0.2), (36, 0.2), (42, 0.2), (48, 0.2))
    >>> schedule_tranches([0.5, 0.5])
    ((12, 0.5), (24, 0.5))
    >>> schedule_tranches([(6, 0.25), (6, 0.25), (18, 0.5)])
    ((6, 0.5), (18, 0.5))
    >>> schedule_tranches([(24, 0.5), (12, 0.5)])
    Traceback (most recent call last):
    ...
    calculator.errors.InputError: schedule tranche months must not go backwards (month 12 after 24)
    """
    plan = _plan(schedule)
    return tuple(zip(plan.months, plan.fractions, strict=True))


def schedule_fractions(schedule: Schedule) -> tuple[float, ...]:
    """The fraction of the grant that vests in each year of ``schedule``.

    Rule (docs/domain.md section 5): the sum of the tranches in each year (months 1..12 are year 1). Yearly
    fraction lists come back as given; a schedule running past month 48 gives more than 4 years.

    >>> schedule_fractions("back_loaded")
    (0.05, 0.15, 0.4, 0.4)
    >>> schedule_fractions("amazon")
    (0.05, 0.15, 0.4, 0.4)
    >>> schedule_fractions([(6, 0.5), (60, 0.5)])
    (0.5, 0.0, 0.0, 0.0, 0.5)
    >>> schedule_fractions([0.5, 0.4])
    Traceback (most recent call last):
    ...
    calculator.errors.InputError: schedule must add up to 100% of the grant, got 90%
    """
    return _plan(schedule).yearly


def vesting_schedule(
    grant_value: float, schedule: Schedule = "standard", growth_rate: float = 0.0
) -> tuple[float, ...]:
    """Value vesting in each year: the year's tranches, each grown to the month it vests.

    Rule (docs/domain.md section 5): a tranche at month ``m`` is worth
    ``grant_value x fraction x (1 + growth_rate) ** (m / 12)``; without growth, year k is
    ``grant_value x fraction of year k``.

    >>> vesting_schedule(400_000, "back_loaded")
    (20000.0, 60000.0, 160000.0, 160000.0)
    >>> vesting_schedule(100_000)
    (25000.0, 25000.0, 25000.0, 25000.0)
    >>> vesting_schedule(100_000, [0.5, 0.5], growth_rate=1.0)  # x2 at month 12, x4 at 24
    (100000.0, 200000.0)
    """
    value = check_non_negative("grant_value", grant_value)
    growth = _check_growth("growth_rate", growth_rate)
    plan = _plan(schedule)
    if growth == 0:
        return tuple(value * fraction for fraction in plan.yearly)
    years: list[list[float]] = [[] for _ in plan.yearly]
    for month, fraction in zip(plan.months, plan.fractions, strict=True):
        years[_year_index(month)].append(value * fraction * _grown(month, growth))
    return tuple(_total("grant_value", year) for year in years)


def vested_fraction(schedule: Schedule, month: int) -> float:
    """Fraction of the grant vested by the end of month ``month`` (0 = the start date).

    Rule (docs/domain.md section 5): the sum of the tranches dated on or before ``month`` (never above 1).
    Standard: nothing before the 12-month cliff, 25% at month 12, then 1/48 a month.

    >>> vested_fraction("standard", 11), vested_fraction("standard", 12), vested_fraction("standard", 18)
    (0.0, 0.25, 0.375)
    >>> vested_fraction("front_loaded", 24)
    0.7
    >>> vested_fraction("amazon", 30)
    0.4
    """
    months = check_int_range("month", month, 0, _MAX_MONTH)
    plan = _plan(schedule)
    index = bisect.bisect_right(plan.months, months)
    return 0.0 if index == 0 else min(1.0, plan.cumulative[index - 1])


def vested_by_month(
    grant_value: float, schedule: Schedule, month: int, growth_rate: float = 0.0
) -> float:
    """Value vested by the end of month ``month``, each tranche grown to the month it vests.

    Rule (docs/domain.md section 5): ``sum of grant_value x fraction x (1 + g) ** (m / 12)`` over the
    tranches at months ``m <= month``; without growth, ``grant_value x vested_fraction``.

    >>> vested_by_month(48_000, "standard", 11)
    0.0
    >>> vested_by_month(48_000, "standard", 30)
    30000.0
    >>> vested_by_month(400_000, "amazon", 30)
    160000.0
    >>> vested_by_month(48_000, "front_loaded", 12, growth_rate=1.0)  # 40% x 48,000 x 2
    38400.0
    """
    value = check_non_negative("grant_value", grant_value)
    growth = _check_growth("growth_rate", growth_rate)
    if growth == 0:
        return value * vested_fraction(schedule, month)
    months = check_int_range("month", month, 0, _MAX_MONTH)
    plan = _plan(schedule)
    count = bisect.bisect_right(plan.months, months)
    parts = (
        value * f * _grown(m, growth)
        for m, f in zip(plan.months[:count], plan.fractions[:count], strict=True)
    )
    return _total("grant_value", parts)


def _schedule_to_json(schedule: _Spec | None) -> str | list[Any] | None:
    if schedule is None or isinstance(schedule, str):
        return schedule
    return [list(item) if isinstance(item, tuple) else item for item in schedule]


def _check_from_dict(data: object, name: str, fields: Sequence[str]) -> Mapping[str, Any]:
    if not isinstance(data, Mapping):
        raise InputError(name, "must be a mapping of its fields")
    unknown = set(data) - set(fields)
    if unknown:
        raise InputError(name, f"has unknown fields: {', '.join(sorted(map(str, unknown)))}")
    return data


def _check_growth_scenarios(value: object) -> dict[str, float]:
    if not isinstance(value, Mapping):
        raise InputError("growth_scenarios", "must map bear / base / bull to yearly growth rates")
    rates: dict[str, float] = {}
    for name, rate in value.items():
        check_choice("growth_scenarios", name, _GROWTH_SCENARIOS)
        rates[name] = _check_growth(f"growth_scenarios.{name}", rate)
    return rates


def _check_option_prices(value: object) -> dict[str, float]:
    if not isinstance(value, Mapping):
        raise InputError("scenarios", "must map scenario names to share prices")
    prices: dict[str, float] = {}
    for name, price in value.items():
        check_choice("scenarios", name, SCENARIOS)
        if price is not None:
            prices[name] = check_non_negative(f"scenarios.{name}", price)
    return prices


@dataclass(frozen=True, slots=True)
class EquityGrant:
    """One equity grant: RSUs or options, with its vesting schedule and share-price growth.

    RSU value = ``grant_value`` if stated, else ``shares x price``; each tranche then grows at
    ``growth_rate`` a year (or the scenario's rate in ``growth_scenarios``) to the month it
    vests. Option value in a scenario = ``shares x max(scenario price - strike, 0)`` (the "zero"
    scenario is always 0; options take no growth rate, the scenario prices are exit prices).
    Anything unstated is ``None`` and values as 0 with a question to ask (see :meth:`missing`);
    ``schedule=None`` (not stated) vests as ``"standard"``. ``volatility`` (yearly, 0..3) is for
    simulations; ``None`` means not stated. Every field after ``kind`` is keyword-only.
    Source: docs/domain.md section 5.

    >>> EquityGrant("rsu", shares=1000, price=40.0).value()
    40000.0
    >>> g = EquityGrant("option", shares=10_000, strike=2.0, scenarios={"bear": 1.0, "base": 5.0, "bull": 12.0})
    >>> g.value("bear"), g.value("base"), g.value("bull")
    (0.0, 30000.0, 100000.0)
    >>> EquityGrant("rsu", grant_value=48_000, schedule="front_loaded", growth_rate=1.0).yearly()
    (38400.0, 57600.0, 76800.0, 76800.0)
    """

    kind: EquityKind = "rsu"
    _: KW_ONLY
    shares: float | None = None
    price: float | None = None
    grant_value: float | None = None
    strike: float | None = None
    scenarios: Mapping[str, float] = field(default_factory=dict)
    schedule: str | tuple[float, ...] | Tranches | None = "standard"
    growth_rate: float = 0.0
    growth_scenarios: Mapping[str, float] = field(default_factory=dict)
    volatility: float | None = None

    def __post_init__(self) -> None:
        check_choice("kind", self.kind, ("rsu", "option"))
        for name in ("shares", "price", "grant_value", "strike"):
            value = getattr(self, name)
            if value is not None:
                check_non_negative(name, value)
        object.__setattr__(self, "scenarios", _check_option_prices(self.scenarios))
        if self.schedule is not None:
            object.__setattr__(self, "schedule", _normalise(self.schedule))
        object.__setattr__(self, "growth_rate", _check_growth("growth_rate", self.growth_rate))
        rates = _check_growth_scenarios(self.growth_scenarios)
        object.__setattr__(self, "growth_scenarios", rates)
        if self.kind == "option" and self.growth_rate != 0:
            raise InputError(
                "growth_rate", "must be 0 for options: the scenarios already set the exit price"
            )
        if self.kind == "option" and rates:
            raise InputError(
                "growth_scenarios",
                "must be empty for options: the scenarios already set the exit price",
            )
        if self.volatility is not None:
            volatility = check_range("volatility", self.volatility, 0.0, _MAX_VOLATILITY)
            object.__setattr__(self, "volatility", volatility)

    @property
    def vesting(self) -> _Spec:
        """The schedule used for valuing: the stated one, or ``"standard"`` when not stated."""
        return "standard" if self.schedule is None else self.schedule

    def growth(self, scenario: str = "base") -> float:
        """Yearly share-price growth in ``scenario``: its own rate if set, else ``growth_rate``.

        Options always grow at 0 (their scenario prices are the exit prices).

        >>> g = EquityGrant("rsu", grant_value=1, growth_rate=0.05, growth_scenarios={"bull": 0.2})
        >>> g.growth("bear"), g.growth("bull")
        (0.05, 0.2)
        """
        check_choice("scenario", scenario, SCENARIOS)
        return self.growth_scenarios.get(scenario, self.growth_rate)

    def value(self, scenario: str = "base") -> float:
        """Whole-grant value at grant in ``scenario`` (RSUs have one value whatever the scenario).

        >>> EquityGrant("option", shares=10, strike=1.0, scenarios={"base": 3.0}).value()
        20.0
        """
        check_choice("scenario", scenario, SCENARIOS)
        if self.kind == "rsu":
            if self.grant_value is not None:
                return self.grant_value
            if self.shares is None or self.price is None:
                return 0.0
            return self.shares * self.price
        if scenario == "zero":
            return 0.0
        price = self.scenarios.get(scenario)
        if price is None or self.shares is None:
            return 0.0
        return self.shares * max(price - (self.strike or 0.0), 0.0)

    def tranches(self, scenario: str = "base") -> Tranches:
        """``(month, value)`` of each tranche in ``scenario``, grown to the month it vests.

        >>> EquityGrant("rsu", grant_value=48_000, schedule="back_loaded", growth_rate=1.0).tranches()
        ((12, 4800.0), (24, 28800.0), (36, 153600.0), (48, 307200.0))
        """
        value, growth = self.value(scenario), self.growth(scenario)
        return tuple(
            (month, _finite("grant_value", value * fraction * _grown(month, growth)))
            for month, fraction in schedule_tranches(self.vesting)
        )

    def yearly(self, scenario: str = "base", years: int | None = None) -> tuple[float, ...]:
        """Value vesting in each year of the schedule, in ``scenario`` (growth included).

        With ``years`` the tuple has ``max(years, schedule years)`` entries, padded with 0.

        >>> EquityGrant("rsu", grant_value=40_000).yearly(years=6)
        (10000.0, 10000.0, 10000.0, 10000.0, 0.0, 0.0)
        """
        values = vesting_schedule(self.value(scenario), self.vesting, self.growth(scenario))
        if years is None:
            return values
        wanted = check_int_range("years", years, 0, _MAX_PROJECTED_YEARS)
        return values + (0.0,) * max(0, wanted - len(values))

    def vested_by_month(self, month: int, scenario: str = "base") -> float:
        """Value vested by the end of month ``month``, in ``scenario`` (growth included).

        >>> EquityGrant("rsu", grant_value=400_000, schedule="amazon").vested_by_month(30)
        160000.0
        """
        return vested_by_month(self.value(scenario), self.vesting, month, self.growth(scenario))

    def missing(self) -> tuple[str, ...]:
        """Questions for the employer about what the grant leaves unstated.

        >>> EquityGrant("rsu", shares=100).missing()
        ('What share price is the RSU grant valued at?',)
        """
        asks: list[str] = []
        if self.kind == "rsu" and self.grant_value is None:
            if self.shares is None:
                asks.append("How many shares (RSUs) does the grant include?")
            if self.price is None:
                asks.append("What share price is the RSU grant valued at?")
        if self.kind == "option":
            if self.shares is None:
                asks.append("How many options does the grant include?")
            if self.strike is None:
                asks.append("What is the options' strike (exercise) price?")
            if self.scenarios.get("base") is None:
                asks.append(
                    "What was the latest valuation per share (e.g. the 409A or last funding round)?"
                )
        if self.schedule is None:
            asks.append(
                "What is the vesting schedule: over how many years, with what cliff, and how often?"
            )
        return tuple(asks)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> EquityGrant:
        """Build from a JSON-like mapping (keys as the fields).

        ``schedule`` is a preset name, a list of yearly fractions or a list of
        ``[month, fraction]`` pairs; a missing key means ``"standard"``, an explicit ``None``
        means not stated.

        >>> EquityGrant.from_dict({"kind": "rsu", "grant_value": 1000, "schedule": [0.5, 0.5]}).schedule
        (0.5, 0.5)
        >>> EquityGrant.from_dict({"grant_value": 1000, "schedule": [[12, 0.5], [24, 0.5]]}).schedule
        ((12, 0.5), (24, 0.5))
        """
        data = _check_from_dict(data, "equity", tuple(cls.__dataclass_fields__))
        return cls(
            kind=data.get("kind", "rsu"),
            shares=data.get("shares"),
            price=data.get("price"),
            grant_value=data.get("grant_value"),
            strike=data.get("strike"),
            scenarios=data.get("scenarios") or {},
            schedule=data.get("schedule", "standard"),
            growth_rate=data.get("growth_rate", 0.0),
            growth_scenarios=data.get("growth_scenarios") or {},
            volatility=data.get("volatility"),
        )

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready mapping; ``from_dict(to_dict())`` gives an equal grant.

        >>> EquityGrant(grant_value=10, schedule=[(12, 1.0)]).to_dict()["schedule"]
        [[12, 1.0]]
        """
        return {
            "kind": self.kind,
            "shares": self.shares,
            "price": self.price,
            "grant_value": self.grant_value,
            "strike": self.strike,
            "scenarios": dict(self.scenarios),
            "schedule": _schedule_to_json(self.schedule),
            "growth_rate": self.growth_rate,
            "growth_scenarios": dict(self.growth_scenarios),
            "volatility": self.volatility,
        }


@dataclass(frozen=True, slots=True)
class RefresherPlan:
    """Expected refresher grants: ``annual_value`` granted every 12 months (not guaranteed).

    Rule (docs/domain.md section 5, after Levels.fyi's projection): grants at months ``first_grant_month``,
    ``first_grant_month + 12``, ..., each vesting on ``schedule`` counted from its own grant
    month. A tranche vesting at absolute month ``m`` (from the offer's start) is worth
    ``fraction x annual_value x (1 + growth_rate) ** (m / 12)``. Show refreshers apart from the
    offer and count them in totals only when the user asks.

    >>> RefresherPlan(40_000).yearly(4)  # grants from month 12, 1/16 a quarter, no cliff
    (0.0, 10000.0, 20000.0, 30000.0)
    """

    annual_value: float
    _: KW_ONLY
    schedule: str | tuple[float, ...] | Tranches = "quarterly_no_cliff"
    first_grant_month: int = 12
    growth_rate: float = 0.0

    def __post_init__(self) -> None:
        object.__setattr__(
            self, "annual_value", check_non_negative("annual_value", self.annual_value)
        )
        object.__setattr__(self, "schedule", _normalise(self.schedule))
        first = check_int_range("first_grant_month", self.first_grant_month, 0, _MAX_TRANCHE_MONTH)
        object.__setattr__(self, "first_grant_month", first)
        object.__setattr__(self, "growth_rate", _check_growth("growth_rate", self.growth_rate))

    def tranches(self, horizon_months: int) -> Tranches:
        """``(absolute month, value)`` of every refresher tranche vesting by ``horizon_months``.

        Tranches of different grants vesting in the same month are added together.

        >>> RefresherPlan(40_000, schedule="front_loaded").tranches(36)
        ((24, 16000.0), (36, 28000.0))
        """
        horizon = check_int_range("horizon_months", horizon_months, 0, _MAX_MONTH)
        plan = _plan_of(self.schedule)
        by_month: dict[int, list[float]] = defaultdict(list)
        for grant_month in range(self.first_grant_month, horizon + 1, 12):
            for offset, fraction in zip(plan.months, plan.fractions, strict=True):
                month = grant_month + offset
                if month > horizon:
                    break
                grown = self.annual_value * fraction * _grown(month, self.growth_rate)
                by_month[month].append(grown)
        return tuple((month, _total("annual_value", by_month[month])) for month in sorted(by_month))

    def yearly(self, years: int) -> tuple[float, ...]:
        """Refresher value vesting in each of the first ``years`` years (year 1 = months 1..12).

        >>> RefresherPlan(12_000, schedule=[1.0], first_grant_month=0).yearly(3)
        (12000.0, 12000.0, 12000.0)
        """
        count = check_int_range("years", years, 1, _MAX_PROJECTED_YEARS)
        totals: list[list[float]] = [[] for _ in range(count)]
        for month, value in self.tranches(12 * count):
            totals[_year_index(month)].append(value)
        return tuple(_total("annual_value", year) for year in totals)

    def vested_by_month(self, month: int) -> float:
        """Refresher value vested by the end of month ``month`` (from the offer's start).

        >>> RefresherPlan(40_000).vested_by_month(18)  # grant at 12: tranches at 15 and 18
        5000.0
        """
        tranches = self.tranches(check_int_range("month", month, 0, _MAX_MONTH))
        return _total("annual_value", (value for _, value in tranches))

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> RefresherPlan:
        """Build from a JSON-like mapping (keys as the fields; ``schedule`` as for grants).

        >>> RefresherPlan.from_dict({"annual_value": 20_000, "first_grant_month": 24}).first_grant_month
        24
        """
        data = _check_from_dict(data, "refresher", tuple(cls.__dataclass_fields__))
        if "annual_value" not in data:
            raise InputError("annual_value", "is required for a refresher plan")
        return cls(
            data["annual_value"],
            schedule=data.get("schedule", "quarterly_no_cliff"),
            first_grant_month=data.get("first_grant_month", 12),
            growth_rate=data.get("growth_rate", 0.0),
        )

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready mapping; ``from_dict(to_dict())`` gives an equal plan.

        >>> RefresherPlan(1_000).to_dict()["schedule"]
        'quarterly_no_cliff'
        """
        return {
            "annual_value": self.annual_value,
            "schedule": _schedule_to_json(self.schedule),
            "first_grant_month": self.first_grant_month,
            "growth_rate": self.growth_rate,
        }
