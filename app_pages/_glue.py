"""Small glue between the typed inputs and the core: cached look-ups, the Your numbers
results in core values, and drawing the core's figures. No domain rules live here."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator, Mapping
from typing import Any

import streamlit as st

from app_pages import state
from app_pages._echarts import echarts_option
from app_pages.models import NumbersInput, ScenarioInput
from app_pages.safe import escape
from app_pages.widgets import choice, text
from calculator.bands import SalaryBands, salary_bands
from calculator.counter import CounterRange, counter_range
from calculator.errors import InputError

__all__ = [
    "NUMBERS_FIELDS",
    "bands_and_counter",
    "market_inputs",
    "market_percentiles",
    "marks",
    "offer_salaries",
    "plot",
    "result_section",
]

LOG = logging.getLogger("offer_compass.app")

#: Core field names (salary_bands, counter_range) -> Your numbers field paths.
NUMBERS_FIELDS: Mapping[str, str] = {
    "current_salary": "numbers.current_salary",
    "amount": "numbers.current_salary",
    "per": "numbers.current_per",
    "current_hours": "numbers.current_hours",
    "hours_per_week": "numbers.current_hours",
    "new_hours": "numbers.new_hours",
    "extra_travel_cost": "numbers.extra_travel_cost",
    "responsibility_uplift": "numbers.uplift_pct",
    "personal_minimum": "numbers.personal_minimum",
    "going_rate": "numbers.going_rate",
    "target": "numbers.target",
    "points": "numbers.points",
    "percentiles": "numbers.occupation_code",
    "occupation": "numbers.occupation_code",
    "anchor_margin": "numbers.anchor_margin_pct",
    "range_width": "numbers.range_width_pct",
}


@contextlib.contextmanager
def result_section() -> Iterator[None]:
    """Run a block of results: an InputError is shown as a calm warning, anything else as a
    calm message (the traceback goes to the console log, never to the page)."""
    try:
        yield
    except InputError as err:
        st.warning(escape(f"{state_label(err.field)} {err.rule}."))
    except Exception:
        LOG.exception("unexpected error while drawing a result section")
        st.info(
            "This part could not be worked out from the current inputs. "
            "Check the figures above; the rest of the page still works."
        )


def state_label(field: str) -> str:
    from app_pages.widgets import label_of

    return label_of(NUMBERS_FIELDS.get(field, field))


def plot(figure: Any, key: str, *, in_place: bool = False) -> None:
    """Draw a core figure with its alt text as a caption (screen readers and a quick read).

    ``in_place``: for charts that change with every edit (Compare). A bar or line figure then
    goes to Streamlit's ECharts element, which keeps its chart across reruns and only takes the
    new figures (app_pages/_echarts.py says why); anything else is drawn with Plotly.
    """
    meta = figure.layout.meta
    alt = meta.get("alt") if isinstance(meta, dict) else None
    option = echarts_option(figure.to_dict()) if in_place else None
    if option is None:
        st.plotly_chart(figure, key=key, config={"displaylogo": False})
    else:
        st.echarts_chart(option, key=key, height=450, alt=alt or None)
    if isinstance(alt, str) and alt:
        st.caption(escape(alt))


def offer_salaries(inputs: ScenarioInput) -> list[tuple[str, float]]:
    """(name, annual base) for each offer entered on the Compare page with a valid salary."""
    return [(offer.name, offer.base_salary) for _, offer, _ in _valid(inputs)]


def _valid(inputs: ScenarioInput) -> list[tuple[str, Any, None]]:
    return [(i, o, e) for i, o, e in inputs.core_offers() if o is not None and e is None]


def marks(
    numbers: NumbersInput, bands: SalaryBands, offers: list[tuple[str, float]]
) -> dict[str, float]:
    """Figures to mark on the charts: current pay, target and each offer."""
    out: dict[str, float] = {}
    with contextlib.suppress(InputError):
        current = numbers.current_annual()
        if current:
            out["Your current pay"] = current
    out["Your target"] = bands.target
    for name, salary in offers:
        out[name] = salary
    return out


# --- market data (BLS OEWS) ---------------------------------------------------------------


@st.cache_data(show_spinner=False, max_entries=256)
def _search(query: str) -> list[tuple[str, str]]:
    from calculator import market

    return [(m.code, m.title) for m in market.search_occupations(query)]


@st.cache_data(show_spinner=False, max_entries=256)
def _percentiles(code: str, region: str | None) -> dict[int, float]:
    from calculator import market

    return dict(market.occupation_percentiles(code, state=region))


@st.cache_data(show_spinner=False)
def _states() -> list[str]:
    from calculator import market

    return list(market.states())


def market_inputs(numbers: NumbersInput) -> None:
    """Search box -> occupation -> state, for the BLS market percentiles."""
    query = text(
        "numbers.occupation_query",
        "Search job titles",
        "Type a job title, e.g. 'software developer' or 'nurse'. US data only.",
        placeholder="e.g. software developer",
    )
    if numbers.currency != "USD":
        st.warning("BLS figures are US dollars: set the currency above to USD to use them.")
    if not query.strip():
        st.caption("Type a job title to find it in the BLS data.")
        return
    try:
        matches = _search(query)
    except InputError as err:
        st.warning(escape(f"Search: {err.rule}"))
        return
    if not matches:
        st.warning("No occupation matches that title. Try a broader word.")
        return
    choice(
        "numbers.occupation_code",
        "Occupation",
        "The BLS occupation closest to your job.",
        {code: f"{title} ({code})" for code, title in matches},
        options=[code for code, _ in matches],
    )
    choice(
        "numbers.market_state",
        "Where",
        "The whole US, or one state (state pay differs a lot).",
        {"": "United States (national)"},
        options=["", *_states()],
    )


def chosen_occupation(numbers: NumbersInput) -> str | None:
    """The occupation code in use: the one picked if it matches the search, else the best
    match (what the Occupation box shows first), else None."""
    query = numbers.occupation_query.strip()
    if not query:
        return None
    try:
        codes = [code for code, _ in _search(query)]
    except InputError:
        return None
    if numbers.occupation_code in codes:
        return numbers.occupation_code
    return codes[0] if codes else None


def market_percentiles(numbers: NumbersInput) -> dict[int, float] | None:
    """Percentiles of the chosen occupation, or None when none is chosen or the market is not
    the going rate's source."""
    code = chosen_occupation(numbers) if numbers.market_source == "market" else None
    if code is None:
        return None
    try:
        return _percentiles(code, numbers.market_state or None)
    except InputError as err:
        raise InputError("occupation", err.rule) from None


def bands_and_counter(
    numbers: NumbersInput, *, report: bool = True
) -> tuple[SalaryBands | None, CounterRange | None, tuple[str, ...]]:
    """The three levels and the range to quote, or what is missing; with ``report`` a core
    error is put under the field that caused it (call before drawing the form)."""
    try:
        query = numbers.to_core(market_percentiles(numbers))
        if query.missing:
            return None, None, query.missing
        bands = salary_bands(**query.bands_args)
        counter = counter_range(
            target=bands.target,
            bottom_line=bands.bottom_line,
            top_salary=bands.top_salary,
            anchor_margin=query.anchor_margin,
            range_width=query.range_width,
        )
    except InputError as err:
        if report:
            path = NUMBERS_FIELDS.get(err.field.split(".")[0], "numbers.current_salary")
            state.add_error(path, err.rule)
        return None, None, ()
    return bands, counter, ()
