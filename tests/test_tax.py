"""Take-home pay, worked by hand from the published rates (shared/TAX_TABLES.md)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculator import InputError
from calculator.tax import TaxProfile, available_tax_years, take_home

# (gross, kwargs, expected income_tax, social, student_loan, pension, net); None = not checked.
GB_CASES = [
    # at the personal allowance: nothing to pay
    (12_570, {}, 0.0, 0.0, 0.0, 0.0, 12_570.0),
    # 17,430 x 20% = 3,486; NI 17,430 x 8% = 1,394.40
    (30_000, {}, 3_486.0, 1_394.40, 0.0, 0.0, 25_119.60),
    # 37,430 x 20% = 7,486; NI 37,430 x 8% = 2,994.40
    (50_000, {}, 7_486.0, 2_994.40, 0.0, 0.0, 39_519.60),
    # 37,700 x 20% + 9,730 x 40% = 11,432; NI 3,016 + 9,730 x 2% = 3,210.60
    (60_000, {}, 11_432.0, 3_210.60, 0.0, 0.0, 45_357.40),
    # taper: allowance 12,570 - 5,000 = 7,570; 7,540 + 64,730 x 40% = 33,432; NI 3,016 + 1,194.60
    (110_000, {}, 33_432.0, 4_210.60, 0.0, 0.0, None),
    # allowance nil at 125,140: 7,540 + 87,440 x 40% = 42,516
    (125_140, {}, 42_516.0, None, 0.0, 0.0, None),
    # 7,540 + 34,976 + 24,860 x 45% = 53,703
    (150_000, {}, 53_703.0, None, 0.0, 0.0, None),
    # Scotland 2025/26 on 37,430 taxable: 2,827 x 19% + 12,094 x 20% + 16,171 x 21% + 6,338 x 42%
    (50_000, {"region": "scotland"}, 9_013.80, 2_994.40, 0.0, 0.0, None),
    # Scotland 2026/27 on 17,430: 3,967 x 19% + 12,989 x 20% + 474 x 21% = 3,451.07
    (30_000, {"region": "scotland", "tax_year": 2026}, 3_451.07, 1_394.40, 0.0, 0.0, None),
    # plan 2: (40,000 - 28,470) x 9% = 1,037.70
    (40_000, {"student_loans": ["plan_2"]}, None, None, 1_037.70, 0.0, None),
    # plan 1 + postgraduate: 13,935 x 9% + 19,000 x 6% = 1,254.15 + 1,140
    (40_000, {"student_loans": ["plan_1", "postgraduate"]}, None, None, 2_394.15, 0.0, None),
    # plan 5: nothing due in 2025/26; 2026/27: (40,000 - 25,000) x 9% = 1,350
    (40_000, {"student_loans": ["plan_5"]}, None, None, 0.0, 0.0, None),
    (40_000, {"student_loans": ["plan_5"], "tax_year": 2026}, None, None, 1_350.0, 0.0, None),
    # salary sacrifice 5% of 60,000: pay 57,000 -> tax 7,540 + 6,730 x 40% = 10,232;
    # NI 3,016 + 134.60 = 3,150.60
    (60_000, {"pension_rate": 0.05}, 10_232.0, 3_150.60, 0.0, 3_000.0, 43_617.40),
    # net pay arrangement: same income tax, NI on the full 60,000
    (
        60_000,
        {"pension_rate": 0.05, "pension_method": "net_pay"},
        10_232.0,
        3_210.60,
        0.0,
        3_000.0,
        43_557.40,
    ),
    # relief at source: bands extended by 3,000 -> 40,700 x 20% + 6,730 x 40% = 10,832;
    # 80% of 3,000 = 2,400 leaves net pay
    (
        60_000,
        {"pension_rate": 0.05, "pension_method": "relief_at_source"},
        10_832.0,
        3_210.60,
        0.0,
        2_400.0,
        43_557.40,
    ),
]

US_CASES = [
    # 2025 single: 84,250 taxable -> 1,192.50 + 4,386 + 7,870.50 = 13,449; FICA 6,200 + 1,450
    (100_000, {}, 13_449.0, 7_650.0, 0.0, 78_901.0),
    # 184,250 taxable -> 37,067; Social Security capped at 176,100 x 6.2% = 10,918.20; + 2,900
    (200_000, {}, 37_067.0, 13_818.20, 0.0, 149_114.80),
    # 284,250 taxable -> 69,034.75; FICA 10,918.20 + 4,350 + 0.9% x 100,000
    (300_000, {}, 69_034.75, 16_168.20, 0.0, None),
    # married filing jointly: 268,500 taxable -> 50,134; Additional Medicare above 250,000
    (300_000, {"filing_status": "married_joint"}, 50_134.0, 15_718.20, 0.0, None),
    # 401(k) 10%: 74,250 taxable -> 11,249; FICA unchanged
    (100_000, {"pension_rate": 0.10}, 11_249.0, 7_650.0, 10_000.0, 71_101.0),
    # 401(k) 50% is capped at the 23,500 limit
    (100_000, {"pension_rate": 0.50}, None, 7_650.0, 23_500.0, None),
    # state and local 5% of 100,000 on top of federal
    (100_000, {"state_local_rate": 0.05}, 18_449.0, 7_650.0, 0.0, 73_901.0),
    # 2026 single: 83,900 taxable -> 1,240 + 4,560 + 7,370 = 13,170
    (100_000, {"tax_year": 2026}, 13_170.0, 7_650.0, 0.0, 79_180.0),
    # 2026 wage base 184,500 x 6.2% = 11,439 plus Medicare 190,000 x 1.45% = 2,755
    (190_000, {"tax_year": 2026}, None, 14_194.0, 0.0, None),
    # below the standard deduction: FICA only
    (10_000, {}, 0.0, 765.0, 0.0, 9_235.0),
    (0, {}, 0.0, 0.0, 0.0, 0.0),
    # MFJ 2025 at 100,000: 68,500 taxable -> 2,385 + 44,650 x 12% = 7,743
    (100_000, {"filing_status": "married_joint"}, 7_743.0, 7_650.0, 0.0, 84_607.0),
]


@pytest.mark.parametrize(("gross", "kwargs", "tax", "social", "loan", "pension", "net"), GB_CASES)
def test_uk_cases(gross, kwargs, tax, social, loan, pension, net):
    result = take_home(gross, "GB", kwargs.pop("tax_year", 2025), **kwargs)
    for expected, actual in (
        (tax, result.income_tax),
        (social, result.social_contributions),
        (loan, result.student_loan),
        (pension, result.pension),
        (net, result.net),
    ):
        if expected is not None:
            assert actual == pytest.approx(expected, abs=0.005)


@pytest.mark.parametrize(("gross", "kwargs", "tax", "social", "pension", "net"), US_CASES)
def test_us_cases(gross, kwargs, tax, social, pension, net):
    result = take_home(gross, "US", kwargs.pop("tax_year", 2025), **kwargs)
    for expected, actual in (
        (tax, result.income_tax),
        (social, result.social_contributions),
        (pension, result.pension),
        (net, result.net),
    ):
        if expected is not None:
            assert actual == pytest.approx(expected, abs=0.005)


@pytest.mark.parametrize(
    ("gross", "country", "kwargs", "rate"),
    [
        (110_000, "GB", {}, 0.62),  # taper: 40% + 20% lost allowance + 2% NI
        (110_000, "GB", {"student_loans": ["plan_2"]}, 0.71),  # + 9% plan 2
        (40_000, "GB", {}, 0.28),  # 20% + 8%
        (40_000, "GB", {"region": "scotland"}, 0.29),  # Scottish intermediate 21% + 8%
        (150_000, "US", {}, 0.3165),  # 24% + 6.2% + 1.45%
        (210_000, "US", {}, 0.2635),  # above the wage base: 24% + 1.45% + 0.9%
    ],
)
def test_marginal_rates(gross, country, kwargs, rate):
    assert take_home(gross, country, 2025, **kwargs).marginal_rate == pytest.approx(rate, abs=1e-6)


def test_breakdown_adds_up_to_gross_and_monthly_is_a_twelfth():
    result = take_home(
        80_000, "US", 2025, pension_rate=0.06, state_local_rate=0.04, filing_status="single"
    )
    assert sum(amount for _, amount in result.breakdown) == pytest.approx(80_000)
    assert result.monthly_net == pytest.approx(result.net / 12)
    assert any("not modelled" in note for note in result.notes)


def test_unverified_figures_are_flagged():
    notes = take_home(40_000, "GB", 2026, region="scotland").notes
    assert any("S6M-20844" in note for note in notes)
    assert not any("S6M-20844" in n for n in take_home(40_000, "GB", 2026).notes)


def test_missing_year_names_the_years_available():
    with pytest.raises(InputError) as info:
        take_home(50_000, "GB", 2031)
    assert info.value.field == "tax_year"
    assert "2025, 2026" in str(info.value)
    assert available_tax_years("US") == (2025, 2026)


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"gross": -1}, "gross"),
        ({"gross": float("nan")}, "gross"),
        ({"country": "FR"}, "country"),
        ({"region": "wessex"}, "region"),
        ({"country": "US", "region": "scotland"}, "region"),
        ({"country": "US", "filing_status": "head"}, "filing_status"),
        ({"student_loans": ["plan_9"]}, "student_loans"),
        ({"student_loans": ["plan_1", "plan_2"]}, "student_loans"),
        ({"pension_rate": 2}, "pension_rate"),
        ({"pension_method": "401k"}, "pension_method"),
        ({"state_local_rate": 0.05}, "state_local_rate"),
    ],
)
def test_bad_input_names_the_field(kwargs, field):
    kwargs = {"gross": 50_000, **kwargs}
    with pytest.raises(InputError) as info:
        take_home(**kwargs)
    assert info.value.field == field


def test_profile_round_trips_and_applies():
    profile = TaxProfile("GB", 2025, region="scotland", student_loans=("plan_2",))
    assert TaxProfile.from_dict(profile.to_dict()) == profile
    assert (
        profile.take_home(50_000).net
        == take_home(50_000, "GB", 2025, "scotland", student_loans=["plan_2"]).net
    )


profiles = st.one_of(
    st.builds(
        dict,
        country=st.just("GB"),
        region=st.sampled_from([None, "scotland", "wales"]),
        student_loans=st.sampled_from([(), ("plan_1",), ("plan_2", "postgraduate"), ("plan_5",)]),
        pension_method=st.sampled_from(["salary_sacrifice", "net_pay", "relief_at_source"]),
        tax_year=st.sampled_from([2025, 2026]),
    ),
    st.builds(
        dict,
        country=st.just("US"),
        filing_status=st.sampled_from(["single", "married_joint"]),
        state_local_rate=st.floats(0, 0.12),
        tax_year=st.sampled_from([2025, 2026]),
    ),
)


@given(st.floats(0, 2_000_000), st.floats(0, 50_000), profiles, st.floats(0, 0.3))
def test_net_never_exceeds_gross_and_never_falls_as_gross_rises(gross, raise_by, p, rate):
    p = dict(p)
    country, year = p.pop("country"), p.pop("tax_year")
    low = take_home(gross, country, year, pension_rate=rate, **p)
    high = take_home(gross + raise_by, country, year, pension_rate=rate, **p)
    assert low.net <= low.gross + 1e-9
    assert high.net >= low.net - 1e-6
    # No rule here takes more than all of the next pound: the highest combination is the UK
    # taper with a student loan and postgraduate loan (40 + 20 + 2 + 9 + 6 = 77%).
    assert 0.0 <= low.marginal_rate <= 1.0
