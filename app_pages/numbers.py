"""Your numbers: the three levels, the target, the range to quote, verdicts and scripts."""

from __future__ import annotations

import streamlit as st

from app_pages import _glue as glue
from app_pages._state import (
    choice,
    money_input,
    number,
    result_section,
    table,
    text,
    value,
)
from calculator.bands import SalaryBands
from calculator.money import format_money
from calculator.scripts import negotiation_scripts
from calculator.verdict import assess_offer

PERIODS = {
    "year": "a year",
    "month": "a month",
    "week": "a week",
    "day": "a day",
    "hour": "an hour",
}
EXPERTISE = {
    "beginner": "Beginner: new to this kind of role",
    "intermediate": "Intermediate: do it well without help",
    "expert": "Expert: others come to you",
}
SOURCES = {
    "typed": "I know the going rate",
    "points": "Figures I collected",
    "market": "US market data (BLS)",
}
#: Core field names -> widget keys, so each message appears under the field at fault.
FIELDS = {
    "current_salary": "numbers.current_salary",
    "amount": "numbers.current_salary",
    "current_hours": "numbers.current_hours",
    "hours_per_week": "numbers.current_hours",
    "new_hours": "numbers.new_hours",
    "extra_travel_cost": "numbers.extra_travel_cost",
    "responsibility_uplift": "numbers.uplift_pct",
    "personal_minimum": "numbers.personal_minimum",
    "going_rate": "numbers.going_rate",
    "target": "numbers.target",
    "points": "numbers.points",
    "anchor_margin": "numbers.anchor_margin_pct",
    "range_width": "numbers.range_width_pct",
}

st.title("Your numbers")
st.caption(
    "Three figures to fix before any salary talk: your **bottom line**, the **going rate** and "
    "the **top salary** you could expect. From them come your target and the range to quote."
)

with st.columns([1, 3])[0]:
    currency = choice(
        "numbers.currency",
        "Currency",
        "The currency of every amount in this scenario.",
        {"GBP": "£ pound (GBP)", "USD": "$ dollar (USD)", "EUR": "€ euro (EUR)"},
    )

left, right = st.columns(2, gap="large")
with left:
    st.subheader("Where you are now")
    a, b = st.columns([3, 2])
    with a:
        money_input(
            "numbers.current_salary",
            "Current pay",
            "What you are paid now, before tax, in the period chosen on the right.",
        )
    with b:
        choice(
            "numbers.current_per", "Paid per", "How often the figure on the left is paid.", PERIODS
        )
    a, b = st.columns(2)
    with a:
        number(
            "numbers.current_hours",
            "Hours a week now",
            "Your contracted weekly hours today. Used to scale your pay to the new hours.",
            step=0.5,
        )
    with b:
        number(
            "numbers.new_hours",
            "Hours a week in the new job",
            "Weekly hours in the new role. Leave empty if the same as now.",
            step=0.5,
        )
    a, b = st.columns(2)
    with a:
        money_input(
            "numbers.extra_travel_cost",
            "Extra travel cost a year",
            "Any extra commuting or travel the new job would cost you each year.",
            step=100.0,
        )
    with b:
        number(
            "numbers.uplift_pct",
            "Extra for more responsibility (%)",
            "If the new job asks more of you (managing people, on-call), how much more pay that "
            "is worth to you, as a percentage.",
            step=1.0,
        )
    money_input(
        "numbers.personal_minimum",
        "Your personal minimum (a year)",
        "The least you could live on or would ever accept, whatever the maths says. Optional.",
    )

with right:
    st.subheader("The market")
    source = choice(
        "numbers.market_source",
        "Where the going rate comes from",
        "Type a going rate you trust, list figures you collected (job ads, salary guides, "
        "recruiters), or look the job up in the US Bureau of Labor Statistics data.",
        SOURCES,
        horizontal=True,
    )
    if source == "typed":
        money_input(
            "numbers.going_rate",
            "Going rate (a year)",
            "The typical pay for this role: the middle of the market (the median).",
        )
    elif source == "points":
        table(
            "numbers.points",
            {
                "amount": st.column_config.NumberColumn("Amount", min_value=0, format="%.0f"),
                "per": st.column_config.SelectboxColumn("Per", options=list(PERIODS)),
                "label": st.column_config.TextColumn("Where from"),
            },
            help="One row per figure: a job ad, a salary guide, a recruiter's quote. "
            "The going rate is their median.",
        )
    else:
        glue.market_inputs()
    choice(
        "numbers.expertise",
        "Your expertise",
        "Sets the top salary: beginner = 60th percentile of the market, intermediate = 75th, "
        "expert = 90th.",
        EXPERTISE,
    )
    money_input(
        "numbers.target",
        "Your target (optional)",
        "What you would like. Leave empty to use the midpoint of the going rate and top salary.",
    )
    with st.expander("Range settings"):
        number(
            "numbers.anchor_margin_pct",
            "Pitch above target (%)",
            "How far above your target the range starts. Default 10%.",
        )
        number(
            "numbers.range_width_pct",
            "Range width (%)",
            "How much wider the top of the range is. Default 10%.",
        )
        text("numbers.role", "Role", "Used in the scripts, e.g. 'data analyst'. Optional.")
        text(
            "numbers.contact_name",
            "Who you will talk to",
            "First name of the recruiter or hiring manager, for the scripts. Optional.",
        )

st.divider()


bands: SalaryBands | None = None
with result_section(FIELDS):
    bands = glue.current_bands()

if bands is None:
    st.info(
        "Enter your current pay (or a personal minimum) and a going rate to see your three "
        "levels, or load the example from the sidebar."
    )
else:
    st.subheader("Your three levels")
    cols = st.columns(4)
    cols[0].metric(
        "Bottom line", format_money(bands.bottom_line, currency), help=bands.bottom_line_source
    )
    cols[1].metric(
        "Going rate", format_money(bands.going_rate, currency), help=bands.going_rate_source
    )
    cols[2].metric(
        "Top salary", format_money(bands.top_salary, currency), help=bands.top_salary_source
    )
    cols[3].metric("Your target", format_money(bands.target, currency), help=bands.target_source)
    for warning in bands.warnings:
        st.warning(warning)
    for note in bands.notes:
        st.caption(note)

    counter = None
    with result_section(FIELDS):
        counter = glue.current_counter(bands)
    if counter is not None:
        st.subheader("The range to quote")
        c1, c2 = st.columns([2, 3])
        c1.metric("If pressed for a figure", counter.formatted(currency))
        c2.markdown(
            f"Say it as **{counter.phrase}**, and give the precise figures "
            f"({counter.formatted(currency)}): precise numbers anchor more strongly than round "
            "ones. First answer in general terms and let them make the first offer."
        )
        for warning in counter.warnings:
            st.warning(warning)

    st.subheader("Your offers against these levels")
    offers = glue.offer_salaries()
    if not offers:
        st.caption("Enter offers on the **Compare offers** page to see a verdict for each.")
    for name, salary in offers:
        with result_section():
            verdict = assess_offer(salary, bands, currency=currency)
            box = {"below_bottom_line": st.error, "between": st.warning}.get(
                verdict.position, st.success
            )
            box(
                f"**{name}: {format_money(salary, currency)}.** {verdict.label}. "
                f"{verdict.reason} {verdict.response}"
            )

    if counter is not None:
        st.subheader("What to say")
        offer_names = [name for name, _ in offers]
        chosen = (
            st.selectbox(
                "Scripts for",
                ["before any offer", *offer_names],
                key="_oc_script_offer",
                help="Fill the scripts with one offer's salary, or keep them general.",
            )
            if offer_names
            else "before any offer"
        )
        offer_salary = dict(offers).get(chosen)
        with result_section():
            scripts = negotiation_scripts(
                bands,
                counter,
                currency=currency,
                name=value("numbers.contact_name") or None,
                role=value("numbers.role") or None,
                offer_salary=offer_salary,
            )
            for title, script in scripts.as_dict().items():
                with st.expander(title):
                    st.code(script, language=None, wrap_lines=True)

    st.subheader("Charts")
    marks = glue.marks(bands, offers)
    with result_section():
        glue.bands_chart(bands, counter, offers, currency)
    with result_section():
        glue.percentile_chart(marks, currency)

    with st.expander("Where every figure came from", expanded=False):
        st.markdown(
            f"- **Bottom line**: {bands.bottom_line_source}.\n"
            f"- **Going rate**: {bands.going_rate_source}.\n"
            f"- **Top salary**: {bands.top_salary_source}.\n"
            f"- **Target**: {bands.target_source}.\n"
            "- **Range**: pitched 10% above the target by default (a 'bolstering' range: Ames "
            "and Mason 2015), capped at the top salary, in precise steps of 250 (Mason et al. "
            "2013)."
        )
