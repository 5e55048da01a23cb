"""Cost of living: BEA Regional Price Parities and the same-money view (issue 8)."""

from __future__ import annotations

import csv

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculator import InputError
from calculator._data import data_dir
from calculator.compare import compare_offers
from calculator.offers import Offer
from calculator.places import STATES, Place, adjust_for_place, price_level


def test_shipped_table_has_51_rows_with_known_values():
    with (data_dir() / "bea_rpp_state_2024.csv").open(newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 51 == len(STATES)
    assert price_level("California") == 110.720
    assert price_level("MS") == 86.953
    assert price_level("District of Columbia") == 109.901


def test_hand_worked_conversions():
    # 120,000 in California buys what 120,000 x 97.057 / 110.720 buys in Texas
    assert adjust_for_place(120_000, Place.state("CA"), Place.state("TX")) == pytest.approx(
        105_191.84, abs=0.01
    )
    # 100,000 in Mississippi in California prices: x 110.720 / 86.953
    assert adjust_for_place(100_000, Place.state("MS"), Place.state("CA")) == pytest.approx(
        127_333.16, abs=0.01
    )


def test_custom_index_works():
    london, manchester = Place.custom("London", 112), Place.custom("Manchester", 96)
    assert adjust_for_place(70_000, london, manchester) == pytest.approx(60_000)
    assert "you entered" in london.source


def test_missing_place_means_no_adjustment_and_says_so():
    c = compare_offers(
        Offer("CA job", 120_000, currency="USD", place=Place.state("CA")),
        Offer("Remote", 100_000, currency="USD"),
        view="same_money",
        home_place=Place.state("TX"),
        years=1,
    )
    by_name = {t.name: t for t in c.totals}
    assert by_name["Remote"].factor == 1.0
    assert "no place" in by_name["Remote"].place_note
    assert by_name["CA job"].year_one == pytest.approx(105_191.84, abs=0.01)
    assert "Texas" in c.view_label


def test_same_money_break_even_is_in_the_weaker_offers_own_money():
    # A: 100,000 in Texas -> 100,000 in Texas prices. B: 110,000 in California -> 96,425 there.
    a = Offer("Texas", 100_000, currency="USD", place=Place.state("TX"))
    b = Offer("California", 110_000, currency="USD", place=Place.state("CA"))
    c = compare_offers(a, b, view="same_money", home_place=Place.state("TX"), years=1)
    assert c.leader.name == "Texas"
    # California needs 100,000 x 110.720 / 97.057 = 114,077.29 in its own money
    assert c.break_even_salary == pytest.approx(100_000 * 110.720 / 97.057, abs=0.01)
    assert c.asks[0].text.startswith("California: raise the base salary to $114,077")


@pytest.mark.parametrize("bad", ["Atlantis", "", 5, None])
def test_unknown_state_is_an_input_error(bad):
    with pytest.raises(InputError):
        price_level(bad)


@given(
    st.floats(0, 1e7),
    st.sampled_from(STATES),
    st.sampled_from(STATES),
)
def test_there_and_back_returns_the_amount(amount, a, b):
    there = adjust_for_place(amount, Place.state(a), Place.state(b))
    assert adjust_for_place(there, Place.state(b), Place.state(a)) == pytest.approx(amount)


def test_place_round_trips():
    for place in (Place.state("CA"), Place.custom("London", 112.5)):
        assert Place.from_dict(place.to_dict()) == place
