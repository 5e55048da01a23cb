"""Offer Compass core: what to ask for, what an offer is worth, which offer is better.

Pure Python, no Streamlit. Modules that need pandas, Plotly or icalendar (market data, charts,
the HTML report, calendar export) load on first use through :func:`__getattr__` (PEP 562), so
``import calculator`` stays about as cheap as ``import numpy``.

>>> import calculator
>>> bands = calculator.salary_bands(current_salary=28_000, going_rate=30_000, target=30_000)
>>> r = calculator.counter_range(target=bands.target, bottom_line=bands.bottom_line,
...                              top_salary=40_000)
>>> r.low, r.high, r.phrase
(33000.0, 36000.0, 'around the mid-thirties')
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .bands import (
    DataPoint,
    Expertise,
    PointsSummary,
    SalaryBands,
    going_rate_from_points,
    interpolate_percentile,
    salary_bands,
    top_salary_from_percentiles,
)
from .counter import CounterRange, counter_range, round_precise, spoken_phrase
from .errors import InputError
from .money import currency_symbol, format_money
from .periods import PAY_PERIODS, PayPeriod, from_annual, periods_per_year, to_annual
from .scripts import NegotiationScripts, negotiation_scripts
from .verdict import OfferAssessment, assess_offer

# Public names whose modules import pandas, Plotly or icalendar: loaded on first access.
_LAZY: dict[str, str] = {}

if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs only
    pass

__all__ = [
    "PAY_PERIODS",
    "CounterRange",
    "DataPoint",
    "Expertise",
    "InputError",
    "NegotiationScripts",
    "OfferAssessment",
    "PayPeriod",
    "PointsSummary",
    "SalaryBands",
    "assess_offer",
    "counter_range",
    "currency_symbol",
    "format_money",
    "from_annual",
    "going_rate_from_points",
    "interpolate_percentile",
    "negotiation_scripts",
    "periods_per_year",
    "round_precise",
    "salary_bands",
    "spoken_phrase",
    "to_annual",
    "top_salary_from_percentiles",
    *_LAZY,
]


def __getattr__(name: str) -> Any:
    """Load a lazy module's public name on first access (PEP 562)."""
    module_name = _LAZY.get(name)
    if module_name is None:
        raise AttributeError(f"module 'calculator' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module_name}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
