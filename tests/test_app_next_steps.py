"""AppTest: the Next steps page (Today, applications, timeline and calendar) and About."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from icalendar import Calendar
from streamlit.testing.v1 import AppTest

from app_pages.store import Store
from tests.conftest import texts

APP = str(Path(__file__).resolve().parent.parent / "app.py")
HOSTILE = (0.0, -1.0, 1e12, None)
TODAY = dt.date(2026, 12, 11)  # a Friday
APPS = "next_steps.applications"


def _open(today: dt.date | None = TODAY) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    if today is not None:
        at.session_state["_oc_today"] = today
    at.run()
    at.switch_page("app_pages/next_steps.py").run()
    return at


@pytest.fixture
def app(home):
    return _open()


def _add(at: AppTest, **fields: object) -> int:
    """Add an application and fill its fields through its widgets; returns its index."""
    at.button(key="_oc_add_application").click().run()
    index = at.session_state["next_steps.application_count"] - 1
    for name, value in fields.items():
        key = f"{APPS}.{index}.{name}"
        if isinstance(value, dt.date):
            at.date_input(key=key).set_value(value).run()
        else:
            at.text_input(key=key).set_value(value).run()
        assert not at.exception, name
    return index


def _three(at: AppTest) -> None:
    # Acme: Mon 7 Dec 2026, decision Wed 9 -> thank-you and references overdue, status check
    # Thu 10 overdue; Globex: interview today; Initech: Wed 9, decision Mon 14: its thank-you
    # (by Thu 10) and references (Wed 9) overdue too.
    _add(
        at, company="Acme", interview_date=dt.date(2026, 12, 7), decision_date=dt.date(2026, 12, 9)
    )
    _add(at, company="Globex", interview_date=TODAY)
    _add(
        at,
        company="Initech",
        interview_date=dt.date(2026, 12, 9),
        decision_date=dt.date(2026, 12, 14),
    )


def _due(at: AppTest) -> list[str]:
    """The Today list: "**Employer**: what to do" lines, in page order."""
    return [str(m.value) for m in at.markdown if re.match(r"^\*\*[^*]+\*\*: ", str(m.value))]


def test_default_run_has_no_exception_and_asks_for_an_application(app):
    assert not app.exception
    assert [t.label for t in app.tabs] == ["Today", "Applications", "Timeline and calendar"]
    assert any("Add an application" in t for t in texts(app, "info"))


def test_today_with_three_applications_most_urgent_first(app):
    _three(app)
    assert not app.exception
    due = _due(app)
    # England (pounds, the default settings): no holiday in these days. Most urgent first:
    # Acme references (Mon 7, 4 days late), Acme thank-you (by Tue 8, 3 days), Initech
    # references (Wed 9, 2 days), Acme status check and Initech thank-you (Thu 10, 1 day),
    # Globex references (today) and Globex thank-you (by Sat 12).
    assert [d.split("**")[1] for d in due] == [
        "Acme",
        "Acme",
        "Initech",
        "Acme",
        "Initech",
        "Globex",
        "Globex",
    ]
    assert "Check\\-in 1 of 3" in due[3]
    errors = texts(app, "error")
    assert errors[:5] == [
        "Overdue by 4 days.",
        "Overdue by 3 days.",
        "Overdue by 2 days.",
        "Overdue by 1 day.",
        "Overdue by 1 day.",
    ]
    warnings = texts(app, "warning")
    assert "Due today." in warnings
    assert "Due today (by Saturday 12 December)." in warnings
    labels = [x.label.replace("\\", "") for x in app.expander]
    assert any(label.startswith("Message: Thank-you note") for label in labels)


def test_mark_done_moves_the_plan_on_and_logs_it(app, home):
    _three(app)
    done = [b for b in app.button if b.key and b.key.startswith("_oc_done.0.status_check")]
    done[0].click().run()
    assert not app.exception
    assert not any("Check\\-in 1 of 3" in d for d in _due(app))
    log = app.session_state[f"{APPS}.0.contact_log"]
    assert log[-1]["date"] == TODAY
    assert log[-1]["kind"] == "check_in"
    assert log[-1]["direction"] == "sent"
    with Store.open(home) as store:
        (info,) = store.scenarios()
        stored = store.read(info.id)[f"{APPS}.0.contact_log"].value
    assert stored[-1]["kind"] == "check_in"
    # every due action done: nothing left today, and the next step is named
    while any(b.key and b.key.startswith("_oc_done.") for b in app.button):
        next(b for b in app.button if b.key and b.key.startswith("_oc_done.")).click().run()
    assert "Nothing is due today." in texts(app, "success")
    assert any(c.startswith("Next: ") for c in texts(app, "caption"))


def test_holidays_come_from_the_settings_and_can_be_changed(app):
    # Decision Thu 24 Dec 2026: England -> Tue 29 Dec (Christmas, Boxing Day observed Mon 28).
    _add(
        app,
        company="Acme",
        interview_date=dt.date(2026, 12, 17),
        decision_date=dt.date(2026, 12, 24),
    )
    plan = [str(m.value) for m in app.markdown if str(m.value).startswith("- **")]
    assert any("Tuesday 29 December" in line and "Check" in line for line in plan)
    app.selectbox(key="next_steps.country").set_value("US").run()
    plan = [str(m.value) for m in app.markdown if str(m.value).startswith("- **")]
    assert any("Monday 28 December" in line and "Check" in line for line in plan)
    assert not app.exception


def test_calendar_for_every_application_parses_with_unique_uids(app):
    from calculator.calendar_export import plans_to_ics
    from calculator.followup import follow_up_plan

    _three(app)
    labels = [b.label for b in app.get("download_button")]
    assert "Add every application to your calendar (.ics)" in labels
    # the page's file is plans_to_ics of each application's plan (the browser test downloads
    # it); the same plans from the saved inputs:
    applications = app.session_state["_oc_inputs"].next_steps.applications
    plans = [follow_up_plan(**a.to_core(region=("GB", "ENG")).plan_args) for a in applications]
    events = [c for c in Calendar.from_ical(plans_to_ics(plans)).walk() if c.name == "VEVENT"]
    uids = [str(e["UID"]) for e in events]
    assert len(uids) == len(set(uids)) == sum(len(p.actions) for p in plans)
    assert {str(e["SUMMARY"]).split(":")[0] for e in events} == {"Acme", "Globex", "Initech"}
    assert all(p.key for p in plans)  # each application's id keeps its UIDs stable


def test_stage_offer_shows_its_steps_and_the_linked_offer(app):
    app.button(key="_oc_example").click().run()
    assert not app.exception
    app.selectbox(key="_oc_app_open").set_value(1).run()  # London fintech: offer stage
    plan = [str(m.value) for m in app.markdown if str(m.value).startswith("- **")]
    assert any("Ask for the offer in writing" in line for line in plan)
    assert any("Answer the offer by" in line for line in plan)
    marks = [str(m.value) for m in app.markdown]
    assert "**London fintech**" in marks  # its linked offer, checked against its terms
    assert any("Salary £68,000 meets your minimum of £60,000" in m.replace("\\", "") for m in marks)
    app.selectbox(key=f"{APPS}.1.stage").set_value("rejected").run()
    plan = [str(m.value) for m in app.markdown if str(m.value).startswith("- **")]
    assert any("Reply graciously and ask for feedback" in line for line in plan)
    assert any("Replying to a rejection" in e.label for e in app.expander)


def test_removing_an_application_moves_the_others_up(app):
    _three(app)
    app.selectbox(key="_oc_app_open").set_value(0).run()
    app.button(key="_oc_remove.0").click().run()
    assert not app.exception
    assert app.session_state["next_steps.application_count"] == 2
    assert app.text_input(key=f"{APPS}.0.company").value == "Globex"
    assert _due(app)[0].startswith("**Initech**")
    # a new application starts empty, not with the removed one's leftovers
    _add(app)
    assert app.text_input(key=f"{APPS}.2.company").value == ""


def test_data_saved_before_several_applications_becomes_the_first(home):
    with Store.open(home) as store:
        store.create_scenario(
            "My job search",
            {
                "next_steps.company": "Acme",
                "next_steps.interview_date": "2026-12-07",
                "next_steps.decision_date": "2026-12-09",
                "next_steps.interviewer": "Sam",
                "next_steps.messages.thank_you": "My own thanks",
            },
        )
    at = _open()
    assert not at.exception
    assert at.session_state["_oc_inputs"].next_steps.applications[0].company == "Acme"
    assert at.text_input(key=f"{APPS}.0.company").value == "Acme"
    assert at.text_area(key="_oc_msg.app.0.thank_you").value == "My own thanks"
    assert _due(at)[0].startswith("**Acme**")
    again = _open()  # upgraded once: the same application, not a second one
    assert len(again.session_state["_oc_inputs"].next_steps.applications) == 1


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
    _add(app, interview_date=dt.date(2025, 6, 12), decision_date=dt.date(2025, 6, 1))
    assert not app.exception
    assert any("decision_date" not in e and "on or after" in e for e in texts(app, "error"))


def test_example_renders_the_plan_and_offers_the_ics(app):
    app.button(key="_oc_example").click().run()
    assert not app.exception
    assert any("Its plan" in str(h.value) for h in app.subheader)
    labels = [b.label for b in app.get("download_button")]
    assert sum(".ics" in label for label in labels) == 2  # this application's, and all
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
    app.selectbox(key="_oc_app_open").set_value(1).run()  # the offer stage shows the counter
    texts_ = [str(c.value) for c in app.get("code")]
    counter = next(t for t in texts_ if "hoping for" in t)
    # the example's range to quote (Your numbers) and an equal-value ask (Compare)
    assert "£70,500 to £73,000" in counter
    assert "raise the base salary to" in counter
