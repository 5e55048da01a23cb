"""Market data speed: cold load + first search in a fresh interpreter, and a warm search.

Targets (issue 5): loading the national table and searching well under a second cold; a search
on the loaded table well under 10 ms. The cold figure runs in a new process each time so no
cache helps it; the warm figure is the median over a mix of realistic queries, with the search's
per-word cache emptied before each call (what the first search for a new word costs). The
recall figures time every title search the same way (issue 17: difflib 21 ms a query before,
RapidFuzz now; the recall must not change).
"""

from __future__ import annotations

import functools
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from bench._stats import median_seconds

if TYPE_CHECKING:
    from calculator.market import OccupationMatch

REPO = Path(__file__).resolve().parent.parent
QUERIES = ("software engineer", "nurse", "sofware develper", "truck driver", "hr manager", "chef")
COLD = (
    "import time; t = time.perf_counter(); from calculator.market import search_occupations; "
    "search_occupations('software engineer'); print(time.perf_counter() - t)"
)


def run(quick: bool = False) -> dict[str, float]:
    cold = []
    for _ in range(3 if quick else 9):
        out = subprocess.run(
            [sys.executable, "-c", COLD], cwd=REPO, check=True, capture_output=True, text=True
        )
        cold.append(float(out.stdout.strip()))
    from calculator.market import search_occupations

    search_occupations("warm up")
    warm = statistics.median(
        median_seconds(
            functools.partial(_uncached, search_occupations, q), repeat=5 if quick else 21
        )
        for q in QUERIES
    )
    figures = {
        "cold load + first search (s)": statistics.median(cold),
        "search on loaded table (ms)": warm * 1e3,
    }
    figures.update(_title_recall(search_occupations, quick))
    return figures


def _uncached(search: Callable[..., list[OccupationMatch]], query: str, limit: int = 10) -> None:
    """One search with the per-word similarity cache emptied first (when the search has one)."""
    from calculator import market

    cache_clear = getattr(market._similar, "cache_clear", None)
    if cache_clear is not None:
        cache_clear()
    search(query, limit=limit)


def _title_recall(search: Callable[..., list[OccupationMatch]], quick: bool) -> dict[str, float]:
    """Share of BLS's everyday job titles whose occupation the search ranks first / in the top 5.

    Uses the SOC 2018 Direct Match Title File in ../shared/data (an evaluation set, not shipped).
    Shares are of the titles whose SOC code is a detailed occupation in the OEWS table (military
    codes and codes OEWS merges into a wider one cannot be found, so they are counted apart).
    """
    import csv

    from calculator.market import _index

    path = REPO.parent / "shared" / "data" / "soc_2018_direct_match_titles.csv"
    if not path.exists():
        return {}
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    rows = rows[:: 10 if quick else 1]
    known = set(_index().codes)
    reachable = [r for r in rows if r["SOC_CODE"] in known]
    top1 = top5 = 0
    took: list[float] = []
    for row in reachable:
        start = time.perf_counter()
        _uncached(search, row["DIRECT_MATCH_TITLE"], limit=5)
        took.append(time.perf_counter() - start)
        codes = [m.code for m in search(row["DIRECT_MATCH_TITLE"], limit=5)]
        top1 += bool(codes) and codes[0] == row["SOC_CODE"]
        top5 += row["SOC_CODE"] in codes
    return {
        "BLS job titles evaluated": float(len(rows)),
        "of which findable in OEWS": float(len(reachable)),
        "title found first (%)": 100.0 * top1 / len(reachable),
        "title found in top 5 (%)": 100.0 * top5 / len(reachable),
        "title search, mean per query (ms)": statistics.mean(took) * 1e3,
        "title search, 95th percentile (ms)": statistics.quantiles(took, n=20)[-1] * 1e3,
    }
