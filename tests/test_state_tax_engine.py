"""The state income tax engine (docs/domain.md section 8) on rules written here, and its place in take-home
pay: the state's tax and payroll lines, the flat rate as an override, unmodelled states."""

from __future__ import annotations

import pytest

from calculator import InputError, state_income_tax, take_home
from calculator import state_tax as engine

RULES = {
    "code": "ZZ",
    "kind": "brackets",
    "source": "https://example.test/rules",
    "brackets": {
        "single": [[0, 0.02], [10_000, 0.05], [50_000, 0.08]],
        "married_joint": [[0, 0.02], [20_000, 0.05], [100_000, 0.08]],
    },
    "standard_deduction": {"single": 5_000, "married_joint": 10_000},
    "exemption": {"single": 1_000, "married_joint": 2_000},
    "exemption_credit": {"single": 150, "married_joint": 300},
    "exemption_credit_phaseout": {"single": {"start": 100_000, "step": 2_500, "reduction": 6}},
    "surtax": [{"threshold": 200_000, "rate": 0.01}],
    "payroll": [{"name": "Disability insurance", "rate": 0.01, "wage_base": 100_000}],
    "deducts_401k": True,
    "notes": ["Made-up rules for the test."],
}


@pytest.fixture
def made_up(monkeypatch):
    monkeypatch.setattr(engine, "_rules", lambda state, year: ("Zedland", dict(RULES)))


def test_brackets_deductions_exemptions_and_credit(made_up):
    result = state_income_tax(60_000, "ZZ", 2025)
    # taxable 60,000 - 5,000 - 1,000 = 54,000; 10,000 x 2% + 40,000 x 5% + 4,000 x 8% = 2,520
    # less the 150 credit = 2,370
    assert result.taxable == pytest.approx(54_000)
    assert result.amount == pytest.approx(2_370)
    assert result.payroll == (("Disability insurance", pytest.approx(600)),)
    assert result.total == pytest.approx(2_970)


def test_credit_phase_out_and_surtax(made_up):
    # income 110,000: 10,000 over the start = 4 steps of 2,500: credit 150 - 24 = 126
    # taxable 104,000: 200 + 2,000 + 54,000 x 8% = 6,520; less 126 = 6,394
    assert state_income_tax(110_000, "ZZ", 2025).amount == pytest.approx(6_394)
    # 301,000: taxable 295,000; 200 + 2,000 + 245,000 x 8% = 21,800; the credit is gone
    # (201,000 over: 81 steps x 6 > 150); surtax 1% x 95,000 = 950
    assert state_income_tax(301_000, "ZZ", 2025).amount == pytest.approx(21_800 + 950)


def test_deferral_and_married_joint(made_up):
    # 401(k) deferral of 10,000 comes off: taxable 60,000 - 10,000 - 12,000 = 38,000
    # joint: 20,000 x 2% + 18,000 x 5% = 1,300; less 300 = 1,000
    result = state_income_tax(60_000, "ZZ", 2025, filing_status="married_joint", deferral=10_000)
    assert result.amount == pytest.approx(1_000)


def test_a_state_that_taxes_wages_before_deferrals(monkeypatch):
    rules = {
        **RULES,
        "kind": "flat",
        "rate": 0.03,
        "deducts_401k": False,
        "standard_deduction": {},
        "exemption": {},
        "exemption_credit": {},
        "surtax": [],
    }
    monkeypatch.setattr(engine, "_rules", lambda state, year: ("Flatland", rules))
    assert state_income_tax(100_000, "ZZ", 2025, deferral=20_000).amount == pytest.approx(3_000)


def test_take_home_counts_the_state_and_its_payroll(made_up):
    plain = take_home(60_000, "US", 2025)
    state = take_home(60_000, "US", 2025, region="OR")
    assert state.state_local_tax == pytest.approx(2_370)
    assert state.state_payroll == pytest.approx(600)
    assert plain.net - state.net == pytest.approx(2_970)
    labels = [label for label, _ in state.breakdown]
    assert "State and local tax" in labels
    assert "State payroll" in labels
    assert sum(amount for label, amount in state.breakdown if label != "Net pay") + state.net == (
        pytest.approx(60_000)
    )


def test_a_flat_rate_overrides_the_states_rules(made_up):
    result = take_home(60_000, "US", 2025, region="OR", state_local_rate=0.05)
    assert result.state_local_tax == pytest.approx(3_000)
    assert result.state_payroll == 0.0


def test_no_wage_tax_states_and_unknown_states():
    assert take_home(100_000, "US", 2025, region="Texas").state_local_tax == 0.0
    with pytest.raises(InputError) as info:
        take_home(100_000, "US", 2025, region="Atlantis")
    assert info.value.field == "region"


def test_phase_outs_and_a_no_tax_threshold(monkeypatch):
    rules = {
        **RULES,
        "exemption_credit": {},
        "surtax": [],
        "no_tax_up_to": {"single": 12_000},
        "phaseouts": [
            # the standard deduction slides: 12% of each dollar over 20,000 (Wisconsin-like)
            {"applies_to": "standard_deduction", "start": 20_000, "per_dollar": 0.12},
            # the exemption goes entirely above 100,000, single only (Illinois-like cliff)
            {"applies_to": "exemption", "status": "single", "start": 100_000, "share": 1},
        ],
    }
    monkeypatch.setattr(engine, "_rules", lambda state, year: ("Zedland", rules))
    assert state_income_tax(12_000, "ZZ", 2025).amount == 0.0  # at the threshold: nothing
    # 30,000: deduction 5,000 - 12% x 10,000 = 3,800; taxable 30,000 - 3,800 - 1,000 = 25,200
    # 10,000 x 2% + 15,200 x 5% = 960
    assert state_income_tax(30_000, "ZZ", 2025).amount == pytest.approx(960)
    # 100,001: deduction gone (5,000 < 12% x 80,001), exemption gone: taxable 100,001
    # 200 + 2,000 + 50,001 x 8% = 6,200.08
    assert state_income_tax(100_001, "ZZ", 2025).amount == pytest.approx(6_200.08)
    # joint keeps its exemption above 100,000, and its 10,000 deduction is not quite gone:
    # 10,000 - 12% x 80,001 = 399.88; taxable 100,001 - 399.88 - 2,000 = 97,601.12
    # joint: 20,000 x 2% + 77,601.12 x 5% = 4,280.056
    joint = state_income_tax(100_001, "ZZ", 2025, filing_status="married_joint")
    assert joint.amount == pytest.approx(4_280.056)
