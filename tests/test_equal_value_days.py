"""Equal-value asks in days close the gap exactly when pay rises (docs/domain.md section 6, issue 16 item 4):
a day is worth more each year, so days = gap / the sum over the years of one day's value."""

from __future__ import annotations

from dataclasses import replace

import pytest

from calculator import HomeWorking, Offer, TaxProfile, compare_offers


def _asks(result, name):
    return {ask.kind: ask for ask in result.asks if ask.offer == name}


def _average_base(base, raise_rate, years=4):
    return base * sum((1 + raise_rate) ** year for year in range(years)) / years


def _totals(*offers, years=4):
    return {t.name: t.cumulative for t in compare_offers(*offers, years=years).totals}


def test_holiday_ask_by_hand_with_a_five_percent_raise():
    # A2's base over 4 years: 50,000 x (1 + 1.05 + 1.1025 + 1.157625) = 215,506.25.
    # Holiday counts at days x base / 260 each year, so each total is base x (1 + 25/260):
    # gap = (224,000 - 215,506.25) x 285/260 = 9,310.4567.
    # One more day is worth 215,506.25 / 260 = 828.8702 over the 4 years:
    # 9,310.4567 / 828.8702 = 11.2327 days (the year-one day rate gave 9,310.46 / 4 / 192.31
    # = 12.10, which overshoots).
    a2 = Offer("A2", 50_000, raise_rate=0.05, holiday_days=25)
    b2 = Offer("B2", 56_000, holiday_days=25)
    asks = _asks(compare_offers(a2, b2, years=4), "A2")
    assert asks["sign_on"].amount == pytest.approx(9_310.4567, abs=1e-4)
    assert asks["holiday_days"].amount == pytest.approx(11.2327, abs=1e-4)
    assert round(asks["holiday_days"].amount, 2) == 11.23


@pytest.mark.parametrize("raise_rate", [0.0, 0.03, 0.05])
def test_holiday_days_plugged_back_in_close_the_gap_to_the_cent(raise_rate):
    # B pays 1,000 a year more than A's average base: a gap of about 4,400 over 4 years,
    # 5 or so days of A's pay (within the 15-day limit on a holiday ask)
    weaker = Offer("A", 50_000, raise_rate=raise_rate, holiday_days=25)
    leader = Offer("B", _average_base(50_000, raise_rate) + 1_000, holiday_days=25)
    days = _asks(compare_offers(weaker, leader, years=4), "A")["holiday_days"].amount
    assert 4 < days < 6
    closed = _totals(replace(weaker, holiday_days=25 + days), leader)
    assert closed["A"] == pytest.approx(closed["B"], abs=0.01)


@pytest.mark.parametrize("raise_rate", [0.0, 0.03, 0.05])
def test_home_working_days_plugged_back_in_close_the_gap_to_the_cent(raise_rate):
    # one home day a week saves 46 weeks x (12 + 40/60 x 30) = 1,472 a year (commute cost and
    # the time valued at 30 an hour); B pays 1,000 a year more than A's average base
    home = HomeWorking(1, commute_cost=12, commute_minutes=40, hourly_value=30)
    weaker = Offer("A", 55_000, raise_rate=raise_rate, holiday_days=25, home_working=home)
    leader = Offer(
        "B", _average_base(55_000, raise_rate) + 1_000, holiday_days=25, home_working=home
    )
    result = compare_offers(weaker, leader, years=4)
    assert result.leader.name == "B"
    more = _asks(result, "A")["home_working_days"].amount
    assert 0 < more <= 4
    stretched = replace(weaker, home_working=replace(home, days_per_week=1 + more))
    closed = _totals(stretched, leader)
    assert closed["A"] == pytest.approx(closed["B"], abs=0.01)


def test_home_working_ask_by_hand():
    # No raise: gap 4 x (54,000 - 52,000) = 8,000; one more home day a week is worth
    # 46 x 20 = 920 a year, 3,680 over 4 years: 8,000 / 3,680 = 2.1739 days (1 + 2.17 <= 5)
    weaker = Offer("A", 52_000, home_working=HomeWorking(1, commute_cost=20))
    leader = Offer("B", 54_000, home_working=HomeWorking(1, commute_cost=20))
    asks = _asks(compare_offers(weaker, leader, years=4), "A")
    assert asks["home_working_days"].amount == pytest.approx(8_000 / 3_680)


def test_no_home_working_ask_when_a_day_has_no_value_or_the_week_is_full():
    # valued as a share of pay, one more day changes nothing: no ask
    share = Offer("A", 50_000, home_working=HomeWorking(2, percent_of_salary=0.05))
    assert "home_working_days" not in _asks(compare_offers(share, Offer("B", 53_000)), "A")
    # 4.5 days already: 0.5 more cannot close a gap of 3,000 a year at 46 x 10 = 460 a day
    full = Offer("A", 50_000, home_working=HomeWorking(4.5, commute_cost=10))
    assert "home_working_days" not in _asks(compare_offers(full, Offer("B", 55_070)), "A")


@pytest.mark.parametrize("raise_rate", [0.0, 0.03, 0.05])
def test_after_tax_holiday_ask_closes_the_after_tax_gap(raise_rate):
    # holiday is not taxed here (not marked as a taxable benefit), so a day adds its full
    # value after tax too
    profile = TaxProfile("US", 2025, region="TX")
    weaker = Offer("A", 90_000, currency="USD", raise_rate=raise_rate, holiday_days=20, tax=profile)
    average = _average_base(90_000, raise_rate)
    leader = Offer("B", average + 2_000, currency="USD", holiday_days=20, tax=profile)
    result = compare_offers(weaker, leader, years=4)
    days = next(a.amount for a in result.asks_net if a.kind == "holiday_days")
    assert next(a.offer for a in result.asks_net if a.kind == "holiday_days") == "A"
    closed = compare_offers(replace(weaker, holiday_days=20 + days), leader, years=4)
    net = {t.name: t.cumulative_net for t in closed.totals}
    assert net["A"] == pytest.approx(net["B"], abs=0.01)
