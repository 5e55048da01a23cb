"""AppTest: the app shell (state, scenario load/save) and the Your numbers page."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from calculator.scenario import (
    FIELDS,
    autosave_path,
    dump_scenario,
    example_scenario,
    load_scenario,
)

APP = str(Path(__file__).resolve().parent.parent / "app.py")
HOSTILE = (0.0, -1.0, 1e12, None)


@pytest.fixture
def app(monkeypatch, tmp_path):
    monkeypatch.setenv("OFFER_COMPASS_HOME", str(tmp_path))
    return AppTest.from_file(APP, default_timeout=60)


def _texts(at: AppTest, kind: str) -> list[str]:
    kinds = ("error", "warning", "info", "success") if kind == "alert" else (kind,)
    return [str(e.value) for k in kinds for e in getattr(at, k)]


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
    assert app.session_state["offer_a.base_salary"] == 68000.0
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
    # DOMAIN.md 1: top salary (intermediate, only a going rate) = 30,000 x 1.20 = 36,000;
    # target = midpoint(30,000, 36,000) = 33,000.
    assert _metric(app, "Top salary") == "£36,000"
    assert _metric(app, "Your target") == "£33,000"
    # DOMAIN.md 2: low = max(33,000, 30,000, min(36,300, 36,000)) = 36,000 = high.
    assert _metric(app, "If pressed for a figure") == "£36,000"


def test_bad_value_shows_message_under_the_field(app):
    app.run()
    app.number_input(key="numbers.current_salary").set_value(30000).run()
    app.radio(key="numbers.market_source").set_value("typed").run()
    app.number_input(key="numbers.going_rate").set_value(30000).run()
    app.number_input(key="numbers.uplift_pct").set_value(150).run()
    assert not app.exception
    errors = _texts(app, "error")
    assert any("Extra for more responsibility" in e and "100%" in e for e in errors)


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


def test_values_survive_a_page_switch_and_a_new_session(app, tmp_path):
    app.run()
    app.number_input(key="numbers.current_salary").set_value(41234).run()
    app.switch_page("app_pages/about.py").run()
    app.switch_page("app_pages/numbers.py").run()
    assert app.number_input(key="numbers.current_salary").value == 41234
    # A browser refresh is a new session: it reads the autosave file.
    saved = load_scenario(autosave_path().read_bytes())
    assert saved.values["numbers.current_salary"] == 41234.0
    fresh = AppTest.from_file(APP, default_timeout=60).run()
    assert fresh.number_input(key="numbers.current_salary").value == 41234


def test_download_then_upload_restores_every_field(app):
    """The load callback with the downloaded bytes (AppTest cannot drive a file upload)."""
    app.run()
    app.button(key="_oc_example").click().run()
    downloaded = dump_scenario(example_scenario()).encode()
    app.button(key="_oc_reset").click().run()
    assert app.session_state["offer_a.base_salary"] is None
    from app_pages import _state

    message = _state.load_uploaded_bytes(downloaded, app.session_state)
    assert message is None
    app.run()
    example = example_scenario()
    for key in FIELDS:
        assert app.session_state[key] == example.values[key], key
    assert not app.exception


def test_bad_upload_changes_nothing(app):
    app.run()
    app.button(key="_oc_example").click().run()
    from app_pages import _state

    for raw in (
        b"{not json",
        json.dumps({"schema": "offer-compass/scenario", "version": 99}).encode(),
        json.dumps(
            {"schema": "offer-compass/scenario", "version": 1, "offer_a": {"base_salary": "x"}}
        ).encode(),
        b" " * (300 * 1024),
    ):
        message = _state.load_uploaded_bytes(raw, app.session_state)
        assert message is not None
        assert "nothing was changed" in message
        app.run()
        assert app.session_state["offer_a.base_salary"] == 68000.0
        assert app.session_state["offer_b.name"] == "Manchester scale-up"


def test_damaged_autosave_starts_blank_and_keeps_the_old_file(app, tmp_path):
    autosave_path().write_text('{"schema": "offer-compass/scenario", "version": 1, "numb')
    app.run()
    assert not app.exception
    assert any("could not be read" in e for e in _texts(app, "error"))
    assert (tmp_path / "autosave.unreadable.json").exists()
    assert load_scenario(autosave_path().read_bytes()).values["numbers.current_salary"] is None


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
