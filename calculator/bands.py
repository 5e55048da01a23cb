"""The three salary levels: bottom line, going rate and top salary, plus the target.

Source: docs/domain.md section 1 (the three-level salary framework). The bottom line is what leaves
you no worse off than today; the going rate is the market median (P50); the top salary is the
highest you could reasonably expect for your expertise; the target sits between the last two.
The levels are not forced into order: a bottom line above the market is reported as a warning.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import pairwise
from types import MappingProxyType
from typing import Any, Final, Literal, get_args

from ._validate import (
    check_choice,
    check_fraction,
    check_int_range,
    check_non_negative,
    check_positive,
    check_range,
)
from .errors import InputError
from .periods import PAY_PERIODS, PayPeriod, to_annual

__all__ = [
    "EXPERTISE_LEVELS",
    "EXPERTISE_MULTIPLIERS",
    "EXPERTISE_PERCENTILES",
    "MIN_POINTS_FOR_SPREAD",
    "DataPoint",
    "Expertise",
    "PointsSummary",
    "SalaryBands",
    "going_rate_from_points",
    "interpolate_percentile",
    "salary_bands",
    "top_salary_from_percentiles",
]

Expertise = Literal["beginner", "intermediate", "expert"]
EXPERTISE_LEVELS: Final[tuple[str, ...]] = get_args(Expertise)


@dataclass(frozen=True, slots=True)
class _LevelRule:
    """Where one level of expertise sits in the market (docs/domain.md section 1): the percentiles of the
    market default bottom line, the going rate and the top salary, and the multipliers of the
    going rate used when only a going rate is known."""

    bottom_percentile: int
    going_percentile: int
    top_percentile: int
    bottom_factor: float
    top_factor: float


#: docs/domain.md section 1. Going rates follow the US Department of Labor's OEWS-based prevailing-wage
#: levels (Level I entry ~ P17, Level III experienced ~ P50, Level IV fully competent ~ P67;
#: DOL ETA Prevailing Wage Determination Policy Guidance, Nonagricultural Immigration Programs,
#: revised November 2009, whose levels DOL puts at about these percentiles in its interim final
#: rule of 8 October 2020, 85 FR 63872).
_LEVELS: Final[Mapping[str, _LevelRule]] = MappingProxyType(
    {
        "beginner": _LevelRule(10, 17, 50, 0.80, 1.10),
        "intermediate": _LevelRule(25, 50, 75, 0.90, 1.20),
        "expert": _LevelRule(50, 67, 90, 1.00, 1.35),
    }
)
#: What a market percentile used for a level stands for (the DOL wage levels above).
_MEANINGS: Final[Mapping[int, str]] = MappingProxyType(
    {
        17: "DOL Level I, entry",
        34: "DOL Level II, qualified",
        50: "DOL Level III, experienced",
        67: "DOL Level IV, fully competent",
    }
)

#: Market percentile that marks the top salary for each level of expertise (docs/domain.md section 1).
EXPERTISE_PERCENTILES: Final[dict[str, int]] = {k: v.top_percentile for k, v in _LEVELS.items()}

#: With only a going rate, top salary = going rate x this multiplier (docs/domain.md section 1).
EXPERTISE_MULTIPLIERS: Final[dict[str, float]] = {k: v.top_factor for k, v in _LEVELS.items()}

#: What the bottom line says when it is the market default (no current pay, no minimum).
_MARKET_DEFAULT: Final = "a market default: set your own minimum"

#: Fewest collected figures whose spread is used for the top salary; with fewer, the top salary
#: falls back to going rate x multiplier (one or two figures say nothing about P75 or P90).
MIN_POINTS_FOR_SPREAD: Final = 3

_SUMMARY_PERCENTILES: Final[tuple[int, ...]] = (10, 25, 50, 75, 90)
_HOURS_RANGE: Final[tuple[float, float]] = (1.0, 100.0)


def _check_expertise(value: object) -> Expertise:
    check_choice("expertise", value, EXPERTISE_LEVELS)
    return value  # type: ignore[return-value]


@dataclass(frozen=True, slots=True)
class DataPoint:
    """One pay figure the user collected (salary guide, job ad, recruiter quote).

    ``amount`` is paid per ``per`` (hour, day, week, month or year); :attr:`annual` converts it
    with :func:`calculator.periods.to_annual` at ``hours_per_week`` and 52 weeks (docs/domain.md section 1).

    >>> DataPoint(18, "hour", label="agency quote").annual
    35100.0
    >>> DataPoint.from_dict({"amount": 3000, "per": "month"}).annual
    36000.0
    >>> DataPoint(-1)
    Traceback (most recent call last):
    ...
    calculator.errors.InputError: amount must be positive, got -1
    """

    amount: float
    per: PayPeriod = "year"
    label: str | None = None
    hours_per_week: float = 37.5

    def __post_init__(self) -> None:
        object.__setattr__(self, "amount", check_positive("amount", self.amount))
        check_choice("per", self.per, PAY_PERIODS)
        object.__setattr__(
            self, "hours_per_week", check_range("hours_per_week", self.hours_per_week, 1, 100)
        )
        if self.label is not None and not isinstance(self.label, str):
            raise InputError("label", f"must be text or empty, got {self.label!r}")

    @property
    def annual(self) -> float:
        """The figure as an annual amount: amount x periods per year."""
        return to_annual(self.amount, self.per, hours_per_week=self.hours_per_week)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> DataPoint:
        """Build from a mapping with ``amount`` and optional ``per``, ``label``, ``hours_per_week``.

        >>> DataPoint.from_dict({"amount": 30000, "label": "job ad"}).label
        'job ad'
        """
        if not isinstance(data, Mapping):
            raise InputError("data_point", f"must be a mapping, got {type(data).__name__}")
        allowed = {"amount", "per", "label", "hours_per_week"}
        unknown = sorted(str(key) for key in data if key not in allowed)
        if unknown:
            raise InputError("data_point", f"has unknown keys: {', '.join(unknown)}")
        if "amount" not in data:
            raise InputError("amount", "is required")
        return cls(
            amount=data["amount"],
            per=data.get("per", "year"),
            label=data.get("label"),
            hours_per_week=data.get("hours_per_week", 37.5),
        )

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready mapping; ``DataPoint.from_dict(p.to_dict()) == p``.

        >>> DataPoint(20, "hour").to_dict()
        {'amount': 20.0, 'per': 'hour', 'label': None, 'hours_per_week': 37.5}
        """
        return {
            "amount": self.amount,
            "per": self.per,
            "label": self.label,
            "hours_per_week": self.hours_per_week,
        }


def _linear_percentile(ordered: tuple[float, ...], p: float) -> float:
    """numpy's default "linear" percentile: position h = (n - 1) x p / 100 in the sorted list."""
    position = (len(ordered) - 1) * p / 100.0
    below = math.floor(position)
    above = min(below + 1, len(ordered) - 1)
    return ordered[below] + (position - below) * (ordered[above] - ordered[below])


@dataclass(frozen=True, slots=True)
class PointsSummary:
    """Summary of the figures the user collected, all annual; everything else is derived.

    Percentiles use linear interpolation between order statistics (numpy's default method):
    for ``n`` sorted values the p-th percentile sits at position ``(n - 1) x p / 100``.

    >>> s = PointsSummary((30000.0, 34000.0, 32000.0, 40000.0))
    >>> s.median, s.low, s.high, s.spread
    (33000.0, 30000.0, 40000.0, 10000.0)
    >>> s.percentiles[25], s.iqr
    (31500.0, 4000.0)
    """

    values: tuple[float, ...]

    def __post_init__(self) -> None:
        if not isinstance(self.values, tuple) or not self.values:
            raise InputError("points", "need at least one figure")
        checked = tuple(check_positive("points", value) for value in self.values)
        object.__setattr__(self, "values", tuple(sorted(checked)))

    @property
    def count(self) -> int:
        """How many figures."""
        return len(self.values)

    @property
    def median(self) -> float:
        """The middle figure (mean of the two middle ones for an even count)."""
        return _linear_percentile(self.values, 50)

    @property
    def low(self) -> float:
        """The smallest figure."""
        return self.values[0]

    @property
    def high(self) -> float:
        """The largest figure."""
        return self.values[-1]

    @property
    def spread(self) -> float:
        """high - low."""
        return self.high - self.low

    @property
    def iqr(self) -> float:
        """Interquartile range: P75 - P25."""
        return _linear_percentile(self.values, 75) - _linear_percentile(self.values, 25)

    @property
    def percentiles(self) -> dict[int, float]:
        """P10, P25, P50, P75 and P90 of the figures."""
        return {p: _linear_percentile(self.values, p) for p in _SUMMARY_PERCENTILES}

    @property
    def notes(self) -> tuple[str, ...]:
        """Caveats about how much the figures can tell."""
        if self.count == 1:
            return ("One figure is thin evidence: collect a few more to see the spread.",)
        if self.count < 5:
            return (f"Only {self.count} figures: treat the spread as rough.",)
        return ()


def going_rate_from_points(points: Iterable[float | DataPoint]) -> PointsSummary:
    """Summarise collected figures (plain annual amounts or :class:`DataPoint`); going rate = median.

    Source: docs/domain.md section 1 (going rate from data points the user collected).

    >>> going_rate_from_points([30000, 32000, DataPoint(3000, "month")]).median
    32000.0
    >>> going_rate_from_points([31000]).notes
    ('One figure is thin evidence: collect a few more to see the spread.',)
    >>> going_rate_from_points([])
    Traceback (most recent call last):
    ...
    calculator.errors.InputError: points need at least one figure
    """
    if isinstance(points, (str, bytes, Mapping)) or not isinstance(points, Iterable):
        raise InputError("points", f"must be a list of figures, got {type(points).__name__}")
    values: list[float] = []
    for point in points:
        if isinstance(point, DataPoint):
            values.append(point.annual)
        else:
            values.append(check_positive("points", point))
    return PointsSummary(tuple(values))


def _check_percentiles(percentiles: object) -> dict[int, float]:
    """Keys whole numbers 1..99, values finite and positive, non-decreasing; sorted copy."""
    if not isinstance(percentiles, Mapping) or not percentiles:
        raise InputError("percentiles", "must be a non-empty mapping of percentile to amount")
    checked: dict[int, float] = {}
    for key, value in percentiles.items():
        try:
            p = check_int_range("percentiles", key, 1, 99)
            amount = check_positive("percentiles", value)
        except InputError as err:
            raise InputError("percentiles", f"entry {key!r}: {err.rule}") from None
        checked[p] = amount
    ordered = sorted(checked.items())
    for (p_lo, a_lo), (p_hi, a_hi) in pairwise(ordered):
        if a_hi < a_lo:
            raise InputError(
                "percentiles",
                f"must not decrease: P{p_hi} ({a_hi:g}) is below P{p_lo} ({a_lo:g})",
            )
    return dict(ordered)


def interpolate_percentile(percentiles: Mapping[int, float], p: float) -> float:
    """The p-th percentile by linear interpolation between the nearest known percentiles.

    value = v_lo + (p - p_lo) / (p_hi - p_lo) x (v_hi - v_lo) (docs/domain.md section 1: "interpolate between
    known percentiles"). ``p`` outside the known range is an error unless it equals an end.

    >>> interpolate_percentile({50: 30000, 75: 40000}, 60)
    34000.0
    >>> interpolate_percentile({50: 30000, 75: 40000}, 90)
    Traceback (most recent call last):
    ...
    calculator.errors.InputError: percentile P90 is outside the known range P50 to P75
    """
    known = _check_percentiles(percentiles)
    wanted = check_range("percentile", p, 1, 99)
    keys = list(known)
    if wanted < keys[0] or wanted > keys[-1]:
        raise InputError(
            "percentile", f"P{wanted:g} is outside the known range P{keys[0]} to P{keys[-1]}"
        )
    for p_lo, p_hi in pairwise(keys):
        if p_lo <= wanted <= p_hi:
            fraction = (wanted - p_lo) / (p_hi - p_lo)
            return known[p_lo] + fraction * (known[p_hi] - known[p_lo])
    return known[keys[0]]  # a single known percentile, asked for exactly


def top_salary_from_percentiles(
    percentiles: Mapping[int, float], expertise: Expertise = "intermediate"
) -> float:
    """Top salary = the market percentile for your expertise: beginner P50, intermediate P75,
    expert P90 (docs/domain.md section 1), interpolated between known percentiles.

    >>> top_salary_from_percentiles({25: 26000, 50: 30000, 75: 40000}, "beginner")
    30000.0
    >>> top_salary_from_percentiles({50: 30000, 75: 40000, 90: 46000}, "expert")
    46000.0
    """
    level = _check_expertise(expertise)
    return interpolate_percentile(percentiles, _LEVELS[level].top_percentile)


def _percentile_label(p: int) -> str:
    """'P17: DOL Level I, entry' for a percentile that is a DOL wage level, else 'P75'."""
    meaning = _MEANINGS.get(p)
    return f"P{p}" if meaning is None else f"P{p}: {meaning}"


@dataclass(frozen=True, slots=True)
class SalaryBands:
    """The three levels and the target, each with where it came from (docs/domain.md section 1).

    ``*_percentile`` is the market percentile a level was read from (None when it came from
    elsewhere); ``bottom_line_is_default`` says the bottom line is the market default the user
    should replace with their own minimum.

    >>> b = SalaryBands(bottom_line=28000, going_rate=30000, top_salary=36000, target=33000)
    >>> b.to_dict()["target"]
    33000.0
    """

    bottom_line: float
    going_rate: float
    top_salary: float
    target: float
    going_rate_source: str = "you entered it"
    top_salary_source: str = "you entered it"
    bottom_line_source: str = "you entered it"
    target_source: str = "you entered it"
    expertise: Expertise = "intermediate"
    notes: tuple[str, ...] = field(default=())
    warnings: tuple[str, ...] = field(default=())
    bottom_line_percentile: int | None = None
    going_rate_percentile: int | None = None
    top_salary_percentile: int | None = None
    bottom_line_is_default: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "bottom_line", check_non_negative("bottom_line", self.bottom_line))
        for name in ("going_rate", "top_salary", "target"):
            object.__setattr__(self, name, check_positive(name, getattr(self, name)))
        _check_expertise(self.expertise)
        for name in ("notes", "warnings"):
            value = getattr(self, name)
            if not isinstance(value, tuple) or not all(isinstance(v, str) for v in value):
                raise InputError(name, "must be a tuple of text")
        for name in ("bottom_line_percentile", "going_rate_percentile", "top_salary_percentile"):
            if getattr(self, name) is not None:
                check_int_range(name, getattr(self, name), 1, 99)
        if not isinstance(self.bottom_line_is_default, bool):
            raise InputError("bottom_line_is_default", "must be true or false")

    def percentile_marks(self) -> tuple[tuple[str, int, str, float], ...]:
        """(level, percentile, what that percentile stands for, amount) for each level read
        from the market percentiles, lowest level first: what a percentile chart marks as used.

        >>> salary_bands(percentiles={10: 40, 25: 50, 50: 60, 75: 80}).percentile_marks()[1]
        ('Going rate', 50, 'P50: DOL Level III, experienced', 60.0)
        """
        levels = (
            ("Bottom line", self.bottom_line_percentile, self.bottom_line),
            ("Going rate", self.going_rate_percentile, self.going_rate),
            ("Top salary", self.top_salary_percentile, self.top_salary),
        )
        return tuple(
            (name, p, _percentile_label(p), amount) for name, p, amount in levels if p is not None
        )

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready mapping of every field (tuples become lists)."""
        return {
            "bottom_line": self.bottom_line,
            "going_rate": self.going_rate,
            "top_salary": self.top_salary,
            "target": self.target,
            "going_rate_source": self.going_rate_source,
            "top_salary_source": self.top_salary_source,
            "bottom_line_source": self.bottom_line_source,
            "target_source": self.target_source,
            "expertise": self.expertise,
            "notes": list(self.notes),
            "warnings": list(self.warnings),
            "bottom_line_percentile": self.bottom_line_percentile,
            "going_rate_percentile": self.going_rate_percentile,
            "top_salary_percentile": self.top_salary_percentile,
            "bottom_line_is_default": self.bottom_line_is_default,
        }


def _optional(name: str, value: object, *, positive: bool) -> float | None:
    if value is None:
        return None
    return check_positive(name, value) if positive else check_non_negative(name, value)


def _percent(fraction: float) -> str:
    return f"{fraction * 100:.4g}%"


def _figures(count: int) -> str:
    return "one figure" if count == 1 else f"{count} figures"


@dataclass(frozen=True, slots=True)
class _Pick:
    """One level as worked out: amount, where it came from, the market percentile it was read
    from (if any) and a note for the user (if any)."""

    amount: float
    source: str
    percentile: int | None = None
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _Market:
    """What the levels are read from, checked: market percentiles, collected figures, level."""

    known: dict[int, float] | None
    summary: PointsSummary | None
    level: Expertise

    @property
    def rule(self) -> _LevelRule:
        return _LEVELS[self.level]

    def reaches(self, p: int) -> bool:
        return self.known is not None and min(self.known) <= p <= max(self.known)

    def market(self, p: int) -> _Pick:
        """The p-th market percentile (interpolated if needed); ``reaches(p)`` must hold."""
        assert self.known is not None
        how = self.level if p in self.known else f"{self.level}, interpolated"
        amount = interpolate_percentile(self.known, p)
        return _Pick(amount, f"market {_percentile_label(p)} ({how})", p)


def _going_rate(explicit: float | None, market: _Market) -> _Pick:
    """Typed in, else the market percentile for the level (beginner P17, intermediate P50,
    expert P67: the DOL wage levels), else the median of the collected figures (docs/domain.md section 1)."""
    if explicit is not None:
        return _Pick(explicit, "you entered it")
    p = market.rule.going_percentile
    if market.reaches(p):
        return market.market(p)
    if market.summary is not None:
        count = market.summary.count
        what = "the one figure you collected" if count == 1 else f"median of {count} figures"
        return _Pick(market.summary.median, what if count == 1 else f"{what} you collected")
    if market.known is not None:
        raise InputError(
            "going_rate",
            f"is needed: the market figures given do not reach P{p}, the going rate for "
            f"{market.level} expertise; enter a going rate",
        )
    raise InputError(
        "going_rate", "is needed: enter it, or give market percentiles or collected figures"
    )


def _from_spread(p: int, factor: float, rate: float, market: _Market, what: str) -> _Pick:
    """A level at market percentile ``p``, else P``p`` of at least ``MIN_POINTS_FOR_SPREAD``
    collected figures, else going rate x ``factor``. When the market percentiles do not reach
    ``p`` the multiplier is used, kept between the nearest known percentiles below and above
    (the true percentile lies between them), which keeps levels in order across expertise."""
    level = market.level
    if market.reaches(p):
        return market.market(p)
    if market.known is not None:
        below = [v for q, v in market.known.items() if q < p]
        above = [v for q, v in market.known.items() if q > p]
        amount = rate * factor
        amount = max(amount, below[-1]) if below else amount
        amount = min(amount, above[0]) if above else amount
        note = (
            f"The market percentiles given do not reach P{p}, the {what} for {level} "
            "expertise, so it uses the going rate multiplier kept within the known percentiles."
        )
        source = f"going rate x {factor:.2f} ({level}), kept within the market data"
        return _Pick(amount, source, notes=(note,))
    summary = market.summary
    if summary is not None and summary.count >= MIN_POINTS_FOR_SPREAD:
        source = f"P{p} of {_figures(summary.count)} you collected ({level})"
        return _Pick(_linear_percentile(summary.values, p), source)
    notes: tuple[str, ...] = ()
    if summary is not None:
        notes = (
            f"{_figures(summary.count).capitalize()} cannot show a P{p}; "
            f"the {what} uses the going rate multiplier instead.",
        )
    return _Pick(rate * factor, f"going rate x {factor:.2f} ({level})", notes=notes)


def _adjusted_pay(current: float, now: float, new: float, uplift: float, travel: float) -> _Pick:
    """Current pay x new hours / current hours x (1 + uplift) + travel (docs/domain.md section 1)."""
    parts = ["your current pay"]
    if new != now:
        parts.append(f"scaled from {now:g} to {new:g} hours a week")
    if uplift > 0:
        parts.append(f"plus {_percent(uplift)} for added responsibility")
    if travel > 0:
        parts.append("plus the extra travel cost")
    return _Pick(current * new / now * (1.0 + uplift) + travel, ", ".join(parts))


@dataclass(frozen=True, slots=True)
class _Current:
    """Current pay adjusted for the new job (None without current pay), and notes."""

    adjusted: _Pick | None
    notes: tuple[str, ...] = ()


def _current_pay(
    current: float | None, now: float, new: float | None, uplift: float, travel: float
) -> _Current:
    """:func:`_adjusted_pay` when there is current pay (new hours default to the current
    ones); without it, a note when hours, responsibility or travel were given for nothing."""
    hours = now if new is None else new
    if current is not None:
        return _Current(_adjusted_pay(current, now, hours, uplift, travel))
    if travel > 0 or uplift > 0 or hours != now:
        return _Current(
            None,
            (
                "Hours, responsibility and travel adjust your current pay; with no current "
                "salary given, they are not used.",
            ),
        )
    return _Current(None)


def _bottom_line(adjusted: _Pick | None, minimum: float | None, default: _Pick) -> _Pick:
    """Adjusted current pay, never below the personal minimum; with no current pay the
    minimum; with neither, the market default at the user's level (docs/domain.md section 1)."""
    own = "your personal minimum"
    if adjusted is None and minimum is None:
        source = f"{_MARKET_DEFAULT}; {default.source}"
        return _Pick(default.amount, source, default.percentile, default.notes)
    if adjusted is None:
        assert minimum is not None
        return _Pick(minimum, own)
    if minimum is not None and minimum > adjusted.amount:
        note = (
            "Your personal minimum sets the bottom line: it is above your current pay "
            "once adjusted for hours, responsibility and travel."
        )
        return _Pick(minimum, own, notes=(note,))
    if minimum is not None:
        note = (
            "Your adjusted current pay sets the bottom line: it is at or above your "
            "personal minimum."
        )
        return _Pick(adjusted.amount, adjusted.source, notes=(note,))
    return adjusted


def _target(wanted: float | None, rate: float, top: float, bottom_line: float) -> _Pick:
    """Entered, else the midpoint of going rate and top salary; never below the bottom line."""
    if wanted is not None:
        chosen = _Pick(wanted, "you entered it")
    else:
        chosen = _Pick((rate + top) / 2.0, "midpoint of going rate and top salary")
    if chosen.amount < bottom_line:
        note = "The target was below your bottom line, so it was raised to the bottom line."
        return _Pick(bottom_line, "raised to your bottom line", notes=(note,))
    return chosen


def _findings(bottom_line: float, rate: float, top: float) -> tuple[str, ...]:
    """Levels out of order, as findings to show (docs/domain.md section 1), never errors."""
    warnings: list[str] = []
    if bottom_line > top:
        warnings.append(
            "There may be no room to agree: the market tops out below what you need "
            "(your bottom line is above the top salary)."
        )
    elif bottom_line > rate:
        warnings.append(
            "Your bottom line is above the going rate: you need more than typical pay for "
            "this role, so expect a harder negotiation."
        )
    if top < rate:
        warnings.append("The top salary is below the going rate: check the figures entered.")
    return tuple(warnings)


def salary_bands(
    *,
    current_salary: float | None = None,
    current_hours: float = 37.5,
    new_hours: float | None = None,
    extra_travel_cost: float = 0.0,
    responsibility_uplift: float = 0.0,
    personal_minimum: float | None = None,
    going_rate: float | None = None,
    percentiles: Mapping[int, float] | None = None,
    points: Iterable[float | DataPoint] | None = None,
    expertise: Expertise = "intermediate",
    target: float | None = None,
) -> SalaryBands:
    """Work out the bottom line, going rate, top salary and target (docs/domain.md section 1).

    - bottom line = current_salary x new_hours / current_hours x (1 + responsibility_uplift)
      + extra_travel_cost (``new_hours`` defaults to ``current_hours``), never below
      ``personal_minimum``; with no current salary, the personal minimum; with neither, a
      market default (beginner P10, intermediate P25, expert P50; with only a going rate,
      going rate x 0.80 / 0.90 / 1.00), labelled for the user to replace.
    - going rate: ``going_rate`` if given, else the DOL wage level of ``percentiles`` for the
      expertise (beginner P17, intermediate P50, expert P67, interpolated), else the median of
      ``points``.
    - top salary: beginner P50, intermediate P75, expert P90 of ``percentiles``, else of
      ``points`` (at least ``MIN_POINTS_FOR_SPREAD`` figures), else going rate x 1.10 / 1.20 /
      1.35 (kept within the known percentiles when they fall short).
    - target: ``target`` if given, else the midpoint of going rate and top salary; raised to the
      bottom line if below it. Levels out of order are warnings, not errors.

    >>> b = salary_bands(current_salary=30000, new_hours=40, going_rate=30000)
    >>> b.bottom_line, b.top_salary, b.target
    (32000.0, 36000.0, 33000.0)
    >>> g = salary_bands(percentiles={10: 40000, 25: 55000, 50: 60000}, expertise="beginner")
    >>> g.bottom_line, g.going_rate, g.going_rate_source
    (40000.0, 47000.0, 'market P17: DOL Level I, entry (beginner, interpolated)')
    """
    current = _current_pay(
        _optional("current_salary", current_salary, positive=True),
        check_range("current_hours", current_hours, *_HOURS_RANGE),
        None if new_hours is None else check_range("new_hours", new_hours, *_HOURS_RANGE),
        check_fraction("responsibility_uplift", responsibility_uplift),
        check_non_negative("extra_travel_cost", extra_travel_cost),
    )
    minimum = _optional("personal_minimum", personal_minimum, positive=False)
    explicit_rate = _optional("going_rate", going_rate, positive=True)
    market = _Market(
        known=None if percentiles is None else _check_percentiles(percentiles),
        summary=None if points is None else going_rate_from_points(points),
        level=_check_expertise(expertise),
    )
    wanted_target = _optional("target", target, positive=True)

    rate = _going_rate(explicit_rate, market)
    rule = market.rule
    top = _from_spread(rule.top_percentile, rule.top_factor, rate.amount, market, "top salary")
    default = _from_spread(
        rule.bottom_percentile, rule.bottom_factor, rate.amount, market, "bottom line"
    )
    bottom = _bottom_line(current.adjusted, minimum, default)
    chosen = _target(wanted_target, rate.amount, top.amount, bottom.amount)
    summary_notes = market.summary.notes if market.summary else ()
    notes = (*current.notes, *bottom.notes, *summary_notes, *top.notes, *chosen.notes)
    return SalaryBands(
        bottom_line=bottom.amount,
        going_rate=rate.amount,
        top_salary=top.amount,
        target=chosen.amount,
        going_rate_source=rate.source,
        top_salary_source=top.source,
        bottom_line_source=bottom.source,
        target_source=chosen.source,
        expertise=market.level,
        notes=notes,
        warnings=_findings(bottom.amount, rate.amount, top.amount),
        bottom_line_percentile=bottom.percentile,
        going_rate_percentile=rate.percentile,
        top_salary_percentile=top.percentile,
        bottom_line_is_default=current.adjusted is None and minimum is None,
    )
