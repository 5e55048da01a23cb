"""The follow-up planner: a dated plan for each job application (docs/domain.md sections 3 and 7).

:func:`follow_up_plan` turns the interview date, the date the employer promised a decision, the
stage the application has reached and a few preferences into a dated :class:`FollowUpPlan` of
:class:`PlanAction` items, each with a reason the user can read and the key of the message
template to use (see :mod:`calculator.messages`). A :class:`ContactLog` of what was sent and
received moves the plan on: sent check-ins are ticked off, a reply ends the chasing, three
unanswered check-ins reach "move on". :func:`due_actions` gathers what is due or overdue across
every application on a given day, most urgent first; :func:`done_entry` is the log entry that
marks an action done.

Date rules (docs/domain.md section 7; stated on each plan as notes):

- Working days exclude Saturdays, Sundays and the public holidays of the user's country and
  region (:class:`WorkingDays`: England and Wales, Scotland or Northern Ireland; US federal,
  optionally a state), from the ``holidays`` package, observed (substitute) days included.
  Without a country only weekends are skipped.
- The thank-you note is due within 24 hours of the interview whatever the day: its date is the
  interview day and its deadline the day after, a Saturday or a holiday included.
- Every other action lands on a working day; a planned date on a weekend or holiday moves to
  the next working day.
- Promised items keep the exact date you promised, even at a weekend: a promise is a deadline
  and moving it later would break it. The day to answer an offer is likewise the employer's
  deadline; its reminder comes on the last working day before it.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final, Literal

from ._validate import check_choice
from .errors import InputError

__all__ = [
    "ACTION_KINDS",
    "CHANNELS",
    "CHECK_IN_INTERVAL_DAYS",
    "CONTACT_METHODS",
    "HOLIDAY_COUNTRIES",
    "LOG_KINDS",
    "MAX_CHECK_INS",
    "NO_DATE_WAIT_DAYS",
    "PATIENCE",
    "PATIENCE_WORKING_DAYS",
    "STAGES",
    "ContactLog",
    "DueAction",
    "FollowUpPlan",
    "LogEntry",
    "PlanAction",
    "PromisedItem",
    "WorkingDays",
    "add_working_days",
    "done_entry",
    "due_actions",
    "follow_up_plan",
    "next_working_day",
    "roll_to_working_day",
]

Patience = Literal["next_working_day", "several_days", "a_week"]
ContactMethod = Literal["email", "phone", "recruiter"]

#: How long to wait after the promised decision date, in working days (docs/domain.md section 7: the
#: working day after; "some advise waiting several days to a week": 3 or 5 working days).
PATIENCE_WORKING_DAYS: Final[Mapping[str, int]] = {
    "next_working_day": 1,
    "several_days": 3,
    "a_week": 5,
}
PATIENCE: Final = tuple(PATIENCE_WORKING_DAYS)
#: How the employer prefers to be contacted; "phone" picks the voicemail script.
CONTACT_METHODS: Final = ("email", "phone", "recruiter")
#: Channels a log entry may record.
CHANNELS: Final = ("email", "phone", "recruiter", "in person", "video", "message")
#: Days between check-ins, and the most check-ins (the first status check counts as one).
CHECK_IN_INTERVAL_DAYS: Final = 7
MAX_CHECK_INS: Final = 3
#: With no promised decision date, the first status check comes this many days after.
NO_DATE_WAIT_DAYS: Final = 7
#: Where an application stands: waiting after the interview, then the stages after it
#: (docs/domain.md sections 3 and 7).
STAGES: Final = ("interviewing", "offer", "negotiating", "accepted", "declined", "rejected")
#: Countries whose public holidays are known (the ``holidays`` package's codes).
HOLIDAY_COUNTRIES: Final = ("GB", "US")
#: What a plan action is about: the steps after the interview, then those of the later stages.
ACTION_KINDS: Final = (
    "thank_you",
    "references",
    "agency_feedback",
    "promised_item",
    "status_check",
    "check_in",
    "reply",
    "move_on",
    "offer_in_writing",
    "offer_letter",
    "counter_offer",
    "answer_offer",
    "accept_offer",
    "decline_offer",
    "rejection_reply",
)
#: What a sent log entry was for; ``None`` on an entry means "work it out from the date".
#: Every action kind but the two that a check-in records (a status check, a reply), and
#: "other".
LOG_KINDS: Final = (
    *(kind for kind in ACTION_KINDS if kind not in ("status_check", "reply")),
    "other",
)
#: The log kind that records each action kind as done (see :func:`done_entry`).
_LOG_KIND_OF: Final[Mapping[str, str]] = {
    **{kind: kind for kind in ACTION_KINDS if kind in LOG_KINDS},
    "status_check": "check_in",
    "reply": "other",
}
#: Steps of the stages after the interview: kind, title, reason, message key.
_STAGE_STEPS: Final[Mapping[str, tuple[tuple[str, str, str, str | None], ...]]] = {
    "offer": (
        (
            "offer_in_writing",
            "Ask for the offer in writing, and for time to consider it",
            "A verbal offer is not final: thank them, ask for it in writing and say when you "
            "will answer.",
            "offer_in_writing",
        ),
        (
            "offer_letter",
            "Check the written offer",
            "It should state the role's requirements, salary, benefits, expenses, start date "
            "and any conditions: whatever is missing becomes a question to ask.",
            None,
        ),
    ),
    "negotiating": (
        (
            "counter_offer",
            "Send your counter-offer",
            "Counter with your range and, if there is less room on salary, the equal-value "
            "asks; stay warm and brief.",
            "counter_offer",
        ),
    ),
    "accepted": (
        (
            "accept_offer",
            "Accept in writing",
            "Confirm the salary, start date and conditions you agreed, and thank them.",
            "accept_offer",
        ),
    ),
    "declined": (
        (
            "decline_offer",
            "Decline politely",
            "Thank them for the offer and their time; a courteous no keeps the door open.",
            "decline_offer",
        ),
    ),
    "rejected": (
        (
            "rejection_reply",
            "Reply graciously and ask for feedback",
            "Thank them, ask for feedback on your application and ask to stay in touch.",
            "rejection_reply",
        ),
    ),
}

_FIRST_YEAR, _LAST_YEAR = 1900, 2200
_SATURDAY = 5
_ONE_DAY = dt.timedelta(days=1)


def _check_date(name: str, value: object) -> dt.date:
    """A ``datetime.date`` (a ``datetime`` is cut to its date) within 1900..2200."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if not isinstance(value, dt.date):
        raise InputError(name, f"must be a date, got {type(value).__name__} {value!r}")
    if not _FIRST_YEAR <= value.year <= _LAST_YEAR:
        raise InputError(
            name, f"must be a year between {_FIRST_YEAR} and {_LAST_YEAR}, got {value.isoformat()}"
        )
    return value


def _check_optional_date(name: str, value: object) -> dt.date | None:
    return None if value is None else _check_date(name, value)


def _check_text(name: str, value: object, *, required: bool = False) -> str | None:
    """Text with whitespace runs collapsed; blank becomes ``None`` (or an error if required)."""
    if value is None:
        text = ""
    elif isinstance(value, str):
        text = " ".join(value.split())
    else:
        raise InputError(name, f"must be text, got {type(value).__name__}")
    if not text:
        if required:
            raise InputError(name, "must not be empty")
        return None
    return text


def _check_region(country: object, subdivision: object) -> tuple[str | None, str | None]:
    """A known country code (or ``None``) and one of its subdivisions (or ``None``)."""
    if country is None or country == "":
        if subdivision not in (None, ""):
            raise InputError("subdivision", "needs a country")
        return None, None
    if not isinstance(country, str) or country.upper() not in HOLIDAY_COUNTRIES:
        raise InputError(
            "country", f"must be one of {', '.join(HOLIDAY_COUNTRIES)}, got {country!r}"
        )
    code = country.upper()
    if subdivision is None or subdivision == "":
        return code, None
    known = _subdivisions(code)
    if not isinstance(subdivision, str) or subdivision.upper() not in known:
        raise InputError(
            "subdivision", f"must be one of {', '.join(known)} for {code}, got {subdivision!r}"
        )
    return code, subdivision.upper()


@functools.cache
def _subdivisions(country: str) -> tuple[str, ...]:
    import holidays

    return tuple(holidays.country_holidays(country).subdivisions)


@functools.lru_cache(maxsize=256)
def _holidays_of(country: str, subdivision: str | None, year: int) -> Mapping[dt.date, str]:
    """The public holidays of one year, observed (substitute) days included."""
    import holidays

    found = holidays.country_holidays(country, subdiv=subdivision, years=year, observed=True)
    return dict(sorted(found.items()))


@dataclass(frozen=True, slots=True)
class WorkingDays:
    """Which days are working days: Monday to Friday, less the public holidays of ``country``
    (``"GB"`` or ``"US"``; ``None``: weekends only) and, optionally, one of its
    ``subdivision``\\ s (GB: ``ENG``, ``WLS``, ``SCT``, ``NIR``; US: a state such as ``NC``).

    Holidays come from the ``holidays`` package (docs/domain.md section 7), observed days included: in
    England Boxing Day 2026 falls on a Saturday, so Monday 28 December is the bank holiday.
    Codes are the package's; lower case is accepted.

    >>> eng = WorkingDays("GB", "ENG")
    >>> eng.holiday(dt.date(2026, 12, 28)), eng.is_working(dt.date(2026, 12, 29))
    ('Boxing Day (observed)', True)
    >>> eng.roll(dt.date(2026, 12, 25))  # Christmas Day 2026, a Friday: next is Tue 29
    datetime.date(2026, 12, 29)
    """

    country: str | None = None
    subdivision: str | None = None

    def __post_init__(self) -> None:
        country, subdivision = _check_region(self.country, self.subdivision)
        object.__setattr__(self, "country", country)
        object.__setattr__(self, "subdivision", subdivision)

    def holiday(self, day: dt.date) -> str | None:
        """The name of the public holiday on ``day``, or ``None``."""
        day = _check_date("day", day)
        if self.country is None:
            return None
        return _holidays_of(self.country, self.subdivision, day.year).get(day)

    def is_working(self, day: dt.date) -> bool:
        """True on a weekday that is not a public holiday."""
        return day.weekday() < _SATURDAY and self.holiday(day) is None

    def roll(self, day: dt.date) -> dt.date:
        """``day`` itself if it is a working day, else the next working day."""
        day = _check_date("day", day)
        while not self.is_working(day):
            day += _ONE_DAY
        return day

    def roll_back(self, day: dt.date) -> dt.date:
        """``day`` itself if it is a working day, else the working day before it."""
        day = _check_date("day", day)
        while not self.is_working(day):
            day -= _ONE_DAY
        return day

    def add(self, day: dt.date, count: int) -> dt.date:
        """The ``count``-th working day after ``day``; ``count`` 0 rolls to a working day."""
        day = _check_date("day", day)
        if isinstance(count, bool) or not isinstance(count, int) or not 0 <= count <= 1000:
            raise InputError("count", f"must be a whole number of days 0-1000, got {count!r}")
        if count == 0:
            return self.roll(day)
        for _ in range(count):
            day = self.roll(day + _ONE_DAY)
        return day

    def holidays_between(self, first: dt.date, last: dt.date) -> tuple[tuple[dt.date, str], ...]:
        """Public holidays from ``first`` to ``last`` (both included), in date order."""
        if self.country is None or last < first:
            return ()
        found: list[tuple[dt.date, str]] = []
        for year in range(first.year, last.year + 1):
            days = _holidays_of(self.country, self.subdivision, year)
            found += [(d, n) for d, n in days.items() if first <= d <= last]
        return tuple(found)

    @property
    def place(self) -> str:
        """Where the holidays are from, in words ("England", "the US (NC)", "weekends only")."""
        names = {"ENG": "England", "WLS": "Wales", "SCT": "Scotland", "NIR": "Northern Ireland"}
        if self.country is None:
            return "weekends only"
        if self.country == "GB":
            return names.get(self.subdivision or "", "the UK (holidays common to all nations)")
        return f"the US ({self.subdivision})" if self.subdivision else "the US (federal)"


def roll_to_working_day(
    day: dt.date, *, country: str | None = None, subdivision: str | None = None
) -> dt.date:
    """``day`` itself on a working day; a weekend or public holiday moves to the next working
    day (see :class:`WorkingDays`; without a country, weekends only).

    >>> roll_to_working_day(dt.date(2025, 6, 14))  # a Saturday
    datetime.date(2025, 6, 16)
    >>> roll_to_working_day(dt.date(2026, 12, 25), country="US")  # Christmas: Mon 28
    datetime.date(2026, 12, 28)
    """
    return WorkingDays(country, subdivision).roll(day)


def add_working_days(
    day: dt.date, count: int, *, country: str | None = None, subdivision: str | None = None
) -> dt.date:
    """The ``count``-th working day after ``day``; ``count`` 0 rolls off a non-working day.

    >>> add_working_days(dt.date(2025, 6, 13), 1)  # Friday + 1 working day = Monday
    datetime.date(2025, 6, 16)
    >>> add_working_days(dt.date(2026, 12, 24), 1, country="GB", subdivision="ENG")
    datetime.date(2026, 12, 29)
    """
    return WorkingDays(country, subdivision).add(day, count)


def next_working_day(
    day: dt.date, *, country: str | None = None, subdivision: str | None = None
) -> dt.date:
    """The working day after ``day`` (Thursday -> Friday, Friday -> Monday).

    >>> next_working_day(dt.date(2025, 12, 31))  # weekends only: Thu 1 Jan 2026
    datetime.date(2026, 1, 1)
    >>> next_working_day(dt.date(2025, 12, 31), country="GB", subdivision="SCT")
    datetime.date(2026, 1, 5)
    """
    return WorkingDays(country, subdivision).add(day, 1)


@dataclass(frozen=True, slots=True)
class PromisedItem:
    """Something you promised to send (a work sample, documents) and the date it is due.

    >>> PromisedItem("  a code sample ", dt.date(2025, 6, 13)).what
    'a code sample'
    """

    what: str
    due: dt.date

    def __post_init__(self) -> None:
        object.__setattr__(
            self, "what", _check_text("promised_items.what", self.what, required=True)
        )
        object.__setattr__(self, "due", _check_date("promised_items.due", self.due))

    @classmethod
    def coerce(cls, item: object) -> PromisedItem:
        """A :class:`PromisedItem`, a ``(what, due)`` pair or a ``{"what", "due"}`` mapping."""
        if isinstance(item, cls):
            return item
        if isinstance(item, Mapping):
            unknown = set(item) - {"what", "due"}
            if unknown or "what" not in item or "due" not in item:
                raise InputError("promised_items", "each item needs exactly 'what' and 'due'")
            return cls(item["what"], _parse_date("promised_items.due", item["due"]))
        if isinstance(item, (tuple, list)) and len(item) == 2:
            return cls(item[0], item[1])
        raise InputError("promised_items", f"each item must be (what, due date), got {item!r}")


@dataclass(frozen=True, slots=True)
class LogEntry:
    """One contact with the employer: when, how, which way, and a short note.

    ``kind`` says what a sent entry was for (one of :data:`LOG_KINDS`); ``None`` lets the
    planner work it out from the date: sent by the thank-you deadline is the thank-you note,
    sent on or after the first status-check date is a check-in, anything between is other
    contact and uses up no check-in.

    >>> LogEntry(dt.date(2025, 6, 24), "email", "sent", "asked for news").direction
    'sent'
    """

    date: dt.date
    channel: str = "email"
    direction: Literal["sent", "received"] = "sent"
    note: str = ""
    kind: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "date", _check_date("log.date", self.date))
        check_choice("log.channel", self.channel, CHANNELS)
        check_choice("log.direction", self.direction, ("sent", "received"))
        object.__setattr__(self, "note", _check_text("log.note", self.note) or "")
        if self.kind is not None:
            check_choice("log.kind", self.kind, LOG_KINDS)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready mapping with the date as ISO text."""
        return {
            "date": self.date.isoformat(),
            "channel": self.channel,
            "direction": self.direction,
            "note": self.note,
            "kind": self.kind,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> LogEntry:
        """Inverse of :meth:`to_dict`; ``date`` may be a date or ISO ``YYYY-MM-DD`` text."""
        if not isinstance(data, Mapping):
            raise InputError("log", f"each entry must be a mapping, got {type(data).__name__}")
        unknown = set(data) - {"date", "channel", "direction", "note", "kind"}
        if unknown:
            raise InputError("log", f"has unknown fields: {', '.join(sorted(map(str, unknown)))}")
        if "date" not in data:
            raise InputError("log.date", "is needed for every entry")
        return cls(
            date=_parse_date("log.date", data["date"]),
            channel=data.get("channel") or "email",
            direction=data.get("direction") or "sent",
            note=data.get("note") or "",
            kind=data.get("kind"),
        )


def _parse_date(name: str, value: object) -> dt.date:
    """A date, or ISO ``YYYY-MM-DD`` text from saved JSON."""
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value)
        except ValueError:
            raise InputError(name, f"must be an ISO date like 2025-06-12, got {value!r}") from None
    return _check_date(name, value)


@dataclass(frozen=True, slots=True)
class ContactLog:
    """The contacts made and replies received for one application, oldest first.

    Entries are kept sorted by date (stable for the same day). :meth:`add` returns a new log.

    >>> log = ContactLog().add(LogEntry(dt.date(2025, 6, 24), "email", "sent"))
    >>> len(log.entries), log.sent_count
    (1, 1)
    >>> ContactLog.from_dict(log.to_dict()) == log
    True
    """

    entries: tuple[LogEntry, ...] = ()

    def __post_init__(self) -> None:
        entries = self.entries
        if not isinstance(entries, (tuple, list)) or not all(
            isinstance(e, LogEntry) for e in entries
        ):
            raise InputError("log", "must be a sequence of LogEntry")
        object.__setattr__(self, "entries", tuple(sorted(entries, key=lambda e: e.date)))

    def add(self, entry: LogEntry) -> ContactLog:
        """A new log with ``entry`` added."""
        if not isinstance(entry, LogEntry):
            raise InputError("log", f"can only add a LogEntry, got {type(entry).__name__}")
        return ContactLog((*self.entries, entry))

    @property
    def sent_count(self) -> int:
        """How many entries were sent by you."""
        return sum(1 for e in self.entries if e.direction == "sent")

    @property
    def replies(self) -> tuple[LogEntry, ...]:
        """Entries received from the employer."""
        return tuple(e for e in self.entries if e.direction == "received")

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready ``{"entries": [...]}``."""
        return {"entries": [e.to_dict() for e in self.entries]}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ContactLog:
        """Inverse of :meth:`to_dict`."""
        if not isinstance(data, Mapping):
            raise InputError("log", f"must be a mapping with 'entries', got {type(data).__name__}")
        entries = data.get("entries") or []
        if not isinstance(entries, (list, tuple)):
            raise InputError("log", "entries must be a list")
        return cls(tuple(LogEntry.from_dict(e) for e in entries))


@dataclass(frozen=True, slots=True)
class PlanAction:
    """One dated step of the plan.

    ``kind`` is one of :data:`ACTION_KINDS`; ``message_key`` names the template in
    :func:`calculator.messages.message_templates` to use (``None`` if no message is needed);
    ``done`` is True when the contact log shows it was done; ``number`` counts check-ins
    (1 of :data:`MAX_CHECK_INS`) and is 0 for other kinds. ``deadline`` is the last day it can
    be done without being late (``None``: the same day as ``date``).

    >>> a = PlanAction(dt.date(2025, 6, 13), "Send a thank-you note", "Within 24 hours.", "thank_you", "thank_you")
    >>> a.done, a.number, a.last_day
    (False, 0, datetime.date(2025, 6, 13))
    """

    date: dt.date
    title: str
    reason: str
    kind: str
    message_key: str | None = None
    done: bool = False
    number: int = 0
    deadline: dt.date | None = None

    def __post_init__(self) -> None:
        _check_date("date", self.date)
        _check_text("title", self.title, required=True)
        _check_text("reason", self.reason, required=True)
        check_choice("kind", self.kind, ACTION_KINDS)
        if self.message_key is not None and not isinstance(self.message_key, str):
            raise InputError("message_key", f"must be text or None, got {self.message_key!r}")
        _check_bool("done", self.done)
        if isinstance(self.number, bool) or not isinstance(self.number, int):
            raise InputError("number", f"must be a whole number, got {self.number!r}")
        if not 0 <= self.number <= MAX_CHECK_INS:
            raise InputError("number", f"must be between 0 and {MAX_CHECK_INS}, got {self.number}")
        deadline = _check_optional_date("deadline", self.deadline)
        if deadline is not None and deadline < self.date:
            raise InputError("deadline", f"must not be before the date {self.date.isoformat()}")

    @property
    def last_day(self) -> dt.date:
        """The deadline, or the date when there is none: after it the action is overdue."""
        return self.deadline or self.date

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready mapping with the dates as ISO text."""
        return {
            "date": self.date.isoformat(),
            "title": self.title,
            "reason": self.reason,
            "kind": self.kind,
            "message_key": self.message_key,
            "done": self.done,
            "number": self.number,
            "deadline": None if self.deadline is None else self.deadline.isoformat(),
        }


@dataclass(frozen=True, slots=True)
class FollowUpPlan:
    """The dated plan of one application, actions in date order.

    ``notes`` state the assumptions used (working days, the holidays skipped, the wait
    chosen); ``stage`` is one of :data:`STAGES`; ``key`` is the caller's stable id for the
    application (it keeps calendar events stable when details change). Build it with
    :func:`follow_up_plan`.

    >>> plan = follow_up_plan(dt.date(2025, 6, 12))
    >>> plan.next_action.kind, len(plan.check_ins), plan.replied, plan.label
    ('thank_you', 3, False, 'Interview on Thu 12 Jun 2025')
    """

    interview_date: dt.date
    decision_date: dt.date | None
    actions: tuple[PlanAction, ...]
    company: str | None = None
    role: str | None = None
    contact_method: str = "email"
    notes: tuple[str, ...] = field(default=())
    stage: str = "interviewing"
    country: str | None = None
    subdivision: str | None = None
    key: str | None = None
    answer_by: dt.date | None = None

    @property
    def label(self) -> str:
        """Who the plan is about: the employer, else the role, else the interview date."""
        return self.company or self.role or f"Interview on {_day(self.interview_date)}"

    @property
    def pending(self) -> tuple[PlanAction, ...]:
        """Actions not yet done."""
        return tuple(a for a in self.actions if not a.done)

    @property
    def check_ins(self) -> tuple[PlanAction, ...]:
        """The status check and later check-ins, done or not."""
        return tuple(a for a in self.actions if a.kind in ("status_check", "check_in"))

    @property
    def replied(self) -> bool:
        """True when the log shows a reply, so the chasing has ended."""
        return any(a.kind == "reply" for a in self.actions)

    @property
    def next_action(self) -> PlanAction | None:
        """The earliest action not yet done (``None`` when everything is done)."""
        pending = self.pending
        return pending[0] if pending else None

    def due_by(self, today: dt.date) -> tuple[PlanAction, ...]:
        """Actions not yet done whose date is on or before ``today`` (what to do now)."""
        day = _check_date("today", today)
        return tuple(a for a in self.pending if a.date <= day)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready mapping of the plan."""
        return {
            "interview_date": self.interview_date.isoformat(),
            "decision_date": None if self.decision_date is None else self.decision_date.isoformat(),
            "company": self.company,
            "role": self.role,
            "contact_method": self.contact_method,
            "stage": self.stage,
            "country": self.country,
            "subdivision": self.subdivision,
            "key": self.key,
            "answer_by": None if self.answer_by is None else self.answer_by.isoformat(),
            "actions": [a.to_dict() for a in self.actions],
            "notes": list(self.notes),
        }


def _day(day: dt.date) -> str:
    """'Thu 12 Jun 2025' (English day and month names, whatever the process locale)."""
    days = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
    months = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
    return f"{days[day.weekday()]} {day.day} {months[day.month - 1]} {day.year}"


def _names(names: Iterable[str]) -> str:
    """'Sam', 'Sam and Alex', 'Sam, Alex and Jo'."""
    listed = list(names)
    if len(listed) <= 1:
        return "".join(listed)
    return f"{', '.join(listed[:-1])} and {listed[-1]}"


def _check_names(value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = (value,)
    if not isinstance(value, (tuple, list)):
        raise InputError("interviewer_names", "must be a list of names")
    names = [_check_text("interviewer_names", v) for v in value]
    return tuple(n for n in names if n)


def _check_log(value: object) -> ContactLog:
    if value is None:
        return ContactLog()
    if isinstance(value, ContactLog):
        return value
    if isinstance(value, (tuple, list)):
        return ContactLog(tuple(value))
    raise InputError("log", f"must be a ContactLog, got {type(value).__name__}")


def _check_bool(name: str, value: object) -> bool:
    if not isinstance(value, bool):
        raise InputError(name, f"must be True or False, got {value!r}")
    return value


@dataclass(frozen=True, slots=True)
class _Inputs:
    """The checked arguments of :func:`follow_up_plan`."""

    interview: dt.date
    decision: dt.date | None
    method: str
    wait: str
    agency: bool
    promised: tuple[PromisedItem, ...]
    log: ContactLog
    names: tuple[str, ...]
    company: str | None
    role: str | None
    days: WorkingDays
    stage: str
    stage_date: dt.date
    answer_by: dt.date | None
    key: str | None


def _check_promised(items: object, interview: dt.date) -> tuple[PromisedItem, ...]:
    if isinstance(items, (str, bytes)) or not isinstance(items, Iterable):
        raise InputError("promised_items", "must be a list of (what, due date) items")
    promised = tuple(PromisedItem.coerce(item) for item in items)
    for item in promised:
        if item.due < interview:
            raise InputError(
                "promised_items",
                f"'{item.what}' is due {item.due.isoformat()}, before the interview "
                f"({interview.isoformat()})",
            )
    return promised


def _not_before(name: str, value: dt.date | None, first: dt.date, what: str) -> dt.date | None:
    if value is not None and value < first:
        raise InputError(
            name, f"must be on or after {what} ({first.isoformat()}), got {value.isoformat()}"
        )
    return value


def _check_stage(
    stage: object, stage_date: object, answer_by: object, interview: dt.date
) -> tuple[str, dt.date, dt.date | None]:
    chosen = check_choice("stage", "interviewing" if stage is None else stage, STAGES)
    since = _check_optional_date("stage_date", stage_date) or interview
    _not_before("stage_date", since, interview, "the interview date")
    deadline = _check_optional_date("answer_by", answer_by)
    _not_before("answer_by", deadline, since, "the date of the offer")
    return chosen, since, deadline


def follow_up_plan(
    interview_date: dt.date,
    decision_date: dt.date | None = None,
    *,
    contact_method: str | None = "email",
    agency: bool = False,
    promised_items: Iterable[PromisedItem | tuple[str, dt.date] | Mapping[str, Any]] = (),
    patience: str | None = "next_working_day",
    log: ContactLog | None = None,
    interviewer_names: Iterable[str] | str = (),
    company: str | None = None,
    role: str | None = None,
    country: str | None = None,
    subdivision: str | None = None,
    stage: str | None = "interviewing",
    stage_date: dt.date | None = None,
    answer_by: dt.date | None = None,
    key: str | None = None,
) -> FollowUpPlan:
    """The plan of one application after its interview (docs/domain.md section 7, and 3 for the offer).

    Working days skip weekends and the public holidays of ``country``/``subdivision`` (see
    :class:`WorkingDays`; ``None``: weekends only). Rules:

    - thank-you note to each interviewer: within 24 hours, whatever the day (dated the
      interview day, late after the day after it);
    - brief your references, and give agency feedback (only if ``agency``): the interview day,
      or the next working day after a weekend or holiday interview;
    - each promised item: on the exact date promised;
    - check-in 1 of 3 (the status check): with a promised decision date, that date plus the
      wait chosen in ``patience`` in working days (next working day 1, several days 3, a week
      5: Monday promised -> Tuesday); without one, 7 days after the interview, rolled to a
      working day;
    - check-ins 2 and 3: 7 days after the previous one (or after the one actually sent, per the
      log), rolled to a working day; "move on" 7 days after the last with no reply;
    - the log: sent check-ins are done at their logged dates; a reply received after the
      interview ends the chasing and adds "they replied: respond";
    - ``stage`` after the interview (from ``stage_date``, default the interview day): the
      chasing stops (check-ins already sent stay, done), steps dated before the news and not
      done are dropped (promised items stay) and the stage's steps come on the next working
      day: offer -> ask for it in writing and check the letter; negotiating -> the
      counter-offer; accepted, declined, rejected -> the reply to send. With ``answer_by`` (offer
      or negotiating), "answer the offer" on the last working day before that deadline.

    >>> plan = follow_up_plan(dt.date(2025, 6, 12), dt.date(2025, 6, 16))  # Thu; decide Mon
    >>> [(a.kind, a.date.strftime("%a %d")) for a in plan.actions][:3]
    [('thank_you', 'Thu 12'), ('references', 'Thu 12'), ('status_check', 'Tue 17')]
    >>> xmas = follow_up_plan(dt.date(2026, 12, 17), dt.date(2026, 12, 24), country="GB", subdivision="ENG")
    >>> [a.date.strftime("%a %d %b") for a in xmas.check_ins]
    ['Tue 29 Dec', 'Tue 05 Jan', 'Tue 12 Jan']
    """
    inp = _check_inputs(
        interview_date,
        decision_date,
        contact_method=contact_method,
        agency=agency,
        promised_items=promised_items,
        patience=patience,
        log=log,
        interviewer_names=interviewer_names,
        company=company,
        role=role,
        region=(country, subdivision),
        stage=(stage, stage_date, answer_by),
        key=key,
    )
    first_check, first_reason = _first_check(inp)
    sent, replies = _sent(inp, first_check)
    actions = _early_actions(inp, sent)
    chasing = _chasing(inp, sent, replies, first_check, first_reason)
    if inp.stage == "interviewing":
        actions += chasing
    else:  # the news came: steps from before it that were not done are no longer needed
        actions = [
            a for a in actions if a.done or a.kind == "promised_item" or a.date >= inp.stage_date
        ]
        actions += [a for a in chasing if a.done]
        actions += _stage_actions(inp, {kind for kind, _ in sent})
    order = {kind: i for i, kind in enumerate(ACTION_KINDS)}
    actions.sort(key=lambda a: (a.date, order[a.kind], a.number))
    return FollowUpPlan(
        interview_date=inp.interview,
        decision_date=inp.decision,
        actions=tuple(actions),
        company=inp.company,
        role=inp.role,
        contact_method=inp.method,
        notes=_notes(inp, actions),
        stage=inp.stage,
        country=inp.days.country,
        subdivision=inp.days.subdivision,
        key=inp.key,
        answer_by=inp.answer_by,
    )


def _check_inputs(
    interview_date: object,
    decision_date: object,
    *,
    contact_method: object,
    agency: object,
    promised_items: object,
    patience: object,
    log: object,
    interviewer_names: object,
    company: object,
    role: object,
    region: tuple[object, object],
    stage: tuple[object, object, object],
    key: object,
) -> _Inputs:
    """Every argument of :func:`follow_up_plan` checked, or InputError naming it."""
    interview = _check_date("interview_date", interview_date)
    decision = _check_optional_date("decision_date", decision_date)
    _not_before("decision_date", decision, interview, "the interview date")
    method = check_choice(
        "contact_method", "email" if contact_method is None else contact_method, CONTACT_METHODS
    )
    wait = check_choice("patience", "next_working_day" if patience is None else patience, PATIENCE)
    chosen, since, deadline = _check_stage(*stage, interview)
    return _Inputs(
        interview=interview,
        decision=decision,
        method=method,
        wait=wait,
        agency=_check_bool("agency", agency),
        promised=_check_promised(promised_items, interview),
        log=_check_log(log),
        names=_check_names(interviewer_names),
        company=_check_text("company", company),
        role=_check_text("role", role),
        days=WorkingDays(*_check_region(*region)),
        stage=chosen,
        stage_date=since,
        answer_by=deadline,
        key=_check_text("key", key),
    )


def _first_check(inp: _Inputs) -> tuple[dt.date, str]:
    """The date of the status check (check-in 1) and why."""
    if inp.decision is None:
        first = inp.days.roll(inp.interview + dt.timedelta(days=NO_DATE_WAIT_DAYS))
        return first, "They gave no decision date, so ask for news a week after the interview."
    days = PATIENCE_WORKING_DAYS[inp.wait]
    reason = f"They said they would decide by {_day(inp.decision)}, " + (
        "so ask on the working day after."
        if days == 1
        else f"and you chose to wait {days} working days after that before asking."
    )
    return inp.days.add(inp.decision, days), reason


def _sent(inp: _Inputs, first_check: dt.date) -> tuple[list[tuple[str, LogEntry]], list[LogEntry]]:
    """What each sent entry since the interview was for, and the replies received.

    An entry without a kind sent by the thank-you deadline is the thank-you, one on or after the
    first status-check date a check-in, anything between other contact.
    """
    thank_deadline = inp.interview + _ONE_DAY
    after = [e for e in inp.log.entries if e.date >= inp.interview]

    def kind_of(entry: LogEntry) -> str:
        if entry.kind is not None:
            return entry.kind
        if entry.date <= thank_deadline:
            return "thank_you"
        return "check_in" if entry.date >= first_check else "other"

    sent = [(kind_of(e), e) for e in after if e.direction == "sent"]
    return sent, [e for e in after if e.direction == "received"]


def _early_actions(inp: _Inputs, sent: list[tuple[str, LogEntry]]) -> list[PlanAction]:
    """Thank-you, references, agency feedback and promised items."""
    done_kinds = {kind for kind, _ in sent}
    who = _names(inp.names)
    deadline = inp.interview + _ONE_DAY
    day_of = inp.days.roll(inp.interview)
    actions = [
        PlanAction(
            inp.interview,
            f"Send a thank-you note to {who}" if who else "Send a thank-you note",
            f"Within 24 hours of the interview (by {_day(deadline)}, today is best): thank "
            "them, say you are interested and mention one point you discussed."
            + (" One short note to each interviewer." if len(inp.names) > 1 else ""),
            "thank_you",
            "thank_you",
            done="thank_you" in done_kinds,
            deadline=deadline,
        ),
        PlanAction(
            day_of,
            "Tell your references about the interview",
            "Let them know who may call and what the role needs, so they are ready.",
            "references",
            "reference_heads_up",
            done="references" in done_kinds,
        ),
    ]
    if inp.agency:
        actions.append(
            PlanAction(
                day_of,
                "Give your recruitment consultant feedback",
                "Call or write while the interview is fresh: they can pass your interest on.",
                "agency_feedback",
                "agency_feedback",
                done="agency_feedback" in done_kinds,
            )
        )
    notes = [e for kind, e in sent if kind == "promised_item"]
    for item in inp.promised:
        mentioned = any(item.what.casefold() in e.note.casefold() for e in notes)
        actions.append(
            PlanAction(
                item.due,
                f"Send {item.what}",
                "You promised it by this date: keeping a promise is part of the impression "
                "you make.",
                "promised_item",
                "promised_item",
                done=mentioned or (len(inp.promised) == 1 and bool(notes)),
            )
        )
    return actions


def _chasing(
    inp: _Inputs,
    sent: list[tuple[str, LogEntry]],
    replies: list[LogEntry],
    first_check: dt.date,
    first_reason: str,
) -> list[PlanAction]:
    """Status check, check-ins and move on; or, once they replied, "respond"."""
    ask = {
        "email": ("Email to ask for news", "status_check"),
        "phone": ("Call to ask for news", "status_voicemail"),
        "recruiter": ("Ask your recruiter for news", "status_check"),
    }[inp.method]
    checked = [e for kind, e in sent if kind == "check_in"]
    actions: list[PlanAction] = []
    if replies:
        # A reply ends the chasing: sent check-ins before it stay in the plan, done.
        reply = replies[-1]
        for number, entry in enumerate(checked[:MAX_CHECK_INS], start=1):
            if entry.date <= reply.date:
                actions.append(_check_in(number, entry.date, ask, first_reason, done=True))
        answered = any(e.date >= reply.date for _, e in sent)
        actions.append(
            PlanAction(
                inp.days.roll(reply.date),
                "They replied: respond",
                f"You heard back on {_day(reply.date)}. Reply promptly and politely; "
                "no more chasing is needed.",
                "reply",
                None,
                done=answered,
            )
        )
        return actions
    last = first_check
    for number in range(1, MAX_CHECK_INS + 1):
        if number <= len(checked):
            last = checked[number - 1].date
            actions.append(_check_in(number, last, ask, first_reason, done=True))
            continue
        if number > 1:
            last = inp.days.roll(last + dt.timedelta(days=CHECK_IN_INTERVAL_DAYS))
        actions.append(_check_in(number, last, ask, first_reason, done=False))
    actions.append(
        PlanAction(
            inp.days.roll(last + dt.timedelta(days=CHECK_IN_INTERVAL_DAYS)),
            "No reply: move on",
            f"{MAX_CHECK_INS} check-ins without an answer: silence is likely the answer. "
            "Keep applying elsewhere and stay courteous if they get in touch later.",
            "move_on",
            None,
            done=any(kind == "move_on" for kind, _ in sent),
        )
    )
    return actions


def _stage_actions(inp: _Inputs, done_kinds: set[str]) -> list[PlanAction]:
    """The steps of the stage after the interview (docs/domain.md sections 3 and 7)."""
    day = inp.days.roll(inp.stage_date)
    actions = [
        PlanAction(day, title, reason, kind, message, done=kind in done_kinds)
        for kind, title, reason, message in _STAGE_STEPS[inp.stage]
    ]
    if inp.answer_by is not None and inp.stage in ("offer", "negotiating"):
        remind = inp.days.roll_back(inp.answer_by)
        actions.append(
            PlanAction(
                remind if remind >= inp.stage_date else inp.answer_by,
                f"Answer the offer by {_day(inp.answer_by)}",
                "Their deadline to answer: check the offer against your acceptance terms "
                "first, and if you need more time, ask before the deadline, not after.",
                "answer_offer",
                None,
                done="answer_offer" in done_kinds,
                deadline=inp.answer_by,
            )
        )
    return actions


def _notes(inp: _Inputs, actions: Sequence[PlanAction]) -> tuple[str, ...]:
    """The assumptions behind the dates, in words."""
    days = inp.days
    if days.country is None:
        notes = [
            "Working days are Monday to Friday: no country is chosen, so public holidays are "
            "not skipped (choose one to skip them)."
        ]
    else:
        notes = [f"Working days are Monday to Friday, less public holidays in {days.place}."]
    last = max((a.last_day for a in actions), default=inp.interview)
    skipped = days.holidays_between(inp.interview, last)
    if skipped:
        listed = "; ".join(f"{_day(d)} {name}" for d, name in skipped)
        notes.append(f"Public holidays skipped: {listed}.")
    notes.append("The thank-you goes within 24 hours, even at a weekend or on a holiday.")
    if inp.decision is None:
        notes.append(
            "No decision date was given: the first check-in is a week after the interview."
        )
    elif inp.wait != "next_working_day":
        notes.append(
            f"You chose to wait {PATIENCE_WORKING_DAYS[inp.wait]} working days after their date."
        )
    if inp.stage in ("offer", "negotiating") and inp.answer_by is None:
        notes.append("No deadline to answer the offer yet: ask when they need your answer.")
    return tuple(notes)


def _check_in(
    number: int, day: dt.date, ask: tuple[str, str], first_reason: str, *, done: bool
) -> PlanAction:
    """Check-in ``number`` of :data:`MAX_CHECK_INS`; the first is the status check."""
    title, key = ask
    if number == 1:
        return PlanAction(
            day,
            f"Check-in 1 of {MAX_CHECK_INS}: {title[0].lower()}{title[1:]}",
            first_reason + " Keep it brief and leave the next step with them.",
            "status_check",
            key,
            done=done,
            number=1,
        )
    return PlanAction(
        day,
        f"Check-in {number} of {MAX_CHECK_INS}: ask if they need anything else from you",
        f"Still no news {CHECK_IN_INTERVAL_DAYS} days after your last check-in. Stay brief and "
        "friendly, never pushy.",
        "check_in",
        "anything_else",
        done=done,
        number=number,
    )


# --- across applications -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DueAction:
    """An action due on a given day: its plan, the action, whether it is overdue (its last day
    has passed) and by how many days.

    >>> plan = follow_up_plan(dt.date(2026, 6, 1))
    >>> [(d.action.kind, d.overdue, d.days_late) for d in due_actions([plan], dt.date(2026, 6, 4))]
    [('references', True, 3), ('thank_you', True, 2)]
    """

    plan: FollowUpPlan
    action: PlanAction
    overdue: bool
    days_late: int


def due_actions(plans: Iterable[FollowUpPlan], today: dt.date) -> tuple[DueAction, ...]:
    """What is due or overdue on ``today`` across every application, most urgent first.

    An action not yet done is due once its date has come (``date <= today``) and overdue once
    its last day has passed (``last_day < today``; the thank-you's last day is the day after
    the interview, docs/domain.md section 7). Order: the earliest last day first (so the most overdue
    lead), then the order of the plans given, then the order within the plan.

    >>> a = follow_up_plan(dt.date(2026, 6, 1), company="Acme")  # Mon: thank-you by Tue 2
    >>> b = follow_up_plan(dt.date(2026, 6, 3), company="Globex")  # Wed
    >>> [(d.plan.label, d.action.kind, d.overdue) for d in due_actions([b, a], dt.date(2026, 6, 3))]
    [('Acme', 'references', True), ('Acme', 'thank_you', True), ('Globex', 'references', False), ('Globex', 'thank_you', False)]
    """
    day = _check_date("today", today)
    if isinstance(plans, FollowUpPlan) or not isinstance(plans, Iterable):
        raise InputError("plans", "must be a list of FollowUpPlan")
    found: list[tuple[tuple[dt.date, int, int], DueAction]] = []
    for p, plan in enumerate(plans):
        if not isinstance(plan, FollowUpPlan):
            raise InputError("plans", f"must hold FollowUpPlan items, got {type(plan).__name__}")
        for a, action in enumerate(plan.due_by(day)):
            late = (day - action.last_day).days
            found.append(((action.last_day, p, a), DueAction(plan, action, late > 0, max(late, 0))))
    found.sort(key=lambda pair: pair[0])
    return tuple(due for _, due in found)


def done_entry(plan: FollowUpPlan, action: PlanAction, today: dt.date) -> LogEntry:
    """The contact-log entry that records ``action`` as done on ``today``: sent, by the plan's
    contact method for check-ins (email otherwise), with the action's kind and title. Added
    to the log it moves the plan on as any logged contact does.

    >>> plan = follow_up_plan(dt.date(2026, 6, 1), dt.date(2026, 6, 5))
    >>> entry = done_entry(plan, plan.check_ins[0], dt.date(2026, 6, 8))
    >>> entry.kind, follow_up_plan(dt.date(2026, 6, 1), dt.date(2026, 6, 5), log=[entry]).check_ins[0].done
    ('check_in', True)
    """
    if not isinstance(plan, FollowUpPlan):
        raise InputError("plan", f"must be a FollowUpPlan, got {type(plan).__name__}")
    if not isinstance(action, PlanAction) or action not in plan.actions:
        raise InputError("action", "must be one of the plan's actions")
    day = _check_date("today", today)
    chasing = action.kind in ("status_check", "check_in")
    channel = plan.contact_method if chasing else "email"
    return LogEntry(day, channel, "sent", action.title, _LOG_KIND_OF[action.kind])
