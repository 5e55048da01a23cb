"""The offer model (issue 3 part 1): fields, "not stated" versus zero, from_dict / to_dict.

Benefit values, equity, scores and comparisons have their own test files.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculator import InputError
from calculator.equity import EquityGrant
from calculator.offers import (
    TAXABLE_BENEFITS,
    Bonus,
    CustomBenefit,
    HomeWorking,
    Offer,
    Pension,
    SignOn,
    Study,
)
from calculator.places import Place
from calculator.tax import TaxProfile


def full_offer(name: str = "Full", base: float = 60_000, **overrides) -> Offer:
    values = dict(
        name=name,
        base_amount=base,
        bonus=Bonus(0.10, 0.9),
        sign_on=SignOn(5_000, 12, pro_rata=True),
        relocation=2_000,
        raise_rate=0.03,
        equity=(
            EquityGrant("rsu", shares=1_000, price=40.0),
            EquityGrant("option", shares=500, strike=1.0, scenarios={"base": 3.0}, schedule=None),
        ),
        holiday_days=27,
        pension=Pension(employer_rate=0.05, basis="qualifying_earnings"),
        health_care=1_044,
        travel_allowance=600,
        company_car=None,
        gym=400,
        home_working=HomeWorking(2, commute_cost=15, commute_minutes=90, hourly_value=20),
        study=Study(funding=1_000, days=3),
        custom_benefits=(CustomBenefit("cycle scheme", 250),),
        factors={"culture": 4, "growth": 3},
        place=Place.custom("London", 112.0),
        tax=TaxProfile("GB", 2025),
        taxable_benefits=("health_care", "custom"),
    )
    values.update(overrides)
    return Offer(**values)


def test_full_offer_round_trips_through_dict():
    offer = full_offer()
    data = offer.to_dict()
    assert Offer.from_dict(data) == offer
    assert data["base_amount"] == 60_000
    assert data["taxable_benefits"] == ["health_care", "custom"]


def test_to_dict_is_plain_json():
    import json

    offer = full_offer(place=Place.state("CA"))
    assert Offer.from_dict(json.loads(json.dumps(offer.to_dict()))) == offer


@pytest.mark.parametrize(
    ("data", "annual"),
    [
        ({"base_salary": 4_000, "pay_period": "month"}, 48_000.0),  # 4,000 x 12
        ({"base_salary": 1_000, "pay_period": "week"}, 52_000.0),  # 1,000 x 52
        ({"base_salary": 20, "pay_period": "hour"}, 39_000.0),  # 20 x 37.5 x 52
        ({"base_salary": 25, "pay_period": "hour", "hours_per_week": 40}, 52_000.0),  # 25 x 2,080
        ({"base_amount": 55_000}, 55_000.0),
    ],
)
def test_pay_period_converts_and_round_trips(data, annual):
    offer = Offer.from_dict({"name": "M", **data})
    assert offer.base_salary == pytest.approx(annual)
    again = Offer.from_dict(offer.to_dict())
    assert again.pay_period == offer.pay_period
    assert again.base_amount == offer.base_amount


def test_with_base_salary_restates_per_year():
    offer = Offer("M", 4_000, pay_period="month").with_base_salary(50_000)
    assert (offer.base_salary, offer.pay_period) == (50_000, "year")


def test_health_care_region_default():
    # KFF 2025 single cover, employer share 7,885 (data/defaults.toml)
    offer = Offer.from_dict({"name": "US", "base_salary": 90_000, "health_care": "us_single"})
    assert offer.health_care == 7_885


def test_sign_on_clauses():
    # full repayment (default) versus pro rata over 24 months: keep 8,000 x 6 / 24 = 2,000
    assert SignOn(8_000, 24).kept_if_leaving_at(6) == 0
    assert SignOn(8_000, 24, pro_rata=True).kept_if_leaving_at(6) == pytest.approx(2_000)
    assert SignOn(8_000, 24, pro_rata=True).kept_if_leaving_at(30) == 8_000


def test_not_stated_is_distinct_from_zero():
    silent = Offer("A", 50_000)
    zero = Offer("A", 50_000, holiday_days=0, gym=0, pension=Pension())
    assert "holiday_days" in silent.not_stated()
    assert "holiday_days" not in zero.not_stated()
    assert "pension" not in zero.not_stated()
    assert silent.not_stated() == (
        "bonus",
        "sign_on",
        "relocation",
        "raise_rate",
        "equity",
        "holiday_days",
        "pension",
        "health_care",
        "travel_allowance",
        "company_car",
        "gym",
        "home_working",
        "study",
    )
    assert full_offer().not_stated() == ("company_car",)


def test_from_dict_treats_none_and_empty_parts_as_not_stated():
    offer = Offer.from_dict(
        {
            "name": "Sparse",
            "base_salary": 30_000,
            "bonus": None,
            "home_working": {"days_per_week": None, "commute_cost": 5},
            "factors": {"culture": None, "growth": 4},
            "equity": None,
            "custom_benefits": None,
        }
    )
    assert offer.bonus is None
    assert offer.home_working is None
    assert offer.factors == {"growth": 4}
    assert offer.equity == ()


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"name": "X", "base_salary": -5}, "base_salary"),
        ({"name": "X", "base_salary": 0}, "base_salary"),
        ({"name": "X"}, "base_salary"),
        ({"name": "X", "base_salary": 1, "base_amount": 1}, "base_salary"),
        ({"name": "", "base_salary": 1}, "name"),
        ({"name": "X", "base_salary": float("nan")}, "base_salary"),
        ({"name": "X", "base_salary": 1, "pay_period": "fortnight"}, "pay_period"),
        ({"name": "X", "base_salary": 1, "currency": "pounds"}, "currency"),
        ({"name": "X", "base_salary": 1, "holiday_days": -1}, "holiday_days"),
        ({"name": "X", "base_salary": 1, "raise_rate": 3}, "raise_rate"),
        ({"name": "X", "base_salary": 1, "bonus": {"target_rate": 7}}, "bonus.target_rate"),
        ({"name": "X", "base_salary": 1, "bonus": {"payout": 1}}, "bonus"),
        ({"name": "X", "base_salary": 1, "bonus": 5}, "bonus"),
        ({"name": "X", "base_salary": 1, "sign_on": {"amount": -1}}, "sign_on"),
        (
            {"name": "X", "base_salary": 1, "sign_on": {"amount": 1, "pro_rata": "yes"}},
            "sign_on.pro_rata",
        ),
        ({"name": "X", "base_salary": 1, "factors": {"culture": 9}}, "factors.culture"),
        ({"name": "X", "base_salary": 1, "factors": ["culture"]}, "factors"),
        ({"name": "X", "base_salary": 1, "wage": 2}, "offer"),
        ({"name": "X", "base_salary": 1, "pension": {"employer_rate": 3}}, "pension.employer_rate"),
        ({"name": "X", "base_salary": 1, "pension": {"basis": "gross"}}, "pension.basis"),
        (
            {"name": "X", "base_salary": 1, "home_working": {"days_per_week": 9}},
            "home_working.days_per_week",
        ),
        (
            {"name": "X", "base_salary": 1, "home_working": {"days_per_week": 2, "pct": 1}},
            "home_working",
        ),
        (
            {
                "name": "X",
                "base_salary": 1,
                "home_working": {"days_per_week": 2, "percent_of_salary": 0.9},
            },
            "home_working.percent_of_salary",
        ),
        ({"name": "X", "base_salary": 1, "study": {"days": 400}}, "study.days"),
        (
            {"name": "X", "base_salary": 1, "custom_benefits": [{"name": "", "value": 1}]},
            "custom_benefits",
        ),
        (
            {"name": "X", "base_salary": 1, "custom_benefits": [{"name": "a", "value": -1}]},
            "custom_benefits.a",
        ),
        ({"name": "X", "base_salary": 1, "custom_benefits": "bike"}, "custom_benefits"),
        (
            {"name": "X", "base_salary": 1, "equity": [{"kind": "rsu", "schedule": [0.9]}]},
            "schedule",
        ),
        ({"name": "X", "base_salary": 1, "equity": {"kind": "rsu"}}, "equity"),
        ({"name": "X", "base_salary": 1, "place": {"state": "Atlantis"}}, "state"),
        ({"name": "X", "base_salary": 1, "place": {"label": "Y", "index": -3}}, "place.index"),
        ({"name": "X", "base_salary": 1, "tax": {"country": "GB", "tax_year": 1999}}, "tax_year"),
        ({"name": "X", "base_salary": 1, "health_care": "mars"}, "health_care"),
        ({"name": "X", "base_salary": 1, "gym": -1}, "gym"),
        ({"name": "X", "base_salary": 1, "taxable_benefits": ["holiday"]}, "taxable_benefits"),
        ({"name": "X", "base_salary": 1, "taxable_benefits": "gym"}, "taxable_benefits"),
    ],
)
def test_offer_from_dict_names_the_bad_field(data, field):
    with pytest.raises(InputError) as info:
        Offer.from_dict(data)
    assert info.value.field == field


@pytest.mark.parametrize("data", [None, 5, "offer", ["base_salary", 1]])
def test_from_dict_needs_a_mapping(data):
    with pytest.raises(InputError):
        Offer.from_dict(data)


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"bonus": {"target_rate": 0.1}}, "bonus"),  # a dict, not a Bonus, in the constructor
        ({"equity": ("rsu",)}, "equity"),
        ({"place": "CA"}, "place"),
        ({"factors": {"": 3}}, "factors"),
        ({"tax": {"country": "GB"}}, "tax"),  # a dict, not a TaxProfile
    ],
)
def test_constructor_checks_part_types(kwargs, field):
    with pytest.raises(InputError) as info:
        Offer("X", 1, **kwargs)
    assert info.value.field == field


@given(
    name=st.text(min_size=1, max_size=20).filter(str.strip),
    base=st.floats(1, 1e6),
    period=st.sampled_from(["hour", "day", "week", "month", "year"]),
    holiday=st.none() | st.floats(0, 60),
    gym=st.none() | st.floats(0, 5_000),
    taxable=st.lists(st.sampled_from(TAXABLE_BENEFITS), unique=True),
    factors=st.dictionaries(st.sampled_from(["culture", "growth", "security"]), st.integers(1, 5)),
)
def test_round_trip_property(name, base, period, holiday, gym, taxable, factors):
    offer = Offer(
        name,
        base,
        pay_period=period,
        holiday_days=holiday,
        gym=gym,
        taxable_benefits=tuple(taxable),
        factors=factors,
    )
    assert Offer.from_dict(offer.to_dict()) == offer
