"""US state income tax on wages, and the payroll contributions some states take (docs/domain.md section 8).

Each state's rules are data: ``data/tax/states/<CODE>.toml``, one table per tax year, every
figure with the state revenue department's page as its source. A state with no file for a year
is *not modelled yet*: :func:`state_income_tax` says so (``InputError`` on ``state``) and the
app falls back to the flat rate the user types. The rule for a wage earner with no dependants:

- ``kind = "none"``: no tax on wages (e.g. Texas, Washington, Florida);
- otherwise ``taxable = wages - pre-tax 401(k) deferral (where the state allows it) - standard
  deduction - personal exemptions``, never below 0; ``tax = brackets(taxable) - exemption
  credits`` (credits never below 0); ``kind = "flat"`` is one bracket from 0;
- brackets, deductions, exemptions and credits are per filing status (``single``,
  ``married_joint``: a married couple filing jointly, the spouse without income);
- ``payroll``: contributions an employee pays on wages (disability, family leave), each a rate
  up to an optional yearly wage base, shown as their own lines;
- where the state says so: the federal income tax deducted (Alabama in full, Missouri a share,
  Oregon capped) or federal taxable income as the start (Montana), from the federal figures
  :func:`calculator.tax.take_home` works out (passed in, never worked out twice); the lower
  brackets' benefit taken back above an income (New York's supplemental tax, Connecticut's
  add-backs); credits by income band or as a share of the tax;
- ``localities``: resident income taxes of a city or county (New York City, Yonkers,
  Maryland's counties, mandatory there and defaulted), on the state's taxable income or as a
  share of its tax, returned apart in ``local``.

File shape (amounts in dollars, rates as fractions)::

    name = "Illinois"
    [2025]
    kind = "flat"                                  # "none", "flat" or "brackets"
    source = "https://tax.illinois.gov/..."        # where the figures come from
    deducts_401k = true                            # pre-tax deferrals come off state wages
    rate = 0.0495                                  # kind = "flat"
    brackets = { single = [[0, 0.01], [10756, 0.02]], married_joint = [...] }  # "brackets"
    standard_deduction = { single = 0, married_joint = 0 }
    exemption = { single = 2850, married_joint = 5700 }        # deducted from income
    exemption_credit = { single = 0, married_joint = 0 }       # taken off the tax
    # optional: the credit falls by `reduction` per `step` (or part) of income over `start`
    exemption_credit_phaseout = { single = { start = 252203, step = 2500, reduction = 6 } }
    surtax = [{ threshold = 1083150, rate = 0.04 }]            # on taxable income above it
    no_tax_up_to = { single = 10000, married_joint = 20000 }   # no tax at all at or below
    # the standard deduction or exemption falls above `start`: by `share` of itself or by
    # `amount` per `step` (or part of one; only whole steps with `whole_steps = true`), or by
    # `per_dollar` of each dollar over it; never below `floor` (default 0)
    phaseouts = [{ applies_to = "exemption", status = "single", start = 250000, share = 1 }]
    # taxable income starts from federal taxable income instead of wages (Montana)
    base = "federal_taxable"
    # itemized deductions of the employee's Social Security and Medicare tax, taken instead of
    # the standard deduction when larger (Alabama's Schedule A, line 6)
    itemized_fica = true
    # or that tax deducted on top, up to a cap per status (Massachusetts' $2,000)
    fica_deduction = { single = 2000, married_joint = 2000 }
    # the tax at most `rate` of income over the no-tax limit (`no_tax_up_to`) up to `share`
    # times that limit (Massachusetts' limited income credit)
    limited_income = { rate = 0.10, share = 1.75 }
    # federal income tax deducted: `share` of it (a number, or [lower, share] rows by income,
    # "over ... but not over"), at most `cap` (per status: a number or such rows)
    federal_tax_deduction = { share = [[0, 0.35], [25000, 0.25]], cap = { single = 5000 } }
    # tax added back above `start` of income (of taxable income with of = "taxable"): `amount`
    # per `step` (or part of one), at most `max` (Connecticut's phase-out of the lower rate and
    # benefit recapture; Arkansas' high-income adjustment)
    addbacks = [{ status = "single", start = 56500, step = 5000, amount = 20, max = 200 }]
    # a credit of a share of the tax, by income rows (Connecticut's personal tax credit)
    tax_credit_share = { single = [[0, 0.75], [15000, 0.70]] }
    payroll = [{ name = "State disability insurance", rate = 0.012 }]  # optional wage_base
    # a credit by income band, "over ... but not over" (e.g. New York's household credit):
    # [lower, amount] rows, the last row whose lower is below income applies
    income_credit = { single = [[0, 75], [5000, 60], [28000, 0]] }
    # the benefit of the lower brackets recaptured above `agi_over` (New York's supplemental
    # tax): rows [lower, base, incremental] by taxable income; see :func:`_recapture`
    recapture = { agi_over = 107650, phase_in = 50000, flat_above = 25000000, single = [...] }
    notes = ["..."]
    # local income taxes a resident picks (New York City, Yonkers, Maryland's counties)
    default_locality = "..."                       # optional: used when none is picked
    [2025.localities.NYC]
    name = "New York City"
    kind = "brackets"             # on the state's taxable income; "flat" with `rate`;
                                  # "band_rate": one rate on all of it, by its band; or
                                  # "share_of_state": `rate` times the state's income tax
    brackets = { single = [...], married_joint = [...] }
    income_credit = { ... }                        # as above, off the local tax
    refundable_credit = { single = 63, married_joint = 125, income_limit = 250000 }
    rate_reduction = { single = [[0, 0.00171], [12000, 0.00228]], income_limit = 500000 }
    notes = ["..."]
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, Final

from ._data import data_dir, load_toml
from ._validate import check_choice, check_non_negative
from .errors import InputError

__all__ = [
    "STATE_FILING_STATUSES",
    "StateIncomeTax",
    "modelled_states",
    "state_income_tax",
    "state_localities",
]

STATE_FILING_STATUSES: Final = ("single", "married_joint")
_KINDS: Final = ("none", "flat", "brackets")
_LOCAL_KINDS: Final = ("flat", "brackets", "band_rate", "share_of_state")


@dataclass(frozen=True, slots=True)
class StateIncomeTax:
    """One year's state income tax and payroll contributions on wages in one state.

    ``amount`` is the state income tax; ``local`` the resident income tax of ``locality``
    (e.g. New York City; 0 when none); ``payroll`` the employee contributions by name;
    ``total`` all three.
    """

    state: str
    name: str
    tax_year: int
    filing_status: str
    kind: str
    taxable: float
    amount: float
    payroll: tuple[tuple[str, float], ...]
    source: str
    notes: tuple[str, ...]
    local: float = 0.0
    locality: str | None = None
    locality_name: str = ""

    @property
    def total(self) -> float:
        """State and local income tax plus every payroll contribution."""
        return self.amount + self.local + sum(value for _, value in self.payroll)


@cache
def _files() -> Mapping[str, str]:
    folder = data_dir() / "tax" / "states"
    return {path.stem.upper(): f"tax/states/{path.name}" for path in folder.glob("*.toml")}


def _rules(state: str, tax_year: int) -> tuple[str, Mapping[str, Any]]:
    from .places import state_code

    code = state_code(state)
    name = _files().get(code)
    data = load_toml(name) if name is not None else {}
    year = data.get(str(tax_year))
    if year is None:
        raise InputError(
            "state",
            f"{code}'s income tax for {tax_year} is not modelled yet: enter a flat rate instead",
        )
    return str(data.get("name", code)), {"code": code, **year}


def modelled_states(tax_year: int) -> tuple[str, ...]:
    """Two-letter codes of the states whose income tax for ``tax_year`` is modelled.

    >>> "TX" in modelled_states(2025)
    True
    """
    found = []
    for code, name in _files().items():
        if str(tax_year) in load_toml(name):
            found.append(code)
    return tuple(sorted(found))


def _banded(amount: float, bands: Sequence[Sequence[float]]) -> float:
    """Tax on ``amount`` with ``bands`` of (lower bound, rate), the first starting at 0."""
    tax = 0.0
    for index, (lower, rate) in enumerate(bands):
        upper = bands[index + 1][0] if index + 1 < len(bands) else float("inf")
        if amount > lower:
            tax += (min(amount, upper) - lower) * rate
    return tax


def _by_status(rules: Mapping[str, Any], key: str, status: str) -> Any:
    table = rules.get(key, {})
    return table.get(status, 0.0) if isinstance(table, Mapping) else table


def _phased(rules: Mapping[str, Any], key: str, status: str, income: float) -> float:
    """``key``'s amount for ``status`` after its phase-outs (``phaseouts`` entries naming it):
    above ``start`` it falls by ``share`` of itself for every ``step`` of income (or part of
    one; a cliff is one step of share 1), or by ``per_dollar`` of every dollar over ``start``
    (e.g. Wisconsin's sliding standard deduction); never below 0. The amount itself may be
    ``[lower, amount]`` rows by income (e.g. Maryland's personal exemptions)."""
    full = _by_income(_by_status(rules, key, status), income)
    amount = full
    for item in rules.get("phaseouts", ()):
        if item.get("applies_to") != key or item.get("status", status) != status:
            continue
        over = income - float(item["start"])
        if over <= 0:
            continue
        if "per_dollar" in item:
            amount -= over * float(item["per_dollar"])
        else:
            step = float(item.get("step", 1.0))
            # each step or part of one; whole steps only where the law says "for every"
            steps = over // step if item.get("whole_steps") else -(-over // step)
            each = float(item["amount"]) if "amount" in item else full * float(item["share"])
            amount -= each * steps
        amount = max(amount, min(full, float(item.get("floor", 0.0))))
    return max(0.0, amount)


def _credit(rules: Mapping[str, Any], status: str, income: float) -> float:
    """The exemption credit, less its phase-out: ``reduction`` for every ``step`` (or part of
    one) of income above ``start`` (e.g. California's personal exemption credit)."""
    credit = float(_by_status(rules, "exemption_credit", status))
    phase = _by_status(rules, "exemption_credit_phaseout", status)
    if credit and isinstance(phase, Mapping) and income > float(phase["start"]):
        steps = -(-(income - float(phase["start"])) // float(phase["step"]))  # ceiling
        credit = max(0.0, credit - steps * float(phase["reduction"]))
    return credit


def _surtax(rules: Mapping[str, Any], taxable: float) -> float:
    """Extra rates on taxable income above a threshold (e.g. Massachusetts' 4% surtax)."""
    extra = 0.0
    for item in rules.get("surtax", ()):
        extra += max(0.0, taxable - float(item["threshold"])) * float(item["rate"])
    return extra


def _payroll(rules: Mapping[str, Any], wages: float) -> tuple[tuple[str, float], ...]:
    lines = []
    for item in rules.get("payroll", ()):
        base = min(wages, float(item.get("wage_base", float("inf"))))
        lines.append((str(item["name"]), base * float(item["rate"])))
    return tuple(lines)


def _stepped(table: Sequence[Sequence[float]], income: float) -> float:
    """The amount of the last ``[lower, amount]`` row whose ``lower`` is below ``income`` (the
    first row always applies): a credit set by income band, "over ... but not over".

    >>> _stepped([[0, 75], [5000, 60], [28000, 0]], 5000), _stepped([[0, 75], [5000, 60]], 5001)
    (75.0, 60.0)
    """
    amount = float(table[0][1]) if table else 0.0
    for lower, value in table[1:]:
        if income > float(lower):
            amount = float(value)
    return amount


def _income_credit(rules: Mapping[str, Any], status: str, income: float) -> float:
    """A credit by income band (``income_credit``; e.g. New York's household credit, Tax Law
    606(b)); 0 where the rules have none.

    >>> _income_credit({"income_credit": {"single": [[0, 45], [20000, 40]]}}, "single", 20001)
    40.0
    """
    table = _by_status(rules, "income_credit", status)
    return _stepped(table, income) if isinstance(table, Sequence) else 0.0


def _recapture(
    rules: Mapping[str, Any], status: str, income: float, taxable: float, tax: float
) -> float:
    """The benefit of the lower brackets taken back above an income (New York's supplemental
    tax, Tax Law 601(d-1); IT-201 instructions, tax computation worksheets).

    ``recapture`` rows ``[lower, base, incremental]`` by taxable income: where taxable income
    is at or above ``lower`` the tax rises by ``base`` (what lower brackets already gave back)
    plus ``incremental`` times the phase-in, ``(income - start) / phase_in`` capped at 1, where
    ``start`` is the larger of ``agi_over`` and the start of the bracket holding the taxable
    income. Above ``flat_above`` of income all taxable income is taxed at the top rate.
    Nothing below ``agi_over``.

    >>> rules = {"brackets": {"single": [[0, 0.04], [80650, 0.06], [215400, 0.0685]]},
    ...          "recapture": {"agi_over": 107650, "phase_in": 50000, "flat_above": 25e6,
    ...                        "single": [[0, 0, 568], [215400, 568, 1831]]}}
    >>> _recapture(rules, "single", 132650, 124650, 0.0)  # half phased in: 568 x 0.5
    284.0
    """
    terms = rules.get("recapture")
    if not terms or income <= float(terms["agi_over"]):
        return 0.0
    bands = rules["brackets"][status]
    if income > float(terms.get("flat_above", float("inf"))):
        return taxable * float(bands[-1][1]) - tax
    bracket_start = max(float(lower) for lower, _ in bands if float(lower) <= taxable)
    start = max(bracket_start, float(terms["agi_over"]))
    share = min(1.0, max(0.0, income - start) / float(terms["phase_in"]))
    row = [r for r in terms[status] if float(r[0]) <= taxable][-1]
    return float(row[1]) + float(row[2]) * share


def _by_income(value: Any, income: float) -> float:
    """A number, or ``[lower, value]`` rows by income read with :func:`_stepped`.

    >>> _by_income(0.5, 10), _by_income([[0, 0.35], [25000, 0.25]], 30000)
    (0.5, 0.25)
    """
    return _stepped(value, income) if isinstance(value, Sequence) else float(value)


def _federal_deduction(
    rules: Mapping[str, Any], status: str, income: float, federal_tax: float
) -> float:
    """The federal income tax a state lets you deduct (``federal_tax_deduction``): a share of
    it, by income band where the share varies (Missouri, RSMo 143.171), at most a cap that can
    itself fall with income (Oregon, ORS 316.680(1)(b)); all of it in Alabama (Code of Ala.
    40-18-15(a)(2)). 0 where the state allows none.

    >>> rules = {"federal_tax_deduction": {"share": [[0, 0.35], [25000, 0.25]],
    ...                                    "cap": {"single": 5000}}}
    >>> _federal_deduction(rules, "single", 30_000, 2_000.0)  # 25% of 2,000
    500.0
    """
    terms = rules.get("federal_tax_deduction")
    if not terms:
        return 0.0
    deduction = max(0.0, federal_tax) * _by_income(terms.get("share", 1.0), income)
    cap = terms.get("cap", {}).get(status)
    return deduction if cap is None else min(deduction, _by_income(cap, income))


def _addbacks(rules: Mapping[str, Any], status: str, income: float, taxable: float) -> float:
    """Tax added back above an income (``addbacks``): ``amount`` for every ``step`` (or part
    of one) of income over ``start`` (of taxable income with ``of = "taxable"``), at most
    ``max`` (Connecticut's phase-out of the lower rates and its benefit recapture, CGS
    12-700(a); Arkansas' high-income bracket adjustment).

    >>> _addbacks({"addbacks": [{"start": 56500, "step": 5000, "amount": 20, "max": 200}]},
    ...           "single", 61_000, 50_000)  # one part-step over 56,500
    20.0
    """
    total = 0.0
    for item in rules.get("addbacks", ()):
        over = (taxable if item.get("of") == "taxable" else income) - float(item["start"])
        if item.get("status", status) != status or over <= 0:
            continue
        steps = -(-over // float(item["step"]))  # ceiling
        total += min(float(item["max"]), steps * float(item["amount"]))
    return total


def _fica(rules: Mapping[str, Any], wages: float, tax_year: int, status: str) -> float:
    """The employee's Social Security and Medicare tax on ``wages`` (deferrals included) where
    the state lets it be deducted: itemized instead of the standard deduction when larger
    (``itemized_fica``; Alabama, Code of Ala. 40-18-15(a)(3), Form 40 Schedule A line 6), or
    on top of it up to a cap (``fica_deduction``; Massachusetts, G.L. c. 62, s. 3(B)(a)(3)-(4));
    else 0. Used by :func:`_state_tax`.

    >>> _fica({"itemized_fica": True}, 100_000, 2025, "single")  # 6,200 + 1,450
    7650.0
    >>> _fica({}, 100_000, 2025, "single")
    0.0
    """
    if not (rules.get("itemized_fica") or rules.get("fica_deduction")):
        return 0.0
    from .tax import us_fica

    return us_fica(wages, tax_year, status)


def _limited(rules: Mapping[str, Any], status: str, income: float, tax: float) -> float:
    """``tax`` capped at ``rate`` of the income over the no-tax limit (``no_tax_up_to``) while
    income is at most ``share`` times that limit (``limited_income``; Massachusetts' limited
    income credit, G.L. c. 62, s. 6(b)); ``tax`` itself elsewhere.

    >>> rules = {"no_tax_up_to": {"single": 8000}, "limited_income": {"rate": 0.1, "share": 1.75}}
    >>> _limited(rules, "single", 10_000, 500.0)  # at most 10% of 2,000
    200.0
    """
    terms = rules.get("limited_income")
    limit = float(_by_status(rules, "no_tax_up_to", status) or 0.0)
    if not terms or income > limit * float(terms["share"]):
        return tax
    return min(tax, (income - limit) * float(terms["rate"]))


def _start(rules: Mapping[str, Any], income: float, federal: tuple[float, float] | None) -> float:
    """Income before the state's deductions: ``income`` (state wages), or federal taxable
    income where the state starts from it (``base = "federal_taxable"``, e.g. Montana since
    2024, MCA 15-30-2101(33) as amended by SB 399)."""
    if rules.get("base") != "federal_taxable":
        return income
    return federal[0] if federal is not None else 0.0


def _state_tax(
    rules: Mapping[str, Any],
    kind: str,
    status: str,
    income: float,
    federal: tuple[float, float] | None = None,
    fica: float = 0.0,
) -> tuple[float, float]:
    """(taxable income, income tax) of a state that taxes wages, on ``income`` (wages less
    the deferrals the state allows), with ``federal`` (taxable income, income tax) for the
    states that use them and the employee's ``fica`` tax for the states that deduct it (see
    :func:`_fica`): the module docstring's rule step by step."""
    if income <= float(_by_status(rules, "no_tax_up_to", status) or 0.0):
        return 0.0, 0.0
    federal_tax = federal[1] if federal is not None else 0.0
    deduction = _phased(rules, "standard_deduction", status, income)
    deduction = max(deduction, fica) if rules.get("itemized_fica") else deduction
    deduction += min(fica, float(_by_status(rules, "fica_deduction", status)))
    deduction += _federal_deduction(rules, status, income, federal_tax)
    exemption = _phased(rules, "exemption", status, income)
    taxable = max(0.0, _start(rules, income, federal) - deduction - exemption)
    bands = [[0.0, float(rules["rate"])]] if kind == "flat" else rules["brackets"][status]
    tax = _banded(taxable, bands)
    tax += _recapture(rules, status, income, taxable, tax)
    tax += _addbacks(rules, status, income, taxable)
    share = _by_status(rules, "tax_credit_share", status)
    credits = _credit(rules, status, income) + _income_credit(rules, status, income)
    credits += tax * _stepped(share, income) if isinstance(share, Sequence) else 0.0
    tax = _limited(rules, status, income, max(0.0, tax - credits))
    return taxable, tax + _surtax(rules, taxable)


def _locality(rules: Mapping[str, Any], locality: str | None) -> tuple[str, Mapping[str, Any]]:
    """The code and rules of the picked ``locality`` (or the state's default, or none: code
    ""); errors name ``locality``. Codes match whatever the case."""
    places: Mapping[str, Any] = rules.get("localities", {})
    if locality is None:
        picked = rules.get("default_locality")
        return (str(picked), places[picked]) if picked else ("", {})
    wanted = locality.strip().casefold() if isinstance(locality, str) else None
    for code, local in places.items():
        if wanted in (code.casefold(), str(local.get("name", "")).casefold()):
            return code, local
    listed = ", ".join(places) or "none"
    raise InputError(
        "locality", f"{locality!r} is not a locality of {rules['code']} (localities: {listed})"
    )


def _local_tax(
    local: Mapping[str, Any], status: str, income: float, taxable: float, state_tax: float
) -> float:
    """A resident local income tax: a share of the state's tax (Yonkers' surcharge), or a
    rate or brackets on the state's taxable income (New York City, Maryland's counties) less
    the local credits: by income band (non-refundable), a fixed refundable credit up to an
    income limit, and a rate reduction on taxable income (New York City's school tax credit,
    Tax Law 606(ggg)).

    >>> _local_tax({"kind": "share_of_state", "rate": 0.1675}, "single", 0, 0, 1000.0)
    167.5
    """
    kind = check_choice("kind", local.get("kind"), _LOCAL_KINDS)
    if kind == "share_of_state":
        return state_tax * float(local["rate"])
    if kind == "band_rate":  # one rate on all taxable income, set by its band (Frederick)
        return taxable * _stepped(local["brackets"][status], taxable)
    bands = [[0.0, float(local["rate"])]] if kind == "flat" else local["brackets"][status]
    tax = max(0.0, _banded(taxable, bands) - _income_credit(local, status, income))
    fixed = local.get("refundable_credit", {})
    if fixed and income <= float(fixed["income_limit"]):
        tax -= float(fixed[status])
    reduction = local.get("rate_reduction", {})
    if reduction and max(income, taxable) <= float(reduction["income_limit"]):
        tax -= _banded(taxable, reduction[status])
    return tax


def state_localities(state: str, tax_year: int | None = None) -> dict[str, str]:
    """The local income taxes a resident of ``state`` can pick, code to name, for
    ``tax_year`` (or any modelled year): e.g. New York City and Yonkers in New York (local
    rules in ``data/tax/states/<CODE>.toml``, each with its source). Empty when none.

    >>> state_localities("NY")
    {'NYC': 'New York City', 'Yonkers': 'Yonkers'}
    >>> state_localities("TX")
    {}
    """
    from .places import state_code

    name = _files().get(state_code(state))
    data = load_toml(name) if name is not None else {}
    years = [str(tax_year)] if tax_year is not None else sorted(k for k in data if k.isdigit())
    found: dict[str, str] = {}
    for year in years:
        for code, local in data.get(year, {}).get("localities", {}).items():
            found.setdefault(code, str(local.get("name", code)))
    return dict(sorted(found.items(), key=lambda item: item[1]))


def state_income_tax(
    wages: float,
    state: str,
    tax_year: int,
    *,
    filing_status: str = "single",
    deferral: float = 0.0,
    locality: str | None = None,
    federal: tuple[float, float] | None = None,
) -> StateIncomeTax:
    """State income tax on ``wages`` a year in ``state`` (a two-letter code or a name), for a
    wage earner with no dependants, after a pre-tax 401(k) ``deferral`` where the state allows
    it, plus the resident income tax of ``locality`` (a code or name from
    :func:`state_localities`; None: the state's default if it has one, else no local tax).
    ``federal`` is (federal taxable income, federal income tax) for the states that start
    from them (e.g. Alabama, Missouri, Oregon, Montana); when None they are worked out with
    :func:`calculator.tax.us_federal_income_tax` on the same wages less the deferral.
    See the module docstring for the rule; figures from ``data/tax/states/``.

    >>> state_income_tax(100_000, "TX", 2025).amount
    0.0
    >>> state_income_tax(100_000, "Texas", 2026).name
    'Texas'
    """
    pay = check_non_negative("wages", wages)
    status = check_choice("filing_status", filing_status, STATE_FILING_STATUSES)
    saved = check_non_negative("deferral", deferral)
    if isinstance(tax_year, bool) or not isinstance(tax_year, int):
        raise InputError("tax_year", f"must be a year such as 2025, got {tax_year!r}")
    name, rules = _rules(state, tax_year)
    kind = check_choice("kind", rules.get("kind"), _KINDS)
    place, local_rules = _locality(rules, locality)
    notes = tuple(str(note) for note in (*rules.get("notes", ()), *local_rules.get("notes", ())))
    payroll = _payroll(rules, pay)
    taxable, tax, local = 0.0, 0.0, 0.0
    if kind != "none":
        income = pay - (min(saved, pay) if rules.get("deducts_401k", True) else 0.0)
        if federal is None and ("federal_tax_deduction" in rules or "base" in rules):
            from .tax import us_federal_income_tax

            federal = us_federal_income_tax(pay - min(saved, pay), tax_year, status)
        taxable, tax = _state_tax(
            rules, kind, status, income, federal, _fica(rules, pay, tax_year, status)
        )
        if local_rules:
            local = _local_tax(local_rules, status, income, taxable, tax)
    return StateIncomeTax(
        rules["code"],
        name,
        tax_year,
        status,
        kind,
        taxable,
        tax,
        payroll,
        rules["source"],
        notes,
        local,
        place or None,
        str(local_rules.get("name", "")),
    )
