"""Pay periods, errors and money formatting: the pieces every other module builds on."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculator import InputError, format_money, from_annual, to_annual


@pytest.mark.parametrize(
    ("amount", "per", "kwargs", "expected"),
    [
        (20, "hour", {}, 20 * 37.5 * 52),  # 39,000: default 37.5 h x 52 weeks
        (20, "hour", {"hours_per_week": 40}, 41_600),  # OEWS convention, 2,080 hours
        (1_000, "week", {}, 52_000),
        (3_000, "month", {}, 36_000),
        (150, "day", {}, 150 * 260),  # 5 days x 52 weeks
        (45_000, "year", {}, 45_000),
    ],
)
def test_to_annual_known_cases(amount, per, kwargs, expected):
    assert to_annual(amount, per, **kwargs) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"amount": -1}, "amount"),
        ({"amount": math.inf}, "amount"),
        ({"amount": math.nan}, "amount"),
        ({"amount": 10, "per": "fortnight"}, "per"),
        ({"amount": 10, "per": "hour", "hours_per_week": 0}, "hours_per_week"),
        ({"amount": 10, "per": "hour", "hours_per_week": 101}, "hours_per_week"),
        ({"amount": 10, "per": "week", "weeks_per_year": 0}, "weeks_per_year"),
        ({"amount": "10"}, "amount"),
    ],
)
def test_to_annual_rejects_bad_input_naming_the_field(kwargs, field):
    with pytest.raises(InputError) as info:
        to_annual(**kwargs)
    assert info.value.field == field
    assert str(info.value).startswith(field)


@given(
    amount=st.floats(min_value=0, max_value=1e9),
    per=st.sampled_from(["hour", "day", "week", "month", "year"]),
    hours=st.floats(min_value=1, max_value=100),
)
def test_from_annual_inverts_to_annual(amount, per, hours):
    annual = to_annual(amount, per, hours_per_week=hours)
    assert from_annual(annual, per, hours_per_week=hours) == pytest.approx(amount)


def test_format_money_uses_babel_patterns():
    assert format_money(33_000) == "£33,000"
    assert format_money(33_000.4, "USD") == "$33,000"
    assert format_money(1_234.5, "GBP", decimals=2) == "£1,234.50"
    with pytest.raises(InputError):
        format_money(math.nan)
