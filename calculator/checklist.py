"""The offer-letter checklist and your acceptance terms (docs/domain.md section 3).

A written offer should state the role's requirements, the salary, the benefits, expense
reimbursement, the start date and any conditions (such as background or credit checks); each
item it leaves out becomes a line to ask for in writing. Acceptance terms are your must-haves
(minimum salary, by default your bottom line; minimum holiday, home-working days, employer
pension rate), checked against each offer: pass, fail with the shortfall, or unknown when the
offer does not say (ask).
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

#: What the written offer should state (docs/domain.md section 3): key -> (label, what to ask for).
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
    """One thing the offer letter should state, and whether you found it there.

    >>> ChecklistItem("salary", "Salary", True).confirmed
    True
    """

    key: str
    label: str
    confirmed: bool = False


@dataclass(frozen=True, slots=True)
class OfferLetterChecklist:
    """The six items and, for each one not confirmed, a sentence asking for it in writing.

    >>> offer_letter_checklist({"role": True, "salary": True}).complete
    False
    """

    items: tuple[ChecklistItem, ...]

    @property
    def ask_in_writing(self) -> tuple[str, ...]:
        """One "Please confirm in writing ..." sentence per unconfirmed item, in item order."""
        return tuple(
            f"Please confirm in writing {LETTER_ITEMS[item.key][1]}."
            for item in self.items
            if not item.confirmed
        )

    @property
    def complete(self) -> bool:
        """True when the letter states everything."""
        return all(item.confirmed for item in self.items)


def offer_letter_checklist(
    confirmed: Mapping[str, bool] | Collection[str] = (),
) -> OfferLetterChecklist:
    """The six items of :data:`LETTER_ITEMS` with those in ``confirmed`` ticked (docs/domain.md section 3).

    ``confirmed`` is a collection of item keys, or a mapping of key -> ticked. Unknown keys
    are an error (a typo would otherwise silently leave an item unticked).

    >>> c = offer_letter_checklist(["role", "salary", "benefits", "start_date"])
    >>> for line in c.ask_in_writing:
    ...     print(line)
    Please confirm in writing how work expenses are reimbursed.
    Please confirm in writing any conditions, such as background or credit checks.
    """
    if isinstance(confirmed, (str, bytes)):
        raise InputError("confirmed", "must be a collection of item names, not one text")
    if isinstance(confirmed, Collection) and not all(isinstance(k, str) for k in confirmed):
        raise InputError("confirmed", "item names must be text")
    if isinstance(confirmed, Mapping):
        if not all(isinstance(v, bool) for v in confirmed.values()):
            raise InputError("confirmed", "values must be True or False")
        keys: Collection[object] = confirmed.keys()
        ticked = {key for key, value in confirmed.items() if value}
    elif isinstance(confirmed, Collection):
        keys = confirmed
        ticked = set(confirmed)
    else:
        raise InputError("confirmed", f"must be a collection of item names, got {confirmed!r}")
    unknown = sorted(str(key) for key in keys if key not in LETTER_ITEMS)
    if unknown:
        raise InputError(
            "confirmed",
            f"has unknown items {', '.join(unknown)}; known: {', '.join(LETTER_ITEMS)}",
        )
    return OfferLetterChecklist(
        tuple(ChecklistItem(key, label, key in ticked) for key, (label, _) in LETTER_ITEMS.items())
    )


def _optional(name: str, value: object, kind: str) -> float | None:
    if value is None:
        return None
    if kind == "fraction":
        return check_fraction(name, value)
    if kind == "days":
        return check_range(name, value, 0, 366)
    if kind == "week":
        return check_range(name, value, 0, 7)
    return check_non_negative(name, value)


@dataclass(frozen=True, slots=True)
class AcceptanceTerms:
    """Your must-haves (docs/domain.md section 3); ``None`` means no requirement on that point.

    ``min_salary`` is the annual base salary in the offer's currency (by default your bottom
    line, see :meth:`from_bands`); ``min_holiday_days`` days a year (0-366);
    ``min_home_working_days`` days a week (0-7); ``min_pension_rate`` the employer's
    contribution as a fraction of base salary (0.05 means 5%).

    >>> AcceptanceTerms(min_salary=55_000, min_pension_rate=0.05).min_salary
    55000.0
    >>> AcceptanceTerms(min_pension_rate=5)
    Traceback (most recent call last):
    ...
    calculator.errors.InputError: min_pension_rate must be a fraction between 0 and 1 (0.03 means 3%), got 5
    """

    min_salary: float | None = None
    min_holiday_days: float | None = None
    min_home_working_days: float | None = None
    min_pension_rate: float | None = None

    def __post_init__(self) -> None:
        for name, kind in (
            ("min_salary", "money"),
            ("min_holiday_days", "days"),
            ("min_home_working_days", "week"),
            ("min_pension_rate", "fraction"),
        ):
            object.__setattr__(self, name, _optional(name, getattr(self, name), kind))

    @classmethod
    def from_bands(
        cls,
        bands: SalaryBands,
        *,
        min_holiday_days: float | None = None,
        min_home_working_days: float | None = None,
        min_pension_rate: float | None = None,
    ) -> AcceptanceTerms:
        """Terms whose minimum salary is your bottom line (docs/domain.md section 3: never go below it).

        >>> from calculator.bands import SalaryBands
        >>> b = SalaryBands(bottom_line=28000, going_rate=30000, top_salary=36000, target=33000)
        >>> AcceptanceTerms.from_bands(b, min_holiday_days=25).min_salary
        28000.0
        """
        from .bands import SalaryBands

        if not isinstance(bands, SalaryBands):
            raise InputError("bands", f"must be SalaryBands, got {type(bands).__name__}")
        return cls(
            min_salary=bands.bottom_line,
            min_holiday_days=min_holiday_days,
            min_home_working_days=min_home_working_days,
            min_pension_rate=min_pension_rate,
        )


Status = Literal["pass", "fail", "unknown"]


@dataclass(frozen=True, slots=True)
class AcceptanceCheck:
    """One term against one offer: ``status`` pass/fail/unknown, a readable ``message`` and
    the ``shortfall`` (in the term's unit: money, days, days a week or a rate; 0 unless
    failed).

    >>> AcceptanceCheck("holiday", "unknown", "Holiday is not stated.").shortfall
    0.0
    """

    term: str
    status: Status
    message: str
    shortfall: float = 0.0


@dataclass(frozen=True, slots=True)
class AcceptanceResult:
    """All terms checked against one offer (named ``offer``).

    >>> AcceptanceResult("A", (AcceptanceCheck("salary", "pass", "ok"),)).passes
    True
    """

    offer: str
    items: tuple[AcceptanceCheck, ...]

    @property
    def passes(self) -> bool:
        """True when no term fails (unknown terms still need asking)."""
        return all(item.status != "fail" for item in self.items)

    @property
    def failed(self) -> tuple[AcceptanceCheck, ...]:
        """The terms the offer does not meet."""
        return tuple(item for item in self.items if item.status == "fail")

    @property
    def unknown(self) -> tuple[AcceptanceCheck, ...]:
        """The terms the offer does not state: ask about these."""
        return tuple(item for item in self.items if item.status == "unknown")


def _employer_pension_rate(offer: Offer) -> float:
    """Employer pension a year as a share of base salary (rule: benefits.pension_value)."""
    from .benefits import employer_pension

    if offer.pension is None or offer.base_salary <= 0:
        return 0.0
    return employer_pension(offer) / offer.base_salary


def check_acceptance(terms: AcceptanceTerms, offer: Offer) -> AcceptanceResult:
    """Each must-have against ``offer`` (docs/domain.md section 3): pass, fail with the shortfall, or
    unknown when the offer does not state it (``None`` = not stated, distinct from 0).

    Shortfall = minimum - offered (salary in the offer's currency, holiday in days a year,
    home working in days a week, pension as a fraction of base salary, the employer's
    contribution worked out as in :func:`calculator.benefits.pension_value`).

    >>> from calculator.offers import Offer
    >>> r = check_acceptance(AcceptanceTerms(min_salary=55_000, min_holiday_days=25), Offer("A", 53_000))
    >>> for item in r.items:
    ...     print(item.status, item.message)
    fail Salary £53,000 is £2,000 below your minimum of £55,000.
    unknown Holiday is not stated: ask how many days come with the role.
    """
    from .money import format_money
    from .offers import Offer

    if not isinstance(terms, AcceptanceTerms):
        raise InputError("terms", f"must be AcceptanceTerms, got {type(terms).__name__}")
    if not isinstance(offer, Offer):
        raise InputError("offer", f"must be an Offer, got {type(offer).__name__}")

    def money(amount: float) -> str:
        return format_money(amount, offer.currency)

    items: list[AcceptanceCheck] = []
    if terms.min_salary is not None:
        salary, need = offer.base_salary, terms.min_salary
        gap = need - salary
        items.append(
            AcceptanceCheck(
                "salary",
                "fail",
                f"Salary {money(salary)} is {money(gap)} below your minimum of {money(need)}.",
                gap,
            )
            if gap > 1e-9
            else AcceptanceCheck(
                "salary", "pass", f"Salary {money(salary)} meets your minimum of {money(need)}."
            )
        )
    if terms.min_holiday_days is not None:
        need = terms.min_holiday_days
        if offer.holiday_days is None:
            items.append(
                AcceptanceCheck(
                    "holiday",
                    "unknown",
                    "Holiday is not stated: ask how many days come with the role.",
                )
            )
        else:
            have = offer.holiday_days
            gap = need - have
            items.append(
                AcceptanceCheck(
                    "holiday",
                    "fail",
                    f"Holiday of {have:g} days is {gap:g} short of your minimum of {need:g}.",
                    gap,
                )
                if gap > 1e-9
                else AcceptanceCheck(
                    "holiday",
                    "pass",
                    f"Holiday of {have:g} days meets your minimum of {need:g}.",
                )
            )
    if terms.min_home_working_days is not None:
        need = terms.min_home_working_days
        if offer.home_working is None:
            items.append(
                AcceptanceCheck(
                    "home_working",
                    "unknown",
                    "Home working is not stated: ask how many days a week are possible.",
                )
            )
        else:
            have = offer.home_working.days_per_week
            gap = need - have
            items.append(
                AcceptanceCheck(
                    "home_working",
                    "fail",
                    f"Home working of {have:g} days a week is {gap:g} short of your minimum "
                    f"of {need:g}.",
                    gap,
                )
                if gap > 1e-9
                else AcceptanceCheck(
                    "home_working",
                    "pass",
                    f"Home working of {have:g} days a week meets your minimum of {need:g}.",
                )
            )
    if terms.min_pension_rate is not None:
        need = terms.min_pension_rate
        if offer.pension is None:
            items.append(
                AcceptanceCheck(
                    "pension",
                    "unknown",
                    "The pension is not stated: ask what the employer contributes.",
                )
            )
        else:
            have = _employer_pension_rate(offer)
            gap = need - have
            items.append(
                AcceptanceCheck(
                    "pension",
                    "fail",
                    f"Employer pension of {have:.1%} of salary is {gap:.1%} below your "
                    f"minimum of {need:.1%}.",
                    gap,
                )
                if gap > 1e-9
                else AcceptanceCheck(
                    "pension",
                    "pass",
                    f"Employer pension of {have:.1%} of salary meets your minimum of {need:.1%}.",
                )
            )
    return AcceptanceResult(offer.name, tuple(items))
