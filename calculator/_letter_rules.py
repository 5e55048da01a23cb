"""The rules that find each field of an offer letter (docs/domain.md section 9), one reader a field.

Each reader looks at the letter's sentences and returns a :class:`Found` (a value with the
sentence it came from), a :class:`Mention` (the letter speaks of it but states no figure: a
discretionary bonus, flexible time off, "single medical cover") or None. Precision first: a
reader that is not sure returns a Mention or None, never a guess.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Final, Literal, TypeAlias

from ._letter_text import NUMBER, Amount, dates_in, money_in, number_value, percents_in
from .periods import PayPeriod, to_annual

__all__ = ["CONDITIONS", "FIELDS", "READERS", "Bound", "FieldValue", "Found", "Mention"]

FieldValue: TypeAlias = str | float | int | dt.date | tuple[str, ...] | tuple[float, ...]
Bound = Literal["exact", "up_to", "range"]

#: The canonical fields of docs/domain.md section 9, in the order a reading lists them, then the extras
#: read alongside (equity kind and strike, pension basis, target commission).
FIELDS: Final = (
    "employer",
    "role",
    "base_salary",
    "currency",
    "hours_per_week",
    "holiday_days",
    "bonus_target_rate",
    "sign_on",
    "sign_on_repayment_months",
    "equity_grant_value",
    "equity_shares",
    "vesting_schedule",
    "pension_employer_rate",
    "match_rate",
    "match_cap",
    "relocation",
    "company_car",
    "health_care",
    "home_working_days",
    "start_date",
    "offer_expires",
    "probation_months",
    "conditions",
    "equity_kind",
    "equity_strike",
    "pension_basis",
    "commission_target",
)

#: docs/domain.md section 9's canonical conditions and the words that name each in a letter.
CONDITIONS: Final = {
    "background_check": r"background (?:check|screening|investigation)|criminal record|"
    r"\bDBS\b|Disclosure and Barring|Disclosure Scotland|\bBPSS\b|security (?:check|clearance)|"
    r"\bPVG\b",
    "credit_check": r"credit (?:check|history|reference)|financial probity",
    "references": r"\breferences\b|\breferees?\b|reference checks?",
    "right_to_work": r"right to work|eligib\w* to work|authori[sz]ed to work|\bI-9\b|"
    r"employment eligibility|work permit|immigration",
    "drug_test": r"drug|substance|alcohol (?:test|screen)",
    "medical": r"medical (?:assessment|examination|clearance|questionnaire|check)|"
    r"occupational health|health (?:assessment|questionnaire|declaration)|fitness for work|"
    r"tuberculosis|\bTB\b|immuni[sz]ation",
    "qualifications": r"\bdegree\b|qualification|licen[cs]e|registration|registered with|"
    r"certificat|credential|admission to the roll|admitted as",
}
_CONDITION_CUE: Final = re.compile(
    r"subject to|conditional|contingent|dependent on|depends on|upon|satisfactory|"
    r"successful|verif|provided that|must|receipt of|pass|complet|confirm",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Found:
    """A field the letter states: its ``value``, the ``quote`` it came from, and its
    ``bound``: "exact", "up_to" (a cap, e.g. "up to £5,000") or "range" (``value`` is the low
    end, ``high`` the top).

    >>> Found(0.15, "a bonus of up to 15% of salary", "up_to").marked
    True
    """

    value: FieldValue
    quote: str
    bound: Bound = "exact"
    high: float | None = None

    @property
    def marked(self) -> bool:
        """True for a range or an "up to" figure (not one firm value)."""
        return self.bound != "exact"


@dataclass(frozen=True, slots=True)
class Mention:
    """The letter speaks of a field but states no figure for it: ``note`` says what is missing.

    >>> Mention("You will join our discretionary bonus scheme.", "no target is stated").note
    'no target is stated'
    """

    quote: str
    note: str


Result: TypeAlias = Found | Mention | None
Reader: TypeAlias = Callable[[Sequence[str], Mapping[str, Found]], Result]


def _search(pattern: str, text: str) -> re.Match[str] | None:
    return re.search(pattern, text, re.IGNORECASE)


def _bound(up_to: bool, high: float | None) -> Bound:
    return "range" if high is not None else "up_to" if up_to else "exact"


def _money_found(
    amount: Amount, quote: str, period: PayPeriod | None = None, hours: float | None = None
) -> Found:
    """A money figure as found; with ``period`` both ends of a range are made yearly."""
    if period is None:
        return Found(amount.value, quote, _bound(amount.up_to, amount.high), amount.high)
    per_week = {} if hours is None else {"hours_per_week": hours}
    value = to_annual(amount.value, period, **per_week)
    high = None if amount.high is None else to_annual(amount.high, period, **per_week)
    return Found(value, quote, _bound(amount.up_to, high), high)


def _first(sentences: Sequence[str], pattern: str) -> tuple[str, re.Match[str]] | None:
    for sentence in sentences:
        match = _search(pattern, sentence)
        if match:
            return sentence, match
    return None


def _money_after(sentence: str, cue: str, *, block: str = r"(?!)", span: int = 90) -> Amount | None:
    """The first money figure after ``cue`` (within ``span`` characters), unless words
    matching ``block`` stand between them."""
    for match in re.finditer(cue, sentence, re.IGNORECASE):
        for amount in money_in(sentence):
            gap = sentence[match.end() : amount.start]
            if amount.start >= match.end() and len(gap) <= span:
                return None if _search(block, gap) else amount
    return None


# --- who and what -------------------------------------------------------------------------------
_WORD: Final = r"[A-Z][\w&'.-]*"
_NAME: Final = (
    rf"{_WORD}(?: (?:&|and|of|for|de|the) {_WORD}| {_WORD}| &(?= [A-Z]))*"
    r"(?:,? (?:Inc\.?|LLC|Ltd\.?|Limited|plc|PLC|LLP|Corp\.?|Co\.))?"
)
_ORGANISATION: Final = (
    r"\b(?:Ltd|Limited|Inc|LLC|LLP|plc|PLC|Corp|Trust|Council|Department|University|Group|"
    r"District|Center|Centre|Alliance|Partners|Bank|Authority|Agency|School)\b"
)
_TOKEN: Final = r"[\w/&'()+.-]*"
_ROLE: Final = (
    rf"[A-Z]{_TOKEN}(?: (?:[A-Z(0-9]{_TOKEN}|of|and|&|for|to))*"
    r"(?:, (?!Inc|LLC|Ltd)[A-Z][\w-]*(?: [A-Z][\w-]*)*(?=,? (?:at|with|reporting|based|in|on)\b|\.?$))?"
)


def read_employer(sentences: Sequence[str], found: Mapping[str, Found]) -> Result:
    """The employer, as the letter names it in an offer, a welcome or a label; else the
    letterhead (the letter's first line, when it names an organisation: "... Ltd",
    "... Council")."""
    patterns = (
        rf"^(?:Employer|Company|Organi[sz]ation):\s*(?P<name>{_NAME})",
        rf"\b(?i:role|position|post|job|employment|offer)\b[^.]{{0,80}}? (?:at|with) (?P<name>{_NAME})",
        rf"\b(?i:on behalf of) (?P<name>{_NAME})",
        rf"\b(?i:join(?:ing)?) (?!us\b|our\b|the team\b)(?P<name>{_NAME})",
        rf"\b(?i:welcome (?:you )?to) (?P<name>{_NAME})",
        rf"^(?:[A-Z][a-z]+ [a-z]+! )?(?P<name>{_NAME}) (?:is|are) "
        r"(?i:pleased|delighted|happy|excited|thrilled)",
    )
    for pattern in patterns:
        for sentence in sentences:
            match = re.search(pattern, sentence)
            if match is not None and len(match["name"]) > 2:
                return Found(_clean_name(match["name"]), sentence)
    head = re.fullmatch(_NAME, sentences[0]) if sentences else None
    if head is not None and re.search(_ORGANISATION, head.group()):
        return Found(_clean_name(head.group()), sentences[0])
    return None


def _clean_name(name: str) -> str:
    return name.strip(" ,").rstrip(".")


def read_role(sentences: Sequence[str], found: Mapping[str, Found]) -> Result:
    """The job title, from "the position of ...", "the role of ...", "as a/an ..." or a label."""
    patterns = (
        rf"^(?:Job title|Position|Role|Post|Title|Job):\s*(?P<role>{_ROLE})",
        rf"\b(?:position|role|post|job) of (?:an? )?(?P<role>{_ROLE})",
        rf"\boffer you (?:the |a |an )?(?:(?:full|part)-time )?(?P<role>{_ROLE}) (?:position|role|post)",
        rf"\b(?:employment|join\w*[^.]{{0,60}}?|work) as (?:an? |our |the )?(?P<role>{_ROLE})",
        rf"\bas (?:an? |our |the )(?P<role>{_ROLE})",
    )
    for pattern in patterns:
        for sentence in sentences:
            match = re.search(pattern, sentence)
            if match:
                role = re.sub(r" (?:at|with|in|for|to|and|of|the|&)$", "", match["role"])
                return Found(role.strip(), sentence)
    return None


# --- pay ----------------------------------------------------------------------------------------
_PERIOD_AFTER: Final = re.compile(
    r"^\s*(?:\(?gross\)?\s*|before (?:tax|deductions)\s*)?(?:(?:per|a|an|each|every|/)\s*"
    r"(?P<unit>annum|year|yr|hour|hr|week|wk|month|mo)\b|(?P<adverb>annually|yearly|hourly|"
    r"weekly|monthly|p\.a\.|pa\b|p/h))",
    re.IGNORECASE,
)
_UNITS: Final[dict[str, PayPeriod]] = {
    "annum": "year",
    "year": "year",
    "yr": "year",
    "annually": "year",
    "yearly": "year",
    "p.a.": "year",
    "pa": "year",
    "hour": "hour",
    "hr": "hour",
    "hourly": "hour",
    "p/h": "hour",
    "week": "week",
    "wk": "week",
    "weekly": "week",
    "month": "month",
    "mo": "month",
    "monthly": "month",
}
_SALARY_CUE: Final = (
    r"\b(?:(?:base|basic|annual|annualised|starting|gross|monthly|weekly|hourly|yearly)\s+)*"
    r"(?:salary|pay rate|rate of pay|hourly rate|base rate|basic rate|wage|pay|remuneration|paid)\b"
)
_NOT_SALARY: Final = (
    r"bonus|commission|allowance|on-target|\bOTE\b|sign|relocat|stipend|equity|stock|"
    r"overtime|range|band from|per share|\bmaximum\b"
)
_ALWAYS_FREQUENCY: Final = re.compile(
    r"bi-?weekly|fortnight|semi-?monthly|per pay period|each pay period", re.IGNORECASE
)


def period_of(sentence: str, amount: Amount) -> PayPeriod | None:
    """The pay period a figure is stated per: the words after it ("per hour", "a year",
    "monthly"), else the cue before it ("annual salary", "hourly rate"); None if neither."""
    after = _PERIOD_AFTER.match(sentence[amount.end : amount.end + 40])
    if after:
        return _UNITS[(after["unit"] or after["adverb"]).lower()]
    before = sentence[max(0, amount.start - 60) : amount.start].lower()
    for word, period in (("annual", "year"), ("yearly", "year"), ("hourly", "hour")):
        if word in before:
            return period  # type: ignore[return-value]
    for word, period in (("monthly", "month"), ("weekly", "week")):
        if re.search(rf"\b{word} (?:salary|pay|wage|rate)", before):
            return period  # type: ignore[return-value]
    return None


def _salary_candidate(sentence: str) -> tuple[Amount, PayPeriod | None] | None:
    amount = _money_after(sentence, _SALARY_CUE, block=_NOT_SALARY, span=60)
    if amount is None:
        return None
    return amount, period_of(sentence, amount)


def read_base_salary(sentences: Sequence[str], found: Mapping[str, Found]) -> Result:
    """Annual base salary (docs/domain.md section 1): a yearly figure, or a monthly, weekly or hourly one
    converted by :func:`calculator.periods.to_annual`; an hourly figure only with the hours
    the letter states. A figure with no period is annual only when called a salary and at
    least 10,000; a full-time-equivalent ("pro rata") figure is not the pay: a Mention."""
    for sentence in sentences:
        candidate = _salary_candidate(sentence)
        if candidate is None:
            continue
        amount, period = candidate
        if _search(r"pro[- ]rata|\bFTE\b|full[- ]time equivalent", sentence):
            return Mention(sentence, "a full-time-equivalent figure: ask for the actual pay")
        if period is None:
            after = sentence[amount.end : amount.end + 40]
            if _ALWAYS_FREQUENCY.search(after) or not _search(r"salary", sentence):
                return Mention(sentence, "the pay period of this figure is not stated")
            if amount.value < 10_000:
                return Mention(sentence, "the pay period of this figure is not stated")
            period = "year"
        return _annual_pay(sentence, amount, period, found)
    return None


def _annual_pay(
    sentence: str, amount: Amount, period: PayPeriod, found: Mapping[str, Found]
) -> Result:
    if period != "hour":
        return _money_found(amount, sentence, period)
    hours = found.get("hours_per_week")
    if hours is None or hours.marked or not isinstance(hours.value, float):
        return Mention(sentence, "an hourly rate with no fixed weekly hours: ask for the hours")
    quote = sentence if hours.quote == sentence else f"{sentence} {hours.quote}"
    return _money_found(amount, quote, "hour", hours.value)


def read_currency(sentences: Sequence[str], found: Mapping[str, Found]) -> Result:
    """The currency of the pay: that of the salary figure, else of the first money figure."""
    for sentence in sentences:
        candidate = _salary_candidate(sentence)
        if candidate is not None:
            return Found(candidate[0].currency, sentence)
    for sentence in sentences:
        amounts = money_in(sentence)
        if amounts:
            return Found(amounts[0].currency, sentence)
    return None


def read_hours(sentences: Sequence[str], found: Mapping[str, Found]) -> Result:
    """Contracted hours a week: "37.5 hours per week", "a 40-hour week", "between 16 and 24
    hours a week" (a range); never a limit such as "more than 48 hours"."""
    pattern = (
        rf"(?P<lead>between\s+|up to\s+|)(?P<low>{NUMBER})(?:\s*(?:-|–|to|and)\s*(?P<high>{NUMBER}))?"
        r"[\s-]*(?:contracted |working )?(?:hours?|hrs)(?:\s+of work)?\s*(?:per|a|each|every|/|in a)\s*"
        r"(?:working )?week|(?P<low2>\d+(?:\.\d+)?)-hour (?:working |work )?week"
        r"|working week (?:is|of) (?P<low3>\d+(?:\.\d+)?) hours"
    )
    for sentence in sentences:
        for match in re.finditer(pattern, sentence, re.IGNORECASE):
            before = sentence[max(0, match.start() - 25) : match.start()].lower()
            if re.search(r"more than|exceed|over|in excess of|maximum|average of more", before):
                continue
            low = number_value(match["low"] or match["low2"] or match["low3"])
            if not 1 <= low <= 100:
                continue
            high = number_value(match["high"]) if match["high"] else None
            up_to = (match["lead"] or "").lower().startswith("up")
            return Found(low, sentence, _bound(up_to, high), high)
    return None


# --- time off, bonus, sign-on ------------------------------------------------------------------
_LEAVE: Final = (
    r"(?:annual leave|holidays?|vacation|paid time off|\bPTO\b|personal time off|paid leave|leave)"
)


def read_holiday(sentences: Sequence[str], found: Mapping[str, Found]) -> Result:
    """Paid holiday days a year: "25 days' annual leave", "20 days of PTO", "annual leave of
    27 days"; flexible or unlimited time off states no count (a Mention)."""
    patterns = (
        rf"(?P<n>{NUMBER})\s+(?:working |business )?days'?\s*(?:of\s+)?(?:paid\s+)?"
        rf"(?:annual\s+)?{_LEAVE}",
        rf"(?P<n>{NUMBER})\s+(?:paid\s+)?(?:vacation|holiday|PTO|annual leave|leave)\s+days\b",
        rf"{_LEAVE}(?: entitlement| allowance)?(?: of| is| will be|:)\s+(?P<n>{NUMBER})\s+"
        r"(?:working |business )?days",
    )
    for sentence in sentences:
        if _search(r"sick|parental|maternity|paternity|bereavement|jury", sentence):
            continue
        for pattern in patterns:
            match = _search(pattern, sentence)
            if match and 1 <= number_value(match["n"]) <= 60:
                return Found(number_value(match["n"]), sentence)
    hit = _first(
        sentences,
        rf"(?:flexible|unlimited|discretionary|open)\s+{_LEAVE}|"
        rf"{_LEAVE} (?:is )?(?:flexible|unlimited)|{NUMBER} weeks'? (?:of )?(?:paid )?{_LEAVE}|"
        rf"{_LEAVE}(?: entitlement| allowance)? (?:is|of) {NUMBER} weeks",
    )
    if hit:
        return Mention(hit[0], "no number of days is stated")
    return None


_SIGN_ON: Final = r"sign[- ]?on|signing|sign-in|joining bonus|golden hello|welcome bonus|starting bonus|hiring bonus"


def read_bonus(sentences: Sequence[str], found: Mapping[str, Found]) -> Result:
    """Target bonus as a fraction of base: a percent in a bonus sentence ("a target of 15% of
    base salary"); "up to" and ranges are marked; a discretionary bonus with no percent has
    no target (a Mention)."""
    mention = None
    for sentence in sentences:
        if not _search(r"\bbonus", sentence) or _search(
            _SIGN_ON + r"|retention|referral", sentence
        ):
            continue
        for percent in percents_in(sentence):
            after = sentence[percent.end : percent.end + 60]
            if _search(r"salary|base|pay|earnings|target", after + sentence[: percent.start]):
                return Found(
                    percent.value, sentence, _bound(percent.up_to, percent.high), percent.high
                )
        mention = mention or Mention(sentence, "no target percentage is stated")
    return mention


def read_sign_on(sentences: Sequence[str], found: Mapping[str, Found]) -> Result:
    """A one-off sign-on bonus (docs/domain.md section 4), its amount; "up to" is marked."""
    for sentence in sentences:
        if _search(_SIGN_ON, sentence):
            amount = _money_after(sentence, _SIGN_ON + r"|bonus", block=r"relocat|allowance")
            if amount is not None:
                return _money_found(amount, sentence)
    return None


_REPAY: Final = r"repay|pay back|paid back|return|claw ?back|reimburse"


def read_sign_on_repayment(sentences: Sequence[str], found: Mapping[str, Found]) -> Result:
    """The months within which leaving means repaying the sign-on: "if you leave within 12
    months", "within one year" (12), "before your second anniversary" (24)."""
    sign_on = found.get("sign_on")
    if sign_on is None:
        return None
    index = next((i for i, s in enumerate(sentences) if s == sign_on.quote), None)
    if index is None:
        return None
    for sentence in sentences[index : index + 3]:
        if not _search(_REPAY, sentence) or (
            sentence != sign_on.quote
            and _search(r"relocat", sentence)
            and not _search(_SIGN_ON, sentence)
        ):
            continue
        months = _months_in(sentence)
        if months is not None:
            return Found(months, sentence)
    return None


def _months_in(sentence: str) -> int | None:
    match = _search(
        rf"(?:within|before|first|less than|under|prior to)\s+(?:completing\s+)?"
        rf"(?:the\s+)?(?:first\s+)?(?P<n>{NUMBER})[\s-]+(?P<unit>months?|years?)",
        sentence,
    )
    if match:
        n = number_value(match["n"])
        return int(n * 12 if match["unit"].lower().startswith("year") else n)
    match = _search(
        r"(?:within|before)\s+(?:the|your)\s+(?P<nth>first|second|third)\s+anniversary", sentence
    )
    if match:
        return {"first": 12, "second": 24, "third": 36}[match["nth"].lower()]
    return None


# --- equity -------------------------------------------------------------------------------------
_EQUITY: Final = (
    r"\bRSUs?\b|restricted stock|stock options?|share options?|options? to (?:purchase|acquire|buy)|"
    r"\bEMI\b|\bequity\b|\bISOs?\b|incentive stock|\bstock grant"
)
_OPTION: Final = r"option"


def _equity_sentences(sentences: Sequence[str]) -> list[str]:
    return [s for s in sentences if _search(_EQUITY, s)]


def read_equity_value(sentences: Sequence[str], found: Mapping[str, Found]) -> Result:
    """The grant's value in money ("RSUs with a grant value of $180,000"); a price per share,
    an exercise price or a company valuation is not a grant value."""
    for sentence in _equity_sentences(sentences):
        for amount in money_in(sentence):
            before = sentence[max(0, amount.start - 60) : amount.start].lower()
            after = sentence[amount.end : amount.end + 30].lower()
            if re.search(r"per (?:share|unit|option)|a share", after) or re.search(
                r"price|strike|valuation|409a|fair market", before[-30:]
            ):
                continue
            if re.search(r"valu|worth|grant|award|equivalent|equity of|equity", before):
                return _money_found(amount, sentence)
    return None


def read_equity_shares(sentences: Sequence[str], found: Mapping[str, Found]) -> Result:
    """The number of shares, units or options granted (not shares outstanding)."""
    units = (
        r"(?:restricted stock units|RSUs|units|shares|stock options|share options|EMI options|"
        r"options|incentive stock options|ISOs)"
    )
    pattern = rf"(?<![£$€\d,.])(?P<n>\d{{1,3}}(?:,\d{{3}})+|\d+)\s+(?:(?:shares of )?(?:the Company's )?)?(?:ordinary |common |preferred )?{units}"
    for sentence in _equity_sentences(sentences):
        for match in re.finditer(pattern, sentence, re.IGNORECASE):
            after = sentence[match.end() : match.end() + 40].lower()
            before = sentence[max(0, match.start() - 20) : match.start()].lower()
            if re.search(r"outstanding|issued|authori[sz]ed|diluted", after) or re.search(
                r"out of|total of|of the", before
            ):
                continue
            return Found(number_value(match["n"]), sentence)
    return None


def read_equity_kind(sentences: Sequence[str], found: Mapping[str, Found]) -> Result:
    """ "option" or "rsu", when the letter grants either."""
    for sentence in _equity_sentences(sentences):
        if _search(r"\bRSUs?\b|restricted stock|stock grant", sentence):
            return Found("rsu", sentence)
        if _search(_OPTION, sentence):
            return Found("option", sentence)
    return None


def read_equity_strike(sentences: Sequence[str], found: Mapping[str, Found]) -> Result:
    """An option's exercise (strike) price per share, when a figure is stated."""
    for sentence in _equity_sentences(sentences):
        amount = _money_after(sentence, r"exercise price|strike price", span=25)
        if amount is not None:
            return _money_found(amount, sentence)
    return None


_EVERY: Final = {"monthly": "standard", "quarterly": "standard_quarterly"}


def read_vesting(sentences: Sequence[str], found: Mapping[str, Found]) -> Result:
    """The vesting schedule (docs/domain.md section 5) as a preset name or yearly fractions: a one-year
    cliff then monthly ("standard") or quarterly ("standard_quarterly"); quarterly with no
    cliff ("quarterly_no_cliff"); 5/15/20-every-six-months ("amazon"); yearly percents
    ("10%, 20%, 30% and 40%"); equal yearly parts over N years. Anything else is a Mention."""
    for sentence in sentences:
        if not _search(r"\bvest", sentence):
            continue
        schedule = _schedule_of(sentence)
        if schedule is not None:
            return Found(schedule, sentence)
    hit = _first(sentences, r"\bvest")
    return Mention(hit[0], "the vesting schedule is not stated in full") if hit else None


def _schedule_of(sentence: str) -> str | tuple[float, ...] | None:
    text = sentence.lower()
    four = re.search(r"(?:four|4)[- ]years?|48 months", text)
    cliff = re.search(r"cliff|first anniversary|one[- ]year|1[- ]year|12 months|first year", text)
    if re.search(r"5%[^.]*15%[^.]*20%[^.]*(?:six|6) months", text):
        return "amazon"
    yearly = re.search(r"(\d+)%,\s*(\d+)%,\s*(\d+)%,?\s*and\s*(\d+)%", text)
    if yearly and re.search(r"year|annivers|annual", text):
        parts = tuple(int(n) / 100 for n in yearly.groups())
        return parts if abs(sum(parts) - 1) < 1e-9 else None
    if four and re.search(r"no cliff|without a cliff", text) and "quarterly" in text:
        return "quarterly_no_cliff"
    if four and cliff and "25%" in text:
        every = re.search(r"monthly|quarterly", text[text.find("25%") :])
        return _EVERY[every.group()] if every else None
    equal = re.search(
        rf"(?:equal(?:ly)?|25%)[^.]*(?:annual|yearly|each year|per year|anniversar)[^.]*?"
        rf"(?P<n>{NUMBER})[- ]years?",
        text,
    ) or re.search(rf"annually over (?P<n>{NUMBER})[- ]years?", text)
    if equal and not cliff:
        years = int(number_value(equal["n"]))
        return tuple([1 / years] * years) if 1 <= years <= 10 else None
    return None


# --- pension ------------------------------------------------------------------------------------
_PENSION: Final = r"pension|401\(?k\)?|403\(?b\)?|retirement|superannuation|\bTSP\b"
_EMPLOYEE: Final = r"\byou\b|\byour (?:own )?contribut|\bemployee\b|\bdefer"
_EMPLOYER: Final = (
    r"employer|company|\bwe\b|\bus\b|trust|council|firm|bank|university|authority|department|"
    r"contribute on your behalf|non-elective|\bcontributes\b|\bwill contribute\b"
)


def _pension_sentences(sentences: Sequence[str]) -> list[str]:
    """Sentences about the pension, and one right after such a sentence that speaks of
    contributions ("You will be enrolled in our pension. We will contribute 3% ...")."""
    found = []
    for i, sentence in enumerate(sentences):
        if _search(_PENSION, sentence) or (
            i > 0 and _search(_PENSION, sentences[i - 1]) and _search(r"contribut", sentence)
        ):
            found.append(sentence)
    return found


def _match_terms(sentence: str) -> tuple[float, float] | None:
    """(match rate, match cap) from "50% of the first 6%" or "match ... up to 5%"."""
    pct = r"(\d+(?:\.\d+)?)\s?(?:%|per ?cent)"
    first = _search(
        rf"{pct}(?: match)?(?: of| on) (?:the first|your first|up to|the initial) {pct}", sentence
    )
    if first:
        return float(first.group(1)) / 100, float(first.group(2)) / 100
    rated = _search(
        rf"match(?:es|ing)? {pct} of (?:your |employee |all )?(?:contributions|deferrals) up to {pct}",
        sentence,
    )
    if rated:
        return float(rated.group(1)) / 100, float(rated.group(2)) / 100
    if _search(
        r"dollar[- ]for[- ]dollar|pound[- ]for[- ]pound|match(?:es|ing)? (?:your|employee|all)",
        sentence,
    ):
        cap = _search(rf"up to (?:a maximum of )?{pct}", sentence)
        if cap:
            rate = _search(rf"match(?:es|ing)? {pct}", sentence)
            return (float(rate.group(1)) / 100 if rate else 1.0), float(cap.group(1)) / 100
    return None


def read_match(sentences: Sequence[str], found: Mapping[str, Found]) -> tuple[Result, Result]:
    """The employer's match: (rate, cap), e.g. 50% of the first 6% of pay (docs/domain.md section 4)."""
    for sentence in _pension_sentences(sentences):
        if not _search(r"match", sentence):
            continue
        terms = _match_terms(sentence)
        if terms is not None:
            return Found(terms[0], sentence), Found(terms[1], sentence)
    return None, None


def read_pension_rate(sentences: Sequence[str], found: Mapping[str, Found]) -> Result:
    """The employer's contribution as a fraction of pay: a percent whose clause names the
    employer ("the Council contributes 19.6%"), never the employee's own rate; a match is
    read by :func:`read_match`."""
    mention = None
    for sentence in _pension_sentences(sentences):
        if _match_terms(sentence) is not None:
            continue
        for percent in percents_in(sentence):
            clause = re.split(
                r"[,;:]| and | provided | if | while | whereas ", sentence[: percent.start]
            )[-1]
            after = sentence[percent.end : percent.end + 50]
            if _search(_EMPLOYEE, clause) and not _search(r"employer|company", clause):
                continue
            if _search(_EMPLOYER, clause) or _search(
                r"^\s*(?:employer|company) contribution", after
            ):
                return Found(
                    percent.value, sentence, _bound(percent.up_to, percent.high), percent.high
                )
        mention = mention or Mention(sentence, "the employer's contribution is not stated")
    return mention


def read_pension_basis(sentences: Sequence[str], found: Mapping[str, Found]) -> Result:
    """ "qualifying_earnings" when the employer's rate is of qualifying earnings (UK
    auto-enrolment, docs/domain.md section 4); "salary" when it is of basic or base salary."""
    rate = found.get("pension_employer_rate")
    if rate is None:
        return None
    if _search(r"qualifying earnings", rate.quote):
        return Found("qualifying_earnings", rate.quote)
    if _search(r"(?:basic|base|pensionable) (?:salary|pay)|of (?:your )?salary", rate.quote):
        return Found("salary", rate.quote)
    return None


# --- other benefits -----------------------------------------------------------------------------
def read_relocation(sentences: Sequence[str], found: Mapping[str, Found]) -> Result:
    """Relocation support in money (one-off, docs/domain.md section 4); "up to" is marked."""
    mention = None
    for sentence in sentences:
        if _search(r"relocat", sentence):
            amount = _money_after(sentence, r"relocat", block=_SIGN_ON, span=80)
            if amount is not None:
                return _money_found(amount, sentence)
            mention = mention or Mention(sentence, "no amount is stated")
    return mention


def read_car(sentences: Sequence[str], found: Mapping[str, Found]) -> Result:
    """A car allowance as money a year (a monthly figure times 12); a company car with no
    figure is a Mention."""
    mention = None
    for sentence in sentences:
        if not _search(r"\bcar\b|vehicle", sentence):
            continue
        amount = _money_after(sentence, r"\bcar\b|vehicle", span=60)
        period = None if amount is None else period_of(sentence, amount)
        if amount is not None and period in ("year", "month"):
            return _money_found(amount, sentence, period)
        mention = mention or Mention(sentence, "no yearly value is stated")
    return mention


def read_health(sentences: Sequence[str], found: Mapping[str, Found]) -> Result:
    """What the employer pays a year towards health cover, when the letter states a figure a
    year or a month; cover with no figure ("single medical cover") is a Mention."""
    mention = None
    health = r"medical|health (?:insurance|cover|care|plan|benefits)|healthcare|dental|vision"
    for sentence in sentences:
        if not _search(health, sentence):
            continue
        amount = _money_after(
            sentence, r"pays?|contribut\w*|cover\w*|worth|valued at|premium\w*", span=40
        )
        period = None if amount is None else period_of(sentence, amount)
        if amount is not None and period in ("year", "month"):
            return _money_found(amount, sentence, period)
        mention = mention or Mention(sentence, "no yearly value is stated")
    return mention


_DAYS: Final = r"(?P<n>one|two|three|four|five|[1-5])"


def read_home_working(sentences: Sequence[str], found: Mapping[str, Found]) -> Result:
    """Home-working days a week: "two days a week from home", "work remotely up to three
    days per week" (marked "up to"); "hybrid" or "fully remote" alone is a Mention."""
    home = r"(?:from home|at home|remotely|remote|from a location of your choice)"
    patterns = (
        rf"(?P<lead>up to )?{_DAYS} days? (?:a|per|each) week {home}",
        rf"{home}(?: for)? (?P<lead>up to )?{_DAYS} days? (?:a|per|each) week",
        rf"(?P<lead>up to )?{_DAYS} (?:home[- ]working|remote|work[- ]from[- ]home|WFH) days?",
        rf"(?:and|with) (?P<lead>up to )?{_DAYS} days? {home}",
    )
    for sentence in sentences:
        for pattern in patterns:
            match = _search(pattern, sentence)
            if match:
                return Found(number_value(match["n"]), sentence, _bound(bool(match["lead"]), None))
    hit = _first(
        sentences, r"\bhybrid\b|fully remote|remote[- ]first|work from home|working from home"
    )
    return Mention(hit[0], "the number of home-working days is not stated") if hit else None


# --- dates, probation, conditions ---------------------------------------------------------------
_START: Final = r"start|commence|first (?:\w+ )?day|joining date|begin|employment date|effective"
_EXPIRE: Final = (
    r"(?:by|before|no later than|until|on or before|expires?|expiry|deadline|lapse\w*|"
    r"open until|valid until)"
)


def _dated(sentences: Sequence[str], cue: str, sentence_cue: str, window: int) -> Result:
    for sentence in sentences:
        if not _search(sentence_cue, sentence):
            continue
        for date in dates_in(sentence):
            before = sentence[max(0, date.start - window) : date.start]
            if _search(cue, before):
                if date.day is None:
                    return Mention(sentence, "the date is ambiguous or contradicts itself")
                return Found(date.day, sentence)
    return None


def read_start_date(sentences: Sequence[str], found: Mapping[str, Found]) -> Result:
    """The start date: a full date after "start", "commence", "first day" (a date such as
    03/04/2026, read differently in the UK and the US, is a Mention)."""
    return _dated(sentences, _START, _START, 60)


def read_expiry(sentences: Sequence[str], found: Mapping[str, Found]) -> Result:
    """The date by which to answer: a full date after "by", "before", "until", "expires" in a
    sentence about accepting, signing, returning or the offer lapsing; a relative deadline
    ("within five working days") is a Mention."""
    cue = (
        r"accept|sign|return|respond|reply|confirm|expire|remain open|valid|lapse|deadline|decision"
    )
    dated = _dated(sentences, _EXPIRE + r"[^.]{0,25}$", cue, 40)
    if dated is not None:
        return dated
    hit = _first(sentences, rf"(?:{cue})[^.]*within {NUMBER} (?:working |business |calendar )?days")
    return Mention(hit[0], "the deadline is relative, not a date") if hit else None


def read_probation(sentences: Sequence[str], found: Mapping[str, Found]) -> Result:
    """The probation period in months ("a probationary period of six months", "a 3-month
    probation"); one stated in days or weeks is a Mention (not converted)."""
    for sentence in sentences:
        if not _search(r"probation|introductory period|trial period", sentence):
            continue
        match = _search(rf"(?P<n>{NUMBER})[\s-]+(?P<unit>months?|years?|weeks?|days?)", sentence)
        if match is None:
            return Mention(sentence, "the length is not stated")
        unit = match["unit"].lower()
        if unit.startswith(("week", "day")):
            return Mention(sentence, f"the length is stated in {unit.rstrip('s')}s, not months")
        n = number_value(match["n"])
        return Found(int(n * 12 if unit.startswith("year") else n), sentence)
    return None


def read_conditions(sentences: Sequence[str], found: Mapping[str, Found]) -> Result:
    """The conditions of docs/domain.md section 9 the offer is subject to, in canonical order and keys,
    from sentences that make the offer depend on them."""
    keys: list[str] = []
    quotes: list[str] = []
    for sentence in sentences:
        if not _CONDITION_CUE.search(sentence):
            continue
        hits = [key for key, pattern in CONDITIONS.items() if _search(pattern, sentence)]
        if hits and sentence not in quotes:
            quotes.append(sentence)
        keys.extend(hits)
    if not keys:
        return None
    ordered = tuple(key for key in CONDITIONS if key in keys)
    return Found(ordered, " ".join(quotes))


def read_commission(sentences: Sequence[str], found: Mapping[str, Found]) -> Result:
    """Commission at target, a year (sales offers): "target commission of $60,000"."""
    cue = r"(?:on-)?target commission|commission (?:at target|target)|target incentive|variable (?:pay|compensation)"
    for sentence in sentences:
        amount = _money_after(sentence, cue, span=40)
        if amount is not None:
            period = period_of(sentence, amount) or "year"
            if period in ("year", "month"):
                return _money_found(amount, sentence, period)
    return None


#: Readers in the order they run (hours before pay, sign-on before its repayment, the
#: pension's rate before its basis); the match reader fills two fields and runs apart.
READERS: Final[tuple[tuple[str, Reader], ...]] = (
    ("employer", read_employer),
    ("role", read_role),
    ("hours_per_week", read_hours),
    ("base_salary", read_base_salary),
    ("currency", read_currency),
    ("holiday_days", read_holiday),
    ("bonus_target_rate", read_bonus),
    ("sign_on", read_sign_on),
    ("sign_on_repayment_months", read_sign_on_repayment),
    ("equity_grant_value", read_equity_value),
    ("equity_shares", read_equity_shares),
    ("vesting_schedule", read_vesting),
    ("pension_employer_rate", read_pension_rate),
    ("relocation", read_relocation),
    ("company_car", read_car),
    ("health_care", read_health),
    ("home_working_days", read_home_working),
    ("start_date", read_start_date),
    ("offer_expires", read_expiry),
    ("probation_months", read_probation),
    ("conditions", read_conditions),
    ("equity_kind", read_equity_kind),
    ("equity_strike", read_equity_strike),
    ("pension_basis", read_pension_basis),
    ("commission_target", read_commission),
)
