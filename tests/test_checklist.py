"""Offer-letter checklist and acceptance terms (docs/domain.md section 3), hand-worked."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculator.bands import SalaryBands
from calculator.checklist import (
    LETTER_ITEMS,
    AcceptanceTerms,
    check_acceptance,
    offer_letter_checklist,
)
from calculator.errors import InputError
from calculator.offers import HomeWorking, Offer, Pension

# --- offer-letter checklist ---------------------------------------------------------------


def test_six_items_in_domain_order():
    # docs/domain.md section 3: role requirements, salary, benefits, expenses, start date, conditions.
    c = offer_letter_checklist()
    assert [i.key for i in c.items] == [
        "role",
        "salary",
        "benefits",
        "expenses",
        "start_date",
        "conditions",
    ]
    assert not c.complete
    assert len(c.ask_in_writing) == 6


@pytest.mark.parametrize(
    ("confirmed", "missing"),
    [
        (["role", "salary", "benefits", "start_date"], ["expenses", "conditions"]),
        (
            {"role": True, "salary": False},
            ["salary", "benefits", "expenses", "start_date", "conditions"],
        ),
        (set(LETTER_ITEMS), []),
        (frozenset(), list(LETTER_ITEMS)),
    ],
)
def test_unchecked_items_become_ask_in_writing_lines(confirmed, missing):
    c = offer_letter_checklist(confirmed)
    assert [i.key for i in c.items if not i.confirmed] == missing
    assert c.ask_in_writing == tuple(
        f"Please confirm in writing {LETTER_ITEMS[key][1]}." for key in missing
    )
    assert c.complete == (not missing)


def test_conditions_line_mentions_background_and_credit_checks():
    (line,) = offer_letter_checklist(set(LETTER_ITEMS) - {"conditions"}).ask_in_writing
    assert line == "Please confirm in writing any conditions, such as background or credit checks."


@pytest.mark.parametrize(
    "confirmed",
    [
        "salary",
        b"salary",
        ["salary", "bonus"],
        {"pay": True},
        {"salary": "yes"},
        5,
        [1],
        [{"a": 1}],
    ],
)
def test_bad_confirmed(confirmed):
    with pytest.raises(InputError) as err:
        offer_letter_checklist(confirmed)
    assert err.value.field == "confirmed"


# --- acceptance terms ---------------------------------------------------------------------


def statuses(result):
    return [(i.term, i.status) for i in result.items]


def test_salary_2000_below_the_minimum():
    # 55,000 wanted, 53,000 offered: 2,000 short.
    r = check_acceptance(AcceptanceTerms(min_salary=55_000), Offer("Acme", 53_000))
    (item,) = r.items
    assert item.status == "fail"
    assert item.shortfall == pytest.approx(2_000)
    assert item.message == "Salary £53,000 is £2,000 below your minimum of £55,000."
    assert not r.passes
    assert r.failed == (item,)
    assert r.offer == "Acme"


def test_salary_from_a_monthly_offer_in_dollars():
    # 4,500 a month x 12 = 54,000 a year >= 54,000: pass (exactly at the minimum).
    offer = Offer("Beta", base_amount=4_500, pay_period="month", currency="USD")
    r = check_acceptance(AcceptanceTerms(min_salary=54_000), offer)
    assert statuses(r) == [("salary", "pass")]
    assert r.items[0].message == "Salary $54,000 meets your minimum of $54,000."


def test_unstated_benefits_are_unknown_not_pass_or_fail():
    terms = AcceptanceTerms(min_holiday_days=25, min_home_working_days=2, min_pension_rate=0.05)
    r = check_acceptance(terms, Offer("Acme", 50_000))
    assert statuses(r) == [
        ("holiday", "unknown"),
        ("home_working", "unknown"),
        ("pension", "unknown"),
    ]
    assert r.passes  # nothing failed...
    assert len(r.unknown) == 3  # ...but three things to ask about
    assert r.items[0].message == "Holiday is not stated: ask how many days come with the role."


@pytest.mark.parametrize(
    ("offer_kwargs", "terms_kwargs", "expected", "shortfall"),
    [
        # 22 days offered, 25 wanted: 3 days short.
        ({"holiday_days": 22}, {"min_holiday_days": 25}, ("holiday", "fail"), 3),
        ({"holiday_days": 25}, {"min_holiday_days": 25}, ("holiday", "pass"), 0),
        # Zero stated is a real 0, not "not stated": fails by the whole minimum.
        ({"holiday_days": 0}, {"min_holiday_days": 20}, ("holiday", "fail"), 20),
        # 1 home day offered, 2.5 wanted: 1.5 short.
        (
            {"home_working": HomeWorking(1)},
            {"min_home_working_days": 2.5},
            ("home_working", "fail"),
            1.5,
        ),
        (
            {"home_working": HomeWorking(3)},
            {"min_home_working_days": 2},
            ("home_working", "pass"),
            0,
        ),
        # Employer 3% of salary, 5% wanted: 2 points short.
        (
            {"pension": Pension(employer_rate=0.03)},
            {"min_pension_rate": 0.05},
            ("pension", "fail"),
            0.02,
        ),
        # Match 50% of the employee's 6% (cap 6%) = 3% employer: meets 3%.
        (
            {"pension": Pension(match_rate=0.5, match_cap=0.06, employee_rate=0.06)},
            {"min_pension_rate": 0.03},
            ("pension", "pass"),
            0,
        ),
        # UK auto-enrolment on qualifying earnings: 3% x (30,000 - 6,240) = 712.80 a year,
        # 712.80 / 30,000 = 2.376% of salary < 3%: short by 0.624 points.
        (
            {"pension": Pension(employer_rate=0.03, basis="qualifying_earnings")},
            {"min_pension_rate": 0.03},
            ("pension", "fail"),
            0.03 - 712.8 / 30_000,
        ),
    ],
)
def test_benefit_terms(offer_kwargs, terms_kwargs, expected, shortfall):
    offer = Offer("Acme", 30_000, **offer_kwargs)
    (item,) = check_acceptance(AcceptanceTerms(**terms_kwargs), offer).items
    assert (item.term, item.status) == expected
    assert item.shortfall == pytest.approx(shortfall)


def test_holiday_and_pension_messages():
    offer = Offer("Acme", 30_000, holiday_days=22, pension=Pension(employer_rate=0.03))
    terms = AcceptanceTerms(min_holiday_days=25, min_pension_rate=0.05)
    messages = [i.message for i in check_acceptance(terms, offer).items]
    assert messages == [
        "Holiday of 22 days is 3 short of your minimum of 25.",
        "Employer pension of 3.0% of salary is 2.0% below your minimum of 5.0%.",
    ]


def test_no_terms_no_items():
    r = check_acceptance(AcceptanceTerms(), Offer("Acme", 30_000))
    assert r.items == ()
    assert r.passes


def test_from_bands_uses_the_bottom_line():
    bands = SalaryBands(bottom_line=28_000, going_rate=30_000, top_salary=36_000, target=33_000)
    terms = AcceptanceTerms.from_bands(bands, min_holiday_days=25)
    assert terms.min_salary == 28_000
    assert terms.min_holiday_days == 25
    # 27,500 offered: 500 below the bottom line.
    (salary, _) = check_acceptance(terms, Offer("Low", 27_500)).items
    assert salary.shortfall == pytest.approx(500)


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"min_salary": -1}, "min_salary"),
        ({"min_salary": float("inf")}, "min_salary"),
        ({"min_salary": "50k"}, "min_salary"),
        ({"min_holiday_days": 400}, "min_holiday_days"),
        ({"min_home_working_days": 8}, "min_home_working_days"),
        ({"min_home_working_days": -1}, "min_home_working_days"),
        ({"min_pension_rate": 5}, "min_pension_rate"),
        ({"min_pension_rate": float("nan")}, "min_pension_rate"),
    ],
)
def test_bad_terms(kwargs, field):
    with pytest.raises(InputError) as err:
        AcceptanceTerms(**kwargs)
    assert err.value.field == field


def test_bad_arguments():
    with pytest.raises(InputError) as err:
        check_acceptance({"min_salary": 1}, Offer("A", 1))
    assert err.value.field == "terms"
    with pytest.raises(InputError) as err:
        check_acceptance(AcceptanceTerms(), {"name": "A"})
    assert err.value.field == "offer"
    with pytest.raises(InputError) as err:
        AcceptanceTerms.from_bands({"bottom_line": 1})
    assert err.value.field == "bands"


@given(
    salary=st.floats(min_value=1_000, max_value=1_000_000),
    minimum=st.floats(min_value=0, max_value=1_000_000),
    holiday=st.none() | st.floats(min_value=0, max_value=60),
    need_days=st.floats(min_value=0, max_value=60),
)
def test_status_matches_the_arithmetic(salary, minimum, holiday, need_days):
    offer = Offer("X", salary, holiday_days=holiday)
    r = check_acceptance(AcceptanceTerms(min_salary=minimum, min_holiday_days=need_days), offer)
    sal, hol = r.items
    assert sal.status == ("fail" if minimum - salary > 1e-9 else "pass")
    assert sal.shortfall == pytest.approx(max(minimum - salary, 0) if sal.status == "fail" else 0)
    if holiday is None:
        assert hol.status == "unknown"
    else:
        assert hol.status == ("fail" if need_days - holiday > 1e-9 else "pass")
    assert r.passes == all(i.status != "fail" for i in r.items)
