"""The weighted package score (docs/domain.md section 4): hand-worked and property-tested."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculator import InputError
from calculator.offers import Bonus, Offer, Pension
from calculator.scoring import MONEY_COMPONENTS, default_weights, score_packages


def test_score_by_hand():
    a = Offer("A", 50_000, holiday_days=30, factors={"culture": 4})
    b = Offer("B", 40_000, holiday_days=20, factors={"culture": 5})
    scores = score_packages([a, b], {"base": 2, "holiday": 1, "culture": 2}).by_name()
    # holiday value A 5,769.23, B 3,076.92 -> scaled 1 and 0.5333
    # A: 100 x (2 x 1 + 1 x 1 + 2 x 0.8) / 5 = 92; B: 100 x (2 x 0.8 + 1 x 0.5333 + 2 x 1) / 5
    assert scores["A"].score == pytest.approx(92.0)
    assert scores["B"].score == pytest.approx(82.6667, abs=1e-3)
    assert scores["A"].scaled["factor:culture"] == pytest.approx(0.8)
    # contribution of base for B: 100 x 2 x 0.8 / 5 = 32
    assert scores["B"].contributions["base"] == pytest.approx(32.0)
    assert sum(scores["A"].contributions.values()) == pytest.approx(92.0)


def test_component_nobody_has_scales_to_zero_for_all():
    # neither offer states a gym: scaled 0 for both, so weight 1 on gym only dilutes
    a, b = Offer("A", 60_000), Offer("B", 30_000)
    scores = score_packages([a, b], {"base": 1, "gym": 1}).by_name()
    assert scores["A"].scaled["gym"] == 0
    assert scores["A"].score == pytest.approx(50.0)  # 100 x (1 x 1 + 1 x 0) / 2
    assert scores["B"].score == pytest.approx(25.0)  # 100 x (1 x 0.5) / 2


def test_bonus_scaled_by_expected_payout():
    # A 10% x 50,000 x 80% = 4,000; B 5% x 60,000 x 100% = 3,000 -> B scaled 0.75
    a = Offer("A", 50_000, bonus=Bonus(0.10, 0.8))
    b = Offer("B", 60_000, bonus=Bonus(0.05, 1.0))
    scores = score_packages([a, b], {"bonus": 5}).by_name()
    assert scores["B"].score == pytest.approx(75.0)


def test_all_zero_weights_give_zero_with_a_note():
    s = score_packages([Offer("A", 1), Offer("B", 2)], {"base": 0})
    assert [o.score for o in s.offers] == [0, 0]
    assert s.notes


def test_default_weights_cover_money_and_rated_factors():
    weights = default_weights([Offer("A", 1, factors={"growth": 2}), Offer("B", 1)])
    assert set(weights) == {*MONEY_COMPONENTS, "factor:growth"}
    assert set(weights.values()) == {3.0}


def test_scores_frame_is_tidy():
    a = Offer("A", 50_000, holiday_days=30, factors={"culture": 4})
    b = Offer("B", 40_000, holiday_days=20, factors={"culture": 5})
    frame = score_packages([a, b], {"base": 2, "holiday": 1, "culture": 2}).to_frame()
    assert list(frame.columns) == ["offer", "component", "weight", "scaled", "contribution"]
    assert len(frame) == 6  # 2 offers x 3 weighted components
    assert frame.groupby("offer")["contribution"].sum()["A"] == pytest.approx(92.0)


@pytest.mark.parametrize(
    ("offers", "weights", "field"),
    [
        ([Offer("A", 1)], {"salary_vibes": 3, "base": 1}, "weights"),
        ([Offer("A", 1)], {"base": 6}, "weights.base"),
        ([Offer("A", 1)], {"base": -1}, "weights.base"),
        ([Offer("A", 1)], {"base": float("nan")}, "weights.base"),
        ([Offer("A", 1)], {"base": "high"}, "weights.base"),
        ([Offer("A", 1)], [("base", 1)], "weights"),
        ([Offer("A", 1)], {3: 1}, "weights"),
        ([], {"base": 1}, "offers"),
        (Offer("A", 1), {"base": 1}, "offers"),
        ([Offer("A", 1), "B"], {"base": 1}, "offers[1]"),
    ],
)
def test_bad_input_names_the_field(offers, weights, field):
    with pytest.raises(InputError) as info:
        score_packages(offers, weights)
    assert info.value.field == field


def test_unknown_component_is_named_in_the_message():
    with pytest.raises(InputError, match="salary_vibes"):
        score_packages([Offer("A", 1)], {"salary_vibes": 3})


money = st.floats(min_value=1_000, max_value=500_000, allow_nan=False)


@st.composite
def offers(draw, name="O"):
    return Offer(
        name,
        draw(money),
        bonus=draw(st.none() | st.builds(Bonus, st.floats(0, 0.5), st.floats(0, 1.5))),
        holiday_days=draw(st.none() | st.floats(0, 40)),
        pension=draw(st.none() | st.builds(Pension, employer_rate=st.floats(0, 0.15))),
        gym=draw(st.none() | st.floats(0, 2_000)),
        factors=draw(st.dictionaries(st.sampled_from(["culture", "growth"]), st.integers(1, 5))),
    )


weight = st.floats(0, 5)


@given(
    offers("A"),
    offers("B"),
    st.sampled_from(["base", "bonus", "holiday", "pension", "gym", "factor:culture"]),
    st.fixed_dictionaries({"base": weight, "holiday": weight, "pension": weight, "gym": weight}),
    st.floats(0, 5),
)
def test_higher_weight_where_an_offer_leads_never_lowers_its_score(a, b, key, weights, extra):
    weights = {**weights}
    weights.setdefault(key, 0.0)
    before = score_packages([a, b], weights).by_name()
    for name, score in before.items():
        if score.scaled[key] < 1.0:
            continue  # not (joint) leader on this component
        raised = {**weights, key: min(5.0, weights[key] + extra)}
        after = score_packages([a, b], raised).by_name()[name]
        assert after.score >= score.score - 1e-9


@given(offers("A"), offers("B"), st.dictionaries(st.sampled_from(MONEY_COMPONENTS), weight))
def test_scores_are_0_to_100_and_contributions_add_up(a, b, weights):
    for s in score_packages([a, b], weights).offers:
        assert -1e-9 <= s.score <= 100 + 1e-9
        assert sum(s.contributions.values()) == pytest.approx(s.score)
        assert all(0 <= v <= 1 for v in s.scaled.values())
