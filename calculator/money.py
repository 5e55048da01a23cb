"""Currency formatting through Babel: the only place amounts become text.

Amounts stay floats in major units throughout the core; they are rounded here, when shown.
Babel is imported on first use so that ``import calculator`` stays light.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ._validate import check_finite

__all__ = ["currency_symbol", "format_money"]

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
    """
    value = check_finite("amount", amount)
    numbers = _numbers()
    loc = locale or DEFAULT_LOCALES.get(currency.upper(), "en_GB")
    pattern = "¤#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    text: str = numbers.format_currency(
        value, currency.upper(), format=pattern, locale=loc, currency_digits=False
    )
    return text


def currency_symbol(currency: str = "GBP", *, locale: str | None = None) -> str:
    """The symbol Babel uses for ``currency`` in ``locale``.

    >>> currency_symbol("USD")
    '$'
    """
    loc = locale or DEFAULT_LOCALES.get(currency.upper(), "en_GB")
    symbol: str = _numbers().get_currency_symbol(currency.upper(), locale=loc)
    return symbol
