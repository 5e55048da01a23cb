"""Market data speed: cold load + first search in a fresh interpreter, and a warm search.

Targets (issue 5): loading the national table and searching well under a second cold; a search
on the loaded table well under 10 ms. The cold figure runs in a new process each time so no
cache helps it; the warm figure is the median over a mix of realistic queries.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
from pathlib import Path

from bench._stats import median_seconds

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
        median_seconds(lambda q=q: search_occupations(q), repeat=5 if quick else 21)
        for q in QUERIES
    )
    return {
        "cold load + first search (s)": statistics.median(cold),
        "search on loaded table (ms)": warm * 1e3,
    }
