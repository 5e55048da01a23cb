"""Comparing offers: year-by-year value, totals, the gap, break-even salary and what to ask for.

Rules (docs/domain.md sections 5 and 6):

- Year ``y`` (1-based): base grows by the expected raise, ``base x (1 + raise)^(y-1)``; bonus is
  ``target x base_y x payout``; sign-on and relocation count in year 1 only; equity is the value
  vesting that year (options in the *base* scenario); benefits are valued at ``base_y``.
- The N-year total is the sum of the years (not discounted). Offers within 2% of each other are
  "too close to call" and the weighted score decides.
- Break-even: the base salary that makes the weaker offer's N-year total equal the leader's
  (and, separately, its year-one total equal the leader's year one). Totals are affine in base
  except where the UK pension band clips, i.e. increasing and piecewise linear, so a secant
  search (exact in one step on a linear piece) finds it to a fraction of a cent.
- Equity in totals: RSUs at their value; options at the *base* scenario only, labelled so, with
  every scenario (zero / bear / base / bull) kept apart in ``OfferTotals.equity_by_scenario``.
- Same-money view: every money figure is restated in the prices of ``home_place``
  (``amount x level(home) / level(offer place)``); offers with no place are not adjusted.
- Net view (offers with a tax profile): cash pay (base, bonus, sign-on, RSU vesting) goes
  through :func:`calculator.tax.take_home`; benefits the offer marks in ``taxable_benefits``
  are taxed as benefits in kind (their tax comes off the net cash); every other benefit, and
  options (taxed on exercise, an uncertain date), are added untaxed.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Final, Literal

from ._data import load_toml
from ._validate import check_choice, check_int_range, check_non_negative, check_positive
from .benefits import defaults, employee_rate, plan_limits, value_benefits
from .equity import SCENARIOS
from .errors import InputError
from .money import format_money
from .offers import Offer, Pension
from .places import Place

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd
    from numpy.typing import NDArray

    from .scoring import PackageScores
    from .tax import RetirementLimits, TaxProfile

__all__ = [
    "CASH_COMPONENTS",
    "Ask",
    "BreakEven",
    "Comparison",
    "OfferTotals",
    "Outcome",
    "View",
    "break_even_salary",
    "compare_offers",
    "cumulative_value_grid",
    "offer_years",
    "questions_to_ask",
    "refresher_years",
    "value_if_leaving",
]

View = Literal["nominal", "same_money"]
#: Pay components before the benefits, in display order.
CASH_COMPONENTS: Final = ("base", "bonus", "sign_on", "relocation", "equity", "refreshers")
_EQUITY_SCENARIO: Final = "base"
#: Holiday is offered as a way to close the gap only up to this many extra days a year; beyond
#: it the ask would not be a realistic request.
_MAX_HOLIDAY_ASK: Final = 15.0


def _settings() -> Mapping[str, Any]:
    settings: Mapping[str, Any] = load_toml("defaults.toml")["comparison"]
    return settings


def _too_close(top: float, gap: float) -> bool:
    """The leader's total ``top`` and its ``gap`` to the runner-up are too close to call:
    within the share set in defaults.toml (2%, docs/domain.md section 6), or nothing to lead."""
    return top <= 0 or gap <= float(_settings()["too_close_to_call"]) * top


def _check_offer(name: str, offer: object) -> Offer:
    if not isinstance(offer, Offer):
        raise InputError(name, f"must be an Offer, got {type(offer).__name__}")
    return offer


def offer_years(
    offer: Offer, years: int = 4, *, base_salary: float | None = None
) -> tuple[dict[str, float], ...]:
    """Each year's value by component for ``offer`` (nominal, before tax).

    >>> from calculator.offers import Offer, Bonus, SignOn
    >>> y = offer_years(Offer("A", 50_000, raise_rate=0.02, bonus=Bonus(0.1), sign_on=SignOn(3_000)), 2)
    >>> y[0]["base"], y[0]["bonus"], y[0]["sign_on"], y[1]["base"], y[1]["sign_on"]
    (50000.0, 5000.0, 3000.0, 51000.0, 0.0)
    """
    _check_offer("offer", offer)
    n = check_int_range("years", years, 1, 30)
    base0 = (
        offer.base_salary if base_salary is None else check_non_negative("base_salary", base_salary)
    )
    growth = 1.0 + (offer.raise_rate or 0.0)
    vesting = [grant.yearly(_EQUITY_SCENARIO) for grant in offer.equity]
    counted = refresher_years(offer, n) if offer.refreshers_counted else ()
    out: list[dict[str, float]] = []
    for year in range(n):
        base = base0 * growth**year
        row = {
            "base": base,
            "bonus": offer.bonus.expected(base, year) if offer.bonus is not None else 0.0,
            "sign_on": offer.sign_on.in_year(year) if offer.sign_on is not None else 0.0,
            "relocation": (offer.relocation or 0.0) if year == 0 else 0.0,
            "equity": sum(v[year] for v in vesting if year < len(v)),
        }
        if counted:
            row["refreshers"] = counted[year]
        row.update(value_benefits(offer, base).values)
        out.append(row)
    return tuple(out)


def refresher_years(offer: Offer, years: int = 4) -> tuple[float, ...]:
    """Refresher equity vesting in each year (docs/domain.md section 5: not guaranteed), whether or not
    the offer counts it in its totals; zeros without a refresher plan.

    >>> from calculator.offers import Offer
    >>> from calculator.equity import RefresherPlan
    >>> refresher_years(Offer("A", 90_000, refreshers=RefresherPlan(40_000)), 4)
    (0.0, 10000.0, 20000.0, 30000.0)
    """
    _check_offer("offer", offer)
    n = check_int_range("years", years, 1, 30)
    if offer.refreshers is None:
        return (0.0,) * n
    return tuple(offer.refreshers.yearly(n))


def _total(offer: Offer, years: int, base_salary: float | None = None) -> float:
    return sum(sum(row.values()) for row in offer_years(offer, years, base_salary=base_salary))


def _in_kind(offer: Offer, row: Mapping[str, float]) -> float:
    """This year's value of the benefits the offer marks as taxed as income."""
    marked = offer.taxable_benefits
    if not marked:
        return 0.0
    total = sum(row.get(name, 0.0) for name in marked if name != "custom")
    if "custom" in marked:
        total += sum(v for k, v in row.items() if k.startswith("custom: "))
    return total


def _net_years(offer: Offer, rows: Sequence[Mapping[str, float]]) -> tuple[float, ...] | None:
    """Net value per year: taxable cash through take_home, other components added as they are.

    Cash = base + bonus + sign-on + RSU vesting (per grant; options stay untaxed). Marked
    benefits in kind raise the tax through ``taxable_benefits`` but are not cash, so their value
    is added back with the untaxed rest.
    """
    profile = offer.tax
    if profile is None:
        return None
    rsu = [grant.yearly(_EQUITY_SCENARIO) for grant in offer.equity if grant.kind == "rsu"]
    out = []
    for year, row in enumerate(rows):
        vested = sum(v[year] for v in rsu if year < len(v))
        cash = _cash(row, vested)
        out.append(_net_cash(profile, offer, row, cash) + sum(row.values()) - cash)
    return tuple(out)


def _cash(row: Mapping[str, float], vested_rsu: float) -> float:
    """A year's taxable cash: base, bonus, sign-on, vesting RSUs and counted refreshers."""
    return row["base"] + row["bonus"] + row["sign_on"] + vested_rsu + row.get("refreshers", 0.0)


def _net_cash(profile: TaxProfile, offer: Offer, row: Mapping[str, float], cash: float) -> float:
    """``cash`` after ``offer``'s tax (``profile``), with the year's pension contribution (a
    share of base) and the benefits marked taxable."""
    own = employee_rate(offer.pension) if offer.pension is not None else 0.0
    rate = min(1.0, own * row["base"] / cash) if cash else 0.0
    return profile.take_home(cash, pension_rate=rate, taxable_benefits=_in_kind(offer, row)).net


def _equity_by_scenario(offer: Offer, years: int) -> dict[str, float]:
    """N-year vested equity in each scenario, for offers with options or with RSUs whose
    growth differs by scenario (bear, base, bull); else empty."""
    if not any(g.kind == "option" or g.growth_scenarios for g in offer.equity):
        return {}
    return {
        scenario: sum(sum(grant.yearly(scenario)[:years]) for grant in offer.equity)
        for scenario in SCENARIOS
    }


@dataclass(frozen=True, slots=True)
class OfferTotals:
    """One offer's value over the projection, in the comparison's view.

    ``rows`` holds each year's components (already restated for the view); ``net_by_year`` is
    ``None`` when the offer has no tax profile. ``equity_by_scenario`` gives the N-year vested
    equity in each option scenario (zero, bear, base, bull), restated for the view; it is empty
    when the offer has no options. Totals always use the base scenario (see
    :attr:`equity_note`).
    """

    name: str
    currency: str
    rows: tuple[Mapping[str, float], ...]
    factor: float = 1.0
    place_note: str = "no place given: figures as paid"
    net_by_year: tuple[float, ...] | None = None
    equity_by_scenario: Mapping[str, float] = field(default_factory=dict)
    #: Refresher equity vesting each year (not guaranteed), shown apart; in ``rows`` too only
    #: when the offer counts it.
    refreshers_by_year: tuple[float, ...] = ()

    @property
    def equity_note(self) -> str:
        """How equity is counted in the totals, for display beside them ("" without options)."""
        if not self.equity_by_scenario:
            return ""
        shown = ", ".join(
            f"{name} {format_money(value, self.currency)}"
            for name, value in self.equity_by_scenario.items()
        )
        return (
            f"{self.name}: equity is uncertain; totals count it at the base scenario, "
            f"not a certain value. Equity over {len(self.rows)} years by scenario: {shown}."
        )

    @property
    def by_year(self) -> tuple[float, ...]:
        """Total value in each year."""
        return tuple(sum(row.values()) for row in self.rows)

    @property
    def year_one(self) -> float:
        """Year-one total."""
        return self.by_year[0]

    @property
    def cumulative(self) -> float:
        """N-year cumulative total."""
        return sum(self.by_year)

    @property
    def components(self) -> Mapping[str, float]:
        """Year-one value by component."""
        return self.rows[0]

    @property
    def cumulative_components(self) -> dict[str, float]:
        """N-year value by component."""
        out: dict[str, float] = {}
        for row in self.rows:
            for key, value in row.items():
                out[key] = out.get(key, 0.0) + value
        return out

    @property
    def year_one_net(self) -> float | None:
        """Year-one value after tax, or None without a tax profile."""
        return None if self.net_by_year is None else self.net_by_year[0]

    @property
    def cumulative_net(self) -> float | None:
        """N-year value after tax, or None without a tax profile."""
        return None if self.net_by_year is None else sum(self.net_by_year)


@dataclass(frozen=True, slots=True)
class BreakEven:
    """The base salary at which ``offer`` would match ``leader`` over the horizon.

    ``salary`` (N-year horizon) and ``salary_year_one`` (year-one totals) are in the weaker
    offer's own money, as it would be written in its contract; ``salary_net`` is the N-year
    figure on take-home pay, when both offers have tax profiles.
    """

    offer: str
    leader: str
    current_base: float
    salary: float
    salary_net: float | None = None
    salary_year_one: float | None = None

    @property
    def increase(self) -> float:
        """How much more base a year the weaker offer needs."""
        return self.salary - self.current_base


@dataclass(frozen=True, slots=True)
class Ask:
    """One way to close the gap, in the weaker offer's own money.

    ``kind`` is ``"base"`` (``amount`` more a year, to ``salary``), ``"sign_on"`` (a one-off of
    ``amount``), ``"holiday_days"`` (``amount`` more days a year) or ``"home_working_days"``
    (``amount`` more days a week). :attr:`text` words it (money via Babel, built on first use
    so a comparison stays cheap).

    >>> Ask("B", "sign_on", 4_000, "GBP").text
    'B: a sign-on bonus of £4,000'
    """

    offer: str
    kind: str
    amount: float
    currency: str = "GBP"
    salary: float | None = None

    @property
    def text(self) -> str:
        """The ask in words, e.g. "B: a sign-on bonus of £4,000"."""

        def money(amount: float) -> str:
            return format_money(amount, self.currency)

        if self.kind == "base":
            to = "" if self.salary is None else f"to {money(self.salary)} "
            return f"{self.offer}: raise the base salary {to}({money(self.amount)} more a year)"
        if self.kind == "sign_on":
            return f"{self.offer}: a sign-on bonus of {money(self.amount)}"
        rounded = f"{math.ceil(self.amount * 2) / 2:g}"
        if self.kind == "holiday_days":
            return f"{self.offer}: {rounded} more days of holiday a year"
        return f"{self.offer}: {rounded} more home-working days a week"

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True, slots=True)
class Outcome:
    """Who leads, by how much over the horizon, and what would close the gap, in one view:
    as the comparison's figures (``net`` False) or take-home pay after tax (docs/domain.md section 8:
    the gap, break-even and asks all after tax). ``break_even_salary`` is the runner-up's
    base salary that would match the leader, in its own money."""

    leader: OfferTotals
    runner_up: OfferTotals
    gap: float
    too_close_to_call: bool
    break_even_salary: float | None
    asks: tuple[Ask, ...]
    net: bool


@dataclass(frozen=True, slots=True)
class Comparison:
    """The result of :func:`compare_offers`; ``totals`` are in the order the offers were given."""

    totals: tuple[OfferTotals, ...]
    years: int
    view: View
    home_place: Place | None
    break_evens: tuple[BreakEven, ...]
    asks: tuple[Ask, ...]
    questions: tuple[str, ...]
    scores: PackageScores | None = None
    #: The same in the take-home view (every offer taxed): each weaker offer against the one
    #: worth most after tax, each ask closing the after-tax gap (a sign-on grossed up for tax).
    asks_net: tuple[Ask, ...] = ()

    def _ranked(self) -> list[OfferTotals]:
        return sorted(self.totals, key=lambda t: t.cumulative, reverse=True)

    @property
    def leader(self) -> OfferTotals:
        """The offer worth most over the horizon."""
        return self._ranked()[0]

    @property
    def runner_up(self) -> OfferTotals:
        """The next best offer."""
        return self._ranked()[1]

    @property
    def gap(self) -> float:
        """Leader's N-year total minus the runner-up's (never negative)."""
        return self.leader.cumulative - self.runner_up.cumulative

    @property
    def gap_year_one(self) -> float:
        """Difference in year one between the leader and the runner-up (may be negative)."""
        return self.leader.year_one - self.runner_up.year_one

    @property
    def too_close_to_call(self) -> bool:
        """Totals within 2% of each other (docs/domain.md section 6)."""
        return _too_close(self.leader.cumulative, self.gap)

    def outcome(self, *, net: bool = False) -> Outcome:
        """The leader, the gap, too close to call (within the 2% of docs/domain.md section 6), the
        runner-up's break-even salary and the asks: before tax, or with ``net`` after tax
        (every offer needs a tax profile; InputError on ``net`` otherwise).

        >>> from calculator import Offer, TaxProfile
        >>> uk = TaxProfile("GB", 2025)
        >>> c = compare_offers(Offer("A", 60_000, tax=uk), Offer("B", 50_000, tax=uk), years=1)
        >>> # net A: 60,000 - tax (7,540 + 9,730 x 40%) - NI (3,016 + 9,730 x 2%) = 45,357.40;
        >>> # net B: 50,000 - tax 7,486 - NI 2,994.40 = 39,519.60
        >>> round(c.outcome().gap), round(c.outcome(net=True).gap, 2)
        (10000, 5837.8)
        """
        if not net:
            return Outcome(
                self.leader,
                self.runner_up,
                self.gap,
                self.too_close_to_call,
                self.break_even_salary,
                self.asks,
                net=False,
            )
        untaxed = [t.name for t in self.totals if t.cumulative_net is None]
        if untaxed:
            raise InputError("net", f"needs a tax profile for every offer ({', '.join(untaxed)})")
        leader, runner = sorted(self.totals, key=lambda t: t.cumulative_net or 0.0, reverse=True)[
            :2
        ]
        top = leader.cumulative_net or 0.0
        gap = top - (runner.cumulative_net or 0.0)
        salary = next(
            (a.salary for a in self.asks_net if a.offer == runner.name and a.kind == "base"), None
        )
        return Outcome(leader, runner, gap, _too_close(top, gap), salary, self.asks_net, net=True)

    @property
    def break_even_salary(self) -> float:
        """Break-even base for the runner-up (in its own money)."""
        name = self.runner_up.name
        return next(b.salary for b in self.break_evens if b.offer == name)

    @property
    def component_gaps(self) -> dict[str, float]:
        """N-year value by component, leader minus runner-up (negative where the runner-up leads)."""
        lead, other = self.leader.cumulative_components, self.runner_up.cumulative_components
        return {key: lead.get(key, 0.0) - other.get(key, 0.0) for key in {**lead, **other}}

    @property
    def equity_notes(self) -> tuple[str, ...]:
        """One note per offer with options: counted at the base scenario, not a certain value."""
        return tuple(t.equity_note for t in self.totals if t.equity_note)

    @property
    def view_label(self) -> str:
        """Which money the figures are in, for display beside them."""
        if self.view == "same_money" and self.home_place is not None:
            return f"same money: restated in {self.home_place.label} prices"
        return "nominal: as paid, before tax"

    def to_frame(self) -> pd.DataFrame:
        """Tidy table: one row per offer, year and component (pandas imported here)."""
        import pandas as pd

        records = [
            {"offer": t.name, "year": year, "component": key, "value": value}
            for t in self.totals
            for year, row in enumerate(t.rows, start=1)
            for key, value in row.items()
        ]
        return pd.DataFrame.from_records(records, columns=["offer", "year", "component", "value"])

    def equity_frame(self) -> pd.DataFrame:
        """Tidy table of option scenarios: one row per offer and scenario (N-year equity)."""
        import pandas as pd

        records = [
            {"offer": t.name, "scenario": scenario, "value": value}
            for t in self.totals
            for scenario, value in t.equity_by_scenario.items()
        ]
        return pd.DataFrame.from_records(records, columns=["offer", "scenario", "value"])

    def totals_frame(self) -> pd.DataFrame:
        """One row per offer: year-one and N-year totals, gross and (where known) net."""
        import pandas as pd

        return pd.DataFrame(
            [
                {
                    "offer": t.name,
                    "year_one": t.year_one,
                    "cumulative": t.cumulative,
                    "year_one_net": t.year_one_net,
                    "cumulative_net": t.cumulative_net,
                }
                for t in self.totals
            ]
        )


def _solve_base(total_at: Callable[[float], float], target: float, start: float) -> float:
    """Base salary b >= 0 with ``total_at(b) == target``.

    ``total_at`` rises with base (slope at least the factor, since base counts one for one) and
    is linear between the pension band's kinks, so secant steps from two points near ``start``
    are exact on a linear piece; a bracket kept from every evaluation catches overshoots
    (bisection inside it). Returns 0 when even a zero base reaches the target.
    """
    tolerance = max(1e-4, abs(target) * 1e-14)  # far inside a cent, above float noise
    lo, hi = 0.0, math.inf  # bracket: total_at(lo) < target <= total_at(hi) once hi is finite
    x0 = max(start, 1.0)
    f0 = total_at(x0) - target
    if abs(f0) <= tolerance:
        return x0
    x1 = x0 * (1.1 if f0 < 0 else 0.9)
    f1 = total_at(x1) - target
    for x, f in ((x0, f0), (x1, f1)):
        lo, hi = (max(lo, x), hi) if f < 0 else (lo, min(hi, x))
    for _ in range(200):
        if abs(f1) <= tolerance:
            return x1
        x2 = x1 - f1 * (x1 - x0) / (f1 - f0) if f1 != f0 else math.nan
        if not lo < x2 < hi:  # also catches nan
            x2 = (lo + hi) / 2.0 if math.isfinite(hi) else max(2.0 * lo, 1.0)
        if x2 > 1e12:
            raise InputError("base_salary", "no base salary below 10^12 closes the gap")
        f2 = total_at(x2) - target
        lo, hi = (max(lo, x2), hi) if f2 < 0 else (lo, min(hi, x2))
        x0, f0, x1, f1 = x1, f1, x2, f2
        if hi <= tolerance * 1e-3:  # a zero base already matches the target
            return 0.0
    return (lo + hi) / 2.0


def break_even_salary(
    weaker: Offer,
    stronger: Offer,
    years: int = 4,
    *,
    factor_weaker: float = 1.0,
    factor_stronger: float = 1.0,
) -> float:
    """Base salary at which ``weaker``'s N-year total equals ``stronger``'s.

    ``factor_*`` restate each offer's money (1.0 = nominal); the answer is in ``weaker``'s own
    money. Solved by a secant search on the increasing, piecewise-linear total.

    >>> from calculator.offers import Offer, Bonus
    >>> round(break_even_salary(Offer("B", 50_000), Offer("A", 50_000, bonus=Bonus(0.1)), 1), 2)
    55000.0
    """
    _check_offer("weaker", weaker)
    _check_offer("stronger", stronger)
    factor_weaker = check_positive("factor_weaker", factor_weaker)
    factor_stronger = check_positive("factor_stronger", factor_stronger)
    target = _total(stronger, years) * factor_stronger
    return _solve_base(
        lambda b: _total(weaker, years, b) * factor_weaker, target, weaker.base_salary
    )


def _net_break_even(weaker: Offer, target_net: float, years: int, factor: float) -> float | None:
    if weaker.tax is None:
        return None

    return _solve_base(
        lambda base: _net_total(weaker, years, base) * factor, target_net, weaker.base_salary
    )


def _net_asks(
    offers: Sequence[Offer], totals: Sequence[OfferTotals], years: int
) -> tuple[Ask, ...]:
    """Equal-value asks on take-home pay (docs/domain.md section 8: one view everywhere): against the offer
    worth most after tax, each closing the after-tax gap over the same years. Empty unless
    every offer has a tax profile."""
    if any(t.cumulative_net is None for t in totals):
        return ()
    best = max(range(len(offers)), key=lambda i: totals[i].cumulative_net or 0.0)
    target = totals[best].cumulative_net or 0.0
    asks: list[Ask] = []
    for index, (offer, t) in enumerate(zip(offers, totals, strict=True)):
        gap = (target - (t.cumulative_net or 0.0)) / t.factor
        if index == best or gap <= 0:
            continue
        salary = _net_break_even(offer, target, years, t.factor) or offer.base_salary
        asks.append(Ask(offer.name, "base", salary - offer.base_salary, offer.currency, salary))
        asks.append(Ask(offer.name, "sign_on", _grossed_up_sign_on(offer, gap), offer.currency))
        asks.extend(_day_asks(offer, gap, years, _net_total))
    return tuple(asks)


def _grossed_up_sign_on(offer: Offer, gap_net: float) -> float:
    """The extra year-one cash that leaves ``gap_net`` more after tax (solved like a base)."""
    profile = offer.tax
    if profile is None:
        return gap_net
    row = offer_years(offer, 1)[0]
    cash = _cash(row, sum(g.yearly(_EQUITY_SCENARIO)[0] for g in offer.equity if g.kind == "rsu"))
    start = _net_cash(profile, offer, row, cash)

    def gained(extra: float) -> float:
        return _net_cash(profile, offer, row, cash + extra) - start

    return _solve_base(gained, gap_net, gap_net)


def questions_to_ask(offer: Offer) -> tuple[str, ...]:
    """Questions for the employer about everything ``offer`` leaves unstated.

    >>> questions_to_ask(Offer("A", 40_000, holiday_days=25))[0]
    'Is there a bonus? What is the target, and what has it actually paid out in recent years?'
    """
    _check_offer("offer", offer)
    texts = {
        "bonus": "Is there a bonus? What is the target, and what has it actually paid out in recent years?",
        "sign_on": "Is there a sign-on bonus, and would any of it be repayable if I left early?",
        "relocation": "Is there help with relocation costs, if I need to move?",
        "raise_rate": "How is pay reviewed, and what have typical annual raises been?",
        "equity": "Does the package include any equity (shares or options)?",
        "holiday_days": "How many days of paid holiday come with the role, and are public holidays included?",
        "pension": "What does the employer pay into the pension, and on what part of pay?",
        "health_care": "Is health cover provided, and how much of it does the employer pay?",
        "travel_allowance": "Is there a travel allowance or help with commuting costs?",
        "company_car": "Is a company car or car allowance part of the package?",
        "gym": "Is a gym membership or wellbeing allowance included?",
        "home_working": "How many days a week can be worked from home?",
        "study": "Is there funding or paid time off for professional qualifications?",
    }
    out = [texts[name] for name in offer.not_stated()]
    if offer.bonus is not None and offer.bonus.expected_payout is None:
        out.append("What share of the target bonus has actually been paid out in recent years?")
    p = offer.pension
    if p is not None and p.match_rate and p.employee_rate is None:
        out.append(
            f"How much must I pay in to get the full match? (Assumed here: {p.match_cap:.0%} of "
            "pay, the most the match covers.)"
        )
    for grant in offer.equity:
        out.extend(grant.missing())
    return tuple(out)


def _asks(weaker: Offer, break_even: BreakEven, gap_local: float, years: int) -> tuple[Ask, ...]:
    """The gap (in the weaker offer's own money) expressed four ways: extra base (the
    break-even) and a sign-on always, and the day asks of :func:`_day_asks`."""
    name, currency = weaker.name, weaker.currency
    return (
        Ask(name, "base", break_even.increase, currency, break_even.salary),
        Ask(name, "sign_on", gap_local, currency),
        *_day_asks(weaker, gap_local, years),
    )


def _day_asks(
    weaker: Offer,
    gap_local: float,
    years: int,
    total: Callable[[Offer, int], float] = _total,
) -> tuple[Ask, ...]:
    """Extra holiday days a year (when at most 15 would do) and extra home-working days a
    week (when the week has room for them) that close ``gap_local`` over ``years``.

    docs/domain.md section 6: a day is worth more each year when pay rises, so days = gap / the sum over the
    years of one more day's value. That sum is read off ``total`` (the offer's N-year value in
    the comparison's view) with one more day: exact, as totals are linear in days. A day with
    no value (home working valued as a share of pay) gives no ask.
    """
    asks = []
    start = total(weaker, years)
    holiday = _one_more_day(weaker, years, total, "holiday_days") - start
    if holiday > 0 and gap_local / holiday <= _MAX_HOLIDAY_ASK:
        asks.append(Ask(weaker.name, "holiday_days", gap_local / holiday, weaker.currency))
    home = weaker.home_working
    if home is not None and home.days_per_week < 5:
        worth = _one_more_day(weaker, years, total, "home_working_days") - start
        if worth > 0 and home.days_per_week + gap_local / worth <= 5:
            days = gap_local / worth
            asks.append(Ask(weaker.name, "home_working_days", days, weaker.currency))
    return tuple(asks)


def _one_more_day(
    offer: Offer, years: int, total: Callable[[Offer, int], float], kind: str
) -> float:
    """``total`` over ``years`` with one more holiday day a year, or one more home-working
    day a week (each year at that year's pay); the caller takes off the total without it."""
    if kind == "holiday_days":
        days = (offer.holiday_days or 0.0) + 1.0
        if days > float(defaults()["holiday"]["working_days"]):
            return total(offer, years)  # a full year of holiday already: no day to ask for
        more = replace(offer, holiday_days=days)
    else:
        home = offer.home_working
        assert home is not None
        more = replace(offer, home_working=replace(home, days_per_week=home.days_per_week + 1.0))
    return total(more, years)


def _net_total(offer: Offer, years: int, base_salary: float | None = None) -> float:
    """The offer's N-year value after tax (0 without a tax profile), optionally at another
    base salary."""
    return sum(_net_years(offer, offer_years(offer, years, base_salary=base_salary)) or ())


def compare_offers(
    a: Offer,
    b: Offer,
    *more: Offer,
    weights: Mapping[str, float] | None = None,
    years: int | None = None,
    view: View = "nominal",
    home_place: Place | None = None,
) -> Comparison:
    """Compare two or more offers (your current job can be one of them: "stay or move").

    All offers must be in one currency (InputError on ``currency`` otherwise: enter them in the
    same money first). ``years`` defaults to 4 (``data/defaults.toml``). In the
    ``"same_money"`` view every figure is restated in ``home_place``'s prices; offers with no
    place stay as paid and their ``place_note`` says so. Break-even salaries and equal-value
    asks are in each weaker offer's own local money. With ``weights`` the weighted package score
    is attached (kept apart from the money). Options count at the base scenario in totals.

    >>> from calculator.offers import Offer, Bonus
    >>> c = compare_offers(Offer("A", 50_000, bonus=Bonus(0.1)), Offer("B", 52_000), years=1)
    >>> c.leader.name, c.gap, round(c.break_even_salary, 2)
    ('A', 3000.0, 55000.0)
    """
    offers = [_check_offer(f"offer {i + 1}", o) for i, o in enumerate((a, b, *more))]
    n = check_int_range("years", int(_settings()["years"]) if years is None else years, 1, 30)
    check_choice("view", view, ("nominal", "same_money"))
    names = [o.name for o in offers]
    if len(set(names)) != len(names):
        raise InputError("name", "each offer needs a different name")
    if len({o.currency for o in offers}) > 1:
        raise InputError(
            "currency", "all offers must be in one currency: enter them in the same money"
        )
    if view == "same_money" and home_place is not None and not isinstance(home_place, Place):
        raise InputError("home_place", "must be a Place")
    same = view == "same_money" and home_place is not None

    totals: list[OfferTotals] = []
    for offer in offers:
        factor, note = 1.0, "no place given: figures as paid"
        if same and home_place is not None and offer.place is not None:
            factor = home_place.level / offer.place.level
            note = f"restated from {offer.place.label} to {home_place.label} prices (x{factor:.3f})"
        elif offer.place is not None:
            note = f"as paid in {offer.place.label}"
        rows = offer_years(offer, n)
        net = _net_years(offer, rows)
        totals.append(
            OfferTotals(
                name=offer.name,
                currency=offer.currency,
                rows=tuple({k: v * factor for k, v in row.items()} for row in rows),
                factor=factor,
                place_note=note,
                net_by_year=None if net is None else tuple(v * factor for v in net),
                equity_by_scenario={
                    k: v * factor for k, v in _equity_by_scenario(offer, n).items()
                },
                refreshers_by_year=tuple(v * factor for v in refresher_years(offer, n)),
            )
        )

    leader_index = max(range(len(offers)), key=lambda i: totals[i].cumulative)
    leader, leader_totals = offers[leader_index], totals[leader_index]
    break_evens: list[BreakEven] = []
    asks: list[Ask] = []
    for offer, t in zip(offers, totals, strict=True):
        if offer is leader:
            continue
        salary = break_even_salary(
            offer, leader, n, factor_weaker=t.factor, factor_stronger=leader_totals.factor
        )
        salary_one = (
            salary
            if n == 1
            else break_even_salary(
                offer, leader, 1, factor_weaker=t.factor, factor_stronger=leader_totals.factor
            )
        )
        net_salary = None
        if leader_totals.cumulative_net is not None:
            net_salary = _net_break_even(offer, leader_totals.cumulative_net, n, t.factor)
        be = BreakEven(offer.name, leader.name, offer.base_salary, salary, net_salary, salary_one)
        break_evens.append(be)
        gap_local = (leader_totals.cumulative - t.cumulative) / t.factor
        if gap_local > 0:
            asks.extend(_asks(offer, be, gap_local, n))

    questions = tuple(f"{o.name}: {q}" for o in offers for q in questions_to_ask(o))
    asks_net = _net_asks(offers, totals, n)
    scores = None
    if weights is not None:
        from .scoring import score_packages

        scores = score_packages(offers, weights)
    return Comparison(
        totals=tuple(totals),
        years=n,
        view=view,
        home_place=home_place if same else None,
        break_evens=tuple(break_evens),
        asks=tuple(asks),
        questions=questions,
        scores=scores,
        asks_net=asks_net,
    )


def value_if_leaving(offer: Offer, month: int) -> float:
    """What you would have received if you left after ``month`` months (nominal, gross).

    Salary and benefits for the months worked (raises each year), bonuses (retention amounts
    included) for completed years, equity vested by then (the cliff forfeits everything before
    month 12 on the standard schedule), relocation kept, and the sign-on instalments paid by
    then, kept in full only if ``month`` is at least the repayment period (otherwise repaid in
    full, or the unearned share of it when repayment is pro rata).

    >>> from calculator.offers import Offer, SignOn
    >>> from calculator.equity import EquityGrant
    >>> o = Offer("A", 48_000, sign_on=SignOn(5_000, 12), equity=(EquityGrant("rsu", grant_value=40_000),))
    >>> value_if_leaving(o, 11)
    44000.0
    >>> value_if_leaving(o, 12)
    63000.0
    """
    _check_offer("offer", offer)
    m = check_int_range("month", month, 0, 360)
    whole_years, extra_months = divmod(m, 12)
    rows = offer_years(offer, max(1, whole_years + (1 if extra_months else 0)))
    value = 0.0
    for index, row in enumerate(rows):
        months = 12 if index < whole_years else extra_months
        if months == 0:
            continue
        recurring = sum(
            v
            for k, v in row.items()
            if k not in ("bonus", "sign_on", "relocation", "equity", "refreshers")
        )
        value += recurring * months / 12
        if months == 12:
            value += row["bonus"]
    value += offer.relocation or 0.0
    if offer.sign_on is not None:
        value += offer.sign_on.kept_if_leaving_at(m)
    value += sum(grant.vested_by_month(m, _EQUITY_SCENARIO) for grant in offer.equity)
    if offer.refreshers is not None and offer.refreshers_counted:
        value += offer.refreshers.vested_by_month(m)
    return value


def _match_grid(
    pay: NDArray[np.float64], pension: Pension, limits: RetirementLimits | None
) -> NDArray[np.float64]:
    """The 401(k) match of :func:`calculator.benefits.pension_value`, element-wise on ``pay``."""
    import numpy as np

    if not pension.match_rate:
        return np.zeros_like(pay)
    counted = pay if limits is None else np.minimum(pay, limits.compensation_limit)
    deferral = employee_rate(pension) * counted
    if limits is not None:
        deferral = np.minimum(deferral, limits.elective_deferral_limit)
    result: NDArray[np.float64] = pension.match_rate * np.minimum(
        deferral, pension.match_cap * counted
    )
    return result


def cumulative_value_grid(
    offer: Offer, base_salaries: NDArray[np.float64], years: int = 4
) -> NDArray[np.float64]:
    """N-year total for many base salaries at once (numpy); same rule as :func:`offer_years`.

    Components linear in base (base, bonus, holiday, study days, salary-basis pension, match,
    percent-of-pay home working) are scaled together; the UK qualifying-earnings pension is clipped per element; fixed
    amounts are added once. Used for sweeps (e.g. charts of value against salary).

    >>> import numpy as np
    >>> from calculator.offers import Offer, Bonus
    >>> cumulative_value_grid(Offer("A", 1, bonus=Bonus(0.1)), np.array([50_000.0, 60_000.0]), 1)
    array([55000., 66000.])
    """
    import numpy as np

    from .benefits import defaults, holiday_value

    _check_offer("offer", offer)
    n = check_int_range("years", years, 1, 30)
    try:
        bases = np.asarray(base_salaries, dtype=float)
    except (TypeError, ValueError):
        raise InputError("base_salaries", "must be an array of numbers") from None
    if bases.ndim != 1:
        raise InputError("base_salaries", "must be a one-dimensional array")
    if not np.all(np.isfinite(bases)) or np.any(bases < 0):
        raise InputError("base_salaries", "must all be finite and not negative")
    growth = (1.0 + (offer.raise_rate or 0.0)) ** np.arange(n)
    per_unit = 1.0  # value per unit of base in one year, for the parts linear in base
    bonus_part = 0.0  # the bonus rate may differ by year: its part per unit of base over N years
    if offer.bonus is not None:
        bonus = offer.bonus
        bonus_part = sum(
            (bonus.expected(1.0, y) - bonus.fixed(y)) * float(growth[y]) for y in range(n)
        )
    if offer.holiday_days is not None:
        per_unit += holiday_value(offer.holiday_days, 1.0)
    if offer.study is not None:
        per_unit += holiday_value(offer.study.days or 0.0, 1.0)
    if offer.home_working is not None and offer.home_working.percent_of_salary is not None:
        per_unit += offer.home_working.percent_of_salary  # fixed part is 0 at base 0
    pension_part = np.zeros_like(bases)
    if offer.pension is not None:
        p = offer.pension
        yearly = bases[:, None] * growth[None, :]
        pension_part = _match_grid(yearly, p, plan_limits(offer)).sum(axis=1)
        if p.basis == "qualifying_earnings":
            band = defaults()["pension"]
            lower, upper = float(band["qualifying_lower"]), float(band["qualifying_upper"])
            rate = max(p.employer_rate, float(band["employer_minimum_rate"]))
            pension_part += (rate * (np.clip(yearly, lower, upper) - lower)).sum(axis=1)
        else:
            per_unit += p.employer_rate
    fixed_rows = offer_years(offer, n, base_salary=0.0)  # at base 0 the bonus is its fixed part
    fixed = sum(
        sum(v for k, v in row.items() if k not in ("base", "holiday", "study", "pension"))
        for row in fixed_rows
    )
    fixed += (offer.study.funding or 0.0) * n if offer.study is not None else 0.0
    result: NDArray[np.float64] = (
        bases * (per_unit * growth.sum() + bonus_part) + pension_part + fixed
    )
    return result
