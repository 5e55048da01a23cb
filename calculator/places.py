"""Where the job is: price levels, so offers in different places compare in the same money.

Rule (BEA, Regional Price Parities): a salary S in place A buys what ``S x RPP_B / RPP_A`` buys
in place B. US states use BEA's 2024 all-items RPPs (US = 100); anywhere else the user enters a
price index of their own (e.g. London 112 and Manchester 96 from a cost-of-living site).
Compare places within one year only.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Final

from ._data import data_dir
from ._validate import check_finite, check_positive
from .errors import InputError

__all__ = [
    "RPP_CREDIT",
    "RPP_FILE",
    "STATES",
    "Place",
    "adjust_for_place",
    "price_level",
    "state_code",
    "state_levels",
]

RPP_FILE: Final = "bea_rpp_state_2024.csv"
RPP_CREDIT: Final = (
    "Source: U.S. Bureau of Economic Analysis, Regional Price Parities by State, 2024 "
    "(released February 19, 2026)."
)


@lru_cache(maxsize=1)
def state_levels() -> Mapping[str, tuple[str, float]]:
    """Two-letter code -> (state name, all-items RPP), read once from ``data/``.

    >>> state_levels()["CA"]
    ('California', 110.72)
    """
    levels: dict[str, tuple[str, float]] = {}
    with (data_dir() / RPP_FILE).open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            levels[row["STATE_ABBR"]] = (row["STATE"], float(row["RPP_ALL"]))
    return levels


def _names() -> dict[str, str]:
    return {name.casefold(): code for code, (name, _) in state_levels().items()}


#: State names, alphabetically (50 states and the District of Columbia).
STATES: Final[tuple[str, ...]] = tuple(sorted(name for name, _ in state_levels().values()))


def state_code(state: object) -> str:
    """The two-letter code of a US state or DC given by code or name (any case).

    >>> state_code("california"), state_code("dc")
    ('CA', 'DC')
    """
    return _state_code(state)


def _state_code(state: object) -> str:
    if not isinstance(state, str) or not state.strip():
        raise InputError("state", f"must be a US state name or two-letter code, got {state!r}")
    text = state.strip()
    if text.upper() in state_levels():
        return text.upper()
    code = _names().get(text.casefold())
    if code is None:
        raise InputError("state", f"is not a US state or DC in the BEA table, got {state!r}")
    return code


def price_level(state: str) -> float:
    """BEA all-items Regional Price Parity for ``state`` (name or two-letter code; US = 100).

    >>> price_level("Mississippi"), price_level("DC")
    (86.953, 109.901)
    """
    return state_levels()[_state_code(state)][1]


@dataclass(frozen=True, slots=True)
class Place:
    """A place with a price level: a US state (BEA RPP) or a custom index the user entered.

    >>> Place.state("ca").label, Place.state("ca").level
    ('California', 110.72)
    >>> Place.custom("London", 112).level
    112.0
    """

    label: str
    level: float
    state_code: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.label, str) or not self.label.strip():
            raise InputError("place", "needs a name")
        object.__setattr__(self, "level", check_positive("place.index", self.level))

    @classmethod
    def state(cls, state: str) -> Place:
        """A US state or DC, priced by BEA's 2024 RPP."""
        code = _state_code(state)
        name, level = state_levels()[code]
        return cls(label=name, level=level, state_code=code)

    @classmethod
    def custom(cls, label: str, index: float) -> Place:
        """Anywhere else, with a price index the user researched (any base, same for all)."""
        return cls(label=label, level=index)

    @property
    def source(self) -> str:
        """Where the price level came from, for display beside the figures."""
        if self.state_code is not None:
            return f"BEA Regional Price Parity 2024 for {self.label} ({self.level:g}, US = 100)"
        return f"price index you entered for {self.label} ({self.level:g})"

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Place:
        """``{"state": "CA"}`` or ``{"label": "London", "index": 112}``."""
        if not isinstance(data, Mapping):
            raise InputError("place", "must be a mapping with a state or a label and index")
        if data.get("state"):
            return cls.state(data["state"])
        if "index" in data:
            return cls.custom(data.get("label") or "custom place", data["index"])
        raise InputError("place", "needs a US state, or a label and a price index")

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready mapping; ``from_dict(to_dict())`` gives an equal place."""
        if self.state_code is not None:
            return {"state": self.state_code}
        return {"label": self.label, "index": self.level}


def adjust_for_place(amount: float, from_place: Place | None, to_place: Place | None) -> float:
    """Restate ``amount`` earned in ``from_place`` in the prices of ``to_place``.

    ``amount x level(to) / level(from)``; a missing place on either side means no adjustment.

    >>> round(adjust_for_place(120_000, Place.state("CA"), Place.state("TX")), 2)
    105191.84
    >>> adjust_for_place(50_000, None, Place.state("TX"))
    50000.0
    """
    value = check_finite("amount", amount)
    if from_place is None or to_place is None:
        return value
    for name, place in (("from_place", from_place), ("to_place", to_place)):
        if not isinstance(place, Place):
            raise InputError(name, f"must be a Place, got {type(place).__name__}")
    return value * to_place.level / from_place.level
