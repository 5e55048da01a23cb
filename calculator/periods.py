"""Pay periods: convert hourly, weekly and monthly figures to annual amounts and back.

Rule (docs/domain.md section 1): annual = amount x periods per year, where an hour counts
``hours_per_week x weeks_per_year`` times a year, a week ``weeks_per_year`` times and a
month 12 times. Defaults: 37.5 hours a week, 52 weeks a year (UK full-time convention);
US OEWS data uses 40 x 52 = 2,080 hours.
"""

from __future__ import annotations

from typing import Final, Literal, get_args

from ._validate import check_choice, check_non_negative, check_range

__all__ = ["PAY_PERIODS", "PayPeriod", "from_annual", "periods_per_year", "to_annual"]

PayPeriod = Literal["hour", "day", "week", "month", "year"]
PAY_PERIODS: Final[tuple[str, ...]] = get_args(PayPeriod)
_DAYS_PER_WEEK: Final = 5.0


def periods_per_year(
    per: PayPeriod, *, hours_per_week: float = 37.5, weeks_per_year: float = 52
) -> float:
    """How many of ``per`` make a year.

    hour: hours_per_week x weeks_per_year; day: 5 x weeks_per_year; week: weeks_per_year;
    month: 12; year: 1.

    >>> periods_per_year("hour", hours_per_week=40)
    2080.0
    >>> periods_per_year("month")
    12.0
    """
    check_choice("per", per, PAY_PERIODS)
    hours = check_range("hours_per_week", hours_per_week, 1, 100)
    weeks = check_range("weeks_per_year", weeks_per_year, 1, 53)
    return {
        "hour": hours * weeks,
        "day": _DAYS_PER_WEEK * weeks,
        "week": weeks,
        "month": 12.0,
        "year": 1.0,
    }[per]


def to_annual(
    amount: float,
    per: PayPeriod = "year",
    *,
    hours_per_week: float = 37.5,
    weeks_per_year: float = 52,
) -> float:
    """Annual equivalent of ``amount`` paid per ``per``.

    annual = amount x periods_per_year(per).

    >>> to_annual(20, "hour")
    39000.0
    >>> to_annual(3000, "month")
    36000.0
    >>> to_annual(-1, "year")
    Traceback (most recent call last):
    ...
    calculator.errors.InputError: amount must not be negative, got -1
    """
    value = check_non_negative("amount", amount)
    return value * periods_per_year(
        per, hours_per_week=hours_per_week, weeks_per_year=weeks_per_year
    )


def from_annual(
    annual: float,
    per: PayPeriod = "year",
    *,
    hours_per_week: float = 37.5,
    weeks_per_year: float = 52,
) -> float:
    """The amount per ``per`` that adds up to ``annual`` over a year; inverse of :func:`to_annual`.

    >>> from_annual(39000, "hour")
    20.0
    >>> round(from_annual(52000, "week"), 2)
    1000.0
    """
    value = check_non_negative("annual", annual)
    return value / periods_per_year(
        per, hours_per_week=hours_per_week, weeks_per_year=weeks_per_year
    )
