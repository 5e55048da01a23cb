"""Hand-worked state income tax for the rules added to close the gaps against PolicyEngine-US
(issue 14): Alabama's itemized FICA deduction, Minnesota's standard deduction limit, Colorado's
add-back over $300,000, Kentucky's family size credit, Georgia's low-income credit, Ohio's
exemption credit, West Virginia's family tax credit, Virginia's filing threshold and
low-income credit, and Massachusetts' FICA deduction and limited income credit (data/tax/states/*.toml). Federal figures: TAX_TABLES.md (2025 single
standard deduction 15,750; FICA 6.2% to the 176,100 wage base, 1.45%, 0.9% over 200,000)."""

from __future__ import annotations

import pytest

from calculator import state_income_tax
from calculator.tax import us_fica

# (state, year, status, wages, state tax)
CASES = [
    # AL 2025 single 20,000: FICA 20,000 x 7.65% = 1,530, less than the 3,000 standard
    #   deduction, which is kept; federal tax (20,000 - 15,750) x 10% = 425;
    #   taxable 20,000 - 3,000 - 425 - 1,500 = 15,075: 10 + 100 + 12,075 x 5% = 713.75
    ("AL", 2025, "single", 20_000, 713.75),
    # AL 2025 single 250,000: FICA 176,100 x 6.2% + 250,000 x 1.45% + 50,000 x 0.9%
    #   = 10,918.20 + 3,625 + 450 = 14,993.20 itemized; federal tax on 234,250 = 52,023;
    #   taxable 250,000 - 14,993.20 - 52,023 - 1,500 = 181,483.80: 110 + 178,483.80 x 5%
    #   = 9,034.19
    ("AL", 2025, "single", 250_000, 9_034.19),
    # MN 2025 single 300,000: standard deduction 14,950 - 3% x (300,000 - 238,950) = 13,118.50;
    #   taxable 286,881.50: 32,570 x 5.35% + 74,420 x 6.8% + 91,640 x 7.85% + 88,251.50 x
    #   9.85% = 1,742.495 + 5,060.56 + 7,193.74 + 8,692.77275 = 22,689.56775
    ("MN", 2025, "single", 300_000, 22_689.56775),
    # MN 2025 joint 600,000: 3% x 91,350 + 10% x 269,700 = 29,710.50, more than 80% of 29,900
    #   (23,920): 5,980 left; taxable 594,020: 47,620 x 5.35% + 141,560 x 6.8% + 141,230 x
    #   7.85% + 263,610 x 9.85% = 2,547.67 + 9,626.08 + 11,086.555 + 25,965.585 = 49,225.89
    ("MN", 2025, "married_joint", 600_000, 49_225.89),
    # CO 2025 single 299,999 (under 300,000): 284,249 x 4.4% = 12,506.956
    ("CO", 2025, "single", 299_999, 12_506.956),
    # CO 2025 single 300,000: 15,750 - 12,000 added back: (300,000 - 12,000) x 4.4% = 12,672
    ("CO", 2025, "single", 300_000, 12_672.0),
    # CO 2026 joint 400,000: only 2,000 kept: 398,000 x 4.4% = 17,512
    ("CO", 2026, "married_joint", 400_000, 17_512.0),
    # KY 2025 single 18,000: (18,000 - 3,270) x 4% = 589.20; 18,000 / 15,650 = 115%: over
    #   112%, not over 116%: credit 60%: 589.20 x 40% = 235.68
    ("KY", 2025, "single", 18_000, 235.68),
    # KY 2026 joint 21,000: (21,000 - 3,360) x 3.5% = 617.40; under the 21,640 guideline for
    #   two: 100% credit, no tax
    ("KY", 2026, "married_joint", 21_000, 0.0),
    # KY 2025 single 25,000 (over 133% of 15,650 = 20,814.50): 21,730 x 4% = 869.20, no credit
    ("KY", 2025, "single", 25_000, 869.2),
    # GA 2025 single 18,000: (18,000 - 12,000) x 5.19% = 311.40, less the $5 low-income
    #   credit (15,000 to 19,999) = 306.40
    ("GA", 2025, "single", 18_000, 306.4),
    # GA 2025 single 20,000: 8,000 x 5.19% = 415.20, no credit from 20,000
    ("GA", 2025, "single", 20_000, 415.2),
    # OH 2025 single 30,000: 27,600 taxable: 342 + 1,550 x 2.75% = 384.625, less the $20
    #   exemption credit (MAGI of 30,000 or less) = 364.625
    ("OH", 2025, "single", 30_000, 364.625),
    # OH 2025 single 150,000: exemption 2,400 - 250 - 250 = 1,900; taxable 148,100:
    #   342 + 73,950 x 2.75% + 48,100 x 3.125% = 3,878.75, plus the schedule's 18.70 above
    #   100,000 = 3,897.45
    ("OH", 2025, "single", 150_000, 3_897.45),
    # WV 2025 single 16,000: 14,000 taxable: 10,000 x 2.22% + 4,000 x 2.96% = 340.40; 350 over
    #   the 15,650 guideline: two $300 steps (or part), 80% credit: 340.40 x 20% = 68.08
    ("WV", 2025, "single", 16_000, 68.08),
    # VA 2025 single 12,000 (over the 11,950 filing threshold): 2,320 taxable x 2% = 46.40,
    #   all taken by the $300 low-income credit (at or below the 15,650 guideline)
    ("VA", 2025, "single", 12_000, 0.0),
    # VA 2025 joint 23,900: at the filing threshold, no tax
    ("VA", 2025, "married_joint", 23_900, 0.0),
    # VA 2025 joint 24,000: over both; 24,000 - 17,500 - 1,860 = 4,640: 60 + 1,640 x 3%
    #   = 109.20
    ("VA", 2025, "married_joint", 24_000, 109.2),
    # VA 2026 single 16,000 (over the 15,960 guideline): 6,320 taxable: 60 + 60 + 1,320 x 5%
    #   = 186
    ("VA", 2026, "single", 16_000, 186.0),
    # MA 2025 single 15,000: the FICA deduction is the tax paid, 15,000 x 7.65% = 1,147.50 (under
    #   the $2,000 cap): (15,000 - 1,147.50 - 4,400) x 5% = 472.625 (over 1.75 x 8,000 = 14,000:
    #   no limited income credit)
    ("MA", 2025, "single", 15_000, 472.625),
    # MA 2025 joint 16,695: (16,695 - 1,277.17 FICA - 8,800) x 5% = 530.89, at most 10% of
    #   16,695 - 16,400 = 29.50 (limited income credit, AGI up to 28,700)
    ("MA", 2025, "married_joint", 16_695, 29.5),
    # MA 2026 single 100,000: FICA 7,650, capped at 2,000: (100,000 - 2,000 - 4,400) x 5% = 4,680
    ("MA", 2026, "single", 100_000, 4_680.0),
]


@pytest.mark.parametrize(("state", "year", "status", "wages", "expected"), CASES)
def test_hand_worked(state: str, year: int, status: str, wages: float, expected: float) -> None:
    found = state_income_tax(wages, state, year, filing_status=status)
    assert found.amount == pytest.approx(expected, abs=0.01)


def test_fica_is_the_take_home_figure() -> None:
    # 2025 joint 300,000: 10,918.20 + 4,350 + (300,000 - 250,000) x 0.9% = 15,718.20
    assert us_fica(300_000, 2025, "married_joint") == pytest.approx(15_718.2)
