"""The counter-range, its precise variant and the spoken phrase (docs/domain.md section 2)."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculator.counter import CounterRange, counter_range, round_precise, spoken_phrase
from calculator.errors import InputError


@pytest.mark.parametrize(
    ("kwargs", "low", "high"),
    [
        # docs/domain.md worked example: anchor 30,000 x 1.1 = 33,000; 30,000 x 1.2 = 36,000
        ({"target": 30_000, "bottom_line": 28_000, "top_salary": 40_000}, 33_000, 36_000),
        # top 34,000 caps the high end: min(36,000, 34,000)
        ({"target": 30_000, "bottom_line": 28_000, "top_salary": 34_000}, 33_000, 34_000),
        # top 31,000 below the anchor: low = max(30,000, 28,000, 31,000), high = low
        ({"target": 30_000, "bottom_line": 28_000, "top_salary": 31_000}, 31_000, 31_000),
        # top 29,000 below target: never below target, so 30,000 to 30,000
        ({"target": 30_000, "bottom_line": 28_000, "top_salary": 29_000}, 30_000, 30_000),
        # bottom line 34,000 above the anchor 33,000: low = 34,000, high = 36,000
        ({"target": 30_000, "bottom_line": 34_000, "top_salary": 40_000}, 34_000, 36_000),
        # bottom line 45,000 above the top 40,000: the range starts (and ends) at it
        ({"target": 30_000, "bottom_line": 45_000, "top_salary": 40_000}, 45_000, 45_000),
        # margins 5% + 5%: 40,000 x 1.05 = 42,000; x 1.10 = 44,000
        (
            {
                "target": 40_000,
                "bottom_line": 0,
                "top_salary": 60_000,
                "anchor_margin": 0.05,
                "range_width": 0.05,
            },
            42_000,
            44_000,
        ),
        # no anchor margin: 30,000 to 30,000 x 1.10 = 33,000
        (
            {"target": 30_000, "bottom_line": 0, "top_salary": 60_000, "anchor_margin": 0},
            30_000,
            33_000,
        ),
    ],
)
def test_counter_range_known_cases(kwargs, low, high):
    r = counter_range(**kwargs)
    assert (r.low, r.high) == pytest.approx((low, high))
    assert r.midpoint == pytest.approx((low + high) / 2)


def test_worked_example_in_full():
    r = counter_range(target=30_000, bottom_line=28_000, top_salary=40_000)
    assert (r.precise_low, r.precise_high) == (33_000, 36_000)
    assert r.midpoint == pytest.approx(34_500)
    assert r.phrase == "around the mid-thirties"
    assert r.warnings == ()
    assert r.formatted() == "£33,000 to £36,000"
    assert r.formatted("USD") == "$33,000 to $36,000"


@pytest.mark.parametrize(
    ("kwargs", "precise_low", "precise_high"),
    [
        # low 31,234 x 1.1 = 34,357.4 -> 137.43 steps -> 34,250;
        # high 31,234 x 1.2 = 37,480.8 -> 149.92 steps -> 37,500
        ({"target": 31_234, "bottom_line": 0, "top_salary": 50_000}, 34_250, 37_500),
        # low 30,100 would round to 30,000 < target: rounded up to 30,250 instead;
        # high 30,100 x 1.1 = 33,110 -> 33,000
        (
            {"target": 30_100, "bottom_line": 0, "top_salary": 50_000, "anchor_margin": 0},
            30_250,
            33_000,
        ),
        # bottom line 33,010 binds: 33,010 -> 33,000 is below it, so 33,250
        ({"target": 30_000, "bottom_line": 33_010, "top_salary": 50_000}, 33_250, 36_000),
        # low 33,110 -> 33,000; high 33,150 (the top) -> 33,250 would exceed the top, so 33,000
        ({"target": 30_100, "bottom_line": 0, "top_salary": 33_150}, 33_000, 33_000),
    ],
)
def test_precise_variant(kwargs, precise_low, precise_high):
    r = counter_range(**kwargs)
    assert (r.precise_low, r.precise_high) == (precise_low, precise_high)


@pytest.mark.parametrize(
    ("kwargs", "fragment"),
    [
        ({"target": 30_000, "bottom_line": 28_000, "top_salary": 29_000}, "top of the market"),
        ({"target": 30_000, "bottom_line": 28_000, "top_salary": 30_000}, "top of the market"),
        ({"target": 30_000, "bottom_line": 45_000, "top_salary": 40_000}, "no room to agree"),
        ({"target": 30_000, "bottom_line": 28_000, "top_salary": 31_000}, "single figure"),
    ],
)
def test_counter_warnings(kwargs, fragment):
    assert any(fragment in w for w in counter_range(**kwargs).warnings)


@pytest.mark.parametrize(
    ("amount", "step", "expected"),
    [
        (33_125, 250, 33_250),  # exact half rounds up
        (33_124.99, 250, 33_000),
        (33_000, 250, 33_000),
        (125, 250, 250),  # half up
        (124.99, 250, 0),
        (0, 250, 0),
        (63_700, 1_000, 64_000),
        (63_499, 1_000, 63_000),
    ],
)
def test_round_precise(amount, step, expected):
    assert round_precise(amount, step) == expected


@pytest.mark.parametrize(
    ("amount", "step", "field"),
    [
        (-1, 250, "amount"),
        (math.nan, 250, "amount"),
        ("1", 250, "amount"),
        (1, 0, "step"),
        (1.7e308, 1e-10, "amount"),  # amount / step overflows to infinity
    ],
)
def test_round_precise_rejects(amount, step, field):
    with pytest.raises(InputError) as info:
        round_precise(amount, step)
    assert info.value.field == field


@pytest.mark.parametrize(
    ("amount", "currency", "expected"),
    [
        (20_000, None, "around the low-twenties"),  # lower boundary of the decade rule
        (23_999, None, "around the low-twenties"),  # units digit 3
        (24_000, None, "around the mid-twenties"),  # units digit 4
        (26_999, None, "around the mid-twenties"),  # 6
        (27_000, None, "around the high-twenties"),  # 7
        (27_500, None, "around the high-twenties"),
        (29_999.99, None, "around the high-twenties"),
        (34_650, None, "around the mid-thirties"),  # docs/domain.md example
        (34_500, None, "around the mid-thirties"),  # worked example midpoint
        (45_500, None, "around the mid-forties"),
        (58_000, None, "around the high-fifties"),
        (61_000, None, "around the low-sixties"),
        (73_000, None, "around the low-seventies"),
        (85_000, None, "around the mid-eighties"),
        (99_999, None, "around the high-nineties"),
        (39_999.999999, None, "around the low-forties"),  # float noise is rounded to cents
        (100_000, None, "around 100k"),  # figure in thousands from 100,000
        (115_400, None, "around 115k"),
        (115_500, None, "around 116k"),  # nearest thousand, half up
        (1_250_000, None, "around 1,250k"),
        (18_500, None, "around 18,500"),  # below 20,000: the figure (nearest 100)
        (18_460, None, "around 18,500"),
        (12_345, None, "around 12,300"),
        (115_000, "GBP", "around £115k"),
        (18_500, "USD", "around $18,500"),
        (34_650, "GBP", "around the mid-thirties"),  # decade words carry no symbol
    ],
)
def test_spoken_phrase(amount, currency, expected):
    assert spoken_phrase(amount, currency) == expected


@pytest.mark.parametrize(
    ("amount", "currency", "field"),
    [
        (0, None, "amount"),
        (-5, None, "amount"),
        (math.nan, None, "amount"),
        (math.inf, None, "amount"),
        ("30k", None, "amount"),
        (None, None, "amount"),
        (30_000, "pounds", "currency"),
        (30_000, 826, "currency"),
    ],
)
def test_spoken_phrase_rejects(amount, currency, field):
    with pytest.raises(InputError) as info:
        spoken_phrase(amount, currency)
    assert info.value.field == field


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"target": 0}, "target"),
        ({"target": -1}, "target"),
        ({"target": math.nan}, "target"),
        ({"bottom_line": -1}, "bottom_line"),
        ({"bottom_line": None}, "bottom_line"),
        ({"top_salary": 0}, "top_salary"),
        ({"top_salary": "40000"}, "top_salary"),
        ({"anchor_margin": -0.1}, "anchor_margin"),
        ({"anchor_margin": 10}, "anchor_margin"),
        ({"range_width": math.inf}, "range_width"),
    ],
)
def test_counter_range_rejects_bad_input_naming_the_field(kwargs, field):
    base = {"target": 30_000, "bottom_line": 28_000, "top_salary": 40_000}
    with pytest.raises(InputError) as info:
        counter_range(**{**base, **kwargs})
    assert info.value.field == field


def test_counter_range_object_validates():
    with pytest.raises(InputError):
        CounterRange(low=36_000, high=33_000, precise_low=36_000, precise_high=36_000)
    with pytest.raises(InputError):
        CounterRange(low=math.nan, high=33_000, precise_low=33_000, precise_high=33_000)


# --- properties ------------------------------------------------------------------------------

amounts = st.floats(min_value=1, max_value=1e15)  # 1e15: huge but valid
fractions = st.floats(min_value=0, max_value=1)


@given(
    target=amounts,
    bottom=st.floats(min_value=0, max_value=1e15),
    top=amounts,
    margin=fractions,
    width=fractions,
)
def test_range_bounds(target, bottom, top, margin, width):
    r = counter_range(
        target=target, bottom_line=bottom, top_salary=top, anchor_margin=margin, range_width=width
    )
    least = max(target, bottom)
    values = (r.low, r.high, r.precise_low, r.precise_high, r.midpoint)
    assert all(math.isfinite(v) for v in values)
    # never below the target or the bottom line, exact or precise
    assert r.low >= least
    assert r.precise_low >= least
    assert r.low <= r.high
    assert r.precise_low <= r.precise_high
    # a top salary at or above both target and bottom line is never exceeded by the exact range
    if top >= least:
        assert r.high <= top
    # ... nor by the precise range, once the top leaves room for a 250 step above that floor
    if top >= 250 * math.ceil(least / 250):
        assert r.precise_high <= top
    # precise figures are multiples of 250 near the exact ones
    assert r.precise_low % 250 == 0
    assert r.precise_high % 250 == 0
    assert r.precise_low - r.low < 250
    assert abs(r.precise_high - max(r.high, r.precise_low)) <= 250
    assert r.phrase.startswith("around ")


hostile = st.one_of(
    st.floats(max_value=-1e-9),
    st.just(math.nan),
    st.just(math.inf),
    st.just(-math.inf),
    st.text(max_size=5),
    st.none(),
    st.booleans(),
)


@given(field=st.sampled_from(["target", "bottom_line", "top_salary"]), bad=hostile)
def test_hostile_amounts_raise_input_error_only(field, bad):
    base = {"target": 30_000, "bottom_line": 28_000, "top_salary": 40_000}
    with pytest.raises(InputError) as info:
        counter_range(**{**base, field: bad})
    assert info.value.field == field


@given(
    field=st.sampled_from(["anchor_margin", "range_width"]),
    bad=st.one_of(hostile, st.floats(min_value=1.0001, max_value=1e15)),
)
def test_hostile_rates_raise_input_error_only(field, bad):
    with pytest.raises(InputError) as info:
        counter_range(target=30_000, bottom_line=0, top_salary=40_000, **{field: bad})
    assert info.value.field == field


@given(st.floats(min_value=20_000, max_value=99_999))
def test_phrase_names_the_decade(amount):
    phrase = spoken_phrase(amount)
    decade_words = ["twenties", "thirties", "forties", "fifties"]
    decade_words += ["sixties", "seventies", "eighties", "nineties"]
    thousands = int(round(amount, 2) // 1000)
    assert phrase.endswith(decade_words[thousands // 10 - 2])
    band = "low" if thousands % 10 <= 3 else "mid" if thousands % 10 <= 6 else "high"
    assert f"the {band}-" in phrase
