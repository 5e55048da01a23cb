"""Compare take_home with PolicyEngine UK and US on random incomes (not a test dependency).

    python bench/tax_vs_policyengine.py [--incomes 60] [--venv /tmp/policyengine-venv]

Creates a throwaway virtual environment (once), installs policyengine-uk and policyengine-us
from PyPI into it, computes income tax and employee social contributions there for random
single-person salaries, computes the same here with ``calculator.take_home``, and prints the
largest difference per country and figure. PolicyEngine models far more than we do (credits,
benefits, states), so the comparison is restricted to what both compute: UK income tax and
employee NI for England; US federal income tax before credits and employee FICA, 2025.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import venv
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

# Runs inside the PolicyEngine venv: reads incomes from argv, prints JSON.
CHILD = r"""
import json, sys
country, year, incomes = sys.argv[1], int(sys.argv[2]), json.loads(sys.argv[3])
out = []
if country == "GB":
    from policyengine_uk import Simulation
    for income in incomes:
        sim = Simulation(situation={
            "people": {"you": {"age": {year: 35}, "employment_income": {year: income}}},
            "benunits": {"b": {"members": ["you"]}},
            "households": {"h": {"members": ["you"], "region": {year: "LONDON"}}},
        })
        out.append({
            "income_tax": float(sim.calculate("income_tax", year)[0]),
            "social": float(sim.calculate("ni_employee", year)[0]),
        })
else:
    from policyengine_us import Simulation
    for income in incomes:
        sim = Simulation(situation={
            "people": {"you": {"age": {year: 35}, "employment_income": {year: income}}},
            "tax_units": {"t": {"members": ["you"]}},
            "families": {"f": {"members": ["you"]}},
            "spm_units": {"s": {"members": ["you"]}},
            "households": {"h": {"members": ["you"], "state_code": {year: "TX"}}},
        })
        out.append({
            "income_tax": float(sim.calculate("income_tax_before_credits", year)[0]),
            "social": float(sim.calculate("employee_social_security_tax", year)[0])
            + float(sim.calculate("employee_medicare_tax", year)[0])
            + float(sim.calculate("additional_medicare_tax", year)[0]),
        })
print(json.dumps(out))
"""


def _ensure_venv(path: Path) -> Path:
    python = path / "bin" / "python"
    if not python.exists():
        print(f"creating {path} and installing policyengine-uk, policyengine-us (a few minutes)")
        venv.create(path, with_pip=True)
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "policyengine-uk", "policyengine-us"],
        check=True,
    )
    return python


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--incomes", type=int, default=60)
    parser.add_argument("--venv", type=Path, default=Path("/tmp/policyengine-venv"))
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    try:
        python = _ensure_venv(args.venv)
    except (subprocess.CalledProcessError, OSError) as error:
        print(f"PolicyEngine could not be installed here ({error}); nothing compared.")
        return 1

    from calculator import take_home

    rng = random.Random(args.seed)
    incomes = sorted(round(rng.uniform(15_000, 400_000), 2) for _ in range(args.incomes))
    for country in ("GB", "US"):
        result = subprocess.run(
            [str(python), "-c", CHILD, country, "2025", json.dumps(incomes)],
            check=True,
            capture_output=True,
            text=True,
        )
        theirs = json.loads(result.stdout.strip().splitlines()[-1])
        worst = {"income_tax": (0.0, 0.0), "social": (0.0, 0.0)}
        for income, other in zip(incomes, theirs, strict=True):
            ours = take_home(income, country, 2025)
            figures = {"income_tax": ours.income_tax, "social": ours.social_contributions}
            for name, value in figures.items():
                diff = abs(value - other[name])
                if diff > worst[name][0]:
                    worst[name] = (diff, income)
        for name, (diff, income) in worst.items():
            print(
                f"{country} {name:<10} largest difference {diff:10.2f} (at income {income:,.2f})"
                f" over {len(incomes)} incomes"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
