"""Small checks shared by the whole core; each raises InputError naming the field.

These are private helpers: public functions call them at their boundary so that every
invalid number is reported the same way ("hours_per_week must be between 1 and 100, got 0").
"""

from __future__ import annotations

import math
from collections.abc import Collection

from .errors import InputError

__all__ = [
    "check_choice",
    "check_finite",
    "check_fraction",
    "check_int_range",
    "check_non_negative",
    "check_optional_non_negative",
    "check_positive",
    "check_range",
]


def _fmt(value: object) -> str:
    return (
        repr(value)
        if isinstance(value, str)
        else f"{value:g}"
        if isinstance(value, float)
        else str(value)
    )


def check_finite(field: str, value: object) -> float:
    """Return ``value`` as a float, or raise InputError if it is not a finite real number.

    >>> check_finite("amount", 3)
    3.0
    >>> check_finite("amount", float("nan"))
    Traceback (most recent call last):
    ...
    calculator.errors.InputError: amount must be a finite number, got nan
    """
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise InputError(field, f"must be a number, got {_fmt(value)}")
    number = float(value)
    if not math.isfinite(number):
        raise InputError(field, f"must be a finite number, got {_fmt(number)}")
    return number


def check_non_negative(field: str, value: object) -> float:
    """Finite and >= 0.

    >>> check_non_negative("bonus", 0)
    0.0
    """
    number = check_finite(field, value)
    if number < 0:
        raise InputError(field, f"must not be negative, got {_fmt(number)}")
    return number


def check_optional_non_negative(field: str, value: object | None) -> float | None:
    """``None`` (not stated) passes through; otherwise finite and >= 0.

    >>> check_optional_non_negative("gym", None) is None
    True
    """
    return None if value is None else check_non_negative(field, value)


def check_positive(field: str, value: object) -> float:
    """Finite and > 0.

    >>> check_positive("base_salary", -5)
    Traceback (most recent call last):
    ...
    calculator.errors.InputError: base_salary must be positive, got -5
    """
    number = check_finite(field, value)
    if number <= 0:
        raise InputError(field, f"must be positive, got {_fmt(number)}")
    return number


def check_range(field: str, value: object, low: float, high: float) -> float:
    """Finite and within ``low..high`` inclusive.

    >>> check_range("hours_per_week", 37.5, 1, 100)
    37.5
    """
    number = check_finite(field, value)
    if not low <= number <= high:
        raise InputError(field, f"must be between {low:g} and {high:g}, got {_fmt(number)}")
    return number


def check_fraction(field: str, value: object, high: float = 1.0) -> float:
    """A rate given as a fraction (0.03 means 3%), within ``0..high``.

    >>> check_fraction("anchor_margin", 0.1)
    0.1
    >>> check_fraction("anchor_margin", 10)
    Traceback (most recent call last):
    ...
    calculator.errors.InputError: anchor_margin must be a fraction between 0 and 1 (0.03 means 3%), got 10
    """
    number = check_finite(field, value)
    if not 0.0 <= number <= high:
        raise InputError(
            field, f"must be a fraction between 0 and {high:g} (0.03 means 3%), got {_fmt(number)}"
        )
    return number


def check_int_range(field: str, value: object, low: int, high: int) -> int:
    """A whole number within ``low..high`` inclusive.

    >>> check_int_range("years", 4, 1, 30)
    4
    """
    if isinstance(value, bool) or not isinstance(value, int):
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        else:
            raise InputError(field, f"must be a whole number, got {_fmt(value)}")
    if not low <= value <= high:
        raise InputError(field, f"must be between {low} and {high}, got {value}")
    return value


def check_choice(field: str, value: object, choices: Collection[str]) -> str:
    """One of ``choices``.

    >>> check_choice("expertise", "expert", ("beginner", "intermediate", "expert"))
    'expert'
    """
    if not isinstance(value, str) or value not in choices:
        listed = ", ".join(repr(c) for c in choices)
        raise InputError(field, f"must be one of {listed}, got {_fmt(value)}")
    return value
