"""US state income tax on wages, and the payroll contributions some states take (DOMAIN.md 8).

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
  up to an optional yearly wage base, shown as their own lines.

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
    # the standard deduction or exemption falls above `start`: by `share` of itself per
    # `step` (or part of one), or by `per_dollar` of each dollar over it
    phaseouts = [{ applies_to = "exemption", status = "single", start = 250000, share = 1 }]
    payroll = [{ name = "State disability insurance", rate = 0.012 }]  # optional wage_base
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
]

STATE_FILING_STATUSES: Final = ("single", "married_joint")
_KINDS: Final = ("none", "flat", "brackets")


@dataclass(frozen=True, slots=True)
class StateIncomeTax:
    """One year's state income tax and payroll contributions on wages in one state.

    ``amount`` is the income tax; ``payroll`` the employee contributions by name; ``total`` both.
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

    @property
    def total(self) -> float:
        """Income tax plus every payroll contribution."""
        return self.amount + sum(value for _, value in self.payroll)


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
    (e.g. Wisconsin's sliding standard deduction); never below 0."""
    full = float(_by_status(rules, key, status))
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
            steps = -(-over // float(item.get("step", 1.0)))  # ceiling
            amount -= full * float(item["share"]) * steps
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


def state_income_tax(
    wages: float,
    state: str,
    tax_year: int,
    *,
    filing_status: str = "single",
    deferral: float = 0.0,
) -> StateIncomeTax:
    """State income tax on ``wages`` a year in ``state`` (a two-letter code or a name), for a
    wage earner with no dependants, after a pre-tax 401(k) ``deferral`` where the state allows
    it (see the module docstring for the rule; figures from ``data/tax/states/``).

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
    notes = tuple(str(note) for note in rules.get("notes", ()))
    payroll = _payroll(rules, pay)
    if kind == "none":
        return StateIncomeTax(
            rules["code"], name, tax_year, status, kind, 0.0, 0.0, payroll, rules["source"], notes
        )
    income = pay - (min(saved, pay) if rules.get("deducts_401k", True) else 0.0)
    if income <= float(_by_status(rules, "no_tax_up_to", status) or 0.0):
        return StateIncomeTax(
            rules["code"], name, tax_year, status, kind, 0.0, 0.0, payroll, rules["source"], notes
        )
    deduction = _phased(rules, "standard_deduction", status, income)
    exemption = _phased(rules, "exemption", status, income)
    taxable = max(0.0, income - deduction - exemption)
    bands = [[0.0, float(rules["rate"])]] if kind == "flat" else rules["brackets"][status]
    credit = _credit(rules, status, income)
    tax = max(0.0, _banded(taxable, bands) - credit) + _surtax(rules, taxable)
    return StateIncomeTax(
        rules["code"], name, tax_year, status, kind, taxable, tax, payroll, rules["source"], notes
    )
