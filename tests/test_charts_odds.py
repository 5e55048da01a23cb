"""The simulation fan chart and the vesting chart (calculator.charts, docs/domain.md section 5).

Every expected figure is worked by hand in the comment beside it.
"""

from __future__ import annotations

from types import MappingProxyType

import plotly.graph_objects as go
import pytest

from calculator import InputError
from calculator.charts import PALETTE, chart_alt_text, odds_fan_chart, vesting_chart
from calculator.compare import compare_offers
from calculator.equity import EquityGrant, RefresherPlan
from calculator.offers import Offer
from calculator.simulate import SimulationResult, simulate_offers


def _hand_made(win_b: float = 0.73, paths: int = 100_000) -> SimulationResult:
    """A two-year result written out by hand (no simulation), B ahead in ``win_b`` of futures."""
    return SimulationResult(
        paths=paths,
        years=2,
        seed=1,
        win_probability=MappingProxyType({"A": 1 - win_b, "B": win_b}),
        cumulative={
            "A": {10: 90_000, 50: 100_000, 90: 130_000},
            "B": {10: 95_000, 50: 110_000, 90: 150_000},
        },
        by_year={
            "A": {10: (45_000, 90_000), 50: (50_000, 100_000), 90: (60_000, 130_000)},
            "B": {10: (47_000, 95_000), 50: (52_000, 110_000), 90: (70_000, 150_000)},
        },
        deterministic={"A": 100_000, "B": 108_000},
        notes=(),
        currency="GBP",
    )


def test_fan_chart_draws_a_band_and_a_median_per_offer():
    fig = odds_fan_chart(_hand_made())
    assert isinstance(fig, go.Figure)
    assert [t.name for t in fig.data] == [
        "A: P90",
        "A: P10 to P90 (8 in 10 futures)",
        "A: median (P50)",
        "B: P90",
        "B: P10 to P90 (8 in 10 futures)",
        "B: median (P50)",
    ]
    upper, lower, median = fig.data[3:6]
    assert list(upper.x) == list(lower.x) == list(median.x) == [1, 2]
    assert list(upper.y) == [70_000, 150_000]
    assert list(lower.y) == [47_000, 95_000]
    assert list(median.y) == [52_000, 110_000]
    # the band fills from P10 up to the P90 trace just before it, translucent in B's colour
    assert lower.fill == "tonexty"
    assert upper.fill is None
    assert lower.fillcolor == "rgba(230, 159, 0, 0.2)"  # PALETTE[1] = #E69F00
    assert median.line.color == PALETTE[1]
    assert upper.showlegend is False
    # not colour alone: the medians differ by dash and marker, the bands by pattern
    assert fig.data[2].line.dash != median.line.dash
    assert fig.data[2].marker.symbol != median.marker.symbol
    assert fig.data[1].fillpattern.shape != lower.fillpattern.shape
    assert list(median.customdata) == ["£52,000", "£110,000"]
    assert fig.layout.yaxis.tickprefix == "£"


def test_fan_chart_alt_text_gives_percentiles_and_the_odds():
    alt = chart_alt_text(odds_fan_chart(_hand_made()))
    assert alt == (
        "Simulated value received over 2 years, by the end of year 2: "
        "A P10 £90,000, P50 £100,000, P90 £130,000; "
        "B P10 £95,000, P50 £110,000, P90 £150,000. "
        "B comes out ahead in 73% of 100,000 futures, A in 27%."
    )


def test_fan_chart_never_rounds_a_small_chance_away():
    alt = chart_alt_text(odds_fan_chart(_hand_made(win_b=0.998)))
    assert alt.endswith("B comes out ahead in over 99% of 100,000 futures, A in under 1%.")


def test_fan_chart_of_a_real_simulation_matches_the_deterministic_totals():
    # nothing uncertain: A 50,000 a year, B 40,000; every band collapses onto the median
    a, b = Offer("A", 50_000, currency="USD"), Offer("B", 40_000, currency="USD")
    result = simulate_offers(a, b, years=3, paths=1_000, seed=1)
    fig = odds_fan_chart(result)
    running = [50_000.0, 100_000.0, 150_000.0]
    assert list(fig.data[0].y) == list(fig.data[1].y) == list(fig.data[2].y) == running
    assert list(fig.data[5].y) == [
        sum(compare_offers(a, b, years=3).totals[1].by_year[:y]) for y in (1, 2, 3)
    ]
    assert fig.layout.yaxis.tickprefix == "$"
    assert "A comes out ahead in 100% of 1,000 futures, B in 0%." in chart_alt_text(fig)


@pytest.mark.parametrize("bad", [None, "result", compare_offers(Offer("A", 1), Offer("B", 2))])
def test_fan_chart_refuses_anything_but_a_simulation(bad):
    with pytest.raises(InputError) as raised:
        odds_fan_chart(bad)
    assert raised.value.field == "result"


def test_vesting_chart_steps_each_grant_by_month():
    # 48,000 on the standard schedule: nothing before month 12, 12,000 at the cliff, then
    # 1,000 a month. 48,000 back-loaded growing 100% a year: tranches 2,400 x 2 = 4,800 at 12,
    # 7,200 x 4 = 28,800 at 24 (33,600 by then). Options: 1,000 x (5 - 1) = 4,000, base case.
    offer = Offer(
        "A",
        60_000,
        equity=(
            EquityGrant("rsu", grant_value=48_000),
            EquityGrant("rsu", grant_value=48_000, schedule="back_loaded", growth_rate=1.0),
            EquityGrant(
                "option", shares=1_000, strike=1.0, scenarios={"base": 5.0}, schedule=[1.0]
            ),
        ),
    )
    fig = vesting_chart(offer, years=2)
    names = [t.name for t in fig.data]
    assert names == ["RSU grant 1", "RSU grant 2", "Option grant 3 (base scenario)"]
    standard, grown, options = fig.data
    assert list(standard.x) == list(range(25))
    assert standard.y[11] == 0.0
    assert standard.y[12] == 12_000.0
    assert standard.y[13] == 13_000.0
    assert standard.y[24] == 24_000.0
    assert grown.y[12] == pytest.approx(4_800.0)
    assert grown.y[23] == pytest.approx(4_800.0)
    assert grown.y[24] == pytest.approx(33_600.0)
    assert options.y[12] == 4_000.0
    assert all(t.line.shape == "hv" for t in fig.data)
    assert len({t.line.dash for t in fig.data}) == 3
    assert "dash" not in {t.line.dash for t in fig.data}  # kept for refreshers
    assert fig.layout.yaxis.tickprefix == "£"
    assert chart_alt_text(fig) == (
        "A: equity vested by the end of each year (base scenario, growth included). "
        "RSU grant 1: year 1 £12,000, year 2 £24,000; "
        "RSU grant 2: year 1 £4,800, year 2 £33,600; "
        "Option grant 3 (base scenario): year 1 £4,000, year 2 £4,000."
    )


def test_vesting_chart_shows_refreshers_apart_and_dashed():
    # RefresherPlan(40,000): a grant each year from month 12, 1/16 a quarter: 2,500 at months
    # 15, 18, 21, 24, so 5,000 by month 18 and 10,000 by the end of year 2.
    offer = Offer(
        "A",
        60_000,
        currency="USD",
        equity=(EquityGrant("rsu", grant_value=48_000),),
        refreshers=RefresherPlan(40_000),
    )
    fig = vesting_chart(offer, years=2)
    grant, refreshers = fig.data
    assert refreshers.name == "refreshers (not guaranteed)"
    assert refreshers.line.dash == "dash"
    assert refreshers.y[14] == 0.0
    assert refreshers.y[18] == 5_000.0
    assert refreshers.y[24] == 10_000.0
    assert grant.y[24] == 24_000.0  # refreshers never added to the grant
    assert fig.layout.yaxis.tickprefix == "$"
    assert chart_alt_text(fig).endswith("refreshers (not guaranteed): year 1 $0, year 2 $10,000.")


def test_vesting_chart_of_an_offer_without_equity_says_so():
    fig = vesting_chart(Offer("A", 60_000))
    assert len(fig.data) == 0
    assert chart_alt_text(fig) == "A has no equity grants or refreshers to vest."


def test_vesting_chart_spans_the_years_asked_for():
    fig = vesting_chart(Offer("A", 1, equity=(EquityGrant(grant_value=48_000),)), years=6)
    # months 0..72; everything vested by month 48
    assert list(fig.data[0].x)[-1] == 72
    assert fig.data[0].y[72] == fig.data[0].y[48] == 48_000.0


@pytest.mark.parametrize(
    ("offer", "years", "field"),
    [
        (None, 4, "offer"),
        ("A", 4, "offer"),
        (Offer("A", 1), 0, "years"),
        (Offer("A", 1), 31, "years"),
        (Offer("A", 1), "4", "years"),
    ],
)
def test_vesting_chart_refuses_bad_input(offer, years, field):
    with pytest.raises(InputError) as raised:
        vesting_chart(offer, years)
    assert raised.value.field == field
