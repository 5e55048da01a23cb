"""The offer form: the same fields in the same order for every offer column.

Widget keys are the field paths of :class:`app_pages.models.OfferInput` under ``offers.N.``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import streamlit as st

from app_pages.models import CURRENT_JOB, FACTORS, column_label
from app_pages.safe import escape
from app_pages.widgets import (
    checkbox,
    choice,
    hours_warning,
    message,
    money_input,
    number,
    pay_warning,
    several,
    slider,
    table,
    text,
    value,
)

__all__ = ["FACTOR_LABELS", "PERIODS", "compare_inputs", "offer_form", "weights_form"]

PERIODS = {
    "year": "a year",
    "month": "a month",
    "week": "a week",
    "day": "a day",
    "hour": "an hour",
}
SCHEDULES = {
    "standard": "Standard: 25% after a year, then monthly",
    "standard_quarterly": "25% after a year, then quarterly",
    "front_loaded": "Front-loaded 40/30/20/10",
    "back_loaded": "Back-loaded 5/15/40/40",
    "amazon": "5% / 15%, then 20% every 6 months",
    "custom": "My own dates (type them)",
}
PENSIONS = {
    "none": "None / not stated",
    "percent": "Employer pays a % of salary",
    "uk_auto_enrolment": "UK auto-enrolment (qualifying earnings)",
    "match": "401(k) match",
}
FACTOR_LABELS = {
    "culture": "Culture and people",
    "growth": "Growth and learning",
    "commute": "Commute and location",
    "security": "Job security",
    "flexibility": "Flexibility",
}
WEIGHT_LABELS = {
    "base": "Base salary",
    "bonus": "Bonus",
    "sign_on": "Sign-on and relocation",
    "equity": "Equity",
    "holiday": "Holiday",
    "pension": "Pension",
    "health": "Health care",
    "travel": "Travel allowance",
    "car": "Company car",
    "gym": "Gym",
    "home_working": "Home working",
    "study": "Study support",
    "custom": "Other benefits",
    **FACTOR_LABELS,
}


def offer_form(
    prefix: str, title: str, tax_years: dict[str, list[int]], states: list[str], currency: str
) -> None:
    """Draw every input of one column (keys ``<prefix>.<field>``: ``offers.N`` or
    ``current_job``)."""
    k = f"{prefix}."
    st.subheader(title)
    message(prefix)
    _pay(k, currency, prefix == CURRENT_JOB)
    with st.expander("Bonus, sign-on, relocation, raises", expanded=True):
        _cash(k)
    with st.expander("Equity"):
        _equity(k)
    _benefits(k)
    if value("compare.show_weights"):
        with st.expander("How it feels (1 = poor, 5 = great)", expanded=True):
            for factor in FACTORS:
                slider(
                    k + f"factor_{factor}",
                    FACTOR_LABELS[factor],
                    "Your own rating. It joins the weighted score, never the money.",
                )
    _place_and_tax(k, tax_years, states)


def _pay(k: str, currency: str, current: bool) -> None:
    text(
        k + "name",
        "Employer or offer name" if not current else "Name",
        "A short name to tell the columns apart."
        if not current
        else "How to call your current job, e.g. 'Stay at Acme'.",
    )
    if not current:
        _application(k)
    a, b = st.columns([3, 2])
    with a:
        money_input(k + "base_salary", "Base salary", "The guaranteed pay before tax.")
    with b:
        choice(
            k + "base_per",
            "Paid per",
            "How often the base salary figure is paid.",
            PERIODS,
            options=list(PERIODS),
        )
    pay_warning(k + "base_salary", k + "base_per", k + "hours_per_week", currency)
    number(
        k + "hours_per_week",
        "Hours a week",
        "Contracted weekly hours: used to turn hourly pay into a year.",
        step=0.5,
    )
    hours_warning(k + "hours_per_week")


def _application(k: str) -> None:
    """The application (Next steps) this offer came from: its terms and letter checks."""
    from app_pages.state import inputs

    found = [
        (a.id, a.company.strip() or f"Application {i + 1}")
        for i, a in enumerate(inputs().next_steps.applications)
        if a.id
    ]
    if found:
        choice(
            k + "application",
            "From the application",
            "Links the offer to its application on Next steps, for its terms and checklist.",
            {"": "Not linked", **dict(found)},
            options=["", *(key for key, _ in found)],
        )


def _cash(k: str) -> None:
    """Bonus (with its likely range and any fixed amounts by year), sign-on, relocation."""
    a, b = st.columns(2)
    with a:
        number(k + "bonus_target_pct", "Bonus target (%)", "The bonus as a % of base salary.")
    with b:
        number(
            k + "bonus_payout_pct",
            "Expected payout (%)",
            "How much of the target you expect to be paid out. 100% unless you know better.",
        )
    a, b = st.columns(2)
    with a:
        number(k + "bonus_low_pct", "Payout at worst (%)", "For the odds: the lowest likely.")
    with b:
        number(k + "bonus_high_pct", "Payout at best (%)", "For the odds: the highest likely.")
    st.caption("Fixed cash by year, such as a retention bonus (leave empty if none):")
    for column, year in zip(st.columns(4), range(1, 5), strict=True):
        with column:
            money_input(k + f"retention_{year}", f"Year {year}", f"Paid for year {year}.")
    a, b = st.columns(2)
    with a:
        money_input(k + "sign_on", "Sign-on payment", "A one-off payment when you join.")
    with b:
        number(
            k + "sign_on_repay_months",
            "Repay if you leave within (months)",
            "Many sign-on payments must be paid back if you leave early.",
            fmt="%d",
        )
    a, b = st.columns(2)
    with a:
        number(
            k + "sign_on_upfront_pct",
            "Sign-on paid at the start (%)",
            "If it comes in two parts: the share paid when you join. Empty: all of it.",
        )
    with b:
        number(
            k + "sign_on_rest_month",
            "The rest paid after (months)",
            "When the second part is paid. Default 12 months.",
            fmt="%d",
        )
    checkbox(
        k + "sign_on_pro_rata",
        "Repaid pro rata",
        "Ticked: leaving early repays only the unearned share. Unticked: repaid in full.",
    )
    a, b = st.columns(2)
    with a:
        money_input(k + "relocation", "Relocation", "One-off help with moving costs.")
    with b:
        number(k + "raise_pct", "Yearly raise (%)", "The pay rise you expect each year.", step=0.5)


def _equity(k: str) -> None:
    """The grant, its vesting (a preset or dated tranches), growth, and refreshers."""
    kind = choice(
        k + "equity_kind",
        "Equity type",
        "RSUs are shares given to you; options let you buy shares at a fixed (strike) price.",
        {"none": "None", "rsu": "Shares (RSUs)", "option": "Stock options"},
        options=["none", "rsu", "option"],
        horizontal=True,
    )
    if kind == "none":
        return
    a, b = st.columns(2)
    with a:
        number(k + "equity_shares", "Number of shares", "Shares in the whole grant.")
    with b:
        if kind == "rsu":
            money_input(
                k + "equity_grant_value",
                "Grant value",
                "The total value of the grant, if stated instead of shares x price.",
            )
        else:
            number(
                k + "equity_strike",
                "Strike price",
                "The price per share you would pay.",
                step=0.1,
                fmt="%.2f",
            )
    if kind == "rsu":
        _rsu_prices(k)
    else:
        st.caption("Exit price per share in three scenarios (private equity is uncertain):")
        a, b, c = st.columns(3)
        with a:
            number(k + "equity_bear_price", "Bear", "A poor outcome.", fmt="%.2f")
        with b:
            number(k + "equity_base_price", "Base", "A middle outcome.", fmt="%.2f")
        with c:
            number(k + "equity_bull_price", "Bull", "A great outcome.", fmt="%.2f")
    number(
        k + "equity_volatility_pct",
        "Share price volatility (% a year)",
        "For the odds: how much the price swings in a year (large listed firms 25-40%, "
        "start-ups far more). Empty: the price follows its growth exactly.",
    )
    _vesting(k)
    _refreshers(k, kind)


def _rsu_prices(k: str) -> None:
    number(k + "equity_price", "Share price now", "Today's price per share.", step=0.1, fmt="%.2f")
    a, b, c = st.columns(3)
    with a:
        number(k + "equity_bear_growth_pct", "Growth, bear (%)", "A poor year for the share.")
    with b:
        number(
            k + "equity_growth_pct",
            "Growth a year (%)",
            "How much the share price grows each year. Each tranche is valued when it vests.",
        )
    with c:
        number(k + "equity_bull_growth_pct", "Growth, bull (%)", "A good year for the share.")


def _vesting(k: str) -> None:
    schedule = choice(
        k + "equity_schedule",
        "Vesting",
        "When the grant becomes yours. Pick the offer's schedule, or type its dates.",
        SCHEDULES,
        options=list(SCHEDULES),
    )
    if schedule == "custom":
        table(
            k + "equity_tranches",
            {
                "month": st.column_config.NumberColumn(
                    "Month", min_value=0, max_value=120, step=1, format="%d"
                ),
                "percent": st.column_config.NumberColumn(
                    "Share (%)", min_value=0, max_value=100, format="%.2f"
                ),
            },
            label="Vesting dates",
            help="One row per vesting date: months from the start and the share of the grant "
            "(the shares must add up to 100%).",
        )


def _refreshers(k: str, kind: str) -> None:
    a, b = st.columns(2)
    with a:
        money_input(
            k + "refresher_value",
            "Yearly refresher grant",
            "New equity the employer usually grants each year. Not guaranteed: shown apart, "
            "and counted only if you ask below the offers.",
        )
    with b:
        number(
            k + "refresher_first_month",
            "First refresher after (months)",
            "Default 12. Each refresher vests quarterly over 4 years.",
            fmt="%d",
        )
    if kind == "option":
        st.caption("Refreshers are valued at their stated value, without growth.")


def _benefits(k: str) -> None:
    with st.expander("Benefits", expanded=True):
        number(
            k + "holiday_days",
            "Holiday days a year",
            "Paid days off, excluding public holidays. Each is worth a day's pay.",
        )
        pension = choice(
            k + "pension_type",
            "Pension",
            "Percent of pay; UK auto-enrolment (employer % of pay between £6,240 and £50,270); "
            "or a US 401(k) match.",
            PENSIONS,
            options=list(PENSIONS),
        )
        if pension != "none":
            a, b = st.columns(2)
            with a:
                number(
                    k + "pension_employer_pct",
                    "Employer pays (%)" if pension != "match" else "Match rate (%)",
                    "The employer's contribution, or for a match the share of your savings "
                    "they add (e.g. 50%).",
                    step=0.5,
                )
            with b:
                number(
                    k + "pension_employee_pct",
                    "You pay (%)",
                    "Your own contribution as a % of pay.",
                    step=0.5,
                )
            if pension == "match":
                number(
                    k + "pension_match_cap_pct",
                    "Match up to (% of pay)",
                    "The employer matches your savings up to this % of pay (e.g. 6%).",
                    step=0.5,
                )
        a, b = st.columns(2)
        with a:
            money_input(
                k + "health_care",
                "Health care (a year)",
                "What the employer pays for your health cover each year.",
                step=100.0,
            )
        with b:
            money_input(
                k + "travel_allowance",
                "Travel allowance (a year)",
                "Cash for travel, per year.",
                step=100.0,
            )
        a, b = st.columns(2)
        with a:
            money_input(
                k + "company_car",
                "Company car (a year)",
                "What running your own car would cost you a year, minus any tax on the car.",
                step=100.0,
            )
        with b:
            money_input(
                k + "gym",
                "Gym (a year)",
                "Count it only if you would pay for a gym anyway.",
                step=50.0,
            )
        a, b, c = st.columns(3)
        with a:
            number(k + "home_days", "Home days a week", "Days a week you may work from home.")
        with b:
            number(
                k + "commute_cost",
                "Commute cost a day",
                "What one return journey to the office costs.",
                fmt="%.2f",
            )
        with c:
            number(
                k + "commute_minutes",
                "Commute minutes a day",
                "Door-to-door time for the return journey.",
                step=5.0,
            )
        a, b = st.columns(2)
        with a:
            money_input(
                k + "study_funding",
                "Study funding (a year)",
                "Money for courses and qualifications.",
                step=100.0,
            )
        with b:
            number(k + "study_days", "Study days a year", "Paid days off to study.")
        a, b = st.columns(2)
        with a:
            text(k + "custom_name", "Other benefit", "Anything else, e.g. 'meal allowance'.")
        with b:
            money_input(k + "custom_value", "Its value (a year)", "Cash value per year.", step=50.0)


def _place_and_tax(k: str, tax_years: dict[str, list[int]], states: list[str]) -> None:
    with st.expander("Place and tax"):
        place = choice(
            k + "place_kind",
            "Cost of living",
            "Adjust for prices where the job is: a US state (BEA price levels) or your own "
            "index (100 = average).",
            {"none": "Don't adjust", "us_state": "US state", "custom": "My own index"},
            options=["none", "us_state", "custom"],
            horizontal=True,
        )
        if place == "us_state":
            choice(
                k + "place_state",
                "State",
                "Where the job is.",
                {"": "Choose a state"},
                options=["", *states],
            )
        elif place == "custom":
            text(k + "place_label", "Place", "Where the job is, e.g. 'London'.")
            number(
                k + "place_index",
                "Price index (100 = average)",
                "E.g. 112 if prices there are 12% above your reference.",
            )
        country = choice(
            k + "tax_country",
            "Tax",
            "Work out take-home pay for the UK or the US.",
            {"none": "Don't work out tax", "GB": "United Kingdom", "US": "United States"},
            options=["none", "GB", "US"],
            horizontal=True,
        )
        if country != "none":
            checkbox(
                k + "tax_benefits_taxable",
                "Benefits are taxed as income",
                "Tick if the benefits below count as taxable pay for you (in the UK, a company "
                "car or medical insurance is a benefit in kind). They are then taxed in the "
                "take-home view.",
            )
            years = tax_years.get(country, [])
            if years:
                choice(
                    k + "tax_year",
                    "Tax year",
                    "The tax year to use.",
                    {None: f"The latest ({years[-1]})"},
                    options=[None, *years],
                )
            if country == "GB":
                choice(
                    k + "tax_region",
                    "Region",
                    "Scotland has its own income tax bands.",
                    {"england": "England, Wales or N. Ireland", "scotland": "Scotland"},
                    options=["england", "scotland"],
                )
                several(
                    k + "tax_student_loans",
                    "Student loans",
                    "Every undergraduate plan you repay (several share one 9% repayment above "
                    "the lowest of their thresholds).",
                    {
                        "plan_1": "Plan 1",
                        "plan_2": "Plan 2",
                        "plan_4": "Plan 4",
                        "plan_5": "Plan 5",
                    },
                )
                checkbox(
                    k + "tax_postgraduate_loan",
                    "Postgraduate loan too",
                    "A postgraduate loan is repaid alongside any undergraduate plan (6% above "
                    "21,000).",
                )
            else:
                choice(
                    k + "tax_filing_status",
                    "Filing status",
                    "How you file your federal return.",
                    {"single": "Single", "married_joint": "Married filing jointly"},
                    options=["single", "married_joint"],
                )
                _us_state(k, states)
                number(
                    k + "tax_local_rate_pct",
                    "Flat state and local rate (%)",
                    "Optional: a flat rate instead of the state's own rules (for example to "
                    "add a city tax, or for a state not modelled yet).",
                    step=0.5,
                )


def _us_state(k: str, states: list[str]) -> None:
    """The state whose income tax applies: by default the offer's place."""
    place = value(k + "place_state") if value(k + "place_kind") == "us_state" else ""
    choice(
        k + "tax_state",
        "State income tax of",
        "The state where you would work and pay income tax. By default the offer's place.",
        {"": f"The offer's place ({place})" if place else "No state chosen"},
        options=["", *states],
    )
    used = value(k + "tax_state") or place
    localities = _localities(used)
    if localities:
        choice(
            k + "tax_locality",
            "Local income tax",
            "A city or county income tax that residents pay on top of the state's (New York "
            "City, Yonkers, Maryland's counties). Pick where you would live.",
            {"": "Not picked", **localities},
            options=["", *localities],
        )
    flat = value(k + "tax_local_rate_pct")
    if flat:
        text = f"State and local tax: the flat {flat:g}% you entered, instead of any state's rules."
    elif used:
        text = f"State income tax: {used}'s own rules."
    else:
        text = "No state income tax is counted until you pick the state (or type a flat rate)."
    st.caption(escape(text))


@st.cache_data(show_spinner=False)
def _localities(state: str) -> dict[str, str]:
    """The local income taxes of ``state`` (a name, or "" for none), code to name."""
    if not state:
        return {}
    from calculator.state_tax import state_localities

    return state_localities(state)


def weights_form() -> None:
    """0-5 importance sliders, three columns."""
    st.caption(
        "How much each part matters to you, from 0 (don't care) to 5 (very important). "
        "Weights shape the score only; they never change the money."
    )
    columns = st.columns(3)
    for index, (item, label) in enumerate(WEIGHT_LABELS.items()):
        with columns[index % 3]:
            slider(f"weights.{item}", label, f"How much {label.lower()} matters to you.")


def compare_inputs(
    columns: list[str], tax_years: dict[str, list[int]], states: list[str], currency: str
) -> None:
    """Every input of the Compare page: how many offers, the columns (offers and your current
    job), the weights and the view controls (the bare benchmark page draws exactly these)."""
    a, b = st.columns([1, 2])
    with a:
        choice(
            "compare.offer_count",
            "How many offers",
            "Compare two, three or four offers side by side.",
            {2: "Two offers", 3: "Three offers", 4: "Four offers"},
            options=[2, 3, 4],
        )
    with b:
        checkbox(
            "compare.include_current",
            "Compare with your current job",
            "Adds your current job as a column: the number every offer has to beat.",
            toggle=True,
        )
    weights = checkbox(
        "compare.show_weights",
        "Set what matters to you and how each job feels",
        "Weights (0-5) for each part of a package and your own 1-5 ratings of each job: "
        "they make the weighted score, never the money. Hidden, they keep their values.",
        toggle=True,
    )
    _columns(columns, tax_years, states, currency)
    if weights:
        with st.expander("What matters to you (weights)", expanded=True):
            weights_form()
    st.divider()
    st.header("Results")
    _view_controls()


def _columns(
    columns: list[str], tax_years: dict[str, list[int]], states: list[str], currency: str
) -> None:
    """Two columns side by side; more as tabs, so every form keeps a readable width."""
    places: Sequence[Any] = (
        st.columns(len(columns), gap="large")
        if len(columns) <= 2
        else st.tabs([column_label(prefix) for prefix in columns])
    )
    for prefix, place in zip(columns, places, strict=True):
        with place:
            offer_form(prefix, column_label(prefix), tax_years, states, currency)


def _view_controls() -> None:
    a, b, c = st.columns(3)
    with a:
        slider("compare.years", "Years to project", "Totals over this many years (default 4).")
        checkbox(
            "compare.count_refreshers",
            "Count refreshers in the totals",
            "Refresher grants are not guaranteed: off, they are shown apart; on, they join "
            "each offer's totals.",
            toggle=True,
        )
    with b:
        checkbox(
            "compare.view_net",
            "Show take-home (net) pay",
            "Off: figures before tax (gross). On: after income tax and other deductions, "
            "where a tax country is set for the offer.",
            toggle=True,
        )
        checkbox(
            "compare.show_odds",
            "Show the odds",
            "Simulate 100,000 futures (share prices, bonus payouts) and show how often each "
            "offer comes out ahead.",
            toggle=True,
        )
    with c:
        checkbox(
            "compare.same_money",
            "Adjust for cost of living",
            "Off: the money as paid (nominal). On: what it buys where each job is (same "
            "money), using each offer's place.",
            toggle=True,
        )
