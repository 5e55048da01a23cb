"""The mostly flat-rate states' income tax data (data/tax/states/<CODE>.toml): each state and
year worked by hand, for a wage earner aged 35 with no dependants, single or married filing
jointly with a spouse without income."""

from __future__ import annotations

import tomllib

import pytest

from calculator import state_income_tax
from calculator._data import data_dir
from calculator.state_tax import STATE_FILING_STATUSES, modelled_states

STATES = ("AZ", "CO", "GA", "ID", "IL", "IN", "IA", "KY", "LA", "MA", "MI", "MS", "NC", "PA", "UT")
YEARS = (2025, 2026)
JOINT = "married_joint"

# (state, year, wages, filing status, expected income tax), each worked by hand.
CASES = [
    # Arizona: (100,000 - 15,750 standard deduction) x 2.5% = 2,106.25
    ("AZ", 2025, 100_000, "single", 2_106.25),
    # (100,000 - 32,200) x 2.5% = 1,695
    ("AZ", 2026, 100_000, JOINT, 1_695.00),
    # Colorado: (100,000 - 15,750 federal standard deduction) x 4.4% = 3,707
    ("CO", 2025, 100_000, "single", 3_707.00),
    # (100,000 - 32,200) x 4.4% = 2,983.20
    ("CO", 2026, 100_000, JOINT, 2_983.20),
    # Georgia: (100,000 - 12,000) x 5.19% = 4,567.20
    ("GA", 2025, 100_000, "single", 4_567.20),
    # (100,000 - 30,000) x 4.99% = 3,493
    ("GA", 2026, 100_000, JOINT, 3_493.00),
    # Idaho: (100,000 - 15,750 - 4,811 zero band) x 5.3% = 4,210.267, plus the $10 permanent
    #   building fund tax (Idaho Code 63-3082) = 4,220.267
    ("ID", 2025, 100_000, "single", 4_220.267),
    # (100,000 - 32,200 - 9,622) x 5.3% = 3,083.434 + 10 = 3,093.434
    ("ID", 2026, 100_000, JOINT, 3_093.434),
    # Idaho below the zero band: 20,000 - 15,750 = 4,250 < 4,811, no income tax; the $10
    #   building fund tax all the same (gross income over the standard deduction)
    ("ID", 2025, 20_000, "single", 10.0),
    # at the standard deduction no return is required: nothing
    ("ID", 2025, 15_750, "single", 0.0),
    # Pennsylvania's tax forgiveness (Schedule SP): married 15,000 is (15,000 - 13,000) / 250
    #   = 8 steps over 13,000, 10% less each: 20% forgiven: 15,000 x 3.07% x 80% = 368.40
    ("PA", 2025, 15_000, JOINT, 368.40),
    # unmarried 6,600: one part-step over 6,500: 90% forgiven: 6,600 x 3.07% x 10% = 20.262
    ("PA", 2026, 6_600, "single", 20.262),
    # Illinois: (100,000 - 2,850) x 4.95% = 4,808.925
    ("IL", 2025, 100_000, "single", 4_808.925),
    # (100,000 - 2 x 2,850) x 4.95% = 4,667.85
    ("IL", 2026, 100_000, JOINT, 4_667.85),
    # no exemption allowance with AGI over 250,000 single: 250,001 x 4.95% = 12,375.0495
    ("IL", 2025, 250_001, "single", 12_375.0495),
    # at 500,000 joint it is still there: (500,000 - 5,700) x 4.95% = 24,467.85
    ("IL", 2026, 500_000, JOINT, 24_467.85),
    # over 500,000 joint it is gone: 500,001 x 4.95% = 24,750.0495
    ("IL", 2026, 500_001, JOINT, 24_750.0495),
    # Indiana (state part only): (100,000 - 1,000) x 3% = 2,970
    ("IN", 2025, 100_000, "single", 2_970.00),
    # (100,000 - 2,000) x 2.95% = 2,891
    ("IN", 2026, 100_000, JOINT, 2_891.00),
    # Iowa: (100,000 - 15,750) x 3.8% = 3,201.50, less the 40 exemption credit = 3,161.50
    ("IA", 2025, 100_000, "single", 3_161.50),
    # (100,000 - 32,200) x 3.8% = 2,576.40, less 2 x 40 = 2,496.40
    ("IA", 2026, 100_000, JOINT, 2_496.40),
    # Kentucky: (100,000 - 3,270) x 4% = 3,869.20
    ("KY", 2025, 100_000, "single", 3_869.20),
    # one standard deduction on a joint return: (100,000 - 3,360) x 3.5% = 3,382.40
    ("KY", 2026, 100_000, JOINT, 3_382.40),
    # Louisiana: (100,000 - 12,500) x 3% = 2,625
    ("LA", 2025, 100_000, "single", 2_625.00),
    # (100,000 - 25,676) x 3% = 2,229.72
    ("LA", 2026, 100_000, JOINT, 2_229.72),
    # Massachusetts: (100,000 - 2,000 FICA deduction - 4,400 exemption) x 5% = 4,680
    ("MA", 2025, 100_000, "single", 4_680.00),
    # (100,000 - 2,000 - 8,800) x 5% = 4,460
    ("MA", 2026, 100_000, JOINT, 4_460.00),
    # with the surtax: taxable 2,000,000 - 6,400 = 1,993,600; x 5% = 99,680;
    # (1,993,600 - 1,083,150) x 4% = 36,418; total 136,098
    ("MA", 2025, 2_000_000, "single", 136_098.00),
    # no tax status: AGI of 8,000 or less single / 16,400 or less married jointly
    ("MA", 2025, 8_000, "single", 0.0),
    ("MA", 2026, 16_400, JOINT, 0.0),
    # one dollar over: FICA deduction 8,001 x 7.65% = 612.08 (under the 2,000 cap):
    # (8,001 - 612.08 - 4,400) x 5% = 149.45, but the limited income credit caps the tax at
    # 10% of the AGI over 8,000 (up to 14,000): 0.10
    ("MA", 2025, 8_001, "single", 0.10),
    # Michigan: (100,000 - 5,800) x 4.25% = 4,003.50
    ("MI", 2025, 100_000, "single", 4_003.50),
    # (100,000 - 2 x 5,900) x 4.25% = 3,748.50
    ("MI", 2026, 100_000, JOINT, 3_748.50),
    # Mississippi: (100,000 - 2,300 - 6,000 - 10,000 at 0%) x 4.4% = 81,700 x 4.4% = 3,594.80
    ("MS", 2025, 100_000, "single", 3_594.80),
    # (100,000 - 4,600 - 12,000 - 10,000) x 4% = 73,400 x 4% = 2,936
    ("MS", 2026, 100_000, JOINT, 2_936.00),
    # North Carolina: (100,000 - 12,750) x 4.25% = 3,708.125
    ("NC", 2025, 100_000, "single", 3_708.125),
    # (100,000 - 25,500) x 3.99% = 2,972.55
    ("NC", 2026, 100_000, JOINT, 2_972.55),
    # Pennsylvania: 100,000 x 3.07% = 3,070, no deduction whatever the status
    ("PA", 2025, 100_000, "single", 3_070.00),
    ("PA", 2026, 100_000, JOINT, 3_070.00),
    # Utah: 100,000 x 4.5% = 4,500; credit 945 - 1.3% x (100,000 - 18,213) = 945 - 1,063.23 < 0
    ("UT", 2025, 100_000, "single", 4_500.00),
    # 25,000 x 4.5% = 1,125; credit 945 - 1.3% x (25,000 - 18,213) = 945 - 88.231 = 856.769;
    # tax 1,125 - 856.769 = 268.231
    ("UT", 2025, 25_000, "single", 268.231),
    # 50,000 x 4.45% = 2,225; credit 1,932 - 1.3% x (50,000 - 36,426) = 1,932 - 176.462
    # = 1,755.538; tax 2,225 - 1,755.538 = 469.462
    ("UT", 2026, 50_000, JOINT, 469.462),
]


@pytest.mark.parametrize(("state", "year", "wages", "status", "expected"), CASES)
def test_hand_worked_case(state, year, wages, status, expected):
    result = state_income_tax(wages, state, year, filing_status=status)
    assert result.amount == pytest.approx(expected, abs=0.005)


def test_every_state_and_year_has_a_hand_worked_case():
    covered = {(state, year) for state, year, *_ in CASES}
    assert covered == {(state, year) for state in STATES for year in YEARS}


@pytest.mark.parametrize("state", STATES)
def test_file_has_both_years_a_source_and_loads(state):
    with (data_dir() / "tax" / "states" / f"{state}.toml").open("rb") as handle:
        data = tomllib.load(handle)
    assert data["name"]
    for year in YEARS:
        rules = data[str(year)]
        assert rules["source"].startswith("https://")
        assert rules["kind"] in ("flat", "brackets")
        assert state in modelled_states(year)
        for status in STATE_FILING_STATUSES:
            result = state_income_tax(80_000, state, year, filing_status=status)
            assert result.source == rules["source"]
            assert 0 < result.amount < 80_000 * 0.06
            assert state_income_tax(0, state, year, filing_status=status).amount == 0


@pytest.mark.parametrize("year", YEARS)
def test_pennsylvania_taxes_wages_before_401k_deferrals(year):
    with_deferral = state_income_tax(100_000, "PA", year, deferral=20_000)
    # 100,000 x 3.07% = 3,070 whatever is deferred into a 401(k)
    assert with_deferral.amount == pytest.approx(3_070)


@pytest.mark.parametrize("year", YEARS)
def test_illinois_deducts_401k_deferrals(year):
    result = state_income_tax(100_000, "IL", year, deferral=20_000)
    # (100,000 - 20,000 - 2,850) x 4.95% = 3,818.925
    assert result.amount == pytest.approx(3_818.925)


@pytest.mark.parametrize(
    ("state", "year", "wages", "lines"),
    [
        # 100,000 x 0.45% (half of the 0.9% FAMLI premium) = 450
        ("CO", 2025, 100_000, {"Colorado FAMLI premium": 450.0}),
        # capped at the 2026 Social Security wage base: 184,500 x 0.44% = 811.80
        ("CO", 2026, 200_000, {"Colorado FAMLI premium": 811.80}),
        # 176,100 x 0.46% = 810.06 (2025 wage base)
        ("MA", 2025, 300_000, {"Massachusetts PFML contribution": 810.06}),
        # 100,000 x 0.46% = 460
        ("MA", 2026, 100_000, {"Massachusetts PFML contribution": 460.0}),
        # 500,000 x 0.07%, no wage base = 350
        ("PA", 2025, 500_000, {"Pennsylvania unemployment compensation": 350.0}),
        ("PA", 2026, 100_000, {"Pennsylvania unemployment compensation": 70.0}),
    ],
)
def test_payroll_contributions(state, year, wages, lines):
    result = state_income_tax(wages, state, year)
    assert dict(result.payroll) == pytest.approx(lines)


@pytest.mark.parametrize(
    ("state", "year"), [("IL", 2026), ("ID", 2026), ("MA", 2026), ("UT", 2026)]
)
def test_carried_over_2025_figures_are_flagged(state, year):
    notes = " ".join(state_income_tax(50_000, state, year).notes)
    assert "2025 figure" in notes
