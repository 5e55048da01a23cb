"""The offer-letter checklist and your acceptance terms (DOMAIN.md section 3).

A written offer should state the role's requirements, the salary, the benefits, expense
reimbursement, the start date and any conditions (such as background or credit checks); each
item it leaves out becomes a line to ask for in writing. Acceptance terms are your must-haves
(minimum salary, by default your bottom line; minimum holiday, home-working days, employer
pension rate), checked against each offer: pass, fail with the shortfall, or unknown when the
offer does not say.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final, Literal

from ._validate import check_fraction, check_non_negative, check_range
from .errors import InputError

if TYPE_CHECKING:
    from .bands import SalaryBands
    from .offers import Offer

__all__ = [
    "LETTER_ITEMS",
    "AcceptanceCheck",
    "AcceptanceResult",
    "AcceptanceTerms",
    "ChecklistItem",
    "OfferLetterChecklist",
    "check_acceptance",
    "offer_letter_checklist",
]

#: What the written offer should state, with the line to send when it does not.
LETTER_ITEMS: Final = {
    "role": ("Role and its requirements", "the job title, duties and what the role requires"),
    "salary": ("Salary", "the base salary and how and when it is paid"),
    "benefits": ("Benefits", "the benefits: holiday, pension, health cover and any others"),
    "expenses": ("Expense reimbursement", "how work expenses are reimbursed"),
    "start_date": ("Start date", "the start date"),
    "conditions": ("Conditions", "any conditions, such as background or credit checks"),
}


@dataclass(frozen=True, slots=True)
class ChecklistItem:
    """One thing the offer letter should state, and whether it does."""

    key: str
    label: str
    confirmed: bool = False


@dataclass(frozen=True, slots=True)
class OfferLetterChecklist:
    """The checklist and the "ask for this in writing" lines for what is missing."""

    items: tuple[ChecklistItem, ...]

    @property
    def ask_in_writing(self) -> tuple[str, ...]:
        """One sentence per unconfirmed item."""
        return tuple(
            f"Please confirm in writing {LETTER_ITEMS[item.key][1]}."
            for item in self.items
            if not item.confirmed
        )

    @property
    def complete(self) -> bool:
        """Whether the letter states everything."""
        return all(item.confirmed for item in self.items)


def offer_letter_checklist(
    confirmed: Mapping[str, bool] | Collection[str] = (),
) -> OfferLetterChecklist:
    """The six items, with those in ``confirmed`` ticked (keys of :data:`LETTER_ITEMS`).

    >>> c = offer_letter_checklist(["role", "salary", "benefits", "start_date"])
    >>> c.ask_in_writing
    ('Please confirm in writing how work expenses are reimbursed.', 'Please confirm in writing any conditions, such as background or credit checks.')
    """
    if isinstance(confirmed, str):
        raise InputError("confirmed", "must be a collection of item names")
    if isinstance(confirmed, Mapping):
        ticked = {key for key, value in confirmed.items() if value}
    elif isinstance(confirmed, Collection) and all(isinstance(k, str) for k in confirmed):
        ticked = set(confirmed)
    else:
        raise InputError("confirmed", "must be a collection of item names")
    unknown = {key for key in ticked if key not in LETTER_ITEMS}
    if unknown:
        raise InputError("confirmed", f"has unknown items: {', '.join(sorted(map(str, unknown)))}")
    return OfferLetterChecklist(
        tuple(ChecklistItem(key, label, key in ticked) for key, (label, _) in LETTER_ITEMS.items())
    )


def _optional(name: str, value: object, check: str) -> float | None:
    if value is None:
        return None
    if check == "fraction":
        return check_fraction(name, value)
    if check == "days":
        return check_range(name, value, 0, 366)
    return check_non_negative(name, value)


@dataclass(frozen=True, slots=True)
class AcceptanceTerms:
    """Your must-haves; ``None`` means no requirement."""

    min_salary: float | None = None
    min_holiday_days: float | None = None
    min_home_working_days: float | None = None
    min_pension_rate: float | None = None

    def __post_init__(self) -> None:
        _optional("min_salary", self.min_salary, "money")
        _optional("min_holiday_days", self.min_holiday_days, "days")
        if self.min_home_working_days is not None:
            check_range("min_home_working_days", self.min_home_working_days, 0, 7)
        _optional("min_pension_rate", self.min_pension_rate, "fraction")

    @classmethod
    def from_bands(cls, bands: SalaryBands, **others: float | None) -> AcceptanceTerms:
        """Terms whose minimum salary is your bottom line."""
        from .bands import SalaryBands

        if not isinstance(bands, SalaryBands):
            raise InputError("bands", "must be SalaryBands")
        return cls(min_salary=bands.bottom_line, **others)


Status = Literal["pass", "fail", "unknown"]


@dataclass(frozen=True, slots=True)
class AcceptanceCheck:
    """One term against one offer."""

    term: str
    status: Status
    message: str
    shortfall: float = 0.0


@dataclass(frozen=True, slots=True)
class AcceptanceResult:
    """All terms against one offer."""

    offer: str
    items: tuple[AcceptanceCheck, ...]

    @property
    def passes(self) -> bool:
        """True when no term fails (unknown terms still need asking)."""
        return all(item.status != "fail" for item in self.items)


def check_acceptance(terms: AcceptanceTerms, offer: Offer) -> AcceptanceResult:
    """Each must-have against ``offer``: pass, fail with the shortfall, or unknown.

    >>> from calculator.offers import Offer
    >>> r = check_acceptance(AcceptanceTerms(min_salary=55_000, min_holiday_days=25), Offer("A", 53_000))
    >>> [(i.status, i.message) for i in r.items]
    [('fail', 'Salary £53,000 is £2,000 below your minimum of £55,000.'), ('unknown', 'Holiday is not stated: ask how many days come with the role.')]
    """
    from .money import format_money
    from .offers import Offer

    if not isinstance(terms, AcceptanceTerms):
        raise InputError("terms", "must be AcceptanceTerms")
    if not isinstance(offer, Offer):
        raise InputError("offer", "must be an Offer")

    def money(amount: float) -> str:
        return format_money(amount, offer.currency)

    items: list[AcceptanceCheck] = []
    if terms.min_salary is not None:
        gap = terms.min_salary - offer.base_salary
        items.append(
            AcceptanceCheck(
                "salary",
                "fail",
                f"Salary {money(offer.base_salary)} is {money(gap)} below your minimum of {money(terms.min_salary)}.",
                gap,
            )
            if gap > 0
            else AcceptanceCheck(
                "salary",
                "pass",
                f"Salary {money(offer.base_salary)} meets your minimum of {money(terms.min_salary)}.",
            )
        )
    if terms.min_holiday_days is not None:
        if offer.holiday_days is None:
            items.append(
                AcceptanceCheck(
                    "holiday",
                    "unknown",
                    "Holiday is not stated: ask how many days come with the role.",
                )
            )
        else:
            gap = terms.min_holiday_days - offer.holiday_days
            items.append(
                AcceptanceCheck(
                    "holiday",
                    "fail",
                    f"Holiday {offer.holiday_days:g} days is {gap:g} short of your {terms.min_holiday_days:g}.",
                    gap,
                )
                if gap > 0
                else AcceptanceCheck(
                    "holiday",
                    "pass",
                    f"Holiday {offer.holiday_days:g} days meets your {terms.min_holiday_days:g}.",
                )
            )
    if terms.min_home_working_days is not None:
        if offer.home_working is None:
            items.append(
                AcceptanceCheck(
                    "home_working",
                    "unknown",
                    "Home working is not stated: ask how many days a week are possible.",
                )
            )
        else:
            days = offer.home_working.days_per_week
            gap = terms.min_home_working_days - days
            items.append(
                AcceptanceCheck(
                    "home_working",
                    "fail",
                    f"{days:g} home-working days a week is {gap:g} short of your {terms.min_home_working_days:g}.",
                    gap,
                )
                if gap > 0
                else AcceptanceCheck(
                    "home_working",
                    "pass",
                    f"{days:g} home-working days a week meets your {terms.min_home_working_days:g}.",
                )
            )
    if terms.min_pension_rate is not None:
        if offer.pension is None:
            items.append(
                AcceptanceCheck(
                    "pension",
                    "unknown",
                    "The pension is not stated: ask what the employer contributes.",
                )
            )
        else:
            rate = offer.pension.employer_rate + offer.pension.match_rate * min(
                offer.pension.employee_rate, offer.pension.match_cap
            )
            gap = terms.min_pension_rate - rate
            items.append(
                AcceptanceCheck(
                    "pension",
                    "fail",
                    f"Employer pension {rate:.1%} is below your {terms.min_pension_rate:.1%}.",
                    gap,
                )
                if gap > 1e-12
                else AcceptanceCheck(
                    "pension",
                    "pass",
                    f"Employer pension {rate:.1%} meets your {terms.min_pension_rate:.1%}.",
                )
            )
    return AcceptanceResult(offer.name, tuple(items))
