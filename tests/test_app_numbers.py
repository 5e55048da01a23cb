"""AppTest: the Your numbers page (the app layer's state and store: test_app_state.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parent.parent / "app.py")
HOSTILE = (0.0, -1.0, 1e12, None)


@pytest.fixture
def app(monkeypatch, tmp_path):
    monkeypatch.setenv("OFFER_COMPASS_HOME", str(tmp_path))
    return AppTest.from_file(APP, default_timeout=60)


def _texts(at: AppTest, kind: str) -> list[str]:
    """Texts without Markdown escapes, as the page shows them."""
    kinds = ("error", "warning", "info", "success") if kind == "alert" else (kind,)
    return [re.sub(r"\\(.)", r"\1", str(e.value)) for k in kinds for e in getattr(at, k)]


def _metric(at: AppTest, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def test_default_run_has_no_exception_and_asks_for_inputs(app):
    app.run()
    assert not app.exception
    assert any("Enter your current pay" in t for t in _texts(app, "alert"))


def test_example_loads_and_shows_three_levels(app):
    app.run()
    app.button(key="_oc_example").click().run()
    assert not app.exception
    # Bottom line: 52,000 x 37.5/37.5 x 1.05 + 1,200 = 55,800 (above the 54,000 minimum).
    assert _metric(app, "Bottom line") == "£55,800"
    # Going rate: median of 55k, 58k, 60k (5,000 a month), 62k, 65k, 70k, 78k = 62k.
    assert _metric(app, "Going rate") == "£62,000"
    # Top salary (expert, P90 of the 7 figures): position 0.9 x 6 = 5.4, 70k + 0.4 x 8k = 73,200.
    assert _metric(app, "Top salary") == "£73,200"
    # Range: target 64,000 x 1.10 = 70,400 -> 70,500 (step 250); 64,000 x 1.20 = 76,800 capped
    # at 73,200 -> 73,250 would exceed the top, so it rounds down to 73,000.
    assert _metric(app, "If pressed for a figure") == "£70,500 to £73,000"
    # A verdict for each offer entered on the Compare page.
    verdicts = " ".join(_texts(app, "alert"))
    assert "London fintech" in verdicts
    assert "Manchester scale-up" in verdicts
    assert app.get("code"), "the scripts are shown with a copy button"


def test_typing_figures_updates_the_levels(app):
    app.run()
    app.number_input(key="numbers.current_salary").set_value(30000).run()
    app.radio(key="numbers.market_source").set_value("typed").run()
    app.number_input(key="numbers.going_rate").set_value(30000).run()
    assert not app.exception
    # docs/domain.md section 1: top salary (intermediate, only a going rate) = 30,000 x 1.20 = 36,000;
    # target = midpoint(30,000, 36,000) = 33,000.
    assert _metric(app, "Top salary") == "£36,000"
    assert _metric(app, "Your target") == "£33,000"
    # docs/domain.md section 2: low = max(33,000, 30,000, min(36,300, 36,000)) = 36,000 = high.
    assert _metric(app, "If pressed for a figure") == "£36,000"


def test_bad_value_shows_message_under_the_field(app):
    app.run()
    app.number_input(key="numbers.current_salary").set_value(30000).run()
    app.radio(key="numbers.market_source").set_value("typed").run()
    app.number_input(key="numbers.going_rate").set_value(30000).run()
    # the box itself refuses more than 100%: its bounds come from the input model
    assert app.number_input(key="numbers.uplift_pct").max == 100
    app.number_input(key="numbers.new_hours").set_value(90).run()
    assert not app.exception
    warnings = _texts(app, "warning")
    assert any("More than 80 hours a week is very unusual" in w for w in warnings)


def test_a_core_error_lands_under_its_field(app):
    app.run()
    app.radio(key="numbers.market_source").set_value("typed").run()
    app.number_input(key="numbers.going_rate").set_value(30000).run()
    app.number_input(key="numbers.current_salary").set_value(30000).run()
    app.number_input(key="numbers.target").set_value(0).run()
    assert not app.exception
    errors = _texts(app, "error")
    assert "Your target (optional): must be positive, got 0" in errors


def test_hostile_values_in_every_number_input_give_messages_not_exceptions(app):
    app.run()
    app.button(key="_oc_example").click().run()
    keys = [n.key for n in app.number_input]
    assert len(keys) >= 8
    for index, key in enumerate(keys):
        bad = HOSTILE[index % len(HOSTILE)]
        app.number_input(key=key).set_value(bad).run()
        assert not app.exception, (key, bad)
        app.number_input(key=key).set_value(HOSTILE[(index + 1) % len(HOSTILE)]).run()
        assert not app.exception, (key, bad)
    for bad in HOSTILE:
        for key in keys:
            app.number_input(key=key).set_value(bad)
        app.run()
        assert not app.exception, bad


def test_market_search_sets_the_going_rate_from_bls_data(app):
    app.run()
    app.selectbox(key="numbers.currency").set_value("USD").run()
    app.number_input(key="numbers.current_salary").set_value(120_000).run()
    app.radio(key="numbers.market_source").set_value("market").run()
    app.text_input(key="numbers.occupation_query").set_value("sofware develper").run()
    assert not app.exception
    # the best match is chosen by default: Software Developers, national figures
    assert app.selectbox(key="numbers.occupation_code").value == "15-1252"
    assert _metric(app, "Going rate") == "$135,980"  # national median, BLS OEWS May 2025
    app.selectbox(key="numbers.market_state").set_value("Texas").run()
    assert _metric(app, "Going rate") == "$132,150"  # Texas's own median
    assert any("Bureau of Labor Statistics" in t for t in _texts(app, "caption"))
    assert any(chart for chart in app.get("plotly_chart"))


def test_a_graduate_with_only_a_bls_search_gets_three_levels_and_a_range(app):
    app.run()
    app.radio(key="numbers.starting_point").set_value("graduate").run()
    # only what a graduate needs: no current pay, hours or travel; no expertise to pick
    keys = {n.key for n in app.number_input}
    assert "numbers.personal_minimum" in keys
    assert not keys & {"numbers.current_salary", "numbers.new_hours", "numbers.extra_travel_cost"}
    assert "numbers.expertise" not in {s.key for s in app.selectbox}
    app.selectbox(key="numbers.currency").set_value("USD").run()
    app.radio(key="numbers.market_source").set_value("market").run()
    app.text_input(key="numbers.occupation_query").set_value("accountants auditors").run()
    app.selectbox(key="numbers.occupation_code").set_value("13-2011").run()
    assert not app.exception
    # Accountants and Auditors, national (BLS OEWS May 2025), beginner levels (docs/domain.md section 1):
    # bottom line P10 56,020 (market default); going rate P17 = 56,020 + 7/15 x (67,020 -
    # 56,020) = 61,153.33 (DOL Level I); top salary P50 83,680; target 72,416.67.
    assert _metric(app, "Bottom line") == "$56,020"
    assert _metric(app, "Going rate") == "$61,153"
    assert _metric(app, "Top salary") == "$83,680"
    assert _metric(app, "Your target") == "$72,417"
    # Range: 72,416.67 x 1.10 = 79,658.33 -> 79,750; min(x 1.20, 83,680) = 83,680 -> 83,500
    assert _metric(app, "If pressed for a figure") == "$79,750 to $83,500"
    captions = _texts(app, "caption")
    assert any("P17: DOL Level I, entry" in c for c in captions)
    assert any("a market default: set your own minimum" in c for c in captions)
    assert any("market default" in t for t in _texts(app, "info"))
    assert len(app.get("plotly_chart")) == 2  # the levels and the percentiles
    # a minimum replaces the default; the levels above it stay the market's
    app.number_input(key="numbers.personal_minimum").set_value(58_000).run()
    assert _metric(app, "Bottom line") == "$58,000"
    assert not any("market default" in t for t in _texts(app, "info"))


def test_a_returner_picks_their_expertise(app):
    app.run()
    app.radio(key="numbers.starting_point").set_value("returning").run()
    app.radio(key="numbers.market_source").set_value("typed").run()
    app.number_input(key="numbers.going_rate").set_value(40_000).run()
    app.selectbox(key="numbers.expertise").set_value("expert").run()
    assert not app.exception
    # only a going rate: bottom line 40,000 x 1.00, top salary 40,000 x 1.35 = 54,000 (expert)
    assert _metric(app, "Bottom line") == "£40,000"
    assert _metric(app, "Top salary") == "£54,000"
