"""Hand-worked state income tax for AL, AR, CT, MD, MO, MT and OR (data/tax/states/*.toml):
the states that deduct or start from the federal income tax, phase out exemptions, add back
the lower rates' benefit, or charge a county tax. Federal figures: TAX_TABLES.md (2025 single
standard deduction 15,750, joint 31,500; 2026 16,100 / 32,200)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from calculator import state_income_tax, state_localities, take_home
from calculator.state_tax import modelled_states

STATES_DIR = Path(__file__).resolve().parent.parent / "data" / "tax" / "states"
SEVEN = ("AL", "AR", "CT", "MD", "MO", "MT", "OR")

# (state, year, status, wages, locality, state tax, local tax)
CASES = [
    # AL 2025 single 60,000: federal taxable 44,250: 1,192.50 + 32,325 x 12% = 5,071.50;
    #   standard deduction 3,000 - 25 x 69 whole steps of 500 over 25,500 -> floor 2,500,
    #   less than the itemized FICA tax 60,000 x 7.65% = 4,590 (Schedule A, line 6);
    #   taxable 60,000 - 4,590 - 5,071.50 - 1,500 = 48,838.50;
    #   10 + 100 + 45,838.50 x 5% = 2,401.925
    ("AL", 2025, "single", 60_000, None, 2_401.925, 0.0),
    # AL 2026 joint 100,000: federal taxable 67,800: 2,480 + 43,000 x 12% = 7,640;
    #   deduction 8,500 - 175 x 149 -> floor 5,000, less than FICA 100,000 x 7.65% = 7,650;
    #   taxable 100,000 - 7,650 - 7,640 - 3,000 = 81,710: 20 + 200 + 75,710 x 5% = 4,005.50
    ("AL", 2026, "married_joint", 100_000, None, 4_005.5, 0.0),
    # AR 2025 single 50,000: net 47,530: 112 + 144 + 353.60 + 21,130 x 3.9% (824.07)
    #   = 1,433.67; less the 29 credit = 1,404.67
    ("AR", 2025, "single", 50_000, None, 1_404.67, 0.0),
    # AR 2025 single 100,000: net 97,530, over 94,700: 609.60 + 71,130 x 3.9% = 3,383.67;
    #   add 20.70 + 10 x 28 steps over 94,800 = 300.70 (= 3.9% x 97,530 - 119.30, the DFA
    #   high-income table); 3,684.37 - 29 = 3,655.37
    ("AR", 2025, "single", 100_000, None, 3_655.37, 0.0),
    # AR 2026 joint 120,000: net 114,950: 609.60 + 88,550 x 3.7% = 3,885.95; add the full
    #   287.30; less 58: 4,115.25
    ("AR", 2026, "married_joint", 120_000, None, 4_115.25, 0.0),
    # CT 2025 single 40,000: exemption 15,000 - 10 x 1,000 = 5,000; taxable 35,000:
    #   200 + 25,000 x 4.5% = 1,325; personal credit 10% (over 33,300): 1,192.50
    ("CT", 2025, "single", 40_000, None, 1_192.5, 0.0),
    # CT 2025 single 80,000: no exemption; 200 + 1,800 + 30,000 x 5.5% = 3,650;
    #   add-back 25 x 5 steps over 56,500 = 125: 3,775 (no credit over 64,500)
    ("CT", 2025, "single", 80_000, None, 3_775.0, 0.0),
    # CT 2026 joint 250,000: 400 + 3,600 + 5,500 + 50,000 x 6% = 12,500; 2% phase-out
    #   50 x 30 steps -> max 500; recapture 50 x 4 steps over 210,000 = 200: 13,200
    ("CT", 2026, "married_joint", 250_000, None, 13_200.0, 0.0),
    # MD 2025 single 80,000 (Montgomery by default): taxable 80,000 - 3,350 - 3,200 = 73,450:
    #   20 + 30 + 40 + 70,450 x 4.75% = 3,436.375; county 73,450 x 3.2% = 2,350.40
    ("MD", 2025, "single", 80_000, None, 3_436.375, 2_350.40),
    # Anne Arundel: 50,000 x 2.7% + 23,450 x 2.94% = 1,350 + 689.43 = 2,039.43
    ("MD", 2025, "single", 80_000, "Anne Arundel", 3_436.375, 2_039.43),
    # MD 2026 joint 180,000, Frederick: exemption 1,600 (over 175,000); taxable
    #   180,000 - 6,850 - 1,600 = 171,550: 90 + 147,000 x 4.75% + 21,550 x 5% = 8,150;
    #   Frederick 2.96% on all of it (100,000-250,000 band): 5,077.88
    ("MD", 2026, "married_joint", 180_000, "Frederick", 8_150.0, 5_077.88),
    # MO 2025 single 80,000: federal tax on 64,250 = 1,192.50 + 4,386 + 15,775 x 22% = 9,049;
    #   15% of it (50,000-100,000) = 1,357.35; taxable 80,000 - 15,750 - 1,357.35 = 62,892.65;
    #   1,313 x (2% + 2.5% + 3% + 3.5% + 4% + 4.5%) = 256.035 + 53,701.65 x 4.7% = 2,523.978
    ("MO", 2025, "single", 80_000, None, 2_780.01255, 0.0),
    # MO 2026 joint 60,000: federal 2,480 + 3,000 x 12% = 2,840; 15% = 426;
    #   taxable 60,000 - 32,200 - 426 = 27,374: 1,348 x 19.5% = 262.86 + 17,938 x 4.7%
    #   = 843.086: 1,105.946
    ("MO", 2026, "married_joint", 60_000, None, 1_105.946, 0.0),
    # MT 2025 single 80,000: federal taxable 64,250: 21,100 x 4.7% + 43,150 x 5.9%
    #   = 991.70 + 2,545.85 = 3,537.55
    ("MT", 2025, "single", 80_000, None, 3_537.55, 0.0),
    # MT 2026 joint 150,000: federal taxable 117,800: 95,000 x 4.7% + 22,800 x 5.65%
    #   = 4,465 + 1,288.20 = 5,753.20
    ("MT", 2026, "married_joint", 150_000, None, 5_753.2, 0.0),
    # OR 2025 single 80,000: federal 9,049 capped at 8,500; taxable 80,000 - 2,835 - 8,500
    #   = 68,665: 209 + 452.25 + 57,565 x 8.75% = 5,698.1875; less the 256 credit
    ("OR", 2025, "single", 80_000, None, 5_442.1875, 0.0),
    # OR 2025 single 150,000: no federal subtraction (over 145,000), no credit (over 100,000);
    #   taxable 147,165: 209 + 452.25 + 113,900 x 8.75% + 22,165 x 9.9% = 12,821.835
    ("OR", 2025, "single", 150_000, None, 12_821.835, 0.0),
    # OR 2026 joint 100,000: federal 7,640 (under the 8,750 cap); taxable 100,000 - 5,795 -
    #   7,640 = 86,565: 432.25 + 924.75 + 63,765 x 8.75% = 6,936.4375; less 524
    ("OR", 2026, "married_joint", 100_000, None, 6_412.4375, 0.0),
]


@pytest.mark.parametrize(
    ("state", "year", "status", "wages", "locality", "expected", "local"), CASES
)
def test_hand_worked(
    state: str,
    year: int,
    status: str,
    wages: float,
    locality: str | None,
    expected: float,
    local: float,
) -> None:
    result = state_income_tax(wages, state, year, filing_status=status, locality=locality)
    assert result.amount == pytest.approx(expected, abs=0.01)
    assert result.local == pytest.approx(local, abs=0.01)


def test_every_state_and_year_has_a_hand_worked_case() -> None:
    covered = {(state, year) for state, year, *_ in CASES}
    assert covered == {(state, year) for state in SEVEN for year in (2025, 2026)}


@pytest.mark.parametrize("state", SEVEN)
def test_file_has_both_years_with_sources_and_notes(state: str) -> None:
    data = tomllib.loads((STATES_DIR / f"{state}.toml").read_text(encoding="utf-8"))
    for year in (2025, 2026):
        rules = data[str(year)]
        assert rules["source"].startswith("https://")
        assert rules["notes"]
        assert state in modelled_states(year)


def test_the_federal_tax_comes_from_take_home_after_the_401k() -> None:
    # AL 2025 single 60,000 with a 10% 401(k): wages 54,000; federal taxable 38,250:
    #   1,192.50 + 26,325 x 12% = 4,351.50; FICA stays on the 60,000: 4,590 (itemized, more
    #   than the 2,500 standard deduction); taxable 54,000 - 4,590 - 4,351.50 - 1,500
    #   = 43,558.50: 110 + 40,558.50 x 5% = 2,137.925
    result = take_home(60_000, "US", 2025, region="AL", pension_rate=0.1)
    assert result.state_local_tax == pytest.approx(2_137.925)
    direct = state_income_tax(60_000, "AL", 2025, deferral=6_000)
    assert direct.amount == pytest.approx(2_137.925)


def test_maryland_county_tax_is_counted_by_default_and_shown_apart() -> None:
    result = take_home(80_000, "US", 2025, region="MD")
    assert result.local_tax == pytest.approx(2_350.40)
    assert result.state_local_tax == pytest.approx(3_436.375 + 2_350.40)
    assert any("Montgomery County" in note for note in result.notes)
    worcester = take_home(80_000, "US", 2025, region="MD", locality="Worcester")
    assert worcester.local_tax == pytest.approx(73_450 * 0.0225)  # 1,652.625
    counties = state_localities("MD")
    assert len(counties) == 24  # 23 counties and Baltimore City
    assert counties["Montgomery"] == "Montgomery County"


def test_oregon_and_connecticut_payroll() -> None:
    oregon = dict(state_income_tax(200_000, "OR", 2025).payroll)
    assert oregon["Statewide transit tax"] == pytest.approx(200.0)  # 0.1%
    assert oregon["Paid Leave Oregon"] == pytest.approx(1_056.60)  # 0.6% x 176,100
    connecticut = dict(state_income_tax(100_000, "CT", 2026).payroll)
    assert connecticut["Connecticut Paid Leave"] == pytest.approx(500.0)  # 0.5%
