"""Take-home pay after income tax, social contributions, student loans and pension (UK and US).

Tax rules are data: one TOML file per country and tax year in ``data/tax/`` (``GB-2025.toml``
is the UK year 2025/26, ``US-2025.toml`` the US calendar year 2025), every figure with its
source (shared/TAX_TABLES.md). Adding a year is adding a file; each file is read once.

UK, annual equivalents of the same pay every month (real PAYE, National Insurance and student
loan deductions are worked out per pay period):

- income tax on taxable income = income - personal allowance; the allowance shrinks by 1 for
  every 2 of adjusted net income above 100,000 (nil at 125,140), so 100,000-125,140 carries a
  60% income-tax rate (40% x 1.5); bands for England, Wales and Northern Ireland, or Scotland's;
- employee Class 1 NI: 8% of earnings between 12,570 and 50,270, 2% above;
- student loans: 9% of earnings above the plan threshold (plan 1, 2, 4 or 5; several plans share
  one 9% repayment above the lowest of their thresholds, Student Loans Company),
  plus 6% above 21,000 for a postgraduate loan, which can run alongside an undergraduate plan;
  plan 5 has no threshold (nothing due) in 2025/26;
- employee pension, three ways (HMRC "Pension schemes rates and allowances"; ITA 2007 s.192-193):
  *salary sacrifice* lowers pay before income tax, NI and student loan; a *net pay arrangement*
  takes the contribution before income tax only (NI and student loan still on full pay);
  *relief at source* is paid out of net pay at 80% of the gross contribution (the provider
  claims the basic-rate 20% from HMRC), and the gross contribution widens the basic and higher
  bands and lowers adjusted net income for the taper: that is how relief above the basic rate
  reaches you (claimed through self assessment), and it is counted here as if claimed.
  In Scotland the widening starts at the basic (20%) band, so total relief equals the top rate
  reached; a starter-rate (19%) taxpayer keeps the full 20% added at source, as HMRC allows.
- taxable benefits in kind (company car, medical insurance) add to income for income tax and
  the taper, not to earnings for employee NI or student loans.

US, federal (IRS Rev. Proc. 2024-40 and 2025-32; SSA; IRC 3101):

- income tax through the brackets on wages + taxable benefits - 401(k) deferral - standard
  deduction (single, or married filing jointly treating this pay as the household's only
  income); credits are not modelled;
- Social Security 6.2% up to the wage base; Medicare 1.45% on all wages; Additional Medicare
  0.9% above 200,000 (single) or 250,000 (joint) for the annual liability, although employers
  withhold it above 200,000 whatever the filing status;
- pre-tax 401(k) deferrals lower wages for income tax (not for Social Security or Medicare);
  a deferral above the year's elective deferral limit is clipped to the limit, with a note,
  rather than refused, because a percentage of a rising salary will cross the cap at some
  point in a multi-year projection; age-50 catch-up contributions are not modelled;
- state and local income tax: the rules of the state where the job is (``region``), and of a
  local income tax the user picks (``locality``, e.g. New York City), from
  :mod:`calculator.state_tax`; or one flat rate the user enters, on wages + benefits - 401(k),
  which overrides them.

Net pay is cash: ``net = gross - income tax - social contributions - student loan - pension``,
where pension is what leaves pay (for relief at source, 80% of the gross contribution). Taxable
benefits are not cash, so they lower net pay only by the tax on them.

The employee pension rate is limited to :data:`MAX_PENSION_RATE` (40%): above that, with a net
pay arrangement, relief at source or a 401(k), the next unit of pay could cost more than it
brings (e.g. 50% by net pay in the Scottish taper zone with both loans: 50% + 50% x 67.5% + 2%
+ 15% = 100.75%), which payroll cannot deduct. Within it, every marginal rate stays below 100%
as long as taxable benefits do not exceed the cash pay (see :func:`take_home`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, Final

from ._data import data_dir, load_toml
from ._validate import check_choice, check_fraction, check_non_negative
from .errors import InputError
from .money import format_money
from .places import state_code
from .state_tax import StateIncomeTax, state_income_tax

__all__ = [
    "COUNTRIES",
    "DEFAULT_TAX_YEAR",
    "FILING_STATUSES",
    "GB_REGIONS",
    "MAX_PENSION_RATE",
    "PENSION_METHODS",
    "STUDENT_LOAN_PLANS",
    "RetirementLimits",
    "TakeHome",
    "TaxProfile",
    "available_tax_years",
    "retirement_limits",
    "take_home",
    "us_federal_income_tax",
    "us_fica",
]

COUNTRIES: Final = ("GB", "US")
GB_REGIONS: Final = ("england", "wales", "northern_ireland", "scotland")
FILING_STATUSES: Final = ("single", "married_joint")
#: Pension methods per country; the first is the default.
PENSION_METHODS: Final = {
    "GB": ("salary_sacrifice", "net_pay", "relief_at_source"),
    "US": ("401k",),
}
STUDENT_LOAN_PLANS: Final = ("plan_1", "plan_2", "plan_4", "plan_5", "postgraduate")
#: Highest employee pension contribution accepted, as a fraction of gross (see module docstring).
MAX_PENSION_RATE: Final = 0.4
_MAX_GROSS: Final = 1e12
_CURRENCY: Final = {"GB": "GBP", "US": "USD"}
_FILE: Final = re.compile(r"^(GB|US)-(\d{4})\.toml$")
_INF: Final = math.inf


@cache
def _years() -> dict[str, tuple[int, ...]]:
    found: dict[str, list[int]] = {c: [] for c in COUNTRIES}
    for path in (data_dir() / "tax").glob("*.toml"):
        match = _FILE.match(path.name)
        if match:
            found[match.group(1)].append(int(match.group(2)))
    return {c: tuple(sorted(y)) for c, y in found.items()}


def available_tax_years(country: str) -> tuple[int, ...]:
    """Tax years shipped for ``country``: the files ``data/tax/<country>-<year>.toml``.

    UK years are named by the year they start (2025 = 2025/26); US years are calendar years.

    >>> available_tax_years("GB")
    (2025, 2026)
    """
    check_choice("country", country, COUNTRIES)
    return _years()[country]


#: The tax year used when none is given (the first year shipped for both countries).
DEFAULT_TAX_YEAR: Final = 2025


@dataclass(frozen=True, slots=True)
class RetirementLimits:
    """US 401(k) limits for one tax year: the most pay a plan may count (IRC 401(a)(17)) and
    the most an employee may defer (IRC 402(g)).

    >>> retirement_limits(2026).compensation_limit
    360000.0
    """

    tax_year: int
    compensation_limit: float
    elective_deferral_limit: float


def retirement_limits(tax_year: int = DEFAULT_TAX_YEAR) -> RetirementLimits:
    """The US retirement-plan limits of ``tax_year`` (IRS Notices 2024-80 for 2025, 2025-67
    for 2026), from ``data/tax/US-<year>.toml``.

    >>> limits = retirement_limits(2025)
    >>> limits.compensation_limit, limits.elective_deferral_limit
    (350000.0, 23500.0)
    """
    rules = _rules("US", tax_year)["retirement"]
    return RetirementLimits(
        int(tax_year),
        float(rules["compensation_limit"]),
        float(rules["elective_deferral_limit"]),
    )


def _rules(country: str, tax_year: object) -> Mapping[str, Any]:
    years = available_tax_years(country)
    year = tax_year
    if isinstance(year, float) and year.is_integer():
        year = int(year)
    if isinstance(year, bool) or not isinstance(year, int) or year not in years:
        listed = ", ".join(str(y) for y in years)
        raise InputError(
            "tax_year", f"{tax_year!r} is not available for {country}; available: {listed}"
        )
    return load_toml(f"tax/{country}-{year}.toml")


def _banded(
    amount: float, bands: Sequence[Sequence[float]], stretch: float = 0.0, from_rate: float = 0.0
) -> float:
    """Tax on ``amount`` through [upper, rate] bands.

    Finite upper limits of bands taxed at ``from_rate`` or more are raised by ``stretch``
    (relief at source widens the basic and higher bands).
    """
    tax, lower = 0.0, 0.0
    for upper, rate in bands:
        if amount <= lower:
            break
        top = upper + stretch if upper != _INF and rate >= from_rate else upper
        tax += (min(amount, top) - lower) * rate
        lower = top
    return tax


def us_federal_income_tax(
    wages: float, tax_year: int = DEFAULT_TAX_YEAR, filing_status: str = "single"
) -> tuple[float, float]:
    """(taxable income, federal income tax before credits) on US taxable ``wages`` (after
    401(k) deferrals): the brackets on wages less the standard deduction (IRS Rev. Proc.
    2024-40 and 2025-32, OBBBA; ``data/tax/US-<year>.toml``). Some states start from these
    figures (e.g. Alabama deducts the federal tax, Montana taxes federal taxable income).

    >>> us_federal_income_tax(100_000, 2025)  # 84,250 taxable: 1,192.50 + 4,386 + 7,870.50
    (84250.0, 13449.0)
    """
    rules = _rules("US", tax_year)
    status = check_choice("filing_status", filing_status, FILING_STATUSES)
    taxable = max(0.0, check_non_negative("wages", wages) - rules["standard_deduction"][status])
    return taxable, _banded(taxable, rules["income_tax"][status])


def us_fica(wages: float, tax_year: int = DEFAULT_TAX_YEAR, filing_status: str = "single") -> float:
    """Employee Social Security and Medicare tax on US ``wages`` (before 401(k) deferrals,
    which stay in FICA wages): 6.2% up to the wage base, 1.45% on all, and the 0.9% Additional
    Medicare Tax above the filing status's threshold (IRC 3101, 1401(b)(2); SSA wage base;
    ``data/tax/US-<year>.toml``). Some states deduct it (e.g. Alabama's itemized deductions).

    >>> us_fica(100_000, 2025)  # 6,200 + 1,450
    7650.0
    """
    payroll = _rules("US", tax_year)["payroll"]
    status = check_choice("filing_status", filing_status, FILING_STATUSES)
    pay = check_non_negative("wages", wages)
    return float(
        min(pay, payroll["social_security_wage_base"]) * payroll["social_security_rate"]
        + pay * payroll["medicare_rate"]
        + max(0.0, pay - payroll["additional_medicare_threshold"][status])
        * payroll["additional_medicare_rate"]
    )


@dataclass(frozen=True, slots=True)
class TakeHome:
    """Annual pay from gross to net cash, with the marginal rate on the next unit of pay.

    ``income_tax`` includes any US state and local tax (also shown apart as
    ``state_local_tax``); ``social_contributions`` is UK employee NI or US Social Security plus
    Medicare; ``pension`` is what the employee's contribution takes out of pay. ``net`` can be
    below zero only when the tax on taxable benefits exceeds the cash pay. ``marginal_rate`` is
    ``1 - (net(gross + 1) - net(gross))``: the share of one more unit of gross pay (pound or
    dollar) that does not reach net cash, pension contribution included.

    >>> th = take_home(30_000, "GB", 2025)
    >>> th.breakdown[0], th.breakdown[-1]
    (('Income tax', 3486.0), ('Net pay', 25119.6))
    >>> round(th.monthly_net, 2)
    2093.3
    """

    gross: float
    net: float
    income_tax: float
    social_contributions: float
    student_loan: float
    pension: float
    marginal_rate: float
    state_local_tax: float = 0.0
    notes: tuple[str, ...] = ()
    #: US state payroll contributions (disability, family leave), part of
    #: ``social_contributions`` and shown on their own line.
    state_payroll: float = 0.0
    #: "GB" or "US": the breakdown names each line as that country does.
    country: str = "GB"
    #: US local income tax (e.g. New York City's), part of ``state_local_tax``.
    local_tax: float = 0.0

    @property
    def monthly_net(self) -> float:
        """Net pay a month: ``net / 12``."""
        return self.net / 12.0

    @property
    def breakdown(self) -> tuple[tuple[str, float], ...]:
        """(label, amount) rows from deductions to net pay; the amounts add up to ``gross``.

        US offers show federal income tax, state and local tax, Social Security and Medicare
        and state payroll apart; the state rows appear only when there is such tax.
        """
        us = self.country == "US"
        rows = [
            ("Federal income tax" if us else "Income tax", self.income_tax - self.state_local_tax)
        ]
        if self.state_local_tax:
            rows.append(("State and local tax", self.state_local_tax))
        social = "Social Security and Medicare" if us else "Social contributions"
        rows.append((social, self.social_contributions - self.state_payroll))
        if self.state_payroll:
            rows.append(("State payroll", self.state_payroll))
        rows += [
            ("Student loan", self.student_loan),
            ("Pension", self.pension),
            ("Net pay", self.net),
        ]
        return tuple(rows)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready mapping of the fields plus the derived monthly figure and breakdown."""
        return {
            "gross": self.gross,
            "net": self.net,
            "monthly_net": self.monthly_net,
            "income_tax": self.income_tax,
            "state_local_tax": self.state_local_tax,
            "state_payroll": self.state_payroll,
            "local_tax": self.local_tax,
            "social_contributions": self.social_contributions,
            "student_loan": self.student_loan,
            "pension": self.pension,
            "marginal_rate": self.marginal_rate,
            "breakdown": [[label, amount] for label, amount in self.breakdown],
            "notes": list(self.notes),
        }


# (income_tax incl. state/local, state/local, social incl. state payroll, student loan,
#  pension out of pay, state payroll, local part of state/local)
_Amounts = tuple[float, float, float, float, float, float, float]


def _gb_amounts(
    rules: Mapping[str, Any],
    gross: float,
    region: str,
    contribution: float,
    method: str,
    plans: Sequence[str],
    benefits: float,
) -> _Amounts:
    sacrificed = contribution if method == "salary_sacrifice" else 0.0
    net_pay = contribution if method == "net_pay" else 0.0
    ras = contribution if method == "relief_at_source" else 0.0
    earnings = gross - sacrificed  # pay for NI and student loans
    income = earnings - net_pay + benefits  # total income for income tax
    adjusted = income - ras  # adjusted net income, which drives the taper
    it = rules["income_tax"]
    cut = max(0.0, adjusted - it["taper_threshold"]) * it["taper_rate"]
    allowance = max(0.0, it["personal_allowance"] - cut)
    bands = it["bands"]["scotland" if region == "scotland" else "rest_of_uk"]
    basic = rules["relief_at_source"]["basic_rate"]
    income_tax = _banded(max(0.0, income - allowance), bands, stretch=ras, from_rate=basic)
    ni = rules["national_insurance"]
    main = max(0.0, min(earnings, ni["upper_earnings_limit"]) - ni["primary_threshold"])
    upper = max(0.0, earnings - ni["upper_earnings_limit"])
    social = main * ni["main_rate"] + upper * ni["upper_rate"]
    loans = _student_loans(rules["student_loans"], plans, earnings)
    pension_out = sacrificed + net_pay + ras * (1.0 - basic)
    return income_tax, 0.0, social, loans, pension_out, 0.0, 0.0


def _student_loans(terms: Mapping[str, Any], plans: Sequence[str], earnings: float) -> float:
    """Repayments a year (docs/domain.md section 8, Student Loans Company): one deduction for all the
    undergraduate plans held, at their rate above the lowest of their thresholds (the plans
    share it), plus the postgraduate loan's own rate above its threshold. Plans with nothing
    due this year (no threshold) are left out."""
    undergraduate = [terms[p] for p in plans if p != "postgraduate" and "threshold" in terms[p]]
    total = 0.0
    if undergraduate:
        lowest = min(t["threshold"] for t in undergraduate)
        total += max(0.0, earnings - lowest) * undergraduate[0]["rate"]
    if "postgraduate" in plans and "threshold" in terms["postgraduate"]:
        postgraduate = terms["postgraduate"]
        total += max(0.0, earnings - postgraduate["threshold"]) * postgraduate["rate"]
    return total


def _gb_notes(
    rules: Mapping[str, Any], region: str, method: str, rate: float, plans: Sequence[str]
) -> list[str]:
    scottish = region == "scotland"
    notes = [
        f"UK tax year {rules['label']}, "
        + ("Scottish income tax bands." if scottish else "England, Wales and NI income tax bands."),
        "National Insurance and student loan repayments are worked out each pay period; these "
        "are the annual figures for the same pay every month (monthly thresholds are rounded, "
        "so real deductions can differ by under 1 a year).",
    ]
    for plan in plans:
        terms = rules["student_loans"][plan]
        if "threshold" not in terms:
            notes.append(terms.get("note", f"No {plan} repayments are due this tax year."))
    if len([p for p in plans if p != "postgraduate"]) > 1:
        notes.append(
            "Several undergraduate plans: one 9% repayment on pay above the lowest of their "
            "thresholds, shared between the plans (Student Loans Company rule)."
        )
    if rate and method == "salary_sacrifice":
        notes.append(
            "Salary sacrifice: the contribution comes off pay before income tax, National "
            "Insurance and student loan."
        )
    elif rate and method == "net_pay":
        notes.append(
            "Net pay arrangement: the contribution is taken before income tax, but National "
            "Insurance and student loan are on the full pay."
        )
    elif rate:
        notes.append(
            "Relief at source: 80% of the gross contribution leaves net pay and the pension "
            "provider adds the basic-rate 20%. Relief above the basic rate is included here "
            "through wider tax bands; you claim it through self assessment."
        )
    caveat = rules.get("unverified", {}).get(region)
    if caveat:
        notes.append(caveat)
    return notes


def _us_amounts(
    rules: Mapping[str, Any],
    gross: float,
    filing: str,
    contribution: float,
    local_rate: float,
    benefits: float,
    state: str,
    locality: str | None,
) -> _Amounts:
    deferral = min(contribution, float(rules["retirement"]["elective_deferral_limit"]))
    wages = gross - deferral + benefits  # federal and state taxable wages
    taxable, federal = us_federal_income_tax(wages, int(rules["label"]), filing)
    local, state_payroll, city = local_rate * wages, 0.0, 0.0
    if state and not local_rate:  # the state's own rules; a flat rate typed overrides them
        found = state_income_tax(
            gross + benefits,
            state,
            int(rules["label"]),
            filing_status=filing,
            deferral=deferral,
            locality=locality,
            federal=(taxable, federal),
        )
        local, city = found.amount + found.local, found.local
        state_payroll = sum(value for _, value in found.payroll)
    # 401(k) deferrals stay in Social Security and Medicare wages
    social = us_fica(gross + benefits, int(rules["label"]), filing)
    return federal + local, local, social + state_payroll, 0.0, deferral, state_payroll, city


def _us_state(
    region: str, tax_year: int | None = None, locality: str | None = None
) -> Any:  # code, or StateIncomeTax
    """A US offer's ``region`` is the state where the job is: its code, or with ``tax_year``
    its rules for that year (a :class:`~calculator.state_tax.StateIncomeTax` at no income,
    with ``locality``'s rules), which must be modelled (a flat ``state_local_rate`` is the way
    round a state that is not). Errors name ``region``, or ``locality`` when it is at fault."""
    try:
        if tax_year is None:
            return state_code(region)
        return state_income_tax(0.0, region, tax_year, locality=locality)
    except InputError as err:
        raise InputError("region" if err.field != "locality" else "locality", err.rule) from None


def _check_locality(locality: object, country: str, place: str, local_rate: float) -> str | None:
    """``locality`` (a local income tax such as New York City's) applies only to a US offer
    with its state given and no flat rate typed; errors name ``locality``. The state's
    rules check that it is one of its localities."""
    if locality is None:
        return None
    if not isinstance(locality, str) or not locality.strip():
        raise InputError("locality", f"must be a locality name or code, got {locality!r}")
    if country != "US" or not place:
        raise InputError("locality", "applies only to a US offer with its state (region) given")
    if local_rate:
        raise InputError(
            "locality", "does not apply with a flat state and local rate (the rate covers both)"
        )
    return locality


def _us_notes(
    rules: Mapping[str, Any],
    gross: float,
    filing: str,
    contribution: float,
    local_rate: float,
    state: StateIncomeTax | None,
) -> list[str]:
    notes = [f"US federal tax year {rules['label']}: income tax before credits."]
    if local_rate:
        notes.append(
            f"State and local income tax: the flat {local_rate:.2%} you entered, on wages less "
            "401(k) deferrals."
        )
    elif state is None:
        notes.append(
            "No state income tax is included: give the state where the job is (or a flat rate) "
            "to count it."
        )
    else:
        if state.kind != "none" or state.locality:
            notes.append(
                f"{state.name} income tax {rules['label']}: the state's own rates, deductions "
                f"and credits for a wage earner with no dependants (source: {state.source})."
            )
        notes.extend(state.notes)
    if filing == "married_joint":
        notes.append("Married filing jointly: this pay is treated as the household's only income.")
    limit = float(rules["retirement"]["elective_deferral_limit"])
    if contribution > limit:
        notes.append(
            f"The 401(k) deferral is clipped to the {format_money(limit, 'USD')} elective "
            "deferral limit (age-50 catch-up contributions are not modelled)."
        )
    payroll = rules["payroll"]
    withheld_from = payroll["additional_medicare_threshold"]["single"]
    if gross > withheld_from and payroll["additional_medicare_threshold"][filing] > withheld_from:
        notes.append(
            "Employers withhold Additional Medicare Tax on wages above "
            f"{format_money(withheld_from, 'USD')} whatever the filing status; the figure here is "
            "the annual liability for your filing status, settled on the tax return."
        )
    return notes


def _net(
    gross: float,
    country: str,
    rules: Mapping[str, Any],
    place: str,
    filing: str,
    rate: float,
    method: str,
    plans: Sequence[str],
    local: float,
    benefits: float,
    locality: str | None,
) -> tuple[float, _Amounts]:
    if country == "GB":
        amounts = _gb_amounts(rules, gross, place, rate * gross, method, plans, benefits)
    else:
        amounts = _us_amounts(rules, gross, filing, rate * gross, local, benefits, place, locality)
    income_tax, _, social, loans, pension, _, _ = amounts
    return gross - income_tax - social - loans - pension, amounts


def take_home(
    gross: float,
    country: str = "GB",
    tax_year: int = DEFAULT_TAX_YEAR,
    region: str | None = None,
    *,
    filing_status: str = "single",
    pension_rate: float = 0.0,
    pension_method: str | None = None,
    student_loans: Sequence[str] = (),
    state_local_rate: float = 0.0,
    taxable_benefits: float = 0.0,
    locality: str | None = None,
) -> TakeHome:
    """Annual take-home pay from annual ``gross`` cash pay (rules: the module docstring).

    - ``tax_year``: UK, the year the tax year starts (2025 = 2025/26); US, the calendar year.
    - ``region`` (UK): None or "england", "wales", "northern_ireland" share one set of bands;
      "scotland" has its own. US: the state where the job is (two-letter code or name), whose
      income tax and payroll contributions are counted (see :mod:`calculator.state_tax`).
    - ``locality`` (US): a local income tax of that state the resident pays, e.g. "NYC" or
      "Yonkers" (:func:`~calculator.state_tax.state_localities` lists them); included in
      ``state_local_tax`` and shown on its own as ``local_tax``.
    - ``filing_status`` (US): "single" or "married_joint"; UK income tax is per person.
    - ``pension_rate``: employee contribution as a fraction of gross, 0 to ``MAX_PENSION_RATE``;
      ``pension_method`` defaults to "salary_sacrifice" (UK) or "401k" (US).
    - ``student_loans`` (UK): any of "plan_1", "plan_2", "plan_4", "plan_5" (several share one
      9% repayment above the lowest of their thresholds), plus
      "postgraduate".
    - ``state_local_rate`` (US): flat rate, 0 to 0.2, on wages less 401(k) deferrals.
    - ``taxable_benefits``: annual taxable value of benefits in kind; taxed, but not cash.

    ``marginal_rate = 1 - (net(gross + 1) - net(gross))``, rounded to 9 places (across a
    threshold it blends both sides). A pension contribution counts as leaving pay. Without one,
    the highest is 84.5% (Scotland, taper zone, both loans: 45% x 1.5 + 2% NI + 9% + 6%; rest of
    the UK 77%; US at most 37% + 20% state + 1.45% + 0.9% = 59.35%). With one, at most 97.5%
    (40% by net pay in that Scottish case: 40% + 60% x 67.5% + 2% + 15%) while taxable benefits
    do not exceed the cash pay; with benefits far above it (a taper-zone income made mostly of
    benefits, NI still at 8%) it can pass 100%: 40% + 60% x 67.5% + 8% + 15% = 103.5%.
    Figures: shared/TAX_TABLES.md (gov.uk, gov.scot, HMRC, IRS, SSA), one file per year.

    >>> th = take_home(50_000, "GB", 2025)  # 37,430 x 20%; NI 37,430 x 8%
    >>> round(th.income_tax, 2), round(th.social_contributions, 2), round(th.net, 2)
    (7486.0, 2994.4, 39519.6)
    >>> round(take_home(110_000, "GB", 2025).marginal_rate, 2)  # 40% x 1.5 + 2% NI
    0.62
    >>> # US: 84,250 taxable -> 1,192.50 + 4,386 + 7,870.50 = 13,449 federal; FICA 7,650
    >>> round(take_home(100_000, "US", 2025).net, 2)
    78901.0
    """
    amount = check_non_negative("gross", gross)
    if amount > _MAX_GROSS:
        raise InputError("gross", f"is beyond any salary this calculator handles, got {amount:g}")
    check_choice("country", country, COUNTRIES)
    rules = _rules(country, tax_year)
    if country == "GB":
        place = "england" if region is None else check_choice("region", region, GB_REGIONS)
        if filing_status != "single":
            raise InputError(
                "filing_status",
                f"must be 'single' for UK offers (tax is per person), got {filing_status!r}",
            )
    else:
        place = "" if region is None else _us_state(region)
        check_choice("filing_status", filing_status, FILING_STATUSES)
    rate = check_fraction("pension_rate", pension_rate)
    if rate > MAX_PENSION_RATE:
        raise InputError(
            "pension_rate",
            f"must be at most {MAX_PENSION_RATE:g} (40% of pay): beyond that payroll deductions "
            f"could exceed the pay left after tax, got {rate:g}",
        )
    method = PENSION_METHODS[country][0] if pension_method is None else pension_method
    check_choice("pension_method", method, PENSION_METHODS[country])
    if isinstance(student_loans, str) or not isinstance(student_loans, Sequence):
        raise InputError("student_loans", "must be a list of plan names")
    plans = tuple(check_choice("student_loans", p, STUDENT_LOAN_PLANS) for p in student_loans)
    if country == "US" and plans:
        raise InputError("student_loans", "UK student loan plans apply to UK offers only")
    if len(set(plans)) != len(plans):
        raise InputError("student_loans", "names a plan twice")
    local = check_fraction("state_local_rate", state_local_rate, high=0.2)
    if country == "GB" and local:
        raise InputError("state_local_rate", "applies to US offers only")
    # the state's own rules are used unless a flat rate is typed: they must be modelled
    city = _check_locality(locality, country, place, local)
    state_rules = (
        _us_state(place, tax_year, city) if place and country == "US" and not local else None
    )
    benefits = check_non_negative("taxable_benefits", taxable_benefits)
    if benefits > _MAX_GROSS:
        raise InputError(
            "taxable_benefits", f"is beyond what this calculator handles, got {benefits:g}"
        )

    args = (country, rules, place, filing_status, rate, method, plans, local, benefits, city)
    net, amounts = _net(amount, *args)
    income_tax, state_local, social, loans, pension, state_payroll, local_tax = amounts
    next_net = _net(amount + 1.0, *args)[0]
    if country == "GB":
        notes = _gb_notes(rules, place, method, rate, plans)
    else:
        notes = _us_notes(
            rules, amount + benefits, filing_status, rate * amount, local, state_rules
        )
    if benefits:
        notes.append(
            f"Taxable benefits of {format_money(benefits, _CURRENCY[country])} are taxed as "
            "income but are not cash: net pay falls only by the tax on them"
            + (" (no employee National Insurance on them)." if country == "GB" else ".")
        )
    return TakeHome(
        gross=amount,
        net=net,
        income_tax=income_tax,
        social_contributions=social,
        student_loan=loans,
        pension=pension,
        marginal_rate=round(1.0 - (next_net - net), 9),  # float noise off a 1-unit step
        state_local_tax=state_local,
        notes=tuple(notes),
        state_payroll=state_payroll,
        country=country,
        local_tax=local_tax,
    )


@dataclass(frozen=True, slots=True)
class TaxProfile:
    """Where and how an offer's pay is taxed; :meth:`take_home` applies it to a gross figure.

    The fields are :func:`take_home`'s arguments that belong to the person rather than to one
    year's pay; they are all checked when the profile is built.

    >>> profile = TaxProfile("GB", 2025, region="scotland")
    >>> round(profile.take_home(50_000).income_tax, 2)  # Scottish bands: see tests/test_tax.py
    9013.8
    >>> TaxProfile.from_dict(profile.to_dict()) == profile
    True
    """

    country: str = "GB"
    tax_year: int = DEFAULT_TAX_YEAR
    region: str | None = None
    filing_status: str = "single"
    student_loans: tuple[str, ...] = ()
    state_local_rate: float = 0.0
    pension_method: str | None = None
    #: US local income tax picked (e.g. "NYC"); see :func:`take_home`.
    locality: str | None = None

    def __post_init__(self) -> None:
        loans = self.student_loans
        if isinstance(loans, str) or not isinstance(loans, Sequence):
            raise InputError("student_loans", "must be a list of plan names")
        object.__setattr__(self, "student_loans", tuple(loans))
        year: object = self.tax_year
        if isinstance(year, float) and year.is_integer():  # JSON numbers may come as 2025.0
            object.__setattr__(self, "tax_year", int(year))
        self.take_home(0.0)  # validates every field once, naming the one at fault

    def take_home(
        self, gross: float, *, pension_rate: float = 0.0, taxable_benefits: float = 0.0
    ) -> TakeHome:
        """:func:`take_home` with this profile's country, year, region and options.

        >>> round(TaxProfile("US", 2026).take_home(100_000).net, 2)  # 13,170 + 7,650 off
        79180.0
        """
        return take_home(
            gross,
            self.country,
            self.tax_year,
            self.region,
            filing_status=self.filing_status,
            pension_rate=pension_rate,
            pension_method=self.pension_method,
            student_loans=self.student_loans,
            state_local_rate=self.state_local_rate,
            taxable_benefits=taxable_benefits,
            locality=self.locality,
        )

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> TaxProfile:
        """Build from a JSON-like mapping keyed by the field names; missing or null = default.

        >>> TaxProfile.from_dict({"country": "US", "tax_year": 2026}).filing_status
        'single'
        """
        if not isinstance(data, Mapping):
            raise InputError("tax", "must be a mapping of its fields")
        unknown = set(data) - set(cls.__dataclass_fields__)
        if unknown:
            raise InputError("tax", f"has unknown fields: {', '.join(sorted(map(str, unknown)))}")
        values = {k: v for k, v in data.items() if v is not None}
        loans = values.get("student_loans", ())
        if isinstance(loans, str) or not isinstance(loans, Sequence):
            raise InputError("student_loans", "must be a list of plan names")
        values["student_loans"] = tuple(loans)
        return cls(**values)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready mapping; ``from_dict(to_dict())`` gives an equal profile."""
        return {
            "country": self.country,
            "tax_year": self.tax_year,
            "region": self.region,
            "filing_status": self.filing_status,
            "student_loans": list(self.student_loans),
            "state_local_rate": self.state_local_rate,
            "pension_method": self.pension_method,
            "locality": self.locality,
        }
