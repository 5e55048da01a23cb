"""Hand-worked state income tax for the progressive-bracket states (data/tax/states/*.toml).

Each case: wages less the standard deduction and personal exemptions (a wage earner aged 35,
no dependants; married filing jointly with a spouse without income) give taxable income; the
tax is each band's slice times its rate, less any exemption credit. Figures and their sources
are in the state's TOML file.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from calculator.state_tax import modelled_states, state_income_tax

STATES_DIR = Path(__file__).resolve().parent.parent / "data" / "tax" / "states"
# The files this suite covers (progressive states).
PROGRESSIVE = (
    "CA",
    "NY",
    "NJ",
    "VA",
    "OH",
    "WI",
    "MN",
    "KS",
    "NE",
    "NM",
    "ND",
    "OK",
    "RI",
    "SC",
    "VT",
    "WV",
    "ME",
    "DE",
    "DC",
    "HI",
)
YEARS = (2025, 2026)

# (state, year, filing status, wages, income tax)
CASES = [
    # CA 2025 single: 100,000 - 5,706 = 94,294 taxable
    #   11,079 x 1% + 15,185 x 2% + 15,188 x 4% + 16,090 x 6% + 15,182 x 8% +
    #     21,570 x 9.3% = 5,207.98; less credit 153
    ("CA", 2025, "single", 100000, 5054.98),
    # CA 2026 married_joint: 150,000 - 11,412 = 138,588 taxable
    #   22,158 x 1% + 30,370 x 2% + 30,376 x 4% + 32,180 x 6% +
    #     23,504 x 8% = 5,855.14; less credit 306
    ("CA", 2026, "married_joint", 150000, 5549.14),
    # CA 2025 single, credit phase-out: 300,000 - 5,706 = 294,294 taxable
    #   11,079 x 1% + 15,185 x 2% + 15,188 x 4% + 16,090 x 6% + 15,182 x 8% + 221,570 x 9.3%
    #   = 23,807.98; credit 153 less 6 x ceil((300,000 - 252,203) / 2,500) = 153 - 120 = 33
    ("CA", 2025, "single", 300000, 23774.98),
    # NY 2025 single: 60,000 - 8,000 = 52,000 taxable
    #   8,500 x 4% + 3,200 x 4.5% + 2,200 x 5.25% + 38,100 x 5.5% = 2,695.00
    ("NY", 2025, "single", 60000, 2695.0),
    # NY 2026 married_joint: 100,000 - 16,050 = 83,950 taxable
    #   17,150 x 3.9% + 6,450 x 4.4% + 4,300 x 5.15% + 56,050 x 5.4% = 4,200.80
    ("NY", 2026, "married_joint", 100000, 4200.8),
    # NJ 2025 single: 100,000 - 1,000 = 99,000 taxable
    #   20,000 x 1.4% + 15,000 x 1.75% + 5,000 x 3.5% + 35,000 x 5.525% + 24,000 x 6.37% = 4,180.05
    ("NJ", 2025, "single", 100000, 4180.05),
    # NJ 2026 married_joint: 200,000 - 2,000 = 198,000 taxable
    #   20,000 x 1.4% + 30,000 x 1.75% + 20,000 x 2.45% + 10,000 x 3.5% + 70,000 x 5.525% +
    #     48,000 x 6.37% = 8,570.10
    ("NJ", 2026, "married_joint", 200000, 8570.1),
    # NJ no tax at gross income up to 10,000 single / 20,000 joint (N.J.S.A. 54A:2-4):
    #   2025 single 10,000: 0; 2026 married_joint 20,000: 0
    ("NJ", 2025, "single", 10000, 0.0),
    ("NJ", 2026, "married_joint", 20000, 0.0),
    #   2025 single 10,001 (one dollar over): 10,001 - 1,000 = 9,001 taxable x 1.4% = 126.01
    ("NJ", 2025, "single", 10001, 126.014),
    # VA 2025 single: 80,000 - 8,750 - 930 = 70,320 taxable
    #   3,000 x 2% + 2,000 x 3% + 12,000 x 5% + 53,320 x 5.75% = 3,785.90
    ("VA", 2025, "single", 80000, 3785.9),
    # VA 2026 married_joint: 120,000 - 17,500 - 1,860 = 100,640 taxable
    #   3,000 x 2% + 2,000 x 3% + 12,000 x 5% + 83,640 x 5.75% = 5,529.30
    ("VA", 2026, "married_joint", 120000, 5529.3),
    # OH 2025 single: exemption 2,400 less the 250 cliff above MAGI 40,000 = 2,150;
    #   60,000 - 2,150 = 57,850 taxable
    #   26,050 x 1.31287% + 31,800 x 2.75% = 342.00 + 874.50 = 1,216.50
    ("OH", 2025, "single", 60000, 1216.5026),
    # OH 2026 married_joint: exemption 4,800 less two cliffs of 500 (above 40,000 and above
    #   80,000) = 3,800; 150,000 - 3,800 = 146,200 taxable
    #   26,050 x 1.27448% + 120,150 x 2.75% = 3,636.13
    ("OH", 2026, "married_joint", 150000, 3636.13),
    # OH no tax at taxable income up to 26,050: with the 2,400 exemption (MAGI up to 40,000)
    #   that is wages up to 28,450 single / 30,850 joint
    ("OH", 2025, "single", 28450, 0.0),
    ("OH", 2026, "married_joint", 30850, 0.0),
    #   2025 single 28,451: 28,451 - 2,400 = 26,051 taxable
    #   26,050 x 1.31287% + 1 x 2.75% = 342.00 + 0.03 = 342.03; less the $20 exemption
    #   credit (MAGI of $30,000 or less, R.C. 5747.022) = 322.03
    ("OH", 2025, "single", 28451, 322.0301),
    # OH 2025 married_joint 35,000 (MAGI up to 40,000: 2 x 2,400): 35,000 - 4,800 = 30,200
    #   26,050 x 1.31287% + 4,150 x 2.75% = 342.00 + 114.13 = 456.13
    ("OH", 2025, "married_joint", 35000, 456.1276),
    # OH 2026 single 800,000: no exemption above MAGI 500,000; 800,000 taxable
    #   26,050 x 1.27448% + 773,950 x 2.75% = 332.00 + 21,283.63 = 21,615.63
    ("OH", 2026, "single", 800000, 21615.627),
    # WI 2025 single: standard deduction 13,560 - 12% x (150,000 - 19,550) < 0, so 0;
    #   150,000 - 700 = 149,300 taxable
    #   14,680 x 3.5% + 35,800 x 4.4% + 98,820 x 5.3% = 7,326.46
    ("WI", 2025, "single", 150000, 7326.46),
    # WI 2026 married_joint: standard deduction 25,840 - 19.778% x (200,000 - 29,040) < 0, so 0;
    #   200,000 - 1,400 = 198,600 taxable
    #   20,150 x 3.5% + 49,110 x 4.4% + 129,340 x 5.3% = 9,721.11
    ("WI", 2026, "married_joint", 200000, 9721.11),
    # WI 2025 single, sliding standard deduction: 13,560 - 12% x (50,000 - 19,550) =
    #   13,560 - 3,654 = 9,906; 50,000 - 9,906 - 700 = 39,394 taxable
    #   14,680 x 3.5% + 24,714 x 4.4% = 513.80 + 1,087.42 = 1,601.22
    ("WI", 2025, "single", 50000, 1601.216),
    # WI 2026 married_joint: 25,840 - 19.778% x (60,000 - 29,040) = 25,840 - 6,123.27 =
    #   19,716.73; 60,000 - 19,716.73 - 1,400 = 38,883.27 taxable
    #   20,150 x 3.5% + 18,733.27 x 4.4% = 705.25 + 824.26 = 1,529.51
    ("WI", 2026, "married_joint", 60000, 1529.5138),
    # WI 2025 single at 15,000 (below 19,550): the full 13,560; 15,000 - 13,560 - 700 = 740
    #   740 x 3.5% = 25.90
    ("WI", 2025, "single", 15000, 25.9),
    # MN 2025 single: 90,000 - 14,950 = 75,050 taxable
    #   32,570 x 5.35% + 42,480 x 6.8% = 4,631.14
    ("MN", 2025, "single", 90000, 4631.14),
    # MN 2026 married_joint: 150,000 - 30,600 = 119,400 taxable
    #   48,700 x 5.35% + 70,700 x 6.8% = 7,413.05
    ("MN", 2026, "married_joint", 150000, 7413.05),
    # KS 2025 single: 60,000 - 3,605 - 9,160 = 47,235 taxable
    #   23,000 x 5.2% + 24,235 x 5.58% = 2,548.31
    ("KS", 2025, "single", 60000, 2548.31),
    # KS 2026 married_joint: 100,000 - 8,240 - 18,320 = 73,440 taxable
    #   46,000 x 5.2% + 27,440 x 5.58% = 3,923.15
    ("KS", 2026, "married_joint", 100000, 3923.15),
    # NE 2025 single: 70,000 - 8,600 = 61,400 taxable
    #   4,030 x 2.46% + 20,090 x 3.51% + 14,750 x 5.01% + 22,530 x 5.2% = 2,714.83; less credit 171
    ("NE", 2025, "single", 70000, 2543.83),
    # NE 2026 married_joint: 120,000 - 17,700 = 102,300 taxable
    #   8,250 x 2.46% + 41,280 x 3.51% + 52,770 x 4.55% = 4,052.91; less credit 352
    ("NE", 2026, "married_joint", 120000, 3700.91),
    # ND 2025 single: 100,000 - 15,750 = 84,250 taxable
    #   48,475 x 0% + 35,775 x 1.95% = 697.61
    ("ND", 2025, "single", 100000, 697.61),
    # ND 2026 married_joint: 150,000 - 32,200 = 117,800 taxable
    #   82,800 x 0% + 35,000 x 1.95% = 682.50
    ("ND", 2026, "married_joint", 150000, 682.5),
    # OK 2025 single: 50,000 - 6,350 - 1,000 = 42,650 taxable
    #   1,000 x 0.25% + 1,500 x 0.75% + 1,250 x 1.75% + 1,150 x 2.75% + 2,300 x 3.75% +
    #     35,450 x 4.75% = 1,837.38
    ("OK", 2025, "single", 50000, 1837.38),
    # OK 2026 married_joint: 80,000 - 12,700 - 2,000 = 65,300 taxable
    #   7,500 x 0% + 2,300 x 2.5% + 4,600 x 3.5% + 50,900 x 4.5% = 2,509.00
    ("OK", 2026, "married_joint", 80000, 2509.0),
    # RI 2025 single: 100,000 - 10,900 - 5,100 = 84,000 taxable
    #   79,900 x 3.75% + 4,100 x 4.75% = 3,191.00
    ("RI", 2025, "single", 100000, 3191.0),
    # RI 2026 married_joint: 150,000 - 22,400 - 10,500 = 117,100 taxable
    #   82,050 x 3.75% + 35,050 x 4.75% = 4,741.75
    ("RI", 2026, "married_joint", 150000, 4741.75),
    # RI 2025 single 270,000, phase-out: 270,000 - 254,250 = 15,750 over = 3 steps of 7,250 (or
    #   part), 3 x 20% = 60% gone: deduction 10,900 x 40% = 4,360, exemption 5,100 x 40% = 2,040;
    #   270,000 - 6,400 = 263,600 taxable
    #   79,900 x 3.75% + 101,750 x 4.75% + 81,950 x 5.99% = 2,996.25 + 4,833.13 + 4,908.81
    #     = 12,738.18
    ("RI", 2025, "single", 270000, 12738.18),
    # RI 2026 married_joint 300,000: 300,000 - 261,000 = 39,000 over = 6 steps of 7,450 (or
    #   part) = 120%: nothing left; 300,000 taxable
    #   82,050 x 3.75% + 104,400 x 4.75% + 113,550 x 5.99% = 3,076.88 + 4,959.00 + 6,801.65
    #     = 14,837.52
    ("RI", 2026, "married_joint", 300000, 14837.52),
    # SC 2025 single: 80,000 - 15,000 = 65,000 taxable
    #   3,560 x 0% + 14,270 x 3% + 47,170 x 6% = 3,258.30
    ("SC", 2025, "single", 80000, 3258.3),
    # SC 2026 married_joint: 250,000 = 250,000 taxable (the income adjusted deduction is gone
    # above 190,000)
    #   30,000 x 1.99% + 220,000 x 5.21% = 12,059.00
    ("SC", 2026, "married_joint", 250000, 12059.0),
    # SC 2026 single: 60,000; deduction 15,000 - 15,000/55,000 x 20,000 = 9,545.45;
    #   taxable 50,454.55: 30,000 x 1.99% + 20,454.55 x 5.21% = 597 + 1,065.68 = 1,662.68
    ("SC", 2026, "single", 60000, 1662.68),
    # VT 2025 single: 90,000 - 7,650 - 5,300 = 77,050 taxable
    #   49,400 x 3.35% + 27,650 x 6.6% = 3,479.80
    ("VT", 2025, "single", 90000, 3479.8),
    # VT 2026 married_joint: 140,000 - 15,300 - 10,600 = 114,100 taxable
    #   82,500 x 3.35% + 31,600 x 6.6% = 4,849.35
    ("VT", 2026, "married_joint", 140000, 4849.35),
    # WV 2025 single: 70,000 - 2,000 = 68,000 taxable
    #   10,000 x 2.22% + 15,000 x 2.96% + 15,000 x 3.33% + 20,000 x 4.44% + 8,000 x 4.82% = 2,439.10
    ("WV", 2025, "single", 70000, 2439.1),
    # WV 2026 married_joint: 90,000 - 4,000 = 86,000 taxable
    #   10,000 x 2.11% + 15,000 x 2.81% + 15,000 x 3.16% + 20,000 x 4.22% +
    #     26,000 x 4.58% = 3,141.30
    ("WV", 2026, "married_joint", 90000, 3141.3),
    # ME 2025 single: 80,000 - 15,000 - 5,150 = 59,850 taxable
    #   26,800 x 5.8% + 33,050 x 6.75% = 3,785.28
    ("ME", 2025, "single", 80000, 3785.28),
    # ME 2026 married_joint: 120,000 - 31,400 - 10,300 = 78,300 taxable
    #   54,850 x 5.8% + 23,450 x 6.75% = 4,764.18
    ("ME", 2026, "married_joint", 120000, 4764.18),
    # ME 2025 single 150,000, deduction phase-out: 15,000 x (150,000 - 100,000) / 75,000 =
    #   10,000 gone, 5,000 left; 150,000 - 5,000 - 5,150 = 139,850 taxable
    #   26,800 x 5.8% + 36,650 x 6.75% + 76,400 x 7.15% = 1,554.40 + 2,473.88 + 5,462.60
    #     = 9,490.88
    ("ME", 2025, "single", 150000, 9490.875),
    # ME 2026 single 120,000: 15,700 x (120,000 - 102,250) / 75,000 = 3,715.67 gone, 11,984.33
    #   left; 120,000 - 11,984.33 - 5,150 = 102,865.67 taxable
    #   27,400 x 5.8% + 37,450 x 6.75% + 38,015.67 x 7.15% = 1,589.20 + 2,527.88 + 2,718.12
    #     = 6,835.20
    ("ME", 2026, "single", 120000, 6835.1952),
    # ME 2026 married_joint 420,000: deduction gone ((420,000 - 204,550) / 150,000 > 1);
    #   exemption 10,300 x (1 - (420,000 - 409,150) / 125,000) = 10,300 - 894.04 = 9,405.96;
    #   420,000 - 9,405.96 = 410,594.04 taxable
    #   54,850 x 5.8% + 74,900 x 6.75% + 280,844.04 x 7.15% = 3,181.30 + 5,055.75 + 20,080.35
    #     = 28,317.40
    ("ME", 2026, "married_joint", 420000, 28317.3989),
    # DE 2025 single: 75,000 - 3,250 = 71,750 taxable
    #   2,000 x 0% + 3,000 x 2.2% + 5,000 x 3.9% + 10,000 x 4.8% + 5,000 x 5.2% + 35,000 x 5.55% +
    #     11,750 x 6.6% = 3,719.00; less credit 110
    ("DE", 2025, "single", 75000, 3609.0),
    # DE 2026 married_joint: 110,000 - 6,500 = 103,500 taxable
    #   2,000 x 0% + 3,000 x 2.2% + 5,000 x 3.9% + 10,000 x 4.8% + 5,000 x 5.2% + 35,000 x 5.55% +
    #     43,500 x 6.6% = 5,814.50; less credit 220
    ("DE", 2026, "married_joint", 110000, 5594.5),
    # DC 2025 single: 120,000 - 15,000 = 105,000 taxable
    #   10,000 x 4% + 30,000 x 6% + 20,000 x 6.5% + 45,000 x 8.5% = 7,325.00
    ("DC", 2025, "single", 120000, 7325.0),
    # DC 2026 married_joint: 180,000 - 30,000 = 150,000 taxable
    #   10,000 x 4% + 30,000 x 6% + 20,000 x 6.5% + 90,000 x 8.5% = 11,150.00
    ("DC", 2026, "married_joint", 180000, 11150.0),
    # HI 2025 single: 90,000 - 4,400 - 1,144 = 84,456 taxable
    #   9,600 x 1.4% + 4,800 x 3.2% + 4,800 x 5.5% + 4,800 x 6.4% + 12,000 x 6.8% + 12,000 x 7.2% +
    #     36,456 x 7.6% = 5,309.86
    ("HI", 2025, "single", 90000, 5309.86),
    # HI 2026 married_joint: 130,000 - 16,000 - 2,288 = 111,712 taxable
    #   19,200 x 1.4% + 9,600 x 3.2% + 9,600 x 5.5% + 9,600 x 6.4% + 24,000 x 6.8% +
    #     24,000 x 7.2% + 15,712 x 7.6% = 6,272.51
    ("HI", 2026, "married_joint", 130000, 6272.51),
    # NM 2025 single: 60,000 - 15,750 = 44,250 taxable
    #   5,500 x 1.5% + 11,000 x 3.2% + 17,000 x 4.3% + 10,750 x 4.7% = 1,670.75
    ("NM", 2025, "single", 60000, 1670.75),
    # NM 2026 married_joint: 110,000 - 32,200 = 77,800 taxable
    #   8,000 x 1.5% + 17,000 x 3.2% + 25,000 x 4.3% + 27,800 x 4.7% = 3,045.60
    ("NM", 2026, "married_joint", 110000, 3045.6),
]


@pytest.mark.parametrize(("state", "year", "status", "wages", "expected"), CASES)
def test_hand_worked(state: str, year: int, status: str, wages: float, expected: float) -> None:
    result = state_income_tax(wages, state, year, filing_status=status)
    assert result.amount == pytest.approx(expected, abs=0.01)


def test_every_state_and_year_has_a_hand_worked_case() -> None:
    covered = {(state, year) for state, year, *_ in CASES}
    assert covered == {(state, year) for state in PROGRESSIVE for year in YEARS}


@pytest.mark.parametrize("state", PROGRESSIVE)
def test_file_has_both_years_with_sources(state: str) -> None:
    data = tomllib.loads((STATES_DIR / f"{state}.toml").read_text(encoding="utf-8"))
    assert data["name"]
    for year in YEARS:
        rules = data[str(year)]
        assert rules["kind"] == "brackets"
        assert rules["source"].startswith("https://")
        for status in ("single", "married_joint"):
            bands = rules["brackets"][status]
            assert bands[0][0] == 0
            assert [lower for lower, _ in bands] == sorted(lower for lower, _ in bands)
            assert all(0 <= rate < 0.2 for _, rate in bands)
        assert state in modelled_states(year)
        # loads through the engine for both filing statuses
        for status in ("single", "married_joint"):
            result = state_income_tax(50_000, state, year, filing_status=status)
            assert result.amount >= 0
            assert result.source == rules["source"]


def test_california_mental_health_tax_and_sdi() -> None:
    # 2025 single: from 1,100,000 to 1,200,000 of wages all the extra taxable income is in the
    #   12.3% band (over 742,953) and over the $1,000,000 Mental Health Services Tax threshold,
    #   and the exemption credit is already phased out: 100,000 x (12.3% + 1%) = 13,300.
    #   SDI 2025: 1,200,000 x 1.2% = 14,400 (no wage ceiling)
    high = state_income_tax(1_200_000, "CA", 2025)
    lower = state_income_tax(1_100_000, "CA", 2025)
    assert high.amount - lower.amount == pytest.approx(100_000 * (0.123 + 0.01), abs=0.01)
    assert dict(high.payroll)["State Disability Insurance (SDI)"] == pytest.approx(14_400)
    # 2026 SDI 1.3%: 100,000 x 1.3% = 1,300
    assert state_income_tax(100_000, "CA", 2026).total == pytest.approx(5_054.98 + 1_300)


def test_new_york_payroll_caps() -> None:
    # DBL 0.5% capped at $31.20; PFL 2025 0.388% capped at $354.53, 2026 0.432% at $411.91
    small = dict(state_income_tax(5_000, "NY", 2025).payroll)
    assert small["Disability benefits (DBL)"] == pytest.approx(25.0)  # 5,000 x 0.5%
    assert small["Paid Family Leave (PFL)"] == pytest.approx(19.40)  # 5,000 x 0.388%
    big = dict(state_income_tax(200_000, "NY", 2026).payroll)
    assert big["Disability benefits (DBL)"] == pytest.approx(31.20)
    assert big["Paid Family Leave (PFL)"] == pytest.approx(411.91, abs=0.01)
    assert dict(state_income_tax(200_000, "NY", 2025).payroll)[
        "Paid Family Leave (PFL)"
    ] == pytest.approx(354.53, abs=0.01)


def test_new_jersey_and_rhode_island_payroll() -> None:
    # NJ 2025 at 200,000: TDI 165,400 x 0.23% = 380.42; FLI 165,400 x 0.33% = 545.82;
    #   UI/WF/SWF 43,300 x 0.425% = 184.03
    nj = dict(state_income_tax(200_000, "NJ", 2025).payroll)
    assert nj["Temporary Disability Insurance (TDI)"] == pytest.approx(380.42)
    assert nj["Family Leave Insurance (FLI)"] == pytest.approx(545.82)
    assert nj["Unemployment, workforce and supplemental workforce funds"] == pytest.approx(184.025)
    # RI 2026 at 150,000: TDI 100,000 x 1.1% = 1,100; 2025 at 50,000: 50,000 x 1.3% = 650
    assert state_income_tax(150_000, "RI", 2026).total - state_income_tax(
        150_000, "RI", 2026
    ).amount == pytest.approx(1_100)
    assert dict(state_income_tax(50_000, "RI", 2025).payroll)[
        "Temporary Disability Insurance (TDI)"
    ] == pytest.approx(650)


def test_401k_deferral_lowers_taxable_income() -> None:
    # VA 2025 single, 80,000 with a 10,000 deferral: 70,000 - 8,750 - 930 = 60,320 taxable;
    #   3,785.90 (no deferral) less 10,000 x 5.75% = 3,210.90
    result = state_income_tax(80_000, "VA", 2025, deferral=10_000)
    assert result.taxable == pytest.approx(60_320)
    assert result.amount == pytest.approx(3_210.90)


def test_left_out_rules_are_noted() -> None:
    # each simplification the engine cannot express is named in the state's notes
    # (Wisconsin's sliding standard deduction, Ohio's zero band and exemption tiers, the
    # Rhode Island and Maine phase-outs, South Carolina's 2026 income adjusted deduction and
    # Minnesota's standard deduction limit are modelled now: see the hand-worked cases.)
    expected = {
        "NY": "supplemental tax",
        "NM": "low- and middle-income exemption",
    }
    for state, phrase in expected.items():
        for year in YEARS:
            notes = " ".join(state_income_tax(100_000, state, year).notes)
            assert phrase in notes, (state, year)
