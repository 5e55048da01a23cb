"""Comparing offers (docs/domain.md sections 5-6): totals, gap, break-even, asks, questions, net view."""

from __future__ import annotations

import math
import time
from dataclasses import replace

import numpy as np
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from calculator import InputError
from calculator.compare import (
    Ask,
    break_even_salary,
    compare_offers,
    cumulative_value_grid,
    offer_years,
    questions_to_ask,
    value_if_leaving,
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
from calculator.tax import TaxProfile, take_home


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


def total(offer: Offer, years: int) -> float:
    return sum(sum(row.values()) for row in offer_years(offer, years))


# --- projection and totals ------------------------------------------------------------------
def test_year_by_year_projection_by_hand():
    offer = Offer("A", 50_000, raise_rate=0.02, bonus=Bonus(0.1), sign_on=SignOn(3_000))
    rows = offer_years(offer, 3)
    # base 50,000 then x1.02 each year; bonus 10% of each year's base; sign-on in year 1 only
    assert [r["base"] for r in rows] == pytest.approx([50_000, 51_000, 52_020])
    assert [r["bonus"] for r in rows] == pytest.approx([5_000, 5_100, 5_202])
    assert [r["sign_on"] for r in rows] == [3_000, 0, 0]


def test_equity_vests_by_year_in_the_projection():
    # 400,000 back-loaded: 20,000 / 60,000 / 160,000 / 160,000, then nothing in year 5
    offer = Offer(
        "A", 50_000, equity=(EquityGrant("rsu", grant_value=400_000, schedule="back_loaded"),)
    )
    assert [r["equity"] for r in offer_years(offer, 5)] == pytest.approx(
        [20_000, 60_000, 160_000, 160_000, 0]
    )


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


def test_year_one_and_n_year_break_even_and_component_gaps():
    # A: 50,000 + 10% bonus + 10,000 sign-on -> 65,000 then 55,000: 120,000 over 2 years
    # B: 58,000 a year -> 116,000. B needs 60,000 over 2 years, 65,000 to match year one.
    a = Offer("A", 50_000, bonus=Bonus(0.1), sign_on=SignOn(10_000))
    b = Offer("B", 58_000)
    c = compare_offers(a, b, years=2)
    be = c.break_evens[0]
    assert (be.offer, be.leader) == ("B", "A")
    assert be.salary == pytest.approx(60_000)
    assert be.salary_year_one == pytest.approx(65_000)
    assert be.increase == pytest.approx(2_000)
    assert c.gap == pytest.approx(4_000)
    assert c.gap_year_one == pytest.approx(7_000)
    gaps = c.component_gaps
    assert gaps["base"] == pytest.approx(-16_000)  # 100,000 - 116,000
    assert gaps["bonus"] == pytest.approx(10_000)
    assert gaps["sign_on"] == pytest.approx(10_000)
    assert sum(gaps.values()) == pytest.approx(c.gap)


def test_equal_value_asks_by_hand():
    # B = 52,000 + 2 home days x 46 weeks x 20 = 53,840, so the gap is 760 over 1 year.
    # B's day rate 52,000 / 260 = 200 -> 3.8 days; one more home day a week is worth
    # 46 x 20 = 920 a year -> 0.83 more days (2 + 0.83 <= 5)
    a = Offer("A", 54_600)
    b = Offer("B", 52_000, home_working=HomeWorking(2, commute_cost=20))
    c = compare_offers(a, b, years=1)
    gap = 54_600 - 52_000 - 2 * 920
    asks = {ask.kind: ask for ask in c.asks}
    assert asks["sign_on"].amount == pytest.approx(gap)
    assert asks["holiday_days"].amount == pytest.approx(gap / 200)
    assert asks["home_working_days"].amount == pytest.approx(gap / 920)
    assert asks["base"].amount == pytest.approx(gap)
    assert asks["sign_on"].text == "B: a sign-on bonus of £760"
    assert str(asks["holiday_days"]) == "B: 4 more days of holiday a year"  # 3.8 up to half days


def test_holiday_ask_only_when_realistic():
    # gap 20,000 a year is 100 days of B's pay: no holiday ask
    c = compare_offers(Offer("A", 72_000), Offer("B", 52_000), years=1)
    assert "holiday_days" not in {ask.kind for ask in c.asks}


def test_ask_text_by_kind():
    assert Ask("B", "base", 2_000, "USD", 62_000).text == (
        "B: raise the base salary to $62,000 ($2,000 more a year)"
    )
    assert Ask("B", "home_working_days", 1.2).text == "B: 1.5 more home-working days a week"


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
    assert c.runner_up.name == "B"
    assert {b.offer for b in c.break_evens} == {"Current job", "B"}


def test_weights_attach_a_score_kept_apart_from_money():
    a, b = Offer("A", 50_000), Offer("B", 40_000)
    c = compare_offers(a, b, weights={"base": 1}, years=1)
    assert c.scores is not None
    assert c.scores.by_name()["B"].score == pytest.approx(80.0)  # 40,000 / 50,000
    assert c.leader.cumulative == 50_000  # the score never enters the money


def test_default_horizon_is_four_years():
    assert compare_offers(Offer("A", 1), Offer("B", 2)).years == 4


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (
            lambda: compare_offers(Offer("A", 1, currency="GBP"), Offer("B", 1, currency="USD")),
            "currency",
        ),
        (lambda: compare_offers(Offer("A", 1), Offer("A", 2)), "name"),
        (lambda: compare_offers(Offer("A", 1), "B"), "offer 2"),
        (lambda: compare_offers(Offer("A", 1), Offer("B", 1), years=0), "years"),
        (lambda: compare_offers(Offer("A", 1), Offer("B", 1), years=2.5), "years"),
        (lambda: compare_offers(Offer("A", 1), Offer("B", 1), view="real"), "view"),
        (
            lambda: compare_offers(
                Offer("A", 1), Offer("B", 1), view="same_money", home_place="TX"
            ),
            "home_place",
        ),
        (lambda: compare_offers(Offer("A", 1), Offer("B", 1), weights={"vibes": 1}), "weights"),
        (lambda: value_if_leaving(Offer("A", 1), -1), "month"),
        (lambda: offer_years(Offer("A", 1), 31), "years"),
        (lambda: break_even_salary(Offer("A", 1), Offer("B", 2), factor_weaker=0), "factor_weaker"),
        (lambda: cumulative_value_grid(Offer("A", 1), np.array([1.0, -2.0])), "base_salaries"),
        (lambda: cumulative_value_grid(Offer("A", 1), np.ones((2, 2))), "base_salaries"),
        (lambda: cumulative_value_grid(Offer("A", 1), ["x"]), "base_salaries"),
    ],
)
def test_bad_input_names_the_field(call, field):
    with pytest.raises(InputError) as info:
        call()
    assert info.value.field == field


def test_currency_error_tells_the_user_what_to_do():
    with pytest.raises(InputError, match="one currency"):
        compare_offers(Offer("A", 1, currency="GBP"), Offer("B", 1, currency="USD"))


def test_missing_optional_inputs_never_crash():
    sparse = Offer.from_dict(
        {
            "name": "Sparse",
            "base_salary": 30_000,
            "bonus": {"target_rate": 0.1, "expected_payout": None},
            "home_working": {"days_per_week": None},
            "study": {},
            "equity": [{"kind": "option"}],
            "factors": {"culture": None},
        }
    )
    c = compare_offers(sparse, Offer("Bare", 31_000), weights={"base": 1, "factor:culture": 2})
    assert c.leader.name in {"Sparse", "Bare"}
    assert value_if_leaving(sparse, 7) > 0
    joined = " ".join(c.questions)
    for phrase in ("strike", "paid out", "pension"):
        assert phrase in joined


# --- questions --------------------------------------------------------------------------------
def test_not_stated_is_a_question_but_zero_is_not():
    silent, zero = Offer("A", 50_000), Offer("A", 50_000, holiday_days=0, gym=0)
    assert any("holiday" in q for q in questions_to_ask(silent))
    assert not any("holiday" in q for q in questions_to_ask(zero))
    assert not any("gym" in q for q in questions_to_ask(zero))


def test_questions_cover_equity_and_bonus_history():
    offer = Offer(
        "A", 50_000, bonus=Bonus(0.1), equity=(EquityGrant("option", shares=100, schedule=None),)
    )
    joined = " ".join(questions_to_ask(offer))
    for phrase in ("paid out", "strike", "vesting schedule", "valuation"):
        assert phrase in joined


# --- leaving early ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("sign_on", "month", "expected"),
    [
        # repaid in full within 12 months: only 3 months of salary, 48,000 x 3 / 12
        (SignOn(6_000, 12), 3, 12_000.0),
        # pro-rata clause: keep 6,000 x 3 / 12 = 1,500
        (SignOn(6_000, 12, pro_rata=True), 3, 13_500.0),
        # after the repayment period the sign-on is kept: 48,000 + 6,000
        (SignOn(6_000, 12), 12, 54_000.0),
        # no clause: kept from day one
        (SignOn(6_000), 1, 4_000 + 6_000.0),
    ],
)
def test_value_if_leaving_sign_on_clause(sign_on, month, expected):
    assert value_if_leaving(Offer("A", 48_000, sign_on=sign_on), month) == pytest.approx(expected)


def test_value_if_leaving_counts_bonus_for_completed_years_and_vested_equity():
    offer = Offer(
        "A",
        48_000,
        bonus=Bonus(0.1),
        equity=(EquityGrant("rsu", grant_value=48_000),),
        relocation=3_000,
    )
    # 18 months: 72,000 salary + one year's bonus 4,800 + relocation 3,000 + 18/48 x 48,000
    assert value_if_leaving(offer, 18) == pytest.approx(72_000 + 4_800 + 3_000 + 18_000)


# --- views and frames ---------------------------------------------------------------------------
def test_options_are_shown_by_scenario_and_counted_at_base():
    grant = EquityGrant(
        "option", shares=10_000, strike=2.0, scenarios={"bear": 1.0, "base": 5.0, "bull": 12.0}
    )
    c = compare_offers(Offer("A", 50_000, equity=(grant,)), Offer("B", 50_000), years=2)
    a = c.totals[0]
    # half of the standard schedule vests in 2 years: base 15,000, bull 50,000
    assert a.equity_by_scenario == pytest.approx(
        {"zero": 0, "bear": 0, "base": 15_000, "bull": 50_000}
    )
    assert a.cumulative_components["equity"] == pytest.approx(15_000)
    assert "base scenario" in a.equity_note
    assert c.equity_notes == (a.equity_note,)
    assert c.totals[1].equity_by_scenario == {}
    frame = c.equity_frame()
    assert list(frame.columns) == ["offer", "scenario", "value"]
    assert len(frame) == 4


def test_compare_to_frame_is_tidy():
    c = compare_offers(full_offer("A"), full_offer("B", 55_000), years=4)
    frame = c.to_frame()
    assert list(frame.columns) == ["offer", "year", "component", "value"]
    assert set(frame["year"]) == {1, 2, 3, 4}
    sums = frame.groupby("offer")["value"].sum()
    assert sums["A"] == pytest.approx(c.totals[0].cumulative)
    totals = c.totals_frame()
    assert list(totals["offer"]) == ["A", "B"]
    assert totals["cumulative_net"].isna().all()


def test_compare_offers_is_fast_enough_to_call_on_every_rerun():
    a, b = full_offer("A"), full_offer("B", 55_000)
    compare_offers(a, b)
    start = time.perf_counter()
    for _ in range(50):
        compare_offers(a, b, years=4)
    # a loose bound here (the benchmark measures the real figure): 50 calls well under a second
    assert time.perf_counter() - start < 1.0


@pytest.mark.parametrize(
    "offer",
    [
        full_offer(pension=Pension(employer_rate=0.04, basis="qualifying_earnings")),
        full_offer(home_working=HomeWorking(3, percent_of_salary=0.05), raise_rate=None),
        full_offer(pension=Pension(match_rate=0.5, match_cap=0.06, employee_rate=0.08)),
        Offer("Bare", 1),
    ],
)
def test_grid_matches_scalar_path(offer):
    bases = np.array([0.0, 5_000.0, 30_000.0, 48_000.0, 90_000.0])
    expected = [sum(sum(r.values()) for r in offer_years(offer, 4, base_salary=b)) for b in bases]
    assert cumulative_value_grid(offer, bases, 4) == pytest.approx(expected)


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
        relocation=draw(st.none() | small),
        raise_rate=draw(st.none() | st.floats(0, 0.1)),
        holiday_days=draw(st.none() | st.floats(0, 40)),
        pension=draw(
            st.none()
            | st.builds(
                Pension,
                employer_rate=st.floats(0, 0.15),
                basis=st.sampled_from(["salary", "qualifying_earnings"]),
                match_rate=st.floats(0, 1),
                match_cap=st.floats(0, 0.1),
                employee_rate=st.floats(0, 0.1),
            )
        ),
        gym=draw(st.none() | small),
        home_working=draw(
            st.none()
            | st.builds(HomeWorking, st.floats(0, 5), commute_cost=st.none() | st.floats(0, 50))
            | st.builds(HomeWorking, st.floats(0, 5), percent_of_salary=st.floats(0, 0.1))
        ),
        study=draw(st.none() | st.builds(Study, st.none() | small, st.none() | st.floats(0, 10))),
        equity=draw(
            st.lists(
                st.builds(
                    EquityGrant,
                    st.just("rsu"),
                    grant_value=small,
                    schedule=st.sampled_from(["standard", "back_loaded", (0.5, 0.5)]),
                ),
                max_size=2,
            )
        ),
    )


@given(
    offers(),
    st.sampled_from(["gym", "health_care", "travel_allowance", "company_car", "relocation"]),
    small,
)
def test_adding_a_benefit_never_lowers_cash_value(offer, benefit, amount):
    assume(getattr(offer, benefit) is None)
    before = compare_offers(offer, Offer("ref", 1_000)).totals[0]
    after = compare_offers(replace(offer, **{benefit: amount}), Offer("ref", 1_000)).totals[0]
    assert after.cumulative >= before.cumulative - 1e-6
    assert after.year_one >= before.year_one - 1e-6


@given(offers("A"), offers("B"))
def test_compare_mirrors(a, b):
    ab, ba = compare_offers(a, b), compare_offers(b, a)
    assert ab.gap == pytest.approx(ba.gap)
    assert {t.name: t.cumulative for t in ab.totals} == pytest.approx(
        {t.name: t.cumulative for t in ba.totals}
    )
    assert ab.break_even_salary == pytest.approx(ba.break_even_salary)
    assert ab.too_close_to_call == ba.too_close_to_call


@given(offers("A"), offers("B"), st.integers(1, 6))
def test_break_even_makes_totals_equal_within_a_cent(a, b, years):
    c = compare_offers(a, b, years=years)
    weaker = a if c.runner_up.name == "A" else b
    be = c.break_evens[0]
    assert be.salary >= weaker.base_salary - 1e-6  # the weaker offer never needs less
    assert math.isclose(
        total(weaker.with_base_salary(be.salary), years), c.leader.cumulative, abs_tol=0.01
    )
    assert be.salary_year_one is not None
    if be.salary_year_one > 0:  # 0 means even a zero base matches the leader's year one
        year_one = total(weaker.with_base_salary(be.salary_year_one), 1)
        assert math.isclose(year_one, c.leader.year_one, abs_tol=0.01)


def test_break_even_function_by_hand():
    # B needs 5,000 more base to match A's 10% bonus on 50,000 (no base-linked parts in B)
    weaker, stronger = Offer("B", 50_000), Offer("A", 50_000, bonus=Bonus(0.1))
    assert break_even_salary(weaker, stronger, 1) == pytest.approx(55_000)


def test_break_even_across_the_pension_band():
    # B: UK 3% on qualifying earnings; A: 60,000 flat. B at b > 50,270 is b + 1,320.90, so it
    # needs 58,679.10 (above the band's top, where the kink no longer matters)
    b = Offer("B", 40_000, pension=Pension(employer_rate=0.03, basis="qualifying_earnings"))
    assert break_even_salary(b, Offer("A", 60_000), 1) == pytest.approx(60_000 - 1_320.90)


# --- net view (issue 7) ------------------------------------------------------------------------
def test_net_view_taxes_cash_pay_and_adds_benefits_untaxed():
    offer = Offer("A", 50_000, bonus=Bonus(0.1), holiday_days=26, tax=TaxProfile("GB", 2025))
    t = compare_offers(offer, Offer("B", 40_000), years=1).totals[0]
    # cash 55,000 through UK 2025/26 rules, plus holiday worth 26 x 50,000 / 260 = 5,000
    assert t.year_one_net == pytest.approx(take_home(55_000, "GB", 2025).net + 5_000)
    assert t.year_one_net < t.year_one


def test_benefit_marked_taxable_is_taxed_in_kind():
    # UK 2025/26, 50,000 salary: net 39,519.60 (tax module doctest). With 1,044 of medical
    # cover taxed in kind the income is 51,044: tax rises by (50,270 - 50,000) x 20% +
    # (51,044 - 50,270) x 40% = 54 + 309.60 = 363.60; NI is unchanged (benefits in kind pay
    # none for the employee). Net cash 39,156.00, plus the cover itself (1,044) = 40,200.00.
    taxed = Offer(
        "A", 50_000, health_care=1_044, taxable_benefits=("health_care",), tax=TaxProfile()
    )
    untaxed = replace(taxed, taxable_benefits=())
    c = compare_offers(taxed, Offer("B", 1), years=1)
    assert c.totals[0].year_one_net == pytest.approx(40_200.00)
    assert compare_offers(untaxed, Offer("B", 1), years=1).totals[0].year_one_net == pytest.approx(
        39_519.60 + 1_044
    )


def test_rsu_vesting_is_taxed_even_beside_options():
    # RSU 40,000 standard: 10,000 vests in year 1 and is pay: cash 50,000 -> net 39,519.60.
    # Options (1,000 x 20 at the base scenario, strike 0): 5,000 vests, untaxed until exercise.
    offer = Offer(
        "A",
        40_000,
        equity=(
            EquityGrant("rsu", grant_value=40_000),
            EquityGrant("option", shares=1_000, strike=0.0, scenarios={"base": 20.0}),
        ),
        tax=TaxProfile("GB", 2025),
    )
    t = compare_offers(offer, Offer("B", 1), years=1).totals[0]
    assert t.year_one_net == pytest.approx(39_519.60 + 5_000)


def test_net_break_even_equalises_net_totals():
    from calculator.compare import _net_years

    uk = TaxProfile("GB", 2025)
    a = Offer("A", 70_000, bonus=Bonus(0.1), tax=uk)
    b = Offer("B", 60_000, tax=TaxProfile("GB", 2025, region="scotland"))
    c = compare_offers(a, b, years=2)
    be = c.break_evens[0]
    assert be.salary_net is not None
    assert be.salary_net > be.salary  # Scottish rates take more of each extra pound
    matched = b.with_base_salary(be.salary_net)
    net = sum(_net_years(matched, offer_years(matched, 2)) or ())
    assert net == pytest.approx(c.leader.cumulative_net, abs=0.01)


def test_no_tax_profile_means_no_net_figures():
    c = compare_offers(Offer("A", 50_000, tax=TaxProfile()), Offer("B", 40_000), years=1)
    assert c.totals[1].year_one_net is None
    assert c.break_evens[0].salary_net is None
