"""The .ics export: parses back with icalendar, one all-day event per action, alarms, UIDs."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from icalendar import Calendar

from calculator.calendar_export import ALARM_TRIGGER, PRODID, action_uid, plan_to_ics
from calculator.errors import InputError
from calculator.followup import ContactLog, LogEntry, follow_up_plan

D = dt.date
STAMP = dt.datetime(2025, 6, 12, 18, 0, tzinfo=dt.UTC)


def events(ics: bytes):
    calendar = Calendar.from_ical(ics)
    return calendar, [c for c in calendar.walk() if c.name == "VEVENT"]


def test_round_trip_thursday_plan():
    # Thu 12 Jun 2025, decision Mon 16: thank-you and references Thu 12 (the thank-you late
    # after Fri 13), checks Tue 17, Tue 24, Tue 1 Jul, move on Tue 8 Jul: 6 events, each with
    # one alarm.
    plan = follow_up_plan(D(2025, 6, 12), D(2025, 6, 16), company="Acme")
    calendar, found = events(plan_to_ics(plan, calendar_name="Acme follow-up", stamp=STAMP))
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"]) == PRODID
    assert str(calendar["X-WR-CALNAME"]) == "Acme follow-up"
    assert len(found) == 6
    assert [e.decoded("DTSTART") for e in found] == [
        D(2025, 6, 12),
        D(2025, 6, 12),
        D(2025, 6, 17),
        D(2025, 6, 24),
        D(2025, 7, 1),
        D(2025, 7, 8),
    ]
    for event, action in zip(found, plan.actions, strict=True):
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        assert type(start) is dt.date  # all-day, not a datetime
        assert end - start == dt.timedelta(days=1)
        assert str(event["SUMMARY"]) == f"Acme: {action.title}"
        assert action.reason in str(event["DESCRIPTION"])
        assert event.decoded("DTSTAMP") == STAMP
        (alarm,) = [c for c in event.walk() if c.name == "VALARM"]
        assert str(alarm["ACTION"]) == "DISPLAY"
        assert alarm.decoded("TRIGGER") == ALARM_TRIGGER == dt.timedelta(hours=9)
    uids = [str(e["UID"]) for e in found]
    assert len(set(uids)) == len(uids)
    assert "Message to use: Thank-you note" in str(found[0]["DESCRIPTION"])
    assert "Late after Fri 13 Jun 2025." in str(found[0]["DESCRIPTION"])
    assert all(uid.startswith("acme-") for uid in uids)


def test_done_actions_have_no_alarm():
    log = ContactLog((LogEntry(D(2025, 6, 12), "email", "sent", kind="thank_you"),))
    plan = follow_up_plan(D(2025, 6, 12), D(2025, 6, 16), log=log)
    _, found = events(plan_to_ics(plan, stamp=STAMP))
    thank_you = next(e for e in found if "thank-you" in str(e["SUMMARY"]))
    assert str(thank_you["SUMMARY"]).startswith("Done: ")
    assert [c for c in thank_you.walk() if c.name == "VALARM"] == []
    assert sum(1 for e in found for c in e.walk() if c.name == "VALARM") == len(found) - 1


def test_uids_are_stable_across_exports_and_date_changes():
    interview = D(2025, 6, 12)
    first = plan_to_ics(follow_up_plan(interview, D(2025, 6, 16)), stamp=STAMP)
    again = plan_to_ics(follow_up_plan(interview, D(2025, 6, 16)), stamp=STAMP)
    assert first == again  # deterministic for a fixed stamp
    later = follow_up_plan(interview, D(2025, 6, 18))  # decision moved: check dates move
    _, before = events(first)
    _, after = events(plan_to_ics(later, stamp=STAMP))
    assert [str(e["UID"]) for e in before] == [str(e["UID"]) for e in after]
    assert before[2].decoded("DTSTART") != after[2].decoded("DTSTART")
    other = follow_up_plan(interview, D(2025, 6, 16), company="Other Ltd")
    assert action_uid(other, other.actions[0]) != str(before[0]["UID"])


def test_year_end_dates_survive_the_round_trip():
    plan = follow_up_plan(D(2025, 12, 31))
    _, found = events(plan_to_ics(plan, stamp=STAMP))
    assert found[0].decoded("DTSTART") == D(2025, 12, 31)  # thank-you the same day
    assert found[1].decoded("DTSTART") == D(2025, 12, 31)  # references: a Wednesday
    assert found[-1].decoded("DTSTART") == D(2026, 1, 28)  # move on


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"calendar_name": ""}, "calendar_name"),
        ({"calendar_name": 5}, "calendar_name"),
        ({"stamp": dt.datetime(2025, 6, 12, 9)}, "stamp"),  # naive
        ({"stamp": "now"}, "stamp"),
    ],
)
def test_bad_options(kwargs, field):
    with pytest.raises(InputError) as err:
        plan_to_ics(follow_up_plan(D(2025, 6, 12)), **kwargs)
    assert err.value.field == field


@pytest.mark.parametrize("plan", [None, "plan", [1, 2]])
def test_not_a_plan(plan):
    with pytest.raises(InputError) as err:
        plan_to_ics(plan)
    assert err.value.field == "plan"


@given(
    interview=st.dates(min_value=D(2000, 1, 1), max_value=D(2100, 12, 31)),
    agency=st.booleans(),
    wait=st.none() | st.integers(min_value=0, max_value=30),
)
def test_every_action_becomes_one_event(interview, agency, wait):
    decision = None if wait is None else interview + dt.timedelta(days=wait)
    plan = follow_up_plan(interview, decision, agency=agency)
    _, found = events(plan_to_ics(plan, stamp=STAMP))
    assert [e.decoded("DTSTART") for e in found] == [a.date for a in plan.actions]
    assert all(len([c for c in e.walk() if c.name == "VALARM"]) == 1 for e in found)
