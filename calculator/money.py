"""Formatting through Babel: the only place amounts (and dates in sentences) become text.

Amounts stay floats in major units throughout the core; they are rounded here, when shown.
Babel is imported on first use so that ``import calculator`` stays light.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Any

from ._validate import check_finite, check_int_range
from .errors import InputError

__all__ = ["currency_symbol", "format_day", "format_money"]

#: Locale used to format each currency when the caller gives none.
DEFAULT_LOCALES: dict[str, str] = {"GBP": "en_GB", "USD": "en_US", "EUR": "en_IE"}


@lru_cache(maxsize=1)
def _numbers() -> Any:
    from babel import numbers

    return numbers


def format_money(
    amount: float, currency: str = "GBP", *, locale: str | None = None, decimals: int = 0
) -> str:
    """Format ``amount`` (major units) as money, e.g. 33000 -> '£33,000'.

    Rounded half-away-from-zero to ``decimals`` places by Babel's currency pattern.

    >>> format_money(33000)
    '£33,000'
    >>> format_money(1234.5, "USD", decimals=2)
    '$1,234.50'
    >>> format_money(-250, "EUR")
    '-€250'
    >>> format_money(1, "XYZ")
    Traceback (most recent call last):
    ...
    calculator.errors.InputError: currency is not a currency code Babel knows, got 'XYZ'
    """
    value = check_finite("amount", amount)
    if abs(value) >= _LARGEST:
        raise InputError("amount", f"is too large to be a salary figure, got {value:g}")
    code = _currency_code(currency)
    places = check_int_range("decimals", decimals, 0, 6)
    numbers = _numbers()
    loc = _locale(locale, code)
    pattern = "¤#,##0" + ("." + "0" * places if places else "")
    text: str = numbers.format_currency(
        value, code, format=pattern, locale=loc, currency_digits=False
    )
    return text


#: Figures at or above this are rejected before Babel's decimal arithmetic sees them.
_LARGEST = 1e18


def _locale(locale: object, code: str) -> str:
    """The caller's locale if Babel knows it, else the default for the currency."""
    if locale is None:
        return DEFAULT_LOCALES.get(code, "en_GB")
    if not isinstance(locale, str) or not locale:
        raise InputError("locale", f"must be a locale name such as 'en_GB', got {locale!r}")
    from babel import Locale, UnknownLocaleError

    try:
        Locale.parse(locale)
    except (ValueError, LookupError, UnknownLocaleError) as error:
        raise InputError("locale", f"is not a locale Babel knows, got {locale!r}") from error
    return locale


def _currency_code(currency: object) -> str:
    """An ISO 4217 code Babel knows, upper-cased; anything else is an InputError."""
    if not isinstance(currency, str) or len(currency) != 3 or not currency.isalpha():
        raise InputError(
            "currency", f"must be a 3-letter ISO 4217 code such as 'GBP', got {currency!r}"
        )
    code = currency.upper()
    if not _numbers().is_currency(code):
        raise InputError("currency", f"is not a currency code Babel knows, got {currency!r}")
    return code


def currency_symbol(currency: str = "GBP", *, locale: str | None = None) -> str:
    """The symbol Babel uses for ``currency`` in ``locale``.

    >>> currency_symbol("USD")
    '$'
    """
    code = _currency_code(currency)
    loc = _locale(locale, code)
    symbol: str = _numbers().get_currency_symbol(code, locale=loc)
    return symbol


def format_day(day: dt.date, *, locale: str = "en_GB") -> str:
    """A date as said in a message, e.g. 'Thursday 19 November' (Babel, CLDR pattern EEEE d MMMM).

    >>> import datetime as dt
    >>> format_day(dt.date(2026, 11, 19))
    'Thursday 19 November'
    """
    if isinstance(day, dt.datetime) or not isinstance(day, dt.date):
        raise InputError("day", f"must be a date, got {type(day).__name__}")
    from babel.dates import format_date

    text: str = format_date(day, format="EEEE d MMMM", locale=_locale(locale, "GBP"))
    return text
