"""Equity: RSUs and options, vesting schedules, vesting by month (docs/domain.md section 5)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculator import InputError
from calculator.compare import value_if_leaving
from calculator.equity import (
    NAMED_SCHEDULES,
    EquityGrant,
    schedule_fractions,
    vested_by_month,
    vested_fraction,
    vesting_schedule,
)
from calculator.offers import Offer


@pytest.mark.parametrize(
    ("schedule", "expected"),
    [
        ("back_loaded", (20_000, 60_000, 160_000, 160_000)),  # 5/15/40/40 of 400,000
        ("front_loaded", (160_000, 120_000, 80_000, 40_000)),  # 40/30/20/10
        ("standard", (100_000,) * 4),  # 25% a year
        ((0.5, 0.5), (200_000, 200_000)),  # custom two-year schedule
        ([0.2, 0.3, 0.5], (80_000, 120_000, 200_000)),  # a list works as well as a tuple
    ],
)
def test_vesting_schedule(schedule, expected):
    assert vesting_schedule(400_000, schedule) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("schedule", "month", "expected"),
    [
        ("standard", 0, 0.0),  # start date
        ("standard", 11, 0.0),  # before the one-year cliff: nothing
        ("standard", 12, 12_000.0),  # cliff: 25% of 48,000
        ("standard", 13, 13_000.0),  # then 1/48 a month: 13/48 x 48,000
        ("standard", 48, 48_000.0),
        ("standard", 60, 48_000.0),  # never more than the grant
        ("back_loaded", 11, 0.0),  # year-end tranches
        ("back_loaded", 23, 2_400.0),  # only year 1 (5%)
        ("back_loaded", 24, 9_600.0),  # 5% + 15%
        ("front_loaded", 36, 43_200.0),  # 40 + 30 + 20 = 90%
    ],
)
def test_vested_by_month(schedule, month, expected):
    assert vested_by_month(48_000, schedule, month) == pytest.approx(expected)


def test_standard_grant_left_at_month_11_is_worth_nothing():
    grant = EquityGrant("rsu", grant_value=100_000)
    assert grant.vested_by_month(11) == 0
    offer = Offer("A", 50_000, equity=(grant,))
    # only 11 months of salary: 50,000 x 11 / 12; the whole grant is forfeited
    assert value_if_leaving(offer, 11) == pytest.approx(50_000 * 11 / 12)


@pytest.mark.parametrize(
    ("grant", "scenario", "expected"),
    [
        # RSU: 1,000 shares x 40
        (EquityGrant("rsu", shares=1_000, price=40.0), "base", 40_000.0),
        # a stated grant value wins over shares x price
        (EquityGrant("rsu", shares=1_000, price=40.0, grant_value=50_000), "bull", 50_000.0),
        # RSU with no price stated: valued at 0 (and asked about)
        (EquityGrant("rsu", shares=1_000), "base", 0.0),
    ],
)
def test_rsu_value(grant, scenario, expected):
    assert grant.value(scenario) == expected


def test_options_by_scenario():
    grant = EquityGrant(
        "option", shares=10_000, strike=2.0, scenarios={"bear": 1.0, "base": 5.0, "bull": 12.0}
    )
    # per share max(price - strike, 0) x 10,000: zero 0, bear 0 (under water), base 3, bull 10
    assert [grant.value(s) for s in ("zero", "bear", "base", "bull")] == [0, 0, 30_000, 100_000]
    # standard vesting of the base scenario: 7,500 a year
    assert grant.yearly() == pytest.approx((7_500,) * 4)


def test_unstated_parts_become_questions():
    option = EquityGrant("option", shares=1_000)
    asks = " ".join(option.missing())
    assert "strike" in asks
    assert "valuation" in asks
    assert "vesting schedule" not in asks  # standard is the stated default
    unstated = EquityGrant("rsu", grant_value=40_000, schedule=None)
    assert any("vesting schedule" in q for q in unstated.missing())
    # not stated is valued on the standard schedule: 10,000 a year
    assert unstated.yearly() == pytest.approx((10_000,) * 4)
    assert unstated.vested_by_month(11) == 0


@pytest.mark.parametrize(
    "grant",
    [
        EquityGrant("rsu", shares=100, price=12.5, schedule="front_loaded"),
        EquityGrant(
            "option", shares=5_000, strike=1.0, scenarios={"base": 4.0}, schedule=(0.5, 0.5)
        ),
        EquityGrant("rsu", grant_value=10_000, schedule=None),
    ],
)
def test_grant_round_trips(grant):
    assert EquityGrant.from_dict(grant.to_dict()) == grant


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"kind": "shares"}, "kind"),
        ({"shares": -1}, "shares"),
        ({"strike": float("nan")}, "strike"),
        ({"schedule": (0.5, 0.4)}, "schedule"),  # sums to 90%
        ({"schedule": (1.5, -0.5)}, "schedule"),
        ({"schedule": ()}, "schedule"),
        ({"schedule": "monthly"}, "schedule"),
        ({"scenarios": {"moon": 10}}, "scenarios"),
        ({"scenarios": {"base": -1}}, "scenarios.base"),
        ({"scenarios": [1, 2]}, "scenarios"),
    ],
)
def test_equity_rejects_bad_input(kwargs, field):
    with pytest.raises(InputError) as info:
        EquityGrant(**kwargs)
    assert info.value.field == field


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda: vesting_schedule(-1, "standard"), "grant_value"),
        (lambda: vested_by_month(100, "standard", -1), "month"),
        (lambda: vested_by_month(100, "standard", 1.5), "month"),
        (lambda: EquityGrant.from_dict({"kind": "rsu", "vest": "x"}), "equity"),
        (lambda: EquityGrant.from_dict([1, 2]), "equity"),
        (lambda: EquityGrant().value("moon"), "scenario"),
    ],
)
def test_equity_functions_name_the_bad_field(call, field):
    with pytest.raises(InputError) as info:
        call()
    assert info.value.field == field


def test_named_schedules_add_up_to_one():
    for name in NAMED_SCHEDULES:
        assert sum(schedule_fractions(name)) == pytest.approx(1.0)


schedules = st.sampled_from(["standard", "front_loaded", "back_loaded", (0.1, 0.2, 0.3, 0.4)])


@given(schedules, st.integers(0, 200), st.integers(0, 200))
def test_vesting_never_goes_backwards_and_ends_at_the_whole_grant(schedule, m1, m2):
    early, late = sorted((m1, m2))
    assert 0 <= vested_fraction(schedule, early) <= vested_fraction(schedule, late) <= 1
    assert vested_fraction(schedule, 48) == pytest.approx(1.0)


@given(st.lists(st.floats(0.01, 1), min_size=1, max_size=10), st.floats(0, 1e7))
def test_any_normalised_schedule_vests_the_whole_grant(weights, value):
    fractions = [w / sum(weights) for w in weights]
    assert sum(vesting_schedule(value, fractions)) == pytest.approx(value, rel=1e-9, abs=1e-6)
