"""Bottom line, going rate, top salary and target (docs/domain.md section 1)."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculator.bands import (
    DataPoint,
    SalaryBands,
    going_rate_from_points,
    interpolate_percentile,
    salary_bands,
    top_salary_from_percentiles,
)
from calculator.errors import InputError

MARKET = {25: 26_000, 50: 30_000, 75: 40_000, 90: 46_000}
HOSTILE = [-1, -0.01, math.nan, math.inf, -math.inf, "30000", None, [30_000], True]


# --- bottom line -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "expected", "source_word"),
    [
        # 30,000 x 37.5 / 37.5 = 30,000: same hours, nothing added
        ({"current_salary": 30_000}, 30_000, "current pay"),
        # 30,000 x 40 / 37.5 = 32,000 (brief's example)
        ({"current_salary": 30_000, "new_hours": 40}, 32_000, "40 hours"),
        # 30,000 x 35 / 37.5 = 28,000: shorter hours lower the bottom line
        ({"current_salary": 30_000, "new_hours": 35}, 28_000, "35 hours"),
        # 30,000 x 1.10 + 1,500 = 34,500: uplift on pay, travel added after
        (
            {"current_salary": 30_000, "responsibility_uplift": 0.10, "extra_travel_cost": 1_500},
            34_500,
            "responsibility",
        ),
        # 30,000 x 40/37.5 = 32,000; x 1.10 = 35,200; + 1,000 travel = 36,200
        (
            {
                "current_salary": 30_000,
                "new_hours": 40,
                "responsibility_uplift": 0.10,
                "extra_travel_cost": 1_000,
            },
            36_200,
            "travel",
        ),
        # 40,000 at 40 h moving to 37.5 h: 40,000 x 37.5 / 40 = 37,500
        (
            {"current_salary": 40_000, "current_hours": 40, "new_hours": 37.5},
            37_500,
            "37.5 hours",
        ),
        # new_hours defaults to current_hours: 40,000 x 40 / 40 = 40,000
        ({"current_salary": 40_000, "current_hours": 40}, 40_000, "current pay"),
        # personal minimum 33,000 beats 30,000
        ({"current_salary": 30_000, "personal_minimum": 33_000}, 33_000, "personal minimum"),
        # personal minimum 25,000 does not bind: 30,000 stays
        ({"current_salary": 30_000, "personal_minimum": 25_000}, 30_000, "current pay"),
        # no current salary: the personal minimum is the bottom line
        ({"personal_minimum": 27_000}, 27_000, "personal minimum"),
    ],
)
def test_bottom_line_known_cases(kwargs, expected, source_word):
    bands = salary_bands(going_rate=30_000, **kwargs)
    assert bands.bottom_line == pytest.approx(expected)
    assert source_word in bands.bottom_line_source


def test_notes_say_which_bound_set_the_bottom_line():
    binding = salary_bands(current_salary=30_000, personal_minimum=33_000, going_rate=30_000)
    assert any("personal minimum sets the bottom line" in n for n in binding.notes)
    loose = salary_bands(current_salary=30_000, personal_minimum=25_000, going_rate=30_000)
    assert any("current pay sets the bottom line" in n for n in loose.notes)


def test_adjustments_without_current_salary_are_noted_not_applied():
    bands = salary_bands(personal_minimum=27_000, extra_travel_cost=2_000, going_rate=30_000)
    assert bands.bottom_line == pytest.approx(27_000)
    assert any("no current salary" in n for n in bands.notes)


@pytest.mark.parametrize(
    ("expertise", "expected"),
    # only a going rate: 30,000 x 0.80 / 0.90 / 1.00 (docs/domain.md section 1)
    [("beginner", 24_000), ("intermediate", 27_000), ("expert", 30_000)],
)
def test_no_current_pay_nor_minimum_gives_a_market_default(expertise, expected):
    bands = salary_bands(going_rate=30_000, expertise=expertise)
    assert bands.bottom_line == pytest.approx(expected)
    assert bands.bottom_line_source.startswith("a market default: set your own minimum")
    assert bands.bottom_line_is_default
    assert bands.bottom_line_source.endswith(f"going rate x {expected / 30_000:.2f} ({expertise})")


@pytest.mark.parametrize(
    ("expertise", "expected", "p"),
    # MARKET: intermediate P25 26,000; expert P50 30,000 (a beginner's P17 is not in MARKET)
    [("intermediate", 26_000, 25), ("expert", 30_000, 50)],
)
def test_market_default_bottom_line_from_percentiles(expertise, expected, p):
    bands = salary_bands(percentiles=MARKET, expertise=expertise)
    assert bands.bottom_line == pytest.approx(expected)
    assert bands.bottom_line_percentile == p
    assert f"market P{p}" in bands.bottom_line_source


def test_market_default_bottom_line_short_of_the_data_is_kept_below_it():
    # beginner: going rate P17 = 40,000 + 7/15 x 15,000 = 47,000; bottom line P10 = 40,000
    known = {10: 40_000, 25: 55_000, 50: 60_000}
    assert salary_bands(percentiles=known, expertise="beginner").bottom_line == 40_000
    # without P10: going rate 0.80 x 52,000 (typed) = 41,600, kept at or below P25 55,000
    bands = salary_bands(going_rate=52_000, percentiles={25: 55_000, 50: 60_000})
    assert bands.expertise == "intermediate"  # P25 is known: 55,000
    assert bands.bottom_line == 55_000
    low = salary_bands(
        going_rate=52_000, percentiles={25: 55_000, 50: 60_000}, expertise="beginner"
    )
    assert low.bottom_line == pytest.approx(41_600)  # 52,000 x 0.80 <= P25
    assert any("P10" in n for n in low.notes)


def test_a_personal_minimum_replaces_the_market_default():
    bands = salary_bands(going_rate=30_000, personal_minimum=25_000, expertise="beginner")
    assert bands.bottom_line == 25_000  # not 30,000 x 0.80 = 24,000
    assert not bands.bottom_line_is_default


# --- going rate ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "expected", "source"),
    [
        # explicit going rate wins over everything else
        (
            {"going_rate": 31_000, "percentiles": MARKET, "points": [20_000]},
            31_000,
            "you entered it",
        ),
        # market P50 (intermediate: DOL Level III) wins over points
        (
            {"percentiles": MARKET, "points": [20_000]},
            30_000,
            "market P50: DOL Level III, experienced (intermediate)",
        ),
        # P50 interpolated halfway between P25 26,000 and P75 40,000 = 33,000
        (
            {"percentiles": {25: 26_000, 75: 40_000}},
            33_000,
            "market P50: DOL Level III, experienced (intermediate, interpolated)",
        ),
        # expert: P67 = 30,000 + 17/25 x (40,000 - 30,000) = 36,800 (DOL Level IV)
        (
            {"percentiles": MARKET, "expertise": "expert"},
            36_800,
            "market P67: DOL Level IV, fully competent (expert, interpolated)",
        ),
        # odd count: middle of 28,000 / 30,000 / 35,000
        ({"points": [35_000, 28_000, 30_000]}, 30_000, "median of 3 figures you collected"),
        # even count: (30,000 + 34,000) / 2 = 32,000
        ({"points": [28_000, 40_000, 30_000, 34_000]}, 32_000, "median of 4 figures"),
        # percentiles that miss P50 fall through to the points
        ({"percentiles": {75: 40_000, 90: 46_000}, "points": [29_000]}, 29_000, "one figure"),
    ],
)
def test_going_rate_precedence(kwargs, expected, source):
    bands = salary_bands(current_salary=25_000, **kwargs)
    assert bands.going_rate == pytest.approx(expected)
    assert source in bands.going_rate_source


def test_going_rate_missing_is_an_error():
    with pytest.raises(InputError) as info:
        salary_bands(current_salary=30_000)
    assert info.value.field == "going_rate"
    with pytest.raises(InputError) as info:
        salary_bands(current_salary=30_000, percentiles={75: 40_000})
    assert info.value.field == "going_rate"


# --- points ----------------------------------------------------------------------------------


def test_points_summary_hand_checked():
    # sorted 10k..50k, n = 5, position (n-1) p / 100:
    # P10 at 0.4 -> 10,000 + 0.4 x 10,000 = 14,000; P25 at 1 -> 20,000; P50 at 2 -> 30,000;
    # P75 at 3 -> 40,000; P90 at 3.6 -> 40,000 + 0.6 x 10,000 = 46,000
    s = going_rate_from_points([50_000, 10_000, 30_000, 20_000, 40_000])
    assert s.count == 5
    assert s.percentiles == pytest.approx(
        {10: 14_000, 25: 20_000, 50: 30_000, 75: 40_000, 90: 46_000}
    )
    assert (s.low, s.high, s.spread, s.iqr, s.median) == pytest.approx(
        (10_000, 50_000, 40_000, 20_000, 30_000)
    )
    assert s.notes == ()


def test_single_point_has_zero_spread_and_a_note():
    s = going_rate_from_points([31_000])
    assert (s.spread, s.iqr, s.median) == (0, 0, 31_000)
    assert "thin evidence" in s.notes[0]


def test_points_mix_floats_and_data_points():
    # 18/h x 37.5 x 52 = 35,100; 3,000/month x 12 = 36,000; median of 34,000/35,100/36,000
    s = going_rate_from_points([34_000, DataPoint(18, "hour"), DataPoint(3_000, "month")])
    assert s.median == pytest.approx(35_100)


@pytest.mark.parametrize("points", [[], "30000", 30_000, None, [30_000, -1], [math.nan], ["1"]])
def test_bad_points_rejected(points):
    with pytest.raises(InputError) as info:
        going_rate_from_points(points)
    assert info.value.field == "points"


@given(st.lists(st.floats(min_value=1, max_value=1e7), min_size=1, max_size=30))
def test_points_percentiles_match_numpy_linear(values):
    s = going_rate_from_points(values)
    for p, value in s.percentiles.items():
        assert value == pytest.approx(float(np.percentile(values, p)), rel=1e-9)
    assert s.low <= s.percentiles[10] <= s.median <= s.percentiles[90] <= s.high


# --- DataPoint -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("point", "annual"),
    [
        (DataPoint(18, "hour"), 35_100),  # 18 x 37.5 x 52
        (DataPoint(20, "hour", hours_per_week=40), 41_600),  # 20 x 2,080
        (DataPoint(3_000, "month"), 36_000),  # x 12
        (DataPoint(700, "week", label="ad"), 36_400),  # x 52
        (DataPoint(32_000), 32_000),
    ],
)
def test_data_point_annual(point, annual):
    assert point.annual == pytest.approx(annual)
    assert DataPoint.from_dict(point.to_dict()) == point


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"amount": -5}, "amount"),
        ({"amount": 0}, "amount"),
        ({"amount": "5"}, "amount"),
        ({}, "amount"),
        ({"amount": 5, "per": "fortnight"}, "per"),
        ({"amount": 5, "per": "hour", "hours_per_week": 0}, "hours_per_week"),
        ({"amount": 5, "label": 3}, "label"),
        ({"amount": 5, "colour": "red"}, "data_point"),
    ],
)
def test_data_point_rejects_bad_input(data, field):
    with pytest.raises(InputError) as info:
        DataPoint.from_dict(data)
    assert info.value.field == field


# --- percentiles and top salary --------------------------------------------------------------


@pytest.mark.parametrize(
    ("percentiles", "p", "expected"),
    [
        ({50: 30_000, 75: 40_000}, 60, 34_000),  # 30,000 + 10/25 x 10,000
        ({50: 30_000, 75: 40_000}, 50, 30_000),  # exactly at the lower end
        ({50: 30_000, 75: 40_000}, 75, 40_000),  # exactly at the upper end
        (MARKET, 90, 46_000),
        (MARKET, 80, 42_000),  # 40,000 + 5/15 x 6,000
        ({50: 30_000}, 50, 30_000),  # a single known percentile, asked exactly
    ],
)
def test_interpolate_percentile(percentiles, p, expected):
    assert interpolate_percentile(percentiles, p) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("percentiles", "p", "field"),
    [
        ({50: 30_000, 75: 40_000}, 90, "percentile"),  # above the known range
        ({50: 30_000, 75: 40_000}, 25, "percentile"),  # below it
        ({50: 30_000, 75: 40_000}, 0, "percentile"),
        ({50: 30_000, 75: 40_000}, math.nan, "percentile"),
        ({50: 30_000, 75: 20_000}, 60, "percentiles"),  # decreasing
        ({0: 30_000}, 0, "percentiles"),  # key out of 1..99
        ({100: 30_000}, 50, "percentiles"),
        ({50: -1}, 50, "percentiles"),
        ({50: math.inf}, 50, "percentiles"),
        ({"fifty": 30_000}, 50, "percentiles"),
        ({}, 50, "percentiles"),
        ([30_000], 50, "percentiles"),
    ],
)
def test_interpolate_percentile_rejects(percentiles, p, field):
    with pytest.raises(InputError) as info:
        interpolate_percentile(percentiles, p)
    assert info.value.field == field


@pytest.mark.parametrize(
    ("expertise", "expected"),
    [
        ("beginner", 30_000),  # P50
        ("intermediate", 40_000),  # P75
        ("expert", 46_000),  # P90
    ],
)
def test_top_salary_from_percentiles(expertise, expected):
    assert top_salary_from_percentiles(MARKET, expertise) == pytest.approx(expected)
    # MARKET starts at P25, short of a beginner's going rate (P17): typed here
    bands = salary_bands(
        current_salary=28_000, going_rate=29_000, percentiles=MARKET, expertise=expertise
    )
    assert bands.top_salary == pytest.approx(expected)
    assert bands.top_salary_source.startswith("market P")


def test_market_short_of_the_going_rate_percentile_names_it():
    with pytest.raises(InputError) as info:
        salary_bands(current_salary=28_000, percentiles=MARKET, expertise="beginner")
    assert info.value.field == "going_rate"
    assert "P17" in info.value.rule


@pytest.mark.parametrize(
    ("expertise", "expected"),
    [("beginner", 33_000), ("intermediate", 36_000), ("expert", 40_500)],  # 30,000 x 1.10/1.20/1.35
)
def test_top_salary_from_going_rate_multiplier(expertise, expected):
    bands = salary_bands(current_salary=28_000, going_rate=30_000, expertise=expertise)
    assert bands.top_salary == pytest.approx(expected)
    assert "going rate x" in bands.top_salary_source


def test_top_salary_from_points_percentiles():
    # sorted 28, 31, 33, 35, 40 (thousands); P75 at position 3 = 35,000;
    # P90 at 3.6 = 35,000 + 0.6 x 5,000 = 38,000
    pts = [33_000, 28_000, 40_000, 31_000, 35_000]
    assert salary_bands(current_salary=25_000, points=pts).top_salary == pytest.approx(35_000)
    expert = salary_bands(current_salary=25_000, points=pts, expertise="expert")
    assert expert.top_salary == pytest.approx(38_000)
    assert "5 figures you collected" in expert.top_salary_source


def test_too_few_points_fall_back_to_multiplier():
    # two figures: median 31,000, top = 31,000 x 1.20 = 37,200
    bands = salary_bands(current_salary=25_000, points=[30_000, 32_000])
    assert bands.top_salary == pytest.approx(37_200)
    assert any("multiplier" in n for n in bands.notes)


def test_percentiles_short_of_p90_fall_back_with_note():
    # expert needs P90; {25, 50, 75} does not reach it. Going rate P67 = 30,000 + 17/25 x
    # 10,000 = 36,800; top = 36,800 x 1.35 = 49,680 (above P75 40,000, so kept)
    bands = salary_bands(
        current_salary=25_000, percentiles={25: 26_000, 50: 30_000, 75: 40_000}, expertise="expert"
    )
    assert bands.top_salary == pytest.approx(49_680)
    assert bands.top_salary_percentile is None
    assert any("P90" in n for n in bands.notes)


def test_fallback_kept_within_known_percentiles():
    # expert needs P90; known P75 is 45,000, above 30,000 x 1.35 = 40,500: a P90 cannot sit
    # below P75, so the top salary is 45,000
    bands = salary_bands(
        current_salary=25_000,
        going_rate=30_000,
        percentiles={50: 30_000, 75: 45_000},
        expertise="expert",
    )
    assert bands.top_salary == pytest.approx(45_000)
    # beginner needs P60; known P70 is 31,000, below 30,000 x 1.10 = 33,000: capped at 31,000
    low = salary_bands(
        current_salary=25_000,
        going_rate=30_000,
        percentiles={70: 31_000, 90: 40_000},
        expertise="beginner",
    )
    assert low.top_salary == pytest.approx(31_000)


# --- target and warnings ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "expected", "source"),
    [
        # midpoint of going rate 30,000 and top 36,000
        ({"current_salary": 28_000}, 33_000, "midpoint"),
        ({"current_salary": 28_000, "target": 34_500}, 34_500, "you entered it"),
        # user's 29,000 is below the 31,000 bottom line: raised to it
        ({"current_salary": 31_000, "target": 29_000}, 31_000, "raised"),
        # midpoint 33,000 is below the 35,000 bottom line: raised
        ({"current_salary": 35_000}, 35_000, "raised"),
    ],
)
def test_target(kwargs, expected, source):
    bands = salary_bands(going_rate=30_000, **kwargs)
    assert bands.target == pytest.approx(expected)
    assert source in bands.target_source


def test_levels_out_of_order_are_warnings_not_errors():
    # bottom line 45,000 above top 36,000
    bands = salary_bands(current_salary=45_000, going_rate=30_000)
    assert bands.bottom_line > bands.top_salary
    assert any("no room to agree" in w for w in bands.warnings)
    # bottom line 32,000 above going rate 30,000 but below top 36,000
    mid = salary_bands(current_salary=32_000, going_rate=30_000)
    assert any("above the going rate" in w for w in mid.warnings)
    calm = salary_bands(current_salary=28_000, going_rate=30_000)
    assert calm.warnings == ()


def test_salary_bands_to_dict():
    d = salary_bands(current_salary=28_000, going_rate=30_000).to_dict()
    assert d["bottom_line"] == 28_000
    assert d["top_salary"] == pytest.approx(36_000)
    assert d["expertise"] == "intermediate"
    assert isinstance(d["notes"], list)


def test_salary_bands_validates_direct_construction():
    with pytest.raises(InputError):
        SalaryBands(bottom_line=-1, going_rate=30_000, top_salary=36_000, target=33_000)
    with pytest.raises(InputError):
        SalaryBands(bottom_line=1, going_rate=30_000, top_salary=36_000, target=0)


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"current_salary": 0}, "current_salary"),
        ({"current_hours": 0}, "current_hours"),
        ({"current_hours": 101}, "current_hours"),
        ({"new_hours": 0.5}, "new_hours"),
        ({"extra_travel_cost": -1}, "extra_travel_cost"),
        ({"responsibility_uplift": 1.5}, "responsibility_uplift"),
        ({"responsibility_uplift": -0.1}, "responsibility_uplift"),
        ({"personal_minimum": -1}, "personal_minimum"),
        ({"going_rate": 0}, "going_rate"),
        ({"target": 0}, "target"),
        ({"expertise": "guru"}, "expertise"),
        ({"percentiles": {50: 30_000, 75: 1}}, "percentiles"),
        ({"points": [1, -1]}, "points"),
    ],
)
def test_salary_bands_rejects_bad_input_naming_the_field(kwargs, field):
    base = {"current_salary": 30_000, "going_rate": 30_000}
    with pytest.raises(InputError) as info:
        salary_bands(**{**base, **kwargs})
    assert info.value.field == field


_OPTIONAL = ("current_salary", "personal_minimum", "going_rate", "target", "new_hours")
_REQUIRED = ("current_hours", "extra_travel_cost", "responsibility_uplift")


@pytest.mark.parametrize(
    ("name", "bad"),
    [(n, b) for n in _OPTIONAL for b in HOSTILE if b is not None]
    + [(n, b) for n in _REQUIRED for b in HOSTILE],
)
def test_salary_bands_hostile_values_raise_input_error_only(name, bad):
    base = {"current_salary": 30_000, "going_rate": 30_000}
    with pytest.raises(InputError) as info:
        salary_bands(**{**base, name: bad})
    assert info.value.field == name


# --- properties ------------------------------------------------------------------------------

money = st.floats(min_value=1, max_value=1e15)  # 1e15: huge but valid, must stay finite
hours = st.floats(min_value=1, max_value=100)


@st.composite
def monotone_percentiles(draw):
    keys = sorted(draw(st.sets(st.integers(1, 99), min_size=1, max_size=6)) | {50})
    start = draw(st.floats(min_value=1, max_value=1e6))
    steps = draw(st.lists(st.floats(0, 1e5), min_size=len(keys), max_size=len(keys)))
    values, total = [], start
    for step in steps:
        total += step
        values.append(total)
    return dict(zip(keys, values, strict=True))


@given(
    current=st.none() | money,
    minimum=st.none() | st.floats(min_value=0, max_value=1e9),
    going=st.none() | money,
    pct=st.none() | monotone_percentiles(),
    pts=st.none() | st.lists(money, min_size=1, max_size=8),
    now=hours,
    new=st.none() | hours,
    travel=st.floats(min_value=0, max_value=1e6),
    uplift=st.floats(min_value=0, max_value=1),
    target=st.none() | money,
)
def test_bands_finite_and_target_never_below_bottom_line(
    current, minimum, going, pct, pts, now, new, travel, uplift, target
):
    kwargs = {
        "current_salary": current,
        "personal_minimum": minimum,
        "going_rate": going,
        "percentiles": pct,
        "points": pts,
        "current_hours": now,
        "new_hours": new,
        "extra_travel_cost": travel,
        "responsibility_uplift": uplift,
        "target": target,
    }
    # the default (intermediate) going rate is P50, which every drawn table holds
    if going is None and pct is None and pts is None:
        with pytest.raises(InputError) as info:
            salary_bands(**kwargs)
        assert info.value.field == "going_rate"
        return
    bands = salary_bands(**kwargs)
    assert bands.bottom_line_is_default == (current is None and minimum is None)
    values = (bands.bottom_line, bands.going_rate, bands.top_salary, bands.target)
    assert all(math.isfinite(v) for v in values)
    assert bands.target >= bands.bottom_line
    if minimum is not None:
        assert bands.bottom_line >= minimum
    if (bands.bottom_line > bands.top_salary) != any("no room" in w for w in bands.warnings):
        raise AssertionError(bands)


@given(
    going=st.none() | money,
    pct=st.none() | monotone_percentiles(),
    pts=st.none() | st.lists(money, min_size=1, max_size=8),
)
def test_top_salary_non_decreasing_with_expertise(going, pct, pts):
    # every level needs a going rate: typed, collected, or market percentiles reaching P17
    # (beginner) and P67 (expert); mixing market and collected figures is left out (the app
    # takes one source at a time)
    if pct is not None and not min(pct) <= 17 <= 67 <= max(pct):
        going = 30_000.0 if going is None else going
    if going is None and pct is None and pts is None:
        going = 30_000.0
    tops = [
        salary_bands(
            current_salary=10_000, going_rate=going, percentiles=pct, points=pts, expertise=e
        ).top_salary
        for e in ("beginner", "intermediate", "expert")
    ]
    assert tops[0] <= tops[1] * (1 + 1e-12)
    assert tops[1] <= tops[2] * (1 + 1e-12)


hostile = st.one_of(
    st.floats(max_value=-1e-9),
    st.just(math.nan),
    st.just(math.inf),
    st.just(-math.inf),
    st.text(max_size=5),
    st.booleans(),
    st.lists(st.integers(), max_size=2),
)


@given(
    field=st.sampled_from(["current_salary", "going_rate", "target", "personal_minimum"]),
    bad=hostile,
)
def test_hostile_amounts_raise_input_error(field, bad):
    base = {"current_salary": 30_000, "going_rate": 30_000}
    with pytest.raises(InputError) as info:
        salary_bands(**{**base, field: bad})
    assert info.value.field == field


@given(bad=st.one_of(hostile, st.just(1e15), st.just(0), st.integers(min_value=101)))
def test_hostile_hours_raise_input_error(bad):
    with pytest.raises(InputError) as info:
        salary_bands(current_salary=30_000, going_rate=30_000, new_hours=bad)
    assert info.value.field == "new_hours"
