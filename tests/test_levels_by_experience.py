"""Levels by experience and starting point on BLS OEWS May 2025 figures (docs/domain.md section 1, issue 16).

Going rate and top salary by expertise follow the Department of Labor's OEWS-based wage levels:
beginner P17 / P50, intermediate P50 / P75, expert P67 / P90. With no current pay and no
personal minimum the bottom line is a market default: beginner P10, intermediate P25, expert
P50. Interpolation is linear between published percentiles: P17 = P10 + 7/15 x (P25 - P10),
P67 = P50 + 17/25 x (P75 - P50). The range to quote follows docs/domain.md section 2 (anchor 10%, width
10%, precise ends on steps of 250 kept within the top salary).
"""

from __future__ import annotations

import pytest

from app_pages.models import NumbersInput
from calculator import counter_range, salary_bands
from calculator.market import occupation_percentiles

# BLS OEWS May 2025, annual: P10, P25, P50, P75, P90.
SOFTWARE_US = {10: 82_460, 25: 105_210, 50: 135_980, 75: 171_980, 90: 214_670}
SOFTWARE_TX = {10: 82_600, 25: 103_350, 50: 132_150, 75: 162_530, 90: 183_680}
ACCOUNTANTS_US = {10: 56_020, 25: 67_020, 50: 83_680, 75: 109_810, 90: 144_090}
ACCOUNTANTS_TX = {10: 53_380, 25: 65_560, 50: 80_920, 75: 103_760, 90: 132_040}


@pytest.mark.parametrize(
    ("code", "state", "table"),
    [
        ("15-1252", None, SOFTWARE_US),
        ("15-1252", "Texas", SOFTWARE_TX),
        ("13-2011", None, ACCOUNTANTS_US),
        ("13-2011", "TX", ACCOUNTANTS_TX),
    ],
)
def test_the_figures_below_are_the_shipped_bls_data(code, state, table):
    assert occupation_percentiles(code, state).to_dict() == table


# (table, expertise, bottom line default, going rate, top salary, range low, range high)
CASES = [
    # Software Developers, US. Beginner: P10 82,460; P17 = 82,460 + 7/15 x 22,750 = 93,076.67;
    # top P50 135,980; target (93,076.67 + 135,980) / 2 = 114,528.33; low = min(x 1.10 =
    # 125,981.17, top) -> 126,000; high = min(x 1.20 = 137,434, 135,980) -> 135,750 (down).
    (SOFTWARE_US, "beginner", 82_460, 93_076.67, 135_980, 126_000, 135_750),
    # Intermediate: P25 105,210; P50 135,980; P75 171,980; target 153,980; low 169,378 ->
    # 169,500; high min(184,776, 171,980) = 171,980 -> 171,750.
    (SOFTWARE_US, "intermediate", 105_210, 135_980, 171_980, 169_500, 171_750),
    # Expert: P50 135,980; P67 = 135,980 + 17/25 x 36,000 = 160,460; P90 214,670; target
    # 187,565; low 206,321.50 -> 206,250; high min(225,078, 214,670) -> 214,500.
    (SOFTWARE_US, "expert", 135_980, 160_460, 214_670, 206_250, 214_500),
    # Software Developers, Texas. Beginner: P17 = 82,600 + 7/15 x 20,750 = 92,283.33; top
    # 132,150; target 112,216.67; low 123,438.33 -> 123,500; high min(134,660, 132,150) ->
    # 132,000.
    (SOFTWARE_TX, "beginner", 82_600, 92_283.33, 132_150, 123_500, 132_000),
    # Expert: P67 = 132,150 + 17/25 x 30,380 = 152,808.40; P90 183,680; target 168,244.20;
    # low min(185,068.62, 183,680) = 183,680 -> 183,500 (down, within the top); high = low.
    (SOFTWARE_TX, "expert", 132_150, 152_808.40, 183_680, 183_500, 183_500),
    # Accountants, US. Beginner: P17 = 56,020 + 7/15 x 11,000 = 61,153.33; top 83,680;
    # target 72,416.67; low 79,658.33 -> 79,750; high min(86,900, 83,680) -> 83,500.
    (ACCOUNTANTS_US, "beginner", 56_020, 61_153.33, 83_680, 79_750, 83_500),
    # Intermediate (the figures): target 96,745; low 106,419.50 -> 106,500;
    # high 109,810 -> 109,750.
    (ACCOUNTANTS_US, "intermediate", 67_020, 83_680, 109_810, 106_500, 109_750),
    # Expert: P67 = 83,680 + 17/25 x 26,130 = 101,448.40; P90 144,090; target 122,769.20;
    # low 135,046.12 -> 135,000; high min(147,323.04, 144,090) -> 144,000.
    (ACCOUNTANTS_US, "expert", 83_680, 101_448.40, 144_090, 135_000, 144_000),
    # Accountants, Texas. Beginner: P17 = 53,380 + 7/15 x 12,180 = 59,064; top 80,920; target
    # 69,992; low 76,991.20 -> 77,000; high min(83,990.40, 80,920) -> 80,750.
    (ACCOUNTANTS_TX, "beginner", 53_380, 59_064, 80_920, 77_000, 80_750),
    # Intermediate: P25 65,560; P50 80,920; P75 103,760; target 92,340; low 101,574 ->
    # 101,500; high min(110,808, 103,760) -> 103,750.
    (ACCOUNTANTS_TX, "intermediate", 65_560, 80_920, 103_760, 101_500, 103_750),
]


@pytest.mark.parametrize(("table", "expertise", "bottom", "going", "top", "low", "high"), CASES)
def test_levels_and_range_with_no_current_pay(table, expertise, bottom, going, top, low, high):
    bands = salary_bands(percentiles=table, expertise=expertise)
    assert bands.bottom_line == pytest.approx(bottom)
    assert bands.bottom_line_is_default
    assert bands.going_rate == pytest.approx(going, abs=0.01)
    assert bands.top_salary == pytest.approx(top)
    assert bands.target == pytest.approx((going + top) / 2, abs=0.01)
    counter = counter_range(
        target=bands.target, bottom_line=bands.bottom_line, top_salary=bands.top_salary
    )
    assert (counter.precise_low, counter.precise_high) == (low, high)


@pytest.mark.parametrize(
    ("expertise", "percentile", "meaning"),
    [
        ("beginner", 17, "P17: DOL Level I, entry"),
        ("intermediate", 50, "P50: DOL Level III, experienced"),
        ("expert", 67, "P67: DOL Level IV, fully competent"),
    ],
)
def test_each_going_rate_names_its_wage_level(expertise, percentile, meaning):
    bands = salary_bands(percentiles=ACCOUNTANTS_US, expertise=expertise)
    assert bands.going_rate_percentile == percentile
    assert meaning in bands.going_rate_source
    marks = {name: (p, label) for name, p, label, _ in bands.percentile_marks()}
    assert marks["Going rate"] == (percentile, meaning)


# --- starting points, through the Your numbers model ------------------------------------------


def _bands(numbers: NumbersInput, table):
    return salary_bands(**numbers.to_core(table).bands_args)


def test_working_now_starts_from_current_pay():
    # Accountant in Texas on 70,000 at 37.5 h moving to 40 h: 70,000 x 40 / 37.5 = 74,666.67;
    # intermediate: going rate P50 80,920, top P75 103,760
    numbers = NumbersInput(
        currency="USD", current_salary=70_000.0, new_hours=40.0, market_source="market"
    )
    bands = _bands(numbers, ACCOUNTANTS_TX)
    assert bands.bottom_line == pytest.approx(74_666.67, abs=0.01)
    assert not bands.bottom_line_is_default
    assert (bands.going_rate, bands.top_salary) == (80_920, 103_760)


def test_a_new_graduate_is_a_beginner_whatever_was_picked_before():
    # intermediate was picked and a salary typed while "working now"; as a graduate neither
    # counts: beginner levels, bottom line the market default P10 56,020
    numbers = NumbersInput(
        currency="USD",
        starting_point="graduate",
        current_salary=90_000.0,
        extra_travel_cost=5_000.0,
        expertise="intermediate",
        market_source="market",
    )
    assert numbers.current_annual() is None
    assert numbers.to_core(ACCOUNTANTS_US).missing == ()
    bands = _bands(numbers, ACCOUNTANTS_US)
    assert (bands.bottom_line, bands.top_salary) == (56_020, 83_680)
    assert bands.going_rate == pytest.approx(61_153.33, abs=0.01)
    assert bands.bottom_line_source.startswith("a market default: set your own minimum")
    assert bands.bottom_line_source == (
        "a market default: set your own minimum; market P10 (beginner)"
    )
    assert bands.notes == ()  # the unused travel cost says nothing: it was never asked


def test_a_graduate_with_a_minimum_gets_it_as_the_bottom_line():
    # minimum 50,000 (the graduate accountant), below the P10 56,020: still the
    # user's own figure, not the market's
    numbers = NumbersInput(
        currency="USD", starting_point="graduate", personal_minimum=50_000.0, market_source="market"
    )
    bands = _bands(numbers, ACCOUNTANTS_US)
    assert bands.bottom_line == 50_000
    assert bands.bottom_line_source == "your personal minimum"
    assert not bands.bottom_line_is_default


@pytest.mark.parametrize(
    ("expertise", "bottom", "top"),
    # a returner with only a going rate of 120,000 typed: 120,000 x 0.80 / 0.90 / 1.00 and
    # 120,000 x 1.10 / 1.20 / 1.35
    [
        ("beginner", 96_000, 132_000),
        ("intermediate", 108_000, 144_000),
        ("expert", 120_000, 162_000),
    ],
)
def test_a_returner_with_only_a_going_rate(expertise, bottom, top):
    numbers = NumbersInput(
        currency="USD", starting_point="returning", going_rate=120_000.0, expertise=expertise
    )
    bands = _bands(numbers, None)
    assert bands.bottom_line == pytest.approx(bottom)
    assert bands.top_salary == pytest.approx(top)
    assert "going rate x" in bands.bottom_line_source


def test_a_career_changer_in_a_state_market_keeps_their_expertise():
    # returning / changing career as an expert software developer in Texas: going rate P67
    # 152,808.40 (DOL Level IV), top P90 183,680, bottom line default P50 132,150
    numbers = NumbersInput(
        currency="USD", starting_point="returning", expertise="expert", market_source="market"
    )
    bands = _bands(numbers, SOFTWARE_TX)
    assert bands.bottom_line == 132_150
    assert bands.going_rate == pytest.approx(152_808.40)
    assert bands.top_salary == 183_680
