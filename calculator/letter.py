"""Read an offer letter on the user's machine: the offer's figures, each with its sentence.

Rule (docs/domain.md section 9): a written offer should state the role, salary, benefits, expenses,
start date and conditions. :func:`read_offer_letter` reads a letter (pasted text, or a PDF or
DOCX as a path or bytes, read in memory; nothing leaves the machine) and returns a
:class:`LetterReading`:

- ``fields`` maps each canonical field (:data:`FIELDS`) the letter states to a
  :class:`Found`: its ``value``, the ``quote`` it came from, and a ``bound`` marking ranges
  ("range", ``value`` the low end and ``high`` the top) and caps ("up_to");
- ``mentioned`` maps a field the letter speaks of without a figure (a discretionary bonus,
  flexible time off, "single medical cover") to a :class:`Mention`: never a guessed value;
- ``missing`` lists the offer-letter checklist items (:data:`calculator.checklist.LETTER_ITEMS`)
  the letter does not state, and :meth:`LetterReading.questions` asks for them in writing;
- :meth:`LetterReading.to_offer` builds an :class:`~calculator.offers.Offer` from what was
  found, nothing invented (ranges and "up to" figures are left out unless asked for).

Values: money is annual in major units (a monthly, weekly or hourly salary goes through
:func:`calculator.periods.to_annual`; an hourly one only with the hours the letter states);
rates are fractions; ``hours_per_week``, ``holiday_days``, ``home_working_days`` and
``equity_shares`` are floats; ``sign_on_repayment_months`` and ``probation_months`` ints;
``start_date`` and ``offer_expires`` dates; ``conditions`` a tuple of the canonical condition
keys (:data:`CONDITIONS`); ``vesting_schedule`` a preset name of
:data:`calculator.equity.PRESETS` or yearly fractions.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final

from ._letter_rules import (
    FIELDS,
    READERS,
    FieldValue,
    Found,
    Mention,
    read_match,
)
from ._letter_source import letter_text
from ._letter_text import sentences as split_sentences
from .checklist import LETTER_ITEMS, OfferLetterChecklist, offer_letter_checklist
from .errors import InputError

if TYPE_CHECKING:
    from .offers import Offer

__all__ = ["LETTER_FIELDS", "Found", "LetterReading", "Mention", "read_offer_letter"]

#: The canonical fields a letter is read for, in display order (docs/domain.md section 9).
LETTER_FIELDS: Final = FIELDS

#: Which found (or mentioned) fields confirm each checklist item (docs/domain.md sections 3 and 9).
_CONFIRMS: Final = {
    "role": ("role",),
    "salary": ("base_salary",),
    "benefits": (
        "holiday_days",
        "pension_employer_rate",
        "match_rate",
        "health_care",
        "company_car",
    ),
    "start_date": ("start_date",),
    "conditions": ("conditions",),
}
#: What to ask when the letter mentions a field without a figure.
_ASK: Final = {
    "base_salary": "Please confirm the pay as a yearly figure, or the pay period and weekly hours.",
    "holiday_days": "How many days of paid holiday a year come with the role?",
    "bonus_target_rate": "What is the bonus target as a percentage of base salary, and what "
    "has it paid out in recent years?",
    "vesting_schedule": "What is the equity's vesting schedule (cliff, then how often)?",
    "pension_employer_rate": "What does the employer contribute to the pension, as a percentage "
    "of salary?",
    "relocation": "How much relocation support is there, and must it be repaid if you leave?",
    "company_car": "What is the car or car allowance worth a year?",
    "health_care": "What does the employer pay a year towards health cover, and for whom "
    "(you alone, or your family)?",
    "home_working_days": "How many days a week can you work from home?",
    "start_date": "Please confirm the start date as a full date.",
    "offer_expires": "By what date do they need your answer?",
    "probation_months": "How long is the probation period, in months?",
}


@dataclass(frozen=True, slots=True)
class LetterReading:
    """What a letter states (``fields``), what it speaks of without a figure
    (``mentioned``), and the checklist items it leaves out (``missing``).

    >>> r = read_offer_letter("Your annual salary will be £42,000. We offer flexible holiday.")
    >>> r.fields["base_salary"].value, r.fields["currency"].value
    (42000.0, 'GBP')
    >>> "holiday_days" in r.fields, r.mentioned["holiday_days"].note
    (False, 'no number of days is stated')
    """

    fields: Mapping[str, Found]
    mentioned: Mapping[str, Mention] = field(default_factory=dict)
    expenses_quote: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "fields", MappingProxyType(dict(self.fields)))
        object.__setattr__(self, "mentioned", MappingProxyType(dict(self.mentioned)))

    def value(self, name: str) -> FieldValue | None:
        """The value of field ``name``, or None when the letter does not state it."""
        if name not in FIELDS:
            raise InputError("field", f"must be one of {', '.join(FIELDS)}, got {name!r}")
        found = self.fields.get(name)
        return None if found is None else found.value

    def checklist(self) -> OfferLetterChecklist:
        """The offer-letter checklist (docs/domain.md section 3) ticked by what the letter states."""
        confirmed = {
            key: any(f in self.fields for f in _CONFIRMS.get(key, ())) for key in LETTER_ITEMS
        }
        confirmed["benefits"] = confirmed["benefits"] or any(
            f in self.mentioned for f in _CONFIRMS["benefits"]
        )
        confirmed["expenses"] = self.expenses_quote is not None
        return offer_letter_checklist(confirmed)

    @property
    def missing(self) -> tuple[str, ...]:
        """The checklist items (keys of ``LETTER_ITEMS``) the letter does not state."""
        return tuple(item.key for item in self.checklist().items if not item.confirmed)

    def questions(self) -> tuple[str, ...]:
        """Questions to ask: each checklist item missing, then each field mentioned without
        a figure, in field order."""
        asks = list(self.checklist().ask_in_writing)
        asks += [_ASK[name] for name in FIELDS if name in self.mentioned and name in _ASK]
        return tuple(dict.fromkeys(asks))

    def to_offer(self, name: str | None = None, *, include_marked: bool = False) -> Offer:
        """An :class:`~calculator.offers.Offer` from the fields found, nothing invented.

        Ranges and "up to" figures are left out unless ``include_marked`` (then a range
        counts at its low end and a cap at the cap). The name is ``name``, else the
        employer. Needs a base salary and its currency (an InputError says which is
        missing). Target commission is shown, not turned into a bonus.

        >>> r = read_offer_letter("Welcome to Northgate Ltd. Your salary will be £50,000 "
        ...                       "per annum, with 25 days' holiday and a bonus of up to 10% of salary.")
        >>> o = r.to_offer()
        >>> o.name, o.base_salary, o.holiday_days, o.bonus
        ('Northgate Ltd', 50000.0, 25.0, None)
        >>> r.to_offer(include_marked=True).bonus.target_rate
        0.1
        """
        from ._letter_offer import offer_from_fields

        return offer_from_fields(self.fields, name, include_marked=include_marked)


def read_offer_letter(source: str | bytes | os.PathLike[str]) -> LetterReading:
    """Read an offer letter: ``source`` is its text (``str``), or a PDF or DOCX (or UTF-8 text
    file) as ``bytes`` or a path, read in memory (docs/domain.md section 9; see the module docstring).

    A file that cannot be read (encrypted, broken, too large, a zip bomb, a scan with no text)
    raises :class:`~calculator.errors.InputError` with a sentence saying why.

    >>> r = read_offer_letter(
    ...     "We are pleased to offer you the position of Data Analyst at Brightwater Ltd. "
    ...     "Your starting salary will be £36,500 per annum. You will start on 2 March 2026. "
    ...     "This offer is subject to satisfactory references and proof of your right to work.")
    >>> r.fields["role"].value, r.fields["employer"].value, r.fields["start_date"].value
    ('Data Analyst', 'Brightwater Ltd', datetime.date(2026, 3, 2))
    >>> r.fields["conditions"].value
    ('references', 'right_to_work')
    >>> r.missing
    ('benefits', 'expenses')
    """
    text = letter_text(source)
    sentences = split_sentences(text)
    found: dict[str, Found] = {}
    mentioned: dict[str, Mention] = {}
    for name, reader in READERS:
        _keep(name, reader(sentences, found), found, mentioned)
        if name == "pension_employer_rate":
            rate, cap = read_match(sentences, found)
            _keep("match_rate", rate, found, mentioned)
            _keep("match_cap", cap, found, mentioned)
    expenses = next(
        (s for s in sentences if _expenses(s)),
        None,
    )
    ordered: dict[str, Found] = {name: found[name] for name in FIELDS if name in found}
    return LetterReading(ordered, {n: mentioned[n] for n in FIELDS if n in mentioned}, expenses)


def _keep(
    name: str,
    result: Found | Mention | None,
    found: dict[str, Found],
    mentioned: dict[str, Mention],
) -> None:
    if isinstance(result, Found):
        found[name] = result
    elif isinstance(result, Mention):
        mentioned[name] = result


def _expenses(sentence: str) -> bool:
    return bool(
        re.search(r"expenses", sentence, re.IGNORECASE)
        and re.search(
            r"reimburs|claim|repaid|refund|expenses policy|paid back", sentence, re.IGNORECASE
        )
    )


def reading_summary(reading: LetterReading) -> dict[str, Any]:
    """A JSON-ready view of a reading: field -> {value, quote, bound, high} (dates as ISO
    text, tuples as lists), for tests and the scorer.

    >>> reading_summary(read_offer_letter("Base salary: $120,000 per year."))["base_salary"]["value"]
    120000.0
    """
    import datetime as dt

    def plain(value: FieldValue) -> Any:
        if isinstance(value, dt.date):
            return value.isoformat()
        if isinstance(value, tuple):
            return list(value)
        return value

    return {
        name: {"value": plain(f.value), "quote": f.quote, "bound": f.bound, "high": f.high}
        for name, f in reading.fields.items()
    }
