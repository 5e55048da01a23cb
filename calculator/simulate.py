"""Uncertainty: many simulated futures of each offer, the chance each comes out ahead, and
P10/P50/P90 of its cumulative value.

Rules (docs/domain.md section 5, "Uncertainty (simulation)"):

- Each future starts from the deterministic year rows of
  :func:`calculator.compare.offer_years` (nominal, before tax) and changes only what is uncertain.
- Share price: one Brownian motion ``W`` per offer and future; every grant of the offer follows
  it (they are shares of one company), each with its own yearly ``volatility`` ``s`` and base
  growth ``g``. The price factor at month ``m`` (``t = m / 12``) is
  ``exp(ln(1 + g) t - s^2 t / 2 + s W_t)``, a geometric Brownian motion whose mean is
  ``(1 + g)^t``, the deterministic growth; with ``s`` 0 or not stated it is exactly
  ``(1 + g)^t``. An RSU tranche is worth ``grant value x fraction x factor``; an option tranche
  ``shares x fraction x max(base-scenario price x factor - strike, 0)`` (options take no growth).
- Bonus: when ``Bonus.payout_range`` is set, each year's payout is drawn uniformly between its
  low and high, independently each year; otherwise the expected payout is used. Fixed amounts
  by year (retention bonuses) are not scaled.
- Leaving (``leave_chance`` > 0): each year, a future still in the job leaves with that chance;
  the leaving month is then equally likely to be any of months 1..12 of that year, and the value
  is counted up to it as :func:`calculator.compare.value_if_leaving` counts it (recurring pay
  and benefits pro rata, bonuses of completed years, tranches vested by then at the simulated
  price, sign-on kept per its clause, relocation kept).
- Refreshers count only when the offer counts them in its totals (``refreshers_counted``), at
  their projected value: they are not on the simulated price path.
- Different offers' futures are drawn independently. With nothing uncertain every future is the
  deterministic total (the same sums in the same order).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Final

from ._validate import check_int_range, check_range
from .compare import offer_years
from .equity import schedule_tranches
from .errors import InputError
from .offers import Offer

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

__all__ = ["SIMULATION_PERCENTILES", "SimulationResult", "simulate_offers"]

#: The percentiles reported for each offer.
SIMULATION_PERCENTILES: Final = (10, 50, 90)
_MAX_PATHS: Final = 2_000_000
_MAX_YEARS: Final = 30
#: Futures simulated at once: bounds memory (paths x tranches) whatever ``paths`` is.
_CHUNK: Final = 100_000
#: Row keys that are not recurring pay (as in value_if_leaving).
_ONE_OFF: Final = ("bonus", "sign_on", "relocation", "equity", "refreshers")


@dataclass(frozen=True, slots=True)
class SimulationResult:
    """What :func:`simulate_offers` found, offers in the order given.

    ``win_probability`` is the share of futures in which each offer has the highest N-year value
    (ties shared equally; the shares add up to 1). ``cumulative`` maps each offer to
    ``{10: P10, 50: P50, 90: P90}`` of its N-year value; ``by_year`` to the same percentiles of
    the value received by the end of each year 1..N. ``deterministic`` is the plain N-year total
    (as :func:`calculator.compare.compare_offers` gives it, nominal) and ``mean`` the average
    N-year value over the futures (close to it when nobody leaves: the share-price factor's mean
    is the deterministic growth). ``notes`` say in words what varied and what was held fixed.
    Money is in ``currency``. Source: docs/domain.md section 5, "Uncertainty (simulation)".

    >>> from calculator.offers import Offer
    >>> r = simulate_offers(Offer("A", 50_000), Offer("B", 50_000), years=2, paths=10)
    >>> r.names, r.win_probability["A"], r.by_year["B"][90], r.cumulative["B"][90]
    (('A', 'B'), 0.5, (50000.0, 100000.0), 100000.0)
    """

    paths: int
    years: int
    seed: int | None
    win_probability: Mapping[str, float]
    cumulative: Mapping[str, Mapping[int, float]]
    by_year: Mapping[str, Mapping[int, tuple[float, ...]]]
    deterministic: Mapping[str, float]
    notes: tuple[str, ...]
    currency: str = "GBP"
    mean: Mapping[str, float] = field(default_factory=dict)

    @property
    def names(self) -> tuple[str, ...]:
        """The offers' names, in the order given."""
        return tuple(self.win_probability)


@dataclass(frozen=True, slots=True)
class _Volatile:
    """An offer's tranches on the simulated price path (volatility above 0), one per column."""

    steps: NDArray[np.float64]  # sqrt of the years between the months at which W is needed
    column: NDArray[np.int64] | None  # each tranche's month among them (None: one each, in order)
    sigma: NDArray[np.float64]
    offset: NDArray[np.float64]  # ln(1 + g) t - sigma^2 t / 2 per tranche
    coef: NDArray[np.float64]  # RSU: grant value x fraction; option: shares x fraction
    price: NDArray[np.float64] | None  # options' base-scenario prices (None: RSUs only)
    strike: NDArray[np.float64]  # RSU: 0
    det: NDArray[np.float64]  # the deterministic tranche value (base scenario)
    tranche_month: NDArray[np.int64]
    by_year: NDArray[np.float64]  # (tranches, years): 1 where the tranche vests in that year


@dataclass(frozen=True, slots=True)
class _Plan:
    """One offer's fixed inputs to the simulation, worked out once from its year rows."""

    year_totals: NDArray[np.float64]  # sum of each deterministic year row
    recurring: NDArray[np.float64]  # pay and benefits each year (counted pro rata on leaving)
    bonus: NDArray[np.float64]  # expected bonus each year
    bonus_scale: NDArray[np.float64]  # bonus per unit of payout: target rate x base
    payout: float
    payout_range: tuple[float, float] | None
    relocation: float
    kept: NDArray[np.float64]  # sign-on kept if leaving after month 0..12N
    sign_on_before: NDArray[np.float64]  # sign-on paid in the years before each year
    vested: NDArray[np.float64]  # deterministic equity vested by month 0..12N
    volatile: _Volatile | None


def _year_index(month: int) -> int:
    return 0 if month == 0 else (month - 1) // 12


def _vested_table(offer: Offer, horizon: int) -> list[float]:
    """Equity (and counted refreshers) vested by each month 0..horizon, base scenario."""
    by_month = [0.0] * (horizon + 1)
    for grant in offer.equity:
        for month, value in grant.tranches("base"):
            if month <= horizon:
                by_month[month] += value
    if offer.refreshers is not None and offer.refreshers_counted:
        for month, value in offer.refreshers.tranches(horizon):
            by_month[month] += value
    running, table = 0.0, []
    for value in by_month:
        running += value
        table.append(running)
    return table


def _volatile(offer: Offer, years: int) -> _Volatile | None:
    """The offer's tranches with a volatility above 0 vesting within ``years`` (None if none)."""
    import numpy as np

    cols: list[tuple[int, float, float, float, float, float, float]] = []
    for grant in offer.equity:
        sigma = grant.volatility or 0.0
        if sigma <= 0:
            continue
        drift = math.log1p(grant.growth("base"))
        if grant.kind == "rsu":
            coef, price, strike = grant.value("base"), 1.0, 0.0
        else:
            coef, strike = grant.shares or 0.0, grant.strike or 0.0
            price = grant.scenarios.get("base", 0.0)
        if coef <= 0 or price <= 0:
            continue  # worth nothing whatever the price does
        pairs = zip(schedule_tranches(grant.vesting), grant.tranches("base"), strict=True)
        for (month, fraction), (_, det) in pairs:
            if month <= 12 * years:
                cols.append((month, sigma, drift, coef * fraction, price, strike, det))
    if not cols:
        return None
    months = np.array([c[0] for c in cols], dtype=np.int64)
    distinct = np.unique(months)
    indicator = np.zeros((len(cols), years))
    indicator[np.arange(len(cols)), [_year_index(int(m)) for m in months]] = 1.0
    sigma, drift, coef, price, strike, det = np.array([c[1:] for c in cols], dtype=float).T
    t = months / 12.0
    column = np.searchsorted(distinct, months)
    return _Volatile(
        steps=np.sqrt(np.diff(distinct / 12.0, prepend=0.0)),
        column=None if len(distinct) == len(months) else column,
        sigma=sigma,
        offset=drift * t - 0.5 * sigma**2 * t,
        coef=coef,
        price=None if np.all(strike == 0) and np.all(price == 1) else price,
        strike=strike,
        det=det,
        tranche_month=months,
        by_year=indicator,
    )


def _plan(offer: Offer, years: int) -> _Plan:
    """Work out ``offer``'s deterministic rows and the parts the simulation varies."""
    import numpy as np

    rows = offer_years(offer, years)
    horizon = 12 * years
    bonus = offer.bonus
    sign_on = offer.sign_on
    paid = [row["sign_on"] for row in rows]
    return _Plan(
        year_totals=np.array([sum(row.values()) for row in rows]),
        recurring=np.array([sum(v for k, v in row.items() if k not in _ONE_OFF) for row in rows]),
        bonus=np.array([row["bonus"] for row in rows]),
        bonus_scale=np.array(
            [bonus.rate(y) * row["base"] if bonus else 0.0 for y, row in enumerate(rows)]
        ),
        payout=1.0 if bonus is None or bonus.expected_payout is None else bonus.expected_payout,
        payout_range=None if bonus is None else bonus.payout_range,
        relocation=offer.relocation or 0.0,
        kept=np.array(
            [sign_on.kept_if_leaving_at(m) if sign_on else 0.0 for m in range(horizon + 1)]
        ),
        sign_on_before=np.array([sum(paid[:y]) for y in range(years)]),
        vested=np.array(_vested_table(offer, horizon)),
        volatile=_volatile(offer, years),
    )


def _equity_delta(vol: _Volatile, rng: np.random.Generator, n: int) -> NDArray[np.float64]:
    """Simulated minus deterministic value of each volatile tranche, ``n`` futures x tranches.

    Worked in place on one array: W at the tranche months, the price factor
    ``exp(offset + sigma W)``, then the tranche value (options: ``max(price x factor - strike,
    0)`` per share).
    """
    import numpy as np

    walk = rng.standard_normal((n, len(vol.steps)))
    walk *= vol.steps
    np.cumsum(walk, axis=1, out=walk)
    if vol.column is not None:  # tranches of several grants share months
        walk = walk[:, vol.column]
    walk *= vol.sigma
    walk += vol.offset
    np.exp(walk, out=walk)
    if vol.price is not None:
        walk *= vol.price
        walk -= vol.strike
        np.maximum(walk, 0.0, out=walk)
    walk *= vol.coef
    walk -= vol.det
    return walk


def _leave(
    plan: _Plan,
    contrib: NDArray[np.float64],
    eq_delta: NDArray[np.float64] | None,
    bonus_delta: NDArray[np.float64] | None,
    rng: np.random.Generator,
    leave_chance: float,
) -> None:
    """Replace, in place, each leaving future's year rows from its leaving year on."""
    import numpy as np

    n, years = contrib.shape
    year = rng.geometric(leave_chance, size=(n,)) - 1  # 0-based year of leaving (>= years: stays)
    within = rng.integers(1, 13, size=(n,))  # months worked in the leaving year
    who = np.flatnonzero(year < years)
    if who.size == 0:
        return
    k, j = year[who], within[who]
    month = 12 * k + j
    done = j == 12
    bonus = plan.bonus[k] + (0.0 if bonus_delta is None else bonus_delta[who, k])
    part = plan.recurring[k] * j / 12 + np.where(done, bonus, 0.0)
    part += np.where(k == 0, plan.relocation, 0.0)
    part += plan.kept[month] - plan.sign_on_before[k]
    part += plan.vested[month] - np.where(k > 0, plan.vested[12 * k], 0.0)
    if eq_delta is not None and plan.volatile is not None:
        vol = plan.volatile
        in_year = vol.by_year[:, k].T.astype(bool) & (vol.tranche_month[None, :] <= month[:, None])
        part += (eq_delta[who] * in_year).sum(axis=1)
    rows = contrib[who]
    rows[np.arange(years)[None, :] > k[:, None]] = 0.0
    rows[np.arange(who.size), k] = part
    contrib[who] = rows


def _chunk(
    plan: _Plan, rng: np.random.Generator, n: int, leave_chance: float
) -> NDArray[np.float64]:
    """Value received in each year of ``n`` futures (n x years)."""
    import numpy as np

    years = len(plan.year_totals)
    contrib = np.tile(plan.year_totals, (n, 1))
    tranche_delta = bonus_delta = None
    if plan.volatile is not None:
        tranche_delta = _equity_delta(plan.volatile, rng, n)
        contrib += tranche_delta @ plan.volatile.by_year
    if plan.payout_range is not None:
        low, high = plan.payout_range
        bonus_delta = (rng.uniform(low, high, (n, years)) - plan.payout) * plan.bonus_scale
        contrib += bonus_delta
    if leave_chance > 0:
        _leave(plan, contrib, tranche_delta, bonus_delta, rng, leave_chance)
    return contrib


def _check(offers: Sequence[object]) -> tuple[Offer, ...]:
    if len(offers) < 2:
        raise InputError("offers", f"need at least two offers to compare, got {len(offers)}")
    for index, offer in enumerate(offers):
        if not isinstance(offer, Offer):
            raise InputError(f"offer {index + 1}", f"must be an Offer, got {type(offer).__name__}")
    checked = tuple(o for o in offers if isinstance(o, Offer))
    names = [o.name for o in checked]
    if len(set(names)) != len(names):
        raise InputError("name", "each offer needs a different name")
    if len({o.currency for o in checked}) > 1:
        raise InputError(
            "currency", "all offers must be in one currency: enter them in the same money"
        )
    return checked


def _check_seed(seed: object) -> int | None:
    if seed is None:
        return None
    if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
        raise InputError("seed", f"must be a whole number 0 or more, or None, got {seed!r}")
    return seed


def _notes(offers: Sequence[Offer], years: int, leave_chance: float) -> tuple[str, ...]:
    """What varied and what was held fixed, in words."""
    out: list[str] = []
    for offer in offers:
        volatile = [g for g in offer.equity if (g.volatility or 0) > 0]
        if volatile:
            rates = ", ".join(
                f"volatility {g.volatility or 0:.0%} and growth {g.growth('base'):.0%} a year"
                for g in volatile
            )
            out.append(
                f"{offer.name}: share price varies as a random walk ({rates}); all its grants "
                "follow one price path."
            )
        elif offer.equity:
            out.append(f"{offer.name}: no volatility given, equity held at the base scenario.")
        bonus = offer.bonus
        if bonus is not None and bonus.payout_range is not None:
            low, high = bonus.payout_range
            out.append(
                f"{offer.name}: bonus payout drawn between {low:.0%} and {high:.0%} of target, "
                "each year on its own."
            )
        elif bonus is not None:
            payout = 1.0 if bonus.expected_payout is None else bonus.expected_payout
            out.append(f"{offer.name}: bonus payout held at {payout:.0%} of target (no range).")
        if offer.refreshers is not None:
            counted = offer.refreshers_counted
            out.append(
                f"{offer.name}: refreshers "
                + (
                    "counted at their projected value, not simulated."
                    if counted
                    else "not counted."
                )
            )
    if leave_chance > 0:
        out.append(
            f"A {leave_chance:.0%} chance each year of leaving (month equally likely within the "
            "year); value counted up to the leaving month, as for leaving early."
        )
    else:
        out.append(f"No leaving: every future stays all {years} years.")
    out.append(
        "Held fixed: base pay and raises, benefits, sign-on and relocation. Offers' futures are "
        "drawn independently; figures are nominal, before tax."
    )
    return tuple(out)


def _win_shares(totals: NDArray[np.float64]) -> NDArray[np.float64]:
    """Share of futures each offer (row) is highest in, ties split equally."""
    import numpy as np

    best = totals.max(axis=0)
    winners = totals >= best - 1e-9 * np.abs(best)
    share: NDArray[np.float64] = (winners / winners.sum(axis=0)).mean(axis=1)
    return share


def _futures(
    plan: _Plan, rng: np.random.Generator, paths: int, leave_chance: float
) -> NDArray[np.float64]:
    """Value received by the end of each year in each future (years x paths), in chunks."""
    import numpy as np

    running = np.empty((len(plan.year_totals), paths))  # a row a year: percentiles read rows
    for start in range(0, paths, _CHUNK):
        stop = min(start + _CHUNK, paths)
        running[:, start:stop] = np.cumsum(_chunk(plan, rng, stop - start, leave_chance), axis=1).T
    return running


def _percentiles(running: NDArray[np.float64]) -> Mapping[int, tuple[float, ...]]:
    """P10/P50/P90 of each year's row of ``running``, as ``{10: (year 1, ...), ...}``."""
    import numpy as np

    levels = [np.percentile(row, SIMULATION_PERCENTILES) for row in running]
    return MappingProxyType(
        {p: tuple(float(v[i]) for v in levels) for i, p in enumerate(SIMULATION_PERCENTILES)}
    )


def simulate_offers(
    *offers: Offer,
    years: int = 4,
    paths: int = 100_000,
    seed: int | None = None,
    leave_chance: float = 0.0,
) -> SimulationResult:
    """Simulate ``paths`` futures of each offer over ``years`` years (numpy, vectorised).

    Rule (docs/domain.md section 5, "Uncertainty"): share prices follow a geometric Brownian motion with each
    grant's volatility and its growth as drift; bonus payouts are drawn uniformly in
    ``Bonus.payout_range``; with ``leave_chance`` (0..1 a year) a future may leave and keeps the
    value counted up to the leaving month. See the module docstring for the details. With
    nothing uncertain every future equals the deterministic total of :func:`compare_offers`.
    All offers must be in one currency (InputError on ``currency``).

    >>> from calculator.offers import Offer, Bonus
    >>> r = simulate_offers(Offer("A", 50_000, bonus=Bonus(0.1, payout_range=(0.0, 2.0))),
    ...                     Offer("B", 54_000), years=1, paths=20_000, seed=1)
    >>> r.deterministic["A"], r.cumulative["B"][50]
    (55000.0, 54000.0)
    >>> 0.4 < r.win_probability["A"] < 0.6, r.cumulative["A"][10] < 55_000 < r.cumulative["A"][90]
    (True, True)
    """
    import numpy as np

    checked = _check(offers)
    n_years = check_int_range("years", years, 1, _MAX_YEARS)
    n_paths = check_int_range("paths", paths, 1, _MAX_PATHS)
    chance = check_range("leave_chance", leave_chance, 0.0, 1.0)
    rng = np.random.default_rng(_check_seed(seed))
    totals = np.empty((len(checked), n_paths))
    cumulative: dict[str, Mapping[int, float]] = {}
    by_year: dict[str, Mapping[int, tuple[float, ...]]] = {}
    mean: dict[str, float] = {}
    deterministic: dict[str, float] = {}
    for index, offer in enumerate(checked):
        plan = _plan(offer, n_years)
        deterministic[offer.name] = sum(float(v) for v in plan.year_totals)
        running = _futures(plan, rng, n_paths, chance)
        totals[index] = running[-1]
        mean[offer.name] = float(running[-1].mean())
        by_year[offer.name] = _percentiles(running)
        cumulative[offer.name] = MappingProxyType(
            {p: values[-1] for p, values in by_year[offer.name].items()}
        )
    shares = _win_shares(totals)
    return SimulationResult(
        paths=n_paths,
        years=n_years,
        seed=seed,
        win_probability=MappingProxyType(
            {o.name: float(s) for o, s in zip(checked, shares, strict=True)}
        ),
        cumulative=MappingProxyType(cumulative),
        by_year=MappingProxyType(by_year),
        deterministic=MappingProxyType(deterministic),
        notes=_notes(checked, n_years, chance),
        currency=checked[0].currency,
        mean=MappingProxyType(mean),
    )
