"""AppTest: the Compare offers page."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parent.parent / "app.py")
PAGE = "app_pages/compare.py"
HOSTILE = (0.0, -1.0, 1e12, None)


@pytest.fixture
def app(monkeypatch, tmp_path):
    monkeypatch.setenv("OFFER_COMPASS_HOME", str(tmp_path))
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page(PAGE).run()
    return at


def _example(at: AppTest) -> AppTest:
    at.button(key="_oc_example").click().run()
    assert not at.exception
    return at


def _specs(at: AppTest) -> list[dict]:
    """Every chart's spec: Plotly figures and ECharts options (bar and line charts on Compare
    are drawn with ECharts, so an edit updates them in place)."""
    charts = [*at.get("plotly_chart"), *at.get("echarts_chart")]
    return [json.loads(chart.proto.spec) for chart in charts]


def _title(spec: dict) -> str:
    """A chart's title, Plotly (``layout.title.text``) or ECharts (``title.text``)."""
    title = spec["layout"]["title"] if "layout" in spec else spec["title"]
    return str(title["text"])


def _metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def _plain(elements) -> list[str]:
    """Element texts without Markdown escapes (as the page shows them)."""
    return [re.sub(r"\\(.)", r"\1", str(e.value)) for e in elements]


def test_default_run_has_no_exception(app):
    assert not app.exception
    assert app.number_input(key="offers.0.base_salary").value is None
    # Both columns show the same fields in the same order.
    keys = [n.key for n in app.number_input]
    a = [k.split(".", 2)[2] for k in keys if k.startswith("offers.0.")]
    b = [k.split(".", 2)[2] for k in keys if k.startswith("offers.1.")]
    assert a == b
    assert len(a) >= 15


def test_example_fills_both_offers(app):
    _example(app)
    assert app.text_input(key="offers.0.name").value == "London fintech"
    assert app.number_input(key="offers.1.base_salary").value == 62000
    assert app.number_input(key="offers.0.bonus_target_pct").value == 10  # shown as a percentage


def test_hostile_values_in_every_number_input(app):
    _example(app)
    keys = [n.key for n in app.number_input]
    for index, key in enumerate(keys):
        app.number_input(key=key).set_value(HOSTILE[index % len(HOSTILE)]).run()
        assert not app.exception, (key, HOSTILE[index % len(HOSTILE)])
    for bad in HOSTILE:
        for key in keys:
            app.number_input(key=key).set_value(bad)
        app.run()
        assert not app.exception, bad


def test_a_zero_salary_shows_a_message_under_the_field_naming_the_offer(app):
    _example(app)
    app.number_input(key="offers.0.base_salary").set_value(0).run()
    assert not app.exception
    # the message is the element right after the Base salary box, in offer A's column
    assert "London fintech, base salary: must be positive, got 0" in _plain(app.error)


def test_a_core_error_under_a_percent_box_speaks_percent(app):
    _example(app)
    # a match rate the model allows (300%) on a pension the core caps elsewhere: the core
    # message names the widget and uses percent, never a fraction
    app.selectbox(key="offers.1.pension_type").set_value("match").run()
    app.number_input(key="offers.1.pension_match_cap_pct").set_value(6).run()
    app.number_input(key="offers.1.pension_employee_pct").set_value(40).run()
    assert not app.exception
    for text in _plain(app.error):
        assert "0." not in text.split(":")[-1], text


def test_an_implausible_hourly_rate_gets_a_did_you_mean(app):
    _example(app)
    app.selectbox(key="offers.0.base_per").set_value("hour").run()
    warnings = _plain(app.warning)
    assert any(
        "£68,000 an hour is £132,600,000 a year. Did you mean £68,000 a year?" in w
        for w in warnings
    )
    app.selectbox(key="offers.0.base_per").set_value("year").run()
    assert not any("Did you mean" in w for w in _plain(app.warning))


def test_number_boxes_carry_the_models_bounds(app):
    from app_pages.models import bounds

    _example(app)
    for box in app.number_input:
        low, high = bounds(box.key)
        assert box.min == low, box.key
        assert box.max == high, box.key
    assert app.number_input(key="offers.0.pension_employee_pct").max == 40


def test_filling_offers_through_widgets_updates_totals_and_charts(app):
    for side, name, base in (("offers.0", "Alpha", 50000), ("offers.1", "Beta", 60000)):
        app.text_input(key=f"{side}.name").set_value(name)
        app.number_input(key=f"{side}.base_salary").set_value(base)
    app.run()
    assert not app.exception
    first = _metrics(app)
    # base pay only, no raise: year one is the salary, four years four times it
    assert {"£50,000", "£60,000", "£200,000", "£240,000"} <= set(first.values())
    specs = json.dumps(_specs(app))
    assert _specs(app), "charts are drawn"
    assert "Alpha" in specs
    assert "Beta" in specs
    app.number_input(key="offers.0.base_salary").set_value(80000).run()
    assert not app.exception
    assert _metrics(app) != first
    assert "80000" in json.dumps(_specs(app)).replace(".0", "")


def test_example_draws_every_chart_and_offers_the_report(app):
    _example(app)
    app.toggle(key="compare.view_net").set_value(True).run()
    app.toggle(key="compare.same_money").set_value(True).run()
    options = app.radio(key="compare.chart").options
    charts = ["components", "cumulative", "score", "leaving", "take_home", "place", "vesting"]
    assert len(options) == len(charts) + 1  # and the year-by-year table
    titles = set()
    for picked in charts:
        app.radio(key="compare.chart").set_value(picked).run()
        assert not app.exception, picked
        specs = _specs(app)
        assert specs, picked
        titles |= {_title(spec) for spec in specs}
    assert len(titles) == 9  # five single charts, two waterfalls, two vesting charts
    labels = [b.label for b in app.get("download_button")]
    assert any("report" in label.lower() for label in labels)


def test_views_are_stated(app):
    _example(app)
    app.toggle(key="compare.view_net").set_value(True).run()
    app.toggle(key="compare.same_money").set_value(True).run()
    assert not app.exception
    text = " ".join(str(c.value) for c in app.caption) + " ".join(
        str(m.value) for m in app.markdown
    )
    assert "net" in text.lower()
    assert "same money" in text.lower() or "cost of living" in text.lower()


def test_taxable_benefits_lower_take_home(app):
    _example(app)
    app.toggle(key="compare.view_net").set_value(True).run()
    before = _metrics(app)
    app.checkbox(key="offers.0.tax_benefits_taxable").set_value(True).run()
    assert not app.exception
    after = _metrics(app)
    # offer A's health care and gym are now taxed as income: its take-home falls, B's does not
    a_key = next(k for k in before if k.endswith("year one") and k.startswith("London"))
    b_key = next(k for k in before if k.endswith("year one") and k.startswith("Manchester"))
    money = lambda text: float(text.replace("£", "").replace(",", ""))  # noqa: E731
    assert money(after[a_key]) < money(before[a_key])
    assert after[b_key] == before[b_key]


def test_a_us_offer_pays_its_places_state_tax(app):
    _example(app)
    app.radio(key="offers.1.tax_country").set_value("US").run()
    app.radio(key="offers.1.place_kind").set_value("us_state").run()
    app.selectbox(key="offers.1.place_state").set_value("Texas").run()
    assert not app.exception
    captions = " ".join(_plain(app.caption))
    assert "State income tax: Texas's own rules." in captions
    # another state picked for the tax; then a flat rate typed instead of any state's rules
    app.selectbox(key="offers.1.tax_state").set_value("Oregon").run()
    assert not app.exception
    assert "State income tax: Oregon's own rules." in " ".join(_plain(app.caption))
    app.number_input(key="offers.1.tax_local_rate_pct").set_value(8.0).run()
    captions = " ".join(_plain(app.caption))
    assert "the flat 8% you entered, instead of any state's rules" in captions
    assert not app.error


def test_take_home_view_is_after_tax_everywhere_and_says_so(app):
    _example(app)
    app.toggle(key="compare.view_net").set_value(True).run()
    assert not app.exception
    text = " ".join(_plain(app.markdown))
    assert "take-home (net) pay after tax" in text
    assert "(each closes the after-tax gap)" in text
    assert [_title(spec) for spec in _specs(app)] == ["Year one after tax, by component"]
    # the report is in the view shown, and its button says so
    reports = [b.label for b in app.get("download_button") if "report" in b.label]
    assert reports == ["Download report (HTML) after tax"]
    app.radio(key="compare.chart").set_value("cumulative").run()
    assert [_title(spec) for spec in _specs(app)] == ["Cumulative value over 4 years after tax"]
    app.radio(key="compare.chart").set_value("leaving").run()
    assert any("This chart is before tax" in c for c in _plain(app.caption))


def test_a_new_york_city_offer_pays_the_city_tax_too(app):
    _example(app)
    app.toggle(key="compare.view_net").set_value(True).run()
    app.radio(key="offers.1.tax_country").set_value("US").run()
    app.radio(key="offers.1.place_kind").set_value("us_state").run()
    app.selectbox(key="offers.1.place_state").set_value("Texas").run()
    assert not app.get("selectbox") or all(
        box.key != "offers.1.tax_locality" for box in app.selectbox
    )  # Texas has no local income tax to pick
    app.selectbox(key="offers.1.place_state").set_value("New York").run()
    locality = app.selectbox(key="offers.1.tax_locality")
    assert set(locality.options) >= {"Not picked", "New York City", "Yonkers"}
    key = next(k for k in _metrics(app) if k.startswith("Manchester") and k.endswith("year one"))
    state_only = _money(_metrics(app)[key])
    locality.set_value("NYC").run()
    assert not app.exception
    with_city = _money(_metrics(app)[key])
    # New York City's resident tax comes off take-home on top of the state's
    assert with_city < state_only
    # a state without local taxes: the city picked before is not carried over, and no message
    app.selectbox(key="offers.1.place_state").set_value("Ohio").run()
    assert not app.exception
    assert not app.error
    assert all(box.key != "offers.1.tax_locality" for box in app.selectbox)


def _money(text: str) -> float:
    return float(text.replace("£", "").replace("$", "").replace(",", ""))
