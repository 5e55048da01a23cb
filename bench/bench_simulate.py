"""The simulation's speed: 100,000 futures of two offers over 4 years, and the same arithmetic
as a plain Python loop over futures.

- :func:`calculator.simulate.simulate_offers` on two realistic offers, each with a volatile RSU
  grant (monthly / quarterly vesting, so 37 and 13 dated tranches) and a bonus payout range
  (target: well under 1 s).
- The loop: for each future and offer, a Brownian path at the tranche months, each tranche's
  price factor, a bonus payout each year and the year totals, with Python's ``random``; timed
  on 2,000 futures (median of repeats) and scaled per future. Before the speeds are compared,
  the loop's median must agree with the simulation's P50 (they sample the same distribution).
"""

from __future__ import annotations

import math
import random
import statistics

from bench._stats import median_seconds
from calculator import Bonus, EquityGrant, HomeWorking, Offer, Pension, SignOn, offer_years
from calculator.simulate import simulate_offers

PATHS = 100_000
YEARS = 4


def _offers() -> tuple[Offer, Offer]:
    a = Offer(
        "A",
        95_000,
        raise_rate=0.03,
        bonus=Bonus(0.15, 0.9, payout_range=(0.5, 1.4)),
        sign_on=SignOn(10_000, 12),
        equity=(EquityGrant("rsu", grant_value=160_000, growth_rate=0.06, volatility=0.35),),
        holiday_days=25,
        pension=Pension(match_rate=0.5, match_cap=0.06),
        health_care=4_000,
    )
    b = Offer(
        "B",
        105_000,
        raise_rate=0.04,
        bonus=Bonus(0.10, payout_range=(0.8, 1.2)),
        equity=(
            EquityGrant(
                "rsu",
                grant_value=90_000,
                schedule="standard_quarterly",
                growth_rate=0.03,
                volatility=0.25,
            ),
        ),
        holiday_days=28,
        pension=Pension(employer_rate=0.05),
        home_working=HomeWorking(3, commute_cost=14, commute_minutes=70),
    )
    return a, b


def _loop_inputs(offer: Offer) -> tuple[list[float], list[float], tuple[float, ...] | None, list]:
    """Year totals, bonus per unit of payout, the payout range and the volatile tranches."""
    rows = offer_years(offer, YEARS)
    bonus = offer.bonus
    scale = [bonus.rate(y) * row["base"] if bonus else 0.0 for y, row in enumerate(rows)]
    tranches = []
    for grant in offer.equity:
        sigma, drift = grant.volatility or 0.0, math.log1p(grant.growth())
        for month, value in grant.tranches():
            if sigma > 0 and month <= 12 * YEARS:
                grown = (1 + grant.growth()) ** (month / 12)
                tranches.append((month, sigma, drift, value / grown, value))
    payout_range = bonus.payout_range if bonus else None
    return [sum(row.values()) for row in rows], scale, payout_range, tranches


def _loop(offers: tuple[Offer, Offer], paths: int, seed: int) -> list[list[float]]:
    """N-year value of each future of each offer, one future at a time."""
    rng = random.Random(seed)
    out: list[list[float]] = []
    for offer in offers:
        totals, scale, payout_range, tranches = _loop_inputs(offer)
        stated = offer.bonus.expected_payout if offer.bonus else None
        payout = 1.0 if stated is None else stated
        months = sorted({m for m, *_ in tranches})
        values = []
        for _ in range(paths):
            walk, w, last = {}, 0.0, 0
            for month in months:
                w += rng.gauss(0.0, math.sqrt((month - last) / 12))
                walk[month], last = w, month
            total = sum(totals)
            for month, sigma, drift, base_value, det in tranches:
                t = month / 12
                factor = math.exp(drift * t - sigma * sigma * t / 2 + sigma * walk[month])
                total += base_value * factor - det
            if payout_range is not None:
                for year in range(YEARS):
                    drawn = rng.uniform(*payout_range)
                    total += (drawn - payout) * scale[year]
            values.append(total)
        out.append(values)
    return out


def run(quick: bool = False) -> dict[str, float]:
    """Median time of the simulation, and its speed-up over a plain loop over futures."""
    offers = _offers()
    simulate_offers(*offers, years=YEARS, paths=1_000, seed=0)  # warm caches and imports
    seconds = median_seconds(
        lambda: simulate_offers(*offers, years=YEARS, paths=PATHS), repeat=3 if quick else 9
    )
    loop_paths = 2_000
    loop_per_path = (
        median_seconds(lambda: _loop(offers, loop_paths, seed=1), repeat=3 if quick else 7)
        / loop_paths
    )
    looped = _loop(offers, loop_paths, seed=1)
    result = simulate_offers(*offers, years=YEARS, paths=PATHS, seed=1)
    for offer, values in zip(offers, looped, strict=True):
        p50 = result.cumulative[offer.name][50]
        if abs(statistics.median(values) - p50) > 0.02 * p50:
            raise SystemExit(f"the loop and the simulation disagree on {offer.name}'s median")
    return {
        "simulate 100,000 paths x 2 offers x 4 years (ms)": seconds * 1e3,
        "per future and offer (us)": seconds / (PATHS * len(offers)) * 1e6,
        "Python loop per future and offer (us)": loop_per_path / len(offers) * 1e6,
        "speed-up over a Python loop (x)": loop_per_path * PATHS / seconds,
    }
