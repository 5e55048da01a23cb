"""The follow-up planner: what to do after an interview, and when (DOMAIN.md 7).

:func:`follow_up_plan` turns the interview date, the date the employer promised a decision and a
few preferences into a dated :class:`FollowUpPlan` of :class:`PlanAction` items, each with a
reason the user can read and the key of the message template to use (see
:mod:`calculator.messages`). A :class:`ContactLog` of what was sent and received moves the plan
on: sent check-ins are ticked off, a reply ends the chasing, three unanswered check-ins reach
"move on".

Date rules (all documented on the plan as notes):

- Working days are Monday to Friday. A planned date that lands on a Saturday or Sunday moves to
  the Monday after. Public holidays are not modelled (a check-in may land on one: move it).
- Promised items keep the exact date you promised, even at a weekend: a promise is a deadline
  and moving it later would break it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Final, Literal

from ._validate import check_choice
from .errors import InputError

__all__ = [
    "ACTION_KINDS",
    "CHANNELS",
    "CHECK_IN_INTERVAL_DAYS",
    "CONTACT_METHODS",
    "LOG_KINDS",
    "MAX_CHECK_INS",
    "NO_DATE_WAIT_DAYS",
    "PATIENCE",
    "PATIENCE_WORKING_DAYS",
    "ContactLog",
    "FollowUpPlan",
    "LogEntry",
    "PlanAction",
    "PromisedItem",
    "add_working_days",
    "follow_up_plan",
    "next_working_day",
    "roll_to_working_day",
]

Patience = Literal["next_working_day", "several_days", "a_week"]
ContactMethod = Literal["email", "phone", "recruiter"]

#: How long to wait after the promised decision date, in working days (DOMAIN.md 7: the
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
#: What a plan action is about.
ACTION_KINDS: Final = (
    "thank_you",
    "references",
    "agency_feedback",
    "promised_item",
    "status_check",
    "check_in",
    "reply",
    "move_on",
)
#: What a sent log entry was for; ``None`` on an entry means "work it out from the date".
LOG_KINDS: Final = (
    "thank_you",
    "references",
    "agency_feedback",
    "promised_item",
    "check_in",
    "other",
)

_FIRST_YEAR, _LAST_YEAR = 1900, 2200
_SATURDAY = 5


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


def roll_to_working_day(day: dt.date) -> dt.date:
    """``day`` itself on Monday to Friday; a Saturday or Sunday moves to the Monday after.

    Public holidays are not modelled.

    >>> roll_to_working_day(dt.date(2025, 6, 14))  # a Saturday
    datetime.date(2025, 6, 16)
    >>> roll_to_working_day(dt.date(2025, 6, 12))  # a Thursday stays
    datetime.date(2025, 6, 12)
    """
    day = _check_date("day", day)
    while day.weekday() >= _SATURDAY:
        day += dt.timedelta(days=1)
    return day


def add_working_days(day: dt.date, count: int) -> dt.date:
    """The ``count``-th working day (Mon-Fri) after ``day``; ``count`` 0 rolls off a weekend.

    >>> add_working_days(dt.date(2025, 6, 13), 1)  # Friday + 1 working day = Monday
    datetime.date(2025, 6, 16)
    >>> add_working_days(dt.date(2025, 6, 16), 5)  # Monday + 5 = next Monday
    datetime.date(2025, 6, 23)
    """
    day = _check_date("day", day)
    if isinstance(count, bool) or not isinstance(count, int) or not 0 <= count <= 1000:
        raise InputError("count", f"must be a whole number of days 0-1000, got {count!r}")
    if count == 0:
        return roll_to_working_day(day)
    for _ in range(count):
        day += dt.timedelta(days=1)
        while day.weekday() >= _SATURDAY:
            day += dt.timedelta(days=1)
    return day


def next_working_day(day: dt.date) -> dt.date:
    """The working day after ``day`` (Thursday -> Friday, Friday -> Monday).

    >>> next_working_day(dt.date(2025, 12, 31))  # Wed 31 Dec 2025 -> Thu 1 Jan 2026
    datetime.date(2026, 1, 1)
    """
    return add_working_days(day, 1)


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
    (1 of :data:`MAX_CHECK_INS`) and is 0 for other kinds.

    >>> a = PlanAction(dt.date(2025, 6, 13), "Send a thank-you note", "Within 24 hours.", "thank_you", "thank_you")
    >>> a.done, a.number
    (False, 0)
    """

    date: dt.date
    title: str
    reason: str
    kind: str
    message_key: str | None = None
    done: bool = False
    number: int = 0

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

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready mapping with the date as ISO text."""
        return {
            "date": self.date.isoformat(),
            "title": self.title,
            "reason": self.reason,
            "kind": self.kind,
            "message_key": self.message_key,
            "done": self.done,
            "number": self.number,
        }


@dataclass(frozen=True, slots=True)
class FollowUpPlan:
    """The dated follow-up plan for one interview, actions in date order.

    ``notes`` state the assumptions used (weekends, public holidays, the wait chosen).
    Build it with :func:`follow_up_plan`.

    >>> plan = follow_up_plan(dt.date(2025, 6, 12))
    >>> plan.next_action.kind, len(plan.check_ins), plan.replied
    ('references', 3, False)
    """

    interview_date: dt.date
    decision_date: dt.date | None
    actions: tuple[PlanAction, ...]
    company: str | None = None
    role: str | None = None
    contact_method: str = "email"
    notes: tuple[str, ...] = field(default=())

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
) -> FollowUpPlan:
    """The follow-up plan after an interview (DOMAIN.md 7).

    Rules (weekend dates move to the Monday after; public holidays are not modelled):

    - thank-you note to each interviewer: by the next working day (within 24 hours; the same
      day is best), e.g. interview Thursday -> by Friday;
    - brief your references: the interview day; agency feedback the same day (only if
      ``agency``);
    - each promised item: on the exact date promised;
    - check-in 1 of 3 (the status check): with a promised decision date, that date plus the
      wait chosen in ``patience`` in working days (next working day 1, several days 3, a week
      5: Monday promised -> Tuesday); without one, 7 calendar days after the interview
      (``patience`` is then not used);
    - check-ins 2 and 3: 7 days after the previous one (or after the one actually sent, per the
      log); at most 3 in all, the first status check included;
    - "move on": 7 days after the last check-in when no reply has come;
    - the log: sent check-ins are marked done at their logged dates; a reply received after the
      interview ends the chasing (no more check-ins, no move-on) and adds "they replied: respond".

    >>> plan = follow_up_plan(dt.date(2025, 6, 12), dt.date(2025, 6, 16))  # Thu; decide Mon
    >>> [(a.kind, a.date.strftime("%a %d")) for a in plan.actions][:3]
    [('references', 'Thu 12'), ('thank_you', 'Fri 13'), ('status_check', 'Tue 17')]
    >>> plan.actions[-1].kind
    'move_on'
    """
    interview = _check_date("interview_date", interview_date)
    decision = _check_optional_date("decision_date", decision_date)
    if decision is not None and decision < interview:
        raise InputError(
            "decision_date",
            f"must be on or after the interview date ({interview.isoformat()}), "
            f"got {decision.isoformat()}",
        )
    method = check_choice(
        "contact_method", "email" if contact_method is None else contact_method, CONTACT_METHODS
    )
    wait = check_choice("patience", "next_working_day" if patience is None else patience, PATIENCE)
    has_agency = _check_bool("agency", agency)
    if isinstance(promised_items, (str, bytes)) or not isinstance(promised_items, Iterable):
        raise InputError("promised_items", "must be a list of (what, due date) items")
    promised = tuple(PromisedItem.coerce(item) for item in promised_items)
    for item in promised:
        if item.due < interview:
            raise InputError(
                "promised_items",
                f"'{item.what}' is due {item.due.isoformat()}, before the interview "
                f"({interview.isoformat()})",
            )
    contact_log = _check_log(log)
    names = _check_names(interviewer_names)
    company_name = _check_text("company", company)
    role_name = _check_text("role", role)

    notes = [
        "Working days are Monday to Friday: a date on a weekend moves to the Monday after.",
        "Bank and public holidays are not modelled: if a date falls on one, move it on a day.",
    ]
    thank_by = next_working_day(interview)
    after = [e for e in contact_log.entries if e.date >= interview]
    sent = [e for e in after if e.direction == "sent"]
    replies = [e for e in after if e.direction == "received"]

    if decision is not None:
        days = PATIENCE_WORKING_DAYS[wait]
        first_check = add_working_days(decision, days)
        first_reason = f"They said they would decide by {_day(decision)}, " + (
            "so ask on the working day after."
            if days == 1
            else f"and you chose to wait {days} working days after that before asking."
        )
    else:
        first_check = roll_to_working_day(interview + dt.timedelta(days=NO_DATE_WAIT_DAYS))
        first_reason = "They gave no decision date, so ask for news a week after the interview."
        notes.append(
            "No decision date was given: the first check-in is a week after the interview."
        )

    def kind_of(entry: LogEntry) -> str:
        if entry.kind is not None:
            return entry.kind
        if entry.date <= thank_by:
            return "thank_you"
        return "check_in" if entry.date >= first_check else "other"

    sent_kinds = [(kind_of(e), e) for e in sent]
    done_kinds = {kind for kind, _ in sent_kinds}
    check_ins_sent = [e for kind, e in sent_kinds if kind == "check_in"]
    promised_notes = [e for kind, e in sent_kinds if kind == "promised_item"]

    actions: list[PlanAction] = []
    who = _names(names)
    where = f" at {company_name}" if company_name else ""
    actions.append(
        PlanAction(
            roll_to_working_day(interview),
            "Tell your references about the interview",
            "Let them know today who may call and what the role needs, so they are ready.",
            "references",
            "reference_heads_up",
            done="references" in done_kinds,
        )
    )
    if has_agency:
        actions.append(
            PlanAction(
                roll_to_working_day(interview),
                "Give your recruitment consultant feedback",
                "Call or write while the interview is fresh: they can pass your interest on.",
                "agency_feedback",
                "agency_feedback",
                done="agency_feedback" in done_kinds,
            )
        )
    actions.append(
        PlanAction(
            thank_by,
            f"Send a thank-you note to {who}" if who else f"Send a thank-you note{where}",
            "Within 24 hours of the interview (today is best, the next working day at the "
            "latest): thank them, say you are interested and mention one point you discussed."
            + (" One short note to each interviewer." if len(names) > 1 else ""),
            "thank_you",
            "thank_you",
            done="thank_you" in done_kinds,
        )
    )
    for item in promised:
        mentioned = any(item.what.casefold() in e.note.casefold() for e in promised_notes)
        actions.append(
            PlanAction(
                item.due,
                f"Send {item.what}",
                "You promised it by this date: keeping a promise is part of the impression "
                "you make.",
                "promised_item",
                "promised_item",
                done=mentioned or (len(promised) == 1 and bool(promised_notes)),
            )
        )

    ask = {
        "email": ("Email to ask for news", "status_check"),
        "phone": ("Call to ask for news", "status_voicemail"),
        "recruiter": ("Ask your recruiter for news", "status_check"),
    }[method]
    if replies:
        # A reply ends the chasing: sent check-ins before it stay in the plan, done.
        reply = replies[-1]
        for number, entry in enumerate(check_ins_sent[:MAX_CHECK_INS], start=1):
            if entry.date <= reply.date:
                actions.append(_check_in(number, entry.date, ask, first_reason, done=True))
        answered = any(e.date >= reply.date for e in sent if e is not reply)
        actions.append(
            PlanAction(
                roll_to_working_day(reply.date),
                "They replied: respond",
                f"You heard back on {_day(reply.date)}. Reply promptly and politely; "
                "no more chasing is needed.",
                "reply",
                None,
                done=answered,
            )
        )
    else:
        last = first_check
        for number in range(1, MAX_CHECK_INS + 1):
            if number <= len(check_ins_sent):
                last = check_ins_sent[number - 1].date
                actions.append(_check_in(number, last, ask, first_reason, done=True))
            else:
                if number > 1:
                    last = roll_to_working_day(last + dt.timedelta(days=CHECK_IN_INTERVAL_DAYS))
                actions.append(_check_in(number, last, ask, first_reason, done=False))
        actions.append(
            PlanAction(
                roll_to_working_day(last + dt.timedelta(days=CHECK_IN_INTERVAL_DAYS)),
                "No reply: move on",
                f"{MAX_CHECK_INS} check-ins without an answer: silence is likely the answer. "
                "Keep applying elsewhere and stay courteous if they get in touch later.",
                "move_on",
                None,
            )
        )
    if wait != "next_working_day" and decision is not None:
        notes.append(
            f"You chose to wait {PATIENCE_WORKING_DAYS[wait]} working days after their date."
        )
    order = {kind: i for i, kind in enumerate(ACTION_KINDS)}
    actions.sort(key=lambda a: (a.date, order[a.kind], a.number))
    return FollowUpPlan(
        interview_date=interview,
        decision_date=decision,
        actions=tuple(actions),
        company=company_name,
        role=role_name,
        contact_method=method,
        notes=tuple(notes),
    )


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
