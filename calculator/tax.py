"""Take-home pay after income tax, social contributions, student loans and pension (UK and US).

Tax rules are data: one TOML file per country and tax year in ``data/tax/`` (``GB-2025.toml``
is 2025/26), each figure with its source. Adding a year is adding a file.

UK (annual equivalents of steady monthly pay; real PAYE and NI work per pay period):

- income tax on taxable income = income - personal allowance, the allowance tapering by 1 for
  every 2 above 100,000 (so 100,000-125,140 has a 60% marginal income-tax rate); rest-of-UK or
  Scottish bands;
- employee Class 1 NI: 8% between 12,570 and 50,270, 2% above;
- student loans: 9% above the plan threshold (one undergraduate plan), postgraduate 6% above
  21,000, on the same pay as NI;
- pension: *salary sacrifice* lowers pay for tax, NI and student loan; a *net pay arrangement*
  lowers pay for income tax only; *relief at source* is paid from net pay at 80% of the gross
  contribution (the provider adds 20%), and extends the basic and higher bands by the gross
  contribution, which is how higher-rate relief is given (claimed through self assessment).

US (federal only): brackets after the standard deduction (single or married filing jointly);
Social Security 6.2% up to the wage base; Medicare 1.45%; Additional Medicare 0.9% above
200,000 / 250,000; pre-tax 401(k) deferrals lower federal (not FICA) wages, capped at the
elective deferral limit; state and local income tax as one flat rate the user enters on wages
less 401(k) (states are not modelled).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, Final, Literal

from ._data import data_dir, load_toml
from ._validate import check_choice, check_fraction, check_non_negative
from .errors import InputError

__all__ = [
    "COUNTRIES",
    "PENSION_METHODS",
    "STUDENT_LOAN_PLANS",
    "TakeHome",
    "TaxProfile",
    "available_tax_years",
    "take_home",
]

Country = Literal["GB", "US"]
COUNTRIES: Final = ("GB", "US")
GB_REGIONS: Final = ("england", "wales", "northern_ireland", "scotland")
FILING_STATUSES: Final = ("single", "married_joint")
PENSION_METHODS: Final = {
    "GB": ("salary_sacrifice", "net_pay", "relief_at_source"),
    "US": ("401k",),
}
STUDENT_LOAN_PLANS: Final = ("plan_1", "plan_2", "plan_4", "plan_5", "postgraduate")
_FILE: Final = re.compile(r"^(GB|US)-(\d{4})\.toml$")


@cache
def _years() -> dict[str, tuple[int, ...]]:
    found: dict[str, list[int]] = {c: [] for c in COUNTRIES}
    for path in (data_dir() / "tax").glob("*.toml"):
        match = _FILE.match(path.name)
        if match:
            found[match.group(1)].append(int(match.group(2)))
    return {c: tuple(sorted(y)) for c, y in found.items()}


def available_tax_years(country: str) -> tuple[int, ...]:
    """Tax years shipped in ``data/tax/`` for ``country`` (UK years are the starting year).

    >>> available_tax_years("GB")
    (2025, 2026)
    """
    check_choice("country", country, COUNTRIES)
    return _years()[country]


def _rules(country: str, tax_year: object) -> Mapping[str, Any]:
    years = available_tax_years(country)
    if isinstance(tax_year, bool) or not isinstance(tax_year, int) or tax_year not in years:
        listed = ", ".join(str(y) for y in years)
        raise InputError(
            "tax_year", f"{tax_year!r} is not available for {country}; available: {listed}"
        )
    return load_toml(f"tax/{country}-{tax_year}.toml")


def _banded(amount: float, bands: Sequence[Sequence[float]], stretch: float = 0.0) -> float:
    """Tax on ``amount`` through [upper, rate] bands; finite limits raised by ``stretch``."""
    tax, lower = 0.0, 0.0
    for upper, rate in bands:
        top = upper + stretch if upper != float("inf") else upper
        if amount <= lower:
            break
        tax += (min(amount, top) - lower) * rate
        lower = top
    return tax


@dataclass(frozen=True, slots=True)
class TakeHome:
    """Annual pay from gross to net, with the marginal rate on the next unit of pay.

    ``income_tax`` includes any state and local tax (shown apart as ``state_local_tax``);
    ``pension`` is what the employee's contribution takes out of pay.
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

    @property
    def monthly_net(self) -> float:
        """Net pay a month (annual / 12)."""
        return self.net / 12.0

    @property
    def breakdown(self) -> tuple[tuple[str, float], ...]:
        """(label, amount) from deductions to net; the amounts add up to ``gross``."""
        rows = [("Income tax", self.income_tax - self.state_local_tax)]
        if self.state_local_tax:
            rows.append(("State and local tax", self.state_local_tax))
        rows += [
            ("Social contributions", self.social_contributions),
            ("Student loan", self.student_loan),
            ("Pension", self.pension),
            ("Net pay", self.net),
        ]
        return tuple(rows)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready mapping with the derived monthly figure."""
        return {
            "gross": self.gross,
            "net": self.net,
            "monthly_net": self.monthly_net,
            "income_tax": self.income_tax,
            "state_local_tax": self.state_local_tax,
            "social_contributions": self.social_contributions,
            "student_loan": self.student_loan,
            "pension": self.pension,
            "marginal_rate": self.marginal_rate,
            "notes": list(self.notes),
        }


def _gb(
    rules: Mapping[str, Any],
    gross: float,
    region: str,
    contribution: float,
    method: str,
    plans: Sequence[str],
    benefits: float,
) -> tuple[float, float, float, float, float, list[str]]:
    notes: list[str] = []
    sacrificed = contribution if method == "salary_sacrifice" else 0.0
    net_pay = contribution if method == "net_pay" else 0.0
    ras = contribution if method == "relief_at_source" else 0.0
    earnings = gross - sacrificed  # pay for NI and student loans
    income = earnings - net_pay + benefits  # adjusted net income before relief at source
    adjusted = income - ras
    it = rules["income_tax"]
    allowance = max(
        0.0,
        it["personal_allowance"] - max(0.0, adjusted - it["taper_threshold"]) * it["taper_rate"],
    )
    bands = it["bands"]["scotland" if region == "scotland" else "rest_of_uk"]
    income_tax = _banded(max(0.0, income - allowance), bands, stretch=ras)
    ni = rules["national_insurance"]
    main = max(0.0, min(earnings, ni["upper_earnings_limit"]) - ni["primary_threshold"])
    upper = max(0.0, earnings - ni["upper_earnings_limit"])
    social = main * ni["main_rate"] + upper * ni["upper_rate"]
    loans = 0.0
    for plan in plans:
        terms = rules["student_loans"][plan]
        if "threshold" not in terms:
            notes.append(terms.get("note", f"No {plan} repayments are due this year."))
            continue
        loans += max(0.0, earnings - terms["threshold"]) * terms["rate"]
    pension_out = sacrificed + net_pay + ras * 0.8
    if ras:
        notes.append(
            "Relief at source: 80% of the contribution leaves net pay; the provider adds basic-rate relief."
        )
    if region in ("scotland", "wales") and rules.get("unverified"):
        notes.extend(rules["unverified"])
    notes.append(
        "National Insurance is per pay period in reality; this is the annual figure for steady monthly pay."
    )
    return income_tax, 0.0, social, loans, pension_out, notes


def _us(
    rules: Mapping[str, Any],
    gross: float,
    filing: str,
    contribution: float,
    local_rate: float,
    benefits: float,
) -> tuple[float, float, float, float, float, list[str]]:
    notes = ["State and local income tax is one flat rate you enter; states are not modelled."]
    limit = float(rules["retirement"]["elective_deferral_limit"])
    deferral = min(contribution, limit)
    if contribution > limit:
        notes.append(f"401(k) deferral capped at the {limit:,.0f} elective deferral limit.")
    wages = gross - deferral
    taxable = max(0.0, wages + benefits - rules["standard_deduction"][filing])
    federal = _banded(taxable, rules["income_tax"][filing])
    local = local_rate * (wages + benefits)
    payroll = rules["payroll"]
    medicare_wages = gross + benefits
    social = (
        min(medicare_wages, payroll["social_security_wage_base"]) * payroll["social_security_rate"]
        + medicare_wages * payroll["medicare_rate"]
        + max(0.0, medicare_wages - payroll["additional_medicare_threshold"][filing])
        * payroll["additional_medicare_rate"]
    )
    return federal + local, local, social, 0.0, deferral, notes


def _compute(
    gross: float,
    country: str,
    rules: Mapping[str, Any],
    region: str,
    filing_status: str,
    pension_rate: float,
    pension_method: str,
    student_loans: Sequence[str],
    state_local_rate: float,
    taxable_benefits: float,
) -> tuple[float, float, float, float, float, float, list[str]]:
    contribution = pension_rate * gross
    if country == "GB":
        parts = _gb(
            rules, gross, region, contribution, pension_method, student_loans, taxable_benefits
        )
    else:
        parts = _us(rules, gross, filing_status, contribution, state_local_rate, taxable_benefits)
    income_tax, local, social, loans, pension, notes = parts
    net = gross - income_tax - social - loans - pension
    return net, income_tax, local, social, loans, pension, notes


def take_home(
    gross: float,
    country: str = "GB",
    tax_year: int = 2025,
    region: str | None = None,
    *,
    filing_status: str = "single",
    pension_rate: float = 0.0,
    pension_method: str | None = None,
    student_loans: Sequence[str] = (),
    state_local_rate: float = 0.0,
    taxable_benefits: float = 0.0,
) -> TakeHome:
    """Annual take-home pay from ``gross`` (see the module docstring for the rules).

    ``pension_rate`` is the employee's contribution as a fraction of gross; ``pension_method``
    defaults to salary sacrifice (UK) or 401(k) (US). ``taxable_benefits`` are benefits in kind
    taxed as income: they raise the tax but are not cash, so net cash falls by that tax only.
    The marginal rate is ``1 - (net(gross + 1) - net(gross))``.

    >>> th = take_home(50_000, "GB", 2025)
    >>> round(th.income_tax, 2), round(th.social_contributions, 2), round(th.net, 2)
    (7486.0, 2994.4, 39519.6)
    >>> round(take_home(110_000, "GB", 2025).marginal_rate, 2)
    0.62
    >>> # US: 84,250 taxable -> 1,192.50 + 4,386 + 7,870.50 = 13,449 federal; FICA 7,650
    >>> round(take_home(100_000, "US", 2025).net, 2)
    78901.0
    """
    amount = check_non_negative("gross", gross)
    if amount > 1e12:
        raise InputError("gross", f"is beyond any salary this calculator handles, got {amount:g}")
    check_choice("country", country, COUNTRIES)
    rules = _rules(country, tax_year)
    if country == "GB":
        place = "england" if region is None else check_choice("region", region, GB_REGIONS)
        if filing_status != "single":
            check_choice("filing_status", filing_status, ("single",))
    else:
        if region is not None:
            raise InputError(
                "region", "is for UK offers; US states are not modelled (use state_local_rate)"
            )
        place = ""
        check_choice("filing_status", filing_status, FILING_STATUSES)
    rate = check_fraction("pension_rate", pension_rate)
    method = PENSION_METHODS[country][0] if pension_method is None else pension_method
    check_choice("pension_method", method, PENSION_METHODS[country])
    if isinstance(student_loans, str) or not isinstance(student_loans, Sequence):
        raise InputError("student_loans", "must be a list of plan names")
    plans = tuple(check_choice("student_loans", p, STUDENT_LOAN_PLANS) for p in student_loans)
    if country == "US" and plans:
        raise InputError("student_loans", "UK student loan plans apply to UK offers only")
    if len([p for p in plans if p != "postgraduate"]) > 1 or len(set(plans)) != len(plans):
        raise InputError("student_loans", "at most one undergraduate plan, plus postgraduate")
    local = check_fraction("state_local_rate", state_local_rate, high=0.2)
    if country == "GB" and local:
        raise InputError("state_local_rate", "applies to US offers only")
    benefits = check_non_negative("taxable_benefits", taxable_benefits)
    args = (country, rules, place, filing_status, rate, method, plans, local, benefits)
    net, income_tax, state_local, social, loans, pension, notes = _compute(amount, *args)
    next_net = _compute(amount + 1.0, *args)[0]
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
    )


@dataclass(frozen=True, slots=True)
class TaxProfile:
    """Where and how an offer's pay is taxed; :meth:`take_home` applies it to a gross figure.

    >>> TaxProfile("GB", 2025, region="scotland").take_home(50_000).income_tax > 7486
    True
    """

    country: str = "GB"
    tax_year: int = 2025
    region: str | None = None
    filing_status: str = "single"
    student_loans: tuple[str, ...] = ()
    state_local_rate: float = 0.0
    pension_method: str | None = None

    def __post_init__(self) -> None:
        loans = self.student_loans
        if isinstance(loans, str) or not isinstance(loans, Sequence):
            raise InputError("student_loans", "must be a list of plan names")
        object.__setattr__(self, "student_loans", tuple(loans))
        self.take_home(0.0)  # validates every field once, naming the one at fault

    def take_home(
        self, gross: float, *, pension_rate: float = 0.0, taxable_benefits: float = 0.0
    ) -> TakeHome:
        """:func:`take_home` with this profile."""
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
        )

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> TaxProfile:
        """Build from a JSON-like mapping with the field names as keys."""
        if not isinstance(data, Mapping):
            raise InputError("tax", "must be a mapping of its fields")
        known = set(cls.__dataclass_fields__)
        unknown = set(data) - known
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
        }
