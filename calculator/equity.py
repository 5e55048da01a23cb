"""Equity: RSU and option grants, vesting schedules, and what has vested by a given month.

Rules (DOMAIN.md section 5):

- RSUs are worth shares x price, or the grant value when the offer states one.
- Options are worth ``shares x max(exit price - strike, 0)`` in each scenario (zero, bear, base,
  bull) the user sets; private-company equity is uncertain, so the scenarios are shown apart and
  totals use the *base* scenario, labelled as such.
- Schedules: ``"standard"`` (4 years, 1-year cliff with 25% at month 12, then monthly),
  ``"front_loaded"`` (40/30/20/10), ``"back_loaded"`` (5/15/40/40), or a sequence of yearly
  fractions that sum to 1. Yearly-fraction schedules vest each year's tranche at the end of
  that year (annual vesting, the usual form of these schedules).
- A grant whose schedule the offer does not state (``schedule=None``) is valued on the standard
  schedule, and the schedule becomes a question to ask.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final, Literal

from ._validate import check_choice, check_finite, check_int_range, check_non_negative
from .errors import InputError

__all__ = [
    "NAMED_SCHEDULES",
    "SCENARIOS",
    "EquityGrant",
    "EquityKind",
    "schedule_fractions",
    "vested_by_month",
    "vested_fraction",
    "vesting_schedule",
]

EquityKind = Literal["rsu", "option"]
#: Option scenarios, in the order they are shown (DOMAIN.md 5).
SCENARIOS: Final = ("zero", "bear", "base", "bull")
#: Yearly fractions of the named schedules (DOMAIN.md 5).
NAMED_SCHEDULES: Final[dict[str, tuple[float, ...]]] = {
    "standard": (0.25, 0.25, 0.25, 0.25),
    "front_loaded": (0.40, 0.30, 0.20, 0.10),
    "back_loaded": (0.05, 0.15, 0.40, 0.40),
}
_STANDARD_CLIFF_MONTHS: Final = 12
_STANDARD_MONTHS: Final = 48
_MAX_YEARS: Final = 10


def schedule_fractions(schedule: str | Sequence[float]) -> tuple[float, ...]:
    """The fraction of the grant that vests in each year of ``schedule``.

    Named schedules come from :data:`NAMED_SCHEDULES`; a sequence of yearly fractions (1 to 10
    years, each 0..1) must sum to 1 within 0.001.

    >>> schedule_fractions("back_loaded")
    (0.05, 0.15, 0.4, 0.4)
    >>> schedule_fractions([0.5, 0.5])
    (0.5, 0.5)
    >>> schedule_fractions([0.5, 0.4])
    Traceback (most recent call last):
    ...
    calculator.errors.InputError: schedule must add up to 100% of the grant, got 90%
    """
    if isinstance(schedule, str):
        check_choice("schedule", schedule, tuple(NAMED_SCHEDULES))
        return NAMED_SCHEDULES[schedule]
    if not isinstance(schedule, Sequence) or not 1 <= len(schedule) <= _MAX_YEARS:
        raise InputError(
            "schedule",
            f"must be a named schedule or 1 to {_MAX_YEARS} yearly fractions, got {schedule!r}",
        )
    fractions = tuple(check_finite("schedule", value) for value in schedule)
    if any(not 0.0 <= value <= 1.0 for value in fractions):
        raise InputError("schedule", "yearly fractions must each be between 0 and 1")
    if not math.isclose(sum(fractions), 1.0, abs_tol=1e-3):
        raise InputError(
            "schedule", f"must add up to 100% of the grant, got {sum(fractions) * 100:g}%"
        )
    return fractions


def vesting_schedule(
    grant_value: float, schedule: str | Sequence[float] = "standard"
) -> tuple[float, ...]:
    """Value vested in each year: ``grant_value x fraction of year k``.

    >>> vesting_schedule(400_000, "back_loaded")
    (20000.0, 60000.0, 160000.0, 160000.0)
    >>> vesting_schedule(100_000)
    (25000.0, 25000.0, 25000.0, 25000.0)
    """
    value = check_non_negative("grant_value", grant_value)
    return tuple(value * fraction for fraction in schedule_fractions(schedule))


def vested_fraction(schedule: str | Sequence[float], month: int) -> float:
    """Fraction of the grant vested by the end of month ``month`` (0 = the start date).

    Standard: nothing before the 12-month cliff, 25% at month 12, then 1/48 a month to 100% at
    month 48. Yearly-fraction schedules: each year's tranche at the end of that year.

    >>> vested_fraction("standard", 11), vested_fraction("standard", 12), vested_fraction("standard", 18)
    (0.0, 0.25, 0.375)
    >>> vested_fraction("front_loaded", 24)
    0.7
    """
    months = check_int_range("month", month, 0, 12 * _MAX_YEARS * 10)
    if isinstance(schedule, str) and schedule == "standard":
        if months < _STANDARD_CLIFF_MONTHS:
            return 0.0
        return min(1.0, months / _STANDARD_MONTHS)
    fractions = schedule_fractions(schedule)
    return min(1.0, sum(fractions[: months // 12]))


def vested_by_month(grant_value: float, schedule: str | Sequence[float], month: int) -> float:
    """Value vested by the end of month ``month``: ``grant_value x vested_fraction``.

    >>> vested_by_month(48_000, "standard", 11)
    0.0
    >>> vested_by_month(48_000, "standard", 30)
    30000.0
    """
    value = check_non_negative("grant_value", grant_value)
    return value * vested_fraction(schedule, month)


def _optional_amount(name: str, value: object) -> float | None:
    return None if value is None else check_non_negative(name, value)


@dataclass(frozen=True, slots=True)
class EquityGrant:
    """One equity grant: RSUs or options, with its vesting schedule.

    RSU value = ``grant_value`` if stated, else ``shares x price``. Option value in a scenario
    = ``shares x max(scenario price - strike, 0)`` (the "zero" scenario is always 0). Anything
    unstated is ``None`` and values as 0 with a question to ask (see :meth:`missing`);
    ``schedule=None`` (not stated) vests as ``"standard"``.

    >>> EquityGrant("rsu", shares=1000, price=40.0).value()
    40000.0
    >>> g = EquityGrant("option", shares=10_000, strike=2.0, scenarios={"bear": 1.0, "base": 5.0, "bull": 12.0})
    >>> g.value("bear"), g.value("base"), g.value("bull")
    (0.0, 30000.0, 100000.0)
    """

    kind: EquityKind = "rsu"
    shares: float | None = None
    price: float | None = None
    grant_value: float | None = None
    strike: float | None = None
    scenarios: Mapping[str, float] = field(default_factory=dict)
    schedule: str | tuple[float, ...] | None = "standard"

    def __post_init__(self) -> None:
        check_choice("kind", self.kind, ("rsu", "option"))
        for name in ("shares", "price", "grant_value", "strike"):
            _optional_amount(name, getattr(self, name))
        if not isinstance(self.scenarios, Mapping):
            raise InputError("scenarios", "must map scenario names to share prices")
        prices = {}
        for name, price in self.scenarios.items():
            check_choice("scenarios", name, SCENARIOS)
            if price is not None:
                prices[name] = check_non_negative(f"scenarios.{name}", price)
        object.__setattr__(self, "scenarios", prices)
        schedule = self.schedule
        if schedule is not None and not isinstance(schedule, str):
            schedule = schedule_fractions(schedule)
            object.__setattr__(self, "schedule", schedule)
        schedule_fractions(self.vesting)

    @property
    def vesting(self) -> str | tuple[float, ...]:
        """The schedule used for valuing: the stated one, or ``"standard"`` when not stated."""
        return "standard" if self.schedule is None else self.schedule

    def value(self, scenario: str = "base") -> float:
        """Whole-grant value in ``scenario`` (RSUs have one value whatever the scenario)."""
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

    def yearly(self, scenario: str = "base") -> tuple[float, ...]:
        """Value vesting in each year of the schedule, in ``scenario``."""
        return vesting_schedule(self.value(scenario), self.vesting)

    def vested_by_month(self, month: int, scenario: str = "base") -> float:
        """Value vested by the end of month ``month``, in ``scenario``."""
        return vested_by_month(self.value(scenario), self.vesting, month)

    def missing(self) -> tuple[str, ...]:
        """Questions for the employer about what the grant leaves unstated."""
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
        """Build from a JSON-like mapping (keys as the fields; ``schedule`` a name or a list).

        A missing ``schedule`` key means ``"standard"``; an explicit ``None`` means not stated.

        >>> EquityGrant.from_dict({"kind": "rsu", "grant_value": 1000, "schedule": [0.5, 0.5]}).schedule
        (0.5, 0.5)
        """
        if not isinstance(data, Mapping):
            raise InputError("equity", "each grant must be a mapping of its fields")
        unknown = set(data) - {f for f in cls.__dataclass_fields__}
        if unknown:
            raise InputError(
                "equity", f"has unknown fields: {', '.join(sorted(map(str, unknown)))}"
            )
        schedule = data.get("schedule", "standard")
        if isinstance(schedule, list):
            schedule = tuple(schedule)
        scenarios = data.get("scenarios") or {}
        return cls(
            kind=data.get("kind", "rsu"),
            shares=data.get("shares"),
            price=data.get("price"),
            grant_value=data.get("grant_value"),
            strike=data.get("strike"),
            scenarios=scenarios,
            schedule=schedule,
        )

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready mapping; ``from_dict(to_dict())`` gives an equal grant."""
        return {
            "kind": self.kind,
            "shares": self.shares,
            "price": self.price,
            "grant_value": self.grant_value,
            "strike": self.strike,
            "scenarios": dict(self.scenarios),
            "schedule": (
                list(self.schedule) if isinstance(self.schedule, tuple) else self.schedule
            ),
        }
