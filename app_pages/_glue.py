"""Small glue between widgets and the core: unit conversion at the boundary, cached loaders,
and drawing the core's figures. No domain rules live here."""

from __future__ import annotations

from typing import Any

import streamlit as st

from app_pages._state import choice, fraction, value
from calculator.bands import DataPoint, SalaryBands, salary_bands
from calculator.counter import CounterRange, counter_range
from calculator.errors import InputError
from calculator.periods import to_annual
from calculator.scenario import OFFER_SIDES

__all__ = [
    "annual",
    "bands_chart",
    "current_bands",
    "current_counter",
    "market_inputs",
    "market_percentiles",
    "marks",
    "offer_salaries",
    "percentile_chart",
    "plot",
]


def annual(key: str, amount: float | None, per: str, hours: float = 37.5) -> float | None:
    """``amount`` per ``per`` as an annual figure; errors name the widget ``key``."""
    if amount is None:
        return None
    try:
        return to_annual(amount, per, hours_per_week=hours)  # type: ignore[arg-type]
    except InputError as err:
        raise InputError(key, err.rule) from None


def offer_salaries() -> list[tuple[str, float]]:
    """(name, annual base) for each offer entered on the Compare page with a valid salary."""
    found: list[tuple[str, float]] = []
    for side, default in zip(OFFER_SIDES, ("Offer A", "Offer B"), strict=True):
        base = value(f"{side}.base_salary")
        try:
            hours = value(f"{side}.hours_per_week") or 37.5
            salary = annual(f"{side}.base_salary", base, value(f"{side}.base_per"), hours)
        except InputError:
            continue
        if salary is not None and salary > 0:
            found.append((value(f"{side}.name") or default, salary))
    return found


def marks(bands: SalaryBands, offers: list[tuple[str, float]]) -> dict[str, float]:
    """Figures to mark on the charts: current pay, target and each offer."""
    out: dict[str, float] = {}
    try:
        current = annual(
            "numbers.current_salary",
            value("numbers.current_salary"),
            value("numbers.current_per"),
            value("numbers.current_hours") or 37.5,
        )
    except InputError:
        current = None
    if current:
        out["Your current pay"] = current
    out["Your target"] = bands.target
    for name, salary in offers:
        out[name] = salary
    return out


def plot(figure: Any, key: str) -> None:
    """Draw a core figure with its alt text as a caption (screen readers and a quick read)."""
    st.plotly_chart(figure, key=key, config={"displaylogo": False})
    meta = figure.layout.meta
    alt = meta.get("alt") if isinstance(meta, dict) else None
    if isinstance(alt, str) and alt:
        st.caption(alt)


# --- market data (BLS OEWS) ---------------------------------------------------------------


@st.cache_data(show_spinner=False, max_entries=256)
def _search(query: str) -> list[tuple[str, str]]:
    from calculator import market

    return [(m.code, m.title) for m in market.search_occupations(query)]


@st.cache_data(show_spinner=False, max_entries=256)
def _percentiles(code: str, state: str | None) -> dict[int, float]:
    from calculator import market

    return dict(market.occupation_percentiles(code, state=state))


@st.cache_data(show_spinner=False)
def _states() -> list[str]:
    from calculator import market

    return list(market.states())


def market_inputs() -> None:
    """Search box -> occupation -> state, for the BLS market percentiles."""
    from app_pages._state import text

    query = text(
        "numbers.occupation_query",
        "Search job titles",
        "Type a job title, e.g. 'software developer' or 'nurse'. US data only.",
        placeholder="e.g. software developer",
    )
    if value("numbers.currency") != "USD":
        st.warning("BLS figures are US dollars: set the currency above to USD to use them.")
    if not query.strip():
        st.caption("Type a job title to find it in the BLS data.")
        return
    try:
        matches = _search(query)
    except InputError as err:
        st.warning(f"Search: {err.rule}")
        return
    if not matches:
        st.warning("No occupation matches that title. Try a broader word.")
        return
    titles = dict(matches)
    choice(
        "numbers.occupation_code",
        "Occupation",
        "The BLS occupation closest to your job.",
        {code: f"{title} ({code})" for code, title in matches},
        options=list(titles),
    )
    choice(
        "numbers.market_state",
        "Where",
        "The whole US, or one state (state pay differs a lot).",
        {"": "United States (national)"},
        options=["", *_states()],
    )


def market_percentiles() -> dict[int, float] | None:
    """Percentiles of the chosen occupation, or None when none is chosen."""
    code = value("numbers.occupation_code")
    if not code:
        return None
    try:
        return _percentiles(code, value("numbers.market_state") or None)
    except InputError as err:
        raise InputError("occupation", err.rule) from None


# --- charts ---------------------------------------------------------------------------------


def bands_chart(
    bands: SalaryBands, counter: Any, offers: list[tuple[str, float]], currency: str
) -> None:
    """The three levels, the counter-range band and each offer's salary (charts.bands_chart)."""
    from calculator import charts

    figure = charts.bands_chart(bands, counter=counter, offers=dict(offers), currency=currency)
    plot(figure, key="chart_bands")


def percentile_chart(marks: dict[str, float], currency: str) -> None:
    """Where current pay, target and offers sit among the market percentiles (BLS data only)."""
    percentiles = market_percentiles() if value("numbers.market_source") == "market" else None
    if not percentiles:
        st.caption(
            "The percentile chart appears when you use US market data (BLS) for the going rate."
        )
        return
    from calculator import charts, market

    figure = charts.percentile_chart(
        percentiles, markers=marks, currency=currency, credit=market.MARKET_CREDIT
    )
    plot(figure, key="chart_percentiles")
    state = value("numbers.market_state")
    if state:
        st.caption(
            f"These are BLS's own estimates for {state} (state figures, not national ones "
            "adjusted for prices)."
        )
    st.caption(market.MARKET_CREDIT)


def current_bands() -> SalaryBands | None:
    """The three levels from the Your numbers inputs; None until enough is entered."""
    per = value("numbers.current_per")
    hours = value("numbers.current_hours")
    current = annual("numbers.current_salary", value("numbers.current_salary"), per, hours or 37.5)
    kwargs: dict[str, Any] = {
        "current_salary": current,
        "current_hours": hours if hours is not None else 37.5,
        "new_hours": value("numbers.new_hours"),
        "extra_travel_cost": value("numbers.extra_travel_cost") or 0.0,
        "responsibility_uplift": fraction("numbers.uplift_pct") or 0.0,
        "personal_minimum": value("numbers.personal_minimum"),
        "expertise": value("numbers.expertise"),
        "target": value("numbers.target"),
    }
    source_now = value("numbers.market_source")
    if source_now == "typed":
        kwargs["going_rate"] = value("numbers.going_rate")
    elif source_now == "points":
        rows = st.session_state.get("_oc_tables", {}).get("numbers.points", [])
        points = [
            DataPoint(row["amount"], row.get("per") or "year", label=row.get("label") or None)
            for row in rows
            if row.get("amount") is not None
        ]
        kwargs["points"] = points or None
    else:
        kwargs["percentiles"] = market_percentiles()
    missing = []
    if kwargs["current_salary"] is None and kwargs["personal_minimum"] is None:
        missing.append("your current pay (or a personal minimum)")
    if (
        kwargs.get("going_rate") is None
        and not kwargs.get("points")
        and not kwargs.get("percentiles")
    ):
        missing.append(
            {
                "typed": "a going rate",
                "points": "at least one figure you collected",
                "market": "an occupation from the search",
            }[source_now]
        )
    if missing:
        return None
    return salary_bands(**kwargs)


def current_counter(bands: SalaryBands) -> CounterRange:
    """The range to quote for ``bands`` with the user's range settings (percent -> fraction)."""
    return counter_range(
        target=bands.target,
        bottom_line=bands.bottom_line,
        top_salary=bands.top_salary,
        anchor_margin=fraction("numbers.anchor_margin_pct") or 0.0,
        range_width=fraction("numbers.range_width_pct") or 0.0,
    )
