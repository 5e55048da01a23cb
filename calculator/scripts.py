"""What to say at each step of a salary conversation, filled with your own figures.

Source: docs/domain.md sections 2 and 3: answer in general terms first and let the employer make the
first offer; when pressed, give the spoken phrase and the precise range; on an offer, thank them,
ask for it in writing and for time; counter with the range and the benefits; decline politely
below your minimum without revealing it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Final

from ._validate import check_positive
from .bands import SalaryBands
from .counter import CounterRange, _money_text, spoken_phrase
from .errors import InputError
from .money import format_day

__all__ = ["SCRIPT_TITLES", "NegotiationScripts", "negotiation_scripts"]

#: Readable titles for each script, in the order they are used.
SCRIPT_TITLES: Final[dict[str, str]] = {
    "expectations_first": "When asked for your salary expectations",
    "pressed_for_figure": "If they press you for a figure",
    "receiving_offer": "When you receive an offer",
    "countering": "Countering the offer",
    "declining": "Declining politely",
}


@dataclass(frozen=True, slots=True)
class NegotiationScripts:
    """Five short scripts, one per moment of the conversation.

    >>> s = NegotiationScripts("a", "b", "c", "d", "e")
    >>> list(s.as_dict())[0]
    'When asked for your salary expectations'
    """

    expectations_first: str
    pressed_for_figure: str
    receiving_offer: str
    countering: str
    declining: str

    def as_dict(self) -> dict[str, str]:
        """Readable title -> script text, in conversation order (for display)."""
        return {title: getattr(self, key) for key, title in SCRIPT_TITLES.items()}


def _optional_text(field: str, value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(field, f"must be text or empty, got {type(value).__name__}")
    cleaned = " ".join(value.split())
    return cleaned or None


def _check_currency(currency: object) -> str:
    if not isinstance(currency, str) or len(currency) != 3 or not currency.isalpha():
        raise InputError("currency", f"must be a three-letter currency code, got {currency!r}")
    return currency.upper()


def _say_date(day: dt.date) -> str:
    return format_day(day)


def negotiation_scripts(
    bands: SalaryBands,
    counter: CounterRange,
    *,
    currency: str = "GBP",
    name: str | None = None,
    role: str | None = None,
    company: str | None = None,
    offer_salary: float | None = None,
    reply_by: dt.date | None = None,
) -> NegotiationScripts:
    """Fill the five scripts with the user's figures (docs/domain.md sections 2-3).

    ``name`` is the person you are speaking to (recruiter or hiring manager); ``role`` and
    ``company`` name the job; ``offer_salary`` is the offer on the table; ``reply_by`` is the
    day you will answer an offer by (default: "by the end of this week"). All are optional and
    the text reads naturally without them. Figures come from ``counter`` (the precise range and
    the spoken phrase of its midpoint) and are formatted with ``format_money``; the bottom line
    is never quoted, so declining does not reveal your minimum.

    >>> bands = SalaryBands(bottom_line=28000, going_rate=30000, top_salary=40000, target=30000)
    >>> counter = CounterRange(33000, 36000, 33000, 36000)
    >>> s = negotiation_scripts(bands, counter, role="data analyst")
    >>> print(s.pressed_for_figure)
    For data analyst roles like this one, I'm looking for around the mid-thirties: somewhere in the range of £33,000 to £36,000.
    """
    if not isinstance(bands, SalaryBands):
        raise InputError("bands", f"must be SalaryBands, got {type(bands).__name__}")
    if not isinstance(counter, CounterRange):
        raise InputError("counter", f"must be CounterRange, got {type(counter).__name__}")
    code = _check_currency(currency)
    who = _optional_text("name", name)
    job = _optional_text("role", role)
    firm = _optional_text("company", company)
    offer = None if offer_salary is None else check_positive("offer_salary", offer_salary)
    if reply_by is not None and not isinstance(reply_by, dt.date):
        raise InputError("reply_by", f"must be a date, got {type(reply_by).__name__}")

    def money(amount: float, field: str = "counter") -> str:
        return _money_text(amount, code, field)

    def thank(rest: str, *, again: bool = False) -> str:
        opening = "Thank you again" if again else "Thank you"
        return f"{opening}, {who}, {rest}" if who else f"{opening} {rest}"

    job_at = " ".join(
        part
        for part in (f"the {job} role" if job else "the role", f"at {firm}" if firm else "")
        if part
    )
    kind = f"{job} roles like this one" if job else "roles like this one"
    the_offer = f"the offer of {money(offer, 'offer_salary')}" if offer is not None else "the offer"
    phrase = spoken_phrase(counter.midpoint, code)
    if counter.precise_low == counter.precise_high:
        range_text = f"a salary of {money(counter.precise_low)}"
        figure_text = f"{phrase}: {money(counter.precise_low)}"
    else:
        range_text = (
            f"a salary in the range of {money(counter.precise_low)} "
            f"to {money(counter.precise_high)}"
        )
        figure_text = (
            f"{phrase}: somewhere in the range of {money(counter.precise_low)} "
            f"to {money(counter.precise_high)}"
        )
    when = f"by {_say_date(reply_by)}" if reply_by is not None else "by the end of this week"

    expectations_first = (
        f"{thank('for asking')}. I'm very interested in {job_at}. From what I've seen, "
        f"I'd expect something towards the upper end of the usual range for {kind}, "
        "but I'd like to understand the full responsibilities first. "
        "What range did you have in mind for it?"
    )
    pressed_for_figure = f"For {kind}, I'm looking for {figure_text}."
    receiving_offer = (
        f"{thank('for ' + the_offer)}; I'm really pleased to receive it. "
        "Could you send it to me in writing, with the salary, benefits, start date and any "
        f"conditions? I'd like a little time to consider it properly: could I come back to you "
        f"{when}?"
    )
    if offer is not None and offer >= bands.target:
        countering = (
            f"{thank('for ' + the_offer, again=True)}. The salary works for me, and before I confirm "
            "I'd like to go over the wider package: holiday, pension, flexible working and "
            "support for training. Is there any room there?"
        )
    else:
        countering = (
            f"{thank('for ' + the_offer, again=True)}. I'm excited about {job_at} and I'd like to make "
            "it work. Given the responsibilities and what similar roles pay, I was hoping for "
            f"{range_text}. Is there flexibility to reach that? If there is less room on salary, "
            "I'd be glad to talk about the wider package too, such as holiday, pension, "
            "flexible working or a sign-on payment."
        )
    if offer is not None and offer < bands.bottom_line:
        reason = "it is below what I need to make this move work"
    else:
        reason = "it doesn't quite work for me at this salary"
    declining = (
        f"{thank('for ' + the_offer + ' and for your time')}. I've thought about it carefully, and "
        f"unfortunately I can't accept it as it stands: {reason}. If there is scope to come "
        f"closer to {range_text}, I'd be very glad to talk again; either way, I hope we can "
        "stay in touch."
    )
    return NegotiationScripts(
        expectations_first=expectations_first,
        pressed_for_figure=pressed_for_figure,
        receiving_offer=receiving_offer,
        countering=countering,
        declining=declining,
    )
