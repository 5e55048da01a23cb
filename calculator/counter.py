"""The counter-range to quote when pressed for a figure, and how to say it.

Source: docs/domain.md section 2. The range is a *bolstering* range (Ames and Mason 2015): it starts
a little above the target and reaches higher, capped by the top salary so the ask stays credible
(Schweinsberg et al. 2012). A precise variant rounds to the nearest 250, since precise figures
anchor harder than round thousands (Mason et al. 2013).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Final

from ._validate import check_finite, check_fraction, check_non_negative, check_positive
from .errors import InputError
from .money import currency_symbol, format_money

__all__ = [
    "PRECISE_STEP",
    "CounterRange",
    "counter_range",
    "round_precise",
    "spoken_phrase",
]

#: Step of the precise variant (docs/domain.md section 2: "rounds to the nearest 250").
PRECISE_STEP: Final = 250.0

_DECADES: Final[dict[int, str]] = {
    2: "twenties",
    3: "thirties",
    4: "forties",
    5: "fifties",
    6: "sixties",
    7: "seventies",
    8: "eighties",
    9: "nineties",
}


def round_precise(amount: float, step: float = PRECISE_STEP) -> float:
    """Round ``amount`` to the nearest multiple of ``step``; exact halves round up.

    Rule: step x floor(amount / step + 1/2) (docs/domain.md section 2, precise variant). Amounts are
    non-negative, so "halves up" is also "halves away from zero".

    >>> round_precise(33125)
    33250.0
    >>> round_precise(33124.99)
    33000.0
    >>> round_precise(63_700, step=1000)
    64000.0
    """
    value = check_non_negative("amount", amount)
    size = check_positive("step", step)
    steps = value / size + 0.5
    if not math.isfinite(steps):
        raise InputError("amount", f"is too large to round to steps of {size:g}")
    return size * math.floor(steps)


def _snap(value: float, lower: float, upper: float) -> float:
    """Nearest 250 to ``value``, kept >= ``lower`` first, then <= ``upper`` where possible.

    ``value`` itself is assumed >= ``lower``. If plain rounding drops below ``lower`` we round
    up instead; if it rises above ``upper`` (and ``value`` does not) we round down, unless that
    would drop below ``lower``.
    """
    rounded = round_precise(value)
    if rounded > upper >= value:
        down = PRECISE_STEP * math.floor(value / PRECISE_STEP)
        if down >= lower:
            rounded = down
    if rounded < lower:
        rounded = PRECISE_STEP * math.ceil(lower / PRECISE_STEP)
    return rounded


def spoken_phrase(amount: float, currency: str | None = None) -> str:
    """How to say a figure out loud (docs/domain.md section 2).

    - 20,000 to 99,999.99: the decade of thousands with "low" (units of thousands 0-3),
      "mid" (4-6) or "high" (7-9): 34,650 is "around the mid-thirties".
    - 100,000 and above: the figure in thousands, rounded to the nearest thousand (halves up):
      "around 115k". Exactly 100,000 is "around 100k".
    - Below 20,000: the figure itself, rounded to the nearest 100 (halves up): "around 18,500".

    With ``currency`` the numeric forms get the symbol ("around £115k", "around £18,500"); the
    decade words stay as spoken ("around the mid-thirties").

    >>> spoken_phrase(34650)
    'around the mid-thirties'
    >>> spoken_phrase(61000), spoken_phrase(27500)
    ('around the low-sixties', 'around the high-twenties')
    >>> spoken_phrase(115_400, "GBP")
    'around £115k'
    >>> spoken_phrase(18_460)
    'around 18,500'
    """
    # Rounded to cents first so float noise (39,999.99999...) cannot change the decade.
    value = round(check_positive("amount", amount), 2)
    symbol = "" if currency is None else currency_symbol(currency)
    if value >= 100_000:
        thousands = math.floor(value / 1000 + 0.5)
        return f"around {symbol}{thousands:,}k"
    if value < 20_000:
        rounded = int(round_precise(value, 100))
        return f"around {symbol}{rounded:,}"
    thousands = math.floor(value / 1000)
    decade, units = divmod(thousands, 10)
    band = "low" if units <= 3 else "mid" if units <= 6 else "high"
    return f"around the {band}-{_DECADES[decade]}"


def _money_text(amount: float, currency: str, field: str) -> str:
    """format_money, naming the caller's ``field`` when the amount itself is refused."""
    try:
        return format_money(amount, currency)
    except InputError as error:
        if error.field != "amount":
            raise
        raise InputError(field, error.rule) from None


@dataclass(frozen=True, slots=True)
class CounterRange:
    """The range to quote: exact rule outputs, the precise (250-step) variant and warnings.

    ``midpoint`` and ``phrase`` are derived from ``low`` and ``high``.

    >>> r = CounterRange(low=33000, high=36000, precise_low=33000, precise_high=36000)
    >>> r.midpoint, r.phrase
    (34500.0, 'around the mid-thirties')
    """

    low: float
    high: float
    precise_low: float
    precise_high: float
    warnings: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        for name in ("low", "high", "precise_low", "precise_high"):
            object.__setattr__(self, name, check_positive(name, getattr(self, name)))
        if self.high < self.low:
            raise InputError("high", f"must not be below low ({self.low:g}), got {self.high:g}")
        if self.precise_high < self.precise_low:
            raise InputError(
                "precise_high",
                f"must not be below precise_low ({self.precise_low:g}), got {self.precise_high:g}",
            )

    @property
    def midpoint(self) -> float:
        """(low + high) / 2."""
        return (self.low + self.high) / 2.0

    @property
    def phrase(self) -> str:
        """The midpoint said out loud, e.g. 'around the mid-thirties'."""
        return spoken_phrase(self.midpoint)

    def formatted(self, currency: str = "GBP") -> str:
        """The precise range as money text, e.g. '£33,000 to £36,000' (one figure if equal).

        >>> CounterRange(33000, 36000, 33000, 36000).formatted()
        '£33,000 to £36,000'
        """
        low = _money_text(self.precise_low, currency, "precise_low")
        if self.precise_high == self.precise_low:
            return low
        return f"{low} to {_money_text(self.precise_high, currency, 'precise_high')}"

    def to_dict(self) -> dict[str, object]:
        """Plain JSON-ready mapping, including the derived midpoint and phrase."""
        return {
            "low": self.low,
            "high": self.high,
            "precise_low": self.precise_low,
            "precise_high": self.precise_high,
            "midpoint": self.midpoint,
            "phrase": self.phrase,
            "warnings": list(self.warnings),
        }


def counter_range(
    *,
    target: float,
    bottom_line: float,
    top_salary: float,
    anchor_margin: float = 0.10,
    range_width: float = 0.10,
) -> CounterRange:
    """The counter-range to quote (docs/domain.md section 2).

    - anchor = target x (1 + anchor_margin)
    - low = max(target, bottom_line, min(anchor, top_salary))
    - high = max(low, min(target x (1 + anchor_margin + range_width), top_salary))

    The precise variant rounds each end to the nearest 250 (halves up) but never lets
    ``precise_low`` fall below max(target, bottom_line) (it rounds up instead), prefers rounding
    down over rising above the top salary when the exact end is within it, and keeps
    ``precise_high >= precise_low``.

    >>> r = counter_range(target=30000, bottom_line=28000, top_salary=40000)
    >>> r.low, r.high, r.phrase
    (33000.0, 36000.0, 'around the mid-thirties')
    """
    wanted = check_positive("target", target)
    floor = check_non_negative("bottom_line", bottom_line)
    top = check_positive("top_salary", top_salary)
    margin = check_fraction("anchor_margin", anchor_margin)
    width = check_fraction("range_width", range_width)

    anchor = wanted * (1.0 + margin)
    low = max(wanted, floor, min(anchor, top))
    high = max(low, min(wanted * (1.0 + (margin + width)), top))
    check_finite("high", high)

    least = max(wanted, floor)
    precise_low = _snap(low, least, top)
    precise_high = _snap(max(high, precise_low), precise_low, top)

    warnings: list[str] = []
    if top <= wanted:
        warnings.append(
            "Your target is already at the top of the market: the range cannot reach above it, "
            "so consider whether the target is realistic."
        )
    if floor > top:
        warnings.append(
            "Your bottom line is above the top salary: there may be no room to agree, "
            "and the range starts at your bottom line."
        )
    if high == low and top > wanted and floor <= top:
        warnings.append("The top salary caps the range, so it narrows to a single figure.")
    return CounterRange(
        low=low,
        high=high,
        precise_low=precise_low,
        precise_high=precise_high,
        warnings=tuple(warnings),
    )
