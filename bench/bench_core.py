"""The core's speed: compare_offers per call, and a vectorised sweep against a plain loop.

- ``compare_offers`` for two fully filled offers over 4 years (target: well under 1 ms).
- The sweep: the 4-year total value of an offer over 100,000 combinations of base salary and
  UK pension rate (qualifying-earnings basis, so the clip is per element), computed once with
  numpy (:func:`calculator.cumulative_value_grid`, one call per pension rate) and once as a
  plain Python loop over the scalar path (:func:`calculator.offer_years`). Target: >= 20x.
"""

from __future__ import annotations

import time

import numpy as np

from bench._stats import median_seconds
from calculator import (
    Bonus,
    CustomBenefit,
    EquityGrant,
    HomeWorking,
    Offer,
    Pension,
    SignOn,
    Study,
    compare_offers,
    cumulative_value_grid,
    offer_years,
)


def _offer(name: str, base: float, pension_rate: float = 0.05) -> Offer:
    return Offer(
        name,
        base,
        bonus=Bonus(0.1, 0.9),
        sign_on=SignOn(5_000, 12),
        relocation=2_000,
        raise_rate=0.03,
        equity=(EquityGrant("rsu", shares=1_000, price=40.0),),
        holiday_days=27,
        pension=Pension(employer_rate=pension_rate, basis="qualifying_earnings"),
        health_care=1_044,
        travel_allowance=600,
        gym=400,
        home_working=HomeWorking(2, commute_cost=15, commute_minutes=90),
        study=Study(funding=1_000, days=3),
        custom_benefits=(CustomBenefit("cycle scheme", 250),),
        factors={"culture": 4, "growth": 3},
    )


def run(quick: bool = False) -> dict[str, float]:
    a, b = _offer("A", 62_000), _offer("B", 68_000, 0.03)
    per_call = median_seconds(
        lambda: compare_offers(a, b, years=4), repeat=7 if quick else 31, number=50
    )

    rates = np.linspace(0.03, 0.12, 10)
    bases = np.linspace(20_000, 150_000, 1_000 if quick else 10_000)
    combos = len(rates) * len(bases)

    def vectorised() -> list[np.ndarray]:
        return [cumulative_value_grid(_offer("S", 1.0, float(r)), bases, 4) for r in rates]

    loop_bases = bases[::10] if not quick else bases[::5]

    def loop() -> list[float]:
        out = []
        for r in rates:
            offer = _offer("S", 1.0, float(r))
            for base in loop_bases:
                out.append(
                    sum(sum(row.values()) for row in offer_years(offer, 4, base_salary=float(base)))
                )
        return out

    vec = median_seconds(vectorised, repeat=5 if quick else 11) / combos
    start = time.perf_counter()
    loop()
    loop_per = (time.perf_counter() - start) / (len(rates) * len(loop_bases))
    # the two paths must agree before their speeds mean anything
    check = cumulative_value_grid(_offer("S", 1.0, 0.05), loop_bases, 4)
    scalar = [
        sum(sum(r.values()) for r in offer_years(_offer("S", 1.0, 0.05), 4, base_salary=float(x)))
        for x in loop_bases
    ]
    if not np.allclose(check, scalar, rtol=1e-9, atol=1e-6):
        raise SystemExit("vectorised sweep disagrees with the scalar path")
    return {
        "compare_offers per call (ms)": per_call * 1e3,
        "sweep combinations": float(combos),
        "vectorised sweep per combination (us)": vec * 1e6,
        "plain loop per combination (us)": loop_per * 1e6,
        "vectorised sweep speed-up (x)": loop_per / vec,
    }
