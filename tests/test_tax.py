"""Take-home pay, each expected figure worked by hand from the rates in shared/TAX_TABLES.md.

UK 2025/26 and 2026/27 (rest of UK): allowance 12,570; 20% on the first 37,700 of taxable
income, 40% to 125,140, 45% above; NI 8% on 12,570-50,270, 2% above. US 2025 single brackets
10/12/22/24/32/35/37% to 11,925 / 48,475 / 103,350 / 197,300 / 250,525 / 626,350; standard
deduction 15,750; Social Security 6.2% to 176,100; Medicare 1.45%; 0.9% above 200,000.
"""

from __future__ import annotations

import json
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculator import InputError
from calculator.tax import (
    MAX_PENSION_RATE,
    TakeHome,
    TaxProfile,
    available_tax_years,
    take_home,
)

# (gross, kwargs, income_tax, social, student_loan, pension, net); None = not checked here.
GB_CASES = [
    # 1. at the personal allowance: nothing to pay
    (12_570, {}, 0.0, 0.0, 0.0, 0.0, 12_570.0),
    # 2. 17,430 taxable x 20% = 3,486; NI 17,430 x 8% = 1,394.40
    (30_000, {}, 3_486.0, 1_394.40, 0.0, 0.0, 25_119.60),
    # 3. 37,430 x 20% = 7,486; NI 37,430 x 8% = 2,994.40
    (50_000, {}, 7_486.0, 2_994.40, 0.0, 0.0, 39_519.60),
    # 4. 37,700 x 20% + 9,730 x 40% = 7,540 + 3,892; NI 37,700 x 8% = 3,016 + 9,730 x 2% = 194.60
    (60_000, {}, 11_432.0, 3_210.60, 0.0, 0.0, 45_357.40),
    # 5. taper starts: 7,540 + 49,730 x 40% = 27,432; NI 3,016 + 49,730 x 2% = 4,010.60
    (100_000, {}, 27_432.0, 4_010.60, 0.0, 0.0, 68_557.40),
    # 6. taper: allowance 12,570 - 10,000 / 2 = 7,570; taxable 102,430 -> 7,540 + 64,730 x 40%
    #    = 33,432 (6,000 more than at 100,000: 60%); NI 3,016 + 59,730 x 2% = 4,210.60
    (110_000, {}, 33_432.0, 4_210.60, 0.0, 0.0, 72_357.40),
    # 7. allowance nil at 125,140: 7,540 + 87,440 x 40% = 42,516; NI 3,016 + 74,870 x 2%
    (125_140, {}, 42_516.0, 4_513.40, 0.0, 0.0, 78_110.60),
    # 8. 7,540 + 34,976 + 24,860 x 45% = 53,703; NI 3,016 + 99,730 x 2% = 5,010.60
    (150_000, {}, 53_703.0, 5_010.60, 0.0, 0.0, 91_286.40),
    # 9. Scotland 2025/26 on 37,430: 2,827 x 19% + 12,094 x 20% + 16,171 x 21% + 6,338 x 42%
    #    = 537.13 + 2,418.80 + 3,395.91 + 2,661.96
    (50_000, {"region": "scotland"}, 9_013.80, 2_994.40, 0.0, 0.0, 37_991.80),
    # 10. Scotland 2026/27 on 17,430: 3,967 x 19% + 12,989 x 20% + 474 x 21%
    #     = 753.73 + 2,597.80 + 99.54
    (30_000, {"region": "scotland", "tax_year": 2026}, 3_451.07, 1_394.40, 0.0, 0.0, 25_154.53),
    # 11. Scotland taper: allowance 7,570, taxable 102,430: 537.13 + 2,418.80 + 3,395.91
    #     + 31,338 x 42% (13,161.96) + 40,000 x 45% (18,000)
    (110_000, {"region": "scotland"}, 37_513.80, 4_210.60, 0.0, 0.0, None),
    # 12. Wales 2026/27 assumed equal to England; Northern Ireland uses the same bands
    (60_000, {"region": "wales", "tax_year": 2026}, 11_432.0, 3_210.60, 0.0, 0.0, 45_357.40),
    (60_000, {"region": "northern_ireland"}, 11_432.0, 3_210.60, 0.0, 0.0, 45_357.40),
    # 13. England 2026/27: bands and NI frozen, so the 2025/26 figures
    (50_000, {"tax_year": 2026}, 7_486.0, 2_994.40, 0.0, 0.0, 39_519.60),
    # 14. plan 2: (40,000 - 28,470) x 9% = 1,037.70; tax 5,486, NI 2,194.40
    (40_000, {"student_loans": ["plan_2"]}, 5_486.0, 2_194.40, 1_037.70, 0.0, 31_281.90),
    # 15. plan 1 + postgraduate: 13,935 x 9% + 19,000 x 6% = 1,254.15 + 1,140
    (40_000, {"student_loans": ["plan_1", "postgraduate"]}, None, None, 2_394.15, 0.0, None),
    # 16. 2026/27 plan 1: (40,000 - 26,900) x 9% = 1,179; plan 4: (40,000 - 33,795) x 9% = 558.45
    (40_000, {"student_loans": ["plan_1"], "tax_year": 2026}, None, None, 1_179.0, 0.0, None),
    (40_000, {"student_loans": ["plan_4"], "tax_year": 2026}, None, None, 558.45, 0.0, None),
    # 17. plan 5: nothing due in 2025/26; 2026/27: (40,000 - 25,000) x 9% = 1,350
    (40_000, {"student_loans": ["plan_5"]}, None, None, 0.0, 0.0, None),
    (40_000, {"student_loans": ["plan_5"], "tax_year": 2026}, None, None, 1_350.0, 0.0, None),
    # 18. salary sacrifice 5% of 60,000: pay 57,000 -> tax 7,540 + 6,730 x 40% = 10,232;
    #     NI 3,016 + 6,730 x 2% = 3,150.60; net 60,000 - 10,232 - 3,150.60 - 3,000
    (60_000, {"pension_rate": 0.05}, 10_232.0, 3_150.60, 0.0, 3_000.0, 43_617.40),
    # 19. net pay arrangement: the same income tax, NI on the full 60,000
    (
        60_000,
        {"pension_rate": 0.05, "pension_method": "net_pay"},
        10_232.0,
        3_210.60,
        0.0,
        3_000.0,
        43_557.40,
    ),
    # 20. relief at source: basic band widened by 3,000 -> 40,700 x 20% + 6,730 x 40% = 10,832;
    #     80% of 3,000 = 2,400 leaves net pay (same net as net pay for a 40% taxpayer)
    (
        60_000,
        {"pension_rate": 0.05, "pension_method": "relief_at_source"},
        10_832.0,
        3_210.60,
        0.0,
        2_400.0,
        43_557.40,
    ),
    # 21. student loan after salary sacrifice: (57,000 - 28,470) x 9% = 2,567.70;
    #     by net pay the loan stays on 60,000: 31,530 x 9% = 2,837.70
    (60_000, {"pension_rate": 0.05, "student_loans": ["plan_2"]}, None, None, 2_567.70, None, None),
    (
        60_000,
        {"pension_rate": 0.05, "pension_method": "net_pay", "student_loans": ["plan_2"]},
        None,
        None,
        2_837.70,
        None,
        None,
    ),
    # 22. sacrificing 10% of 110,000 leaves 99,000: full allowance, 7,540 + 48,730 x 40%
    #     = 27,032; NI 3,016 + 974.60; net 110,000 - 27,032 - 3,990.60 - 11,000
    (110_000, {"pension_rate": 0.10}, 27_032.0, 3_990.60, 0.0, 11_000.0, 67_977.40),
    # 23. relief at source 10% of 110,000: adjusted net income 99,000 (full allowance);
    #     taxable 97,430, basic band 48,700: 9,740 + 48,730 x 40% = 29,232; 8,800 leaves pay;
    #     net 110,000 - 29,232 - 4,210.60 - 8,800 (220 below sacrifice: 2% NI on 11,000)
    (
        110_000,
        {"pension_rate": 0.10, "pension_method": "relief_at_source"},
        29_232.0,
        4_210.60,
        0.0,
        8_800.0,
        67_757.40,
    ),
    # 24. Scotland, relief at source 4% of 50,000 (2,000): starter band kept at 2,827, basic band
    #     to 16,921: 537.13 + 14,094 x 20% + 16,171 x 21% + 4,338 x 42% = 8,573.80
    #     (440 below case 9 = 2,000 x (42% - 20%); with 400 at source, 42% relief in all)
    (
        50_000,
        {"region": "scotland", "pension_rate": 0.04, "pension_method": "relief_at_source"},
        8_573.80,
        2_994.40,
        0.0,
        1_600.0,
        None,
    ),
    # 25. benefits in kind 5,000 on 40,000 cash: tax on 45,000 = 32,430 x 20% = 6,486;
    #     NI on the cash only: 27,430 x 8% = 2,194.40; net cash 40,000 - 6,486 - 2,194.40
    (40_000, {"taxable_benefits": 5_000}, 6_486.0, 2_194.40, 0.0, 0.0, 31_319.60),
]

# (gross, kwargs, income_tax incl. state, social, pension, net)
US_CASES = [
    # 1. nothing earned, nothing due
    (0, {}, 0.0, 0.0, 0.0, 0.0),
    # 2. below the standard deduction: FICA only, 10,000 x 7.65%
    (10_000, {}, 0.0, 765.0, 0.0, 9_235.0),
    # 3. 34,250 taxable -> 1,192.50 + 22,325 x 12% = 3,871.50; FICA 3,825
    (50_000, {}, 3_871.50, 3_825.0, 0.0, 42_303.50),
    # 4. 84,250 taxable -> 1,192.50 + 4,386 + 35,775 x 22% = 13,449; FICA 6,200 + 1,450
    (100_000, {}, 13_449.0, 7_650.0, 0.0, 78_901.0),
    # 5. 184,250 -> 1,192.50 + 4,386 + 12,072.50 + 80,900 x 24% = 37,067; Social Security
    #    capped: 176,100 x 6.2% = 10,918.20, + Medicare 2,900
    (200_000, {}, 37_067.0, 13_818.20, 0.0, 149_114.80),
    # 6. 284,250 -> 17,651 + 22,548 + 17,032 + 33,725 x 35% = 69,034.75;
    #    FICA 10,918.20 + 4,350 + Additional Medicare 100,000 x 0.9%
    (300_000, {}, 69_034.75, 16_168.20, 0.0, 214_797.05),
    # 7. MFJ 2025: 268,500 -> 2,385 + 8,772 + 24,145 + 61,800 x 24% = 50,134;
    #    Additional Medicare only above 250,000: 450
    (300_000, {"filing_status": "married_joint"}, 50_134.0, 15_718.20, 0.0, 234_147.80),
    # 8. MFJ at 100,000: 68,500 -> 2,385 + 44,650 x 12% = 7,743
    (100_000, {"filing_status": "married_joint"}, 7_743.0, 7_650.0, 0.0, 84_607.0),
    # 9. MFJ 220,000: no Additional Medicare (below 250,000): 10,918.20 + 3,190
    (220_000, {"filing_status": "married_joint"}, None, 14_108.20, 0.0, None),
    # 10. 401(k) 10%: 74,250 taxable -> 1,192.50 + 4,386 + 25,775 x 22% = 11,249; FICA unchanged
    (100_000, {"pension_rate": 0.10}, 11_249.0, 7_650.0, 10_000.0, 71_101.0),
    # 11. 401(k) 30% = 30,000 clipped to 23,500: 60,750 -> 5,578.50 + 12,275 x 22% = 8,279
    (100_000, {"pension_rate": 0.30}, 8_279.0, 7_650.0, 23_500.0, 60_571.0),
    # 12. 2026 clip at 24,500: 59,400 -> 1,240 + 4,560 + 9,000 x 22% = 7,780
    (100_000, {"pension_rate": 0.30, "tax_year": 2026}, 7_780.0, 7_650.0, 24_500.0, 60_070.0),
    # 13. state and local 5% of 100,000 on top of federal 13,449
    (100_000, {"state_local_rate": 0.05}, 18_449.0, 7_650.0, 0.0, 73_901.0),
    # 14. state 5% on wages less 401(k): 90,000 x 5% = 4,500 + 11,249
    (
        100_000,
        {"state_local_rate": 0.05, "pension_rate": 0.10},
        15_749.0,
        7_650.0,
        10_000.0,
        66_601.0,
    ),
    # 15. 2026 single: 83,900 -> 1,240 + 4,560 + 33,500 x 22% = 13,170
    (100_000, {"tax_year": 2026}, 13_170.0, 7_650.0, 0.0, 79_180.0),
    # 16. 2026 wage base 184,500 x 6.2% = 11,439, + Medicare 190,000 x 1.45% = 2,755
    (190_000, {"tax_year": 2026}, None, 14_194.0, 0.0, None),
    # 17. 2026 single 250,000: 11,439 + 3,625 + 50,000 x 0.9% = 15,514
    (250_000, {"tax_year": 2026}, None, 15_514.0, 0.0, None),
    # 18. 2026 MFJ 300,000: 267,800 -> 2,480 + 9,120 + 24,332 + 56,400 x 24% = 49,468;
    #     FICA 11,439 + 4,350 + 450
    (300_000, {"filing_status": "married_joint", "tax_year": 2026}, 49_468.0, 16_239.0, 0.0, None),
    # 19. taxable benefits 5,000 on 50,000: 39,250 -> 1,192.50 + 27,325 x 12% = 4,471.50;
    #     FICA on 55,000 = 4,207.50; net cash 50,000 - 4,471.50 - 4,207.50
    (50_000, {"taxable_benefits": 5_000}, 4_471.50, 4_207.50, 0.0, 41_321.0),
]


def _check(result: TakeHome, expected: dict[str, float | None]) -> None:
    for name, value in expected.items():
        if value is not None:
            assert getattr(result, name) == pytest.approx(value, abs=0.005), name


@pytest.mark.parametrize(("gross", "kwargs", "tax", "social", "loan", "pension", "net"), GB_CASES)
def test_uk_cases(gross, kwargs, tax, social, loan, pension, net):
    kwargs = dict(kwargs)
    result = take_home(gross, "GB", kwargs.pop("tax_year", 2025), **kwargs)
    _check(
        result,
        {
            "income_tax": tax,
            "social_contributions": social,
            "student_loan": loan,
            "pension": pension,
            "net": net,
        },
    )


@pytest.mark.parametrize(("gross", "kwargs", "tax", "social", "pension", "net"), US_CASES)
def test_us_cases(gross, kwargs, tax, social, pension, net):
    kwargs = dict(kwargs)
    result = take_home(gross, "US", kwargs.pop("tax_year", 2025), **kwargs)
    _check(
        result,
        {
            "income_tax": tax,
            "social_contributions": social,
            "student_loan": 0.0,
            "pension": pension,
            "net": net,
        },
    )


@pytest.mark.parametrize(
    ("gross", "country", "kwargs", "rate"),
    [
        (110_000, "GB", {}, 0.62),  # taper: 40% + 20% of lost allowance + 2% NI
        (110_000, "GB", {"student_loans": ["plan_2"]}, 0.71),  # + 9% plan 2
        (110_000, "GB", {"student_loans": ["plan_2", "postgraduate"]}, 0.77),  # + 6% PG
        # Scotland's taper zone: 45% x 1.5 + 2% + 9% + 6%: the highest without a pension
        (110_000, "GB", {"region": "scotland", "student_loans": ["plan_2", "postgraduate"]}, 0.845),
        (40_000, "GB", {}, 0.28),  # 20% + 8%
        (30_000, "GB", {"student_loans": ["plan_2"]}, 0.37),  # 20% + 8% + 9%
        (40_000, "GB", {"region": "scotland"}, 0.29),  # Scottish intermediate 21% + 8%
        (150_000, "GB", {}, 0.47),  # 45% + 2%
        # 5% contribution leaves pay, the rest taxed at 40%, NI 2% on the rest or on all
        (60_000, "GB", {"pension_rate": 0.05}, 0.449),  # 5% + 95% x 42%
        (60_000, "GB", {"pension_rate": 0.05, "pension_method": "net_pay"}, 0.45),  # 5 + 38 + 2
        # relief at source: 4% leaves pay; 95% at 40% + 5% at 20% (wider band); NI 2%
        (60_000, "GB", {"pension_rate": 0.05, "pension_method": "relief_at_source"}, 0.45),
        (150_000, "US", {}, 0.3165),  # 24% + 6.2% + 1.45%
        (210_000, "US", {}, 0.2635),  # above the wage base: 24% + 1.45% + 0.9%
        (100_000, "US", {"state_local_rate": 0.05}, 0.3465),  # 22% + 5% + 7.65%
        (100_000, "US", {"pension_rate": 0.10}, 0.3745),  # 10% + 90% x 22% + 7.65%
        (100_000, "US", {"pension_rate": 0.30}, 0.2965),  # clipped: deferral fixed, 22% + 7.65%
    ],
)
def test_marginal_rates(gross, country, kwargs, rate):
    assert take_home(gross, country, 2025, **kwargs).marginal_rate == pytest.approx(rate, abs=1e-6)


def test_breakdown_adds_up_to_gross_and_monthly_is_a_twelfth():
    result = take_home(80_000, "US", 2025, pension_rate=0.06, state_local_rate=0.04)
    labels = [label for label, _ in result.breakdown]
    assert labels == [
        "Federal income tax",
        "State and local tax",
        "Social Security and Medicare",
        "Student loan",
        "Pension",
        "Net pay",
    ]
    assert sum(amount for _, amount in result.breakdown) == pytest.approx(80_000)
    assert dict(result.breakdown)["State and local tax"] == pytest.approx(0.04 * 75_200)
    assert result.monthly_net == pytest.approx(result.net / 12)
    data = json.loads(json.dumps(result.to_dict()))
    assert data["monthly_net"] == pytest.approx(result.net / 12)
    assert data["breakdown"][-1] == ["Net pay", pytest.approx(result.net)]


def _notes(*args, **kwargs) -> str:
    return " | ".join(take_home(*args, **kwargs).notes)


def test_notes_say_what_is_assumed_or_unverified():
    # every US result says how state tax was counted: not at all without a state, by the
    # flat rate typed, or by the state's own rules
    assert "No state income tax is included" in _notes(50_000, "US", 2025)
    assert "Texas has no personal income tax." in _notes(50_000, "US", 2025, region="TX")
    assert "the flat 3.00% you entered" in _notes(50_000, "US", 2026, state_local_rate=0.03)
    # UNVERIFIED 2026/27 figures: Scotland's bands, Wales assumed equal to England
    assert "S6M-20844" in _notes(40_000, "GB", 2026, region="scotland")
    assert "Welsh" in _notes(40_000, "GB", 2026, region="wales")
    assert "UNVERIFIED" not in _notes(40_000, "GB", 2026)
    assert "UNVERIFIED" not in _notes(40_000, "GB", 2025, region="scotland")
    assert "Welsh" not in _notes(40_000, "GB", 2026, region="scotland")
    # NI is per pay period; plan 5 in 2025/26; relief at source; clipped 401(k); withholding
    assert "pay period" in _notes(40_000, "GB", 2025)
    assert "Plan 5" in _notes(40_000, "GB", 2025, student_loans=["plan_5"])
    ras = _notes(60_000, "GB", 2025, pension_rate=0.05, pension_method="relief_at_source")
    assert "self assessment" in ras
    assert "$23,500" in _notes(100_000, "US", 2025, pension_rate=0.3)
    assert "withhold" in _notes(220_000, "US", 2025, filing_status="married_joint")
    assert "withhold" not in _notes(220_000, "US", 2025)
    assert "not cash" in _notes(40_000, "GB", 2025, taxable_benefits=1_000)


def test_missing_year_names_the_years_available():
    with pytest.raises(InputError) as info:
        take_home(50_000, "GB", 2031)
    assert info.value.field == "tax_year"
    assert "available: 2025, 2026" in str(info.value)
    assert available_tax_years("US") == (2025, 2026)
    assert available_tax_years("GB") == (2025, 2026)


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"gross": -1}, "gross"),
        ({"gross": math.nan}, "gross"),
        ({"gross": math.inf}, "gross"),
        ({"gross": "50000"}, "gross"),
        ({"country": "FR"}, "country"),
        ({"country": None}, "country"),
        ({"tax_year": "2025"}, "tax_year"),
        ({"tax_year": 2024}, "tax_year"),
        ({"region": "wessex"}, "region"),
        ({"country": "US", "region": "scotland"}, "region"),
        ({"country": "US", "filing_status": "head"}, "filing_status"),
        ({"filing_status": "married_joint"}, "filing_status"),
        ({"student_loans": ["plan_9"]}, "student_loans"),
        ({"student_loans": "plan_1"}, "student_loans"),
        ({"student_loans": ["plan_2", "plan_2"]}, "student_loans"),  # several plans are fine
        ({"student_loans": ["postgraduate", "postgraduate"]}, "student_loans"),
        ({"country": "US", "student_loans": ["plan_1"]}, "student_loans"),
        ({"pension_rate": 2}, "pension_rate"),
        ({"pension_rate": MAX_PENSION_RATE + 0.01}, "pension_rate"),
        ({"pension_rate": -0.01}, "pension_rate"),
        ({"pension_method": "401k"}, "pension_method"),
        ({"country": "US", "pension_method": "net_pay"}, "pension_method"),
        ({"state_local_rate": 0.05}, "state_local_rate"),
        ({"country": "US", "state_local_rate": 0.3}, "state_local_rate"),
        ({"taxable_benefits": -5}, "taxable_benefits"),
    ],
)
def test_bad_input_names_the_field(kwargs, field):
    kwargs = {"gross": 50_000, **kwargs}
    with pytest.raises(InputError) as info:
        take_home(**kwargs)
    assert info.value.field == field


def test_profile_round_trips_validates_and_applies():
    profile = TaxProfile("GB", 2025, region="scotland", student_loans=("plan_2",))
    assert TaxProfile.from_dict(json.loads(json.dumps(profile.to_dict()))) == profile
    assert (
        profile.take_home(50_000).net
        == take_home(50_000, "GB", 2025, "scotland", student_loans=["plan_2"]).net
    )
    us = TaxProfile.from_dict({"country": "US", "tax_year": 2026.0, "filing_status": None})
    assert us.tax_year == 2026
    assert us.take_home(100_000, pension_rate=0.1).pension == pytest.approx(10_000)
    for data, field in [
        ({"country": "US", "student_loans": ["plan_1"]}, "student_loans"),
        ({"country": "GB", "tax_year": 1999}, "tax_year"),
        ({"country": "GB", "colour": "red"}, "tax"),
        ({"country": "GB", "student_loans": "plan_2"}, "student_loans"),
    ]:
        with pytest.raises(InputError) as info:
            TaxProfile.from_dict(data)
        assert info.value.field == field
    with pytest.raises(InputError):
        TaxProfile.from_dict(["GB"])  # type: ignore[arg-type]


@pytest.mark.parametrize("country", ["GB", "US"])
def test_every_shipped_year_loads_and_computes(country):
    for year in available_tax_years(country):
        result = take_home(60_000, country, year)
        assert 0 < result.net < 60_000


profiles = st.one_of(
    st.fixed_dictionaries(
        {
            "country": st.just("GB"),
            "region": st.sampled_from([None, "scotland", "wales", "northern_ireland"]),
            "student_loans": st.sampled_from(
                [(), ("plan_1",), ("plan_2", "postgraduate"), ("plan_4",), ("plan_5",)]
            ),
            "pension_method": st.sampled_from(["salary_sacrifice", "net_pay", "relief_at_source"]),
            "tax_year": st.sampled_from([2025, 2026]),
        }
    ),
    st.fixed_dictionaries(
        {
            "country": st.just("US"),
            "filing_status": st.sampled_from(["single", "married_joint"]),
            "state_local_rate": st.floats(0, 0.2),
            "tax_year": st.sampled_from([2025, 2026]),
        }
    ),
)


@given(
    st.floats(0, 2_000_000),
    st.floats(0, 50_000),
    profiles,
    st.floats(0, MAX_PENSION_RATE),
    st.floats(0, 1),
)
def test_net_never_exceeds_gross_and_never_falls_as_gross_rises(gross, raise_by, p, rate, share):
    p = dict(p)
    country, year = p.pop("country"), p.pop("tax_year")
    benefits = share * gross  # benefits in kind up to the cash pay (see take_home's docstring)
    low = take_home(gross, country, year, pension_rate=rate, taxable_benefits=benefits, **p)
    high = take_home(
        gross + raise_by, country, year, pension_rate=rate, taxable_benefits=benefits, **p
    )
    assert low.net <= low.gross + 1e-9
    assert high.net >= low.net - 1e-6
    assert sum(amount for _, amount in low.breakdown) == pytest.approx(low.gross, abs=1e-6)
    # Never the whole of the next unit: at most 97.5% here (see take_home's docstring).
    assert 0.0 <= low.marginal_rate < 0.976
    if not benefits:
        assert low.net >= 0.0


@given(st.floats(0, 1_000_000), profiles)
def test_without_pension_or_benefits_the_marginal_rate_is_at_most_84_5_percent(gross, p):
    p = dict(p)
    p.pop("pension_method", None)
    result = take_home(gross, p.pop("country"), p.pop("tax_year"), **p)
    assert result.marginal_rate <= 0.845 + 1e-9


junk = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**13), 10**13),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12),
    st.lists(st.text(max_size=8), max_size=3),
    st.sampled_from(["GB", "US", "scotland", "plan_2", "married_joint", "401k", "net_pay"]),
)


@given(
    gross=junk,
    country=junk,
    tax_year=st.one_of(junk, st.sampled_from([2025, 2026])),
    region=junk,
    filing_status=junk,
    pension_rate=junk,
    pension_method=junk,
    student_loans=junk,
    state_local_rate=junk,
    taxable_benefits=junk,
)
def test_any_input_gives_a_result_or_an_input_error(**kwargs):
    gross, country, tax_year, region = (
        kwargs.pop(k) for k in ("gross", "country", "tax_year", "region")
    )
    try:
        result = take_home(gross, country, tax_year, region, **kwargs)
    except InputError:
        return
    assert math.isfinite(result.net)
    assert result.net <= result.gross + 1e-6


@pytest.mark.parametrize(
    ("year", "plans", "expected"),
    [
        # Student Loans Company: one 9% repayment above the lowest threshold of the plans held.
        # 2025/26, plans 1 (26,065) and 2 (28,470): 9% x (40,000 - 26,065) = 1,254.15
        (2025, ["plan_1", "plan_2"], 1_254.15),
        # ... plus the postgraduate loan: 6% x (40,000 - 21,000) = 1,140
        (2025, ["plan_2", "plan_1", "postgraduate"], 1_254.15 + 1_140.0),
        # 2025/26 plan 5 has nothing due yet: plan 4 alone, 9% x (40,000 - 32,745) = 652.95
        (2025, ["plan_4", "plan_5"], 652.95),
        # 2026/27, plans 2 (29,385) and 5 (25,000): 9% x (40,000 - 25,000) = 1,350
        (2026, ["plan_2", "plan_5"], 1_350.0),
        # all four undergraduate plans and postgraduate: lowest is plan 5 again
        (2026, ["plan_1", "plan_2", "plan_4", "plan_5", "postgraduate"], 1_350.0 + 1_140.0),
    ],
)
def test_several_student_loans_share_one_repayment(year, plans, expected):
    result = take_home(40_000, "GB", year, student_loans=plans)
    assert result.student_loan == pytest.approx(expected, abs=0.005)
