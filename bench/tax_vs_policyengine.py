"""Compare take_home with PolicyEngine UK and US on random incomes (not a test dependency).

    python bench/tax_vs_policyengine.py [--incomes 60] [--venv /tmp/policyengine-venv]

Creates a throwaway virtual environment under /tmp (once), installs policyengine-uk and
policyengine-us from the package index into it (time-boxed by --install-timeout), computes
income tax and employee social contributions there for random salaries, computes the same here
with ``calculator.take_home``, and prints the largest difference per case and figure.

PolicyEngine models far more than we do (credits, benefits, states), so the comparison covers
what both compute, for employment income only: UK income tax and employee Class 1 NI for
England and for Scotland; US federal income tax before credits and employee Social Security +
Medicare + Additional Medicare, single and married filing jointly (a spouse with no income);
each for the tax years 2025 and 2026. Every income in a case runs in one simulation (one
household per income); the whole run takes about 3.5 minutes once installed.

Run of 2026 (policyengine-uk 2.162.10, policyengine-us 2.68.0, 60 incomes 12,570-699,761):
NI and FICA agree to 0.01 (PolicyEngine returns float32); US federal income tax to 0.01 in all
four cases; UK income tax differs by at most 0.34 (England) and 0.39 (Scotland), both at
114,577.72 in the taper zone: PolicyEngine rounds the reduced allowance to whole pounds
(5,282 against our 5,281.14; 0.86 x 40% or 45%), where we keep the exact figure.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import time
import venv
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

PACKAGES = ("policyengine-uk", "policyengine-us")
YEARS = (2025, 2026)
# (label, country, our keyword arguments, PolicyEngine setting)
CASES = (
    ("GB England", "GB", {}, "LONDON"),
    ("GB Scotland", "GB", {"region": "scotland"}, "SCOTLAND"),
    ("US single", "US", {}, "single"),
    ("US married jointly", "US", {"filing_status": "married_joint"}, "joint"),
)

# Runs inside the PolicyEngine venv: argv = country, year, setting, incomes (JSON); prints JSON.
CHILD = r"""
import json, sys
country, year, setting, incomes = sys.argv[1], int(sys.argv[2]), sys.argv[3], json.loads(sys.argv[4])
people, groups = {}, {}
def unit(kind, name, members, **extra):
    groups.setdefault(kind, {})[name] = {"members": members, **extra}
for i, income in enumerate(incomes):
    you = f"p{i}"
    people[you] = {"age": {year: 35}, "employment_income": {year: income}}
    members = [you]
    if setting == "joint":
        people[f"s{i}"] = {"age": {year: 35}, "employment_income": {year: 0}}
        members = [you, f"s{i}"]
    if country == "GB":
        unit("benunits", f"b{i}", members)
        unit("households", f"h{i}", members, region={year: setting})
    else:
        for kind in ("tax_units", "families", "spm_units", "marital_units"):
            unit(kind, f"{kind}{i}", members)
        unit("households", f"h{i}", members, state_code={year: "TX"})
if country == "GB":
    from policyengine_uk import Simulation
    sim = Simulation(situation={"people": people, **groups})
    tax = sim.calculate("income_tax", year)
    social = sim.calculate("ni_employee", year)
    step = 1
else:
    from policyengine_us import Simulation
    sim = Simulation(situation={"people": people, **groups})
    tax = sim.calculate("income_tax_before_credits", year)  # per tax unit
    social = (
        sim.calculate("employee_social_security_tax", year)
        + sim.calculate("employee_medicare_tax", year)
    )  # per person
    extra = sim.calculate("additional_medicare_tax", year)  # per tax unit
    step = 2 if setting == "joint" else 1
    social = [float(social[i * step]) + float(extra[i]) for i in range(len(incomes))]
out = [
    {"income_tax": float(tax[i]), "social": float(social[i * step] if country == "GB" else social[i])}
    for i in range(len(incomes))
]
print(json.dumps(out))
"""


def _ensure_venv(path: Path, timeout: float) -> Path:
    python = path / "bin" / "python"
    if not python.exists():
        print(f"creating {path}; installing {', '.join(PACKAGES)} (may take minutes)")
        venv.create(path, with_pip=True)
    probe = subprocess.run(
        [str(python), "-c", "import policyengine_uk, policyengine_us"], capture_output=True
    )
    if probe.returncode != 0:
        subprocess.run(
            [str(python), "-m", "pip", "install", "--quiet", *PACKAGES],
            check=True,
            timeout=timeout,
        )
    return python


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--incomes", type=int, default=60, help="incomes per case and year")
    parser.add_argument("--venv", type=Path, default=Path("/tmp/policyengine-venv"))
    parser.add_argument("--install-timeout", type=float, default=600.0, help="seconds")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    try:
        python = _ensure_venv(args.venv, args.install_timeout)
    except subprocess.TimeoutExpired:
        print(
            f"PolicyEngine did not install within {args.install_timeout:.0f} s; nothing compared."
        )
        return 1
    except (subprocess.CalledProcessError, OSError) as error:
        print(f"PolicyEngine could not be installed here ({error}); nothing compared.")
        return 1

    from calculator import take_home

    rng = random.Random(args.seed)
    incomes = sorted(round(rng.uniform(5_000, 700_000), 2) for _ in range(args.incomes))
    # make sure the interesting zones are covered whatever the seed
    incomes[:6] = [12_570.0, 50_270.0, 100_000.0, 114_577.72, 125_140.0, 176_100.0]
    incomes.sort()
    print(f"{len(incomes)} incomes from {incomes[0]:,.0f} to {incomes[-1]:,.0f}")
    print(f"{'case':<22}{'year':>6}  {'figure':<11}{'largest difference':>19}  at income")
    for label, country, kwargs, setting in CASES:
        for year in YEARS:
            started = time.perf_counter()
            result = subprocess.run(
                [str(python), "-c", CHILD, country, str(year), setting, json.dumps(incomes)],
                check=False,
                capture_output=True,
                text=True,
            )
            if result.returncode != 0:
                print(f"{label} {year}: PolicyEngine failed: {result.stderr.strip()[-300:]}")
                continue
            theirs = json.loads(result.stdout.strip().splitlines()[-1])
            worst = {"income_tax": (0.0, 0.0), "social": (0.0, 0.0)}
            for income, other in zip(incomes, theirs, strict=True):
                ours = take_home(income, country, year, **kwargs)
                mine = {"income_tax": ours.income_tax, "social": ours.social_contributions}
                for name, value in mine.items():
                    diff = abs(value - other[name])
                    if diff > worst[name][0]:
                        worst[name] = (diff, income)
            took = time.perf_counter() - started
            for name, (diff, income) in worst.items():
                print(
                    f"{label:<22}{year:>6}  {name:<11}{diff:>19.2f}  {income:,.2f} ({took:.0f} s)"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
