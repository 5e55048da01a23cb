"""The app's typed inputs (app_pages/models.py) and their translation into the core's values.

The core is tested on its own; these tests check that what the user types (percent, a pay
period, blank boxes) reaches the core as the right annual amounts and fractions, that the
model's limits never let through a value the core then refuses without naming the field, and
that field paths, defaults and messages line up with the widgets.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any, Literal, get_args, get_origin

import annotated_types
import pytest
from hypothesis import given
from hypothesis import strategies as st

from app_pages.models import (
    DEFAULTS,
    FACTORS,
    LEAF_PATHS,
    ApplicationInput,
    LetterChecks,
    LogRow,
    NumbersInput,
    OfferInput,
    PointRow,
    ScenarioInput,
    WeightsInput,
    _nest,
    bounds,
    default_of,
    flatten,
    holiday_region,
    implausible,
    implausible_hours,
    is_leaf,
    json_value,
    leaf_paths,
    max_length,
    offer_label,
    python_value,
    upgrade_leaves,
    upgrade_next_steps,
    validate_values,
)
from app_pages.scenario_file import example_scenario
from calculator.bands import DataPoint, salary_bands
from calculator.checklist import AcceptanceTerms
from calculator.equity import EquityGrant
from calculator.errors import InputError
from calculator.followup import ContactLog, LogEntry, follow_up_plan
from calculator.offers import (
    Bonus,
    CustomBenefit,
    HomeWorking,
    Offer,
    Pension,
    SignOn,
    Study,
)
from calculator.places import Place
from calculator.scoring import MONEY_COMPONENTS, score_packages
from calculator.tax import TaxProfile, available_tax_years

DAY = dt.date(2026, 6, 1)


def _core(**fields: Any) -> Offer:
    """An offer with a base salary (so it converts), in pounds, named "Offer A" by default."""
    fields.setdefault("base_salary", 50_000.0)
    offer = OfferInput(**fields).to_core("GBP", "Offer A")
    assert offer is not None
    return offer


def _refusal(**fields: Any) -> InputError:
    fields.setdefault("base_salary", 50_000.0)
    with pytest.raises(InputError) as caught:
        OfferInput(**fields).to_core("GBP", "Offer A")
    return caught.value


def _outcome(make: Any) -> tuple[Any, InputError | None]:
    """``make()`` and None, or None and the InputError it raised (any other error escapes)."""
    try:
        return make(), None
    except InputError as err:
        return None, err


def _latest(country: str) -> int:
    return max(available_tax_years(country))


def _available(country: str) -> str:
    return ", ".join(str(year) for year in available_tax_years(country))


def _annotation(path: str) -> Any:
    """The type annotation of a leaf path (``offers.N`` parts skip the index)."""
    if path == "next_steps.application_count":
        return int
    parts = [part for part in path.split(".") if not part.isdigit()]
    model: Any = ScenarioInput
    for part in parts[:-1]:
        annotation = model.model_fields[part].annotation
        model = get_args(annotation)[0] if get_args(annotation) else annotation
    return model.model_fields[parts[-1]].annotation


def _is_whole(path: str) -> bool:
    annotation = _annotation(path)
    return int in (annotation, *get_args(annotation))


# --- OfferInput.to_core, field by field ------------------------------------------------------


def test_no_base_salary_means_no_offer_yet():
    assert OfferInput(bonus_target_pct=10, home_days=2).to_core("GBP", "Offer A") is None


@pytest.mark.parametrize(
    ("amount", "per", "hours", "annual"),
    [
        (20.0, "hour", 40.0, 41_600.0),  # 20 x 40 h x 52 weeks
        (20.0, "hour", None, 39_000.0),  # blank hours: 37.5 h -> 20 x 37.5 x 52
        (200.0, "day", 37.5, 52_000.0),  # 200 x 5 days x 52 weeks
        (1_000.0, "week", 37.5, 52_000.0),  # 1,000 x 52
        (4_000.0, "month", 37.5, 48_000.0),  # 4,000 x 12
        (61_000.0, "year", 37.5, 61_000.0),
    ],
)
def test_pay_period_is_kept_and_annualised(amount, per, hours, annual):
    offer = _core(base_salary=amount, base_per=per, hours_per_week=hours)
    assert offer.base_amount == amount
    assert offer.pay_period == per
    assert offer.base_salary == annual


def test_name_currency_and_fallback_name():
    assert _core(name="  Acme Ltd  ").name == "Acme Ltd"
    assert OfferInput(base_salary=1.0, name="   ").to_core("USD", "Offer B").name == "Offer B"
    assert _core().currency == "GBP"
    assert OfferInput(base_salary=1.0).to_core("EUR", "A").currency == "EUR"


def test_bonus_percent_becomes_fractions():
    assert _core(bonus_target_pct=10.0, bonus_payout_pct=80.0).bonus == Bonus(0.1, 0.8)
    # payout left at its default (100%) or blanked: 100% is assumed, as a fraction 1.0
    assert _core(bonus_target_pct=12.5).bonus == Bonus(0.125, 1.0)
    assert _core(bonus_target_pct=12.5, bonus_payout_pct=None).bonus == Bonus(0.125, 1.0)
    assert _core(bonus_payout_pct=80.0).bonus is None


def test_sign_on_relocation_raise_and_plain_amounts():
    offer = _core(
        sign_on=5_000.0,
        sign_on_repay_months=12,
        relocation=3_000.0,
        raise_pct=3.0,
        holiday_days=25.0,
        health_care=1_044.0,
        travel_allowance=600.0,
        company_car=4_000.0,
        gym=480.0,
    )
    assert offer.sign_on == SignOn(5_000.0, 12)
    assert offer.relocation == 3_000.0
    assert offer.raise_rate == 0.03
    assert offer.holiday_days == 25.0
    assert offer.health_care == 1_044.0
    assert offer.travel_allowance == 600.0
    assert offer.company_car == 4_000.0
    assert offer.gym == 480.0
    # a sign-on without a repayment period: repayable over 0 months
    assert _core(sign_on=2_000.0).sign_on == SignOn(2_000.0, 0)
    blank = _core()
    assert (blank.sign_on, blank.raise_rate, blank.relocation, blank.holiday_days) == (
        None,
        None,
        None,
        None,
    )


def test_rsu_by_grant_value():
    offer = _core(equity_kind="rsu", equity_grant_value=40_000.0, equity_schedule="front_loaded")
    assert offer.equity == (EquityGrant("rsu", grant_value=40_000.0, schedule="front_loaded"),)
    assert offer.equity[0].value() == 40_000.0


def test_rsu_by_shares_times_price():
    offer = _core(equity_kind="rsu", equity_shares=1_000.0, equity_price=40.0)
    (grant,) = offer.equity
    assert (grant.kind, grant.shares, grant.price, grant.grant_value) == (
        "rsu",
        1_000.0,
        40.0,
        None,
    )
    assert grant.schedule == "standard"
    assert grant.value() == 40_000.0  # 1,000 x 40


def test_options_with_three_prices_and_strike():
    offer = _core(
        equity_kind="option",
        equity_shares=8_000.0,
        equity_strike=2.0,
        equity_bear_price=1.0,
        equity_base_price=4.0,
        equity_bull_price=10.0,
        equity_schedule="back_loaded",
    )
    (grant,) = offer.equity
    assert grant.kind == "option"
    assert grant.strike == 2.0
    assert grant.schedule == "back_loaded"
    assert dict(grant.scenarios) == {"zero": 0.0, "bear": 1.0, "base": 4.0, "bull": 10.0}
    assert grant.value("bear") == 0.0  # price 1 below strike 2
    assert grant.value("base") == 16_000.0  # 8,000 x (4 - 2)
    assert grant.value("bull") == 64_000.0  # 8,000 x (10 - 2)


def test_options_leave_out_prices_not_given_and_none_means_no_grant():
    offer = _core(equity_kind="option", equity_shares=100.0, equity_base_price=5.0)
    assert dict(offer.equity[0].scenarios) == {"zero": 0.0, "base": 5.0}
    assert _core(equity_kind="none", equity_shares=100.0, equity_grant_value=9.0).equity == ()


def test_pension_percent_of_salary():
    pension = _core(pension_type="percent", pension_employer_pct=5.0, pension_employee_pct=4.0)
    assert pension.pension == Pension(employer_rate=0.05, basis="salary", employee_rate=0.04)


def test_pension_uk_auto_enrolment_uses_qualifying_earnings():
    offer = _core(pension_type="uk_auto_enrolment", pension_employer_pct=3.0)
    assert offer.pension == Pension(employer_rate=0.03, basis="qualifying_earnings")


def test_pension_match_fills_match_rate_and_cap():
    offer = _core(
        pension_type="match",
        pension_employer_pct=100.0,
        pension_match_cap_pct=6.0,
        pension_employee_pct=8.0,
    )
    assert offer.pension == Pension(match_rate=1.0, match_cap=0.06, employee_rate=0.08)
    assert offer.pension.employer_rate == 0.0


def test_pension_none_ignores_its_percentages():
    assert _core(pension_type="none", pension_employer_pct=5.0).pension is None


def test_home_working_and_study():
    offer = _core(home_days=2.0, commute_cost=14.0, commute_minutes=100.0)
    assert offer.home_working == HomeWorking(2.0, commute_cost=14.0, commute_minutes=100.0)
    # commute figures without home days are not home working
    assert _core(commute_cost=14.0, commute_minutes=100.0).home_working is None
    assert _core(study_funding=1_500.0, study_days=5.0).study == Study(1_500.0, 5.0)
    assert _core(study_days=3.0).study == Study(None, 3.0)
    assert _core(study_funding=800.0).study == Study(800.0, None)
    assert _core().study is None


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("  Lunches  ", 500.0, (CustomBenefit("Lunches", 500.0),)),
        ("Lunches", 0.0, (CustomBenefit("Lunches", 0.0),)),
        ("Lunches", None, ()),
        ("", 500.0, ()),
        ("   ", 500.0, ()),
    ],
)
def test_custom_benefit_needs_a_name_and_a_value(name, value, expected):
    assert _core(custom_name=name, custom_value=value).custom_benefits == expected


def test_factors_all_five():
    offer = _core(
        factor_culture=5, factor_growth=4, factor_commute=1, factor_security=2, factor_flexibility=3
    )
    assert dict(offer.factors) == {
        "culture": 5,
        "growth": 4,
        "commute": 1,
        "security": 2,
        "flexibility": 3,
    }


def test_place_us_state():
    offer = _core(place_kind="us_state", place_state="CA")
    assert offer.place == Place.state("CA")
    assert (offer.place.label, offer.place.state_code) == ("California", "CA")
    # the kind chosen but no state picked yet: no place
    assert _core(place_kind="us_state").place is None


def test_place_custom_label_and_defaults():
    assert _core(place_kind="custom", place_label="London", place_index=112.0).place == Place(
        "London", 112.0
    )
    # blank label: the offer's name, or the column's name when the offer has none
    assert _core(name="Fintech", place_kind="custom", place_index=95.0).place == Place(
        "Fintech", 95.0
    )
    offer = OfferInput(base_salary=1.0, place_kind="custom", place_label=" ", place_index=95.0)
    assert offer.to_core("GBP", "Offer B").place == Place("Offer B", 95.0)
    assert _core(place_kind="custom", place_label="London").place is None
    assert _core(place_kind="none", place_index=112.0, place_state="CA").place is None


def test_tax_gb_with_region_and_loans():
    offer = _core(
        tax_country="GB",
        tax_region="scotland",
        tax_year=2026,
        tax_student_loans=["plan_2"],
        tax_postgraduate_loan=True,
    )
    assert offer.tax == TaxProfile(
        "GB", 2026, region="scotland", student_loans=("plan_2", "postgraduate")
    )
    # a blank year: the latest year the core has rates for
    assert _core(tax_country="GB", tax_postgraduate_loan=True).tax == TaxProfile(
        "GB", _latest("GB"), student_loans=("postgraduate",)
    )
    # GB ignores the US-only boxes
    assert _core(
        tax_country="GB", tax_filing_status="married_joint", tax_local_rate_pct=5.0
    ).tax == (TaxProfile("GB", _latest("GB")))


def test_tax_us_with_filing_status_and_local_rate():
    offer = _core(
        tax_country="US", tax_year=2026, tax_filing_status="married_joint", tax_local_rate_pct=5.0
    )
    assert offer.tax == TaxProfile("US", 2026, filing_status="married_joint", state_local_rate=0.05)
    # no status picked: single; the UK-only boxes are ignored
    assert _core(tax_country="US", tax_region="scotland", tax_student_loans=["plan_1"]).tax == (
        TaxProfile("US", _latest("US"), filing_status="single")
    )
    assert _core(tax_country="none", tax_year=2026).tax is None


def test_taxable_benefits_only_when_ticked_and_a_country_is_set():
    stated = {
        "relocation": 2_000.0,
        "health_care": 1_000.0,
        "gym": None,
        "custom_name": "Lunches",
        "custom_value": 500.0,
        "study_days": 2.0,
    }
    offer = _core(tax_country="GB", tax_benefits_taxable=True, **stated)
    # in TAXABLE_BENEFITS order, only the ones the offer states
    assert offer.taxable_benefits == ("relocation", "health_care", "study", "custom")
    assert _core(tax_country="none", tax_benefits_taxable=True, **stated).taxable_benefits == ()
    assert _core(tax_country="US", tax_benefits_taxable=False, **stated).taxable_benefits == ()
    assert _core(tax_country="US", tax_benefits_taxable=True).taxable_benefits == ()


# --- core errors named by the model's field ---------------------------------------------------


def test_zero_base_salary_is_refused_under_base_salary():
    err = _refusal(base_salary=0.0)
    assert err.field == "base_salary"
    assert err.rule == "must be positive, got 0"


def test_unknown_state_is_refused_under_place_state():
    err = _refusal(place_kind="us_state", place_state="Atlantis")
    assert err.field == "place_state"
    assert err.rule == "is not a US state or DC in the BEA table, got 'Atlantis'"


@pytest.mark.parametrize(("country", "year"), [("GB", 2000), ("US", 2100)])
def test_year_without_tax_tables_is_refused_under_tax_year(country, year):
    err = _refusal(tax_country=country, tax_year=year)
    assert err.field == "tax_year"
    # not a percent field: the numbers stay as they are (no "200000%")
    assert err.rule == f"{year} is not available for {country}; available: {_available(country)}"


def test_percent_field_error_is_restated_in_percent(monkeypatch):
    # A core stricter than the model (employee pension capped at 30%) refuses 35%: the rule
    # must come back in the user's units, with no fraction and nothing garbled.
    monkeypatch.setattr("calculator.offers.MAX_PENSION_RATE", 0.3)
    err = _refusal(pension_type="percent", pension_employee_pct=35.0)
    assert err.field == "pension_employee_pct"
    assert "30%" in err.rule
    assert "35%" in err.rule
    assert "0.3" not in err.rule
    assert "0.35" not in err.rule
    # the core's hint "(0.03 means 3%)" must not turn into "(3% means 300%%)"
    assert "300%" not in err.rule, err.rule
    assert "%%" not in err.rule, err.rule


def test_core_offers_names_the_full_path():
    scenario = ScenarioInput(
        offers=[
            OfferInput(base_salary=50_000.0),
            OfferInput(base_salary=40_000.0, tax_country="GB", tax_year=2000),
        ]
    )
    (i0, offer0, err0), (i1, offer1, err1) = scenario.core_offers()
    assert (i0, i1) == ("offers.0", "offers.1")
    assert offer0 is not None
    assert offer0.name == "Offer A"
    assert err0 is None
    assert offer1 is None
    assert isinstance(err1, InputError)
    assert err1.field == "offers.1.tax_year"
    assert err1.rule == f"2000 is not available for GB; available: {_available('GB')}"


def test_core_offers_uses_the_scenario_currency_and_column_names():
    scenario = ScenarioInput(
        numbers=NumbersInput(currency="USD"),
        offers=[OfferInput(), OfferInput(base_salary=30.0, base_per="hour")],
    )
    (_, first, _), (_, second, err) = scenario.core_offers()
    assert first is None
    assert err is None
    assert second is not None
    assert (second.name, second.currency, second.base_salary) == ("Offer B", "USD", 58_500.0)
    # 30 x 37.5 h x 52 = 58,500
    assert [offer_label(i) for i in range(3)] == ["Offer A", "Offer B", "Offer C"]


# --- bounds parity ------------------------------------------------------------------------------

NUMBER_PATHS = tuple(p for p in LEAF_PATHS if bounds(p) != (None, None))
COMPANION = "numbers.role"


def _leaf(scenario: ScenarioInput, path: str) -> Any:
    return flatten(scenario.model_dump(mode="json"))[path]


def test_number_paths_cover_every_section():
    for path in (
        "numbers.current_salary",
        "offers.0.base_salary",
        "offers.1.tax_local_rate_pct",
        "compare.years",
        "weights.flexibility",
        "next_steps.application_count",
    ):
        assert path in NUMBER_PATHS
    assert bounds("next_steps.applications.4.min_home_days") == (0, 7)
    assert bounds("next_steps.application_count") == (0, 200)
    assert bounds("offers.0.pension_employee_pct") == (0, 40)
    assert bounds("offers.1.bonus_target_pct") == (0, 500)
    assert bounds("numbers.current_hours") == (1, 100)


def _grouped(number: float) -> str:
    return f"{int(number):,}" if float(number).is_integer() else f"{number:,}"


@pytest.mark.parametrize("path", NUMBER_PATHS)
def test_model_refuses_just_outside_its_bounds(path):
    low, high = bounds(path)
    whole = _is_whole(path)
    outside = []
    if high is not None:
        above = (high + 1) if whole else math.nextafter(float(high), math.inf)
        outside.append((above, high))
    if low is not None:
        below = (low - 1) if whole else math.nextafter(float(low), -math.inf)
        outside.append((below, low))
    assert outside
    for value, bound in outside:
        scenario, errors = validate_values({path: value, COMPANION: "kept"})
        assert list(errors) == [path], (value, errors)
        assert errors[path].startswith("must be")
        assert _grouped(bound) in errors[path]
        # the bad leaf takes its default; nothing else changes
        assert scenario == ScenarioInput(numbers=NumbersInput(role="kept"))


@pytest.mark.parametrize("path", NUMBER_PATHS)
def test_model_accepts_its_own_bounds(path):
    whole = _is_whole(path)
    for bound in bounds(path):
        if bound is None:
            continue
        value = int(bound) if whole else float(bound)
        scenario, errors = validate_values({path: value})
        assert errors == {}, (path, value)
        assert _leaf(scenario, path) == value


PCT_CASES = [
    ("bonus_target_pct", 500.0, {}, lambda o: o.bonus.target_rate == 5.0),
    (
        "bonus_payout_pct",
        300.0,
        {"bonus_target_pct": 10.0},
        lambda o: o.bonus.expected_payout == 3.0,
    ),
    ("raise_pct", 50.0, {}, lambda o: o.raise_rate == 0.5),
    *[
        (
            "pension_employer_pct",
            100.0,
            {"pension_type": kind},
            lambda o: 1.0 in (o.pension.employer_rate, o.pension.match_rate),
        )
        for kind in ("percent", "uk_auto_enrolment", "match")
    ],
    *[
        (
            "pension_employee_pct",
            40.0,
            {"pension_type": kind},
            lambda o: o.pension.employee_rate == 0.4,
        )
        for kind in ("percent", "uk_auto_enrolment", "match")
    ],
    (
        "pension_match_cap_pct",
        100.0,
        {"pension_type": "match"},
        lambda o: o.pension.match_cap == 1.0,
    ),
    (
        "tax_local_rate_pct",
        20.0,
        {"tax_country": "US"},
        lambda o: o.tax.state_local_rate == 0.2,
    ),
    (
        "bonus_low_pct",
        300.0,
        {"bonus_target_pct": 10.0, "bonus_high_pct": 300.0},
        lambda o: o.bonus.payout_range == (3.0, 3.0),
    ),
    (
        "bonus_high_pct",
        300.0,
        {"bonus_target_pct": 10.0, "bonus_low_pct": 50.0},
        lambda o: o.bonus.payout_range == (0.5, 3.0),
    ),
    (
        "sign_on_upfront_pct",
        100.0,
        {"sign_on": 5_000.0},
        lambda o: o.sign_on.instalments == (),  # all of it at the start
    ),
    *[
        (
            f"equity_{name}_pct",
            100.0,
            {"equity_kind": "rsu", "equity_grant_value": 40_000.0},
            lambda o, key=key: o.equity[0].growth(key) == 1.0,
        )
        for name, key in (("growth", "base"), ("bear_growth", "bear"), ("bull_growth", "bull"))
    ],
    (
        "equity_volatility_pct",
        300.0,
        {"equity_kind": "rsu", "equity_grant_value": 40_000.0},
        lambda o: o.equity[0].volatility == 3.0,
    ),
]


def test_every_percent_field_has_a_max_case():
    pct_fields = {name for name in OfferInput.model_fields if name.endswith("_pct")}
    assert {case[0] for case in PCT_CASES} == pct_fields


@pytest.mark.parametrize(("name", "top", "context", "check"), PCT_CASES)
def test_percent_field_at_its_max_converts(name, top, context, check):
    assert bounds(f"offers.0.{name}")[1] == top
    offer = _core(**{name: top, **context})
    assert check(offer)


OFFER_NUMBER_FIELDS = [
    name
    for name in OfferInput.model_fields
    if bounds(f"offers.0.{name}") != (None, None) and name != "tax_year"
]


@pytest.mark.parametrize("name", OFFER_NUMBER_FIELDS)
@pytest.mark.parametrize(
    "setting",
    [
        {"equity_kind": "rsu", "pension_type": "percent", "tax_country": "GB"},
        {"equity_kind": "option", "pension_type": "match", "tax_country": "US"},
    ],
)
def test_any_offer_number_at_its_max_converts(name, setting):
    # tax_year is left out: the core only has tables for some years (tested above)
    high = bounds(f"offers.0.{name}")[1]
    value = int(high) if _is_whole(f"offers.0.{name}") else float(high)
    fields = {"place_kind": "custom", "home_days": 1.0, "custom_name": "x", **setting}
    fields[name] = value
    offer = _core(**fields)
    assert math.isfinite(offer.base_salary)


# --- validate_values ------------------------------------------------------------------------------


def test_missing_leaves_take_defaults():
    scenario, errors = validate_values({})
    assert errors == {}
    assert scenario == ScenarioInput()
    scenario, errors = validate_values({"offers.1.base_salary": 61_000.0})
    assert errors == {}
    assert scenario.offers[1].base_salary == 61_000.0
    assert scenario.offers[0] == OfferInput()
    assert scenario.offers[1].hours_per_week == 37.5


def test_bad_leaf_takes_its_default_and_is_named():
    scenario, errors = validate_values(
        {"offers.0.base_salary": -5.0, "offers.0.name": "Acme", "weights.base": 4}
    )
    assert errors == {"offers.0.base_salary": "must be at least 0"}
    assert scenario.offers[0].base_salary is None
    assert scenario.offers[0].name == "Acme"
    assert scenario.weights.base == 4


def test_several_bad_leaves_each_named():
    scenario, errors = validate_values(
        {"numbers.uplift_pct": 101.0, "compare.years": 0, "offers.1.tax_region": "wales"}
    )
    assert errors == {
        "numbers.uplift_pct": "must be at most 100",
        "compare.years": "must be at least 1",
        "offers.1.tax_region": "must be one of '', 'england' or 'scotland'",
    }
    assert scenario == ScenarioInput()


@pytest.mark.parametrize(
    ("path", "value"),
    [
        ("offers.0.base_salary", "60000"),
        ("numbers.current_hours", "40"),
        ("compare.view_net", 1),
        ("offers.1.letter.salary", 1),
        ("offers.0.tax_postgraduate_loan", "true"),
        ("weights.base", 4.0),
        ("offers.0.tax_year", 2025.0),
        ("offers.0.name", 7),
        ("offers.0.hours_per_week", math.nan),
        ("offers.0.base_salary", math.inf),
        ("numbers.points", {"amount": 5}),
    ],
)
def test_strict_types(path, value):
    scenario, errors = validate_values({path: value})
    assert list(errors) == [path]
    assert errors[path].startswith("must be")
    assert _leaf(scenario, path) == DEFAULTS[path]


def test_lone_surrogate_text_is_refused():
    scenario, errors = validate_values({"offers.0.name": "Acme \ud800", "numbers.role": "dev"})
    assert list(errors) == ["offers.0.name"]
    assert scenario.offers[0].name == ""
    assert scenario.numbers.role == "dev"


def test_tables_over_their_row_limits():
    assert max_length("numbers.points") == 500
    log = "next_steps.applications.0.contact_log"
    assert max_length(log) == 1_000
    rows = [{"amount": 50_000.0}] * 501
    scenario, errors = validate_values({"numbers.points": rows})
    assert errors == {"numbers.points": "must have at most 500 rows"}
    assert scenario.numbers.points == []
    logs = [{"date": "2026-06-02"}] * 1_001
    scenario, errors = validate_values({log: logs, "next_steps.application_count": 1})
    assert errors == {log: "must have at most 1,000 rows"}
    # exactly at the limit is fine
    scenario, errors = validate_values({"numbers.points": rows[:500]})
    assert errors == {}
    assert len(scenario.numbers.points) == 500


def test_bad_cell_is_reported_on_its_table():
    _, errors = validate_values({"numbers.points": [{"amount": 1.0}, {"amount": -1.0}]})
    assert errors == {"numbers.points": "must be at least 0"}
    log = "next_steps.applications.0.contact_log"
    _, errors = validate_values({log: [{"channel": "fax"}], "next_steps.application_count": 1})
    assert list(errors) == [log]
    _, errors = validate_values({log: [{"kind": "bribe"}], "next_steps.application_count": 1})
    assert list(errors) == [log]


@pytest.mark.parametrize(
    ("path", "limit"),
    [
        ("offers.0.name", 200),
        ("numbers.occupation_code", 20),
        ("offers.1.place_state", 60),
        ("next_steps.applications.0.talking_point", 1_000),
        ("next_steps.applications.0.messages.thank_you", 20_000),
    ],
)
def test_text_over_its_character_limit(path, limit):
    assert max_length(path) == limit
    one = {"next_steps.application_count": 1}
    _, errors = validate_values({path: "x" * limit, **one})
    assert errors == {}
    scenario, errors = validate_values({path: "x" * (limit + 1), **one})
    assert errors == {path: f"must be at most {limit:,} characters"}
    assert _leaf(scenario, path) == default_of(path)


ONE = {"next_steps.application_count": 1}
INTERVIEW = "next_steps.applications.0.interview_date"


def test_dates_from_text_and_their_range():
    scenario, errors = validate_values({INTERVIEW: "2026-06-04", **ONE})
    assert errors == {}
    assert scenario.next_steps.applications[0].interview_date == dt.date(2026, 6, 4)
    _, errors = validate_values({INTERVIEW: "2026-02-30", **ONE})
    assert errors == {INTERVIEW: "must be a date like 2026-06-30, got '2026-02-30'"}


def test_date_bound_message_is_readable():
    path = "next_steps.applications.0.decision_date"
    _, errors = validate_values({path: "1999-12-31", **ONE})
    assert list(errors) == [path]
    message = errors[path]
    assert message.startswith("must be at least")
    # shown to the user under the date box: no Python repr such as datetime.date(2000, 1, 1)
    assert "datetime" not in message, message
    assert "2000" in message


# --- field paths -------------------------------------------------------------------------------


def test_leaf_paths():
    for path in (
        "offers.0.base_salary",
        "offers.1.letter.salary",
        "offers.1.application",
        "numbers.points",
        "next_steps.application_count",
        "next_steps.patience",
        "compare.home",
    ):
        assert path in LEAF_PATHS
    # any number of applications: their leaves are not fixed, but known by pattern
    assert not any(p.startswith("next_steps.applications.") for p in LEAF_PATHS)
    assert is_leaf("next_steps.applications.12.messages.thank_you")
    assert is_leaf("next_steps.applications.0.contact_log")
    assert not is_leaf("next_steps.applications.0.contact_log.0")
    assert not is_leaf("next_steps.applications.x.company")
    assert "offers.3.base_salary" in LEAF_PATHS  # up to four offers
    assert "current_job.base_salary" in LEAF_PATHS
    assert not any(p.startswith("offers.4") for p in LEAF_PATHS)
    assert not any(p.startswith("numbers.points.") for p in LEAF_PATHS)
    assert len(set(LEAF_PATHS)) == len(LEAF_PATHS)
    # both offer columns have the same fields
    first = [p.removeprefix("offers.0.") for p in LEAF_PATHS if p.startswith("offers.0.")]
    second = [p.removeprefix("offers.1.") for p in LEAF_PATHS if p.startswith("offers.1.")]
    assert first == second
    assert DEFAULTS["offers.1.hours_per_week"] == 37.5
    assert DEFAULTS["offers.0.bonus_payout_pct"] == 100.0
    assert DEFAULTS["numbers.points"] == []
    assert DEFAULTS["next_steps.application_count"] == 0
    assert default_of("next_steps.applications.3.messages.thank_you") is None


def test_flatten_and_nest_round_trip_the_example():
    data = example_scenario(DAY).model_dump(mode="json")
    leaves = flatten(data)
    assert set(leaves) == set(leaf_paths(3))  # three applications
    assert leaves["offers.0.name"] == "London fintech"
    assert leaves["offers.1.place_index"] == 95.0
    assert leaves["next_steps.application_count"] == 3
    assert leaves["next_steps.applications.0.interview_date"] == "2026-06-01"
    assert leaves["next_steps.applications.0.decision_date"] == "2026-06-08"  # a week later
    assert _nest(leaves) == data
    scenario, errors = validate_values(leaves)
    assert errors == {}
    assert scenario == example_scenario(DAY)


def test_json_and_python_values_round_trip_dates():
    day = dt.date(2026, 6, 2)
    assert json_value(day) == "2026-06-02"
    promised = "next_steps.applications.2.promised_date"
    assert python_value(promised, "2026-06-02") == day
    assert python_value(promised, json_value(day)) == day
    assert python_value(INTERVIEW, None) is None
    # text that is not a date is left for validation to report
    assert python_value(INTERVIEW, "soon") == "soon"
    # not a date path: ISO-looking text stays text
    assert python_value("offers.0.name", "2026-06-02") == "2026-06-02"


def test_json_and_python_values_round_trip_contact_log_rows():
    rows = [
        {"date": dt.date(2026, 6, 2), "channel": "email", "direction": "sent", "note": "thanks"},
        {"date": None, "channel": "phone", "direction": "received", "note": ""},
    ]
    stored = json_value(rows)
    assert stored == [
        {"date": "2026-06-02", "channel": "email", "direction": "sent", "note": "thanks"},
        {"date": None, "channel": "phone", "direction": "received", "note": ""},
    ]
    assert python_value("next_steps.applications.1.contact_log", stored) == rows
    points = [{"amount": 5_000.0, "per": "month", "label": "2026-06-02"}]
    assert python_value("numbers.points", json_value(points)) == points


# --- Your numbers ------------------------------------------------------------------------------


def test_hourly_current_pay_is_annualised():
    numbers = NumbersInput(current_salary=25.0, current_per="hour", current_hours=40.0)
    assert numbers.current_annual() == 52_000.0  # 25 x 40 x 52
    assert numbers.to_core().bands_args["current_salary"] == 52_000.0
    # blank hours: 37.5 -> 20 x 37.5 x 52 = 39,000
    assert NumbersInput(
        current_salary=20.0, current_per="hour", current_hours=None
    ).current_annual() == (39_000.0)
    assert NumbersInput(current_salary=3_000.0, current_per="month").current_annual() == 36_000.0
    assert NumbersInput().current_annual() is None


def test_numbers_in_core_units():
    query = NumbersInput(
        current_salary=52_000.0,
        new_hours=40.0,
        extra_travel_cost=1_200.0,
        uplift_pct=5.0,
        personal_minimum=54_000.0,
        going_rate=60_000.0,
        expertise="expert",
        target=64_000.0,
        anchor_margin_pct=8.0,
        range_width_pct=12.0,
    ).to_core()
    assert dict(query.bands_args) == {
        "current_salary": 52_000.0,
        "current_hours": 37.5,
        "new_hours": 40.0,
        "extra_travel_cost": 1_200.0,
        "responsibility_uplift": 0.05,
        "personal_minimum": 54_000.0,
        "expertise": "expert",
        "target": 64_000.0,
        "going_rate": 60_000.0,
    }
    assert query.anchor_margin == 0.08
    assert query.range_width == 0.12
    assert query.missing == ()


def test_blank_numbers_default_in_core_units():
    query = NumbersInput(anchor_margin_pct=None, range_width_pct=None).to_core()
    assert query.bands_args["extra_travel_cost"] == 0.0
    assert query.bands_args["responsibility_uplift"] == 0.0
    assert (query.anchor_margin, query.range_width) == (0.0, 0.0)
    assert NumbersInput().to_core().anchor_margin == 0.1  # default 10%


def test_points_source_makes_datapoints_and_skips_rows_without_amount():
    numbers = NumbersInput(
        market_source="points",
        going_rate=99_000.0,  # typed going rate is not used with points
        points=[
            PointRow(amount=3_000.0, per="month", label="  recruiter  "),
            PointRow(amount=None, label="blank row"),
            PointRow(amount=60_000.0),
        ],
    )
    args = numbers.to_core().bands_args
    assert "going_rate" not in args
    assert args["points"] == [
        DataPoint(3_000.0, "month", label="recruiter"),
        DataPoint(60_000.0, "year", label=None),
    ]
    empty = NumbersInput(current_salary=1.0, market_source="points", points=[PointRow()])
    assert empty.to_core().bands_args["points"] is None
    assert empty.to_core().missing == ("at least one figure you collected",)


def test_zero_point_is_skipped_or_reported_on_the_points_table():
    # The model lets a 0 amount through (ge=0) but the core's DataPoint refuses it; the error
    # must then name the table (the app puts errors under their field; a bare "amount" is
    # taken for the current salary), or the row must be skipped like a blank one.
    numbers = NumbersInput(
        current_salary=50_000.0,
        market_source="points",
        points=[PointRow(amount=0.0), PointRow(amount=60_000.0)],
    )
    query, err = _outcome(numbers.to_core)
    if err is not None:
        assert err.field == "points", (err.field, err.rule)
    else:
        assert query.bands_args["points"] == [DataPoint(60_000.0)]


def test_market_source_uses_the_percentiles():
    table = {10: 40_000.0, 50: 52_000.0, 90: 70_000.0}
    numbers = NumbersInput(current_salary=45_000.0, market_source="market", going_rate=1.0)
    query = numbers.to_core(table)
    assert query.bands_args["percentiles"] == table
    assert "going_rate" not in query.bands_args
    assert query.missing == ()
    assert numbers.to_core().bands_args["percentiles"] is None
    assert numbers.to_core().missing == ("an occupation from the search",)


def test_missing_texts():
    assert NumbersInput().to_core().missing == (
        "your current pay (or a personal minimum)",
        "a going rate",
    )
    assert NumbersInput(personal_minimum=30_000.0).to_core().missing == ("a going rate",)
    assert NumbersInput(going_rate=30_000.0).to_core().missing == (
        "your current pay (or a personal minimum)",
    )


def test_bands_args_give_what_the_core_gives():
    query = NumbersInput(
        current_salary=52_000.0, uplift_pct=5.0, extra_travel_cost=1_200.0, going_rate=60_000.0
    ).to_core()
    bands = salary_bands(**query.bands_args)
    direct = salary_bands(
        current_salary=52_000.0,
        responsibility_uplift=0.05,
        extra_travel_cost=1_200.0,
        going_rate=60_000.0,
    )
    assert bands == direct
    assert bands.bottom_line == 55_800.0  # 52,000 x 1.05 + 1,200


def test_example_numbers_through_the_core():
    query = example_scenario(DAY).numbers.to_core()
    bands = salary_bands(**query.bands_args)
    assert bands.bottom_line == 55_800.0  # above the 54,000 personal minimum
    # median of 55k, 58k, 60k (5,000 a month), 62k, 65k, 70k, 78k
    assert bands.going_rate == 62_000.0
    assert bands.target == 64_000.0


# --- Next steps ---------------------------------------------------------------------------------


def _log_row(day: dt.date | None, note: str) -> LogRow:
    return LogRow(date=day, channel="phone", direction="received", note=note)


def test_application_plan_args():
    steps = ApplicationInput(
        id="a1",
        interview_date=dt.date(2026, 6, 4),
        decision_date=dt.date(2026, 6, 11),
        contact_method="recruiter",
        agency=True,
        promised_items="  code sample ",
        promised_date=dt.date(2026, 6, 6),
        interviewer="  Sam, Alex  ",
        company=" Acme ",
        stage="offer",
        stage_date=dt.date(2026, 6, 12),
        answer_by=dt.date(2026, 6, 19),
    )
    query = steps.to_core(role=" developer ", patience="a_week", region=("GB", "SCT"))
    assert dict(query.plan_args) == {
        "interview_date": dt.date(2026, 6, 4),
        "decision_date": dt.date(2026, 6, 11),
        "contact_method": "recruiter",
        "agency": True,
        "promised_items": (("code sample", dt.date(2026, 6, 6)),),
        "patience": "a_week",
        "log": ContactLog(),
        "interviewer_names": ("Sam", "Alex"),
        "company": "Acme",
        "role": "developer",
        "country": "GB",
        "subdivision": "SCT",
        "stage": "offer",
        "stage_date": dt.date(2026, 6, 12),
        "answer_by": dt.date(2026, 6, 19),
        "key": "a1",
    }
    plan = follow_up_plan(**query.plan_args)
    assert (plan.company, plan.key, plan.subdivision) == ("Acme", "a1", "SCT")
    # the application's own role wins over the one from Your numbers; "applied" plans as
    # "interviewing" (its interview date is set)
    own = ApplicationInput(interview_date=dt.date(2026, 6, 4), role="Analyst").to_core("dev")
    assert (own.plan_args["role"], own.plan_args["stage"]) == ("Analyst", "interviewing")


def test_application_stage_must_be_known():
    _, errors = validate_values(
        {"next_steps.application_count": 1, "next_steps.applications.0.stage": "hired"}
    )
    assert list(errors) == ["next_steps.applications.0.stage"]
    assert errors["next_steps.applications.0.stage"].startswith("must be one of applied")


def test_application_count_out_of_range_is_reported_on_the_count():
    for bad, rule in ((-1, "must be at least 0"), (201, "must be at most 200")):
        scenario, errors = validate_values({"next_steps.application_count": bad})
        assert errors == {"next_steps.application_count": rule}
        assert scenario.next_steps.applications == []
    # leaves beyond the count are ignored (left over after a removal)
    scenario, errors = validate_values(
        {"next_steps.application_count": 1, "next_steps.applications.1.company": "Gone"}
    )
    assert errors == {}
    assert [a.company for a in scenario.next_steps.applications] == [""]


def test_single_application_data_becomes_the_first_application():
    old = {
        "next_steps.company": "Acme",
        "next_steps.interview_date": "2026-06-04",
        "next_steps.patience": "a_week",
        "next_steps.messages.thank_you": "My own thanks",
        "next_steps.contact_log": [{"date": "2026-06-04", "note": "thanks"}],
        "numbers.role": "dev",
    }
    up = upgrade_leaves(old, lambda: "first")
    assert up["next_steps.application_count"] == 1
    assert up["next_steps.applications.0.company"] == "Acme"
    assert up["next_steps.applications.0.id"] == "first"
    assert up["next_steps.applications.0.stage"] == "interviewing"
    assert up["next_steps.applications.0.messages.thank_you"] == "My own thanks"
    assert up["next_steps.patience"] == "a_week"  # still the setting for every application
    assert up["numbers.role"] == "dev"
    assert not any(p in up for p in ("next_steps.company", "next_steps.contact_log"))
    scenario, errors = validate_values(up)
    assert errors == {}
    (only,) = scenario.next_steps.applications
    assert only.contact_log[0].note == "thanks"
    # nothing was filled in: no application; already upgraded: unchanged
    assert upgrade_leaves({"next_steps.company": ""}, lambda: "x") == {
        "next_steps.application_count": 0
    }
    assert upgrade_leaves(up, lambda: "x") == up
    assert upgrade_next_steps({"applications": [], "country": "US"}, lambda: "x") == {
        "applications": [],
        "country": "US",
    }


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({}, ("GB", "ENG")),  # pounds
        ({"numbers.currency": "USD"}, ("US", None)),
        ({"numbers.currency": "EUR"}, (None, None)),
        ({"current_job.tax_country": "GB", "current_job.tax_region": "scotland"}, ("GB", "SCT")),
        ({"offers.0.tax_country": "US", "offers.0.tax_state": "North Carolina"}, ("US", "NC")),
        ({"next_steps.country": "none"}, (None, None)),
        ({"next_steps.country": "US", "next_steps.subdivision": "tx"}, ("US", "TX")),
    ],
)
def test_holiday_region_from_settings(values, expected):
    scenario, errors = validate_values(values)
    assert errors == {}
    assert holiday_region(scenario) == expected


def test_application_plan_args_blanks():
    base = {"interview_date": dt.date(2026, 6, 4)}
    args = ApplicationInput(**base, company="  ", interviewer=" ").to_core().plan_args
    assert args["company"] is None
    assert args["role"] is None
    assert args["interviewer_names"] == ()
    # a promised item needs both the text and the date
    only_text = ApplicationInput(**base, promised_items="references").to_core().plan_args
    assert only_text["promised_items"] == ()
    only_date = ApplicationInput(**base, promised_date=dt.date(2026, 6, 5)).to_core().plan_args
    assert only_date["promised_items"] == ()
    # no interview date: no plan yet
    assert ApplicationInput(company="Acme").to_core().plan_args is None


def test_contact_log_skips_undated_rows_and_sorts_by_date():
    steps = ApplicationInput(
        interview_date=dt.date(2026, 6, 1),
        contact_log=[
            _log_row(dt.date(2026, 6, 9), "later"),
            _log_row(None, "no date"),
            _log_row(dt.date(2026, 6, 2), "earlier"),
        ],
    )
    query = steps.to_core()
    assert query.log.entries == (
        LogEntry(dt.date(2026, 6, 2), "phone", "received", "earlier"),
        LogEntry(dt.date(2026, 6, 9), "phone", "received", "later"),
    )
    assert query.plan_args["log"] == query.log


def test_acceptance_terms():
    query = ApplicationInput(min_holiday_days=25.0, min_home_days=2.0).to_core()
    assert query.terms == AcceptanceTerms(min_holiday_days=25.0, min_home_working_days=2.0)
    assert query.min_salary_from_bands is True
    query = ApplicationInput(min_salary=58_000.0).to_core()
    assert query.terms == AcceptanceTerms(min_salary=58_000.0)
    assert query.min_salary_from_bands is False


def test_letter_checks_confirmed():
    assert LetterChecks(salary=True, conditions=True).confirmed() == {
        "role": False,
        "salary": True,
        "benefits": False,
        "expenses": False,
        "start_date": False,
        "conditions": True,
    }


# --- plausibility -----------------------------------------------------------------------------


def test_implausible_hourly():
    # 68,000 x 37.5 h x 52 = 132,600,000
    assert implausible(68_000, "hour", "GBP") == (
        "£68,000 an hour is £132,600,000 a year. Did you mean £68,000 a year?"
    )
    # 999 x 1,950 h = 1,948,050: high but not flagged
    assert implausible(999, "hour", "GBP") is None
    assert implausible(1_000, "hour", "GBP") is None


def test_implausible_yearly_and_monthly():
    assert implausible(10_000_001, "year", "GBP") == (
        "£10,000,001 a year is £10,000,001 a year, which is unusual. "
        "Did you mean £1,000,000 (one zero fewer)?"
    )
    assert implausible(10_000_000, "year", "GBP") is None
    # 2,000,000 x 12 = 24,000,000 a year
    assert implausible(2_000_000, "month", "USD") == (
        "$2,000,000 a month is $24,000,000 a year, which is unusual. "
        "Did you mean $200,000 (one zero fewer)?"
    )


@pytest.mark.parametrize("amount", [None, 0, 0.0, -5])
def test_implausible_nothing_to_say(amount):
    assert implausible(amount, "hour", "GBP") is None


def test_implausible_hours():
    assert implausible_hours(81) == (
        "More than 80 hours a week is very unusual: did you mean "
        "81 hours a fortnight (40.5 a week)?"
    )
    assert implausible_hours(80) is None
    assert implausible_hours(None) is None


# --- weights -------------------------------------------------------------------------------------


def test_weights_keys_are_the_scoring_components():
    weights = WeightsInput(health=5, travel=0, car=1, culture=4).to_core()
    expected = set(MONEY_COMPONENTS) | {f"factor:{name}" for name in FACTORS}
    assert set(weights) == expected
    assert len(weights) == len(MONEY_COMPONENTS) + 5
    assert weights["health_care"] == 5.0
    assert weights["travel_allowance"] == 0.0
    assert weights["company_car"] == 1.0
    assert weights["factor:culture"] == 4.0
    assert weights["base"] == 3.0


def test_score_packages_accepts_the_weights():
    scenario = example_scenario(DAY)
    offers = [offer for _, offer, _ in scenario.core_offers()]
    assert all(offer is not None for offer in offers)
    only = dict.fromkeys(WeightsInput.model_fields, 0) | {"base": 3, "culture": 1}
    scores = score_packages(offers, WeightsInput(**only).to_core()).by_name()
    # base 68,000 v 62,000 (weight 3), culture 3 v 4 (weight 1); score = 100 x sum / 4
    # A: (3 x 1 + 1 x 3/4) / 4 = 93.75; B: (3 x 62/68 + 1 x 1) / 4 = 93.382...
    assert scores["London fintech"].score == pytest.approx(93.75, rel=1e-12)
    assert scores["Manchester scale-up"].score == pytest.approx(
        100 * (3 * 62 / 68 + 1) / 4, rel=1e-12
    )
    # default weights (3 everywhere) are accepted too
    assert set(score_packages(offers, WeightsInput().to_core()).by_name()) == {
        "London fintech",
        "Manchester scale-up",
    }


# --- property: anything the model accepts converts or is refused by name ------------------------


def _text_strategy() -> st.SearchStrategy[str]:
    return st.text(st.characters(exclude_categories=("Cs",)), max_size=12)


def _field_strategy(name: str, info: Any) -> st.SearchStrategy[Any]:
    annotation = info.annotation
    if get_origin(annotation) is Literal:
        return st.sampled_from(get_args(annotation))
    if annotation is bool:
        return st.booleans()
    if name == "place_state":
        return st.sampled_from(["", "CA", "texas", "District of Columbia", "Atlantis", " "])
    if annotation is str:
        return _text_strategy()
    low, high = bounds(f"offers.0.{name}")
    if _is_whole(f"offers.0.{name}"):
        numbers: st.SearchStrategy[Any] = st.integers(int(low), int(high))
    else:
        above = any(isinstance(m, annotated_types.Gt) for m in info.metadata)
        numbers = st.floats(float(low), float(high), exclude_min=above, allow_nan=False)
    return st.none() | numbers if type(None) in get_args(annotation) else numbers


OFFER_FIELDS = st.fixed_dictionaries(
    {
        name: _field_strategy(name, info)
        for name, info in OfferInput.model_fields.items()
        if name not in ("letter", "base_salary", "equity_tranches", "tax_student_loans")
    }
)


@given(
    fields=OFFER_FIELDS,
    base=st.floats(0.0, 1e9, allow_nan=False),
    currency=st.sampled_from(["GBP", "USD", "EUR"]),
)
def test_offer_within_bounds_converts_or_names_its_field(fields, base, currency):
    offer = OfferInput.model_validate({**fields, "base_salary": base})
    core, err = _outcome(lambda: offer.to_core(currency, "Offer A"))
    if err is not None:
        assert err.field in OfferInput.model_fields, (err.field, err.rule)
        assert err.rule
        return
    assert core is not None
    assert math.isfinite(core.base_salary)
    assert core.base_salary > 0
    assert OfferInput.model_validate({**fields, "base_salary": None}).to_core("GBP", "A") is None


def test_several_loans_and_the_earlier_single_loan_field():
    offer = _core(tax_country="GB", tax_year=2026, tax_student_loans=["plan_5", "plan_2"])
    assert offer.tax.student_loans == ("plan_5", "plan_2")
    earlier = OfferInput.model_validate({"base_salary": 50_000.0, "tax_student_loan": "plan_4"})
    assert earlier.tax_student_loans == ["plan_4"]
    assert OfferInput.model_validate({"tax_student_loan": ""}).tax_student_loans == []
