"""Results of the Compare page: the typed inputs' core offers -> compare_offers -> charts.

The comparison and its figures are cached per set of inputs (their JSON), so a rerun that
changes nothing the results depend on (a click in the sidebar, a page switch, another tab's
edit elsewhere) redraws without recomputing.
"""

from __future__ import annotations

import json
import logging
from typing import Any

import streamlit as st

from app_pages import state
from app_pages._glue import plot, result_section
from app_pages.models import CURRENT_JOB, OFFER_COUNT, ScenarioInput, column_label
from app_pages.safe import escape
from app_pages.widgets import choice, number, slider
from calculator.errors import InputError
from calculator.money import format_money
from calculator.offers import Offer

__all__ = ["choices", "core_offers", "show"]

LOG = logging.getLogger("offer_compass.app")


@st.cache_data(show_spinner=False)
def choices() -> tuple[dict[str, list[int]], list[str]]:
    """Tax years per country and the US states with a price level, from the core."""
    from calculator import places, tax

    years = {country: list(tax.available_tax_years(country)) for country in ("GB", "US")}
    return years, list(places.STATES)


def core_offers(inputs: ScenarioInput) -> list[tuple[str, Offer]]:
    """(column prefix, Offer) for every column with a valid base salary; each core error is
    put under the widget that caused it, naming the offer (call before drawing the form)."""
    built: list[tuple[str, Offer]] = []
    for prefix, offer, error in inputs.core_offers():
        if error is not None:
            name = inputs.column(prefix).name.strip() or column_label(prefix)
            state.add_error(error.field, error.rule, name)
        elif offer is not None:
            built.append((prefix, offer))
    return _distinct(built)


def _distinct(built: list[tuple[str, Offer]]) -> list[tuple[str, Offer]]:
    """Each column needs its own name (the comparison tells them apart by name): a repeated
    name gets a message under its name box, and that column waits until it is renamed."""
    seen: set[str] = set()
    kept: list[tuple[str, Offer]] = []
    for prefix, offer in built:
        if offer.name in seen:
            state.add_error(
                f"{prefix}.name",
                "another column already has this name: give each column a different name",
                offer.name,
            )
            continue
        seen.add(offer.name)
        kept.append((prefix, offer))
    return kept


def show(inputs: ScenarioInput, built: list[tuple[str, Offer]]) -> None:
    """Draw the results: totals, gap, break-even, asks, questions, charts and the report."""
    if len(built) < 2:
        st.info("Enter a base salary for both offers (or load the example) to compare them.")
        return
    home = _home_index(inputs, built) if inputs.compare.same_money else None
    key = _key(inputs, built, home)
    offers = [offer for _, offer in built]
    try:
        comparison = _computed(key, offers)
    except InputError as err:  # the core refused the comparison itself (not one field)
        st.warning(escape(f"These offers cannot be compared yet: {err}."))
        return
    _totals(inputs, comparison)
    _charts(inputs, key, comparison, offers)
    if inputs.compare.show_odds:
        with result_section():
            _odds(inputs, key, offers)


def _home_number(prefix: str) -> int:
    """``compare.home``'s number for a column: its offer index, or OFFER_COUNT for your job."""
    return OFFER_COUNT if prefix == CURRENT_JOB else int(prefix.split(".")[1])


def _home_index(inputs: ScenarioInput, built: list[tuple[str, Offer]]) -> int | None:
    """The offer whose place's prices the same-money view uses (its position in ``built``)."""
    with_place = [(_home_number(p), offer) for p, offer in built if offer.place is not None]
    if not with_place:
        st.info(
            "To compare in the same money, give each offer a place (a US state or a price "
            "index) under 'Place and tax'. Figures below are as paid."
        )
        return None
    labels = {i: f"{o.place.label} ({o.name})" for i, o in with_place if o.place is not None}
    picked = choice(
        "compare.home",
        "Restate everything in the prices of",
        "Where you would live: each offer is restated in that place's price level.",
        labels,
        options=list(labels),
        horizontal=True,
    )
    return [_home_number(prefix) for prefix, _ in built].index(picked)


def _key(inputs: ScenarioInput, built: list[tuple[str, Offer]], home: int | None) -> str:
    """Everything the comparison and figures depend on, as JSON (the cache key)."""
    return json.dumps(
        {
            "offers": [inputs.column(p).model_dump(mode="json") for p, _ in built],
            "refreshers": inputs.compare.count_refreshers,
            "currency": inputs.numbers.currency,
            "weights": inputs.weights.to_core(),
            "years": inputs.compare.years,
            "home": home,
            "month": inputs.compare.leave_month,
        },
        sort_keys=True,
    )


#: The charts, one shown at a time (each is built only when it is shown).
CHARTS = {
    "components": "Year one, by part",
    "cumulative": "Over the years",
    "score": "Weighted score",
    "leaving": "If you leave early",
    "take_home": "Take-home pay",
    "place": "Cost of living",
    "vesting": "Vesting",
    "years": "Year by year (table)",
}


@st.cache_resource(max_entries=16, show_spinner=False)
def _computed(key: str, _offers: list[Offer]) -> Any:
    """The comparison for one set of inputs (``key`` is their JSON)."""
    from calculator.compare import compare_offers

    spec = json.loads(key)
    home = _offers[spec["home"]].place if spec["home"] is not None else None
    return compare_offers(
        *_offers,
        weights=spec["weights"],
        years=spec["years"],
        view="same_money" if home is not None else "nominal",
        home_place=home,
    )


@st.cache_resource(max_entries=32, show_spinner=False)
def _figures(key: str, chart: str, net: bool, _offers: list[Offer], _comparison: Any) -> list[Any]:
    """The figures of one chart for one set of inputs (built once, then reused)."""
    from calculator import charts

    spec = json.loads(key)
    if chart == "components":
        return [charts.offer_components_chart(_comparison, net=net)]
    if chart == "cumulative":
        return [charts.cumulative_value_chart(_comparison, net=net)]
    if chart == "score":
        return [] if _comparison.scores is None else [charts.score_chart(_comparison.scores)]
    if chart == "leaving":
        return [charts.leaving_value_chart(_offers, months=range(0, 49), marker=spec["month"])]
    if chart == "place":
        return (
            [] if _comparison.home_place is None else [charts.place_adjustment_chart(_comparison)]
        )
    if chart == "vesting":
        return [
            charts.vesting_chart(offer, spec["years"])
            for offer in _offers
            if offer.equity or offer.refreshers is not None
        ]
    figures = []
    for offer in _offers:
        if offer.tax is not None:
            figure = charts.take_home_waterfall(
                offer.tax.take_home(offer.base_salary),
                currency=offer.currency,
                title=f"{offer.name}: base salary after tax",
            )
            figures.append(figure)
    return figures


def _view(inputs: ScenarioInput, comparison: Any, *, quiet: bool = False) -> tuple[bool, str]:
    """Whether the figures are take-home, and the sentence that says which view is shown."""
    untaxed = [t.name for t in comparison.totals if t.cumulative_net is None]
    use_net = inputs.compare.view_net and not untaxed
    if inputs.compare.view_net and untaxed and not quiet:
        st.warning(
            f"Take-home needs a tax country for every offer ({escape(', '.join(untaxed))} has "
            "none, under 'Place and tax'). Showing figures before tax."
        )
    home = comparison.home_place
    text = ("take-home (net) pay after tax" if use_net else "gross pay before tax") + (
        f", in {home.label} prices (same money)" if home is not None else ", as paid"
    )
    return use_net, text


def _totals(inputs: ScenarioInput, comparison: Any) -> None:
    years = inputs.compare.years
    use_net, view_text = _view(inputs, comparison)
    currency = comparison.totals[0].currency

    def money(amount: float | None) -> str:
        return "not known" if amount is None else format_money(amount, currency)

    st.subheader("Totals")
    st.caption(f"Figures: **{escape(view_text)}**.")
    baseline = _baseline(inputs, comparison, use_net)
    columns = st.columns(len(comparison.totals))
    for column, total in zip(columns, comparison.totals, strict=True):
        year_one = total.year_one_net if use_net else total.year_one
        cumulative = total.cumulative_net if use_net else total.cumulative
        column.metric(f"{escape(total.name)}: year one", money(year_one))
        delta = None
        if baseline is not None and total.name != baseline[0] and cumulative is not None:
            delta = f"{money(cumulative - baseline[1])} vs your current job"
        column.metric(f"{escape(total.name)}: {years} years", money(cumulative), delta=delta)
        column.caption(escape(total.place_note))
        if total.equity_note:
            column.caption(escape(total.equity_note))
        if any(total.refreshers_by_year) and not inputs.compare.count_refreshers:
            column.caption(
                escape(
                    f"Refreshers, not guaranteed and not counted: "
                    f"{money(sum(total.refreshers_by_year))} over {years} years."
                )
            )
    if baseline is not None:
        st.info(
            escape(
                f"Your current job is worth {money(baseline[1])} over {years} years: the number "
                "each offer has to beat."
            )
        )
    with result_section():
        _verdict(comparison, use_net, view_text, years, money)


def _baseline(inputs: ScenarioInput, comparison: Any, use_net: bool) -> tuple[str, float] | None:
    """(name, N-year value) of your current job when it is a column of the comparison."""
    if not inputs.compare.include_current:
        return None
    name = inputs.current_job.name.strip() or column_label(CURRENT_JOB)
    for total in comparison.totals:
        if total.name == name:
            value = total.cumulative_net if use_net else total.cumulative
            return None if value is None else (name, value)
    return None


def _verdict(comparison: Any, use_net: bool, view_text: str, years: int, money: Any) -> None:
    """Who leads, by how much, the break-even and the equal-value asks: all in the view shown
    (after tax in the take-home view: docs/domain.md section 8)."""
    verdict = comparison.outcome(net=use_net)
    leader, runner, gap = verdict.leader, verdict.runner_up, verdict.gap
    be, asks = verdict.break_even_salary, verdict.asks
    if verdict.too_close_to_call:
        st.info(
            "Too close to call: the totals are within 2% of each other. Let your weighted "
            "score and how each job feels decide."
        )
    sentence = (
        f"**{escape(leader.name)}** is worth **{money(gap)}** more over {years} years "
        f"({escape(view_text)})."
    )
    if be is not None:
        after = " after tax" if use_net else ""
        sentence += (
            f" For **{escape(runner.name)}** to match it{after}, its base salary would need to "
            f"be **{money(be)}** (its break-even salary, in its own money)."
        )
    st.markdown(sentence)
    if asks:
        lines = "\n".join(f"- {escape(ask.text)}" for ask in asks)
        closing = "the after-tax gap" if use_net else "the gap"
        st.markdown(
            f"**The same value could come as any one of** (each closes {closing}):\n\n{lines}"
        )
    if comparison.questions:
        with st.expander(f"Questions to ask the employers ({len(comparison.questions)})"):
            st.markdown("\n".join(f"- {escape(question)}" for question in comparison.questions))


def _available(comparison: Any, offers: list[Offer]) -> list[str]:
    names = ["components", "cumulative"]
    if comparison.scores is not None:
        names.append("score")
    names.append("leaving")
    if any(offer.tax is not None for offer in offers):
        names.append("take_home")
    if comparison.home_place is not None:
        names.append("place")
    if any(offer.equity or offer.refreshers is not None for offer in offers):
        names.append("vesting")
    names.append("years")
    return names


def _charts(inputs: ScenarioInput, key: str, comparison: Any, offers: list[Offer]) -> None:
    """One chart at a time, picked by the user: only the chart shown is built."""
    st.subheader("Charts")
    names = _available(comparison, offers)
    chart = choice(
        "compare.chart",
        "Chart",
        "Pick a chart. Each is built only when you look at it, so the page stays quick.",
        CHARTS,
        options=names,
        horizontal=True,
    )
    if chart == "leaving":
        slider(
            "compare.leave_month",
            "If you left after this many months",
            "What each offer would have paid you by then: equity before the cliff is lost and "
            "a sign-on with a repayment clause is paid back.",
        )
    use_net, _ = _view(inputs, comparison, quiet=True)
    if chart == "years":
        with result_section():
            _year_tables(inputs, comparison)
        _report(key, comparison, offers, use_net)
        return
    with result_section():
        figures = _figures(key, chart, use_net, offers, comparison)
        if use_net and chart in ("leaving", "score", "vesting", "place"):
            st.caption(
                "This chart is before tax: take-home is shown in the totals, the year-one and "
                "cumulative charts, the waterfalls and the year-by-year table."
            )
        if chart == "take_home":
            _waterfalls(figures, offers)
        else:
            for number, figure in enumerate(figures):
                plot(figure, key=f"chart_{chart}_{number}", in_place=True)
        if chart == "score" and comparison.scores is not None:
            for note in comparison.scores.notes:
                st.caption(escape(note))
    _report(key, comparison, offers, use_net)


def _waterfalls(figures: list[Any], offers: list[Offer]) -> None:
    taxed = [offer for offer in offers if offer.tax is not None]
    st.markdown("**From gross to take-home, year one**")
    for column, figure, offer in zip(st.columns(len(figures)), figures, taxed, strict=True):
        with column:
            plot(figure, key=f"chart_waterfall_{offer.name}")
            if offer.tax is None:
                continue
            with st.expander("How this take-home pay was worked out"):
                for note in offer.tax.take_home(offer.base_salary).notes:
                    st.markdown(f"- {escape(note)}")


def _report(key: str, comparison: Any, offers: list[Offer], net: bool) -> None:
    """The HTML report, in the view shown (after tax in the take-home view)."""
    from calculator.report import comparison_report_html

    with result_section():
        scores = comparison.scores

        def report_html() -> str:
            # made only when the button is pressed: every chart, and plotly.js (about 4.8 MB)
            figures = [
                figure
                for chart in _available(comparison, offers)
                for figure in _figures(key, chart, net, offers, comparison)
            ]
            return comparison_report_html(comparison, scores=scores, figures=figures, net=net)

        st.download_button(
            "Download report (HTML)" + (" after tax" if net else ""),
            data=report_html,
            file_name="offer-comparison.html",
            mime="text/html",
            key="_oc_report",
            help="One file with the totals, charts and questions. Opens offline in any browser.",
        )


def _year_tables(inputs: ScenarioInput, comparison: Any) -> None:
    """Each offer's value by component and year (like Levels.fyi's), in the comparison's view
    before tax, with refreshers and take-home pay on their own rows where there are any."""
    import pandas as pd

    from calculator.charts import component_label

    currency = comparison.totals[0].currency
    tabs = st.tabs([escape(t.name) for t in comparison.totals])
    for total, tab in zip(comparison.totals, tabs, strict=True):
        with tab:
            years = [f"Year {n}" for n in range(1, len(total.rows) + 1)]
            keys = list(dict.fromkeys(k for row in total.rows for k, v in row.items() if v))
            table = {component_label(k): [row.get(k, 0.0) for row in total.rows] for k in keys}
            table["Total"] = list(total.by_year)
            if any(total.refreshers_by_year) and not inputs.compare.count_refreshers:
                table["Refreshers (not guaranteed, not in the total)"] = list(
                    total.refreshers_by_year
                )
            if total.net_by_year is not None:
                table["Take-home (after tax)"] = list(total.net_by_year)
            frame = pd.DataFrame(table, index=years).T
            frame[f"{len(years)} years"] = frame.sum(axis=1)
            shown = frame.map(lambda v: format_money(float(v), currency))
            st.table(shown)


#: Futures simulated for the odds (docs/domain.md section 5), with a fixed seed so a rerun shows the same.
PATHS = 100_000
SEED = 20_261_129


@st.cache_resource(max_entries=8, show_spinner="Simulating 100,000 futures...")
def _simulated(key: str, leave_chance: float, _offers: list[Offer]) -> Any:
    from calculator.simulate import simulate_offers

    years = json.loads(key)["years"]
    return simulate_offers(*_offers, years=years, paths=PATHS, seed=SEED, leave_chance=leave_chance)


def _odds(inputs: ScenarioInput, key: str, offers: list[Offer]) -> None:
    """How often each offer comes out ahead across simulated futures, and the fan chart."""
    from calculator import charts

    st.subheader("The odds")
    number(
        "compare.leave_chance_pct",
        "Chance you leave in any year (%)",
        "Optional: the odds then count each offer only up to a leaving month drawn at random.",
    )
    leave = (inputs.compare.leave_chance_pct or 0.0) / 100
    result = _simulated(key, leave, offers)
    lines = [
        f"- **{escape(name)}** comes out ahead in {share:.0%} of {result.paths:,} futures."
        for name, share in result.win_probability.items()
    ]
    st.markdown("\n".join(lines))
    for note in result.notes:
        st.caption(escape(note))
    plot(charts.odds_fan_chart(result), key="chart_odds")
