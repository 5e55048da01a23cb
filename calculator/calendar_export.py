"""The follow-up plan as an iCalendar file (RFC 5545), written with the ``icalendar`` library.

Choices (documented for the user in the page help):

- One all-day ``VEVENT`` per action (``DTSTART;VALUE=DATE`` to the next day), marked
  ``TRANSP:TRANSPARENT`` so the reminders do not show the day as busy.
- Each action not yet done gets a display ``VALARM`` with ``TRIGGER:PT9H``: an all-day event
  starts at midnight local time, so the reminder fires at 09:00 on the day. Actions the
  contact log shows as done are exported with "Done: " in the title and no alarm.
- ``UID`` is a hash of what identifies the action, not of its date: the interview date,
  company, role, the kind of action, the check-in number and (for promised items) the title.
  Importing an updated plan (say a check-in moved after you logged one) therefore updates the
  same events instead of adding duplicates.
- ``DTSTAMP`` is the time the file is made (UTC), ``PRODID`` names this tool, ``VERSION:2.0``.

icalendar is imported only when a file is made, so ``import calculator`` stays light.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import TYPE_CHECKING

from .errors import InputError
from .messages import MESSAGE_TITLES

if TYPE_CHECKING:
    from .followup import FollowUpPlan, PlanAction

__all__ = ["ALARM_TRIGGER", "PRODID", "action_uid", "plan_to_ics"]

#: Product identifier written to every file.
PRODID = "-//Offer Compass//Follow-up plan//EN"
#: Reminder offset from the start (midnight) of each all-day event: 09:00 on the day.
ALARM_TRIGGER = dt.timedelta(hours=9)


def action_uid(plan: FollowUpPlan, action: PlanAction) -> str:
    """A stable UID for ``action``: the same step of the same application keeps its UID.

    Hash (SHA-256, first 24 hex digits) of interview date, company, role, kind, check-in number
    and, for promised items only, the title (so two promised items differ).

    >>> import datetime as dt
    >>> from calculator.followup import follow_up_plan
    >>> a = follow_up_plan(dt.date(2026, 11, 19), dt.date(2026, 11, 23))
    >>> b = follow_up_plan(dt.date(2026, 11, 19), dt.date(2026, 11, 25))  # later decision
    >>> action_uid(a, a.check_ins[0]) == action_uid(b, b.check_ins[0])
    True
    """
    from .followup import FollowUpPlan, PlanAction

    if not isinstance(plan, FollowUpPlan):
        raise InputError("plan", f"must be a FollowUpPlan, got {type(plan).__name__}")
    if not isinstance(action, PlanAction):
        raise InputError("action", f"must be a PlanAction, got {type(action).__name__}")
    parts = [
        plan.interview_date.isoformat(),
        plan.company or "",
        plan.role or "",
        action.kind,
        str(action.number),
        action.title if action.kind == "promised_item" else "",
    ]
    digest = hashlib.sha256("|".join(parts).encode()).hexdigest()[:24]
    return f"{digest}@offer-compass.local"


def plan_to_ics(
    plan: FollowUpPlan, *, calendar_name: str = "Job follow-up", stamp: dt.datetime | None = None
) -> bytes:
    """The plan as ``.ics`` bytes: one all-day event per action, a 09:00 reminder on each
    action not yet done (RFC 5545; see the module notes for the choices).

    ``stamp`` fixes ``DTSTAMP`` (a timezone-aware datetime; default: now, UTC).

    >>> import datetime as dt
    >>> from calculator.followup import follow_up_plan
    >>> ics = plan_to_ics(follow_up_plan(dt.date(2026, 11, 19), dt.date(2026, 11, 23)))
    >>> ics.count(b"BEGIN:VEVENT") == ics.count(b"BEGIN:VALARM") == 6
    True
    """
    from icalendar import Alarm, Calendar, Event

    from .followup import FollowUpPlan

    if not isinstance(plan, FollowUpPlan):
        raise InputError("plan", f"must be a FollowUpPlan, got {type(plan).__name__}")
    if not isinstance(calendar_name, str) or not calendar_name.strip():
        raise InputError("calendar_name", "must be a non-empty name")
    if stamp is None:
        now = dt.datetime.now(dt.UTC)
    elif isinstance(stamp, dt.datetime) and stamp.tzinfo is not None:
        now = stamp.astimezone(dt.UTC)
    else:
        raise InputError("stamp", f"must be a timezone-aware datetime, got {stamp!r}")
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", " ".join(calendar_name.split()))
    for action in plan.actions:
        event = Event()
        event.add("uid", action_uid(plan, action))
        event.add("dtstamp", now)
        event.add("dtstart", action.date)
        event.add("dtend", action.date + dt.timedelta(days=1))
        event.add("summary", ("Done: " if action.done else "") + action.title)
        description = action.reason
        if action.message_key in MESSAGE_TITLES:
            description += f"\nMessage to use: {MESSAGE_TITLES[action.message_key]}."
        event.add("description", description)
        event.add("transp", "TRANSPARENT")
        if not action.done:
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", action.title)
            alarm.add("trigger", ALARM_TRIGGER)
            event.add_component(alarm)
        calendar.add_component(event)
    data: bytes = calendar.to_ical()
    return data
