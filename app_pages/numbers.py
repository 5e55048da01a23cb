"""Your numbers: the three levels, the target, the range to quote, verdicts and scripts."""

from __future__ import annotations

import streamlit as st

from app_pages import _glue as glue
from app_pages import state
from app_pages.models import NumbersInput
from app_pages.safe import escape
from app_pages.widgets import (
    choice,
    hours_warning,
    money_input,
    number,
    pay_warning,
    table,
    text,
)
from calculator.bands import SalaryBands
from calculator.counter import CounterRange
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
STARTING_POINTS = {
    "working": "Working now",
    "graduate": "New graduate",
    "returning": "Returning to work or changing career",
}
SOURCES = {
    "typed": "I know the going rate",
    "points": "Figures I collected",
    "market": "US market data (BLS)",
}
CURRENCIES = {"GBP": "£ pound (GBP)", "USD": "$ dollar (USD)", "EUR": "€ euro (EUR)"}


def where_you_are(numbers: NumbersInput) -> None:
    """Current pay, hours, travel and responsibility for someone working now; the personal
    minimum for everyone."""
    st.subheader("Where you are now")
    if numbers.starting_point == "working":
        current_pay(numbers.currency)
        minimum_help = (
            "The least you could live on or would ever accept, whatever the maths says. Optional."
        )
    else:
        st.caption(
            "With no current pay to start from, your bottom line is your own minimum. Leave it "
            "empty to start from a market default (the lower end of pay at your level), then "
            "replace it with your own."
        )
        minimum_help = (
            "The least you could live on or would ever accept: rent, bills, loan repayments. "
            "Optional; without it the bottom line is a market default."
        )
    money_input("numbers.personal_minimum", "Your personal minimum (a year)", minimum_help)


def current_pay(currency: str) -> None:
    """Current pay, hours, travel and responsibility (someone working now)."""
    a, b = st.columns([3, 2])
    with a:
        money_input(
            "numbers.current_salary",
            "Current pay",
            "What you are paid now, before tax, in the period chosen on the right.",
        )
    with b:
        choice(
            "numbers.current_per",
            "Paid per",
            "How often the figure on the left is paid.",
            PERIODS,
            options=list(PERIODS),
        )
    pay_warning("numbers.current_salary", "numbers.current_per", "numbers.current_hours", currency)
    a, b = st.columns(2)
    with a:
        number(
            "numbers.current_hours",
            "Hours a week now",
            "Your contracted weekly hours today. Used to scale your pay to the new hours.",
            step=0.5,
        )
        hours_warning("numbers.current_hours")
    with b:
        number(
            "numbers.new_hours",
            "Hours a week in the new job",
            "Weekly hours in the new role. Leave empty if the same as now.",
            step=0.5,
        )
        hours_warning("numbers.new_hours")
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


def the_market(numbers: NumbersInput) -> None:
    """Where the going rate comes from, expertise, target and the range settings."""
    st.subheader("The market")
    source = choice(
        "numbers.market_source",
        "Where the going rate comes from",
        "Type a going rate you trust, list figures you collected (job ads, salary guides, "
        "recruiters), or look the job up in the US Bureau of Labor Statistics data.",
        SOURCES,
        options=list(SOURCES),
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
                "amount": st.column_config.NumberColumn(
                    "Amount", min_value=0, max_value=1e9, format="%.0f"
                ),
                "per": st.column_config.SelectboxColumn("Per", options=list(PERIODS)),
                "label": st.column_config.TextColumn("Where from", max_chars=200),
            },
            label="Figures you collected",
            help="One row per figure: a job ad, a salary guide, a recruiter's quote. "
            "The going rate is their median.",
        )
    else:
        glue.market_inputs(numbers)
    your_level(numbers)
    money_input(
        "numbers.target",
        "Your target (optional)",
        "What you would like. Leave empty to use the midpoint of the going rate and top salary.",
    )
    range_settings()


def your_level(numbers: NumbersInput) -> None:
    """Expertise (a new graduate's is a beginner's, so not asked)."""
    if numbers.starting_point == "graduate":
        st.caption(
            "As a new graduate your levels are a beginner's: going rate at the market's 17th "
            "percentile (the US Department of Labor's entry wage level), top salary at the "
            "median."
        )
        return
    choice(
        "numbers.expertise",
        "Your expertise",
        "Sets where your going rate and top salary sit in the market, following the US "
        "Department of Labor's wage levels: beginner P17 and P50 (entry level), intermediate "
        "P50 and P75 (experienced), expert P67 and P90 (fully competent).",
        EXPERTISE,
        options=list(EXPERTISE),
    )


def range_settings() -> None:
    """Pitch, width, and the names used in the scripts."""
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


def levels(bands: SalaryBands, currency: str) -> None:
    """The three levels and the target, with where each came from."""
    st.subheader("Your three levels")
    cols = st.columns(4)
    for column, (label, amount, source) in zip(
        cols,
        (
            ("Bottom line", bands.bottom_line, bands.bottom_line_source),
            ("Going rate", bands.going_rate, bands.going_rate_source),
            ("Top salary", bands.top_salary, bands.top_salary_source),
            ("Your target", bands.target, bands.target_source),
        ),
        strict=True,
    ):
        column.metric(label, format_money(amount, currency))
        column.caption(escape(source))
    if bands.bottom_line_is_default:
        st.info(
            "Your bottom line is a market default, not yours: set your personal minimum (the "
            "least you would accept) on the left to replace it."
        )
    for warning in bands.warnings:
        st.warning(escape(warning))
    for note in bands.notes:
        st.caption(escape(note))


def quote(counter: CounterRange, currency: str) -> None:
    """The range to quote, with its spoken phrase."""
    st.subheader("The range to quote")
    c1, c2 = st.columns([2, 3])
    c1.metric("If pressed for a figure", counter.formatted(currency))
    c2.markdown(
        f"Say it as **{escape(counter.phrase)}**, and give the precise figures "
        f"({escape(counter.formatted(currency))}): precise numbers anchor more strongly than "
        "round ones. First answer in general terms and let them make the first offer."
    )
    for warning in counter.warnings:
        st.warning(escape(warning))


def verdicts(bands: SalaryBands, offers: list[tuple[str, float]], currency: str) -> None:
    """Each offer entered on Compare against the three levels."""
    st.subheader("Your offers against these levels")
    if not offers:
        st.caption("Enter offers on the **Compare offers** page to see a verdict for each.")
    for name, salary in offers:
        with glue.result_section():
            verdict = assess_offer(salary, bands, currency=currency)
            box = {"below_bottom_line": st.error, "between": st.warning}.get(
                verdict.position, st.success
            )
            box(
                f"**{escape(name)}: {escape(format_money(salary, currency))}.** "
                + escape(f"{verdict.label}. {verdict.reason} {verdict.response}")
            )


def scripts(
    numbers: NumbersInput,
    bands: SalaryBands,
    counter: CounterRange,
    offers: list[tuple[str, float]],
) -> None:
    """What to say at each stage, filled with one offer's salary or kept general."""
    st.subheader("What to say")
    names = {"": "before any offer", **{str(i): name for i, (name, _) in enumerate(offers)}}
    chosen = (
        st.selectbox(
            "Scripts for",
            list(names),
            format_func=lambda key: names.get(key, key),
            key="_oc_script_offer",
            help="Fill the scripts with one offer's salary, or keep them general.",
        )
        if offers
        else ""
    )
    offer_salary = offers[int(chosen)][1] if chosen and int(chosen) < len(offers) else None
    with glue.result_section():
        said = negotiation_scripts(
            bands,
            counter,
            currency=numbers.currency,
            name=numbers.contact_name.strip() or None,
            role=numbers.role.strip() or None,
            offer_salary=offer_salary,
        )
        for title, script in said.as_dict().items():
            with st.expander(escape(title)):
                st.code(script, language=None, wrap_lines=True)


def charts(
    numbers: NumbersInput,
    bands: SalaryBands,
    counter: CounterRange | None,
    offers: list[tuple[str, float]],
) -> None:
    """The levels chart and, with BLS data, where each figure sits among the percentiles."""
    from calculator import charts as core_charts

    st.subheader("Charts")
    currency = numbers.currency
    with glue.result_section():
        figure = core_charts.bands_chart(
            bands, counter=counter, offers=dict(offers), currency=currency
        )
        glue.plot(figure, key="chart_bands")
    with glue.result_section():
        percentiles = glue.market_percentiles(numbers)
        if not percentiles:
            st.caption(
                "The percentile chart appears when you use US market data (BLS) for the going rate."
            )
            return
        from calculator import market

        figure = core_charts.percentile_chart(
            percentiles,
            markers=glue.marks(numbers, bands, offers),
            currency=currency,
            bands=bands,  # the credit is the caption below: on the chart it ran off at 390 px
        )
        glue.plot(figure, key="chart_percentiles")
        if numbers.market_state:
            st.caption(
                f"These are BLS's own estimates for {escape(numbers.market_state)} (state "
                "figures, not national ones adjusted for prices)."
            )
        st.caption(escape(market.MARKET_CREDIT))


def sources(bands: SalaryBands) -> None:
    """Where every figure came from."""
    with st.expander("Where every figure came from", expanded=False):
        st.markdown(
            f"- **Bottom line**: {escape(bands.bottom_line_source)}.\n"
            f"- **Going rate**: {escape(bands.going_rate_source)}.\n"
            f"- **Top salary**: {escape(bands.top_salary_source)}.\n"
            f"- **Target**: {escape(bands.target_source)}.\n"
            "- **Range**: pitched 10% above the target by default (a 'bolstering' range: Ames "
            "and Mason 2015), capped at the top salary, in precise steps of 250 (Mason et al. "
            "2013)."
        )


def page() -> None:
    """The whole page: the core's figures are worked out first, so any message about a field
    appears right under it."""
    inputs = state.inputs()
    numbers = inputs.numbers
    bands, counter, missing = glue.bands_and_counter(numbers)
    st.title("Your numbers")
    st.caption(
        "Three figures to fix before any salary talk: your **bottom line**, the **going rate** "
        "and the **top salary** you could expect. From them come your target and the range "
        "to quote."
    )
    start, money = st.columns([3, 1])
    with start:
        choice(
            "numbers.starting_point",
            "Where are you starting from?",
            "Working now: your bottom line starts from your current pay. New graduate, or "
            "returning to work or changing career: there is no current pay to start from, so it "
            "is your own minimum (or a market default until you set one).",
            STARTING_POINTS,
            options=list(STARTING_POINTS),
            horizontal=True,
        )
    with money:
        choice(
            "numbers.currency",
            "Currency",
            "The currency of every amount in this scenario.",
            CURRENCIES,
            options=list(CURRENCIES),
        )
    left, right = st.columns(2, gap="large")
    with left:
        where_you_are(numbers)
    with right:
        the_market(numbers)
    st.divider()
    if bands is None:
        need = f" (still needed: {', '.join(missing)})" if missing else ""
        first = (
            "your current pay (or a personal minimum) and "
            if numbers.starting_point == "working"
            else ""
        )
        st.info(
            f"Enter {first}a going rate, figures you collected or a job title in the US market "
            f"data to see your three levels{need}, or load the example from the sidebar."
        )
        return
    offers = glue.offer_salaries(inputs)
    levels(bands, numbers.currency)
    if counter is not None:
        quote(counter, numbers.currency)
    verdicts(bands, offers, numbers.currency)
    if counter is not None:
        scripts(numbers, bands, counter, offers)
    charts(numbers, bands, counter, offers)
    sources(bands)


page()
