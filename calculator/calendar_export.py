"""Follow-up plans as one iCalendar file (RFC 5545), written with the ``icalendar`` library.

Choices (documented for the user in the page help):

- One all-day ``VEVENT`` per action (``DTSTART;VALUE=DATE`` to the next day), marked
  ``TRANSP:TRANSPARENT`` so the reminders do not show the day as busy. Every event's title
  starts with the employer ("Acme: Send a thank-you note"), so several applications can share
  one calendar (:func:`plans_to_ics`).
- Each action not yet done gets a display ``VALARM`` with ``TRIGGER:PT9H``: an all-day event
  starts at midnight local time, so the reminder fires at 09:00 on the day. Actions the
  contact log shows as done are exported with "Done: " in the title and no alarm.
- ``UID`` names the employer and hashes what identifies the action, not its date: the
  application (its ``key`` when the plan has one, else the interview date, company and role),
  the kind of action, the check-in number and, for promised items, the title. Importing an
  updated plan (say a check-in moved after you logged one) therefore updates the same events
  instead of adding duplicates.
- ``DTSTAMP`` is the time the file is made (UTC), ``PRODID`` names this tool, ``VERSION:2.0``.

icalendar is imported only when a file is made, so ``import calculator`` stays light.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from .errors import InputError
from .messages import MESSAGE_TITLES

if TYPE_CHECKING:
    from icalendar import Calendar

    from .followup import FollowUpPlan, PlanAction

__all__ = ["ALARM_TRIGGER", "PRODID", "action_uid", "plan_to_ics", "plans_to_ics"]

#: Product identifier written to every file.
PRODID = "-//Offer Compass//Follow-up plan//EN"
#: Reminder offset from the start (midnight) of each all-day event: 09:00 on the day.
ALARM_TRIGGER = dt.timedelta(hours=9)


def action_uid(plan: FollowUpPlan, action: PlanAction) -> str:
    """A stable UID for ``action`` naming the employer: the same step of the same application
    keeps its UID.

    ``<employer>-<hash>@offer-compass.local``: the employer as lower-case letters, digits and
    hyphens (at most 40; "application" when there is none) and the first 24 hex digits of a
    SHA-256 of the application (its ``key``, else interview date, company and role), the kind,
    the check-in number and, for promised items only, the title (so two promised items differ).

    >>> import datetime as dt
    >>> from calculator.followup import follow_up_plan
    >>> a = follow_up_plan(dt.date(2026, 11, 19), dt.date(2026, 11, 23), company="Acme Ltd")
    >>> b = follow_up_plan(dt.date(2026, 11, 19), dt.date(2026, 11, 25), company="Acme Ltd")
    >>> action_uid(a, a.check_ins[0]) == action_uid(b, b.check_ins[0])  # later decision
    True
    >>> action_uid(a, a.check_ins[0]).split("-")[:2]
    ['acme', 'ltd']
    """
    from .followup import FollowUpPlan, PlanAction

    if not isinstance(plan, FollowUpPlan):
        raise InputError("plan", f"must be a FollowUpPlan, got {type(plan).__name__}")
    if not isinstance(action, PlanAction):
        raise InputError("action", f"must be a PlanAction, got {type(action).__name__}")
    application = (
        [f"key:{plan.key}"]
        if plan.key
        else [plan.interview_date.isoformat(), plan.company or "", plan.role or ""]
    )
    parts = [
        *application,
        action.kind,
        str(action.number),
        action.title if action.kind == "promised_item" else "",
    ]
    digest = hashlib.sha256("|".join(parts).encode()).hexdigest()[:24]
    employer = re.sub(r"[^a-z0-9]+", "-", (plan.company or "").casefold()).strip("-")[:40]
    return f"{employer.strip('-') or 'application'}-{digest}@offer-compass.local"


def plan_to_ics(
    plan: FollowUpPlan, *, calendar_name: str = "Job follow-up", stamp: dt.datetime | None = None
) -> bytes:
    """One application's plan as ``.ics`` bytes: :func:`plans_to_ics` of that plan alone.

    >>> import datetime as dt
    >>> from calculator.followup import follow_up_plan
    >>> ics = plan_to_ics(follow_up_plan(dt.date(2026, 11, 19), dt.date(2026, 11, 23)))
    >>> ics.count(b"BEGIN:VEVENT") == ics.count(b"BEGIN:VALARM") == 6
    True
    """
    from .followup import FollowUpPlan

    if not isinstance(plan, FollowUpPlan):
        raise InputError("plan", f"must be a FollowUpPlan, got {type(plan).__name__}")
    return plans_to_ics((plan,), calendar_name=calendar_name, stamp=stamp)


def plans_to_ics(
    plans: Iterable[FollowUpPlan],
    *,
    calendar_name: str = "Job search",
    stamp: dt.datetime | None = None,
) -> bytes:
    """Every application's plan in one ``.ics`` file: one all-day event per action, its title
    starting with the employer, a 09:00 reminder on each action not yet done (RFC 5545; see
    the module notes for the choices).

    UIDs come from :func:`action_uid`; should two plans give the same UID (two applications
    with no key, the same employer, role and interview date), the later ones get "-2", "-3"
    before the "@", so no event replaces another. ``stamp`` fixes ``DTSTAMP`` (a timezone-aware
    datetime; default: now, UTC).

    >>> import datetime as dt
    >>> from calculator.followup import follow_up_plan
    >>> a = follow_up_plan(dt.date(2026, 11, 19), company="Acme")
    >>> b = follow_up_plan(dt.date(2026, 11, 20), company="Globex")
    >>> ics = plans_to_ics([a, b])
    >>> ics.count(b"BEGIN:VEVENT"), ics.count(b"SUMMARY:Acme: "), ics.count(b"SUMMARY:Globex: ")
    (12, 6, 6)
    """
    from icalendar import Calendar

    from .followup import FollowUpPlan

    if isinstance(plans, FollowUpPlan) or not isinstance(plans, Iterable):
        raise InputError("plans", "must be a list of FollowUpPlan")
    chosen = list(plans)
    for plan in chosen:
        if not isinstance(plan, FollowUpPlan):
            raise InputError("plans", f"must hold FollowUpPlan items, got {type(plan).__name__}")
    if not isinstance(calendar_name, str) or not calendar_name.strip():
        raise InputError("calendar_name", "must be a non-empty name")
    now = _stamp(stamp)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", " ".join(calendar_name.split()))
    seen: dict[str, int] = {}
    for plan in chosen:
        for action in plan.actions:
            uid = action_uid(plan, action)
            seen[uid] = seen.get(uid, 0) + 1
            if seen[uid] > 1:
                uid = uid.replace("@", f"-{seen[uid]}@", 1)
            _add_event(calendar, plan, action, uid, now)
    data: bytes = calendar.to_ical()
    return data


def _stamp(stamp: object) -> dt.datetime:
    if stamp is None:
        return dt.datetime.now(dt.UTC)
    if isinstance(stamp, dt.datetime) and stamp.tzinfo is not None:
        return stamp.astimezone(dt.UTC)
    raise InputError("stamp", f"must be a timezone-aware datetime, got {stamp!r}")


def _add_event(
    calendar: Calendar, plan: FollowUpPlan, action: PlanAction, uid: str, now: dt.datetime
) -> None:
    """One all-day event for ``action``, with a 09:00 reminder unless it is done."""
    from icalendar import Alarm, Event

    title = f"{plan.label}: {action.title}"
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", now)
    event.add("dtstart", action.date)
    event.add("dtend", action.date + dt.timedelta(days=1))
    event.add("summary", ("Done: " if action.done else "") + title)
    description = action.reason
    if action.deadline is not None and action.deadline != action.date:
        description += f"\nLate after {action.deadline:%a %d %b %Y}."
    if action.message_key in MESSAGE_TITLES:
        description += f"\nMessage to use: {MESSAGE_TITLES[action.message_key]}."
    event.add("description", description)
    event.add("transp", "TRANSPARENT")
    if not action.done:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", title)
        alarm.add("trigger", ALARM_TRIGGER)
        event.add_component(alarm)
    calendar.add_component(event)
