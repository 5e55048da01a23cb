"""The weighted package score: how well each offer matches *your* priorities (docs/domain.md section 4).

Each component (a pay item, a benefit, or a non-money factor rated 1-5) gets an importance
weight from 0 (don't care) to 5. Across the offers compared, a component's value is scaled to
0..1 by the best offer's value for it (0 when no offer has it), and

    score = 100 x sum(weight x scaled) / sum(weight)

Each component's contribution ``100 x weight x scaled / sum(weight)`` is kept so the UI can show
where the score comes from. Money and weights never mix: the score is never added to a cash
total, and non-money factors join the score only.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from ._validate import check_range
from .benefits import BENEFIT_COMPONENTS, value_benefits
from .errors import InputError
from .offers import Offer

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["MONEY_COMPONENTS", "OfferScore", "PackageScores", "default_weights", "score_packages"]

#: Money components that can be weighted, year-one values (custom benefits share "custom").
MONEY_COMPONENTS: Final = ("base", "bonus", "sign_on", "equity", *BENEFIT_COMPONENTS, "custom")
_WEIGHT_RANGE: Final = (0.0, 5.0)


def _check_offers(offers: object) -> Sequence[Offer]:
    if isinstance(offers, (Offer, str)) or not isinstance(offers, Sequence) or not offers:
        raise InputError("offers", "must be a non-empty list of offers")
    for index, offer in enumerate(offers):
        if not isinstance(offer, Offer):
            raise InputError(f"offers[{index}]", f"must be an Offer, got {type(offer).__name__}")
    return offers


def default_weights(offers: Sequence[Offer]) -> dict[str, float]:
    """Weight 3 for every money component and every factor any offer rates.

    >>> default_weights([Offer("A", 1, factors={"culture": 4})])["factor:culture"]
    3.0
    """
    offers = _check_offers(offers)
    factors = sorted({name for offer in offers for name in offer.factors})
    return {**dict.fromkeys(MONEY_COMPONENTS, 3.0), **{f"factor:{f}": 3.0 for f in factors}}


def _raw_values(offer: Offer) -> dict[str, float]:
    benefits = value_benefits(offer).values
    raw = {
        "base": offer.base_salary,
        "bonus": offer.bonus.expected(offer.base_salary) if offer.bonus is not None else 0.0,
        "sign_on": offer.sign_on.amount if offer.sign_on is not None else 0.0,
        "equity": sum(
            grant.yearly("base")[0] if grant.yearly("base") else 0.0 for grant in offer.equity
        ),
        "custom": sum(v for k, v in benefits.items() if k.startswith("custom: ")),
    }
    raw.update({name: benefits.get(name, 0.0) for name in BENEFIT_COMPONENTS})
    raw.update({f"factor:{name}": float(rating) for name, rating in offer.factors.items()})
    return raw


@dataclass(frozen=True, slots=True)
class OfferScore:
    """One offer's score (0-100) with each component's scaled value and contribution."""

    name: str
    score: float
    scaled: Mapping[str, float]
    contributions: Mapping[str, float]


@dataclass(frozen=True, slots=True)
class PackageScores:
    """Scores for all offers compared, with the weights used and any notes."""

    offers: tuple[OfferScore, ...]
    weights: Mapping[str, float]
    notes: tuple[str, ...] = ()

    def by_name(self) -> dict[str, OfferScore]:
        """Offer name -> its score."""
        return {s.name: s for s in self.offers}

    def to_frame(self) -> pd.DataFrame:
        """Tidy table: one row per offer and weighted component (pandas imported here).

        Columns: offer, component, weight, scaled (0..1), contribution (points of the 0-100
        score); an offer's contributions add up to its score.
        """
        import pandas as pd

        records = [
            {
                "offer": s.name,
                "component": key,
                "weight": weight,
                "scaled": s.scaled[key],
                "contribution": s.contributions[key],
            }
            for s in self.offers
            for key, weight in self.weights.items()
        ]
        return pd.DataFrame.from_records(
            records, columns=["offer", "component", "weight", "scaled", "contribution"]
        )


def score_packages(
    offers: Sequence[Offer], weights: Mapping[str, float] | None = None
) -> PackageScores:
    """Weighted package score for each offer (see the module docstring for the rule).

    Weight keys are :data:`MONEY_COMPONENTS` and ``"factor:<name>"`` for non-money factors (a
    bare name is accepted for a factor some offer rates). Any other key is an error; missing
    keys weigh 0.

    >>> from calculator.offers import Offer
    >>> a = Offer("A", 50_000, holiday_days=30, factors={"culture": 4})
    >>> b = Offer("B", 60_000, holiday_days=25, factors={"culture": 5})
    >>> s = score_packages([a, b], {"base": 2, "holiday": 1, "culture": 1}).by_name()
    >>> # A: (2 x 50/60 + 1 x 1 (same holiday value) + 1 x 4/5) / 4 = 86.67%; B leads on all
    >>> round(s["A"].score, 2), round(s["B"].score, 2)
    (86.67, 100.0)
    """
    offers = _check_offers(offers)
    raw = [_raw_values(o) for o in offers]
    factor_names = {key for r in raw for key in r if key.startswith("factor:")}
    allowed = set(MONEY_COMPONENTS) | factor_names
    chosen: dict[str, float] = {}
    given = default_weights(offers) if weights is None else weights
    if not isinstance(given, Mapping):
        raise InputError("weights", "must map components to weights 0-5")
    for key, weight in given.items():
        if not isinstance(key, str):
            raise InputError("weights", f"keys must be component names, got {key!r}")
        if key in allowed:
            name = key
        elif f"factor:{key}" in allowed or key.startswith("factor:"):
            # a bare factor name, or an explicit factor no offer rated (scores 0 for all)
            name = key if key.startswith("factor:") else f"factor:{key}"
        else:
            raise InputError("weights", f"has an unknown component {key!r}")
        w = check_range(f"weights.{key}", weight, *_WEIGHT_RANGE)
        chosen[name] = w
    total_weight = sum(chosen.values())
    notes: tuple[str, ...] = ()
    if total_weight == 0:
        notes = ("All weights are zero: give a weight to what matters to you to get a score.",)
    best = {key: max(r.get(key, 0.0) for r in raw) for key in chosen}
    results = []
    for offer, r in zip(offers, raw, strict=True):
        scaled = {k: (r.get(k, 0.0) / best[k] if best[k] > 0 else 0.0) for k in chosen}
        contributions = {
            k: (100.0 * chosen[k] * scaled[k] / total_weight if total_weight else 0.0)
            for k in chosen
        }
        results.append(OfferScore(offer.name, sum(contributions.values()), scaled, contributions))
    return PackageScores(offers=tuple(results), weights=chosen, notes=notes)
