"""The follow-up plan as an iCalendar file (RFC 5545), written with the ``icalendar`` library.

One all-day VEVENT per action, each with a display VALARM at 09:00 on the day (a trigger of
``PT9H`` from the start of the all-day event). UIDs are derived from the action's date, kind and
title, so importing an updated plan updates events rather than duplicating them. icalendar is
imported only when a file is made.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import TYPE_CHECKING

from .errors import InputError

if TYPE_CHECKING:
    from .followup import FollowUpPlan

__all__ = ["plan_to_ics"]

_PRODID = "-//Offer Compass//Follow-up plan//EN"


def plan_to_ics(
    plan: FollowUpPlan, *, calendar_name: str = "Job follow-up", stamp: dt.datetime | None = None
) -> bytes:
    """The plan as ``.ics`` bytes: one all-day event with a 09:00 reminder per action.

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
    now = stamp or dt.datetime.now(dt.UTC)
    calendar = Calendar()
    calendar.add("prodid", _PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", calendar_name)
    for action in plan.actions:
        digest = hashlib.sha256(
            f"{action.date.isoformat()}|{action.kind}|{action.title}".encode()
        ).hexdigest()[:24]
        event = Event()
        event.add("uid", f"{digest}@offer-compass.local")
        event.add("dtstamp", now)
        event.add("dtstart", action.date)
        event.add("dtend", action.date + dt.timedelta(days=1))
        event.add("summary", action.title)
        event.add("description", action.reason)
        event.add("transp", "TRANSPARENT")
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", action.title)
        alarm.add("trigger", dt.timedelta(hours=9))
        event.add_component(alarm)
        calendar.add_component(event)
    data: bytes = calendar.to_ical()
    return data
