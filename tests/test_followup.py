"""The follow-up planner (docs/domain.md section 7): dates hand-checked against a calendar."""

from __future__ import annotations

import datetime as dt
import itertools
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculator.errors import InputError
from calculator.followup import (
    ACTION_KINDS,
    MAX_CHECK_INS,
    ContactLog,
    LogEntry,
    PlanAction,
    PromisedItem,
    add_working_days,
    follow_up_plan,
    next_working_day,
    roll_to_working_day,
)
from calculator.messages import MESSAGE_TITLES

D = dt.date
THU = D(2025, 6, 12)  # Thursday 12 June 2025
MON = D(2025, 6, 16)  # Monday 16 June 2025


def by_kind(plan, kind):
    return [a for a in plan.actions if a.kind == kind]


def dates(plan, kind):
    return [a.date for a in by_kind(plan, kind)]


# --- working-day helpers ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "count", "expected"),
    [
        (D(2025, 6, 12), 1, D(2025, 6, 13)),  # Thu + 1 = Fri
        (D(2025, 6, 13), 1, D(2025, 6, 16)),  # Fri + 1 = Mon (weekend skipped)
        (D(2025, 6, 14), 1, D(2025, 6, 16)),  # Sat + 1 = Mon
        (D(2025, 6, 16), 3, D(2025, 6, 19)),  # Mon + 3 = Thu
        (D(2025, 6, 16), 5, D(2025, 6, 23)),  # Mon + 5 = next Mon
        (D(2025, 6, 14), 0, D(2025, 6, 16)),  # 0 only rolls off the weekend
        (
            D(2025, 12, 31),
            1,
            D(2026, 1, 1),
        ),  # Wed 31 Dec + 1 = Thu 1 Jan (no country: weekends only)
        (D(2026, 12, 31), 1, D(2027, 1, 1)),  # Thu 31 Dec 2026 + 1 = Fri 1 Jan 2027
        (D(2027, 12, 31), 1, D(2028, 1, 3)),  # Fri 31 Dec 2027 + 1 = Mon 3 Jan 2028
        (D(2024, 2, 28), 1, D(2024, 2, 29)),  # Wed -> Thu 29 Feb in a leap year
    ],
)
def test_add_working_days(day, count, expected):
    assert add_working_days(day, count) == expected


def test_roll_and_next_working_day():
    assert roll_to_working_day(D(2025, 6, 15)) == D(2025, 6, 16)  # Sun -> Mon
    assert roll_to_working_day(D(2025, 6, 13)) == D(2025, 6, 13)  # Fri stays
    assert next_working_day(D(2025, 6, 13)) == D(2025, 6, 16)


@pytest.mark.parametrize("count", [-1, 1.5, True, "2", 10_000])
def test_add_working_days_rejects_bad_counts(count):
    with pytest.raises(InputError) as err:
        add_working_days(THU, count)
    assert err.value.field == "count"


# --- the plan for known dates -------------------------------------------------------------


def test_thursday_interview_decision_promised_monday():
    plan = follow_up_plan(THU, MON)
    # Thank-you dated Thu 12, late after Fri 13 (within 24 hours); references the same day;
    # first check Tuesday 17 (Mon + 1 working day); then every 7 days: Tue 24 Jun, Tue 1 Jul;
    # move on Tue 8 Jul.
    assert dates(plan, "thank_you") == [THU]
    assert by_kind(plan, "thank_you")[0].last_day == D(2025, 6, 13)
    assert dates(plan, "references") == [THU]
    assert dates(plan, "status_check") == [D(2025, 6, 17)]
    assert dates(plan, "check_in") == [D(2025, 6, 24), D(2025, 7, 1)]
    assert dates(plan, "move_on") == [D(2025, 7, 8)]
    assert by_kind(plan, "agency_feedback") == []
    assert [a.kind for a in plan.actions] == [
        "thank_you",
        "references",
        "status_check",
        "check_in",
        "check_in",
        "move_on",
    ]
    assert [a.title.split(":")[0] for a in plan.check_ins] == [
        "Check-in 1 of 3",
        "Check-in 2 of 3",
        "Check-in 3 of 3",
    ]
    assert [a.number for a in plan.check_ins] == [1, 2, 3]
    assert not any(a.done for a in plan.actions)
    assert plan.next_action.kind == "thank_you"
    assert "Mon 16 Jun 2025" in plan.check_ins[0].reason


def test_no_promised_date_checks_a_week_later():
    plan = follow_up_plan(THU)
    # Thu 12 + 7 days = Thu 19 Jun; then Thu 26 Jun, Thu 3 Jul; move on Thu 10 Jul.
    assert [a.date for a in plan.check_ins] == [D(2025, 6, 19), D(2025, 6, 26), D(2025, 7, 3)]
    assert dates(plan, "move_on") == [D(2025, 7, 10)]
    assert any("No decision date" in note for note in plan.notes)


def test_no_promised_date_week_later_lands_on_weekend():
    # Sat 7 Jun 2025 interview (rare, but allowed): +7 = Sat 14 -> Mon 16; references move
    # to Monday 9 Jun; the thank-you stays within 24 hours: dated Sat 7, late after Sun 8.
    plan = follow_up_plan(D(2025, 6, 7))
    assert plan.check_ins[0].date == D(2025, 6, 16)
    assert dates(plan, "references") == [D(2025, 6, 9)]
    assert dates(plan, "thank_you") == [D(2025, 6, 7)]
    assert by_kind(plan, "thank_you")[0].deadline == D(2025, 6, 8)


@pytest.mark.parametrize(
    ("patience", "first_check"),
    [
        ("next_working_day", D(2025, 6, 17)),  # Mon 16 + 1 working day = Tue 17
        ("several_days", D(2025, 6, 19)),  # Mon 16 + 3 working days = Thu 19
        ("a_week", D(2025, 6, 23)),  # Mon 16 + 5 working days = Mon 23
        (None, D(2025, 6, 17)),  # None = the default (next working day)
    ],
)
def test_patience_setting(patience, first_check):
    plan = follow_up_plan(THU, MON, patience=patience)
    assert plan.check_ins[0].date == first_check
    assert plan.check_ins[1].date == first_check + dt.timedelta(days=7)


def test_friday_interview_thanks_within_24_hours_and_friday_decision_checked_monday():
    plan = follow_up_plan(D(2025, 6, 13), D(2025, 6, 20))  # Fri, decide Fri 20
    (thanks,) = by_kind(plan, "thank_you")
    assert (thanks.date, thanks.deadline) == (D(2025, 6, 13), D(2025, 6, 14))  # Fri, by Sat
    assert plan.check_ins[0].date == D(2025, 6, 23)  # Fri 20 -> Mon 23


def test_year_end():
    # Wed 31 Dec 2025, no country: thank-you the same day; no date: +7 = Wed 7 Jan 2026,
    # then Wed 14, Wed 21 Jan; move on Wed 28 Jan 2026.
    plan = follow_up_plan(D(2025, 12, 31))
    assert dates(plan, "thank_you") == [D(2025, 12, 31)]
    assert [a.date for a in plan.check_ins] == [D(2026, 1, 7), D(2026, 1, 14), D(2026, 1, 21)]
    assert dates(plan, "move_on") == [D(2026, 1, 28)]
    assert any("public holidays are not skipped" in note for note in plan.notes)
    # Decision promised Fri 2 Jan 2026 -> check Mon 5 Jan 2026.
    assert follow_up_plan(D(2025, 12, 31), D(2026, 1, 2)).check_ins[0].date == D(2026, 1, 5)


def test_agency_and_promised_items():
    plan = follow_up_plan(
        THU,
        MON,
        agency=True,
        promised_items=[
            ("a code sample", D(2025, 6, 14)),
            {"what": "references", "due": "2025-06-13"},
        ],
    )
    assert dates(plan, "agency_feedback") == [THU]  # same day
    # Promised items keep their exact date, even Saturday 14 Jun (a promise is a deadline).
    assert [(a.title, a.date) for a in by_kind(plan, "promised_item")] == [
        ("Send references", D(2025, 6, 13)),
        ("Send a code sample", D(2025, 6, 14)),
    ]
    assert [a.date for a in plan.actions] == sorted(a.date for a in plan.actions)


def test_phone_method_uses_the_voicemail_script_and_names_in_the_thank_you():
    plan = follow_up_plan(THU, MON, contact_method="phone", interviewer_names=["Sam", "Alex"])
    assert plan.check_ins[0].message_key == "status_voicemail"
    assert plan.check_ins[0].title.startswith("Check-in 1 of 3: call")
    assert by_kind(plan, "thank_you")[0].title == "Send a thank-you note to Sam and Alex"
    assert "each interviewer" in by_kind(plan, "thank_you")[0].reason


def test_every_message_key_names_a_template():
    plan = follow_up_plan(
        THU, MON, agency=True, promised_items=[("slides", MON)], contact_method="phone"
    )
    keys = {a.message_key for a in plan.actions} - {None}
    assert keys <= set(MESSAGE_TITLES)
    assert {"thank_you", "reference_heads_up", "agency_feedback", "promised_item"} <= keys


# --- the contact log moves the plan on ----------------------------------------------------


def sent(day, kind=None, note=""):
    return LogEntry(day, "email", "sent", note, kind)


def test_log_marks_thank_you_and_first_check_in_done_and_redates_the_next():
    log = ContactLog((sent(THU), sent(D(2025, 6, 18))))  # thank-you same day; check-in Wed 18
    plan = follow_up_plan(THU, MON, log=log)
    assert by_kind(plan, "thank_you")[0].done
    first, second, third = plan.check_ins
    # The check-in actually went on Wed 18 (a day after planned): done at that date, and the
    # next is 7 days after it, Wed 25 Jun; then Wed 2 Jul; move on Wed 9 Jul.
    assert (first.date, first.done) == (D(2025, 6, 18), True)
    assert (second.date, second.done) == (D(2025, 6, 25), False)
    assert third.date == D(2025, 7, 2)
    assert dates(plan, "move_on") == [D(2025, 7, 9)]
    assert plan.next_action.kind == "references"  # not logged, still pending
    assert [a.kind for a in plan.due_by(D(2025, 6, 25))] == ["references", "check_in"]


def test_three_unanswered_check_ins_reach_move_on():
    log = ContactLog(
        (
            sent(D(2025, 6, 17)),
            sent(D(2025, 6, 24)),
            sent(D(2025, 7, 1)),
            sent(THU, "references"),
            sent(THU, "thank_you"),
        )
    )
    plan = follow_up_plan(THU, MON, log=log)
    assert all(a.done for a in plan.check_ins)
    assert len(plan.check_ins) == MAX_CHECK_INS
    assert plan.next_action.kind == "move_on"
    assert plan.next_action.date == D(2025, 7, 8)  # 7 days after the third (Tue 1 Jul)
    assert plan.pending == (plan.next_action,)


def test_extra_check_ins_beyond_three_do_not_add_actions():
    log = ContactLog(tuple(sent(D(2025, 6, 17) + dt.timedelta(days=7 * k)) for k in range(5)))
    plan = follow_up_plan(THU, MON, log=log)
    assert len(plan.check_ins) == 3
    assert by_kind(plan, "move_on")[0].date == D(2025, 7, 8)


def test_a_reply_ends_the_chasing():
    log = ContactLog(
        (sent(D(2025, 6, 17)), LogEntry(D(2025, 6, 20), "email", "received", "second interview"))
    )
    plan = follow_up_plan(THU, MON, log=log)
    assert plan.replied
    assert [a.kind for a in plan.actions if a.kind in ("status_check", "check_in")] == [
        "status_check"
    ]
    assert plan.check_ins[0].done
    assert by_kind(plan, "move_on") == []
    (reply,) = by_kind(plan, "reply")
    assert (reply.date, reply.done, reply.title) == (
        D(2025, 6, 20),
        False,
        "They replied: respond",
    )
    # Answering it (a sent entry on or after the reply) ticks it off.
    answered = follow_up_plan(THU, MON, log=log.add(sent(D(2025, 6, 20), "other")))
    assert by_kind(answered, "reply")[0].done


def test_promised_item_ticked_by_a_note_naming_it():
    log = ContactLog((sent(D(2025, 6, 13), "promised_item", "Sent the code sample"),))
    plan = follow_up_plan(
        THU, MON, promised_items=[("code sample", D(2025, 6, 13)), ("slides", MON)], log=log
    )
    assert {a.title: a.done for a in by_kind(plan, "promised_item")} == {
        "Send code sample": True,
        "Send slides": False,
    }


def test_contact_log_round_trip_and_order():
    log = ContactLog().add(sent(D(2025, 6, 24), note="second")).add(sent(D(2025, 6, 17)))
    assert [e.date for e in log.entries] == [D(2025, 6, 17), D(2025, 6, 24)]
    data = json.loads(json.dumps(log.to_dict()))
    assert ContactLog.from_dict(data) == log
    assert log.sent_count == 2
    assert log.replies == ()


def test_plan_to_dict_is_json_ready():
    plan = follow_up_plan(THU, MON, company="Acme")
    data = json.loads(json.dumps(plan.to_dict()))
    assert data["actions"][0]["date"] == "2025-06-12"
    assert data["company"] == "Acme"
    assert len(data["actions"]) == len(plan.actions)


# --- hostile input ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"interview_date": "2025-06-12"}, "interview_date"),
        ({"interview_date": 20250612}, "interview_date"),
        ({"interview_date": None}, "interview_date"),
        ({"interview_date": D(1066, 10, 14)}, "interview_date"),
        ({"decision_date": D(2025, 6, 11)}, "decision_date"),  # before the interview
        ({"decision_date": "Monday"}, "decision_date"),
        ({"contact_method": "fax"}, "contact_method"),
        ({"patience": "soon"}, "patience"),
        ({"agency": "yes"}, "agency"),
        ({"promised_items": "a code sample"}, "promised_items"),
        ({"promised_items": [("x", D(2025, 6, 1))]}, "promised_items"),  # due before
        ({"promised_items": [("x",)]}, "promised_items"),
        ({"promised_items": [{"what": "x"}]}, "promised_items"),
        ({"promised_items": [("", MON)]}, "promised_items.what"),
        ({"promised_items": [("x", "soon")]}, "promised_items.due"),
        ({"log": "emailed them"}, "log"),
        ({"log": [1, 2]}, "log"),
        ({"interviewer_names": 5}, "interviewer_names"),
        ({"company": 5}, "company"),
    ],
)
def test_hostile_inputs_raise_input_error_naming_the_field(kwargs, field):
    args = {"interview_date": THU, **kwargs}
    with pytest.raises(InputError) as err:
        follow_up_plan(**args)
    assert err.value.field == field


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"date": "12/06/2025"}, "log.date"),
        ({"channel": "email"}, "log.date"),
        ({"date": "2025-06-12", "direction": "up"}, "log.direction"),
        ({"date": "2025-06-12", "channel": "pigeon"}, "log.channel"),
        ({"date": "2025-06-12", "kind": "bribe"}, "log.kind"),
        ({"date": "2025-06-12", "colour": "red"}, "log"),
        ("2025-06-12", "log"),
    ],
)
def test_bad_log_entries(data, field):
    with pytest.raises(InputError) as err:
        ContactLog.from_dict({"entries": [data]})
    assert err.value.field == field


def test_bad_actions_and_today():
    with pytest.raises(InputError):
        PlanAction(THU, "t", "r", "party")
    with pytest.raises(InputError):
        PlanAction(THU, "t", "r", "check_in", done="no")
    with pytest.raises(InputError):
        PlanAction(THU, "", "r", "check_in")
    with pytest.raises(InputError) as err:
        follow_up_plan(THU).due_by("today")
    assert err.value.field == "today"
    with pytest.raises(InputError):
        PromisedItem.coerce(42)


def test_datetime_is_cut_to_its_date():
    plan = follow_up_plan(dt.datetime(2025, 6, 12, 15, 30), MON)
    assert plan.interview_date == THU


# --- properties ---------------------------------------------------------------------------

days = st.dates(min_value=D(2000, 1, 1), max_value=D(2100, 12, 31))


@given(
    interview=days,
    wait=st.none() | st.integers(min_value=0, max_value=60),
    patience=st.sampled_from(["next_working_day", "several_days", "a_week"]),
)
def test_plan_shape_holds_for_any_dates(interview, wait, patience):
    decision = None if wait is None else interview + dt.timedelta(days=wait)
    plan = follow_up_plan(interview, decision, patience=patience)
    assert [a.date for a in plan.actions] == sorted(a.date for a in plan.actions)
    assert all(a.date.weekday() < 5 for a in plan.actions if a.kind != "thank_you")
    assert all(a.kind in ACTION_KINDS for a in plan.actions)
    (thanks,) = by_kind(plan, "thank_you")
    assert (thanks.date, thanks.last_day) == (interview, interview + dt.timedelta(days=1))
    checks = plan.check_ins
    assert [c.number for c in checks] == [1, 2, 3]
    if decision is not None:
        assert checks[0].date > decision
    else:
        assert 7 <= (checks[0].date - interview).days <= 9
    for before, after in itertools.pairwise(checks):
        assert 7 <= (after.date - before.date).days <= 9
    assert plan.actions[-1].kind == "move_on"
    assert (plan.actions[-1].date - checks[-1].date).days >= 7


@given(
    interview=days,
    gaps=st.lists(st.integers(min_value=0, max_value=20), max_size=5),
)
def test_logged_check_ins_are_done_and_move_on_follows_the_last(interview, gaps):
    plan0 = follow_up_plan(interview)
    day = plan0.check_ins[0].date
    entries = []
    for gap in gaps:
        day += dt.timedelta(days=gap)
        entries.append(sent(day, "check_in"))
    plan = follow_up_plan(interview, log=ContactLog(tuple(entries)))
    done = [c for c in plan.check_ins if c.done]
    assert len(done) == min(len(entries), MAX_CHECK_INS)
    assert [c.date for c in done] == [e.date for e in entries[:MAX_CHECK_INS]]
    assert len(plan.check_ins) == MAX_CHECK_INS
    (move_on,) = by_kind(plan, "move_on")
    assert move_on.date >= plan.check_ins[-1].date + dt.timedelta(days=7)
