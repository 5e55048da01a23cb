"""Where an offer sits and how to respond (docs/domain.md section 3)."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculator.bands import SalaryBands, salary_bands
from calculator.errors import InputError
from calculator.verdict import OfferAssessment, assess_offer

BANDS = SalaryBands(bottom_line=28_000, going_rate=30_000, top_salary=36_000, target=33_000)


@pytest.mark.parametrize(
    ("offer", "position", "gap_bottom", "gap_target", "reason"),
    [
        # 28,000 - 27,000 = 1,000 short of the bottom line; 33,000 - 27,000 = 6,000 short of target
        (27_000, "below_bottom_line", 1_000, 6_000, "The offer is £1,000 below your bottom line"),
        # exactly the bottom line counts as "between" (not below it)
        (28_000, "between", 0, 5_000, "matches your bottom line but is £5,000 short"),
        # 3,000 over the bottom line, 2,000 under the target
        (31_000, "between", -3_000, 2_000, "clears your bottom line by £3,000"),
        # exactly the target
        (33_000, "at_or_above_target", -5_000, 0, "The offer meets your target."),
        # 7,000 over the target
        (40_000, "at_or_above_target", -12_000, -7_000, "£7,000 above your target"),
    ],
)
def test_assess_offer_known_cases(offer, position, gap_bottom, gap_target, reason):
    a = assess_offer(offer, BANDS, currency="GBP")
    assert a.position == position
    assert a.gap_to_bottom_line == pytest.approx(gap_bottom)
    assert a.gap_to_target == pytest.approx(gap_target)
    assert reason in a.reason


@pytest.mark.parametrize(
    ("offer", "label", "response_words"),
    [
        (27_000, "Below your bottom line", ("decline", "counter", "minimum")),
        (31_000, "Between your bottom line and your target", ("range", "benefits")),
        (35_000, "At or above your target", ("accepting", "in writing", "time")),
    ],
)
def test_labels_and_responses(offer, label, response_words):
    a = assess_offer(offer, BANDS)
    assert a.label == label
    for word in response_words:
        assert word in a.response
    assert "£" not in a.reason  # no currency given: words only
    assert a.to_dict()["label"] == label


def test_target_raised_to_bottom_line_offer_at_it_is_at_target():
    bands = salary_bands(current_salary=35_000, going_rate=30_000)  # target raised to 35,000
    assert assess_offer(35_000, bands).position == "at_or_above_target"
    assert assess_offer(34_999, bands).position == "below_bottom_line"


@pytest.mark.parametrize(
    ("offer", "bands", "kwargs", "field"),
    [
        (0, BANDS, {}, "offer_salary"),
        (-1, BANDS, {}, "offer_salary"),
        (math.nan, BANDS, {}, "offer_salary"),
        (math.inf, BANDS, {}, "offer_salary"),
        ("31000", BANDS, {}, "offer_salary"),
        (None, BANDS, {}, "offer_salary"),
        (31_000, {"bottom_line": 1}, {}, "bands"),
        (31_000, None, {}, "bands"),
        (31_000, BANDS, {"currency": "pounds"}, "currency"),
        (31_000, BANDS, {"currency": 826}, "currency"),
    ],
)
def test_assess_offer_rejects(offer, bands, kwargs, field):
    with pytest.raises(InputError) as info:
        assess_offer(offer, bands, **kwargs)
    assert info.value.field == field


def test_assessment_validates_position():
    with pytest.raises(InputError):
        OfferAssessment("great", "x", "y", 0.0, 0.0)


@given(
    offer=st.floats(min_value=1, max_value=1e15),
    bottom=st.floats(min_value=0, max_value=1e15),
    extra=st.floats(min_value=0, max_value=1e15),
)
def test_position_matches_the_levels(offer, bottom, extra):
    target = max(bottom + extra, 1.0)
    bands = SalaryBands(bottom_line=bottom, going_rate=target, top_salary=target, target=target)
    a = assess_offer(offer, bands, currency="USD")
    assert math.isfinite(a.gap_to_bottom_line)
    assert math.isfinite(a.gap_to_target)
    assert a.gap_to_bottom_line == bottom - offer
    expected = (
        "below_bottom_line"
        if offer < bottom
        else "between"
        if offer < target
        else "at_or_above_target"
    )
    assert a.position == expected
    assert "None" not in a.reason


@given(
    bad=st.one_of(
        st.floats(max_value=0),
        st.just(math.nan),
        st.just(math.inf),
        st.text(max_size=5),
        st.none(),
        st.booleans(),
    )
)
def test_hostile_offer_raises_input_error_only(bad):
    with pytest.raises(InputError) as info:
        assess_offer(bad, BANDS)
    assert info.value.field == "offer_salary"


def test_amount_too_large_to_format_is_an_input_error():
    # Babel's Decimal formatting overflows from about 1e28; must surface as InputError
    bands = SalaryBands(bottom_line=1e30, going_rate=1e30, top_salary=1e30, target=1e30)
    with pytest.raises(InputError) as info:
        assess_offer(1.0, bands, currency="GBP")
    assert info.value.field == "offer_salary"
    assert assess_offer(1.0, bands).position == "below_bottom_line"  # words only: fine
