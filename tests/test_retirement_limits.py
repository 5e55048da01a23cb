"""US 401(k) limits in the match (docs/domain.md section 4): pay counted up to IRC 401(a)(17), the
employee's deferral up to IRC 402(g), per tax year; an unstated employee rate is the match cap."""

from __future__ import annotations

import numpy as np
import pytest

from calculator import (
    Offer,
    Pension,
    TaxProfile,
    compare_offers,
    cumulative_value_grid,
    employer_pension,
    pension_value,
    questions_to_ask,
    retirement_limits,
    value_benefits,
)


@pytest.mark.parametrize(
    ("year", "pay_limit", "deferral_limit"),
    [(2025, 350_000, 23_500), (2026, 360_000, 24_500)],  # IRS Notices 2024-80 and 2025-67
)
def test_limits_by_tax_year(year, pay_limit, deferral_limit):
    limits = retirement_limits(year)
    assert limits.compensation_limit == pay_limit
    assert limits.elective_deferral_limit == deferral_limit


@pytest.mark.parametrize(
    ("salary", "match", "cap", "own", "year", "expected"),
    [
        # the case: 400,000 counted as 350,000; 6% = 21,000 deferred; half matched
        (400_000, 0.5, 0.06, 0.06, 2025, 10_500.0),
        # 2026: 360,000 counted: 21,600 deferred, 10,800 matched
        (400_000, 0.5, 0.06, 0.06, 2026, 10_800.0),
        # the deferral limit binds: 10% of 300,000 = 30,000 > 23,500; a 100% match up to 10%
        # of pay (30,000) matches what is deferred: 23,500
        (300_000, 1.0, 0.10, 0.10, 2025, 23_500.0),
        # same in 2026: 24,500
        (300_000, 1.0, 0.10, 0.10, 2026, 24_500.0),
        # under every limit: 50% of min(4%, 6%) of 80,000 = 1,600
        (80_000, 0.5, 0.06, 0.04, 2025, 1_600.0),
    ],
)
def test_match_with_irs_limits(salary, match, cap, own, year, expected):
    value = pension_value(
        salary, match_rate=match, match_cap=cap, employee_rate=own, limits_year=year
    )
    assert value == pytest.approx(expected)


def test_unstated_employee_rate_is_the_match_cap_not_zero():
    # 50% of the first 6% of 90,000 = 2,700 (was silently 0 before)
    assert pension_value(90_000, match_rate=0.5, match_cap=0.06) == pytest.approx(2_700.0)
    austin = Offer(
        "Austin", 90_000, currency="USD", pension=Pension(match_rate=0.5, match_cap=0.06)
    )
    assert value_benefits(austin).values["pension"] == pytest.approx(2_700.0)
    assert any("full match" in q and "6%" in q for q in questions_to_ask(austin))
    stated = Offer(
        "Austin",
        90_000,
        currency="USD",
        pension=Pension(match_rate=0.5, match_cap=0.06, employee_rate=0.06),
    )
    assert not any("full match" in q for q in questions_to_ask(stated))


def test_limits_follow_the_offers_tax_year_and_country():
    pension = Pension(match_rate=0.5, match_cap=0.06, employee_rate=0.06)
    us_2026 = Offer("A", 400_000, currency="USD", pension=pension, tax=TaxProfile("US", 2026))
    assert employer_pension(us_2026) == pytest.approx(10_800.0)
    dollars = Offer("B", 400_000, currency="USD", pension=pension)  # no tax profile: 2025
    assert employer_pension(dollars) == pytest.approx(10_500.0)
    # a pound offer's matching scheme is not a 401(k): no IRS limits, 6% x 400,000 / 2
    pounds = Offer("C", 400_000, pension=pension)
    assert employer_pension(pounds) == pytest.approx(12_000.0)


def test_grid_agrees_with_the_totals_across_the_limits():
    offer = Offer(
        "A",
        200_000,
        currency="USD",
        raise_rate=0.05,
        pension=Pension(employer_rate=0.02, match_rate=1.0, match_cap=0.08, employee_rate=0.10),
    )
    bases = np.array([50_000.0, 200_000.0, 300_000.0, 340_000.0, 500_000.0])
    grid = cumulative_value_grid(offer, bases, years=4)
    for base, total in zip(bases, grid, strict=True):
        other = Offer("B", 1.0, currency="USD")
        single = compare_offers(offer.with_base_salary(base), other, years=4)
        assert total == pytest.approx(single.totals[0].cumulative, abs=0.01)
