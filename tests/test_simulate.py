"""The simulation of offers' futures (calculator.simulate, docs/domain.md section 5 "Uncertainty").

Every expected figure is worked by hand in the comment beside it. Statistical checks use a seed
and a tolerance several standard errors wide, so they are deterministic and not fragile.
"""

from __future__ import annotations

import dataclasses
import math
from statistics import NormalDist

import pytest

from calculator import InputError
from calculator.compare import compare_offers, value_if_leaving
from calculator.equity import EquityGrant, RefresherPlan
from calculator.offers import (
    Bonus,
    CustomBenefit,
    HomeWorking,
    Offer,
    Pension,
    SignOn,
    Study,
)
from calculator.simulate import SIMULATION_PERCENTILES, SimulationResult, simulate_offers

Z90 = NormalDist().inv_cdf(0.9)  # 1.2816: P90 of a standard normal (P10 is its negative)


def _shapes() -> dict[str, Offer]:
    """Offers of many shapes, none with anything uncertain."""
    shapes = {
        "plain": Offer("plain", 40_000),
        "bonus and raise": Offer("bonus and raise", 50_000, raise_rate=0.03, bonus=Bonus(0.1, 0.8)),
        "cash by year": Offer(
            "cash by year",
            55_000,
            bonus=Bonus(0.1, rates_by_year=(0.2,), amounts_by_year=(0, 8_000, 8_000)),
            sign_on=SignOn(9_000, 18, pro_rata=True, instalments=((0, 0.5), (12, 0.5))),
            relocation=4_000,
        ),
        "rsu with growth": Offer(
            "rsu with growth",
            70_000,
            equity=(
                EquityGrant("rsu", grant_value=120_000, schedule="back_loaded", growth_rate=0.08),
                EquityGrant("rsu", shares=500, price=30.0, schedule="amazon", growth_rate=-0.1),
                EquityGrant(
                    "rsu", grant_value=40_000, growth_scenarios={"base": 0.2}, volatility=0.0
                ),
            ),
        ),
        "options": Offer(
            "options",
            60_000,
            equity=(
                EquityGrant("option", shares=20_000, strike=1.5, scenarios={"base": 4.0}),
                EquityGrant("option", shares=5_000, strike=9.0, scenarios={"base": 4.0}),
            ),
        ),
        "benefits and pensions": Offer(
            "benefits and pensions",
            48_000,
            holiday_days=27,
            pension=Pension(employer_rate=0.05, basis="qualifying_earnings"),
            health_care=1_200,
            travel_allowance=600,
            gym=300,
            home_working=HomeWorking(2, commute_cost=12, commute_minutes=60, hourly_value=15),
            study=Study(funding=1_000, days=5),
            custom_benefits=(CustomBenefit("bike", 250),),
        ),
        "us match": Offer(
            "us match",
            150_000,
            currency="GBP",
            raise_rate=0.04,
            bonus=Bonus(0.15),
            pension=Pension(match_rate=1.0, match_cap=0.06),
            equity=(EquityGrant("rsu", grant_value=200_000, schedule="standard_quarterly"),),
        ),
    }
    shapes["refreshers counted"] = Offer(
        "refreshers counted",
        90_000,
        equity=(EquityGrant("rsu", grant_value=100_000),),
        refreshers=RefresherPlan(30_000),
        refreshers_counted=True,
    )
    return shapes


SHAPES = _shapes()


@pytest.mark.parametrize("years", [1, 4, 7])
def test_with_nothing_uncertain_every_future_is_the_deterministic_total(years):
    offers = list(SHAPES.values())
    result = simulate_offers(*offers, years=years, paths=500, seed=3)
    comparison = compare_offers(*offers, years=years)
    for totals in comparison.totals:
        expected = totals.cumulative
        assert result.deterministic[totals.name] == pytest.approx(expected, rel=1e-12)
        assert result.mean[totals.name] == pytest.approx(expected, rel=1e-12)
        for p in SIMULATION_PERCENTILES:
            assert result.cumulative[totals.name][p] == pytest.approx(expected, rel=1e-12)
            running = [sum(totals.by_year[: y + 1]) for y in range(years)]
            assert result.by_year[totals.name][p] == pytest.approx(running, rel=1e-12)


def test_deterministic_futures_span_several_chunks():
    # 100,000 futures are simulated at a time; 150,001 needs two chunks and still every future
    # is the total: 40,000 + 50,000 over one year.
    result = simulate_offers(Offer("A", 40_000), Offer("B", 50_000), years=1, paths=150_001)
    assert result.cumulative == {
        "A": dict.fromkeys(SIMULATION_PERCENTILES, 40_000.0),
        "B": dict.fromkeys(SIMULATION_PERCENTILES, 50_000.0),
    }
    assert result.win_probability == {"A": 0.0, "B": 1.0}


def test_volatility_zero_or_not_stated_and_a_single_point_range_change_nothing():
    plain = Offer("A", 50_000, bonus=Bonus(0.1, 0.9), equity=(EquityGrant(grant_value=40_000),))
    fixed = Offer(
        "B",
        50_000,
        bonus=Bonus(0.1, 0.9, payout_range=(0.9, 0.9)),
        equity=(EquityGrant(grant_value=40_000, volatility=0.0),),
    )
    result = simulate_offers(plain, fixed, years=4, paths=2_000, seed=1)
    # 4 x (50,000 + 4,500) + 40,000 = 258,000 for both, so they tie in every future
    assert (
        result.cumulative["A"]
        == result.cumulative["B"]
        == dict.fromkeys(SIMULATION_PERCENTILES, 258_000.0)
    )
    assert result.win_probability == {"A": 0.5, "B": 0.5}


def test_probabilities_are_shares_that_add_up_to_one_in_the_offers_order():
    a = Offer("C", 60_000, equity=(EquityGrant(grant_value=60_000, volatility=0.5),))
    b = Offer("A", 62_000, bonus=Bonus(0.1, payout_range=(0.0, 2.0)))
    c = Offer(
        "B",
        61_000,
        equity=(
            EquityGrant(
                "option", shares=10_000, strike=1.0, scenarios={"base": 2.0}, volatility=0.8
            ),
        ),
    )
    result = simulate_offers(a, b, c, paths=20_000, seed=11)
    assert list(result.win_probability) == ["C", "A", "B"] == list(result.names)
    assert sum(result.win_probability.values()) == pytest.approx(1.0, abs=1e-12)
    assert all(0.0 <= p <= 1.0 for p in result.win_probability.values())
    assert all(0.0 < p < 1.0 for p in result.win_probability.values())


def test_identical_volatile_offers_each_win_about_half():
    grant = EquityGrant("rsu", grant_value=100_000, volatility=0.4, growth_rate=0.05)
    a = Offer("A", 80_000, bonus=Bonus(0.1, payout_range=(0.5, 1.5)), equity=(grant,))
    b = dataclasses.replace(a, name="B")
    result = simulate_offers(a, b, paths=100_000, seed=2024)
    # independent, identically distributed futures: 1/2 each, standard error 0.0016
    assert result.win_probability["A"] == pytest.approx(0.5, abs=0.02)
    assert result.win_probability["B"] == pytest.approx(0.5, abs=0.02)


def test_a_single_volatile_tranche_follows_the_lognormal_percentiles():
    # One tranche of 100,000 at month 12, volatility 0.3, growth 10%, one year:
    # factor = exp(ln 1.1 - 0.3^2 / 2 + 0.3 z), so P50 = 1.1 x exp(-0.045) = 1.05160 and
    # P10 / P90 = 1.1 x exp(-0.045 -/+ 0.3 x 1.2816); the mean factor is 1.1.
    grant = EquityGrant("rsu", grant_value=100_000, schedule=[1.0], growth_rate=0.1, volatility=0.3)
    offer = Offer("A", 50_000, equity=(grant,))
    result = simulate_offers(offer, Offer("B", 150_000), years=1, paths=100_000, seed=5)
    got = result.cumulative["A"]
    for p, z in ((10, -Z90), (50, 0.0), (90, Z90)):
        factor = 1.1 * math.exp(-0.045 + 0.3 * z)
        assert got[p] == pytest.approx(50_000 + 100_000 * factor, rel=0.005)
    assert got[10] < got[50] < got[90]
    assert result.deterministic["A"] == pytest.approx(160_000.0)
    assert result.mean["A"] == pytest.approx(160_000.0, rel=0.003)  # the drift is the growth
    # B (150,000 fixed) wins when the tranche is worth over 100,000:
    # P(1.1 exp(-0.045 + 0.3 z) > 1) = P(z > (0.045 - ln 1.1) / 0.3) = P(z > -0.1677) = 0.5666
    assert result.win_probability["A"] == pytest.approx(0.5666, abs=0.01)


def test_at_the_money_options_are_worth_nothing_in_most_futures_but_not_all():
    # 10,000 options, strike = base price = 2.00, all vesting at month 12, volatility 0.5:
    # in the money when 0.5 z - 0.125 > 0, i.e. z > 0.25: 40.1% of futures. So P10 and P50 are
    # the salary alone; the mean is the Black-Scholes value at zero interest,
    # 20,000 x (2 N(0.25) - 1) = 20,000 x 0.19741 = 3,948.
    options = EquityGrant(
        "option", shares=10_000, strike=2.0, scenarios={"base": 2.0}, schedule=[1.0], volatility=0.5
    )
    result = simulate_offers(
        Offer("A", 50_000, equity=(options,)), Offer("B", 50_000), years=1, paths=100_000, seed=8
    )
    assert result.deterministic["A"] == 50_000.0
    assert result.cumulative["A"][10] == result.cumulative["A"][50] == 50_000.0
    assert result.cumulative["A"][90] > 55_000
    assert result.mean["A"] == pytest.approx(50_000 + 3_948, rel=0.005)
    # A is ahead in the 40.1% of futures where the options pay; the rest are ties, shared
    assert result.win_probability["A"] == pytest.approx(0.401 + 0.599 / 2, abs=0.01)


def test_all_grants_of_an_offer_follow_one_price_path():
    # Two grants of 50,000 on one path are one grant of 100,000: same seed, same futures.
    half = EquityGrant("rsu", grant_value=50_000, volatility=0.35, growth_rate=0.05)
    whole = EquityGrant("rsu", grant_value=100_000, volatility=0.35, growth_rate=0.05)
    other = Offer("B", 80_000)
    split = simulate_offers(Offer("A", 80_000, equity=(half, half)), other, paths=5_000, seed=4)
    single = simulate_offers(Offer("A", 80_000, equity=(whole,)), other, paths=5_000, seed=4)
    for p in SIMULATION_PERCENTILES:
        assert split.by_year["A"][p] == pytest.approx(single.by_year["A"][p], rel=1e-12)


def test_a_clearly_better_fixed_offer_wins_every_future():
    volatile = EquityGrant("rsu", grant_value=10_000, volatility=0.3)
    weaker = Offer("A", 50_000, bonus=Bonus(0.1, payout_range=(0.0, 1.5)), equity=(volatile,))
    result = simulate_offers(weaker, Offer("B", 90_000), paths=20_000, seed=6)
    assert result.win_probability == {"A": 0.0, "B": 1.0}


def test_bonus_payout_drawn_in_its_range_averages_the_expected_bonus():
    # 50,000 base, 20% target: 10,000 at 100%. Drawn uniformly in 50%..150% the bonus is
    # 5,000..15,000; over one year P10 = 50,000 + 10,000 x 0.6 = 56,000, P50 = 60,000,
    # P90 = 64,000, and the mean is the deterministic 60,000.
    offer = Offer("A", 50_000, bonus=Bonus(0.2, 1.0, payout_range=(0.5, 1.5)))
    result = simulate_offers(offer, Offer("B", 58_000), years=1, paths=20_000, seed=9)
    assert result.cumulative["A"][10] == pytest.approx(56_000, abs=100)
    assert result.cumulative["A"][50] == pytest.approx(60_000, abs=100)
    assert result.cumulative["A"][90] == pytest.approx(64_000, abs=100)
    assert result.mean["A"] == pytest.approx(result.deterministic["A"], abs=60)
    # B wins when the bonus is under 8,000, i.e. a payout under 80%: (0.8 - 0.5) / 1.0 = 30%
    assert result.win_probability["B"] == pytest.approx(0.3, abs=0.015)
    # Over four years each year is drawn on its own: the mean stays the total (240,000 with
    # 10,000 a year, standard error 41), the spread grows only as the square root.
    four = simulate_offers(offer, Offer("B", 58_000), years=4, paths=20_000, seed=9)
    assert four.mean["A"] == pytest.approx(240_000, abs=200)
    assert four.cumulative["A"][90] - four.cumulative["A"][10] < 4 * 8_000


def test_fixed_bonus_amounts_are_not_scaled_by_the_payout():
    # 10,000 retention in year 1 is paid whatever the payout; the 10% target on 50,000 varies
    # 0..2 x 5,000. Year 1: 50,000 + 10,000 + 0..10,000, so every future is 60,000..70,000.
    bonus = Bonus(0.1, amounts_by_year=(10_000,), payout_range=(0.0, 2.0))
    result = simulate_offers(
        Offer("A", 50_000, bonus=bonus), Offer("B", 1), years=1, paths=20_000, seed=1
    )
    assert 60_000 <= result.cumulative["A"][10] < result.cumulative["A"][90] <= 70_000


def test_everyone_leaving_in_the_first_year_is_paid_up_to_the_leaving_month():
    # 48,000 a year is 4,000 a month; the leaving month is 1..12 with equal chance, so every
    # future is 4,000 x month: P10 = 8,000 (months 1-2 are 1/6 of futures), P90 = 44,000.
    # The sign-on (6,000, repaid in full inside 12 months) is kept only by month-12 leavers.
    offer = Offer("A", 48_000, sign_on=SignOn(6_000, 12))
    result = simulate_offers(
        offer, Offer("B", 1_000), years=2, paths=20_000, seed=3, leave_chance=1.0
    )
    possible = {value_if_leaving(offer, m) for m in range(1, 13)}
    assert possible == {4_000.0 * m for m in range(1, 12)} | {54_000.0}
    assert set(result.cumulative["A"].values()) <= possible
    assert result.cumulative["A"][10] == 8_000.0
    assert result.cumulative["A"][90] == 44_000.0
    # 2 x 48,000 + 6,000 = 102,000 if staying; every future is below it
    assert result.deterministic["A"] == 102_000.0
    assert result.cumulative["A"][90] < result.deterministic["A"]
    # after leaving nothing more is received: year 2 equals year 1
    for p in SIMULATION_PERCENTILES:
        first, second = result.by_year["A"][p]
        assert first == second
    # mean: 4,000 x 6.5 + 6,000 / 12 = 26,500
    assert result.mean["A"] == pytest.approx(26_500, rel=0.01)


def test_leaving_counts_value_as_leaving_early_does():
    # Everything value_if_leaving counts: pro-rata pay and benefits with a raise, bonuses of
    # completed years, vested RSUs (cliff), a pro-rata sign-on and relocation. Every future's
    # value is value_if_leaving at some month 1..12 (everyone leaves in year 1).
    offer = Offer(
        "A",
        60_000,
        raise_rate=0.05,
        bonus=Bonus(0.1),
        sign_on=SignOn(12_000, 24, pro_rata=True),
        relocation=3_000,
        equity=(EquityGrant("rsu", grant_value=48_000, schedule="standard_quarterly"),),
        holiday_days=25,
        pension=Pension(employer_rate=0.04),
    )
    result = simulate_offers(
        offer, Offer("B", 1_000), years=3, paths=5_000, seed=2, leave_chance=1.0
    )
    possible = [value_if_leaving(offer, m) for m in range(1, 13)]
    for p in SIMULATION_PERCENTILES:
        assert min(abs(result.cumulative["A"][p] - v) for v in possible) < 1e-6


def test_a_yearly_chance_of_leaving_averages_over_the_leaving_year():
    # 48,000 a year, two years, 50% chance a year: stay both years (1/4) 96,000; leave in
    # year 1 (1/2) 4,000 x 6.5 = 26,000 on average; leave in year 2 (1/4) 48,000 + 26,000.
    # Mean = 24,000 + 13,000 + 18,500 = 55,500; the 1/4 + 1/48 who reach 96,000 set P90.
    result = simulate_offers(
        Offer("A", 48_000), Offer("B", 1_000), years=2, paths=20_000, seed=12, leave_chance=0.5
    )
    assert result.mean["A"] == pytest.approx(55_500, rel=0.01)
    assert result.cumulative["A"][90] == 96_000.0
    assert result.cumulative["A"][10] < 20_000


def test_volatile_equity_when_leaving_only_counts_tranches_vested_by_then():
    # Cliff at 12 months: leaving in year 1 keeps no RSUs whatever the price, so with
    # everyone leaving in year 1 only the month-12 leavers (1/12) hold any equity.
    grant = EquityGrant("rsu", grant_value=400_000, volatility=0.5)
    offer = Offer("A", 48_000, equity=(grant,))
    result = simulate_offers(
        offer, Offer("B", 1_000), years=4, paths=20_000, seed=1, leave_chance=1.0
    )
    assert result.cumulative["A"][90] == 44_000.0  # month 11: no equity yet
    assert result.mean["A"] > 26_000 + 100_000 / 12 * 0.9  # month-12 leavers keep ~100,000


def test_the_same_seed_gives_the_same_futures():
    grant = EquityGrant("rsu", grant_value=100_000, volatility=0.4)
    a = Offer("A", 70_000, equity=(grant,), bonus=Bonus(0.1, payout_range=(0.5, 1.5)))
    b = Offer("B", 75_000)
    first = simulate_offers(a, b, paths=5_000, seed=42, leave_chance=0.1)
    again = simulate_offers(a, b, paths=5_000, seed=42, leave_chance=0.1)
    other = simulate_offers(a, b, paths=5_000, seed=43, leave_chance=0.1)
    assert first == again
    assert first.cumulative["A"] != other.cumulative["A"]
    assert first.seed == 42
    assert first.paths == 5_000
    assert first.years == 4
    unseeded = simulate_offers(a, b, paths=1_000)
    assert unseeded.seed is None


def test_the_result_is_frozen_and_says_what_varied():
    grant = EquityGrant("rsu", grant_value=100_000, volatility=0.4, growth_rate=0.05)
    a = Offer("A", 70_000, equity=(grant,), bonus=Bonus(0.1, payout_range=(0.5, 1.5)))
    b = Offer("B", 75_000, bonus=Bonus(0.1), equity=(EquityGrant(grant_value=10_000),))
    result = simulate_offers(a, b, paths=1_000, seed=1, leave_chance=0.1)
    assert isinstance(result, SimulationResult)
    assert result.currency == "GBP"
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.paths = 3  # type: ignore[misc]
    with pytest.raises(TypeError):
        result.win_probability["A"] = 1.0  # type: ignore[index]
    notes = " ".join(result.notes)
    assert "A: share price varies" in notes
    assert "volatility 40% and growth 5% a year" in notes
    assert "A: bonus payout drawn between 50% and 150%" in notes
    assert "B: no volatility given, equity held at the base scenario" in notes
    assert "B: bonus payout held at 100% of target" in notes
    assert "10% chance each year of leaving" in notes
    assert "Held fixed" in notes
    stay = simulate_offers(a, b, paths=10, seed=1)
    assert "No leaving: every future stays all 4 years." in stay.notes


def test_counted_refreshers_are_kept_as_vested_when_leaving():
    # Refreshers the offer counts vest as projected (not on the price path); a leaver keeps
    # those vested by the leaving month, as value_if_leaving counts them.
    offer = Offer(
        "A",
        60_000,
        equity=(EquityGrant("rsu", grant_value=48_000, schedule="quarterly_no_cliff"),),
        refreshers=RefresherPlan(24_000, first_grant_month=0),
        refreshers_counted=True,
    )
    result = simulate_offers(offer, Offer("B", 1), years=2, paths=3_000, seed=1, leave_chance=0.6)
    possible = [value_if_leaving(offer, m) for m in range(1, 25)]
    for p in SIMULATION_PERCENTILES:
        assert min(abs(result.cumulative["A"][p] - v) for v in possible) < 1e-6
    # the 40% x 40% who stay both years, plus month-24 leavers, get the whole 2-year total
    assert result.cumulative["A"][90] == result.deterministic["A"] == possible[-1]
    assert "A: refreshers counted at their projected value, not simulated." in result.notes


def test_refreshers_not_counted_are_left_out_and_said_so():
    with_plan = Offer("A", 50_000, refreshers=RefresherPlan(40_000))
    result = simulate_offers(with_plan, Offer("B", 1), years=2, paths=10, seed=1)
    assert result.deterministic["A"] == 100_000.0
    assert "A: refreshers not counted." in result.notes


@pytest.mark.parametrize(
    ("args", "kwargs", "field"),
    [
        ((Offer("A", 1),), {}, "offers"),
        ((), {}, "offers"),
        ((Offer("A", 1), "B"), {}, "offer 2"),
        ((Offer("A", 1), Offer("A", 2)), {}, "name"),
        ((Offer("A", 1), Offer("B", 2, currency="USD")), {}, "currency"),
        ((Offer("A", 1), Offer("B", 2)), {"years": 0}, "years"),
        ((Offer("A", 1), Offer("B", 2)), {"years": 31}, "years"),
        ((Offer("A", 1), Offer("B", 2)), {"years": 2.5}, "years"),
        ((Offer("A", 1), Offer("B", 2)), {"paths": 0}, "paths"),
        ((Offer("A", 1), Offer("B", 2)), {"paths": 2_000_001}, "paths"),
        ((Offer("A", 1), Offer("B", 2)), {"leave_chance": -0.1}, "leave_chance"),
        ((Offer("A", 1), Offer("B", 2)), {"leave_chance": 1.5}, "leave_chance"),
        ((Offer("A", 1), Offer("B", 2)), {"leave_chance": float("nan")}, "leave_chance"),
        ((Offer("A", 1), Offer("B", 2)), {"seed": -1}, "seed"),
        ((Offer("A", 1), Offer("B", 2)), {"seed": "x"}, "seed"),
        ((Offer("A", 1), Offer("B", 2)), {"seed": True}, "seed"),
    ],
)
def test_bad_input_names_the_field(args, kwargs, field):
    with pytest.raises(InputError) as raised:
        simulate_offers(*args, **kwargs)
    assert raised.value.field == field
