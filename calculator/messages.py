"""Ready-to-edit messages for each step after the interview (docs/domain.md sections 3 and 7).

Every template is filled from :class:`MessageDetails`, where each field is optional. A missing
detail changes the wording instead of leaving a gap: "Dear Sam," becomes "Hello,", "the Data
Analyst role at Acme" becomes "the role", and a thank-you note with no decision date asks when
to expect news. User text is inserted as given (only surrounding whitespace is tidied and a
trailing full stop dropped where a sentence continues), never rewritten. Tone: short and
professional; the user edits each message before sending it.

The keys match :attr:`calculator.followup.PlanAction.message_key`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Final

from ._validate import check_finite
from .errors import InputError
from .money import format_day, format_money

__all__ = ["MESSAGE_TITLES", "MessageDetails", "message_templates", "message_text"]

#: Every template key, in the order the messages are usually needed, with its title.
MESSAGE_TITLES: Final = {
    "thank_you": "Thank-you note (within 24 hours)",
    "reference_heads_up": "Heads-up to a reference",
    "agency_feedback": "Feedback to your recruitment consultant",
    "promised_item": "Sending what you promised",
    "status_check": "Status check email",
    "status_voicemail": "Status check voicemail",
    "anything_else": "Anything else you need from me?",
    "competing_offer": "Telling them about a competing offer",
    "offer_in_writing": "Asking for the offer in writing and time to consider",
    "counter_offer": "Counter-offer email",
    "decline": "Declining an offer below your bottom line",
    "decline_offer": "Declining an offer politely",
    "accept_offer": "Accepting the offer in writing",
    "rejection_reply": "Replying to a rejection",
}

_TEXT_FIELDS: Final = (
    "candidate_name",
    "contact_name",
    "company",
    "role",
    "specific_point",
    "counter_phrase",
    "competing_company",
    "reference_name",
    "recruiter_name",
    "promised_item",
)
_DATE_FIELDS: Final = ("interview_date", "decision_date", "deadline")


def _tidy(name: str, value: object) -> str | None:
    """Whitespace runs collapsed; blank text becomes ``None``."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(name, f"must be text, got {type(value).__name__}")
    return " ".join(value.split()) or None


def _the_role(role: str | None) -> str:
    """'the Data Analyst role'; a title already ending in role/position/job/post, or starting
    with an article, is not doubled ('the Data Analyst position', not '... position role').

    >>> _the_role("Data Analyst"), _the_role("Data Analyst position"), _the_role(None)
    ('the Data Analyst role', 'the Data Analyst position', 'the role')
    """
    if not role:
        return "the role"
    lower = role.casefold()
    noun = "" if lower.endswith((" role", " position", " job", " post")) else " role"
    article = "" if lower.startswith(("the ", "a ", "an ")) else "the "
    return f"{article}{role}{noun}"


@dataclass(frozen=True, slots=True)
class MessageDetails:
    """What the messages may mention; every field is optional (``None`` = leave it out).

    Text is tidied (whitespace collapsed, blank -> ``None``); dates must be ``datetime.date``;
    ``counter_low``/``counter_high`` are annual amounts in ``currency`` (formatted with
    :func:`calculator.money.format_money`) and ``counter_phrase`` the spoken form (e.g.
    "around the mid-thirties", from :attr:`calculator.counter.CounterRange.phrase`), used when
    no figures are given; ``currency`` ``None`` means the default, GBP. ``asks`` are the equal-value asks (e.g. the ``text`` of each
    :class:`calculator.compare.Ask`); a leading "<company>: " is dropped from each.

    >>> MessageDetails(company="  Acme   Ltd ", asks=["", "a sign-on bonus of £2,000"]).company
    'Acme Ltd'
    >>> MessageDetails(counter_low=36_000, counter_high=33_000)
    Traceback (most recent call last):
    ...
    calculator.errors.InputError: counter_high must not be below counter_low (36000), got 33000
    """

    candidate_name: str | None = None
    contact_name: str | None = None
    company: str | None = None
    role: str | None = None
    interview_date: dt.date | None = None
    specific_point: str | None = None
    decision_date: dt.date | None = None
    currency: str = "GBP"
    counter_low: float | None = None
    counter_high: float | None = None
    counter_phrase: str | None = None
    asks: tuple[str, ...] = ()
    competing_company: str | None = None
    deadline: dt.date | None = None
    reference_name: str | None = None
    recruiter_name: str | None = None
    promised_item: str | None = None

    def __post_init__(self) -> None:
        for name in _TEXT_FIELDS:
            object.__setattr__(self, name, _tidy(name, getattr(self, name)))
        for name in _DATE_FIELDS:
            value = getattr(self, name)
            if isinstance(value, dt.datetime):
                object.__setattr__(self, name, value.date())
            elif value is not None and not isinstance(value, dt.date):
                raise InputError(name, f"must be a date, got {type(value).__name__}")
        if self.currency is None:
            object.__setattr__(self, "currency", "GBP")  # unset in the app: the default
        if not isinstance(self.currency, str):
            raise InputError("currency", f"must be a currency code, got {self.currency!r}")
        format_money(0, self.currency)  # raises InputError("currency", ...) for unknown codes
        for name in ("counter_low", "counter_high"):
            value = getattr(self, name)
            if value is not None:
                amount = check_finite(name, value)
                if amount <= 0:
                    raise InputError(name, f"must be positive, got {amount:g}")
                try:
                    format_money(amount, self.currency)
                except InputError as error:
                    raise InputError(name, error.rule) from None
                object.__setattr__(self, name, amount)
        if (
            self.counter_low is not None
            and self.counter_high is not None
            and self.counter_high < self.counter_low
        ):
            raise InputError(
                "counter_high",
                f"must not be below counter_low ({self.counter_low:g}), got {self.counter_high:g}",
            )
        asks = self.asks
        if isinstance(asks, str) or not isinstance(asks, Sequence):
            raise InputError("asks", "must be a list of short sentences")
        tidied = []
        for ask in asks:
            text = _tidy("asks", ask)
            if text is None:
                continue
            if self.company and text.casefold().startswith(self.company.casefold() + ":"):
                text = text[len(self.company) + 1 :].strip()
            if text:
                tidied.append(text)
        object.__setattr__(self, "asks", tuple(tidied))


def _date(day: dt.date) -> str:
    """'Thursday 12 June' in English whatever the process locale."""
    return format_day(day)


def _clause(text: str) -> str:
    """User text continuing a sentence: no trailing full stop or comma."""
    return text.rstrip(" .,;:!")


class _Parts:
    """The pieces every template shares, worked out once from the details."""

    def __init__(self, d: MessageDetails) -> None:
        self.d = d
        self.hello = f"Dear {d.contact_name}," if d.contact_name else "Hello,"
        self.sign = f"Best regards,\n{d.candidate_name}" if d.candidate_name else "Best regards,"
        the_role = _the_role(d.role)
        self.role_at = f"{the_role} at {d.company}" if d.company else the_role
        self.company = d.company or "your company"

    def letter(self, *paragraphs: str, greeting: str | None = None) -> str:
        body = [p for p in paragraphs if p]
        return "\n\n".join([greeting or self.hello, *body, self.sign])


def _thank_you(p: _Parts) -> str:
    d = p.d
    when = f" on {_date(d.interview_date)}" if d.interview_date else ""
    point = (
        f"I especially enjoyed discussing {_clause(d.specific_point)}, and it made me even "
        "keener to join the team."
        if d.specific_point and _clause(d.specific_point)
        else "Our conversation made me even keener to join the team."
    )
    news = (
        f"I understand you hope to decide by {_date(d.decision_date)}, and I look forward to "
        "hearing from you."
        if d.decision_date
        else "Could you let me know when I might expect to hear about the next step?"
    )
    return p.letter(f"Thank you for meeting me{when} to talk about {p.role_at}. {point}", news)


def _reference_heads_up(p: _Parts) -> str:
    d = p.d
    greeting = f"Hi {d.reference_name}," if d.reference_name else "Hi,"
    return p.letter(
        f"I have just interviewed for {p.role_at} and gave your name as a reference, so you "
        "may hear from them soon.",
        "It would help most if you could speak about the work we did together and how I "
        "handled responsibility. I am happy to send you the job description if useful.",
        "Thank you again for your support.",
        greeting=greeting,
    )


def _agency_feedback(p: _Parts) -> str:
    d = p.d
    greeting = f"Hi {d.recruiter_name}," if d.recruiter_name else "Hi,"
    when = f" on {_date(d.interview_date)}" if d.interview_date else ""
    point = (
        f" I especially enjoyed the discussion about {_clause(d.specific_point)}."
        if d.specific_point and _clause(d.specific_point)
        else ""
    )
    return p.letter(
        f"A quick update after my interview{when} for {p.role_at}: it went well and I am "
        f"very interested.{point}",
        "Please let them know I would be glad to move to the next stage, and tell me if they "
        "share any feedback.",
        greeting=greeting,
    )


def _promised_item(p: _Parts) -> str:
    d = p.d
    what = _clause(d.promised_item) if d.promised_item else ""
    item = what or "what I promised when we met"
    return p.letter(
        f"As promised, please find attached {item} for {p.role_at}.",
        "Let me know if anything else would help.",
    )


def _status_check(p: _Parts) -> str:
    return p.letter(
        f"I hope you are well. I am writing to ask whether there is any news about {p.role_at}. "
        "I remain very interested and would be glad to provide anything else you need.",
        "I look forward to hearing from you when you are ready.",
    )


def _status_voicemail(p: _Parts) -> str:
    d = p.d
    hello = f"Hello {d.contact_name}," if d.contact_name else "Hello,"
    me = f"this is {d.candidate_name}, calling" if d.candidate_name else "I am calling"
    return (
        f"{hello} {me} about {p.role_at}. I wanted to check whether there is any news and to "
        "say I am still very interested. There is no need to call back if there is nothing new "
        "yet: I look forward to hearing from you when you are ready. Thank you."
    )


def _anything_else(p: _Parts) -> str:
    return p.letter(
        f"I wanted to check in about {p.role_at}. Is there anything else you need from me to "
        "help with your decision? I am still keen and happy to help.",
    )


def _competing_offer(p: _Parts) -> str:
    d = p.d
    other = f" from {d.competing_company}" if d.competing_company else ""
    reply_by = f" by {_date(d.deadline)}" if d.deadline else " soon"
    return p.letter(
        f"I wanted to let you know that I have received another offer{other} and need to "
        f"reply{reply_by}. {p.role_at[0].upper()}{p.role_at[1:]} remains my first choice, so "
        "could you tell me whether you expect to reach a decision before then?",
    )


def _offer_in_writing(p: _Parts) -> str:
    d = p.d
    reply_by = f" by {_date(d.deadline)}" if d.deadline else " within a few days"
    return p.letter(
        f"Thank you very much for the offer for {p.role_at}; I am delighted.",
        "Could you send it to me in writing, setting out the role's requirements, the salary, "
        "benefits, expense reimbursement, the start date and any conditions? I would like a "
        f"little time to consider it properly and will come back to you{reply_by}.",
    )


def _salary_wish(d: MessageDetails) -> str:
    low, high = d.counter_low, d.counter_high
    if low is not None and high is not None:
        a, b = format_money(low, d.currency), format_money(high, d.currency)
        return f"a base salary of {a}" if a == b else f"a base salary of {a} to {b}"
    if low is not None:
        return f"a base salary of {format_money(low, d.currency)}"
    if high is not None:
        return f"a base salary of {format_money(high, d.currency)}"
    phrase = _clause(d.counter_phrase) if d.counter_phrase else ""
    if phrase:
        first = phrase.split()[0].casefold()
        joiner = "" if first in {"around", "about", "in", "of", "between", "near"} else "of "
        return f"a base salary {joiner}{phrase}"
    return "a higher base salary"


def _counter_offer(p: _Parts) -> str:
    d = p.d
    asks = ""
    if d.asks:
        asks = (
            "If there is less room on the base salary, any one of these would also make it "
            "work for me:\n" + "\n".join(f"- {ask}" for ask in d.asks)
        )
    return p.letter(
        f"Thank you again for the offer for {p.role_at}. I am excited about it and would like "
        f"to find a way to accept. Given my experience and what the market pays for similar "
        f"roles, I was hoping for {_salary_wish(d)}.",
        asks,
        "I am confident we can agree on something that works for both of us.",
    )


def _decline(p: _Parts) -> str:
    return p.letter(
        f"Thank you for the offer for {p.role_at} and for the time you and the team gave me.",
        "After careful thought I have decided not to accept, as the salary does not meet the "
        "minimum I need at this stage. I enjoyed meeting you and hope our paths cross again; if there "
        "is ever more room, I would be glad to talk.",
    )


def _decline_offer(p: _Parts) -> str:
    return p.letter(
        f"Thank you for the offer for {p.role_at}, and for the time you and the team gave me.",
        "After careful thought I have decided not to accept it. I enjoyed meeting you and "
        "would be glad to stay in touch.",
    )


def _accept_offer(p: _Parts) -> str:
    return p.letter(
        f"Thank you for the offer for {p.role_at}. I am delighted to accept it, and I look "
        "forward to joining the team.",
        "Could you confirm in writing the salary, benefits, start date and any conditions we "
        "agreed, and let me know what you need from me before I start?",
    )


def _rejection_reply(p: _Parts) -> str:
    return p.letter(
        f"Thank you for letting me know about {p.role_at}. I am disappointed, but I appreciated "
        "the chance to meet the team.",
        "If you have a moment, any feedback on my application would help me a great deal. I "
        f"would also like to stay in touch and would welcome hearing about future openings at "
        f"{p.company}.",
    )


_BUILDERS: Final[dict[str, Callable[[_Parts], str]]] = {
    "thank_you": _thank_you,
    "reference_heads_up": _reference_heads_up,
    "agency_feedback": _agency_feedback,
    "promised_item": _promised_item,
    "status_check": _status_check,
    "status_voicemail": _status_voicemail,
    "anything_else": _anything_else,
    "competing_offer": _competing_offer,
    "offer_in_writing": _offer_in_writing,
    "counter_offer": _counter_offer,
    "decline": _decline,
    "decline_offer": _decline_offer,
    "accept_offer": _accept_offer,
    "rejection_reply": _rejection_reply,
}


def _details(details: object) -> MessageDetails:
    if details is None:
        return MessageDetails()
    if not isinstance(details, MessageDetails):
        raise InputError("details", f"must be MessageDetails, got {type(details).__name__}")
    return details


def message_text(key: str, details: MessageDetails | None = None) -> str:
    """The text of one message (``key`` from :data:`MESSAGE_TITLES`) filled from ``details``.

    Rules from docs/domain.md section 7 (thank-you: interest, one point from the conversation, ask when to
    expect news if no date is known; status checks leave the next move with the employer;
    rejection: thank, ask for feedback, stay in touch) and docs/domain.md section 3 (offer in writing with
    its six items; counter with the range and the equal-value asks; decline below the bottom
    line, or politely for any reason; accept, asking for the agreed terms in writing).

    >>> print(message_text("status_voicemail", MessageDetails(candidate_name="Sam", role="Analyst")))
    Hello, this is Sam, calling about the Analyst role. I wanted to check whether there is any news and to say I am still very interested. There is no need to call back if there is nothing new yet: I look forward to hearing from you when you are ready. Thank you.
    """
    if not isinstance(key, str) or key not in _BUILDERS:
        raise InputError("key", f"must be one of {', '.join(MESSAGE_TITLES)}, got {key!r}")
    return _BUILDERS[key](_Parts(_details(details)))


def message_templates(details: MessageDetails | None = None) -> tuple[tuple[str, str, str], ...]:
    """Every message as ``(key, title, text)``, in the order they are usually needed.

    See :func:`message_text` for what each says.

    >>> msgs = {k: t for k, _, t in message_templates(MessageDetails(company="Acme"))}
    >>> print(msgs["thank_you"])
    Hello,
    <BLANKLINE>
    Thank you for meeting me to talk about the role at Acme. Our conversation made me even keener to join the team.
    <BLANKLINE>
    Could you let me know when I might expect to hear about the next step?
    <BLANKLINE>
    Best regards,
    >>> print(message_text("counter_offer", MessageDetails(counter_low=33_000, counter_high=36_000)).splitlines()[2])
    Thank you again for the offer for the role. I am excited about it and would like to find a way to accept. Given my experience and what the market pays for similar roles, I was hoping for a base salary of £33,000 to £36,000.
    """
    parts = _Parts(_details(details))
    return tuple((key, MESSAGE_TITLES[key], build(parts)) for key, build in _BUILDERS.items())
