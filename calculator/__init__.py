"""offer-compass core: what to ask for, what an offer is worth, which offer is better.

Pure Python (numpy where vectors help); no Streamlit. Modules that need pandas or Plotly
(market data, charts, tables) are loaded on first use so that ``import calculator`` stays fast.
"""

from __future__ import annotations

from .errors import InputError
from .money import currency_symbol, format_money
from .periods import PAY_PERIODS, PayPeriod, from_annual, periods_per_year, to_annual

__all__ = [
    "PAY_PERIODS",
    "InputError",
    "PayPeriod",
    "currency_symbol",
    "format_money",
    "from_annual",
    "periods_per_year",
    "to_annual",
]
