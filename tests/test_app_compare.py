"""AppTest: the Compare offers page."""

from __future__ import annotations

import json
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
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def _metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def test_default_run_has_no_exception(app):
    assert not app.exception
    assert app.number_input(key="offer_a.base_salary").value is None
    # Both columns show the same fields in the same order.
    keys = [n.key for n in app.number_input]
    a = [k.split(".", 1)[1] for k in keys if k.startswith("offer_a.")]
    b = [k.split(".", 1)[1] for k in keys if k.startswith("offer_b.")]
    assert a == b
    assert len(a) >= 15


def test_example_fills_both_offers(app):
    _example(app)
    assert app.text_input(key="offer_a.name").value == "London fintech"
    assert app.number_input(key="offer_b.base_salary").value == 62000
    assert app.number_input(key="offer_a.bonus_target_pct").value == 10  # shown as a percentage


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


def test_negative_salary_shows_a_message_next_to_the_field(app):
    _example(app)
    app.number_input(key="offer_a.base_salary").set_value(-5).run()
    assert not app.exception
    assert any("Base salary" in e.value for e in app.error)


def test_filling_offers_through_widgets_updates_totals_and_charts(app):
    for side, name, base in (("offer_a", "Alpha", 50000), ("offer_b", "Beta", 60000)):
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
    app.number_input(key="offer_a.base_salary").set_value(80000).run()
    assert not app.exception
    assert _metrics(app) != first
    assert "80000" in json.dumps(_specs(app)).replace(".0", "")


def test_example_draws_every_chart_and_offers_the_report(app):
    _example(app)
    assert len(_specs(app)) >= 5
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
    app.checkbox(key="offer_a.tax_benefits_taxable").set_value(True).run()
    assert not app.exception
    after = _metrics(app)
    # offer A's health care and gym are now taxed as income: its take-home falls, B's does not
    a_key = next(k for k in before if k.endswith("year one") and k.startswith("London"))
    b_key = next(k for k in before if k.endswith("year one") and k.startswith("Manchester"))
    money = lambda text: float(text.replace("£", "").replace(",", ""))  # noqa: E731
    assert money(after[a_key]) < money(before[a_key])
    assert after[b_key] == before[b_key]
