"""Refreshers (docs/domain.md section 5): not guaranteed, always shown apart, counted in the totals only
when the user asks; the comparison, the take-home view and leaving early follow the choice."""

from __future__ import annotations

import pytest

from calculator import (
    Offer,
    RefresherPlan,
    TaxProfile,
    compare_offers,
    offer_years,
    refresher_years,
    value_if_leaving,
)

PLAN = RefresherPlan(40_000)  # a 40,000 grant a year from month 12, quarterly over 4 years


def test_refreshers_are_shown_apart_but_not_counted_by_default():
    a = Offer("A", 100_000, refreshers=PLAN)
    b = Offer("B", 120_000)
    result = compare_offers(a, b, years=4)
    # 40,000 x 4/16 in year 2, x 8/16 in year 3, x 12/16 in year 4
    assert result.totals[0].refreshers_by_year == pytest.approx((0, 10_000, 20_000, 30_000))
    assert result.totals[0].cumulative == pytest.approx(400_000)  # base only
    assert "refreshers" not in result.totals[0].rows[1]
    assert result.leader.name == "B"


def test_counted_refreshers_join_the_totals_and_the_break_even():
    a = Offer("A", 100_000, refreshers=PLAN, refreshers_counted=True)
    b = Offer("B", 120_000)
    result = compare_offers(a, b, years=4)
    # 400,000 + 60,000 of refreshers = 460,000 < 480,000: B still leads by 20,000
    assert result.totals[0].cumulative == pytest.approx(460_000)
    assert [row["refreshers"] for row in offer_years(a, 4)] == pytest.approx(
        [0, 10_000, 20_000, 30_000]
    )
    assert result.gap == pytest.approx(20_000)
    # A's break-even base closes the 4-year gap: 20,000 / 4 = 5,000 more a year
    assert result.break_even_salary == pytest.approx(105_000)


def test_counted_refreshers_are_taxed_as_pay_when_they_vest():
    profile = TaxProfile("US", 2025)
    plain = Offer("A", 100_000, currency="USD", tax=profile, refreshers=PLAN)
    counted = Offer(
        "A", 100_000, currency="USD", tax=profile, refreshers=PLAN, refreshers_counted=True
    )
    other = Offer("B", 50_000, currency="USD", tax=profile)
    net_plain = compare_offers(plain, other).totals[0].net_by_year
    net_counted = compare_offers(counted, other).totals[0].net_by_year
    assert net_counted[0] == pytest.approx(net_plain[0])  # nothing vests in year 1
    # year 2: 10,000 more gross; taken as pay, so less than 10,000 more net
    assert 0 < net_counted[1] - net_plain[1] < 10_000


def test_leaving_early_keeps_counted_refreshers_vested_by_then():
    counted = Offer("A", 120_000, refreshers=PLAN, refreshers_counted=True)
    # 24 months: 240,000 of pay; the month-12 grant has vested 4 quarterly tranches of 2,500
    assert value_if_leaving(counted, 24) == pytest.approx(240_000 + 10_000)
    assert value_if_leaving(Offer("B", 120_000, refreshers=PLAN), 24) == pytest.approx(240_000)


def test_refresher_years_without_a_plan_are_zeros_and_offers_round_trip():
    assert refresher_years(Offer("A", 1.0), 3) == (0.0, 0.0, 0.0)
    offer = Offer("A", 90_000, refreshers=PLAN, refreshers_counted=True)
    assert Offer.from_dict(offer.to_dict()) == offer


def test_rsu_growth_scenarios_are_shown_by_scenario():
    from calculator import EquityGrant

    grant = EquityGrant(
        "rsu", grant_value=48_000, growth_rate=0.0, growth_scenarios={"bear": -0.5, "bull": 0.5}
    )
    totals = compare_offers(Offer("A", 50_000, equity=(grant,)), Offer("B", 40_000)).totals[0]
    by = totals.equity_by_scenario
    # base: no growth, 48,000 vests over 4 years; bear below it, bull above it
    assert by["base"] == pytest.approx(48_000)
    assert by["bear"] < by["base"] < by["bull"]
    assert "base scenario" in totals.equity_note
