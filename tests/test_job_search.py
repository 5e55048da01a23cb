"""A job search, not one interview (issue 15): public holidays in the plan, the thank-you within
24 hours, what is due today across applications, the stages after the interview, one calendar.

Every date below was checked against a calendar and the ``holidays`` package's lists (GOV.UK's
bank holidays for England and Scotland; OPM's federal holidays, observed days included).
"""

from __future__ import annotations

import datetime as dt

import pytest
from icalendar import Calendar

from calculator.calendar_export import plans_to_ics
from calculator.errors import InputError
from calculator.followup import (
    ContactLog,
    LogEntry,
    WorkingDays,
    done_entry,
    due_actions,
    follow_up_plan,
    next_working_day,
)

D = dt.date
STAMP = dt.datetime(2026, 12, 11, 9, 0, tzinfo=dt.UTC)


def by_kind(plan, kind):
    return [a for a in plan.actions if a.kind == kind]


def check_dates(plan):
    return [a.date for a in plan.check_ins]


# --- holidays across Christmas and New Year ------------------------------------------------


def test_issue_case_decision_on_christmas_eve_2026_in_england():
    # Decision promised Thu 24 Dec 2026. Next working day: Fri 25 Christmas Day, Sat 26, Sun 27,
    # Mon 28 Boxing Day (observed: the 26th is a Saturday) -> Tue 29 Dec. Then +7 days: Tue 5
    # Jan 2027 and Tue 12 Jan (both working days); move on Tue 19 Jan.
    plan = follow_up_plan(D(2026, 12, 17), D(2026, 12, 24), country="GB", subdivision="ENG")
    assert check_dates(plan) == [D(2026, 12, 29), D(2027, 1, 5), D(2027, 1, 12)]
    assert [a.date for a in by_kind(plan, "move_on")] == [D(2027, 1, 19)]
    skipped = next(n for n in plan.notes if n.startswith("Public holidays skipped"))
    assert "Fri 25 Dec 2026 Christmas Day" in skipped
    assert "Mon 28 Dec 2026 Boxing Day (observed)" in skipped
    assert "Fri 1 Jan 2027 New Year's Day" in skipped
    assert any("in England" in n for n in plan.notes)


def test_without_a_country_the_issue_dates_land_on_christmas_and_new_year():
    # Weekends only (no country chosen): Thu 24 Dec + 1 = Fri 25 Dec, + 7 = Fri 1 Jan 2027:
    # the dates the issue reported, kept only when the user has not chosen a country.
    plan = follow_up_plan(D(2026, 12, 17), D(2026, 12, 24))
    assert check_dates(plan)[:2] == [D(2026, 12, 25), D(2027, 1, 1)]


def test_new_year_in_scotland_and_england_differ():
    # Decision Thu 31 Dec 2026. England: Fri 1 Jan holiday, weekend -> Mon 4 Jan 2027.
    # Scotland: 2 January is a holiday too; it is a Saturday in 2027, so Mon 4 Jan is the
    # substitute -> Tue 5 Jan 2027.
    interview, decision = D(2026, 12, 21), D(2026, 12, 31)
    eng = follow_up_plan(interview, decision, country="GB", subdivision="ENG")
    sct = follow_up_plan(interview, decision, country="GB", subdivision="SCT")
    assert eng.check_ins[0].date == D(2027, 1, 4)
    assert sct.check_ins[0].date == D(2027, 1, 5)
    assert WorkingDays("GB", "SCT").holiday(D(2027, 1, 4)) == "New Year Holiday (observed)"


def test_us_federal_christmas_2026():
    # Decision Thu 24 Dec 2026: Fri 25 Christmas Day, weekend -> Mon 28 Dec; + 7 = Mon 4 Jan
    # 2027 (New Year's Day was the Friday before).
    plan = follow_up_plan(D(2026, 12, 17), D(2026, 12, 24), country="US")
    assert check_dates(plan)[:2] == [D(2026, 12, 28), D(2027, 1, 4)]


def test_observed_days_2027_us_against_england():
    # Christmas 2027 is a Saturday. US federal: observed Fri 24 Dec, and New Year's Day 2028
    # (a Saturday) observed Fri 31 Dec 2027. Decision Thu 23 Dec 2027:
    #   US: Fri 24 (observed) -> Mon 27 Dec; + 7 = Mon 3 Jan 2028 (a working day).
    #   England: Fri 24 Dec is a working day; + 7 = Fri 31 Dec (working in England), then Fri
    #   7 Jan 2028. (England's substitutes are Mon 27 and Tue 28 Dec, Mon 3 Jan 2028.)
    interview, decision = D(2027, 12, 16), D(2027, 12, 23)
    us = follow_up_plan(interview, decision, country="US")
    eng = follow_up_plan(interview, decision, country="GB", subdivision="ENG")
    assert check_dates(us) == [D(2027, 12, 27), D(2028, 1, 3), D(2028, 1, 10)]
    assert check_dates(eng) == [D(2027, 12, 24), D(2027, 12, 31), D(2028, 1, 7)]
    # A check-in 7 days after Fri 24 Dec in the US lands on the observed New Year: moves on.
    assert next_working_day(D(2027, 12, 30), country="US") == D(2028, 1, 3)
    assert next_working_day(D(2027, 12, 24), country="GB", subdivision="ENG") == D(2027, 12, 29)


def test_a_us_state_adds_its_own_days():
    # North Carolina: Christmas Eve (Thu 24 Dec 2026), Christmas Day and the Day After
    # Christmas (Sat 26, observed Mon 28). Decision Wed 23 Dec 2026 -> Tue 29 Dec in NC;
    # federal only -> Thu 24 Dec.
    interview, decision = D(2026, 12, 16), D(2026, 12, 23)
    nc = follow_up_plan(interview, decision, country="US", subdivision="NC")
    federal = follow_up_plan(interview, decision, country="US")
    assert nc.check_ins[0].date == D(2026, 12, 29)
    assert federal.check_ins[0].date == D(2026, 12, 24)
    # California keeps the Friday after Thanksgiving: decision Wed 25 Nov 2026 -> Thu 26
    # Thanksgiving, Fri 27 (CA) -> Mon 30 Nov; federal -> Fri 27 Nov.
    ca = follow_up_plan(D(2026, 11, 18), D(2026, 11, 25), country="us", subdivision="ca")
    assert (ca.country, ca.subdivision) == ("US", "CA")
    assert ca.check_ins[0].date == D(2026, 11, 30)
    assert follow_up_plan(D(2026, 11, 18), D(2026, 11, 25), country="US").check_ins[0].date == D(
        2026, 11, 27
    )


# --- the thank-you within 24 hours; weekend and holiday interviews ---------------------------


def test_friday_interview_thank_you_within_24_hours_not_monday():
    # Fri 18 Dec 2026: thank-you dated Friday, late after Sat 19 (an email can go on a
    # Saturday); references the same Friday (a working day).
    plan = follow_up_plan(D(2026, 12, 18), country="GB", subdivision="ENG")
    (thanks,) = by_kind(plan, "thank_you")
    assert (thanks.date, thanks.deadline) == (D(2026, 12, 18), D(2026, 12, 19))
    assert "by Sat 19 Dec 2026" in thanks.reason
    assert [a.date for a in by_kind(plan, "references")] == [D(2026, 12, 18)]


def test_weekend_and_holiday_interviews():
    # Sat 19 Dec 2026: thank-you Sat (by Sun 20); references and agency feedback Mon 21.
    plan = follow_up_plan(D(2026, 12, 19), agency=True, country="GB", subdivision="ENG")
    (thanks,) = by_kind(plan, "thank_you")
    assert (thanks.date, thanks.last_day) == (D(2026, 12, 19), D(2026, 12, 20))
    assert [a.date for a in by_kind(plan, "references")] == [D(2026, 12, 21)]
    assert [a.date for a in by_kind(plan, "agency_feedback")] == [D(2026, 12, 21)]
    # Thu 24 Dec 2026 interview: thank-you due by Christmas Day itself (whatever the day);
    # no date given: + 7 = Thu 31 Dec (a working day in England).
    eve = follow_up_plan(D(2026, 12, 24), country="GB", subdivision="ENG")
    assert by_kind(eve, "thank_you")[0].deadline == D(2026, 12, 25)
    assert eve.check_ins[0].date == D(2026, 12, 31)
    # Every action but the thank-you is on a working day.
    days = WorkingDays("GB", "ENG")
    assert all(days.is_working(a.date) for a in eve.actions if a.kind != "thank_you")


# --- what is due today, across three applications ----------------------------------------------


def three_applications(log_a=None):
    acme = follow_up_plan(  # Mon 7 Dec 2026; decision Wed 9 -> status check Thu 10
        D(2026, 12, 7), D(2026, 12, 9), company="Acme", country="GB", subdivision="ENG", log=log_a
    )
    globex = follow_up_plan(D(2026, 12, 11), company="Globex", country="GB", subdivision="ENG")
    initech = follow_up_plan(  # Wed 9 Dec; thanks and references sent; promised item Fri 11
        D(2026, 12, 9),
        D(2026, 12, 14),
        company="Initech",
        promised_items=[("a code sample", D(2026, 12, 11))],
        log=ContactLog(
            (
                LogEntry(D(2026, 12, 9), kind="thank_you"),
                LogEntry(D(2026, 12, 9), kind="references"),
            )
        ),
        country="GB",
        subdivision="ENG",
    )
    return acme, globex, initech


def test_due_and_overdue_across_three_applications():
    today = D(2026, 12, 11)  # Friday
    due = due_actions(three_applications(), today)
    shown = [(d.plan.company, d.action.kind, d.overdue, d.days_late) for d in due]
    assert shown == [
        ("Acme", "references", True, 4),  # Mon 7 -> Fri 11: 4 days late
        ("Acme", "thank_you", True, 3),  # last day Tue 8: 3 days late
        ("Acme", "status_check", True, 1),  # Thu 10 (Wed 9 + 1 working day)
        ("Globex", "references", False, 0),  # interview today
        ("Initech", "promised_item", False, 0),  # promised for today
        ("Globex", "thank_you", False, 0),  # last day Sat 12: most time left
    ]
    assert due_actions(three_applications(), D(2026, 12, 6)) == ()  # before any interview


def test_marking_done_moves_the_plan_on():
    today = D(2026, 12, 11)
    acme = three_applications()[0]
    entries = [done_entry(acme, d.action, today) for d in due_actions([acme], today)]
    assert [e.kind for e in entries] == ["references", "thank_you", "check_in"]
    after = three_applications(ContactLog(tuple(entries)))[0]
    assert due_actions([after], today) == ()
    # Check-in 1 done Fri 11 -> check-in 2 seven days after it: Fri 18 Dec 2026.
    assert [(a.date, a.done) for a in after.check_ins][:2] == [
        (D(2026, 12, 11), True),
        (D(2026, 12, 18), False),
    ]
    assert after.check_ins[0].title in [e.note for e in entries]


def test_done_entry_needs_an_action_of_the_plan():
    acme, globex, _ = three_applications()
    with pytest.raises(InputError) as err:
        done_entry(acme, globex.actions[0], D(2026, 12, 11))
    assert err.value.field == "action"


# --- stages after the interview -----------------------------------------------------------------


def test_offer_received_stops_the_chasing_and_adds_the_offer_steps():
    # Interview Mon 7 Dec 2026, one check-in sent Thu 10; offer Sun 13 Dec -> its steps on Mon
    # 14; answer by Sat 26 Dec -> the reminder on the last working day before: Thu 24 Dec
    # (Fri 25 is Christmas Day).
    log = ContactLog((LogEntry(D(2026, 12, 10), kind="check_in"),))
    plan = follow_up_plan(
        D(2026, 12, 7),
        D(2026, 12, 9),
        log=log,
        stage="offer",
        stage_date=D(2026, 12, 13),
        answer_by=D(2026, 12, 26),
        country="GB",
        subdivision="ENG",
    )
    kinds = [a.kind for a in plan.actions]
    assert "move_on" not in kinds
    assert "thank_you" not in kinds  # not sent before the offer came: no longer needed
    assert [(a.number, a.done) for a in plan.check_ins] == [(1, True)]
    steps = {a.kind: a for a in plan.actions if a.date >= D(2026, 12, 13)}
    assert steps["offer_in_writing"].date == D(2026, 12, 14)
    assert steps["offer_in_writing"].message_key == "offer_in_writing"
    assert steps["offer_letter"].date == D(2026, 12, 14)
    answer = steps["answer_offer"]
    assert (answer.date, answer.deadline) == (D(2026, 12, 24), D(2026, 12, 26))
    assert "Sat 26 Dec 2026" in answer.title


@pytest.mark.parametrize(
    ("stage", "kind", "message"),
    [
        ("negotiating", "counter_offer", "counter_offer"),
        ("accepted", "accept_offer", "accept_offer"),
        ("declined", "decline_offer", "decline_offer"),
        ("rejected", "rejection_reply", "rejection_reply"),
    ],
)
def test_each_stage_has_its_step_and_message(stage, kind, message):
    from calculator.messages import message_text

    plan = follow_up_plan(D(2026, 6, 1), stage=stage, stage_date=D(2026, 6, 6))  # a Saturday
    (step,) = by_kind(plan, kind)
    assert step.date == D(2026, 6, 8)  # the Monday after
    assert step.message_key == message
    assert message_text(message)  # the template exists
    assert not plan.check_ins  # no chasing once there is news
    done = follow_up_plan(
        D(2026, 6, 1),
        stage=stage,
        stage_date=D(2026, 6, 6),
        log=[done_entry(plan, step, D(2026, 6, 8))],
    )
    assert by_kind(done, kind)[0].done


def test_rejection_reply_asks_for_feedback_and_to_stay_in_touch():
    from calculator.messages import MessageDetails, message_text

    text = message_text("rejection_reply", MessageDetails(company="Acme"))
    assert "feedback" in text
    assert "stay in touch" in text


# --- one calendar for every application -----------------------------------------------------------


def test_ics_for_three_applications_parses_back_with_unique_uids():
    plans = [
        follow_up_plan(p.interview_date, p.decision_date, company=p.company, key=f"app-{i}")
        for i, p in enumerate(three_applications())
    ]
    calendar = Calendar.from_ical(plans_to_ics(plans, stamp=STAMP))
    events = [c for c in calendar.walk() if c.name == "VEVENT"]
    assert len(events) == sum(len(p.actions) for p in plans)
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == len(uids)
    for event in events:
        summary, uid = str(event["SUMMARY"]), str(event["UID"])
        employer = summary.split(":")[0]
        assert employer in ("Acme", "Globex", "Initech")
        assert uid.startswith(employer.lower() + "-")
    # Importing again after a change keeps the UIDs (the application's key, not its dates).
    moved = [follow_up_plan(D(2026, 12, 8), company="Acme", key="app-0"), *plans[1:]]
    again = Calendar.from_ical(plans_to_ics(moved, stamp=STAMP))
    again_uids = {str(c["UID"]) for c in again.walk() if c.name == "VEVENT"}
    assert again_uids == set(uids)


def test_ics_same_employer_twice_without_keys_still_unique():
    twin = follow_up_plan(D(2026, 12, 7), company="Acme")
    events = [
        c for c in Calendar.from_ical(plans_to_ics([twin, twin])).walk() if c.name == "VEVENT"
    ]
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == len(uids) == 2 * len(twin.actions)


# --- bad input ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"country": "FR"}, "country"),
        ({"country": "GB", "subdivision": "XX"}, "subdivision"),
        ({"subdivision": "ENG"}, "subdivision"),
        ({"country": 44}, "country"),
        ({"stage": "hired"}, "stage"),
        ({"stage": "offer", "stage_date": D(2026, 5, 1)}, "stage_date"),
        ({"stage": "offer", "stage_date": D(2026, 6, 5), "answer_by": D(2026, 6, 4)}, "answer_by"),
    ],
)
def test_bad_region_and_stage_name_the_field(kwargs, field):
    with pytest.raises(InputError) as err:
        follow_up_plan(D(2026, 6, 1), **kwargs)
    assert err.value.field == field


def test_due_actions_needs_plans_and_a_date():
    plan = follow_up_plan(D(2026, 6, 1))
    with pytest.raises(InputError):
        due_actions(plan, D(2026, 6, 1))  # one plan, not a list
    with pytest.raises(InputError):
        due_actions([plan], "2026-06-01")
    with pytest.raises(InputError):
        plans_to_ics([plan, "not a plan"])
