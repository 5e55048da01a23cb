"""Chart builders (calculator.charts): the numbers drawn, the alt text, palette and bad input.

Every expected figure is worked by hand in the comment beside it; the rules are docs/domain.md sections 1-7.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import subprocess
import sys
from pathlib import Path

import plotly.graph_objects as go
import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculator import (
    Bonus,
    ContactLog,
    FollowUpPlan,
    InputError,
    LogEntry,
    Offer,
    Place,
    SignOn,
    compare_offers,
    counter_range,
    follow_up_plan,
    salary_bands,
    score_packages,
    take_home,
)
from calculator.charts import (
    PALETTE,
    PATTERNS,
    bands_chart,
    chart_alt_text,
    component_label,
    cumulative_value_chart,
    leaving_value_chart,
    offer_components_chart,
    percentile_chart,
    place_adjustment_chart,
    score_chart,
    take_home_waterfall,
    timeline_chart,
)

REPO = Path(__file__).resolve().parent.parent

# A: 50,000 base + 10% bonus (5,000). B: 52,000 base + 30 days holiday valued at
# 30 x 52,000 / 260 = 6,000 (docs/domain.md section 4: day rate = base / 260).
OFFER_A = Offer("A", 50_000, bonus=Bonus(0.1))
OFFER_B = Offer("B", 52_000, holiday_days=30)


def _by_name(fig: go.Figure) -> dict[str, go.Bar]:
    return {trace.name: trace for trace in fig.data}


def _colours(fig: go.Figure) -> set[str]:
    out = set()
    for trace in fig.data:
        marker = getattr(trace, "marker", None)
        if marker is not None and isinstance(marker.color, str):
            out.add(marker.color)
        line = getattr(trace, "line", None)
        if line is not None and isinstance(getattr(line, "color", None), str):
            out.add(line.color)
    return out


# --- palette and shared behaviour ----------------------------------------------------------


def test_palette_is_okabe_ito():
    # Okabe and Ito (2008): the eight colours of the colour-universal-design palette.
    assert set(PALETTE) == {
        "#0072B2",
        "#E69F00",
        "#009E73",
        "#CC79A7",
        "#56B4E9",
        "#D55E00",
        "#F0E442",
        "#000000",
    }
    assert len(set(PATTERNS)) == len(PATTERNS) == len(PALETTE)


def _every_chart() -> list[go.Figure]:
    comparison = compare_offers(OFFER_A, OFFER_B, weights={"base": 3, "holiday": 2}, years=2)
    assert comparison.scores is not None
    bands = salary_bands(current_salary=28_000, going_rate=30_000, target=30_000)
    return [
        offer_components_chart(comparison),
        cumulative_value_chart(comparison),
        score_chart(comparison.scores),
        leaving_value_chart([OFFER_A, OFFER_B], months=range(0, 25)),
        bands_chart(bands, offers={"A": 50_000}),
        percentile_chart({10: 30_000, 50: 40_000, 90: 60_000}, {"You": 35_000}),
        timeline_chart(follow_up_plan(dt.date(2025, 6, 12))),
        take_home_waterfall(take_home(50_000, "GB", 2025)),
        place_adjustment_chart(comparison),
    ]


def test_every_chart_has_title_alt_text_and_palette_colours():
    for fig in _every_chart():
        assert isinstance(fig, go.Figure)
        assert fig.layout.title.text
        alt = chart_alt_text(fig)
        assert len(alt) > 30
        assert alt.endswith(".")
        assert _colours(fig) <= set(PALETTE) | {"#333", "#555", "#999"}


def test_money_axes_use_the_currency_symbol_and_whole_units():
    for fig in _every_chart():
        prefixes = {fig.layout.xaxis.tickprefix, fig.layout.yaxis.tickprefix} - {None}
        if prefixes:
            assert prefixes == {"£"} or prefixes == {"$"}
            axis = fig.layout.yaxis if fig.layout.yaxis.tickprefix else fig.layout.xaxis
            assert axis.tickformat == ",.0f"


def test_chart_alt_text_of_other_figures():
    assert chart_alt_text(go.Figure()) == ""
    with pytest.raises(InputError, match="fig"):
        chart_alt_text({"data": []})  # type: ignore[arg-type]


def test_component_labels():
    assert component_label("base") == "Base salary"
    assert component_label("custom: cycle scheme") == "Cycle scheme"
    assert component_label("factor:growth") == "Growth (rating)"
    assert component_label("mystery_perk") == "Mystery perk"
    with pytest.raises(InputError):
        component_label(3)  # type: ignore[arg-type]


# --- 1. year one by component --------------------------------------------------------------


def test_offer_components_chart_stacks_year_one_components():
    fig = offer_components_chart(compare_offers(OFFER_A, OFFER_B, years=1))
    bars = _by_name(fig)
    assert fig.layout.barmode == "stack"
    # Base as given; bonus 10% x 50,000 = 5,000 for A only; holiday 6,000 for B only.
    assert list(bars["Base salary"].y) == pytest.approx([50_000, 52_000])
    assert list(bars["Bonus"].y) == pytest.approx([5_000, 0])
    assert list(bars["Holiday"].y) == pytest.approx([0, 6_000])
    assert list(bars["Base salary"].x) == ["A", "B"]
    # Components that are zero for both offers (pension, gym, ...) are not drawn.
    assert set(bars) == {"Base salary", "Bonus", "Holiday"}
    # Patterns as well as colours tell the parts apart.
    assert len({t.marker.pattern.shape for t in fig.data}) == 3
    alt = chart_alt_text(fig)
    # Year-one totals: A 55,000; B 58,000.
    assert "A £55,000" in alt
    assert "B £58,000" in alt
    assert "holiday £6,000" in alt
    assert "£5,000" in bars["Bonus"].customdata[0]


def test_offer_components_chart_rejects_other_things():
    with pytest.raises(InputError, match="comparison"):
        offer_components_chart([OFFER_A, OFFER_B])  # type: ignore[arg-type]


@given(
    st.floats(1_000, 500_000),
    st.floats(1_000, 500_000),
    st.floats(0, 0.5),
)
def test_stacks_add_up_to_year_one(base_a, base_b, bonus):
    comparison = compare_offers(
        Offer("A", base_a, bonus=Bonus(bonus)), Offer("B", base_b, holiday_days=25), years=1
    )
    fig = offer_components_chart(comparison)
    for index, totals in enumerate(comparison.totals):
        assert sum(trace.y[index] for trace in fig.data) == pytest.approx(totals.year_one)


# --- 2. bands ------------------------------------------------------------------------------


def test_bands_chart_levels_range_and_offers():
    # current 28,000 at the same hours -> bottom line 28,000; going rate 30,000; top salary
    # 30,000 x 1.20 (intermediate) = 36,000; target 30,000 as given. Counter-range (DOMAIN 2):
    # low = max(30,000, 28,000, min(33,000, 36,000)) = 33,000; high = min(36,000, 36,000).
    bands = salary_bands(current_salary=28_000, going_rate=30_000, target=30_000)
    counter = counter_range(
        target=bands.target, bottom_line=bands.bottom_line, top_salary=bands.top_salary
    )
    fig = bands_chart(bands, counter, {"Acme": 31_500, "Beta": 29_000}, currency="GBP")
    levels = fig.data[0]
    assert list(levels.text) == ["Bottom line", "Going rate", "Target", "Top salary"]
    assert list(levels.x) == pytest.approx([28_000, 30_000, 30_000, 36_000])
    assert [t.name for t in fig.data[1:]] == ["Range to quote", "Acme", "Beta"]
    assert [t.x[0] for t in fig.data[2:]] == pytest.approx([31_500, 29_000])
    band = fig.layout.shapes[0]
    assert (band.x0, band.x1) == (33_000, 36_000)
    # one row per figure, named with its amount on the axis (first row at the top)
    assert list(fig.layout.yaxis.ticktext) == [
        "Bottom line<br>£28,000",
        "Going rate<br>£30,000",
        "Target<br>£30,000",
        "Top salary<br>£36,000",
        "Range to quote<br>£33,000 to £36,000",
        "Acme<br>£31,500",
        "Beta<br>£29,000",
    ]
    assert list(fig.layout.yaxis.categoryarray)[-1] == "level 0"
    assert fig.layout.yaxis.automargin
    assert fig.layout.xaxis.tickprefix == "£"
    alt = chart_alt_text(fig)
    for text in (
        "bottom line £28,000",
        "going rate £30,000",
        "top salary £36,000",
        "range to quote £33,000 to £36,000",
        "Acme £31,500",
        "Beta £29,000",
    ):
        assert text in alt


def test_bands_chart_draws_the_range_the_headline_quotes():
    # Accountants, national (BLS OEWS May 2025), intermediate: going rate P50 83,680, top P75
    # 109,810, target (83,680 + 109,810) / 2 = 96,745. Range: low = min(96,745 x 1.10, top)
    # = 106,419.50, high = min(96,745 x 1.20, 109,810) = 109,810; the headline quotes them to
    # the nearest 250: 106,500 (up) and 109,750 (down, to stay within the top salary).
    bands = salary_bands(
        current_salary=60_000,
        percentiles={10: 56_020, 25: 67_020, 50: 83_680, 75: 109_810, 90: 144_090},
    )
    counter = counter_range(
        target=bands.target, bottom_line=bands.bottom_line, top_salary=bands.top_salary
    )
    assert (counter.low, counter.high) == pytest.approx((106_419.5, 109_810))
    fig = bands_chart(bands, counter, currency="USD")
    quoted = fig.data[1]
    assert list(quoted.x) == [106_500, 109_750]
    assert (fig.layout.shapes[0].x0, fig.layout.shapes[0].x1) == (106_500, 109_750)
    assert "Range to quote<br>$106,500 to $109,750" in fig.layout.yaxis.ticktext
    assert "range to quote $106,500 to $109,750" in chart_alt_text(fig)


def test_bands_chart_offer_names_are_cut_and_escaped_on_the_axis():
    bands = salary_bands(current_salary=28_000, going_rate=30_000)
    long = "<b>Globex</b> & a very long company name indeed"
    fig = bands_chart(bands, offers={long: 31_000})
    label = fig.layout.yaxis.ticktext[-1]
    assert label.startswith("&lt;b&gt;Globex&lt;/b&gt; &amp;")
    assert "\u2026<br>£31,000" in label
    assert "<b>" not in label


def test_bands_chart_without_counter_or_offers_and_in_dollars():
    bands = salary_bands(current_salary=60_000, going_rate=70_000)
    fig = bands_chart(bands, currency="usd")
    assert len(fig.data) == 1
    assert not fig.layout.shapes
    assert fig.layout.xaxis.tickprefix == "$"
    assert "range to quote" not in chart_alt_text(fig)


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"offers": {"A": -1}}, "offers.A"),
        ({"offers": {"A": float("nan")}}, "offers.A"),
        ({"offers": [("A", 1)]}, "offers"),
        ({"currency": "XYZ"}, "currency"),
        ({"currency": 5}, "currency"),
        ({"counter": "33k"}, "counter"),
    ],
)
def test_bands_chart_bad_input(kwargs, field):
    bands = salary_bands(current_salary=28_000, going_rate=30_000)
    with pytest.raises(InputError) as err:
        bands_chart(bands, **kwargs)
    assert err.value.field == field


def test_bands_chart_needs_bands():
    with pytest.raises(InputError, match="bands"):
        bands_chart({"bottom_line": 1})  # type: ignore[arg-type]


# --- 3. weighted score ---------------------------------------------------------------------


def test_score_chart_contributions_add_up_to_the_score():
    # Weights base 1, bonus 1 (DOMAIN 4). Base: A 50,000 / 60,000 = 0.8333, B 1. Bonus: A
    # 5,000 is the best -> 1, B 0. Contribution = 100 x weight x scaled / 2:
    # A: base 41.67 + bonus 50 = 91.67; B: base 50 + bonus 0 = 50.
    scores = score_packages(
        [Offer("A", 50_000, bonus=Bonus(0.1)), Offer("B", 60_000)], {"base": 1, "bonus": 1}
    )
    fig = score_chart(scores)
    bars = _by_name(fig)
    assert list(bars["Base salary"].x) == pytest.approx([41.6667, 50.0], abs=1e-3)
    assert list(bars["Bonus"].x) == pytest.approx([50.0, 0.0])
    assert list(bars["Bonus"].y) == ["A", "B"]
    assert bars["Bonus"].orientation == "h"
    assert fig.layout.xaxis.range == (0, 100)
    alt = chart_alt_text(fig)
    assert "A 92 of 100" in alt
    assert "B 50 of 100" in alt
    assert "£" not in alt  # a score is not money


def test_score_chart_with_all_weights_zero():
    scores = score_packages([OFFER_A, OFFER_B], {"base": 0})
    fig = score_chart(scores)
    assert len(fig.data) == 0
    assert "All weights are zero" in chart_alt_text(fig)


def test_score_chart_needs_scores():
    with pytest.raises(InputError, match="scores"):
        score_chart({"A": 50})  # type: ignore[arg-type]


# --- 4. cumulative value -------------------------------------------------------------------


def test_cumulative_value_chart_runs_a_total_per_offer():
    # A: 50,000 rising 2% a year -> 50,000, 51,000, 52,020; running 50,000, 101,000, 153,020.
    # B: 40,000 flat -> 40,000, 80,000, 120,000. Gap 33,020.
    comparison = compare_offers(Offer("A", 50_000, raise_rate=0.02), Offer("B", 40_000), years=3)
    fig = cumulative_value_chart(comparison)
    assert list(fig.data[0].x) == [1, 2, 3]
    assert list(fig.data[0].y) == pytest.approx([50_000, 101_000, 153_020])
    assert list(fig.data[1].y) == pytest.approx([40_000, 80_000, 120_000])
    assert fig.data[0].line.dash != fig.data[1].line.dash
    assert fig.data[0].marker.symbol != fig.data[1].marker.symbol
    alt = chart_alt_text(fig)
    assert "A £153,020" in alt
    assert "B £120,000" in alt
    assert "leads by £33,020" in alt


# --- 5. leaving early ----------------------------------------------------------------------


def test_leaving_value_chart_values_by_month():
    # 48,000 a year = 4,000 a month; sign-on 5,000 repayable if leaving before month 12.
    # Month 0: 0. Month 6: 24,000 (sign-on repaid). Month 11: 44,000. Month 12: 48,000 + 5,000.
    offer = Offer("A", 48_000, sign_on=SignOn(5_000, 12))
    flat = Offer("B", 36_000)  # 3,000 a month: 0, 18,000, 33,000, 36,000
    fig = leaving_value_chart([offer, flat], months=[0, 6, 11, 12], marker=11)
    assert list(fig.data[0].x) == [0, 6, 11, 12]
    assert list(fig.data[0].y) == pytest.approx([0, 24_000, 44_000, 53_000])
    assert list(fig.data[1].y) == pytest.approx([0, 18_000, 33_000, 36_000])
    assert fig.layout.shapes[0].x0 == 11
    alt = chart_alt_text(fig)
    assert "month 11" in alt
    assert "A £44,000" in alt
    assert "B £33,000" in alt


def test_leaving_value_chart_default_months_and_single_offer():
    fig = leaving_value_chart([Offer("Only", 12_000)])
    assert list(fig.data[0].x) == list(range(49))
    # 12,000 a year is 1,000 a month: 48,000 after 48 months.
    assert fig.data[0].y[-1] == pytest.approx(48_000)
    assert "month 48" in chart_alt_text(fig)
    assert "£48,000" in chart_alt_text(fig)


def test_leaving_value_chart_with_no_months():
    fig = leaving_value_chart([OFFER_A], months=[])
    assert list(fig.data[0].y) == []
    assert "no months" in chart_alt_text(fig)


@pytest.mark.parametrize(
    ("offers", "kwargs", "field"),
    [
        ([], {}, "offers"),
        (OFFER_A, {}, "offers"),
        ([OFFER_A, "B"], {}, "offers"),
        ([OFFER_A, Offer("B", 40_000, currency="USD")], {}, "currency"),
        ([OFFER_A], {"months": "12"}, "months"),
        ([OFFER_A], {"months": [-1]}, "month"),
        ([OFFER_A], {"months": [1.5]}, "month"),
        ([OFFER_A], {"marker": True}, "marker"),
        ([OFFER_A], {"marker": 999}, "month"),
    ],
)
def test_leaving_value_chart_bad_input(offers, kwargs, field):
    with pytest.raises(InputError) as err:
        leaving_value_chart(offers, **kwargs)
    assert err.value.field == field


@given(st.floats(1_000, 300_000), st.floats(0, 50_000), st.integers(0, 24))
def test_leaving_value_never_falls_with_time(base, sign_on, repay):
    fig = leaving_value_chart([Offer("A", base, sign_on=SignOn(sign_on, repay))])
    ys = list(fig.data[0].y)
    assert all(later >= earlier - 1e-6 for earlier, later in itertools.pairwise(ys))


# --- 6. market percentiles -----------------------------------------------------------------

PERCENTILES = {10: 40_000, 25: 48_000, 50: 60_000, 75: 75_000, 90: 90_000}


def test_percentile_chart_bars_marks_and_credit():
    fig = percentile_chart(
        dict(reversed(PERCENTILES.items())),
        {"You now": 55_000, "Target": 66_000},
        currency="USD",
        credit="Source: BLS OEWS, May 2024.",
    )
    assert list(fig.data[0].x) == ["P10", "P25", "P50", "P75", "P90"]  # sorted
    assert list(fig.data[0].y) == pytest.approx([40_000, 48_000, 60_000, 75_000, 90_000])
    assert [shape.y0 for shape in fig.layout.shapes] == [55_000, 66_000]
    notes = [a.text for a in fig.layout.annotations]
    assert "You now: $55,000" in notes
    assert "Target: $66,000" in notes
    assert "Source: BLS OEWS, May 2024." in notes
    assert fig.layout.yaxis.tickprefix == "$"
    alt = chart_alt_text(fig)
    assert "P10 $40,000" in alt
    assert "P90 $90,000" in alt
    assert "You now $55,000" in alt
    # Marks differ in dash too, not only colour.
    assert fig.layout.shapes[0].line.dash != fig.layout.shapes[1].line.dash


def test_percentile_chart_marks_the_percentiles_the_levels_use():
    # Software Developers, national (BLS OEWS May 2025), a beginner with no current pay and no
    # minimum: bottom line P10 82,460 (market default); going rate P17 = 82,460 + 7/15 x
    # (105,210 - 82,460) = 93,076.67 (DOL Level I); top salary P50 135,980 (DOL Level III)
    market = {10: 82_460, 25: 105_210, 50: 135_980, 75: 171_980, 90: 214_670}
    bands = salary_bands(percentiles=market, expertise="beginner")
    fig = percentile_chart(market, currency="USD", bands=bands)
    used = fig.data[1]
    assert list(used.x) == ["P10", "P17", "P50"]
    assert list(used.y) == pytest.approx([82_460, 93_076.67, 135_980], abs=0.01)
    assert used.name == "Used for your levels (beginner)"
    assert list(used.text)[1] == "Going rate, P17: DOL Level I, entry"
    assert list(fig.layout.xaxis.categoryarray) == ["P10", "P17", "P25", "P50", "P75", "P90"]
    assert list(fig.layout.xaxis.ticktext)[:3] == ["<b>P10</b>", "<b>P17</b>", "P25"]
    assert list(used.texttemplate) == ["bottom<br>line", "going<br>rate", "top<br>salary"]
    alt = chart_alt_text(fig)
    assert "going rate $93,077 (P17: DOL Level I, entry)" in alt
    assert "top salary $135,980 (P50: DOL Level III, experienced)" in alt
    # without bands (or levels read from elsewhere) only the market is drawn
    typed = salary_bands(going_rate=100_000)
    assert len(percentile_chart(market, currency="USD", bands=typed).data) == 1
    with pytest.raises(InputError) as err:
        percentile_chart(market, bands={"going_rate": 1})  # type: ignore[arg-type]
    assert err.value.field == "bands"


def test_percentile_chart_leaves_out_unpublished_values():
    fig = percentile_chart({10: 40_000, 50: 60_000, 90: None})
    assert list(fig.data[0].x) == ["P10", "P50"]
    assert "not published: P90" in chart_alt_text(fig)
    assert not fig.layout.shapes


@pytest.mark.parametrize(
    ("percentiles", "markers", "field"),
    [
        ({}, None, "percentiles"),
        ([(10, 1)], None, "percentiles"),
        ({0: 1_000}, None, "percentiles"),
        ({100: 1_000}, None, "percentiles"),
        ({True: 1_000}, None, "percentiles"),
        ({"50": 1_000}, None, "percentiles"),
        ({50: -1}, None, "percentiles.P50"),
        ({50: float("inf")}, None, "percentiles.P50"),
        ({50: 1_000}, {"You": "lots"}, "markers.You"),
    ],
)
def test_percentile_chart_bad_input(percentiles, markers, field):
    with pytest.raises(InputError) as err:
        percentile_chart(percentiles, markers)
    assert err.value.field == field


# --- 7. follow-up timeline -----------------------------------------------------------------


def test_timeline_chart_one_plan_one_row_markers_on_the_plan_dates():
    # Interview Thursday 12 June 2025 (DOMAIN 7): thank-you and references the same day; no
    # decision date, so the status check 7 days later (Thu 19), then check-ins every 7 days
    # (26 June, 3 July) and moving on on 10 July.
    plan = follow_up_plan(dt.date(2025, 6, 12))
    fig = timeline_chart(plan)
    kinds = {t.name: [x.date() for x in t.x] for t in fig.data}
    assert kinds["References"] == [dt.date(2025, 6, 12)]
    assert kinds["Thank you"] == [dt.date(2025, 6, 12)]
    assert kinds["Status check"] == [dt.date(2025, 6, 19)]
    assert kinds["Check in"] == [dt.date(2025, 6, 26), dt.date(2025, 7, 3)]
    assert sum(len(dates) for dates in kinds.values()) == len(plan.actions)
    assert {y for t in fig.data for y in t.y} == {"Interview on Thu 12 Jun 2025"}
    assert len({t.marker.symbol for t in fig.data}) == len(fig.data)
    alt = chart_alt_text(fig)
    assert f"{len(plan.actions)} steps" in alt
    assert "Thu 12 Jun 2025 Send a thank-you note" in alt
    assert not fig.layout.shapes  # no today line unless asked


def test_timeline_chart_a_row_per_application_decision_dates_and_today():
    # Acme: Thu 12 Jun 2025, decision Mon 16 (status check Tue 17); Globex: Fri 13, no date.
    acme = follow_up_plan(dt.date(2025, 6, 12), dt.date(2025, 6, 16), company="Acme <b>Ltd</b>")
    globex = follow_up_plan(dt.date(2025, 6, 13), company="Globex")
    fig = timeline_chart([acme, globex], today=dt.date(2025, 6, 17))
    rows = [y for t in fig.data if t.name != "Decision promised" for y in t.y]
    assert sorted(set(rows)) == ["Acme &lt;b&gt;Ltd&lt;/b&gt;", "Globex"]  # user text escaped
    assert len(rows) == len(acme.actions) + len(globex.actions)
    (decision,) = [t for t in fig.data if t.name == "Decision promised"]
    assert [x.date() for x in decision.x] == [dt.date(2025, 6, 16)]  # Globex gave no date
    (line,) = fig.layout.shapes
    assert line.x0 == line.x1 == dt.datetime(2025, 6, 17)
    assert "Today, Tue 17 Jun" in fig.layout.annotations[0].text
    alt = chart_alt_text(fig)
    assert "2 applications" in alt
    assert "Decision promised by Mon 16 Jun 2025" in alt
    assert alt.endswith("Today is Tue 17 Jun 2025.")


def test_timeline_chart_fades_done_steps_and_numbers_twin_rows():
    log = ContactLog((LogEntry(dt.date(2025, 6, 12), kind="thank_you"),))
    first = follow_up_plan(dt.date(2025, 6, 12), company="Acme", log=log)
    second = follow_up_plan(dt.date(2025, 6, 20), company="Acme")
    fig = timeline_chart([first, second])
    thanks = next(t for t in fig.data if t.name == "Thank you")
    assert list(thanks.y) == ["Acme", "Acme (2)"]
    assert list(thanks.marker.opacity) == [0.35, 1.0]
    assert thanks.text[0].endswith("(done)")


def test_timeline_chart_with_an_empty_plan_and_no_plans():
    plan = FollowUpPlan(interview_date=dt.date(2025, 6, 12), decision_date=None, actions=())
    fig = timeline_chart(plan)
    assert len(fig.data) == 0
    assert "nothing left to do" in chart_alt_text(fig)
    assert "No applications" in chart_alt_text(timeline_chart([]))


def test_timeline_chart_needs_plans():
    with pytest.raises(InputError, match="plan"):
        timeline_chart(["not a plan"])  # type: ignore[list-item]
    with pytest.raises(InputError, match="today"):
        timeline_chart([], today="2025-06-12")  # type: ignore[arg-type]


# --- 8. take-home waterfall ----------------------------------------------------------------


def test_take_home_waterfall_from_gross_to_net():
    # England 2025/26 on 50,000: income tax 20% x (50,000 - 12,570) = 7,486; employee NI
    # 8% x (50,000 - 12,570) = 2,994.40; net 50,000 - 7,486 - 2,994.40 = 39,519.60.
    fig = take_home_waterfall(take_home(50_000, "GB", 2025))
    bars = fig.data[0]
    assert list(bars.x) == ["Gross pay", "Income tax", "Social contributions", "Net pay"]
    assert list(bars.y) == pytest.approx([50_000, -7_486, -2_994.40, 39_519.60])
    assert list(bars.measure) == ["absolute", "relative", "relative", "total"]
    alt = chart_alt_text(fig)
    for text in ("£50,000 gross", "income tax £7,486", "£2,994", "£39,520 net", "£3,293 a month"):
        assert text in alt  # 39,519.60 / 12 = 3,293.30 a month


def test_take_home_waterfall_with_no_deductions_and_in_dollars():
    # 10,000 is under the personal allowance and the NI threshold: nothing is taken off.
    fig = take_home_waterfall(take_home(10_000, "GB", 2025), currency="USD")
    assert list(fig.data[0].x) == ["Gross pay", "Net pay"]
    assert "less nothing" in chart_alt_text(fig)
    assert fig.layout.yaxis.tickprefix == "$"


def test_take_home_waterfall_bad_input():
    with pytest.raises(InputError, match="take_home"):
        take_home_waterfall(50_000)  # type: ignore[arg-type]
    with pytest.raises(InputError, match="currency"):
        take_home_waterfall(take_home(50_000, "GB", 2025), currency="pounds")


# --- 9. cost of living ---------------------------------------------------------------------


def test_place_adjustment_chart_as_paid_and_same_money():
    # BEA RPP 2024: California 110.72, Texas 97.057. Restated in Texas prices:
    # 120,000 x 97.057 / 110.72 = 105,192 (to the unit); Texas stays 100,000.
    comparison = compare_offers(
        Offer("CA", 120_000, currency="USD", place=Place.state("CA")),
        Offer("TX", 100_000, currency="USD", place=Place.state("TX")),
        view="same_money",
        home_place=Place.state("TX"),
        years=1,
    )
    fig = place_adjustment_chart(comparison)
    paid, same = fig.data
    assert paid.name == "As paid"
    assert list(paid.y) == pytest.approx([120_000, 100_000])
    assert list(same.y) == pytest.approx([105_192, 100_000], abs=0.5)
    assert same.marker.pattern.shape == "/"
    alt = chart_alt_text(fig)
    assert "CA $120,000 as paid, $105,192 in the same money" in alt
    assert "Texas" in alt


def test_place_adjustment_chart_nominal_view_has_equal_bars():
    fig = place_adjustment_chart(compare_offers(OFFER_A, OFFER_B, years=1))
    assert list(fig.data[0].y) == pytest.approx(list(fig.data[1].y))
    assert "no home place chosen" in fig.data[1].name


# --- hostile shapes of the core results ----------------------------------------------------


def test_single_offer_and_zero_value_comparisons_do_not_crash():
    comparison = compare_offers(OFFER_A, OFFER_B, years=2)
    single = dataclasses.replace(comparison, totals=comparison.totals[:1])
    for builder in (offer_components_chart, cumulative_value_chart, place_adjustment_chart):
        fig = builder(single)
        assert "A" in chart_alt_text(fig)
    zero_rows = tuple({key: 0.0 for key in row} for row in comparison.totals[0].rows)
    zero = dataclasses.replace(
        comparison,
        totals=(dataclasses.replace(comparison.totals[0], rows=zero_rows), comparison.totals[1]),
    )
    fig = offer_components_chart(zero)
    assert "A £0" in chart_alt_text(fig)
    empty = dataclasses.replace(comparison, totals=())
    with pytest.raises(InputError, match="no offers"):
        cumulative_value_chart(empty)


def test_no_streamlit_and_charts_only_load_plotly():
    code = (
        "import sys, calculator; assert 'plotly' not in sys.modules; "
        "import calculator.charts, calculator.report; "
        "assert 'streamlit' not in sys.modules; print('ok')"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert done.stdout.strip() == "ok", done.stderr
    for name in ("charts.py", "report.py"):
        assert "streamlit" not in (REPO / "calculator" / name).read_text()
