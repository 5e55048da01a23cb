"""New York: the supplemental tax, the household credit, and the resident income taxes of New
York City and Yonkers (data/tax/states/NY.toml), worked by hand; and the locality in
take-home pay and the tax profile."""

from __future__ import annotations

import pytest

from calculator import InputError, TaxProfile, state_income_tax, state_localities, take_home

# NY 2025 single schedule up to 80,650 of taxable income:
#   8,500 x 4% + 3,200 x 4.5% + 2,200 x 5.25% + 66,750 x 5.5% = 340 + 144 + 115.5 + 3,671.25
#   = 4,270.75; then 6% to 215,400: 4,270.75 + 134,750 x 6% = 12,355.75
NY_2025_AT_80650 = 4_270.75
NY_2025_AT_215400 = 12_355.75


def test_state_localities_lists_the_picks() -> None:
    assert state_localities("NY") == {"NYC": "New York City", "Yonkers": "Yonkers"}
    assert state_localities("New York", 2026) == {"NYC": "New York City", "Yonkers": "Yonkers"}
    assert state_localities("CA") == {}


def test_new_york_city_single_2025() -> None:
    result = state_income_tax(100_000, "NY", 2025, locality="NYC")
    # NY taxable 100,000 - 8,000 = 92,000: 4,270.75 + 11,350 x 6% = 4,951.75 (AGI under
    # 107,650: no supplemental tax; over 28,000: no household credit)
    assert result.amount == pytest.approx(4_951.75)
    # NYC on 92,000: 12,000 x 3.078% + 13,000 x 3.762% + 25,000 x 3.819% + 42,000 x 3.876%
    #   = 369.36 + 489.06 + 954.75 + 1,627.92 = 3,441.09
    # school tax credit: fixed 63; rate reduction 12,000 x 0.171% + 80,000 x 0.228%
    #   = 20.52 + 182.40 = 202.92;  3,441.09 - 63 - 202.92 = 3,175.17
    assert result.local == pytest.approx(3_175.17)
    assert result.locality == "NYC"
    assert result.locality_name == "New York City"
    assert result.total == pytest.approx(4_951.75 + 3_175.17 + sum(v for _, v in result.payroll))


def test_new_york_city_joint_2025_and_a_high_income() -> None:
    joint = state_income_tax(60_000, "NY", 2025, filing_status="married_joint", locality="nyc")
    # NY taxable 60,000 - 16,050 = 43,950; NYC joint: 21,600 x 3.078% + 22,350 x 3.762%
    #   = 664.848 + 840.807 = 1,505.655; school credit 125 + (21,600 x 0.171% + 22,350 x
    #   0.228% = 36.936 + 50.958 = 87.894): 1,505.655 - 125 - 87.894 = 1,292.761
    assert joint.local == pytest.approx(1_292.761)
    high = state_income_tax(600_000, "NY", 2025, locality="New York City")
    # taxable 592,000; no school credit above 250,000 / 500,000 of income:
    #   369.36 + 489.06 + 954.75 + 542,000 x 3.876% (21,007.92) = 22,821.09
    assert high.local == pytest.approx(22_821.09)


def test_yonkers_is_a_share_of_the_state_tax() -> None:
    result = state_income_tax(100_000, "NY", 2025, locality="Yonkers")
    assert result.local == pytest.approx(4_951.75 * 0.1675)  # 829.418125


def test_supplemental_tax_phases_in_above_107650() -> None:
    # single 2025, wages 132,650: taxable 124,650; schedule 4,270.75 + 44,000 x 6% = 6,910.75
    # NY AGI 25,000 over 107,650: half the 568 recapture = 284; 7,194.75
    assert state_income_tax(132_650, "NY", 2025).amount == pytest.approx(7_194.75)
    # single 2025, wages 300,000: taxable 292,000 in the 6.85% bracket;
    # schedule 12,355.75 + 76,600 x 6.85% = 17,602.85; AGI 84,600 over 215,400: fully phased
    # in, 568 + 1,831 = 2,399; 20,001.85 (about 6.85% of all 292,000 = 20,002)
    assert state_income_tax(300_000, "NY", 2025).amount == pytest.approx(20_001.85)


def test_supplemental_tax_joint_2026() -> None:
    # joint 2026, wages 200,000: taxable 183,950; schedule 17,150 x 3.9% + 6,450 x 4.4% +
    #   4,300 x 5.15% + 133,650 x 5.4% + 22,400 x 5.9% = 668.85 + 283.8 + 221.45 + 7,217.1 +
    #   1,321.6 = 9,712.80; recapture 333 + 807 x (200,000 - 161,550) / 50,000 (0.769)
    #   = 333 + 620.583 = 953.583; 10,666.383
    result = state_income_tax(200_000, "NY", 2026, filing_status="married_joint")
    assert result.amount == pytest.approx(10_666.383)


def test_supplemental_tax_above_25_million_is_the_top_rate_on_everything() -> None:
    result = state_income_tax(30_000_000, "NY", 2025)
    assert result.amount == pytest.approx((30_000_000 - 8_000) * 0.109)  # 3,269,128


def test_household_credit_at_low_wages() -> None:
    # single 2025, wages 20,000: taxable 12,000: 340 + 144 + 300 x 5.25% = 499.75;
    # 20,000 is over 7,000 but not over 20,000: credit 45; 454.75
    assert state_income_tax(20_000, "NY", 2025).amount == pytest.approx(454.75)
    # joint 2026, wages 30,000: taxable 13,950 x 3.9% = 544.05; credit 25 (28,000-32,000)
    joint = state_income_tax(30_000, "NY", 2026, filing_status="married_joint")
    assert joint.amount == pytest.approx(519.05)


def test_take_home_counts_the_city_apart_and_in_the_total() -> None:
    city = take_home(100_000, "US", 2025, region="NY", locality="NYC")
    state = take_home(100_000, "US", 2025, region="NY")
    assert city.local_tax == pytest.approx(3_175.17)
    assert state.local_tax == 0.0
    assert city.state_local_tax == pytest.approx(4_951.75 + 3_175.17)
    assert state.net - city.net == pytest.approx(3_175.17)
    assert city.to_dict()["local_tax"] == pytest.approx(3_175.17)
    assert any("New York City resident income tax" in note for note in city.notes)


@pytest.mark.parametrize(
    ("kwargs", "rule"),
    [
        ({"country": "US", "region": "TX", "locality": "NYC"}, "not a locality of TX"),
        ({"country": "US", "locality": "NYC"}, "state (region) given"),
        ({"country": "GB", "locality": "NYC"}, "state (region) given"),
        ({"country": "US", "region": "NY", "locality": "Boston"}, "not a locality of NY"),
        (
            {"country": "US", "region": "NY", "locality": "NYC", "state_local_rate": 0.05},
            "flat state and local rate",
        ),
        ({"country": "US", "region": "NY", "locality": "  "}, "must be a locality"),
    ],
)
def test_bad_localities_name_the_field(kwargs: dict[str, object], rule: str) -> None:
    with pytest.raises(InputError) as info:
        take_home(100_000, tax_year=2025, **kwargs)  # type: ignore[arg-type]
    assert info.value.field == "locality"
    assert rule in str(info.value)


def test_tax_profile_carries_the_locality() -> None:
    profile = TaxProfile("US", 2026, region="NY", locality="Yonkers")
    assert TaxProfile.from_dict(profile.to_dict()) == profile
    assert profile.take_home(100_000).local_tax == pytest.approx(
        state_income_tax(100_000, "NY", 2026).amount * 0.1675
    )
    with pytest.raises(InputError) as info:
        TaxProfile("US", 2026, region="CA", locality="Yonkers")
    assert info.value.field == "locality"
