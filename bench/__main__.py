"""`python -m bench [--quick] [--only NAME ...]`: print every performance figure with its target.

Each section is a module in bench/ with ``run(quick) -> dict[str, float]``; figures are medians
over repeated runs (fewer in --quick, which CI uses so the benchmarks cannot rot). Targets are
checked here and a missed one makes the exit status non-zero; timings are not asserted in the
test suite because this machine is shared and noisy.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import platform
import sys
import time
from collections.abc import Callable
from pathlib import Path

SECTIONS = [
    "bench_import",
    "bench_core",
    "bench_simulate",
    "bench_market",
    "bench_app",
    "bench_browser",
    "letter_scorer",
]

# (section, figure) -> (check, description of the target)
TARGETS: dict[tuple[str, str], tuple[Callable[[float], bool], str]] = {
    ("bench_import", "import calculator / import numpy"): (lambda v: v <= 1.5, "<= 1.5x"),
    ("letter_scorer", "letter precision (%)"): (lambda v: v >= 98, ">= 98%"),
    ("letter_scorer", "letter recall (%)"): (lambda v: v >= 90, ">= 90%"),
    ("letter_scorer", "median time per letter (ms)"): (lambda v: v < 100, "< 100 ms"),
    ("bench_core", "compare_offers per call (ms)"): (lambda v: v < 1.0, "< 1 ms"),
    ("bench_core", "vectorised sweep speed-up (x)"): (lambda v: v >= 20, ">= 20x"),
    ("bench_market", "cold load + first search (s)"): (lambda v: v < 1.0, "< 1 s"),
    ("bench_market", "search on loaded table (ms)"): (lambda v: v < 10, "< 10 ms"),
    ("bench_simulate", "simulate 100,000 paths x 2 offers x 4 years (ms)"): (
        lambda v: v < 1000,
        "< 1 s",
    ),
    ("bench_simulate", "speed-up over a Python loop (x)"): (lambda v: v >= 8, ">= 8x"),
    ("bench_app", "compare / bare"): (lambda v: v <= 1.5, "<= 1.5x"),
    ("bench_app", "after a change: compare / bare"): (lambda v: v <= 1.5, "<= 1.5x"),
    ("bench_browser", "edit to idle, compare / bare"): (lambda v: v <= 1.3, "<= 1.3x"),
    ("bench_browser", "edit to idle, compare (ms)"): (lambda v: v < 250, "< 250 ms"),
}


def _machine() -> str:
    cpu = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer repeats (CI)")
    parser.add_argument("--only", nargs="*", choices=SECTIONS, help="run only these sections")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    args = parser.parse_args(argv)

    print(f"machine: {_machine()}; mode: {'quick' if args.quick else 'full'}")
    results: dict[str, dict[str, float]] = {}
    missed: list[str] = []
    for section in args.only or SECTIONS:
        started = time.perf_counter()
        module = importlib.import_module(f"bench.{section}")
        figures = module.run(quick=args.quick)
        results[section] = figures
        print(f"\n[{section}] ({time.perf_counter() - started:.1f} s)")
        for name, value in figures.items():
            target = TARGETS.get((section, name))
            verdict = ""
            if target is not None:
                ok = target[0](value)
                verdict = f"  target {target[1]}: {'met' if ok else 'MISSED'}"
                if not ok:
                    missed.append(f"{section}: {name} = {value:.4g} (target {target[1]})")
            print(f"  {name:<45} {value:>12.4g}{verdict}")
    if args.json:
        args.json.write_text(json.dumps({"machine": _machine(), "results": results}, indent=2))
    if missed:
        print("\nmissed targets:\n  " + "\n  ".join(missed))
    return 1 if missed and not args.quick else 0


if __name__ == "__main__":
    sys.exit(main())
