"""AppTest: the Next steps and About pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parent.parent / "app.py")
HOSTILE = (0.0, -1.0, 1e12, None)


@pytest.fixture
def app(monkeypatch, tmp_path):
    monkeypatch.setenv("OFFER_COMPASS_HOME", str(tmp_path))
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page("app_pages/next_steps.py").run()
    return at


def test_default_run_has_no_exception(app):
    assert not app.exception
    assert app.date_input(key="next_steps.interview_date").value is None


def test_hostile_values_in_every_number_input(app):
    app.button(key="_oc_example").click().run()
    keys = [n.key for n in app.number_input]
    assert len(keys) >= 3
    for index, key in enumerate(keys):
        app.number_input(key=key).set_value(HOSTILE[index % len(HOSTILE)]).run()
        assert not app.exception, key
    for bad in HOSTILE:
        for key in keys:
            app.number_input(key=key).set_value(bad)
        app.run()
        assert not app.exception, bad


def test_decision_before_interview_is_a_message_not_an_exception(app):
    import datetime as dt

    app.date_input(key="next_steps.interview_date").set_value(dt.date(2025, 6, 12)).run()
    app.date_input(key="next_steps.decision_date").set_value(dt.date(2025, 6, 1)).run()
    assert not app.exception


def test_example_renders_the_plan_and_offers_the_ics(app):
    app.button(key="_oc_example").click().run()
    assert not app.exception
    assert any("Your plan" in str(h.value) for h in app.subheader)
    labels = [b.label for b in app.get("download_button")]
    assert any(".ics" in label for label in labels)
    assert app.get("code"), "messages offer a copy button"


def test_about_page_states_privacy_and_where_the_data_is(monkeypatch, tmp_path):
    monkeypatch.setenv("OFFER_COMPASS_HOME", str(tmp_path))
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.switch_page("app_pages/about.py").run()
    assert not at.exception
    text = " ".join(str(m.value) for m in at.markdown)
    assert str(tmp_path / "offer-compass.sqlite3") in text
    assert "Nothing you type leaves" in text
    assert "Bureau of Labor Statistics" in text


def test_counter_offer_message_uses_the_range_and_the_asks(app):
    app.button(key="_oc_example").click().run()
    texts = [str(c.value) for c in app.get("code")]
    counter = next(t for t in texts if "hoping for" in t)
    # the example's range to quote (Your numbers) and an equal-value ask (Compare)
    assert "£70,500 to £73,000" in counter
    assert "raise the base salary to" in counter
