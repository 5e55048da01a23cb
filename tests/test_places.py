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


@pytest.mark.parametrize(
    ("text", "code", "level"),
    [
        ("CA", "CA", 110.720),
        ("ca", "CA", 110.720),
        (" California ", "CA", 110.720),
        ("district of columbia", "DC", 109.901),
        ("Texas", "TX", 97.057),
    ],
)
def test_state_by_name_or_code(text, code, level):
    place = Place.state(text)
    assert (place.state_code, place.level) == (code, level)
    assert "BEA" in place.source


def test_unknown_state_names_it():
    with pytest.raises(InputError) as info:
        Place.state("Atlantis")
    assert info.value.field == "state"
    assert "Atlantis" in info.value.rule


def test_credit_line_names_bea_and_the_release():
    from calculator.places import RPP_CREDIT

    assert "Bureau of Economic Analysis" in RPP_CREDIT
    assert "2024" in RPP_CREDIT


def test_nominal_view_leaves_figures_as_paid_and_says_where():
    c = compare_offers(
        Offer("CA job", 120_000, currency="USD", place=Place.state("CA")),
        Offer("TX job", 100_000, currency="USD", place=Place.state("TX")),
        home_place=Place.state("TX"),  # ignored without the same-money view
        years=1,
    )
    assert c.totals[0].year_one == 120_000
    assert c.totals[0].place_note == "as paid in California"
    assert c.home_place is None
    assert c.view_label.startswith("nominal")


def test_same_money_asks_are_in_the_weaker_offers_own_money():
    # Texas 100,000 vs California 110,000 restated to Texas prices: 110,000 x 97.057 / 110.720
    # = 96,425.85; gap in Texas money 3,574.15, in California money x 110.720 / 97.057 = 4,077.29
    a = Offer("Texas", 100_000, currency="USD", place=Place.state("TX"))
    b = Offer("California", 110_000, currency="USD", place=Place.state("CA"))
    c = compare_offers(a, b, view="same_money", home_place=Place.state("TX"), years=1)
    sign_on = next(ask for ask in c.asks if ask.kind == "sign_on")
    assert sign_on.amount == pytest.approx(4_077.29, abs=0.01)
    assert c.gap == pytest.approx(3_574.15, abs=0.01)


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda: adjust_for_place(float("nan"), None, None), "amount"),
        (lambda: adjust_for_place(1, "CA", Place.state("TX")), "from_place"),
        (lambda: Place.custom("London", 0), "place.index"),
        (lambda: Place.custom("", 100), "place"),
        (lambda: Place.from_dict({"label": "London"}), "place"),
        (lambda: Place.from_dict("CA"), "place"),
    ],
)
def test_bad_place_input_names_the_field(call, field):
    with pytest.raises(InputError) as info:
        call()
    assert info.value.field == field
