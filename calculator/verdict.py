"""What to do with an offer: where it sits against your levels and how to respond.

Source: docs/domain.md section 3 (responding to an offer). Whatever the position, a verbal offer is
not final: ask for it in writing and ask for time to consider it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal, get_args

from ._validate import check_choice, check_finite, check_positive
from .bands import SalaryBands
from .counter import _money_text
from .errors import InputError

__all__ = ["POSITIONS", "OfferAssessment", "OfferPosition", "assess_offer"]

OfferPosition = Literal["below_bottom_line", "between", "at_or_above_target"]
POSITIONS: Final[tuple[str, ...]] = get_args(OfferPosition)

_LABELS: Final[dict[str, str]] = {
    "below_bottom_line": "Below your bottom line",
    "between": "Between your bottom line and your target",
    "at_or_above_target": "At or above your target",
}

_RESPONSES: Final[dict[str, str]] = {
    "below_bottom_line": (
        "Politely decline, or counter with your range. Do not go below your minimum: "
        "a better offer may follow."
    ),
    "between": (
        "Counter with your range, and look at the benefits too: employers often have more "
        "room there than on salary."
    ),
    "at_or_above_target": (
        "Consider accepting. Still ask for the offer in writing and for time to think it over."
    ),
}


@dataclass(frozen=True, slots=True)
class OfferAssessment:
    """Where an offer sits and the suggested response (docs/domain.md section 3).

    Gaps are ``level - offer``: positive means the offer falls short of that level by this much,
    zero or negative means it already reaches it.

    >>> a = OfferAssessment("between", "Counter.", "Short of target.", -1000.0, 2000.0)
    >>> a.label
    'Between your bottom line and your target'
    """

    position: OfferPosition
    response: str
    reason: str
    gap_to_bottom_line: float
    gap_to_target: float

    def __post_init__(self) -> None:
        check_choice("position", self.position, POSITIONS)
        for name in ("gap_to_bottom_line", "gap_to_target"):
            object.__setattr__(self, name, check_finite(name, getattr(self, name)))

    @property
    def label(self) -> str:
        """Short readable name of the position, for the UI."""
        return _LABELS[self.position]

    def to_dict(self) -> dict[str, object]:
        """Plain JSON-ready mapping, including the label."""
        return {
            "position": self.position,
            "label": self.label,
            "response": self.response,
            "reason": self.reason,
            "gap_to_bottom_line": self.gap_to_bottom_line,
            "gap_to_target": self.gap_to_target,
        }


def assess_offer(
    offer_salary: float, bands: SalaryBands, *, currency: str | None = None
) -> OfferAssessment:
    """Place an offer against the bottom line and target and suggest a response (docs/domain.md section 3).

    - offer < bottom line: "below_bottom_line" (decline politely or counter; don't go lower);
    - bottom line <= offer < target: "between" (counter with the range; look at benefits);
    - offer >= target: "at_or_above_target" (consider accepting; get it in writing, ask for time).

    With ``currency`` (e.g. "GBP") the reason quotes the amounts; without, it stays in words.

    >>> bands = SalaryBands(bottom_line=28000, going_rate=30000, top_salary=36000, target=33000)
    >>> a = assess_offer(31000, bands, currency="GBP")
    >>> a.position, a.gap_to_bottom_line, a.gap_to_target
    ('between', -3000.0, 2000.0)
    >>> a.reason
    'The offer clears your bottom line by £3,000 but is £2,000 short of your target.'
    """
    offer = check_positive("offer_salary", offer_salary)
    if not isinstance(bands, SalaryBands):
        raise InputError("bands", f"must be SalaryBands, got {type(bands).__name__}")
    if currency is not None and (
        not isinstance(currency, str) or len(currency) != 3 or not currency.isalpha()
    ):
        raise InputError("currency", f"must be a three-letter currency code, got {currency!r}")

    gap_bottom = bands.bottom_line - offer
    gap_target = bands.target - offer

    position: OfferPosition
    if offer < bands.bottom_line:
        position = "below_bottom_line"
        reason = (
            f"The offer is {_money_text(gap_bottom, currency, 'offer_salary')} below your bottom line, "
            "the least you would accept."
            if currency
            else "The offer is below your bottom line, the least you would accept."
        )
    elif offer < bands.target:
        position = "between"
        if currency and gap_bottom < 0:
            clears = (
                f"clears your bottom line by {_money_text(-gap_bottom, currency, 'offer_salary')}"
            )
        else:
            clears = "clears your bottom line" if gap_bottom < 0 else "matches your bottom line"
        short = (
            f"is {_money_text(gap_target, currency, 'offer_salary')} short of"
            if currency
            else "falls short of"
        )
        reason = f"The offer {clears} but {short} your target."
    else:
        position = "at_or_above_target"
        reason = (
            f"The offer is {_money_text(-gap_target, currency, 'offer_salary')} above your target."
            if currency and gap_target < 0
            else "The offer meets your target."
        )
    return OfferAssessment(
        position=position,
        response=_RESPONSES[position],
        reason=reason,
        gap_to_bottom_line=gap_bottom,
        gap_to_target=gap_target,
    )
