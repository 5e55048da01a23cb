"""Market pay from BLS OEWS (May 2025): find an occupation by job title, read its percentiles.

Data: ``data/oews_national_may2025.csv`` (830 detailed occupations plus groups) and
``data/oews_state_may2025.csv.gz`` (50 states, DC and three territories), rebuilt by
``scripts/build_market_data.py``; see ``data/README.md``. The going rate is the median and the
top salary a higher percentile (docs/domain.md section 1), so this module hands ``calculator.bands`` a mapping
of annual percentiles.

Missing values (what BLS did not publish; never read as zero):

- National: every detailed occupation has all five percentiles, annual or hourly. Five
  hourly-only occupations (performers such as actors and dancers) have no annual figures; their
  annual figures are derived here as hourly x 2,080 hours and a note says so. Annual-only
  occupations (58, such as teachers) simply have no hourly figures, which this module never uses.
- States: the state file carries annual figures only, with an empty cell where BLS published
  none. A state row with every percentile empty (716 rows: not released, hourly-only there, or
  all top-coded) is refused with a pointer to the national figures. A row missing only its top
  percentile (6 rows) is returned without it and a note: in this release every such gap is BLS
  top-coding (footnote 5 in the BLS release), i.e. pay above the highest level published.

Search ranks detailed occupations by how well the query's words are found in the title: each
query word takes its best match among title words (exact 1.0, prefix 0.9, else RapidFuzz's
``fuzz.ratio`` (normalised Indel similarity) x 0.95 when at least 0.75 and the lengths differ by
at most 3; plurals folded), optionally via the small ``SYNONYMS`` table of
everyday words BLS titles do not use (x 0.95). A word counts in proportion to how rare its
matched title word is (inverse document frequency, so "registered" outweighs "workers"); the
score is the weighted share of query words matched (0..1), rounded to 0.01, and equal scores go
to the occupation employing more people. pandas is imported on first use; each table is loaded
once per process and the title index is built once.
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Final

from ._data import data_dir
from ._validate import check_int_range, check_non_negative, check_positive
from .errors import InputError
from .money import format_money

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "HOURS_PER_YEAR",
    "MARKET_CREDIT",
    "PERCENTILES",
    "MarketPercentiles",
    "OccupationMatch",
    "PercentilePosition",
    "occupation_percentiles",
    "occupation_title",
    "percentile_of",
    "search_occupations",
    "states",
]

#: The credit line BLS asks for wherever its data are shown (shared/data/README.md).
MARKET_CREDIT: Final = (
    "Source: U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics, "
    "May 2025. BLS.gov cannot vouch for the data or analyses derived from these data after the "
    "data have been retrieved from BLS.gov."
)
#: The percentiles BLS publishes.
PERCENTILES: Final = (10, 25, 50, 75, 90)
#: BLS's hours in a working year: annual = hourly x 2,080 (OEWS technical notes, footnote 2).
HOURS_PER_YEAR: Final = 2080
NATIONAL_FILE: Final = "oews_national_may2025.csv"
STATE_FILE: Final = "oews_state_may2025.csv.gz"
NATIONAL_AREA: Final = "United States"
_ANNUAL: Final = dict(
    zip(PERCENTILES, ("A_PCT10", "A_PCT25", "A_MEDIAN", "A_PCT75", "A_PCT90"), strict=True)
)
_HOURLY: Final = dict(
    zip(PERCENTILES, ("H_PCT10", "H_PCT25", "H_MEDIAN", "H_PCT75", "H_PCT90"), strict=True)
)
#: Territories in the state table that the BEA state list (``calculator.places``) lacks.
_TERRITORIES: Final = {"GU": "Guam", "PR": "Puerto Rico", "VI": "Virgin Islands"}

#: Everyday words -> words BLS titles use (each option scores x 0.95, the word itself x 1).
SYNONYMS: Final[dict[str, tuple[str, ...]]] = {
    "engineer": ("engineer", "developer"),  # "software engineer" -> Software Developers
    "programmer": ("programmer", "developer"),
    "coder": ("developer", "programmer"),
    "dev": ("developer",),
    "swe": ("software", "developer"),
    "manager": ("manager", "management"),
    "director": ("director", "manager"),
    "lawyer": ("lawyer",),
    "attorney": ("lawyer",),
    "solicitor": ("lawyer",),
    "hr": ("human", "resource"),
    "nurse": ("nurse", "registered"),
    "doctor": ("physician",),
    "gp": ("family", "physician"),
    "vet": ("veterinarian",),
    "physio": ("physical", "therapist"),
    "cop": ("police",),
    "chef": ("chef", "cook"),
    "mechanic": ("mechanic", "technician", "automotive"),
    "tech": ("technician", "technologist"),
    "trucker": ("truck", "driver"),
    "it": ("computer", "information"),
    "ux": ("web", "digital", "interface"),
    "qa": ("quality", "assurance"),
    "pm": ("project", "management"),
    "accountant": ("accountant", "auditor"),
    "cleaner": ("janitor", "cleaner", "housekeeping"),
}
_STOP: Final = frozenset(
    {"and", "of", "the", "all", "other", "except", "a", "an", "in", "for", "to", "or"}
)
#: Query text beyond this many characters, or words beyond this many, is ignored.
_MAX_QUERY_CHARS: Final = 200
_MAX_QUERY_WORDS: Final = 12


def _normalise(word: str) -> str:
    """Lower case, plural folded: 'Nurses' -> 'nurse', 'Secretaries' -> 'secretary'."""
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
    """One search result: SOC code, BLS title, employment and match score (0..1).

    ``employment`` is the national total, or the state's when the search named a state (0 where
    BLS published none).

    >>> m = search_occupations("registered nurse", limit=1)[0]
    >>> m.code, m.title, m.score
    ('29-1141', 'Registered Nurses', 1.0)
    """

    code: str
    title: str
    employment: int
    score: float


@dataclass(frozen=True, slots=True, eq=False)
class MarketPercentiles(Mapping[int, float]):
    """Annual pay percentiles of one occupation in one area: a read-only ``{10: .., 90: ..}``.

    Behaves as a mapping of the published percentiles (fewer than five keys when BLS withheld
    some; see the module docstring), and also carries what it is (``code``, ``title``,
    ``area``) and ``notes`` saying how missing or derived figures were handled.

    >>> p = occupation_percentiles("29-1141")
    >>> p[50], len(p), p.area, p.notes
    (97550.0, 5, 'United States', ())
    >>> dict(p) == p.to_dict()
    True
    """

    code: str
    title: str
    area: str
    points: tuple[tuple[int, float], ...]
    notes: tuple[str, ...] = ()

    def __getitem__(self, key: int) -> float:
        for p, amount in self.points:
            if p == key:
                return amount
        raise KeyError(key)

    def __iter__(self) -> Iterator[int]:
        return (p for p, _ in self.points)

    def __len__(self) -> int:
        return len(self.points)

    @property
    def missing(self) -> tuple[int, ...]:
        """The published-percentile slots (10, 25, 50, 75, 90) with no figure here."""
        return tuple(p for p in PERCENTILES if p not in self)

    def to_dict(self) -> dict[int, float]:
        """A plain ``{percentile: annual amount}`` dict (what caches and JSON want)."""
        return dict(self.points)


@dataclass(frozen=True, slots=True)
class _Index:
    codes: tuple[str, ...]
    titles: tuple[str, ...]
    employment: tuple[int, ...]
    vocabulary: tuple[str, ...]
    postings: Mapping[str, tuple[int, ...]]
    idf: Mapping[str, float]

    @property
    def max_idf(self) -> float:
        return math.log(1 + len(self.codes))


@cache
def _national() -> pd.DataFrame:
    import pandas as pd

    # BLS marks figures it did not publish with "-" (see data/README.md)
    frame = pd.read_csv(
        data_dir() / NATIONAL_FILE,
        dtype={"OCC_CODE": str, "OCC_TITLE": str, "O_GROUP": str},
        keep_default_na=False,
        na_values=["-", ""],
    )
    return frame.set_index("OCC_CODE", drop=False)


@cache
def _state_table() -> pd.DataFrame:
    import pandas as pd

    # not published = empty cell
    frame = pd.read_csv(
        data_dir() / STATE_FILE,
        dtype={"AREA_TITLE": str, "OCC_CODE": str, "STATE_FIPS": str},
        keep_default_na=False,
        na_values=["-", ""],
    )
    return frame.set_index(["AREA_TITLE", "OCC_CODE"], drop=False).sort_index()


@cache
def _index() -> _Index:
    frame = _national()
    detailed = frame[frame["O_GROUP"] == "detailed"]
    codes = tuple(str(c) for c in detailed["OCC_CODE"])
    titles = tuple(str(t) for t in detailed["OCC_TITLE"])
    employment = tuple(int(e) if e == e else 0 for e in detailed["TOT_EMP"])
    postings: dict[str, list[int]] = {}
    for i, title in enumerate(titles):
        for word in dict.fromkeys(_words(title)):
            postings.setdefault(word, []).append(i)
    return _Index(
        codes=codes,
        titles=titles,
        employment=employment,
        vocabulary=tuple(sorted(postings)),
        postings={k: tuple(v) for k, v in postings.items()},
        idf={k: math.log(1 + len(codes) / len(v)) for k, v in postings.items()},
    )


@cache
def _state_names() -> dict[str, str]:
    """Lower-case state name or two-letter code -> the name as in the state table."""
    from .places import state_levels

    names = sorted({str(n) for n in _state_table()["AREA_TITLE"]})
    out = {n.casefold(): n for n in names}
    codes = {code: name for code, (name, _) in state_levels().items()} | _TERRITORIES
    for code, name in codes.items():
        if name in names:
            out[code.casefold()] = name
    return out


def _state_name(state: object) -> str:
    if not isinstance(state, str) or not state.strip():
        raise InputError("state", f"must be a state name or two-letter code, got {state!r}")
    name = _state_names().get(" ".join(state.split()).casefold())
    if name is None:
        raise InputError("state", f"is not in the BLS state table, got {state[:60]!r}")
    return name


@cache
def _state_employment(name: str) -> dict[str, int]:
    """SOC code -> employment in one state (0 where BLS published none)."""
    rows = _state_table().loc[name]
    return {
        str(c): int(e) if e == e else 0
        for c, e in zip(rows["OCC_CODE"], rows["TOT_EMP"], strict=True)
    }


#: Fuzzy matches count from this similarity (0..1) and within this many letters of length.
_FUZZY_CUTOFF: Final = 0.75
_FUZZY_LENGTH_GAP: Final = 3


@lru_cache(maxsize=4096)
def _similar(word: str) -> tuple[tuple[str, float], ...]:
    """Title words close to ``word``: exact 1.0; prefix 0.9; else RapidFuzz ratio >= 0.75 x 0.95.

    Prefix and fuzzy matches need a word of three letters or more; a fuzzy match also needs the
    lengths within three letters. Cached per word (the index is built once per process).
    """
    from rapidfuzz import fuzz, process

    index = _index()
    out: dict[str, float] = {}
    if word in index.postings:
        out[word] = 1.0
    if len(word) < 3:
        return tuple(out.items())
    vocabulary = index.vocabulary  # sorted: the words starting with ``word`` are one run
    after = itertools.islice(vocabulary, bisect.bisect_left(vocabulary, word), None)
    for candidate in itertools.takewhile(lambda c: c.startswith(word), after):
        out.setdefault(candidate, 0.9)
    for candidate, ratio, _ in process.extract(
        word, vocabulary, scorer=fuzz.ratio, score_cutoff=100 * _FUZZY_CUTOFF, limit=None
    ):
        if candidate not in out and abs(len(candidate) - len(word)) <= _FUZZY_LENGTH_GAP:
            out[candidate] = ratio / 100 * 0.95
    return tuple(out.items())


def search_occupations(
    query: str, state: str | None = None, limit: int = 10
) -> list[OccupationMatch]:
    """Detailed occupations matching a job title, best first (ranking: the module docstring).

    Typos and word order are tolerated; an empty or wordless query gives an empty list. Only
    the first 200 characters and 12 distinct words count. With ``state`` (a name or two-letter
    code) only occupations BLS publishes there are returned, with the state's employment.
    Source: BLS OEWS May 2025 titles and employment (data/README.md).

    >>> [m.title for m in search_occupations("nurse", limit=1)]
    ['Registered Nurses']
    >>> search_occupations("developer sofware", limit=1)[0].code
    '15-1252'
    >>> search_occupations("   ")
    []
    """
    if not isinstance(query, str):
        raise InputError("query", f"must be text, got {type(query).__name__}")
    count = check_int_range("limit", limit, 1, 100)
    employment_in_state = None if state is None else _state_employment(_state_name(state))
    words = list(dict.fromkeys(_words(query[:_MAX_QUERY_CHARS])))[:_MAX_QUERY_WORDS]
    if not words:
        return []
    index = _index()
    scores: dict[int, float] = {}
    total_weight = 0.0
    for word in words:
        best: dict[str, float] = {}
        options = {word: 1.0}
        for alias in SYNONYMS.get(word, ()):
            options.setdefault(alias, 0.95)
        for option, factor in options.items():
            for candidate, similarity in _similar(option):
                best[candidate] = max(best.get(candidate, 0.0), similarity * factor)
        # a word weighs as much as its best title match is rare; an unknown word weighs most
        strongest = max(best, key=lambda c: (best[c], index.idf[c]), default=None)
        weight = index.max_idf if strongest is None else index.idf[strongest]
        total_weight += weight
        per_occupation: dict[int, float] = {}
        for candidate, similarity in best.items():
            for i in index.postings[candidate]:
                per_occupation[i] = max(per_occupation.get(i, 0.0), similarity)
        for i, similarity in per_occupation.items():
            scores[i] = scores.get(i, 0.0) + similarity * weight
    ranked = sorted(
        (-round(min(1.0, total / total_weight), 2), -index.employment[i], i)
        for i, total in scores.items()
    )
    out: list[OccupationMatch] = []
    for negative_score, negative_employment, i in ranked:
        code = index.codes[i]
        employment = -negative_employment
        if employment_in_state is not None:
            if code not in employment_in_state:
                continue
            employment = employment_in_state[code]
        out.append(OccupationMatch(code, index.titles[i], employment, -negative_score + 0.0))
        if len(out) == count:
            break
    return out


def _check_code(code: object) -> str:
    if not isinstance(code, str) or code.strip() not in _national().index:
        shown = code[:40] if isinstance(code, str) else code
        raise InputError("code", f"is not an occupation in the OEWS table, got {shown!r}")
    return code.strip()


def occupation_title(code: str) -> str:
    """The BLS title of a SOC 2018 code (detailed occupation or group), from the national table.

    >>> occupation_title("29-1141")
    'Registered Nurses'
    """
    return str(_national().loc[_check_code(code), "OCC_TITLE"])


def occupation_percentiles(code: str, state: str | None = None) -> MarketPercentiles:
    """Annual pay percentiles (10, 25, 50, 75, 90) for an occupation, nationally or in a state.

    BLS's annual figures as published; hourly-only occupations use hourly x 2,080 (national
    only: the state file has no hourly figures). Figures BLS withheld are left out and noted
    (module docstring); none at all is an InputError pointing to the national figures.
    Source: BLS OEWS May 2025 (data/README.md); the percentiles feed docs/domain.md section 1.

    >>> occupation_percentiles("15-1252").to_dict()
    {10: 82460.0, 25: 105210.0, 50: 135980.0, 75: 171980.0, 90: 214670.0}
    >>> occupation_percentiles("27-2011").notes[0][:41]
    'BLS publishes only hourly wages for Actor'
    """
    code = _check_code(code)
    title = occupation_title(code)
    notes: list[str] = []
    points: list[tuple[int, float]] = []
    if state is None:
        area = NATIONAL_AREA
        row = _national().loc[code].to_dict()
        if all(row[_ANNUAL[p]] != row[_ANNUAL[p]] for p in PERCENTILES):
            columns, factor = _HOURLY, float(HOURS_PER_YEAR)
            notes.append(
                f"BLS publishes only hourly wages for {title}: the annual figures here are "
                f"hourly x {HOURS_PER_YEAR:,} hours."
            )
        else:
            columns, factor = _ANNUAL, 1.0
        for p in PERCENTILES:
            amount = float(row[columns[p]]) * factor
            if amount == amount:
                points.append((p, amount))
    else:
        area = _state_name(state)
        table = _state_table()
        if (area, code) not in table.index:
            raise InputError(
                "state",
                f"BLS publishes no figures for {title} in {area}: use the national figures",
            )
        cells = table.loc[[(area, code)]].iloc[0].to_dict()
        for p in PERCENTILES:
            amount = float(cells[_ANNUAL[p]])
            if amount == amount:
                points.append((p, amount))
    if not points:
        raise InputError(
            "state" if state is not None else "code",
            f"BLS publishes no annual pay percentiles for {title} in {area} (not released, "
            "paid by the hour there, or all above the highest level it publishes): "
            "use the national figures",
        )
    missing = [p for p in PERCENTILES if p not in dict(points)]
    if missing:
        shown = ", ".join(f"P{p}" for p in missing)
        top_p, top_amount = points[-1]
        reason = (
            "BLS top-codes pay above the highest level it publishes, so "
            f"{'it is' if len(missing) == 1 else 'they are'} above the "
            f"P{top_p} of {format_money(top_amount, 'USD')}"
            if all(p > top_p for p in missing)
            else "BLS did not release them"
        )
        notes.append(f"{shown} not published for {title} in {area}: {reason}.")
    return MarketPercentiles(code, title, area, tuple(points), tuple(notes))


@dataclass(frozen=True, slots=True)
class PercentilePosition:
    """Where a salary sits: ``value`` (None outside the known range) and a readable ``label``.

    >>> percentile_of(45_000, {10: 40_000, 50: 50_000})
    PercentilePosition(value=30.0, label='P30')
    """

    value: float | None
    label: str


def _check_points(percentiles: object) -> list[tuple[int, float]]:
    if not isinstance(percentiles, Mapping) or not percentiles:
        raise InputError("percentiles", "must be a non-empty mapping of percentile to amount")
    points: list[tuple[int, float]] = []
    for key, amount in percentiles.items():
        try:
            points.append(
                (check_int_range("percentiles", key, 1, 99), check_positive("percentiles", amount))
            )
        except InputError as err:
            raise InputError("percentiles", f"entry {key!r}: {err.rule}") from None
    points.sort()
    if any(b[1] < a[1] for a, b in itertools.pairwise(points)):
        raise InputError("percentiles", "amounts must not fall as the percentile rises")
    return points


def percentile_of(salary: float, percentiles: Mapping[int, float]) -> PercentilePosition:
    """The percentile at which ``salary`` sits among known percentiles (e.g. BLS P10..P90).

    Linear interpolation between the two known points either side (the inverse of
    ``bands.interpolate_percentile``, docs/domain.md section 1): p = p0 + (p1 - p0) x (S - v0) / (v1 - v0).
    Outside the table there is no figure: ``value`` None, label "below P10" / "above P90"
    (named after the lowest / highest known point). Labels round half up to whole percentiles;
    on a flat stretch the lowest percentile with that amount is used.

    >>> percentile_of(60_000, {10: 40_000, 50: 50_000, 90: 70_000}).label
    'P70'
    >>> percentile_of(30_000, {10: 40_000, 50: 50_000}).label
    'below P10'
    """
    amount = check_non_negative("salary", salary)
    points = _check_points(percentiles)
    (low_p, low_v), (high_p, high_v) = points[0], points[-1]
    if amount < low_v:
        return PercentilePosition(None, f"below P{low_p}")
    if amount > high_v:
        return PercentilePosition(None, f"above P{high_p}")
    value = float(high_p)
    for (p0, v0), (p1, v1) in itertools.pairwise(points):
        if v0 <= amount <= v1:
            value = float(p0) if v1 == v0 else p0 + (p1 - p0) * (amount - v0) / (v1 - v0)
            break
    return PercentilePosition(value, f"P{math.floor(value + 0.5)}")


def states() -> tuple[str, ...]:
    """Names of the areas in the BLS state table: 50 states, DC and three territories.

    Any of them, or its two-letter code, is accepted as ``state`` by the functions above.

    >>> len(states()), states()[:2], "Guam" in states()
    (54, ('Alabama', 'Alaska'), True)
    """
    return tuple(sorted(set(_state_names().values())))
