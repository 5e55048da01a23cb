"""Vesting as dated tranches, share-price growth and refreshers (docs/domain.md section 5).

Issue "Offers as they really are": presets expand to (month, fraction) tranches, a tranche at
month m grows by (1 + g) ** (m / 12), and refreshers are a new grant every 12 months.
"""

from __future__ import annotations

import json
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculator import InputError
from calculator.compare import value_if_leaving
from calculator.equity import (
    NAMED_SCHEDULES,
    PRESETS,
    EquityGrant,
    RefresherPlan,
    schedule_fractions,
    schedule_tranches,
    vested_by_month,
    vested_fraction,
    vesting_schedule,
)
from calculator.offers import Offer

MONTHS = (11, 12, 13, 29, 30, 48)


def same_tranches(got, expected):
    """Same months exactly, same amounts within rounding (approx does not nest)."""
    assert [m for m, _ in got] == [m for m, _ in expected]
    assert [v for _, v in got] == pytest.approx([v for _, v in expected])
    return True


# --- presets as tranches --------------------------------------------------------------------
@pytest.mark.parametrize(
    ("schedule", "expected"),
    [
        # 48,000 grant: 25% cliff at 12 = 12,000, then 1,000 (1/48) at the end of each month
        # month 13: 12,000 + 1,000; month 29: 12,000 + 17 x 1,000; month 30: + 18 x 1,000
        ("standard", (0, 12_000, 13_000, 29_000, 30_000, 48_000)),
        # 12,000 at 12, then 3,000 (6.25%) at 15, 18, 21, 24, 27 (29: 5 of them), 30 (6 of them)
        ("standard_quarterly", (0, 12_000, 12_000, 27_000, 30_000, 48_000)),
        # 40% = 19,200 at 12; + 30% = 33,600 at 24 (29, 30 are still before 36)
        ("front_loaded", (0, 19_200, 19_200, 33_600, 33_600, 48_000)),
        # 5% = 2,400 at 12; + 15% = 9,600 at 24
        ("back_loaded", (0, 2_400, 2_400, 9_600, 9_600, 48_000)),
        # 5% at 12 = 2,400; + 15% at 24 = 9,600; + 20% at 30 = 19,200 (40%)
        ("amazon", (0, 2_400, 2_400, 9_600, 19_200, 48_000)),
        # 3,000 (1/16) at 3, 6, 9, 12, ...: month 11 has 3 of them, 29 has 9, 30 has 10
        ("quarterly_no_cliff", (9_000, 12_000, 12_000, 27_000, 30_000, 48_000)),
    ],
)
def test_each_preset_at_the_key_months(schedule, expected):
    got = [vested_by_month(48_000, schedule, m) for m in MONTHS]
    assert got == pytest.approx(expected)
    grant = EquityGrant("rsu", grant_value=48_000, schedule=schedule)
    assert [grant.vested_by_month(m) for m in MONTHS] == pytest.approx(expected)


def test_amazon_grant_left_at_month_30_keeps_40_percent():
    # 400,000 x (5% + 15% + 20%) = 160,000
    grant = EquityGrant("rsu", grant_value=400_000, schedule="amazon")
    assert grant.vested_by_month(29) == pytest.approx(80_000)  # 5% + 15% only
    assert grant.vested_by_month(30) == pytest.approx(160_000)
    assert vested_fraction("amazon", 30) == pytest.approx(0.4)
    # leaving at month 30 on a 60,000 salary: 2.5 years of salary plus the vested 160,000
    offer = Offer("A", 60_000, equity=(grant,))
    assert value_if_leaving(offer, 30) == pytest.approx(60_000 * 2.5 + 160_000)


@pytest.mark.parametrize(
    ("schedule", "tranches"),
    [
        ("amazon", ((12, 0.05), (24, 0.15), (30, 0.2), (36, 0.2), (42, 0.2), (48, 0.2))),
        ("front_loaded", ((12, 0.4), (24, 0.3), (36, 0.2), (48, 0.1))),
        ("back_loaded", ((12, 0.05), (24, 0.15), (36, 0.4), (48, 0.4))),
    ],
)
def test_preset_tranches(schedule, tranches):
    assert schedule_tranches(schedule) == tranches
    assert PRESETS[schedule] == tranches


def test_preset_shapes():
    standard = schedule_tranches("standard")
    # one cliff tranche then 36 monthly ones (months 13..48) of 1/48 each
    assert standard[0] == (12, 0.25)
    assert [m for m, _ in standard[1:]] == list(range(13, 49))
    assert all(f == pytest.approx(1 / 48) for _, f in standard[1:])
    quarterly = schedule_tranches("standard_quarterly")
    assert [m for m, _ in quarterly] == [12, *range(15, 49, 3)]
    no_cliff = schedule_tranches("quarterly_no_cliff")
    assert no_cliff == tuple((m, 1 / 16) for m in range(3, 49, 3))  # 16 tranches of 6.25%


def test_every_preset_adds_up_and_has_yearly_fractions():
    assert set(NAMED_SCHEDULES) == set(PRESETS)
    for name, tranches in PRESETS.items():
        assert math.fsum(f for _, f in tranches) == pytest.approx(1.0)
        assert vested_fraction(name, 48) == 1.0  # exact, not 0.9999...
        assert schedule_fractions(name) == NAMED_SCHEDULES[name]
    # amazon per year: 5, 15, then 20 + 20 in years 3 and 4
    assert NAMED_SCHEDULES["amazon"] == pytest.approx((0.05, 0.15, 0.4, 0.4))
    assert NAMED_SCHEDULES["quarterly_no_cliff"] == (0.25, 0.25, 0.25, 0.25)


def test_presets_cannot_be_changed():
    with pytest.raises(TypeError):
        PRESETS["standard"] = ((12, 1.0),)  # type: ignore[index]
    with pytest.raises(TypeError):
        NAMED_SCHEDULES["standard"] = (1.0,)  # type: ignore[index]


# --- custom tranches and per-year lists -------------------------------------------------------
def test_custom_tranche_list():
    schedule = [(6, 0.1), (12, 0.2), (12, 0.1), (24, 0.3), (36, 0.3)]
    # the two month-12 tranches merge: 0.2 + 0.1 = 0.3
    assert same_tranches(schedule_tranches(schedule), ((6, 0.1), (12, 0.3), (24, 0.3), (36, 0.3)))
    # 100,000 grant: 10,000 at 6; 40,000 by 12; 70,000 by 24; all by 36
    got = [vested_by_month(100_000, schedule, m) for m in (5, 6, 12, 23, 24, 36)]
    assert got == pytest.approx([0, 10_000, 40_000, 40_000, 70_000, 100_000])
    # per year: months 1..12 hold 6 and 12 (40%), 13..24 hold 24, 25..36 hold 36
    assert vesting_schedule(100_000, schedule) == pytest.approx((40_000, 30_000, 30_000))


def test_month_zero_and_long_schedules():
    # 10% on the start date counts in year 1; a tranche at month 60 makes a 5-year schedule
    schedule = ((0, 0.1), (60, 0.9))
    assert vested_fraction(schedule, 0) == pytest.approx(0.1)
    assert schedule_fractions(schedule) == pytest.approx((0.1, 0, 0, 0, 0.9))
    grant = EquityGrant("rsu", grant_value=10_000, schedule=schedule)
    assert grant.yearly() == pytest.approx((1_000, 0, 0, 0, 9_000))


def test_pairs_may_be_lists_and_whole_float_months():
    # as read from JSON: [month, fraction] lists; 12.0 is the whole number 12
    assert schedule_tranches([[12.0, 0.5], [24, 0.5]]) == ((12, 0.5), (24, 0.5))
    grant = EquityGrant("rsu", grant_value=1, schedule=[[12, 0.5], [24, 0.5]])
    assert grant.schedule == ((12, 0.5), (24, 0.5))


@pytest.mark.parametrize(
    ("schedule", "month", "fraction"),
    [
        ([0.2, 0.3, 0.5], 11, 0.0),  # each year's share at the end of that year
        ([0.2, 0.3, 0.5], 12, 0.2),
        ([0.2, 0.3, 0.5], 23, 0.2),
        ([0.2, 0.3, 0.5], 24, 0.5),
        ([0.2, 0.3, 0.5], 36, 1.0),
        ((0.5, 0.5), 200, 1.0),  # never more than the grant
    ],
)
def test_per_year_lists_keep_their_behaviour(schedule, month, fraction):
    assert vested_fraction(schedule, month) == pytest.approx(fraction)
    assert schedule_fractions(schedule) == tuple(schedule)  # returned as given
    assert schedule_tranches(schedule) == tuple((12 * (k + 1), f) for k, f in enumerate(schedule))


def test_yearly_pads_to_the_years_asked():
    grant = EquityGrant("rsu", grant_value=40_000, schedule="front_loaded")
    # 4-year schedule asked for 6 years: two zeros added; asked for 2: all 4 kept
    assert grant.yearly(years=6) == pytest.approx((16_000, 12_000, 8_000, 4_000, 0, 0))
    assert len(grant.yearly(years=2)) == 4
    assert grant.yearly() == grant.yearly(years=None)


# --- growth -----------------------------------------------------------------------------------
def test_growth_grows_each_tranche_to_its_month():
    grant = EquityGrant("rsu", grant_value=48_000, growth_rate=0.10)
    tranches = dict(grant.tranches())
    # month 12: 12,000 x 1.1 ** (12 / 12) = 13,200
    assert tranches[12] == pytest.approx(13_200)
    # month 18: 1,000 x 1.1 ** (18 / 12) = 1,000 x 1.1 ** 1.5
    assert tranches[18] == pytest.approx(1_000 * 1.1**1.5)
    # year 2: the monthly tranches at 13..24, each grown to its own month
    year_two = sum(1_000 * 1.1 ** (m / 12) for m in range(13, 25))
    assert grant.yearly()[1] == pytest.approx(year_two)
    # by month 18: the cliff plus six monthly tranches
    by_18 = 13_200 + sum(1_000 * 1.1 ** (m / 12) for m in range(13, 19))
    assert grant.vested_by_month(18) == pytest.approx(by_18)
    assert vested_by_month(48_000, "standard", 18, growth_rate=0.10) == pytest.approx(by_18)
    assert vesting_schedule(48_000, "standard", growth_rate=0.10)[0] == pytest.approx(13_200)
    # the grant value itself stays the grant-date value
    assert grant.value() == 48_000


def test_negative_growth_shrinks_later_tranches():
    # back_loaded 100,000 at -20% a year: 5,000 x 0.8 at 12, 15,000 x 0.64 at 24, ...
    yearly = vesting_schedule(100_000, "back_loaded", growth_rate=-0.2)
    assert yearly == pytest.approx((4_000, 9_600, 40_000 * 0.8**3, 40_000 * 0.8**4))


def test_growth_scenarios_fall_back_to_the_growth_rate():
    grant = EquityGrant(
        "rsu",
        grant_value=100_000,
        schedule="front_loaded",
        growth_rate=0.05,
        growth_scenarios={"bear": -0.2, "bull": 0.3},
    )
    # year 1 is 40,000 grown for one year
    assert grant.yearly("bear")[0] == pytest.approx(40_000 * 0.8)  # 32,000
    assert grant.yearly("base")[0] == pytest.approx(40_000 * 1.05)  # 42,000 (falls back)
    assert grant.yearly("bull")[0] == pytest.approx(40_000 * 1.3)  # 52,000
    # RSUs are worth something in every scenario, "zero" included (at the growth rate)
    assert grant.yearly("zero")[0] == pytest.approx(42_000)
    # by month 24 in the bull case: 40,000 x 1.3 + 30,000 x 1.3 ** 2
    assert grant.vested_by_month(24, "bull") == pytest.approx(52_000 + 30_000 * 1.69)
    assert grant.growth("bear") == -0.2
    assert grant.growth() == 0.05


def test_options_refuse_growth_and_keep_scenario_prices():
    with pytest.raises(InputError) as info:
        EquityGrant("option", shares=100, strike=1.0, scenarios={"base": 5.0}, growth_rate=0.1)
    assert info.value.field == "growth_rate"
    assert "scenarios" in info.value.rule
    with pytest.raises(InputError) as info:
        EquityGrant("option", shares=100, growth_scenarios={"bull": 0.2})
    assert info.value.field == "growth_scenarios"
    grant = EquityGrant("option", shares=100, strike=1.0, scenarios={"base": 5.0})
    # 100 x (5 - 1) = 400, a quarter a year, no growth; the zero scenario is worth nothing
    assert grant.yearly() == pytest.approx((100,) * 4)
    assert grant.growth("bull") == 0.0
    assert grant.tranches("zero")[0] == (12, 0.0)


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"growth_rate": -1.0}, "growth_rate"),  # the price would go to zero
        ({"growth_rate": 1.5}, "growth_rate"),
        ({"growth_rate": float("nan")}, "growth_rate"),
        ({"growth_rate": None}, "growth_rate"),
        ({"growth_scenarios": {"zero": 0.1}}, "growth_scenarios"),
        ({"growth_scenarios": {"moon": 0.1}}, "growth_scenarios"),
        ({"growth_scenarios": {"bull": 2.0}}, "growth_scenarios.bull"),
        ({"growth_scenarios": [0.1]}, "growth_scenarios"),
        ({"volatility": -0.1}, "volatility"),
        ({"volatility": 3.5}, "volatility"),
        ({"volatility": "high"}, "volatility"),
    ],
)
def test_growth_and_volatility_are_checked(kwargs, field):
    with pytest.raises(InputError) as info:
        EquityGrant("rsu", grant_value=1_000, **kwargs)
    assert info.value.field == field


def test_volatility_is_kept_for_later():
    assert EquityGrant("rsu", grant_value=1).volatility is None  # not stated
    assert EquityGrant("rsu", grant_value=1, volatility=0.4).volatility == 0.4


def test_growth_overflow_is_an_input_error_not_infinity():
    with pytest.raises(InputError) as info:
        vested_by_month(1.7e308, "back_loaded", 48, growth_rate=1.0)
    assert info.value.field == "grant_value"
    with pytest.raises(InputError):
        vesting_schedule(1.7e308, "back_loaded", growth_rate=1.0)


# --- a construction without traps -------------------------------------------------------------
def test_fields_after_kind_are_keyword_only():
    with pytest.raises(TypeError):
        EquityGrant("rsu", 400_000)  # type: ignore[misc]
    with pytest.raises(TypeError):
        RefresherPlan(40_000, "standard")  # type: ignore[misc]
    assert EquityGrant("rsu", grant_value=400_000).value() == 400_000
    assert EquityGrant().kind == "rsu"


# --- bad schedules ----------------------------------------------------------------------------
BAD_SCHEDULES = [
    [(12, 0.5), (24, 0.4)],  # sums to 90%
    [(12, 0.6), (24, 0.6)],  # sums to 120%
    [(24, 0.5), (12, 0.5)],  # months go backwards
    [(121, 1.0)],  # month past 120
    [(-1, 1.0)],  # month before the start
    [(12.5, 1.0)],  # not a whole month
    [(True, 1.0)],  # a flag is not a month
    [(12, -0.5), (24, 1.5)],  # negative fraction (and one above 1)
    [(12, float("nan"))],
    [(12,)],  # pair too short
    [(12, 0.5, 0.5)],  # pair too long
    [(12, 0.5), 0.5],  # pair mixed with a yearly fraction
    [("12", 1.0)],  # month as text
    [[12, "all"]],  # fraction as text
    ["ab"],  # text is not a pair
    [0.1] * 10 + [0.0],  # 11 yearly fractions
    [],
    "monthly",  # no such preset
    b"\x01",
    {"12": 1.0},
    7,
    None,
]


@pytest.mark.parametrize("schedule", BAD_SCHEDULES, ids=repr)
def test_bad_schedules_name_the_schedule(schedule):
    with pytest.raises(InputError) as info:
        schedule_tranches(schedule)
    assert info.value.field == "schedule"
    with pytest.raises(InputError) as info:
        RefresherPlan(1_000, schedule=schedule)
    assert info.value.field == "schedule"
    if schedule is not None:  # None on a grant means "not stated"
        with pytest.raises(InputError) as info:
            EquityGrant("rsu", grant_value=1_000, schedule=schedule)
        assert info.value.field == "schedule"


def test_schedule_errors_say_what_is_wrong():
    with pytest.raises(InputError, match="add up to 100%"):
        schedule_tranches([(12, 0.5), (24, 0.4)])
    with pytest.raises(InputError, match="backwards"):
        schedule_tranches([(24, 0.5), (12, 0.5)])
    with pytest.raises(InputError, match="between 0 and 120"):
        schedule_tranches([(121, 1.0)])
    with pytest.raises(InputError, match=r"\(month, fraction\) pair"):
        schedule_tranches([(12,)])


def test_a_sum_within_a_tenth_of_a_percent_is_accepted_as_given():
    # 33.3% x 3 = 99.9%: accepted, and vests 99.9% (fractions are not rescaled)
    assert vested_fraction([0.333, 0.333, 0.334], 36) == pytest.approx(1.0)
    assert vested_fraction([(12, 0.3333), (24, 0.3333), (36, 0.3333)], 36) == pytest.approx(0.9999)


# --- refreshers -------------------------------------------------------------------------------
def test_refreshers_yearly_without_growth():
    plan = RefresherPlan(40_000)  # quarterly, no cliff, first grant at month 12
    # year 1: nothing granted yet; year 2: the month-12 grant vests 4 x 1/16 = 10,000;
    # year 3: two grants vesting 10,000 each; year 4: three; year 5: four = a full 40,000
    assert plan.yearly(5) == pytest.approx((0, 10_000, 20_000, 30_000, 40_000))
    assert plan.yearly(4) == plan.yearly(5)[:4]


def test_refreshers_by_month():
    plan = RefresherPlan(40_000)
    # each tranche is 40,000 / 16 = 2,500; the month-12 grant vests at 15, 18, 21, 24, ...
    assert plan.vested_by_month(14) == 0
    assert plan.vested_by_month(15) == pytest.approx(2_500)
    assert plan.vested_by_month(24) == pytest.approx(10_000)
    # month 27: the first grant's 5th tranche plus the month-24 grant's 1st = 15,000
    assert plan.vested_by_month(27) == pytest.approx(15_000)
    assert same_tranches(
        plan.tranches(27), ((15, 2_500), (18, 2_500), (21, 2_500), (24, 2_500), (27, 5_000))
    )


def test_refreshers_with_growth_count_from_the_offer_start():
    plan = RefresherPlan(40_000, growth_rate=0.10)
    # the month-12 grant's tranche at month 15 is 2,500 x 1.1 ** (15 / 12)
    assert same_tranches(plan.tranches(15), ((15, 2_500 * 1.1 ** (15 / 12)),))
    year_two = sum(2_500 * 1.1 ** (m / 12) for m in (15, 18, 21, 24))
    assert plan.yearly(2) == pytest.approx((0, year_two))
    assert plan.vested_by_month(24) == pytest.approx(year_two)


def test_refreshers_on_other_schedules_and_start_months():
    # front-loaded grants from month 0: 40% of 10,000 at 12, 24, 36 (one per grant) ...
    plan = RefresherPlan(10_000, schedule="front_loaded", first_grant_month=0)
    # year 1: 4,000 (grant 0); year 2: 3,000 + 4,000; year 3: 2,000 + 3,000 + 4,000
    assert plan.yearly(3) == pytest.approx((4_000, 7_000, 9_000))
    custom = RefresherPlan(12_000, schedule=[(6, 0.5), (12, 0.5)], first_grant_month=6)
    # grant at 6 vests at 12 and 18; grant at 18 vests at 24 and 30
    assert same_tranches(custom.tranches(30), ((12, 6_000), (18, 6_000), (24, 6_000), (30, 6_000)))


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda: RefresherPlan(-1), "annual_value"),
        (lambda: RefresherPlan(float("inf")), "annual_value"),
        (lambda: RefresherPlan(1, first_grant_month=12.5), "first_grant_month"),
        (lambda: RefresherPlan(1, first_grant_month=-12), "first_grant_month"),
        (lambda: RefresherPlan(1, growth_rate=-1), "growth_rate"),
        (lambda: RefresherPlan(1).yearly(0), "years"),
        (lambda: RefresherPlan(1).vested_by_month(-1), "month"),
        (lambda: RefresherPlan(1).tranches(1.5), "horizon_months"),
        (lambda: RefresherPlan.from_dict({"annual_value": 1, "every": 6}), "refresher"),
        (lambda: RefresherPlan.from_dict({"schedule": "standard"}), "annual_value"),
        (lambda: RefresherPlan.from_dict([1]), "refresher"),
        (lambda: RefresherPlan(1e308, growth_rate=1.0).yearly(100), "annual_value"),
    ],
)
def test_refreshers_reject_bad_input(call, field):
    with pytest.raises(InputError) as info:
        call()
    assert info.value.field == field


# --- round trips ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "grant",
    [
        EquityGrant("rsu", grant_value=400_000, schedule="amazon", growth_rate=0.08),
        EquityGrant(
            "rsu",
            shares=100,
            price=50.0,
            schedule=((0, 0.1), (12, 0.4), (30, 0.5)),
            growth_rate=0.05,
            growth_scenarios={"bear": -0.1, "bull": 0.25},
            volatility=0.45,
        ),
        EquityGrant("rsu", grant_value=1_000, schedule=(0.2, 0.3, 0.5)),
        EquityGrant("option", shares=10, strike=1.0, scenarios={"base": 3.0}, volatility=0.9),
        EquityGrant("rsu", grant_value=1_000, schedule=None),
    ],
)
def test_grants_round_trip_through_json(grant):
    data = json.loads(json.dumps(grant.to_dict()))
    assert EquityGrant.from_dict(data) == grant


def test_grant_dict_shapes():
    grant = EquityGrant("rsu", grant_value=10, schedule=[(12, 0.5), (24, 0.5)], growth_rate=0.1)
    data = grant.to_dict()
    assert data["schedule"] == [[12, 0.5], [24, 0.5]]
    assert (data["growth_rate"], data["growth_scenarios"], data["volatility"]) == (0.1, {}, None)
    # an older saved grant without the new keys still loads, with no growth
    old = EquityGrant.from_dict({"kind": "rsu", "grant_value": 10, "schedule": "standard"})
    assert (old.growth_rate, old.growth_scenarios, old.volatility) == (0.0, {}, None)


@pytest.mark.parametrize(
    "plan",
    [
        RefresherPlan(40_000),
        RefresherPlan(25_000, schedule="standard", first_grant_month=24, growth_rate=0.07),
        RefresherPlan(10_000, schedule=(0.5, 0.5)),
        RefresherPlan(10_000, schedule=((3, 0.5), (6, 0.5)), first_grant_month=0),
    ],
)
def test_refresher_plans_round_trip_through_json(plan):
    data = json.loads(json.dumps(plan.to_dict()))
    assert RefresherPlan.from_dict(data) == plan


# --- properties -------------------------------------------------------------------------------
@st.composite
def tranche_schedules(draw: st.DrawFn) -> tuple[tuple[int, float], ...]:
    """Any valid schedule: sorted months 0..120 and positive weights scaled to add up to 1."""
    months = sorted(draw(st.lists(st.integers(0, 120), min_size=1, max_size=30)))
    weights = draw(st.lists(st.floats(0.01, 1.0), min_size=len(months), max_size=len(months)))
    total = sum(weights)
    return tuple((m, w / total) for m, w in zip(months, weights, strict=True))


VALUES = st.floats(0, 1e7)


@given(tranche_schedules(), VALUES)
def test_any_schedule_vests_the_whole_grant(schedule, value):
    last = max(48, schedule[-1][0])
    assert vested_by_month(value, schedule, last) == pytest.approx(value, rel=1e-9, abs=1e-6)
    assert sum(vesting_schedule(value, schedule)) == pytest.approx(value, rel=1e-9, abs=1e-6)
    assert math.fsum(f for _, f in schedule_tranches(schedule)) == pytest.approx(1.0)


@given(tranche_schedules(), VALUES, st.integers(0, 130), st.integers(0, 130))
def test_vested_never_goes_backwards(schedule, value, m1, m2):
    early, late = sorted((m1, m2))
    assert vested_by_month(value, schedule, early) <= vested_by_month(value, schedule, late)
    assert 0 <= vested_fraction(schedule, early) <= vested_fraction(schedule, late) <= 1


@given(tranche_schedules(), VALUES, st.floats(-0.9, 1.0))
def test_with_growth_the_years_add_up_to_everything_vested(schedule, value, growth):
    grant = EquityGrant("rsu", grant_value=value, schedule=schedule, growth_rate=growth)
    everything = grant.vested_by_month(schedule[-1][0])
    assert sum(grant.yearly()) == pytest.approx(everything, rel=1e-9, abs=1e-6)
    assert sum(v for _, v in grant.tranches()) == pytest.approx(everything, rel=1e-9, abs=1e-6)


@given(
    st.floats(0, 1e6),
    st.sampled_from(sorted(PRESETS)),
    st.integers(0, 36),
    st.floats(-0.5, 0.5),
    st.integers(1, 8),
)
def test_refresher_years_match_vesting_by_month(value, schedule, first, growth, years):
    plan = RefresherPlan(value, schedule=schedule, first_grant_month=first, growth_rate=growth)
    yearly = plan.yearly(years)
    assert len(yearly) == years
    assert sum(yearly) == pytest.approx(plan.vested_by_month(12 * years), rel=1e-9, abs=1e-6)
    assert plan.yearly(years + 1)[:years] == pytest.approx(yearly)
