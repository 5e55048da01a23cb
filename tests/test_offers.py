"""Offer model, benefit valuation, equity, weighted score and comparison (DOMAIN.md 4-6)."""

from __future__ import annotations

import math
import time

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from calculator import InputError
from calculator.benefits import (
    value_benefits,
)
from calculator.compare import (
    break_even_salary,
    compare_offers,
    cumulative_value_grid,
    offer_years,
    questions_to_ask,
)
from calculator.equity import EquityGrant
from calculator.offers import (
    Bonus,
    CustomBenefit,
    HomeWorking,
    Offer,
    Pension,
    SignOn,
    Study,
)
from calculator.scoring import score_packages


def full_offer(name: str = "Full", base: float = 60_000, **overrides) -> Offer:
    values = dict(
        name=name,
        base_amount=base,
        bonus=Bonus(0.10, 0.9),
        sign_on=SignOn(5_000, 12),
        relocation=2_000,
        raise_rate=0.03,
        equity=(EquityGrant("rsu", shares=1_000, price=40.0),),
        holiday_days=27,
        pension=Pension(employer_rate=0.05),
        health_care=1_044,
        travel_allowance=600,
        company_car=None,
        gym=400,
        home_working=HomeWorking(2, commute_cost=15, commute_minutes=90),
        study=Study(funding=1_000, days=3),
        custom_benefits=(CustomBenefit("cycle scheme", 250),),
        factors={"culture": 4, "growth": 3},
    )
    values.update(overrides)
    return Offer(**values)


# Benefit rules and equity have their own hand-checked tables in test_benefits.py and
# test_equity.py; this file covers the offer model and the comparison built on them.


# --- offer model -----------------------------------------------------------------------------
def test_offer_round_trips_through_dict():
    offer = full_offer(place=None)
    assert Offer.from_dict(offer.to_dict()) == offer


def test_pay_period_converts_and_round_trips():
    offer = Offer.from_dict({"name": "M", "base_salary": 4_000, "pay_period": "month"})
    assert offer.base_salary == 48_000
    assert Offer.from_dict(offer.to_dict()).pay_period == "month"


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"name": "X", "base_salary": -5}, "base_salary"),
        ({"name": "X"}, "base_salary"),
        ({"name": "X", "base_salary": 1, "holiday_days": -1}, "holiday_days"),
        ({"name": "X", "base_salary": 1, "bonus": {"target_rate": 7}}, "bonus.target_rate"),
        ({"name": "X", "base_salary": 1, "factors": {"culture": 9}}, "factors.culture"),
        ({"name": "X", "base_salary": 1, "wage": 2}, "offer"),
        ({"name": "X", "base_salary": 1, "pension": {"employer_rate": 3}}, "pension.employer_rate"),
        ({"name": "X", "base_salary": 1, "place": {"state": "Atlantis"}}, "state"),
        ({"name": "X", "base_salary": 1, "tax": {"country": "GB", "tax_year": 1999}}, "tax_year"),
    ],
)
def test_offer_from_dict_names_the_bad_field(data, field):
    with pytest.raises(InputError) as info:
        Offer.from_dict(data)
    assert info.value.field == field


def test_not_stated_is_distinct_from_zero():
    silent = Offer("A", 50_000)
    zero = Offer("A", 50_000, holiday_days=0, gym=0)
    assert "holiday" in value_benefits(silent).not_stated
    assert value_benefits(zero).values["holiday"] == 0
    assert "holiday_days" not in zero.not_stated()
    assert any("holiday" in q for q in questions_to_ask(silent))
    assert not any("holiday" in q for q in questions_to_ask(zero))


# --- comparison -----------------------------------------------------------------------------
def test_year_by_year_projection_by_hand():
    offer = Offer("A", 50_000, raise_rate=0.02, bonus=Bonus(0.1), sign_on=SignOn(3_000))
    rows = offer_years(offer, 3)
    # base 50,000 then x1.02 each year; bonus 10% of each year's base; sign-on in year 1 only
    assert [r["base"] for r in rows] == pytest.approx([50_000, 51_000, 52_020])
    assert [r["bonus"] for r in rows] == pytest.approx([5_000, 5_100, 5_202])
    assert [r["sign_on"] for r in rows] == [3_000, 0, 0]


def test_worked_comparison():
    a = Offer("A", 50_000, bonus=Bonus(0.1), holiday_days=26)  # 50,000 + 5,000 + 5,000
    b = Offer("B", 52_000, holiday_days=25)  # 52,000 + 5,000
    c = compare_offers(a, b, years=1)
    assert c.leader.name == "A"
    assert c.gap == pytest.approx(3_000)
    # B's total is 52,000 x (1 + 25/260) -> break-even base = 60,000 / (1 + 25/260)
    assert c.break_even_salary == pytest.approx(60_000 / (1 + 25 / 260))
    assert not c.too_close_to_call
    kinds = {ask.kind for ask in c.asks}
    assert {"base", "sign_on", "holiday_days"} <= kinds


def test_too_close_to_call_within_two_percent():
    c = compare_offers(Offer("A", 50_000), Offer("B", 49_100), years=2)
    assert c.too_close_to_call  # 1.8% apart
    c = compare_offers(Offer("A", 50_000), Offer("B", 48_900), years=2)
    assert not c.too_close_to_call  # 2.2% apart


def test_stay_or_move_compares_three_offers():
    c = compare_offers(
        Offer("Current job", 45_000), Offer("A", 50_000), Offer("B", 48_000), years=4
    )
    assert c.leader.name == "A"
    assert {b.offer for b in c.break_evens} == {"Current job", "B"}


def test_currency_mismatch_is_an_input_error():
    with pytest.raises(InputError) as info:
        compare_offers(Offer("A", 1, currency="GBP"), Offer("B", 1, currency="USD"))
    assert info.value.field == "currency"


def test_compare_to_frame_is_tidy():
    frame = compare_offers(full_offer("A"), full_offer("B", 55_000), years=4).to_frame()
    assert list(frame.columns) == ["offer", "year", "component", "value"]
    assert set(frame["year"]) == {1, 2, 3, 4}
    assert frame.groupby("offer")["value"].sum()["A"] > 0


def test_compare_offers_is_fast_enough_to_call_on_every_rerun():
    a, b = full_offer("A"), full_offer("B", 55_000)
    compare_offers(a, b)
    start = time.perf_counter()
    for _ in range(50):
        compare_offers(a, b, years=4)
    # a loose bound here (the benchmark measures the real figure): 50 calls well under a second
    assert time.perf_counter() - start < 1.0


def test_grid_matches_scalar_path():
    import numpy as np

    offer = full_offer(pension=Pension(employer_rate=0.04, basis="qualifying_earnings"))
    bases = np.array([5_000.0, 30_000.0, 48_000.0, 90_000.0])
    expected = [sum(sum(r.values()) for r in offer_years(offer, 4, base_salary=b)) for b in bases]
    assert cumulative_value_grid(offer, bases, 4) == pytest.approx(expected)


# --- weighted score -------------------------------------------------------------------------
def test_score_by_hand():
    a = Offer("A", 50_000, holiday_days=30, factors={"culture": 4})
    b = Offer("B", 40_000, holiday_days=20, factors={"culture": 5})
    scores = score_packages([a, b], {"base": 2, "holiday": 1, "culture": 2}).by_name()
    # holiday value A 5,769.23, B 3,076.92 -> scaled 1 and 0.5333
    # A: (2 x 1 + 1 x 1 + 2 x 0.8) / 5 = 92; B: (2 x 0.8 + 1 x 0.5333 + 2 x 1) / 5 = 82.67
    assert scores["A"].score == pytest.approx(92.0)
    assert scores["B"].score == pytest.approx(82.6667, abs=1e-3)
    assert sum(scores["A"].contributions.values()) == pytest.approx(92.0)


def test_all_zero_weights_give_zero_with_a_note():
    s = score_packages([Offer("A", 1), Offer("B", 2)], {"base": 0})
    assert [o.score for o in s.offers] == [0, 0]
    assert s.notes


def test_unknown_weight_is_an_input_error():
    with pytest.raises(InputError):
        score_packages([Offer("A", 1)], {"salary_vibes": 3, "base": 1})


# --- properties -----------------------------------------------------------------------------
money = st.floats(min_value=1_000, max_value=500_000, allow_nan=False)
small = st.floats(min_value=0, max_value=20_000, allow_nan=False)


@st.composite
def offers(draw, name="O"):
    return Offer(
        name,
        draw(money),
        bonus=draw(st.none() | st.builds(Bonus, st.floats(0, 0.5), st.floats(0, 1.5))),
        sign_on=draw(st.none() | st.builds(SignOn, small, st.integers(0, 24))),
        raise_rate=draw(st.none() | st.floats(0, 0.1)),
        holiday_days=draw(st.none() | st.floats(0, 40)),
        pension=draw(
            st.none()
            | st.builds(
                Pension,
                employer_rate=st.floats(0, 0.15),
                basis=st.sampled_from(["salary", "qualifying_earnings"]),
            )
        ),
        gym=draw(st.none() | small),
        equity=draw(
            st.lists(st.builds(EquityGrant, st.just("rsu"), grant_value=small), max_size=2)
        ),
    )


@given(offers(), st.sampled_from(["gym", "health_care", "travel_allowance"]), small)
def test_adding_a_benefit_never_lowers_cash_value(offer, benefit, amount):
    from dataclasses import replace

    assume(getattr(offer, benefit) is None)
    before = compare_offers(offer, Offer("ref", 1_000)).totals[0].cumulative
    after = compare_offers(replace(offer, **{benefit: amount}), Offer("ref", 1_000)).totals[0]
    assert after.cumulative >= before - 1e-6


@given(offers("A"), offers("B"), st.floats(0, 4))
def test_higher_weight_where_an_offer_leads_never_lowers_its_score(a, b, extra):
    weights = {"base": 2.0, "holiday": 1.0, "pension": 1.0}
    leader_on_base = a if a.base_salary >= b.base_salary else b
    before = score_packages([a, b], weights).by_name()[leader_on_base.name].score
    weights["base"] += min(extra, 3.0)
    after = score_packages([a, b], weights).by_name()[leader_on_base.name].score
    assert after >= before - 1e-9


@given(offers("A"), offers("B"))
def test_compare_mirrors(a, b):
    ab, ba = compare_offers(a, b), compare_offers(b, a)
    assert ab.gap == pytest.approx(ba.gap)
    assert {t.name: t.cumulative for t in ab.totals} == pytest.approx(
        {t.name: t.cumulative for t in ba.totals}
    )
    assert ab.break_even_salary == pytest.approx(ba.break_even_salary)


@given(offers("A"), offers("B"), st.integers(1, 6))
def test_break_even_makes_totals_equal_within_a_cent(a, b, years):
    c = compare_offers(a, b, years=years)
    weaker = a if c.runner_up.name == "A" else b
    matched = weaker.with_base_salary(c.break_even_salary)
    total = sum(sum(r.values()) for r in offer_years(matched, years))
    assert math.isclose(total, c.leader.cumulative, abs_tol=0.01)


def test_break_even_function_by_hand():
    # B needs 5,000 more base to match A's 10% bonus on 50,000 (no base-linked parts in B)
    weaker, stronger = Offer("B", 50_000), Offer("A", 50_000, bonus=Bonus(0.1))
    assert break_even_salary(weaker, stronger, 1) == pytest.approx(55_000)


# --- net view (issue 7) ------------------------------------------------------------------------
def test_net_view_taxes_cash_pay_and_adds_benefits_untaxed():
    from calculator.tax import TaxProfile, take_home

    offer = Offer("A", 50_000, bonus=Bonus(0.1), holiday_days=26, tax=TaxProfile("GB", 2025))
    t = compare_offers(offer, Offer("B", 40_000), years=1).totals[0]
    # cash 55,000 through UK 2025/26 rules, plus holiday worth 26 x 50,000 / 260 = 5,000
    assert t.year_one_net == pytest.approx(take_home(55_000, "GB", 2025).net + 5_000)
    assert t.year_one_net < t.year_one


def test_net_break_even_equalises_net_totals():
    from calculator.compare import _net_years
    from calculator.tax import TaxProfile

    uk = TaxProfile("GB", 2025)
    a = Offer("A", 70_000, bonus=Bonus(0.1), tax=uk)
    b = Offer("B", 60_000, tax=TaxProfile("GB", 2025, region="scotland"))
    c = compare_offers(a, b, years=2)
    be = c.break_evens[0]
    assert be.salary_net is not None
    assert be.salary_net > be.salary
    matched = b.with_base_salary(be.salary_net)
    net = sum(_net_years(matched, offer_years(matched, 2)) or ())
    assert net == pytest.approx(c.leader.cumulative_net, abs=0.01)
