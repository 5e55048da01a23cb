"""Benefit valuation as annual cash (docs/domain.md section 4), hand-checked."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from calculator import InputError
from calculator.benefits import (
    BENEFIT_COMPONENTS,
    defaults,
    health_care_default,
    holiday_value,
    home_working_rate,
    home_working_value,
    pension_value,
    study_value,
    value_benefits,
)
from calculator.offers import CustomBenefit, HomeWorking, Offer, Pension, Study


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # 5 days x 52,000 / 260 working days (docs/domain.md section 4)
        (lambda: holiday_value(5, 52_000), 1_000.0),
        # 25 days at 39,000 with a 250-day year: 25 x 39,000 / 250
        (lambda: holiday_value(25, 39_000, working_days=250), 3_900.0),
        # 50% match on the first 6%: 0.5 x min(6%, 6%) x 100,000 (common US formula)
        (
            lambda: pension_value(100_000, match_rate=0.5, match_cap=0.06, employee_rate=0.06),
            3_000.0,
        ),
        # match capped: employee pays 10%, match only on 6% -> still 3,000
        (
            lambda: pension_value(100_000, match_rate=0.5, match_cap=0.06, employee_rate=0.10),
            3_000.0,
        ),
        # employee pays only 4%: 0.5 x 4% x 100,000
        (
            lambda: pension_value(100_000, match_rate=0.5, match_cap=0.06, employee_rate=0.04),
            2_000.0,
        ),
        # UK auto-enrolment: 3% x (30,000 - 6,240) = 712.80 (TPR 2025/26 band)
        (lambda: pension_value(30_000, employer_rate=0.03, basis="qualifying_earnings"), 712.80),
        # above the band: 3% x (50,270 - 6,240) = 1,320.90
        (lambda: pension_value(80_000, employer_rate=0.03, basis="qualifying_earnings"), 1_320.90),
        # below the lower limit: nothing qualifies
        (lambda: pension_value(6_000, employer_rate=0.03, basis="qualifying_earnings"), 0.0),
        # employer rate below the 3% minimum is lifted to it: 3% x (20,000 - 6,240) = 412.80
        (lambda: pension_value(20_000, employer_rate=0.01, basis="qualifying_earnings"), 412.80),
        # 5% of salary: 0.05 x 40,000
        (lambda: pension_value(40_000, employer_rate=0.05), 2_000.0),
        # 2 days a week x 46 weeks x 10 a day
        (lambda: home_working_value(2, commute_cost=10), 920.0),
        # time valued too: 1 day x 46 x (5 + 60/60 x 20)
        (
            lambda: home_working_value(1, commute_cost=5, commute_minutes=60, hourly_value=20),
            1_150.0,
        ),
        # hybrid at 5% of pay (Mas and Pallais 2017): 0.05 x 60,000
        (lambda: home_working_value(2, salary=60_000, percent_of_salary=0.05), 3_000.0),
        # 1,500 funding + 5 days x 52,000 / 260
        (lambda: study_value(1_500, 5, 52_000), 2_500.0),
        # KFF 2025 average employer contribution, family cover
        (lambda: health_care_default("us_family"), 20_143.0),
        # UK private medical insurance per policy (docs/domain.md section 4)
        (lambda: health_care_default("uk_private_medical"), 1_044.0),
        # 1-3 home days are hybrid (5%), 4+ mostly remote (8%), per defaults.toml
        (lambda: home_working_rate(3), 0.05),
        (lambda: home_working_rate(4), 0.08),
    ],
)
def test_benefit_rules(value, expected):
    assert value() == pytest.approx(expected)


def test_defaults_come_from_the_data_file_with_sources():
    table = defaults()
    assert table["holiday"]["working_days"] == 260
    assert (table["pension"]["qualifying_lower"], table["pension"]["qualifying_upper"]) == (
        6_240,
        50_270,
    )
    assert table["health_care"]["us_single"] == 7_885


def test_value_benefits_by_hand():
    offer = Offer(
        "A",
        52_000,
        holiday_days=25,  # 25 x 200 = 5,000
        pension=Pension(employer_rate=0.05),  # 2,600
        health_care=1_044,
        gym=400,
        home_working=HomeWorking(2, commute_cost=10, commute_minutes=60, hourly_value=15),
        study=Study(funding=500, days=2),  # 500 + 2 x 200 = 900
        custom_benefits=(CustomBenefit("cycle scheme", 250),),
    )
    values = value_benefits(offer).values
    assert values["holiday"] == pytest.approx(5_000)
    assert values["pension"] == pytest.approx(2_600)
    # 2 days x 46 weeks x (10 + 1 hour x 15) = 2,300
    assert values["home_working"] == pytest.approx(2_300)
    assert values["study"] == pytest.approx(900)
    assert values["custom: cycle scheme"] == 250
    assert value_benefits(offer).total == pytest.approx(
        5_000 + 2_600 + 1_044 + 400 + 2_300 + 900 + 250
    )
    assert value_benefits(offer).not_stated == ("travel_allowance", "company_car")


def test_value_benefits_at_another_base_scales_the_base_linked_parts():
    offer = Offer("A", 52_000, holiday_days=26, home_working=HomeWorking(3, percent_of_salary=0.05))
    # at 65,000: holiday 26 x 250 = 6,500; home working 5% x 65,000 = 3,250
    values = value_benefits(offer, 65_000).values
    assert values["holiday"] == pytest.approx(6_500)
    assert values["home_working"] == pytest.approx(3_250)


def test_commute_time_counts_only_with_an_hourly_value():
    offer = Offer("A", 40_000, home_working=HomeWorking(1, commute_cost=0, commute_minutes=90))
    assert value_benefits(offer).values["home_working"] == 0
    # 1 day x 46 weeks x 1.5 hours x 20 = 1,380
    assert value_benefits(offer, hourly_value=20).values["home_working"] == pytest.approx(1_380)


def test_nothing_stated_values_nothing_and_lists_everything():
    v = value_benefits(Offer("A", 40_000))
    assert v.values == {}
    assert v.total == 0
    assert v.not_stated == BENEFIT_COMPONENTS


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda: holiday_value(-1, 50_000), "holiday_days"),
        (lambda: holiday_value(5, float("nan")), "base_salary"),
        (lambda: holiday_value(5, 50_000, working_days=0), "working_days"),
        (lambda: pension_value(50_000, employer_rate=1.5), "pension.employer_rate"),
        (lambda: pension_value(50_000, basis="gross"), "pension.basis"),
        (lambda: pension_value(-1), "salary"),
        (lambda: pension_value(50_000, match_cap=float("inf")), "pension.match_cap"),
        (lambda: home_working_value(8), "home_working.days_per_week"),
        (lambda: home_working_value(2, commute_cost=-3), "home_working.commute_cost"),
        (lambda: home_working_value(2, percent_of_salary=0.05), "salary"),
        (
            lambda: home_working_value(2, salary=1, percent_of_salary=0.9),
            "home_working.percent_of_salary",
        ),
        (lambda: study_value(-5), "study.funding"),
        (lambda: health_care_default("mars"), "region"),
        (lambda: value_benefits("not an offer"), "offer"),
        (lambda: value_benefits(Offer("A", 1), -2), "base_salary"),
    ],
)
def test_bad_input_names_the_field(call, field):
    with pytest.raises(InputError) as info:
        call()
    assert info.value.field == field


@given(
    st.floats(1_000, 500_000),
    st.sampled_from(["gym", "health_care", "travel_allowance", "company_car"]),
    st.floats(0, 20_000),
    st.none() | st.floats(0, 40),
)
def test_adding_a_benefit_never_lowers_the_benefit_total(base, name, amount, holiday):
    offer = Offer("A", base, holiday_days=holiday)
    assume(getattr(offer, name) is None)
    richer = replace(offer, **{name: amount})
    assert value_benefits(richer).total >= value_benefits(offer).total


@given(st.floats(0, 300_000), st.floats(0, 300_000), st.floats(0, 0.15))
def test_qualifying_earnings_pension_never_falls_with_pay(low, high, rate):
    low, high = sorted((low, high))
    a = pension_value(low, employer_rate=rate, basis="qualifying_earnings")
    b = pension_value(high, employer_rate=rate, basis="qualifying_earnings")
    assert 0 <= a <= b <= 0.15 * (50_270 - 6_240) + 1e-9
