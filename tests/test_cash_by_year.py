"""Cash by year (docs/domain.md section 5): bonus rates and fixed amounts that differ by year, a sign-on
paid in instalments, repaid in full or pro rata by months served."""

from __future__ import annotations

import numpy as np
import pytest

from calculator import (
    Bonus,
    InputError,
    Offer,
    SignOn,
    compare_offers,
    cumulative_value_grid,
    offer_years,
    value_if_leaving,
)


def test_retention_bonus_in_years_two_to_four():
    # 10% target on a flat 60,000 = 6,000 a year, plus 12,000 retention in years 2-4
    offer = Offer("A", 60_000, bonus=Bonus(0.10, amounts_by_year=(0, 12_000, 12_000, 12_000)))
    bonuses = [row["bonus"] for row in offer_years(offer, 5)]
    assert bonuses == pytest.approx([6_000, 18_000, 18_000, 18_000, 6_000])


def test_first_year_rate_then_the_target():
    # a guaranteed 20% in year one, then the 10% target; payout 50% applies to both
    offer = Offer("A", 50_000, bonus=Bonus(0.10, 0.5, rates_by_year=(0.20,)))
    bonuses = [row["bonus"] for row in offer_years(offer, 3)]
    assert bonuses == pytest.approx([5_000, 2_500, 2_500])


def test_sign_on_in_instalments_lands_in_its_years():
    sign_on = SignOn(20_000, 24, instalments=((0, 0.5), (12, 0.25), (24, 0.25)))
    offer = Offer("A", 50_000, sign_on=sign_on)
    assert [row["sign_on"] for row in offer_years(offer, 4)] == pytest.approx(
        [10_000, 5_000, 5_000, 0]
    )


@pytest.mark.parametrize(
    ("pro_rata", "month", "kept"),
    [
        (False, 11, 0.0),  # within 24 months: everything paid is repaid
        (False, 24, 20_000.0),  # all three instalments paid and kept
        # pro rata: 15,000 paid by month 12; earned 20,000 x 12/24 = 10,000 -> keep 10,000
        (True, 12, 10_000.0),
        # month 6: 10,000 paid, 20,000 x 6/24 = 5,000 earned
        (True, 6, 5_000.0),
    ],
)
def test_repayment_in_full_or_pro_rata(pro_rata, month, kept):
    sign_on = SignOn(20_000, 24, pro_rata, ((0, 0.5), (12, 0.25), (24, 0.25)))
    assert sign_on.kept_if_leaving_at(month) == pytest.approx(kept)


def test_leaving_early_counts_completed_years_retention():
    offer = Offer("A", 60_000, bonus=Bonus(0.0, amounts_by_year=(0, 12_000)))
    # 23 months: 60,000 x 23/12 = 115,000 base; no bonus year completed with a retention amount
    # (year 1's is 0; year 2 not completed)
    assert value_if_leaving(offer, 23) == pytest.approx(115_000)
    # 24 months: 120,000 + 12,000
    assert value_if_leaving(offer, 24) == pytest.approx(132_000)


def test_break_even_and_grid_agree_with_cash_by_year():
    weaker = Offer(
        "B",
        55_000,
        raise_rate=0.03,
        bonus=Bonus(0.05, rates_by_year=(0.15,), amounts_by_year=(0, 5_000)),
        sign_on=SignOn(8_000, 12, instalments=((0, 0.5), (12, 0.5))),
    )
    stronger = Offer("A", 70_000, bonus=Bonus(0.1))
    result = compare_offers(weaker, stronger, years=4)
    salary = result.break_even_salary
    closed = compare_offers(weaker.with_base_salary(salary), stronger, years=4)
    assert closed.totals[0].cumulative == pytest.approx(closed.totals[1].cumulative, abs=0.01)
    bases = np.array([40_000.0, 55_000.0, 90_000.0])
    for base, total in zip(bases, cumulative_value_grid(weaker, bases, 4), strict=True):
        direct = sum(sum(row.values()) for row in offer_years(weaker, 4, base_salary=base))
        assert total == pytest.approx(direct, abs=0.01)


@pytest.mark.parametrize(
    ("make", "field"),
    [
        (lambda: Bonus(0.1, rates_by_year=(6.0,)), "bonus.rates_by_year.1"),
        (lambda: Bonus(0.1, amounts_by_year=(0, -5)), "bonus.amounts_by_year.2"),
        (lambda: Bonus(0.1, amounts_by_year="lots"), "bonus.amounts_by_year"),
        (lambda: SignOn(1_000, instalments=((0, 0.5),)), "sign_on.instalments"),
        (lambda: SignOn(1_000, instalments=((12, 0.5), (0, 0.5))), "sign_on.instalments"),
        (lambda: SignOn(1_000, instalments=((0, 0.5, 1),)), "sign_on.instalments"),
    ],
)
def test_bad_cash_by_year_names_the_field(make, field):
    with pytest.raises(InputError) as info:
        make()
    assert info.value.field == field


def test_round_trip_through_dicts():
    offer = Offer(
        "A",
        50_000,
        bonus=Bonus(0.1, rates_by_year=(0.2,), amounts_by_year=(0, 1_000)),
        sign_on=SignOn(4_000, 12, True, ((0, 0.5), (6, 0.5))),
    )
    assert Offer.from_dict(offer.to_dict()) == offer
