"""The translation of the core's figures into ECharts options (app_pages/_echarts.py): what it
draws must be the figure's own numbers and names, and what it cannot draw faithfully is left
to Plotly."""

from __future__ import annotations

import pytest

from app_pages._echarts import echarts_option
from calculator import Bonus, EquityGrant, Offer, charts, compare_offers, score_packages
from calculator.tax import TaxProfile


def _comparison():
    a = Offer(
        "A & <b>Co</b>",
        50_000,
        bonus=Bonus(0.10),
        equity=(EquityGrant("rsu", grant_value=40_000),),  # standard: a quarter a year
    )
    return compare_offers(a, Offer("B", 60_000), years=3)


def test_stacked_components_keep_every_figure_name_and_pattern():
    figure = charts.offer_components_chart(_comparison())
    option = echarts_option(figure.to_dict())
    assert option is not None
    # the builder escapes names for Plotly; ECharts shows plain text, so the name is as typed
    assert option["xAxis"]["data"] == ["A & <b>Co</b>", "B"]
    assert option["xAxis"]["type"] == "category"
    assert option["yAxis"]["type"] == "value"
    names = [s["name"] for s in option["series"]]
    assert names == [t.name for t in figure.data]
    for series, trace in zip(option["series"], figure.data, strict=True):
        assert series["type"] == "bar"
        assert series["stack"] == "total"
        assert series["data"] == pytest.approx(list(trace.y))
        assert series["itemStyle"]["color"] == trace.marker.color
        # a hatched Plotly bar is hatched here too; a plain one stays plain
        assert ("decal" in series["itemStyle"]) == bool(trace.marker.pattern.shape)
    # base 50,000 + bonus 5,000 + equity 10,000 a year for A; base only for B
    tops = [sum(s["data"][i] for s in option["series"]) for i in (0, 1)]
    assert tops == pytest.approx([65_000, 60_000])
    assert option["title"]["text"] == "Year one, by component"
    assert option["yAxis"]["axisLabel"]["formatter"] == "£{value}"
    assert option["tooltip"]["valueFormatter"] == "£%,d"
    assert option["animation"] is False


def test_after_tax_components_stack_the_negative_tax_bar():
    comparison = compare_offers(
        Offer("A", 50_000, tax=TaxProfile("GB", 2025)),
        Offer("B", 60_000, tax=TaxProfile("GB", 2025)),
        years=1,
    )
    option = echarts_option(charts.offer_components_chart(comparison, net=True).to_dict())
    assert option is not None
    tax = option["series"][-1]
    assert tax["name"] == "Tax and deductions"
    assert tax["stack"] == "total"
    # each bar ends at year-one take-home: 50,000 gross - 7,486 income tax - 2,994.40 NI
    net = [sum(s["data"][i] for s in option["series"]) for i in (0, 1)]
    assert net[0] == pytest.approx(39_519.60)
    assert net[1] == pytest.approx(comparison.totals[1].net_by_year[0])


def test_cumulative_lines_are_years_against_money():
    figure = charts.cumulative_value_chart(_comparison())
    option = echarts_option(figure.to_dict())
    assert option is not None
    assert option["xAxis"]["type"] == "value"
    assert option["xAxis"]["minInterval"] == 1
    assert option["xAxis"]["name"] == "Year"
    first, second = option["series"]
    assert first["type"] == "line"
    assert first["showSymbol"] is True
    assert [point[0] for point in first["data"]] == [1.0, 2.0, 3.0]
    # B: 60,000 a year, added up
    assert [point[1] for point in second["data"]] == pytest.approx([60_000, 120_000, 180_000])
    assert first["lineStyle"]["type"] != second["lineStyle"]["type"]  # told apart by dash too


def test_score_bars_lie_down_in_the_builders_order():
    scores = score_packages([Offer("A", 50_000), Offer("B", 40_000)], {"base": 1})
    option = echarts_option(charts.score_chart(scores).to_dict())
    assert option is not None
    assert option["yAxis"] == {
        "type": "category",
        "name": "",
        "data": ["A", "B"],
        "inverse": True,  # first offer on top, as Plotly's reversed axis draws it
    }
    assert (option["xAxis"]["min"], option["xAxis"]["max"]) == (0, 100)
    assert option["series"][0]["data"] == pytest.approx([100.0, 80.0])
    assert option["tooltip"]["valueFormatter"] == "%.1f"  # points, not money
    assert "axisLabel" not in option["xAxis"]


@pytest.mark.parametrize(
    "figure",
    [
        # a marker line (shapes) for the month picked
        lambda: charts.leaving_value_chart([Offer("A", 50_000)], range(0, 13), marker=6),
        # a waterfall trace
        lambda: charts.take_home_waterfall(
            TaxProfile("GB", 2025).take_home(50_000), currency="GBP"
        ),
    ],
    ids=["shapes", "waterfall"],
)
def test_what_it_cannot_draw_faithfully_is_left_to_plotly(figure):
    assert echarts_option(figure().to_dict()) is None


def test_lines_on_categories_or_fills_are_left_to_plotly():
    on_words = {"data": [{"type": "scatter", "mode": "lines", "x": ["a", "b"], "y": [1, 2]}]}
    filled = {"data": [{"type": "scatter", "x": [1, 2], "y": [1, 2], "fill": "tonexty"}]}
    mixed = {
        "data": [
            {"type": "bar", "x": ["a"], "y": [1]},
            {"type": "scatter", "mode": "lines", "x": [1], "y": [1]},
        ]
    }
    assert echarts_option(on_words) is None
    assert echarts_option(filled) is None
    assert echarts_option(mixed) is None
    assert echarts_option({"data": []}) is None
