"""Compare state_income_tax with PolicyEngine US, state by state, on random wages (not a test).

    python bench/state_tax_vs_policyengine.py [--states CA,NY,NY/NYC,...] [--incomes 50]
        [--years 2025,2026] [--venv /tmp/policyengine-venv] [--json out.json]
    python bench/state_tax_vs_policyengine.py --policyengine-only [--states CA,NY,TX,PA,IL]

Like ``bench/tax_vs_policyengine.py``: a throwaway virtual environment under /tmp (reused when
it already has policyengine-us; otherwise created with policyengine-us only, time-boxed by
--install-timeout) runs a child script that computes PolicyEngine's figures; this process
computes ours with ``calculator.state_tax.state_income_tax`` and compares.

Households: one person aged 35 with employment income only, no dependants, living in the
state (``state_code`` and ``state_name`` set on the household; ``in_nyc`` and ``in_yonkers``
False, so no New York City or Yonkers tax, unless the place is a locality); filing single, or married filing jointly with a spouse aged 35 with no income.
Incomes per state: --incomes drawn log-uniformly between 15,000 and 700,000 (seeded by --seed
and the state, so each state gets its own draw, the same for every year and status) plus the
round figures in FIXED_INCOMES.

PolicyEngine figure compared: ``state_income_tax_before_refundable_credits`` (tax unit). It is
the sum over states of ``<st>_income_tax_before_refundable_credits`` (NC: ``nc_income_tax``;
MT: ``mt_income_tax_before_refundable_credits_unit``) plus a few state-level additions
PolicyEngine books in the same aggregate (CO ``co_amt``, ID ``id_pbf`` the $10 permanent
building fund tax, VT ``vt_child_care_contributions``, MI ``mi_surtax`` which is zero unless a
reform switches it on): the state's tax after its non-refundable credits (exemption credits,
low-income credits) and before its refundable ones. ``state_income_tax`` is that minus
``state_refundable_credits`` (state EITCs, CalEITC and similar), which can make it negative at
low wages; those credits are transfers, not the tax an offer's take-home should show, so they
are reported (JSON) but not compared. Local income taxes are not in either figure: PolicyEngine
books them in ``local_income_tax_before_refundable_credits`` (NYC, Maryland county tax,
Indiana county tax, Yonkers, Philadelphia, Kansas City, St Louis, Wilmington, Multnomah PFA).
With no county given PolicyEngine puts the household in the state's alphabetically first county,
so Maryland (Allegany) and Indiana (Adams) get a county tax; it is reported separately (column
"local" and JSON), never compared. PolicyEngine returns float32, so figures carry about a
cent of noise above 100,000.

Localities (local income taxes the user picks, ``state_localities``) are places of their own,
``STATE/LOCALITY`` (``NY/NYC``, ``NY/Yonkers``): the household gets ``in_nyc`` or ``in_yonkers``
(PolicyEngine-US models both: NYC in ``nyc_income_tax_before_refundable_credits``, Yonkers'
resident surcharge in ``ny_yonkers_income_tax`` as 16.75% of ``ny_income_tax``, the state tax
after refundable credits) and the figure compared is the local tax alone: ours
``StateIncomeTax.local`` against PolicyEngine's ``local_income_tax_before_refundable_credits``
less ``nyc_school_tax_credit`` (refundable, and counted in ours: every NYC resident gets it).

Target per income: |ours - PolicyEngine| <= max(5, 0.1% of PolicyEngine's figure). A row (state,
year, status) meets it when every income does; a state is within target when all its rows do.
A state ``state_income_tax`` rejects with ``InputError`` on field "state" counts as not
modelled. One PolicyEngine simulation per (year, status, batch of --batch states), all in one
child process (importing policyengine-us alone takes about 30 s). The full default run (51
states x 58 incomes x 2 years x 2 statuses = 11,832 households, 4 simulations; policyengine-us
2.68.0) took 461 s wall on a busy 2-CPU machine but only about 100 s of CPU.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import random
import subprocess
import sys
import time
import venv
from collections.abc import Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

PACKAGE = "policyengine-us"
# the 50 states and DC
_CODES = (
    "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH "
    "NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY"
)
STATES = tuple(_CODES.split())
# local income taxes compared as places of their own: STATE/LOCALITY -> household variables
LOCALITIES: dict[str, dict[str, Any]] = {
    "NY/NYC": {"in_nyc": True},
    "NY/Yonkers": {"in_yonkers": True},
    "MD/Montgomery": {"county_str": "MONTGOMERY_COUNTY_MD"},
    "MD/Anne Arundel": {"county_str": "ANNE_ARUNDEL_COUNTY_MD"},
    "MD/Frederick": {"county_str": "FREDERICK_COUNTY_MD"},
    "MD/Worcester": {"county_str": "WORCESTER_COUNTY_MD"},
}
YEARS = (2025, 2026)
# (label, our filing_status, PolicyEngine household: spouse with no income)
STATUSES = (("single", "single", False), ("joint", "married_joint", True))
LOW, HIGH = 15_000.0, 700_000.0
FIXED_INCOMES = (15_000.0, 30_000.0, 50_000.0, 75_000.0, 100_000.0, 150_000.0, 250_000.0, 500_000.0)
EYEBALL_STATES = ("CA", "NY", "TX", "PA", "IL")
EYEBALL_INCOMES = (15_000.0, 30_000.0, 75_000.0, 150_000.0, 500_000.0)
ABSOLUTE, RELATIVE = 5.0, 0.001

# Runs inside the PolicyEngine venv. stdin: {"jobs": [{"year", "joint", "states": {st: [incomes]}}]}.
# stdout (last line): {"versions": {...}, "jobs": [{"seconds", "error", "figures": {st: [row]}}]}
# with row = [state tax before refundable credits, refundable credits, state income tax,
# local income tax before refundable credits, itemizes federally (0/1), NYC school tax credit].
# A place "ST/LOCALITY" is state ST with the household variables in spec["extras"][place].
CHILD = r"""
import json, sys, time, traceback
from importlib.metadata import version
spec = json.loads(sys.stdin.read())
from policyengine_us import Simulation
VARIABLES = (
    "state_income_tax_before_refundable_credits",
    "state_refundable_credits",
    "state_income_tax",
    "local_income_tax_before_refundable_credits",
    "tax_unit_itemizes",
    "nyc_school_tax_credit",
)

def run(year, joint, states, extras):
    people, groups, order = {}, {}, []
    def unit(kind, name, members, **extra):
        groups.setdefault(kind, {})[name] = {"members": members, **extra}
    for state, incomes in states.items():
        for income in incomes:
            n = len(order)
            order.append(state)
            you = f"p{n}"
            people[you] = {"age": {year: 35}, "employment_income": {year: income}}
            members = [you]
            if joint:
                people[f"s{n}"] = {"age": {year: 35}, "employment_income": {year: 0}}
                members.append(f"s{n}")
            for kind in ("tax_units", "families", "spm_units", "marital_units"):
                unit(kind, f"{kind}{n}", members)
            code = state.split("/")[0]
            place = {"state_code": {year: code}, "state_name": {year: code}}
            place.update(in_nyc={year: False}, in_yonkers={year: False})
            place.update({k: {year: v} for k, v in extras.get(state, {}).items()})
            unit("households", f"h{n}", members, **place)
    sim = Simulation(situation={"people": people, **groups})
    columns = [sim.calculate(name, year) for name in VARIABLES]  # one value per tax unit
    figures = {state: [] for state in states}
    for i, state in enumerate(order):
        figures[state].append([round(float(column[i]), 2) for column in columns])
    return figures

out = {"versions": {p: version(p) for p in ("policyengine-us", "policyengine-core")}, "jobs": []}
for job in spec["jobs"]:
    started = time.perf_counter()
    try:
        figures, error = run(job["year"], job["joint"], job["states"], spec["extras"]), None
    except Exception:
        figures, error = {}, traceback.format_exc()[-600:]
        for state, incomes in job["states"].items():  # isolate the state at fault
            try:
                figures.update(run(job["year"], job["joint"], {state: incomes}, spec["extras"]))
            except Exception:
                pass
    seconds = time.perf_counter() - started
    out["jobs"].append({"seconds": seconds, "error": error, "figures": figures})
    print(f"  simulated {job['year']} {'joint' if job['joint'] else 'single'} "
          f"{len(job['states'])} states in {seconds:.1f} s", file=sys.stderr, flush=True)
print(json.dumps(out))
"""


def ensure_venv(path: Path, timeout: float) -> Path:
    """The venv's python, creating the venv and installing policyengine-us if missing."""
    python = path / "bin" / "python"
    if not python.exists():
        print(f"creating {path}; installing {PACKAGE} (may take minutes)", flush=True)
        venv.create(path, with_pip=True)
    # find_spec, not import: importing policyengine_us alone takes about 30 s
    probe = (
        "import importlib.util, sys; sys.exit(importlib.util.find_spec('policyengine_us') is None)"
    )
    if subprocess.run([str(python), "-c", probe], capture_output=True).returncode != 0:
        started = time.perf_counter()
        subprocess.run(
            [str(python), "-m", "pip", "install", "--quiet", PACKAGE], check=True, timeout=timeout
        )
        print(f"installed {PACKAGE} in {time.perf_counter() - started:.0f} s", flush=True)
    return python


def draw_incomes(state: str, count: int, seed: int) -> list[float]:
    """``count`` log-uniform wages in [LOW, HIGH] for ``state`` plus FIXED_INCOMES, sorted."""
    rng = random.Random(f"{seed}:{state}")
    span = (math.log(LOW), math.log(HIGH))
    drawn = {round(math.exp(rng.uniform(*span)), 2) for _ in range(count)}
    return sorted(drawn | set(FIXED_INCOMES))


def run_policyengine(
    python: Path, jobs: list[dict[str, Any]], timeout: float
) -> dict[str, Any] | None:
    """Run CHILD once for all ``jobs``; None (after printing why) if it failed.

    The child's stderr (progress per simulation, tracebacks) goes straight to ours.
    """
    try:
        result = subprocess.run(
            [str(python), "-c", CHILD],
            input=json.dumps({"jobs": jobs, "extras": LOCALITIES}),
            stdout=subprocess.PIPE,
            text=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        print(f"PolicyEngine did not finish within {timeout:.0f} s; nothing compared.")
        return None
    if result.returncode != 0 or not result.stdout.strip():
        print(f"PolicyEngine failed (exit status {result.returncode}; its stderr is above)")
        return None
    return json.loads(result.stdout.strip().splitlines()[-1])


def make_jobs(
    states: Sequence[str], years: Sequence[int], incomes: dict[str, list[float]], batch: int
) -> list[dict[str, Any]]:
    """One job per (year, status, batch of states); ``key`` is (year, status label)."""
    jobs = []
    for year in years:
        for label, _, joint in STATUSES:
            for start in range(0, len(states), batch):
                chunk = states[start : start + batch]
                jobs.append(
                    {
                        "year": year,
                        "joint": joint,
                        "label": label,
                        "states": {state: incomes[state] for state in chunk},
                    }
                )
    return jobs


def collect(jobs: list[dict[str, Any]], output: dict[str, Any]) -> dict[tuple, list[dict]]:
    """PolicyEngine's figures by (state, year, status label): one dict per income."""
    names = (
        "state_tax",
        "refundable_credits",
        "state_income_tax",
        "local_tax",
        "itemizes",
        "nyc_school_credit",
    )
    figures: dict[tuple, list[dict]] = {}
    for job, done in zip(jobs, output["jobs"], strict=True):
        if done["error"]:
            first = done["error"].strip().splitlines()[-1]
            print(f"  {job['year']} {job['label']}: batch failed ({first}); ran states singly")
        for state, incomes in job["states"].items():
            rows = done["figures"].get(state)
            if rows is None:
                continue
            figures[(state, job["year"], job["label"])] = [
                {"income": income, **dict(zip(names, row, strict=True))}
                for income, row in zip(incomes, rows, strict=True)
            ]
    return figures


def eyeball(figures: dict[tuple, list[dict]]) -> None:
    """Print PolicyEngine's figures for a few incomes, to check by hand."""
    print(
        f"{'state':<6}{'year':>5} {'status':<7}{'wages':>10}{'state tax':>12}{'rate':>8}"
        f"{'refundable':>12}{'after refundable':>18}{'local':>10}  itemizes"
    )
    for (state, year, label), rows in figures.items():
        for row in rows:
            rate = row["state_tax"] / row["income"]
            print(
                f"{state:<6}{year:>5} {label:<7}{row['income']:>10,.0f}{row['state_tax']:>12,.2f}"
                f"{rate:>8.2%}{row['refundable_credits']:>12,.2f}"
                f"{row['state_income_tax']:>18,.2f}{row['local_tax']:>10,.2f}"
                f"  {'yes' if row['itemizes'] else 'no'}"
            )


def reason(place: str, year: int) -> str:
    """The written reason a place misses the target: ``policyengine`` in its year's rules (or
    its locality's) in ``data/tax/states/<ST>.toml``; "" when none is written."""
    from calculator.errors import InputError
    from calculator.state_tax import _rules

    state, _, locality = place.partition("/")
    try:
        rules = _rules(state, year)[1]
    except InputError:
        return ""
    if locality:
        rules = rules.get("localities", {}).get(locality, {})
    return str(rules.get("policyengine", ""))


def compare(figures: dict[tuple, list[dict]]) -> tuple[list[dict], set[str]]:
    """Our tax against PolicyEngine's per (state, year, status); and the states not modelled."""
    from calculator.errors import InputError
    from calculator.state_tax import state_income_tax

    statuses = {label: ours for label, ours, _ in STATUSES}
    rows, not_modelled = [], set()
    for (place, year, label), theirs in figures.items():
        state, _, locality = place.partition("/")
        row: dict[str, Any] = {"state": place, "year": year, "status": label, "incomes": []}
        for figure in theirs:
            income = figure["income"]
            try:
                found = state_income_tax(
                    income, state, year, filing_status=statuses[label], locality=locality or None
                )
            except InputError as error:
                if error.field not in ("state", "locality"):
                    raise
                not_modelled.add(place)
                row["not_modelled"] = str(error)
                break
            mine = found.local if locality else found.amount
            if locality:  # the local tax alone; NYC's school tax credit is in ours
                figure["state_tax"] = round(figure["local_tax"] - figure["nyc_school_credit"], 2)
            diff = mine - figure["state_tax"]
            allowed = max(ABSOLUTE, RELATIVE * abs(figure["state_tax"]))
            row["incomes"].append(
                {
                    **figure,
                    "ours": round(mine, 2),
                    "difference": round(diff, 2),
                    "ok": abs(diff) <= allowed,
                }
            )
        if "not_modelled" not in row:
            worst = max(row["incomes"], key=lambda item: abs(item["difference"]))
            row.update(
                compared=len(row["incomes"]),
                largest=abs(worst["difference"]),
                at_income=worst["income"],
                ours_there=worst["ours"],
                theirs_there=worst["state_tax"],
                meets_target=all(item["ok"] for item in row["incomes"]),
                reason=reason(place, year),
                max_local_tax=max(item["local_tax"] for item in row["incomes"]),
            )
        rows.append(row)
    return rows, not_modelled


def print_table(rows: list[dict], not_modelled: set[str]) -> dict[str, Any]:
    """Print the comparison table and summary; return the summary."""
    print(
        f"{'state':<12}{'year':>5} {'status':<7}{'incomes':>8}{'largest diff':>14}{'at income':>13}"
        f"{'ours':>12}{'PolicyEngine':>14}  target  local (not compared)"
    )
    for row in rows:
        if "not_modelled" in row:
            continue
        local = f"up to {row['max_local_tax']:,.0f}" if row["max_local_tax"] else ""
        print(
            f"{row['state']:<12}{row['year']:>5} {row['status']:<7}{row['compared']:>8}"
            f"{row['largest']:>14,.2f}{row['at_income']:>13,.2f}{row['ours_there']:>12,.2f}"
            f"{row['theirs_there']:>14,.2f}  {'yes' if row['meets_target'] else 'NO':<6}  {local}"
        )
    reasons = {(row["state"], row["reason"]) for row in rows if not row.get("meets_target", True)}
    for place, why in sorted(reasons):
        print(f"  {place}: {why or 'NO WRITTEN REASON'}")
    compared = sorted({row["state"] for row in rows} - not_modelled)
    within = [s for s in compared if all(r["meets_target"] for r in rows if r["state"] == s)]
    missed = [s for s in compared if s not in within]
    print(
        f"states within target: {len(within)} / compared: {len(compared)} / "
        f"not modelled: {len(not_modelled)}"
    )
    if missed:
        print(f"  outside target: {', '.join(missed)}")
    if not_modelled:
        print(f"  not modelled: {', '.join(sorted(not_modelled))}")
    return {
        "within_target": within,
        "outside_target": missed,
        "compared": compared,
        "not_modelled": sorted(not_modelled),
        "unexplained": sorted(place for place, why in reasons if not why),
    }


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument(
        "--states", help="comma-separated codes or ST/LOCALITY (default: all 50, DC, localities)"
    )
    parser.add_argument("--incomes", type=int, default=50, help="random incomes per state")
    parser.add_argument("--years", default=",".join(map(str, YEARS)))
    parser.add_argument("--venv", type=Path, default=Path("/tmp/policyengine-venv"))
    parser.add_argument("--json", type=Path, help="write every figure here")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--batch", type=int, default=len(STATES), help="states per simulation")
    parser.add_argument("--install-timeout", type=float, default=900.0, help="seconds")
    parser.add_argument("--timeout", type=float, default=1800.0, help="seconds for PolicyEngine")
    parser.add_argument(
        "--policyengine-only",
        action="store_true",
        help="print PolicyEngine's figures for a few incomes (default CA,NY,TX,PA,IL); no ours",
    )
    args = parser.parse_args(argv)
    default = EYEBALL_STATES if args.policyengine_only else (*STATES, *LOCALITIES)
    picked = [s.strip() for s in args.states.split(",")] if args.states else default
    args.states = [s if "/" in s else s.upper() for s in picked]
    unknown = [s for s in args.states if s not in STATES and s not in LOCALITIES]
    if unknown:
        parser.error(f"unknown state codes: {', '.join(unknown)}")
    args.years = [int(year) for year in args.years.split(",")]
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    started = time.perf_counter()
    if not args.policyengine_only and importlib.util.find_spec("calculator.state_tax") is None:
        print("calculator/state_tax.py does not exist yet; try --policyengine-only.")
        return 1
    try:
        python = ensure_venv(args.venv, args.install_timeout)
    except subprocess.TimeoutExpired:
        print(f"{PACKAGE} did not install within {args.install_timeout:.0f} s; nothing compared.")
        return 1
    except (subprocess.CalledProcessError, OSError) as error:
        print(f"{PACKAGE} could not be installed here ({error}); nothing compared.")
        return 1

    if args.policyengine_only:
        incomes = {state: list(EYEBALL_INCOMES) for state in args.states}
    else:
        incomes = {state: draw_incomes(state, args.incomes, args.seed) for state in args.states}
    jobs = make_jobs(args.states, args.years, incomes, max(1, args.batch))
    households = sum(len(incomes[s]) for s in args.states) * len(args.years) * len(STATUSES)
    print(f"{households:,} households in {len(jobs)} simulations", flush=True)
    output = run_policyengine(python, jobs, args.timeout)
    if output is None:
        return 1
    versions = output["versions"]
    print(", ".join(f"{name} {number}" for name, number in versions.items()))
    figures = collect(jobs, output)
    simulated = sum(job["seconds"] for job in output["jobs"])
    report: dict[str, Any] = {"versions": versions, "simulation_seconds": round(simulated, 1)}
    if args.policyengine_only:
        eyeball(figures)
        report["figures"] = [
            {"state": s, "year": y, "status": label, "incomes": rows}
            for (s, y, label), rows in figures.items()
        ]
    else:
        rows, not_modelled = compare(figures)
        report["summary"] = print_table(rows, not_modelled)
        report["target"] = {"absolute": ABSOLUTE, "relative": RELATIVE}
        report["rows"] = rows
    wall = time.perf_counter() - started
    report["wall_seconds"] = round(wall, 1)
    print(f"wall time {wall:.0f} s (PolicyEngine simulations {simulated:.0f} s)")
    if args.json:
        args.json.write_text(json.dumps(report, indent=1) + "\n")
        print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
