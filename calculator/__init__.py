"""Offer Compass core: what to ask for, what an offer is worth, which offer is better.

Pure Python, no Streamlit. Modules that need pandas, Plotly or icalendar (market data, charts,
the HTML report, calendar export) load on first use through :func:`__getattr__` (PEP 562), so
``import calculator`` stays about as cheap as ``import numpy``.

>>> import calculator
>>> bands = calculator.salary_bands(current_salary=28_000, going_rate=30_000, target=30_000)
>>> r = calculator.counter_range(target=bands.target, bottom_line=bands.bottom_line,
...                              top_salary=40_000)
>>> r.low, r.high, r.phrase
(33000.0, 36000.0, 'around the mid-thirties')
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .bands import (
    EXPERTISE_LEVELS,
    EXPERTISE_MULTIPLIERS,
    EXPERTISE_PERCENTILES,
    MIN_POINTS_FOR_SPREAD,
    DataPoint,
    Expertise,
    PointsSummary,
    SalaryBands,
    going_rate_from_points,
    interpolate_percentile,
    salary_bands,
    top_salary_from_percentiles,
)
from .benefits import (
    BENEFIT_COMPONENTS,
    BenefitValues,
    defaults,
    employee_rate,
    employer_pension,
    health_care_default,
    holiday_value,
    home_working_rate,
    home_working_value,
    pension_value,
    plan_limits,
    study_value,
    value_benefits,
)
from .checklist import (
    LETTER_ITEMS,
    AcceptanceCheck,
    AcceptanceResult,
    AcceptanceTerms,
    ChecklistItem,
    OfferLetterChecklist,
    check_acceptance,
    offer_letter_checklist,
)
from .compare import (
    CASH_COMPONENTS,
    Ask,
    BreakEven,
    Comparison,
    OfferTotals,
    View,
    break_even_salary,
    compare_offers,
    cumulative_value_grid,
    offer_years,
    questions_to_ask,
    refresher_years,
    value_if_leaving,
)
from .counter import (
    PRECISE_STEP,
    CounterRange,
    counter_range,
    round_precise,
    spoken_phrase,
)
from .equity import (
    NAMED_SCHEDULES,
    PRESETS,
    SCENARIOS,
    EquityGrant,
    EquityKind,
    RefresherPlan,
    Schedule,
    Tranches,
    schedule_fractions,
    schedule_tranches,
    vested_by_month,
    vested_fraction,
    vesting_schedule,
)
from .errors import (
    InputError,
)
from .followup import (
    ACTION_KINDS,
    CHANNELS,
    CHECK_IN_INTERVAL_DAYS,
    CONTACT_METHODS,
    HOLIDAY_COUNTRIES,
    LOG_KINDS,
    MAX_CHECK_INS,
    NO_DATE_WAIT_DAYS,
    PATIENCE,
    PATIENCE_WORKING_DAYS,
    STAGES,
    ContactLog,
    DueAction,
    FollowUpPlan,
    LogEntry,
    PlanAction,
    PromisedItem,
    WorkingDays,
    add_working_days,
    done_entry,
    due_actions,
    follow_up_plan,
    next_working_day,
    roll_to_working_day,
)
from .messages import (
    MESSAGE_TITLES,
    MessageDetails,
    message_templates,
    message_text,
)
from .money import (
    currency_symbol,
    format_day,
    format_money,
)
from .offers import (
    FACTOR_RANGE,
    TAXABLE_BENEFITS,
    Bonus,
    CustomBenefit,
    HomeWorking,
    Offer,
    Pension,
    PensionBasis,
    SignOn,
    Study,
)
from .periods import (
    PAY_PERIODS,
    PayPeriod,
    from_annual,
    periods_per_year,
    to_annual,
)
from .places import (
    RPP_CREDIT,
    RPP_FILE,
    STATES,
    Place,
    adjust_for_place,
    price_level,
    state_code,
    state_levels,
)
from .scoring import (
    MONEY_COMPONENTS,
    OfferScore,
    PackageScores,
    default_weights,
    score_packages,
)
from .scripts import (
    SCRIPT_TITLES,
    NegotiationScripts,
    negotiation_scripts,
)
from .simulate import (
    SIMULATION_PERCENTILES,
    SimulationResult,
    simulate_offers,
)
from .state_tax import (
    STATE_FILING_STATUSES,
    StateIncomeTax,
    modelled_states,
    state_income_tax,
    state_localities,
)
from .tax import (
    COUNTRIES,
    DEFAULT_TAX_YEAR,
    FILING_STATUSES,
    GB_REGIONS,
    MAX_PENSION_RATE,
    PENSION_METHODS,
    STUDENT_LOAN_PLANS,
    RetirementLimits,
    TakeHome,
    TaxProfile,
    available_tax_years,
    retirement_limits,
    take_home,
)
from .verdict import (
    POSITIONS,
    OfferAssessment,
    OfferPosition,
    assess_offer,
)


def _version() -> str:
    """The installed package's version (pyproject.toml is the one place it is written); read
    on first access of ``calculator.__version__``: importlib.metadata costs ~20 ms to import."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("offer-compass")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "0+unknown"


# Public names whose modules import pandas, Plotly or icalendar: loaded on first access.
_LAZY: dict[str, str] = {
    "ALARM_TRIGGER": "calendar_export",
    "HOURS_PER_YEAR": "market",
    "MARKET_CREDIT": "market",
    "MarketPercentiles": "market",
    "odds_fan_chart": "charts",
    "vesting_chart": "charts",
    "OccupationMatch": "market",
    "PALETTE": "charts",
    "PATTERNS": "charts",
    "PERCENTILES": "market",
    "PRIVACY_LINE": "report",
    "PRODID": "calendar_export",
    "PercentilePosition": "market",
    "action_uid": "calendar_export",
    "bands_chart": "charts",
    "chart_alt_text": "charts",
    "comparison_report_html": "report",
    "component_label": "charts",
    "cumulative_value_chart": "charts",
    "leaving_value_chart": "charts",
    "occupation_percentiles": "market",
    "occupation_title": "market",
    "offer_components_chart": "charts",
    "percentile_chart": "charts",
    "percentile_of": "market",
    "place_adjustment_chart": "charts",
    "plan_to_ics": "calendar_export",
    "plans_to_ics": "calendar_export",
    "score_chart": "charts",
    "search_occupations": "market",
    "states": "market",
    "take_home_waterfall": "charts",
    "timeline_chart": "charts",
}

if TYPE_CHECKING:  # for type checkers and IDEs only
    from .calendar_export import (
        ALARM_TRIGGER,
        PRODID,
        action_uid,
        plan_to_ics,
        plans_to_ics,
    )
    from .charts import (
        PALETTE,
        PATTERNS,
        bands_chart,
        chart_alt_text,
        component_label,
        cumulative_value_chart,
        leaving_value_chart,
        odds_fan_chart,
        offer_components_chart,
        percentile_chart,
        place_adjustment_chart,
        score_chart,
        take_home_waterfall,
        timeline_chart,
        vesting_chart,
    )
    from .market import (
        HOURS_PER_YEAR,
        MARKET_CREDIT,
        PERCENTILES,
        MarketPercentiles,
        OccupationMatch,
        PercentilePosition,
        occupation_percentiles,
        occupation_title,
        percentile_of,
        search_occupations,
        states,
    )
    from .report import (
        PRIVACY_LINE,
        comparison_report_html,
    )

__all__ = [
    "ACTION_KINDS",
    "ALARM_TRIGGER",
    "BENEFIT_COMPONENTS",
    "CASH_COMPONENTS",
    "CHANNELS",
    "CHECK_IN_INTERVAL_DAYS",
    "CONTACT_METHODS",
    "COUNTRIES",
    "DEFAULT_TAX_YEAR",
    "EXPERTISE_LEVELS",
    "EXPERTISE_MULTIPLIERS",
    "EXPERTISE_PERCENTILES",
    "FACTOR_RANGE",
    "FILING_STATUSES",
    "GB_REGIONS",
    "HOLIDAY_COUNTRIES",
    "HOURS_PER_YEAR",
    "LETTER_ITEMS",
    "LOG_KINDS",
    "MARKET_CREDIT",
    "MAX_CHECK_INS",
    "MAX_PENSION_RATE",
    "MESSAGE_TITLES",
    "MIN_POINTS_FOR_SPREAD",
    "MONEY_COMPONENTS",
    "NAMED_SCHEDULES",
    "NO_DATE_WAIT_DAYS",
    "PALETTE",
    "PATIENCE",
    "PATIENCE_WORKING_DAYS",
    "PATTERNS",
    "PAY_PERIODS",
    "PENSION_METHODS",
    "PERCENTILES",
    "POSITIONS",
    "PRECISE_STEP",
    "PRESETS",
    "PRIVACY_LINE",
    "PRODID",
    "RPP_CREDIT",
    "RPP_FILE",
    "SCENARIOS",
    "SCRIPT_TITLES",
    "SIMULATION_PERCENTILES",
    "STAGES",
    "STATES",
    "STATE_FILING_STATUSES",
    "STUDENT_LOAN_PLANS",
    "TAXABLE_BENEFITS",
    "AcceptanceCheck",
    "AcceptanceResult",
    "AcceptanceTerms",
    "Ask",
    "BenefitValues",
    "Bonus",
    "BreakEven",
    "ChecklistItem",
    "Comparison",
    "ContactLog",
    "CounterRange",
    "CustomBenefit",
    "DataPoint",
    "DueAction",
    "EquityGrant",
    "EquityKind",
    "Expertise",
    "FollowUpPlan",
    "HomeWorking",
    "InputError",
    "LogEntry",
    "MarketPercentiles",
    "MessageDetails",
    "NegotiationScripts",
    "OccupationMatch",
    "Offer",
    "OfferAssessment",
    "OfferLetterChecklist",
    "OfferPosition",
    "OfferScore",
    "OfferTotals",
    "PackageScores",
    "PayPeriod",
    "Pension",
    "PensionBasis",
    "PercentilePosition",
    "Place",
    "PlanAction",
    "PointsSummary",
    "PromisedItem",
    "RefresherPlan",
    "RetirementLimits",
    "SalaryBands",
    "Schedule",
    "SignOn",
    "SimulationResult",
    "StateIncomeTax",
    "Study",
    "TakeHome",
    "TaxProfile",
    "Tranches",
    "View",
    "WorkingDays",
    "action_uid",
    "add_working_days",
    "adjust_for_place",
    "assess_offer",
    "available_tax_years",
    "bands_chart",
    "break_even_salary",
    "chart_alt_text",
    "check_acceptance",
    "compare_offers",
    "comparison_report_html",
    "component_label",
    "counter_range",
    "cumulative_value_chart",
    "cumulative_value_grid",
    "currency_symbol",
    "default_weights",
    "defaults",
    "done_entry",
    "due_actions",
    "employee_rate",
    "employer_pension",
    "follow_up_plan",
    "format_day",
    "format_money",
    "from_annual",
    "going_rate_from_points",
    "health_care_default",
    "holiday_value",
    "home_working_rate",
    "home_working_value",
    "interpolate_percentile",
    "leaving_value_chart",
    "message_templates",
    "message_text",
    "modelled_states",
    "negotiation_scripts",
    "next_working_day",
    "occupation_percentiles",
    "occupation_title",
    "odds_fan_chart",
    "offer_components_chart",
    "offer_letter_checklist",
    "offer_years",
    "pension_value",
    "percentile_chart",
    "percentile_of",
    "periods_per_year",
    "place_adjustment_chart",
    "plan_limits",
    "plan_to_ics",
    "plans_to_ics",
    "price_level",
    "questions_to_ask",
    "refresher_years",
    "retirement_limits",
    "roll_to_working_day",
    "round_precise",
    "salary_bands",
    "schedule_fractions",
    "schedule_tranches",
    "score_chart",
    "score_packages",
    "search_occupations",
    "simulate_offers",
    "spoken_phrase",
    "state_code",
    "state_income_tax",
    "state_levels",
    "state_localities",
    "states",
    "study_value",
    "take_home",
    "take_home_waterfall",
    "timeline_chart",
    "to_annual",
    "top_salary_from_percentiles",
    "value_benefits",
    "value_if_leaving",
    "vested_by_month",
    "vested_fraction",
    "vesting_chart",
    "vesting_schedule",
]


def __getattr__(name: str) -> Any:
    """Load a lazy module's public name on first access (PEP 562)."""
    if name == "__version__":
        globals()[name] = _version()
        return globals()[name]
    module_name = _LAZY.get(name)
    if module_name is None:
        raise AttributeError(f"module 'calculator' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module_name}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
