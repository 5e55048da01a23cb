"""Ready-to-send messages for each step after the interview (DOMAIN.md sections 3 and 7).

Each template is filled from :class:`MessageDetails`, where everything is optional: a missing
name, company or date changes the wording ("Dear Ms Patel," or "Hello,"; "the role" or "the
Data Analyst role") rather than leaving a gap. Tone: professional and short. The user edits
every message before copying it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, fields
from typing import Final

from .errors import InputError
from .money import format_money

__all__ = ["MESSAGE_TITLES", "MessageDetails", "message_templates"]

MESSAGE_TITLES: Final = {
    "thank_you": "Thank-you note (within 24 hours)",
    "reference_heads_up": "Heads-up to a reference",
    "status_check": "Status check email",
    "status_voicemail": "Status check voicemail",
    "anything_else": "Anything else you need from me?",
    "competing_offer": "Telling them about a competing offer",
    "offer_in_writing": "Asking for the offer in writing and time to consider",
    "counter_offer": "Counter-offer email",
    "decline": "Declining politely",
    "rejection_reply": "Replying to a rejection",
}


@dataclass(frozen=True, slots=True)
class MessageDetails:
    """What the messages can mention; every field is optional."""

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

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name in ("interview_date", "decision_date", "deadline"):
                if value is not None and (
                    isinstance(value, dt.datetime) or not isinstance(value, dt.date)
                ):
                    raise InputError(f.name, "must be a date")
            elif f.name in ("counter_low", "counter_high"):
                if value is not None and (
                    isinstance(value, bool)
                    or not isinstance(value, (int, float))
                    or not value >= 0
                    or value == float("inf")
                ):
                    raise InputError(f.name, "must be a non-negative amount")
            elif f.name == "asks":
                if (
                    isinstance(value, str)
                    or not isinstance(value, Sequence)
                    or not all(isinstance(a, str) for a in value)
                ):
                    raise InputError("asks", "must be a list of sentences")
                object.__setattr__(
                    self, "asks", tuple(" ".join(a.split()) for a in value if a.strip())
                )
            elif f.name == "currency":
                if not isinstance(value, str):
                    raise InputError("currency", "must be a currency code")
            elif value is not None:
                if not isinstance(value, str):
                    raise InputError(f.name, "must be text")
                object.__setattr__(self, f.name, " ".join(value.split()) or None)


def _day(day: dt.date) -> str:
    return f"{day:%A} {day.day} {day:%B}"


def _finish(text: str) -> str:
    """Tidy spacing and blank lines so optional parts never leave gaps."""
    lines = [re.sub(r" {2,}", " ", line).strip() for line in text.strip().splitlines()]
    out = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", out).replace(" ,", ",").replace(" .", ".")


def message_templates(details: MessageDetails | None = None) -> tuple[tuple[str, str, str], ...]:
    """Every message as ``(key, title, text)``, in the order they are usually needed.

    >>> messages = dict((k, text) for k, _, text in message_templates(MessageDetails(company="Acme")))
    >>> messages["thank_you"].splitlines()[0]
    'Hello,'
    >>> "Acme" in messages["thank_you"] and "None" not in messages["thank_you"]
    True
    """
    d = details or MessageDetails()
    if not isinstance(d, MessageDetails):
        raise InputError("details", "must be MessageDetails")
    hello = f"Dear {d.contact_name}," if d.contact_name else "Hello,"
    sign = f"Best regards,\n{d.candidate_name}" if d.candidate_name else "Best regards,"
    role = f"the {d.role} role" if d.role else "the role"
    at = f" at {d.company}" if d.company else ""
    when = f" on {_day(d.interview_date)}" if d.interview_date else ""
    point = (
        f"I particularly enjoyed our conversation about {d.specific_point}, and it confirmed how much I would like to contribute there."
        if d.specific_point
        else "Our conversation confirmed how much I would like to contribute to the team."
    )
    news = (
        f"I understand you expect to decide by {_day(d.decision_date)}, and I look forward to hearing from you."
        if d.decision_date
        else "Could you let me know when I might expect to hear about the next step?"
    )
    range_text = ""
    if d.counter_low is not None and d.counter_high is not None:
        low, high = (
            format_money(d.counter_low, d.currency),
            format_money(d.counter_high, d.currency),
        )
        range_text = low if low == high else f"{low} to {high}"
    elif d.counter_phrase:
        range_text = d.counter_phrase.removeprefix("around ")
    counter_line = (
        f"Based on my experience and what the market pays for similar roles, I was hoping for a salary in the range of {range_text}."
        if range_text
        else "Based on my experience and what the market pays for similar roles, I was hoping for a higher base salary."
    )
    asks = ""
    if d.asks:
        asks = (
            "If there is less room on salary, any one of these would close the gap for me:\n"
            + "\n".join(f"- {a}" for a in d.asks)
        )
    deadline = f" by {_day(d.deadline)}" if d.deadline else " soon"
    competitor = f" from {d.competing_company}" if d.competing_company else ""
    reference = f"Hi {d.reference_name}," if d.reference_name else "Hi,"

    texts = {
        "thank_you": f"""{hello}

Thank you for taking the time to meet me{when} to discuss {role}{at}. {point}

{news}

{sign}""",
        "reference_heads_up": f"""{reference}

I have just interviewed for {role}{at}, and I gave your name as a reference. They may be in touch soon. It would help if you could speak about the work we did together and how I handle responsibility.

Thank you again for supporting me.

{sign}""",
        "status_check": f"""{hello}

I hope you are well. I am writing to ask whether there is any news about {role}{at}. I remain very interested, and I would be glad to provide anything else you need.

{sign}""",
        "status_voicemail": f"""Hello{" " + d.contact_name if d.contact_name else ""}, {"this is " + d.candidate_name + ", " if d.candidate_name else "I am "}calling about {role}{at}. I wanted to check whether there is any news, and to say that I am still very interested. There is no need to call back if there is nothing new yet; I will look out for your email. Thank you.""",
        "anything_else": f"""{hello}

I wanted to check in about {role}{at}. Is there anything else you need from me to help with your decision? I am still keen on the role and happy to help.

{sign}""",
        "competing_offer": f"""{hello}

I wanted to let you know that I have received another offer{competitor}, and I need to reply{deadline}. {d.company or "Your company"} remains my first choice, so I wanted to ask whether you are in a position to let me know your decision before then.

{sign}""",
        "offer_in_writing": f"""{hello}

Thank you very much for the offer for {role}{at}; I am delighted. Could you send it to me in writing, including the salary, benefits, expense arrangements, start date and any conditions? I would like a few days to consider it carefully, and I will come back to you{deadline}.

{sign}""",
        "counter_offer": f"""{hello}

Thank you again for the offer for {role}{at}. I am excited about the role and would like to find a way to accept. {counter_line}

{asks}

I am confident we can agree on something that works for both sides.

{sign}""",
        "decline": f"""{hello}

Thank you for the offer for {role}{at}, and for the time you and the team gave me. After careful thought I have decided not to accept it, as it does not meet what I need at this stage. I enjoyed meeting you and hope our paths cross again.

{sign}""",
        "rejection_reply": f"""{hello}

Thank you for letting me know about {role}{at}. I am disappointed, but I appreciated the chance to meet the team. If you have a moment, any feedback on my application would help me greatly. I would also like to stay in touch, and I would welcome hearing about future openings.

{sign}""",
    }
    return tuple((key, MESSAGE_TITLES[key], _finish(texts[key])) for key in MESSAGE_TITLES)
