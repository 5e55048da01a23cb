"""Score the offer-letter reader on the corpus: right / wrong / missing per field, precision,
recall, the mentions found, and the time per letter.

`python -m bench.letter_scorer` prints the table; ``run(quick)`` returns the figures like the
other bench sections. Each letter in tests/letters/ (``.txt``, ``.pdf``, ``.docx``) has its
expected fields in the ``.json`` of the same stem: ``fields`` (name -> value, or {value, bound}
for a range or an "up to" figure), optionally ``mentioned`` (fields spoken of without a figure)
and ``missing`` (checklist items the letter leaves out). A field found but not expected, or
found with another value or bound, is wrong; one expected but not found is missing.
Precision = right / (right + wrong); recall = right / (right + missing).
"""

from __future__ import annotations

import json
import math
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from calculator.letter import LETTER_FIELDS, LetterReading, read_offer_letter, reading_summary

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "letters"
#: Letters written after the reader was tuned on the corpus, scored apart (their first score,
#: before any change to the reader, is in the commit that added them).
HOLDOUT = CORPUS / "holdout"
SUFFIXES = (".txt", ".pdf", ".docx")


@dataclass
class LetterScore:
    """One letter's outcome: field -> "right", "wrong" or "missing", plus what went wrong."""

    name: str
    outcome: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0


def letters(corpus: Path = CORPUS) -> list[Path]:
    """Every letter file of the corpus, in name order."""
    return sorted(p for p in corpus.iterdir() if p.suffix in SUFFIXES)


def expected_of(letter: Path) -> dict[str, Any]:
    """The expected reading of ``letter`` (the JSON of the same stem)."""
    data: dict[str, Any] = json.loads(letter.with_suffix(".json").read_text(encoding="utf-8"))
    return data


def _plain(value: Any) -> Any:
    if isinstance(value, str):
        return " ".join(value.split()).casefold().rstrip(".")
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def same(found: Any, wanted: Any) -> bool:
    """Equal as the scorer counts it: text ignoring case, spacing and a final full stop;
    numbers within a millionth; lists item by item."""
    found, wanted = _plain(found), _plain(wanted)
    if isinstance(found, list) and isinstance(wanted, list):
        return len(found) == len(wanted) and all(
            same(a, b) for a, b in zip(found, wanted, strict=True)
        )
    if isinstance(found, (int, float)) and isinstance(wanted, (int, float)):
        return math.isclose(found, wanted, rel_tol=1e-6, abs_tol=1e-6)
    return bool(found == wanted)


def score(letter: Path) -> LetterScore:
    """Read ``letter`` and compare it field by field with its expected JSON."""
    wanted = expected_of(letter)
    start = time.perf_counter()
    reading = read_offer_letter(letter if letter.suffix != ".txt" else letter.read_text("utf-8"))
    result = LetterScore(letter.name, seconds=time.perf_counter() - start)
    got = reading_summary(reading)
    expected = wanted.get("fields", {})
    for name in LETTER_FIELDS:
        want = expected.get(name)
        if want is None and name not in got:
            continue
        if name not in got:
            result.outcome[name] = "missing"
            result.problems.append(f"{name}: missing, wanted {want!r}")
            continue
        value, bound = (
            (want.get("value"), want.get("bound", "exact"))
            if isinstance(want, dict)
            else (want, "exact")
        )
        ok = want is not None and same(got[name]["value"], value) and got[name]["bound"] == bound
        result.outcome[name] = "right" if ok else "wrong"
        if not ok:
            result.problems.append(
                f"{name}: got {got[name]['value']!r} ({got[name]['bound']}), wanted {want!r}"
            )
    _check_extras(reading, wanted, result)
    return result


def _check_extras(reading: LetterReading, wanted: dict[str, Any], result: LetterScore) -> None:
    for name in wanted.get("mentioned", ()):
        if name not in reading.mentioned:
            result.problems.append(f"{name}: not listed as mentioned without a figure")
    if "missing" in wanted and list(reading.missing) != wanted["missing"]:
        result.problems.append(
            f"checklist missing {list(reading.missing)}, wanted {wanted['missing']}"
        )


def totals(scores: list[LetterScore]) -> tuple[Counter[str], dict[str, Counter[str]]]:
    """Overall and per-field counts of right / wrong / missing."""
    overall: Counter[str] = Counter()
    per_field: dict[str, Counter[str]] = {name: Counter() for name in LETTER_FIELDS}
    for s in scores:
        for name, outcome in s.outcome.items():
            overall[outcome] += 1
            per_field[name][outcome] += 1
    return overall, per_field


def ratios(overall: Counter[str]) -> tuple[float, float]:
    """(precision, recall) from the counts."""
    found = overall["right"] + overall["wrong"]
    stated = overall["right"] + overall["missing"]
    return (
        overall["right"] / found if found else 1.0,
        overall["right"] / stated if stated else 1.0,
    )


def run(quick: bool = False) -> dict[str, float]:
    """The bench figures: precision and recall (%) and the median time per letter (ms)."""
    scores = [score(p) for p in letters()]
    precision, recall = ratios(totals(scores)[0])
    times = sorted(s.seconds for s in scores)
    return {
        "letter precision (%)": 100 * precision,
        "letter recall (%)": 100 * recall,
        "median time per letter (ms)": 1000 * times[len(times) // 2],
        "slowest letter (ms)": 1000 * times[-1],
    }


def _report(title: str, scores: list[LetterScore]) -> Counter[str]:
    overall, per_field = totals(scores)
    print(f"\n{title}\n{'field':28} {'right':>6} {'wrong':>6} {'missing':>8}")
    for name, counts in per_field.items():
        if counts:
            print(f"{name:28} {counts['right']:6} {counts['wrong']:6} {counts['missing']:8}")
    precision, recall = ratios(overall)
    right, wrong, missing = overall["right"], overall["wrong"], overall["missing"]
    print(f"{len(scores)} letters: {right} right, {wrong} wrong, {missing} missing")
    print(f"precision {precision:.1%}, recall {recall:.1%}")
    times = sorted(s.seconds for s in scores)
    median, slowest = 1000 * times[len(times) // 2], 1000 * times[-1]
    print(f"time per letter: median {median:.1f} ms, slowest {slowest:.1f} ms")
    for s in scores:
        for problem in s.problems:
            print(f"  {s.name}: {problem}")
    return overall


def main() -> int:
    """Print per-field and overall results for the corpus and the held-out letters; exit 1
    if any value is wrong."""
    corpus = _report("Corpus (tests/letters)", [score(p) for p in letters()])
    holdout = _report("Held out (tests/letters/holdout)", [score(p) for p in letters(HOLDOUT)])
    return 0 if corpus["wrong"] == holdout["wrong"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
