"""What to say, filled with the user's figures (docs/domain.md sections 2 and 3)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculator.bands import SalaryBands
from calculator.counter import CounterRange, counter_range
from calculator.errors import InputError
from calculator.scripts import SCRIPT_TITLES, NegotiationScripts, negotiation_scripts

# docs/domain.md worked example: target 30,000, bottom line 28,000, top 40,000 -> 33,000 to 36,000
BANDS = SalaryBands(bottom_line=28_000, going_rate=30_000, top_salary=40_000, target=30_000)
COUNTER = counter_range(target=30_000, bottom_line=28_000, top_salary=40_000)

# Fragments that betray an unfilled template or a missing optional value.
BAD_FRAGMENTS = ("None", "{", "}", "  ", " .", " ,", " ;", " :", "at .", "the  role", "..")


def _all_text(scripts: NegotiationScripts) -> list[str]:
    return list(scripts.as_dict().values())


def _assert_clean(scripts: NegotiationScripts) -> None:
    for text in _all_text(scripts):
        for fragment in BAD_FRAGMENTS:
            assert fragment not in text, (fragment, text)
        assert text[0].isupper()
        assert text.endswith((".", "?")), text
        assert not re.search(r"\b(\w+) \1\b", text), text  # no doubled words


def test_scripts_without_optional_inputs():
    s = negotiation_scripts(BANDS, COUNTER)
    _assert_clean(s)
    assert "upper end" in s.expectations_first
    assert "What range" in s.expectations_first  # let them make the first offer
    assert s.pressed_for_figure == (
        "For roles like this one, I'm looking for around the mid-thirties: "
        "somewhere in the range of £33,000 to £36,000."
    )
    assert "in writing" in s.receiving_offer
    assert "by the end of this week" in s.receiving_offer
    assert "£33,000 to £36,000" in s.countering
    assert "package" in s.countering  # benefits as the second lever
    assert "£33,000 to £36,000" in s.declining
    for text in _all_text(s):
        assert "28,000" not in text  # the bottom line is never revealed


def test_scripts_with_every_optional_input():
    s = negotiation_scripts(
        BANDS,
        COUNTER,
        name="Sam",
        role="data analyst",
        company="Acme Ltd",
        offer_salary=27_000,
        reply_by=dt.date(2025, 11, 27),  # a Thursday
    )
    _assert_clean(s)
    assert s.expectations_first.startswith("Thank you, Sam, for asking.")
    assert "the data analyst role at Acme Ltd" in s.expectations_first
    assert "data analyst roles like this one" in s.pressed_for_figure
    assert "the offer of £27,000" in s.receiving_offer
    assert "by Thursday 27 November?" in s.receiving_offer
    assert s.countering.startswith("Thank you again, Sam, for the offer of £27,000.")
    # 27,000 is below the 28,000 bottom line
    assert "below what I need" in s.declining


@pytest.mark.parametrize(
    ("kwargs", "present", "absent"),
    [
        ({"company": "Acme"}, "the role at Acme", "the  role"),
        ({"role": "nurse"}, "the nurse role.", " at "),
        ({"name": "   "}, "Thank you for asking.", "Thank you, "),  # blank name ignored
        ({"role": "  senior   engineer "}, "the senior engineer role", "  "),
    ],
)
def test_partial_inputs_read_naturally(kwargs, present, absent):
    s = negotiation_scripts(BANDS, COUNTER, **kwargs)
    _assert_clean(s)
    assert present in s.expectations_first
    assert absent not in s.expectations_first


def test_offer_at_target_counters_on_the_package_not_the_salary():
    s = negotiation_scripts(BANDS, COUNTER, offer_salary=34_000)  # target is 30,000
    assert "wider package" in s.countering
    assert "£33,000" not in s.countering
    assert "doesn't quite work" in s.declining  # not below the minimum: no "below what I need"


def test_single_figure_range_and_other_currency():
    counter = CounterRange(low=31_000, high=31_000, precise_low=31_000, precise_high=31_000)
    s = negotiation_scripts(BANDS, counter, currency="usd")
    _assert_clean(s)
    assert "a salary of $31,000" in s.countering
    assert " to $" not in s.countering
    assert s.pressed_for_figure.endswith("around the low-thirties: $31,000.")


def test_as_dict_titles_in_order():
    s = negotiation_scripts(BANDS, COUNTER)
    assert list(s.as_dict()) == list(SCRIPT_TITLES.values())
    assert s.as_dict()["Declining politely"] == s.declining


@pytest.mark.parametrize(
    ("args", "kwargs", "field"),
    [
        ((None, COUNTER), {}, "bands"),
        ((BANDS, None), {}, "counter"),
        ((BANDS, {"low": 1}), {}, "counter"),
        ((BANDS, COUNTER), {"currency": "pounds"}, "currency"),
        ((BANDS, COUNTER), {"currency": None}, "currency"),
        ((BANDS, COUNTER), {"name": 5}, "name"),
        ((BANDS, COUNTER), {"role": ["x"]}, "role"),
        ((BANDS, COUNTER), {"company": 1.5}, "company"),
        ((BANDS, COUNTER), {"offer_salary": -1}, "offer_salary"),
        ((BANDS, COUNTER), {"offer_salary": float("nan")}, "offer_salary"),
        ((BANDS, COUNTER), {"offer_salary": "30000"}, "offer_salary"),
        ((BANDS, COUNTER), {"reply_by": "Friday"}, "reply_by"),
    ],
)
def test_negotiation_scripts_rejects(args, kwargs, field):
    with pytest.raises(InputError) as info:
        negotiation_scripts(*args, **kwargs)
    assert info.value.field == field


optional_text = st.none() | st.sampled_from(["", "  ", "Sam", "Dr Lee", "UX designer", "Acme & Co"])


@given(
    name=optional_text,
    role=optional_text,
    company=optional_text,
    offer=st.none() | st.floats(min_value=1, max_value=1e9),
    target=st.floats(min_value=1_000, max_value=1e7),
    reply_by=st.none() | st.dates(),
    currency=st.sampled_from(["GBP", "USD", "EUR"]),
)
def test_scripts_always_read_cleanly(name, role, company, offer, target, reply_by, currency):
    bands = SalaryBands(
        bottom_line=target * 0.9, going_rate=target, top_salary=target * 1.3, target=target
    )
    counter = counter_range(
        target=bands.target, bottom_line=bands.bottom_line, top_salary=bands.top_salary
    )
    s = negotiation_scripts(
        bands,
        counter,
        currency=currency,
        name=name,
        role=role,
        company=company,
        offer_salary=offer,
        reply_by=reply_by,
    )
    _assert_clean(s)


def test_amount_too_large_to_format_is_an_input_error():
    # Babel's Decimal formatting overflows from about 1e28; must surface as InputError
    bands = SalaryBands(bottom_line=1e30, going_rate=1e30, top_salary=1e30, target=1e30)
    counter = counter_range(target=1e30, bottom_line=1e30, top_salary=1e30)
    with pytest.raises(InputError) as info:
        negotiation_scripts(bands, counter)
    assert info.value.field == "counter"
