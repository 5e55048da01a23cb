"""Small readers for offer-letter text: sentences, numbers in words or digits, money, percents
and dates. Private helpers of :mod:`calculator.letter`; each returns what the text states, and
nothing when the text is ambiguous (a date like 03/04/2026, a money figure with no currency).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final

__all__ = [
    "MONEY",
    "NUMBER",
    "Amount",
    "dates_in",
    "money_in",
    "number_value",
    "percents_in",
    "sentences",
]

_UNITS: Final = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS: Final = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}


def _word_numbers() -> dict[str, int]:
    words = {word: n for n, word in enumerate(_UNITS)}
    for tens, base in _TENS.items():
        words[tens] = base
        for n in range(1, 10):
            words[f"{tens}-{_UNITS[n]}"] = base + n
            words[f"{tens} {_UNITS[n]}"] = base + n
    words["a"] = words["an"] = 1
    return words


_WORDS: Final = _word_numbers()
_WORD_PATTERN: Final = "|".join(sorted((re.escape(w) for w in _WORDS if len(w) > 2), key=len)[::-1])
#: A number in digits (commas allowed) or in words (one to fifty-nine).
NUMBER: Final = rf"(?:\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|{_WORD_PATTERN})"


def number_value(text: str) -> float:
    """The number written in ``text``: digits (with thousands commas) or words.

    >>> number_value("twenty-five"), number_value("37.5"), number_value("12,000")
    (25.0, 37.5, 12000.0)
    """
    word = text.strip().lower()
    if word in _WORDS:
        return float(_WORDS[word])
    return float(word.replace(",", ""))


# --- sentences ----------------------------------------------------------------------------------
_ABBREVIATIONS: Final = frozenset(
    [
        "inc",
        "ltd",
        "co",
        "corp",
        "plc",
        "llc",
        "llp",
        "mr",
        "mrs",
        "ms",
        "mx",
        "dr",
        "st",
        "no",
        "nos",
        "e.g",
        "i.e",
        "etc",
        "approx",
        "p.a",
        "u.s",
        "u.k",
        "jr",
        "sr",
        "vs",
        "dept",
        "est",
        "ave",
        "rd",
    ]
)
#: A company suffix ("Ltd.") ends a sentence when one of these words follows it.
_SUFFIXES: Final = frozenset(["inc", "ltd", "co", "corp", "plc", "llc", "llp"])
_STARTERS: Final = frozenset(
    [
        "Your",
        "You",
        "We",
        "This",
        "The",
        "Please",
        "In",
        "As",
        "Our",
        "It",
        "If",
        "I",
        "On",
        "At",
        "For",
        "Should",
        "Welcome",
        "Congratulations",
    ]
)
_ITEM_START: Final = re.compile(
    r"^(?:[-•*·▪●–]\s|\(?\d{1,2}[.)]\s|\(?[a-h]\)\s|[A-Z][A-Za-z0-9 /()'’&,-]{1,40}:(?:\s|$))"
)
_SENTENCE_END: Final = re.compile(r"([.!?])([\"”’)]?)\s+(?=[A-Z0-9\"“(£$€])")


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    return text.replace("\u2019", "'").replace("\u2018", "'").replace("\u00a0", " ")


def _segments(block: str) -> Iterator[str]:
    """A block's lines joined into items: a wrapped line joins the one before it; a bullet or
    a "Label: value" line starts a new item, and a label line ends one."""
    current: list[str] = []
    for line in block.splitlines():
        text = " ".join(line.split())
        if not text:
            continue
        if current and (_ITEM_START.match(text) or _ITEM_START.match(current[0])):
            yield " ".join(current)
            current = []
        current.append(text)
    if current:
        yield " ".join(current)


def _split(segment: str) -> Iterator[str]:
    start = 0
    for end in _SENTENCE_END.finditer(segment):
        words = segment[start : end.start()].split()
        last = words[-1].lower().rstrip(".") if words else ""
        following = segment[end.end() :].split(" ", 1)[0].strip(",")
        if end.group(1) == "." and (
            (last in _ABBREVIATIONS and not (last in _SUFFIXES and following in _STARTERS))
            or re.fullmatch(r"[a-z]", last)
        ):
            continue
        yield segment[start : end.end()].strip()
        start = end.end()
    rest = segment[start:].strip()
    if rest:
        yield rest


def sentences(text: str) -> tuple[str, ...]:
    """The letter's sentences, in order (blank lines, bullets and "Label: value" lines end one).

    >>> sentences("Dear Ana,\\n\\nWe offer you the role at Kite Ltd. Salary: £40,000\\nStart: May")
    ('Dear Ana,', 'We offer you the role at Kite Ltd. Salary: £40,000', 'Start: May')
    """
    found: list[str] = []
    for block in re.split(r"\n\s*\n", _normalise(text)):
        lines = [" ".join(line.split()) for line in block.splitlines() if line.strip()]
        if len(lines) > 1 and all(len(x) < 60 and x[-1] not in ".!?;:" for x in lines):
            found.extend(lines)  # an address or a signature: one line each
            continue
        for segment in _segments(block):
            found.extend(_split(segment))
    return tuple(found)


# --- money and percents -------------------------------------------------------------------------
_CURRENCIES: Final = {
    "£": "GBP",
    "gbp": "GBP",
    "$": "USD",
    "us$": "USD",
    "usd": "USD",
    "€": "EUR",
    "eur": "EUR",
}
#: A money figure: a currency sign or code, then a number, optionally "k" for thousands.
MONEY: Final = re.compile(
    r"(?P<cur>US\$|£|\$|€|\b(?:USD|GBP|EUR)\s?)(?P<num>\d{1,3}(?:,\d{3})+|\d+)(?P<dec>\.\d{1,2})?"
    r"(?P<k>\s?[kK]\b)?"
)


@dataclass(frozen=True, slots=True)
class Amount:
    """A money figure in a sentence: value, currency code, where it is, and what bounds it.

    ``high`` is the top of a stated range ("£48,000 to £52,000"); ``up_to`` is True after
    "up to" / "a maximum of".
    """

    value: float
    currency: str
    start: int
    end: int
    high: float | None = None
    up_to: bool = False


_UP_TO: Final = re.compile(
    r"(?:up to|maximum of|max\.?|not to exceed|not exceeding|capped at|as much as)\s*(?:of\s*)?$",
    re.IGNORECASE,
)


def _amount_value(match: re.Match[str]) -> float:
    value = float(match["num"].replace(",", "") + (match["dec"] or ""))
    return value * 1000 if match["k"] else value


def money_in(sentence: str) -> tuple[Amount, ...]:
    """Every money figure in ``sentence``, a range counted once (its low end, with ``high``).

    >>> [(a.value, a.currency, a.high, a.up_to) for a in money_in("up to £5k, or $10-$12.50")]
    [(5000.0, 'GBP', None, True), (10.0, 'USD', 12.5, False)]
    """
    found: list[Amount] = []
    matches = list(MONEY.finditer(sentence))
    skip = -1
    for i, match in enumerate(matches):
        if i == skip:
            continue
        currency = _CURRENCIES[match["cur"].strip().lower()]
        value = _amount_value(match)
        high, end = None, match.end()
        before = sentence[max(0, match.start() - 30) : match.start()]
        if i + 1 < len(matches):
            between = sentence[match.end() : matches[i + 1].start()].strip().lower()
            if between in ("-", "–", "—", "to") or (between == "and" and "between" in before):
                high, end, skip = _amount_value(matches[i + 1]), matches[i + 1].end(), i + 1
        up_to = bool(_UP_TO.search(before))
        found.append(Amount(value, currency, match.start(), end, high, up_to))
    return tuple(found)


_PERCENT: Final = re.compile(
    r"(?P<low>\d+(?:\.\d+)?)\s?(?:%|per ?cent\b)?(?:\s?(?:-|–|to)\s?)"
    r"(?P<high>\d+(?:\.\d+)?)\s?(?:%|per ?cent\b)"
    r"|(?P<num>\d+(?:\.\d+)?)\s?(?:%|per ?cent\b)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Percent:
    """A percent in a sentence as a fraction, with where it is and the top of a range."""

    value: float
    start: int
    end: int
    high: float | None = None
    up_to: bool = False


def percents_in(sentence: str) -> tuple[Percent, ...]:
    """Every percent in ``sentence`` as a fraction; "10-15%" is one range.

    >>> [(p.value, p.high, p.up_to) for p in percents_in("up to 20% or 10-15 per cent")]
    [(0.2, None, True), (0.1, 0.15, False)]
    """
    found = []
    for match in _PERCENT.finditer(sentence):
        before = sentence[max(0, match.start() - 30) : match.start()]
        up_to = bool(_UP_TO.search(before))
        if match["num"] is not None:
            value = float(match["num"]) / 100
            found.append(Percent(value, match.start(), match.end(), None, up_to))
        else:
            low, high = float(match["low"]) / 100, float(match["high"]) / 100
            found.append(Percent(low, match.start(), match.end(), high, up_to))
    return tuple(found)


# --- dates --------------------------------------------------------------------------------------
_MONTHS: Final = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH: Final = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len)[::-1]) + r")\.?"
_WEEKDAY: Final = r"(?:(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+)?"
_DATE: Final = re.compile(
    rf"\b{_WEEKDAY}(?:the\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?\s+{_MONTH},?\s+(?P<year>\d{{4}})\b"
    rf"|\b{_WEEKDAY.replace('weekday', 'weekday2')}{_MONTH.replace('month', 'month2')}\s+"
    rf"(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year2>\d{{4}})\b"
    r"|\b(?P<iso>\d{4}-\d{2}-\d{2})\b"
    r"|\b(?P<n1>\d{1,2})/(?P<n2>\d{1,2})/(?P<n3>\d{4})\b",
    re.IGNORECASE,
)
_WEEKDAYS: Final = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@dataclass(frozen=True, slots=True)
class DateFound:
    """A date in a sentence (None when the text is ambiguous or contradicts itself)."""

    day: dt.date | None
    start: int
    end: int


def _date_of(match: re.Match[str]) -> dt.date | None:
    if match["iso"]:
        return dt.date.fromisoformat(match["iso"])
    if match["n1"]:  # 03/04/2026 is 3 April in the UK and March 4 in the US: only if one is > 12
        first, second, y = int(match["n1"]), int(match["n2"]), int(match["n3"])
        if first <= 12 and second <= 12 and first != second:
            return None
        d, m = (first, second) if first > 12 or first == second else (second, first)
        return dt.date(y, m, d)
    key = "" if match["month"] else "2"
    day, month, year = match["day" + key], match["month" + key], match["year" + key]
    weekday = match["weekday" + key]
    found = dt.date(int(year), _MONTHS[month.lower().rstrip(".")], int(day))
    if weekday and _WEEKDAYS.index(weekday.lower()) != found.weekday():
        return None  # "Monday 3 March 2026" when the 3rd is a Tuesday: ask, do not pick one
    return found


def dates_in(sentence: str) -> tuple[DateFound, ...]:
    """Every full date (with its year) in ``sentence``; an impossible, ambiguous or
    self-contradicting date is found with ``day`` None.

    >>> [d.day for d in dates_in("Monday 2 March 2026, or March 16, 2026, not 03/04/2026")]
    [datetime.date(2026, 3, 2), datetime.date(2026, 3, 16), None]
    """
    found = []
    for match in _DATE.finditer(sentence):
        try:
            day = _date_of(match)
        except ValueError:  # 31 February
            day = None
        found.append(DateFound(day, match.start(), match.end()))
    return tuple(found)
