"""Market pay from BLS OEWS (May 2025): find an occupation by job title, read its percentiles.

Data: ``data/oews_national_may2025.csv`` (830 detailed occupations plus groups) and
``data/oews_state_may2025.csv.gz`` (states, DC and territories), rebuilt by
``scripts/build_market_data.py``; see ``data/README.md``. Annual figures are BLS's own, which
are hourly x 2,080 except for annual-only occupations; for hourly-only occupations (some
performers) the annual figure is derived here as hourly x 2,080 and labelled so. An empty cell
means BLS published no figure; that percentile is left out of the mapping.

Search ranks detailed occupations by the share of the query's words found in the title
(typo-tolerant: each query word takes its best match among title words, by ``difflib`` ratio,
plurals folded), with a small table of everyday words BLS titles do not use ("engineer" for
software developers, "lawyer", "hr"...); equal scores go to the occupation employing more
people. pandas is imported on first use and
each table is loaded once per process.
"""

from __future__ import annotations

import difflib
import itertools
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any, Final

from ._data import data_dir
from ._validate import check_finite, check_int_range
from .errors import InputError

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "HOURS_PER_YEAR",
    "MARKET_CREDIT",
    "PERCENTILES",
    "OccupationMatch",
    "PercentilePosition",
    "occupation_percentiles",
    "occupation_title",
    "percentile_of",
    "search_occupations",
    "states",
]

MARKET_CREDIT: Final = (
    "Source: U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics, "
    "May 2025. BLS.gov cannot vouch for the data or analyses derived from these data after the "
    "data have been retrieved from BLS.gov."
)
PERCENTILES: Final = (10, 25, 50, 75, 90)
HOURS_PER_YEAR: Final = 2080
NATIONAL_FILE: Final = "oews_national_may2025.csv"
STATE_FILE: Final = "oews_state_may2025.csv.gz"
_ANNUAL: Final = dict(
    zip(PERCENTILES, ("A_PCT10", "A_PCT25", "A_MEDIAN", "A_PCT75", "A_PCT90"), strict=True)
)
_HOURLY: Final = dict(
    zip(PERCENTILES, ("H_PCT10", "H_PCT25", "H_MEDIAN", "H_PCT75", "H_PCT90"), strict=True)
)

#: Everyday words -> words BLS titles use (applied to the normalised query's words).
SYNONYMS: Final[dict[str, tuple[str, ...]]] = {
    "engineer": ("engineer", "developer"),
    "programmer": ("programmer", "developer"),
    "manager": ("manager", "management"),
    "coder": ("developer",),
    "dev": ("developer",),
    "lawyer": ("lawyer",),
    "attorney": ("lawyer",),
    "solicitor": ("lawyer",),
    "hr": ("human", "resource"),
    "nurse": ("nurse", "registered"),
    "doctor": ("physician",),
    "gp": ("family", "physician"),
    "cop": ("police",),
    "teacher": ("teacher",),
    "chef": ("chef", "cook"),
    "mechanic": ("mechanic", "technician", "automotive"),
    "trucker": ("truck", "driver"),
    "it": ("computer", "information"),
    "ux": ("web", "digital", "interface", "designer"),
    "pm": ("project", "management"),
    "accountant": ("accountant", "auditor"),
    "cashier": ("cashier",),
    "dentist": ("dentist", "general"),
}
_STOP: Final = frozenset(
    {"and", "of", "the", "all", "other", "except", "a", "an", "in", "for", "to"}
)


def _normalise(word: str) -> str:
    word = word.lower()
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _words(text: str) -> list[str]:
    return [_normalise(w) for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in _STOP]


@dataclass(frozen=True, slots=True)
class OccupationMatch:
    """One search result: SOC code, BLS title, employment (national or state) and match score."""

    code: str
    title: str
    employment: int
    score: float


@dataclass(frozen=True, slots=True)
class _Index:
    codes: tuple[str, ...]
    titles: tuple[str, ...]
    employment: tuple[int, ...]
    words: tuple[frozenset[str], ...]
    vocabulary: tuple[str, ...]
    postings: Mapping[str, tuple[int, ...]]


@cache
def _national() -> pd.DataFrame:
    import pandas as pd

    # BLS marks figures it did not publish with "-" (national) or an empty cell (state)
    frame = pd.read_csv(data_dir() / NATIONAL_FILE, dtype={"OCC_CODE": str}, na_values=["-"])
    return frame.set_index("OCC_CODE", drop=False)


@cache
def _state_table() -> pd.DataFrame:
    import pandas as pd

    frame = pd.read_csv(
        data_dir() / STATE_FILE, dtype={"OCC_CODE": str, "STATE_FIPS": str}, na_values=["-"]
    )
    return frame


@cache
def _index() -> _Index:
    frame = _national()
    detailed = frame[frame["O_GROUP"] == "detailed"]
    codes = tuple(detailed["OCC_CODE"])
    titles = tuple(detailed["OCC_TITLE"])
    employment = tuple(int(e) if e == e else 0 for e in detailed["TOT_EMP"])
    words = tuple(frozenset(_words(t)) for t in titles)
    postings: dict[str, list[int]] = {}
    for i, ws in enumerate(words):
        for w in ws:
            postings.setdefault(w, []).append(i)
    return _Index(
        codes,
        titles,
        employment,
        words,
        tuple(sorted(postings)),
        {k: tuple(v) for k, v in postings.items()},
    )


@cache
def _states() -> dict[str, str]:
    """State name (and two-letter code) -> name as in the table."""
    from .places import state_levels

    names = sorted(set(_state_table()["AREA_TITLE"]))
    out = {n.casefold(): n for n in names}
    for code, (name, _) in state_levels().items():
        if name in names:
            out[code.casefold()] = name
    return out


def _state_name(state: object) -> str:
    if not isinstance(state, str) or not state.strip():
        raise InputError("state", f"must be a state name or two-letter code, got {state!r}")
    name = _states().get(state.strip().casefold())
    if name is None:
        raise InputError("state", f"is not in the BLS state table, got {state!r}")
    return name


def _similar(word: str, index: _Index) -> dict[str, float]:
    """Vocabulary words close to ``word`` (exact 1.0; prefix 0.9; difflib ratio >= 0.75)."""
    out: dict[str, float] = {}
    if word in index.postings:
        out[word] = 1.0
    for candidate in index.vocabulary:
        if candidate == word:
            continue
        if len(word) >= 3 and candidate.startswith(word):
            out[candidate] = max(out.get(candidate, 0.0), 0.9)
            continue
        if abs(len(candidate) - len(word)) > 3 or len(word) < 3:
            continue
        matcher = difflib.SequenceMatcher(None, word, candidate)
        if matcher.real_quick_ratio() >= 0.75 and matcher.quick_ratio() >= 0.75:
            ratio = matcher.ratio()
            if ratio >= 0.75:
                out[candidate] = max(out.get(candidate, 0.0), ratio * 0.95)
    return out


def search_occupations(
    query: str, state: str | None = None, limit: int = 10
) -> list[OccupationMatch]:
    """Detailed occupations matching a job title, best first (see the module docstring).

    >>> [m.title for m in search_occupations("nurse", limit=1)]
    ['Registered Nurses']
    >>> search_occupations("sofware enginer", limit=1)[0].code
    '15-1252'
    """
    if not isinstance(query, str):
        raise InputError("query", "must be text")
    count = check_int_range("limit", limit, 1, 100)
    words = _words(query[:200])
    if not words:
        return []
    index = _index()
    groups: list[dict[str, float]] = []
    for word in dict.fromkeys(words):
        options = {word: 1.0}
        for alias in SYNONYMS.get(word, ()):
            options.setdefault(alias, 0.95)
        best: dict[str, float] = {}
        for option, weight in options.items():
            for candidate, sim in _similar(option, index).items():
                best[candidate] = max(best.get(candidate, 0.0), sim * weight)
        groups.append(best)
    scores: dict[int, float] = {}
    for best in groups:
        per_occupation: dict[int, float] = {}
        for candidate, sim in best.items():
            for i in index.postings[candidate]:
                per_occupation[i] = max(per_occupation.get(i, 0.0), sim)
        for i, sim in per_occupation.items():
            scores[i] = scores.get(i, 0.0) + sim
    if not scores:
        return []
    ranked = []
    for i, total in scores.items():
        ranked.append((round(total / len(groups), 2), index.employment[i], i))
    ranked.sort(key=lambda r: (-r[0], -r[1]))
    employment_by_code: dict[str, int] | None = None
    if state is not None:
        name = _state_name(state)
        table = _state_table()
        rows = table[table["AREA_TITLE"] == name]
        employment_by_code = {
            c: int(e) if e == e else 0
            for c, e in zip(rows["OCC_CODE"], rows["TOT_EMP"], strict=True)
        }
    out = []
    for score, employment, i in ranked:
        code = index.codes[i]
        if employment_by_code is not None:
            if code not in employment_by_code:
                continue
            employment = employment_by_code[code]
        out.append(OccupationMatch(code, index.titles[i], employment, max(0.0, min(1.0, score))))
        if len(out) == count:
            break
    return out


def occupation_title(code: str) -> str:
    """The BLS title of a SOC code.

    >>> occupation_title("29-1141")
    'Registered Nurses'
    """
    frame = _national()
    if not isinstance(code, str) or code not in frame.index:
        raise InputError("code", f"is not an occupation in the OEWS table, got {code!r}")
    return str(frame.loc[code, "OCC_TITLE"])


def occupation_percentiles(code: str, state: str | None = None) -> dict[int, float]:
    """Annual pay percentiles {10, 25, 50, 75, 90} for an occupation, nationally or in a state.

    Missing figures are left out; hourly-only occupations use hourly x 2,080.

    >>> occupation_percentiles("15-1252")[50]
    135980.0
    """
    occupation_title(code)
    if state is None:
        row: dict[Any, Any] = _national().loc[code].to_dict()
    else:
        name = _state_name(state)
        table = _state_table()
        rows = table[(table["AREA_TITLE"] == name) & (table["OCC_CODE"] == code)]
        if rows.empty:
            raise InputError(
                "state",
                f"BLS publishes no figures for {occupation_title(code)} in {name}: use the national figures",
            )
        row = rows.iloc[0].to_dict()
    out: dict[int, float] = {}
    for p in PERCENTILES:
        annual = row.get(_ANNUAL[p])
        if annual is not None and annual == annual:
            out[p] = float(annual)
        elif state is None:
            hourly = row.get(_HOURLY[p])
            if hourly is not None and hourly == hourly:
                out[p] = float(hourly) * HOURS_PER_YEAR
    if not out:
        raise InputError("code", f"BLS publishes no pay percentiles for {occupation_title(code)}")
    return out


@dataclass(frozen=True, slots=True)
class PercentilePosition:
    """Where a salary sits: ``value`` (None outside the table) and a readable ``label``."""

    value: float | None
    label: str


def percentile_of(salary: float, percentiles: Mapping[int, float]) -> PercentilePosition:
    """The percentile at which ``salary`` sits, by linear interpolation between known points.

    >>> percentile_of(60_000, {10: 40_000, 50: 50_000, 90: 70_000}).label
    'P70'
    >>> percentile_of(30_000, {10: 40_000, 50: 50_000}).label
    'below P10'
    """
    amount = check_finite("salary", salary)
    if not isinstance(percentiles, Mapping) or not percentiles:
        raise InputError("percentiles", "must map percentiles to amounts")
    points = sorted(
        (int(check_finite("percentiles", k)), check_finite("percentiles", v))
        for k, v in percentiles.items()
    )
    if any(b[1] < a[1] for a, b in itertools.pairwise(points)):
        raise InputError("percentiles", "amounts must not fall as the percentile rises")
    low, high = points[0], points[-1]
    if amount < low[1]:
        return PercentilePosition(None, f"below P{low[0]}")
    if amount > high[1]:
        return PercentilePosition(None, f"above P{high[0]}")
    for (p0, v0), (p1, v1) in itertools.pairwise(points):
        if v0 <= amount <= v1:
            value = float(p0) if v1 == v0 else p0 + (p1 - p0) * (amount - v0) / (v1 - v0)
            return PercentilePosition(value, f"P{math.floor(value + 0.5)}")
    return PercentilePosition(float(low[0]), f"P{low[0]}")


def states() -> tuple[str, ...]:
    """Names of the areas in the state table (50 states, DC and three territories).

    >>> len(states()), states()[:2]
    (54, ('Alabama', 'Alaska'))
    """
    return tuple(sorted(set(_states().values())))
