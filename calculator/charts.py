"""Pure Plotly chart builders: each returns a ``plotly.graph_objects.Figure``, no Streamlit.

Every figure uses the Okabe-Ito palette (distinguishable with the common colour-vision
deficiencies), currency tick labels, and carries a plain-language description of what it shows
in ``fig.layout.meta["alt"]`` (read it with :func:`chart_alt_text`), which the app shows as a
caption and the HTML report as the figure's text alternative.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Final

import plotly.graph_objects as go

from .errors import InputError
from .money import currency_symbol, format_money

if TYPE_CHECKING:
    from .bands import SalaryBands
    from .compare import Comparison
    from .counter import CounterRange
    from .followup import FollowUpPlan
    from .offers import Offer
    from .scoring import PackageScores
    from .tax import TakeHome

__all__ = [
    "PALETTE",
    "bands_chart",
    "chart_alt_text",
    "cumulative_value_chart",
    "leaving_value_chart",
    "offer_components_chart",
    "percentile_chart",
    "place_adjustment_chart",
    "score_chart",
    "take_home_waterfall",
    "timeline_chart",
]

#: Okabe and Ito (2008), "Color Universal Design": safe for colour-blind readers.
PALETTE: Final = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#D55E00",  # vermillion
    "#F0E442",  # yellow
    "#000000",  # black
)
_LABELS: Final = {
    "base": "Base salary",
    "bonus": "Bonus",
    "sign_on": "Sign-on",
    "relocation": "Relocation",
    "equity": "Equity",
    "holiday": "Holiday",
    "pension": "Pension",
    "health_care": "Health care",
    "travel_allowance": "Travel allowance",
    "company_car": "Company car",
    "gym": "Gym",
    "home_working": "Home working",
    "study": "Study support",
    "custom": "Other benefits",
}


def _label(key: str) -> str:
    if key.startswith("custom: "):
        return key[len("custom: ") :].capitalize()
    if key.startswith("factor:"):
        return key[len("factor:") :].capitalize() + " (rating)"
    return _LABELS.get(key, key.replace("_", " ").capitalize())


def _layout(
    fig: go.Figure, title: str, alt: str, currency: str | None, *, axis: str = "y"
) -> go.Figure:
    fig.update_layout(
        title={"text": title},
        template="plotly_white",
        font={"size": 13},
        legend={"orientation": "h", "yanchor": "bottom", "y": -0.3},
        margin={"l": 60, "r": 20, "t": 60, "b": 60},
        meta={"alt": alt},
    )
    if currency is not None:
        money_axis = {"tickprefix": currency_symbol(currency), "tickformat": ",.0f"}
        if axis == "y":
            fig.update_yaxes(**money_axis)
        else:
            fig.update_xaxes(**money_axis)
    return fig


def _amounts(field: str, values: object) -> dict[str, float]:
    """A mapping of labels to finite, non-negative amounts, or InputError."""
    from ._validate import check_non_negative

    if values is None:
        return {}
    if not isinstance(values, Mapping):
        raise InputError(field, "must map labels to amounts")
    return {str(k): check_non_negative(f"{field}.{k}", v) for k, v in values.items()}


def chart_alt_text(fig: go.Figure) -> str:
    """The plain-language description stored on a figure by these builders.

    >>> chart_alt_text(take_home_waterfall_demo())[:30]
    'Take-home pay: from £50,000 gr'
    """
    if not isinstance(fig, go.Figure):
        raise InputError("fig", f"must be a Plotly figure, got {type(fig).__name__}")
    meta = fig.layout.meta
    if isinstance(meta, Mapping) and isinstance(meta.get("alt"), str):
        return str(meta["alt"])
    return ""


def _comparison(value: object) -> Comparison:
    from .compare import Comparison

    if not isinstance(value, Comparison):
        raise InputError("comparison", f"must be a Comparison, got {type(value).__name__}")
    return value


def offer_components_chart(comparison: Comparison) -> go.Figure:
    """Stacked bars: each offer's year-one value by component (base, bonus, equity, benefits).

    >>> from calculator import Offer, Bonus, compare_offers
    >>> fig = offer_components_chart(compare_offers(Offer("A", 50_000, bonus=Bonus(0.1)), Offer("B", 52_000), years=1))
    >>> [t.name for t in fig.data], list(fig.data[0].y)
    (['Base salary', 'Bonus'], [50000.0, 52000.0])
    """
    comparison = _comparison(comparison)
    names = [t.name for t in comparison.totals]
    keys: list[str] = []
    for t in comparison.totals:
        keys += [k for k, v in t.components.items() if v and k not in keys]
    fig = go.Figure()
    for index, key in enumerate(keys):
        fig.add_bar(
            name=_label(key),
            x=names,
            y=[float(t.components.get(key, 0.0)) for t in comparison.totals],
            marker_color=PALETTE[index % len(PALETTE)],
            hovertemplate="%{x}: %{y:,.0f}<extra>" + _label(key) + "</extra>",
        )
    fig.update_layout(barmode="stack")
    currency = comparison.totals[0].currency
    parts = "; ".join(f"{t.name} {format_money(t.year_one, currency)}" for t in comparison.totals)
    alt = f"Stacked bars of year-one value by component ({comparison.view_label}): {parts}."
    return _layout(fig, "Year one, by component", alt, currency)


def cumulative_value_chart(comparison: Comparison) -> go.Figure:
    """A line per offer: cumulative value at the end of each year.

    >>> from calculator import Offer, compare_offers
    >>> fig = cumulative_value_chart(compare_offers(Offer("A", 50_000), Offer("B", 40_000), years=2))
    >>> list(fig.data[0].y)
    [50000.0, 100000.0]
    """
    comparison = _comparison(comparison)
    fig = go.Figure()
    symbols = ("circle", "square", "diamond", "triangle-up")
    for index, t in enumerate(comparison.totals):
        running, ys = 0.0, []
        for value in t.by_year:
            running += value
            ys.append(running)
        fig.add_scatter(
            name=t.name,
            x=list(range(1, len(ys) + 1)),
            y=ys,
            mode="lines+markers",
            line={
                "color": PALETTE[index % len(PALETTE)],
                "dash": ("solid", "dash", "dot")[index % 3],
            },
            marker={"symbol": symbols[index % len(symbols)], "size": 9},
        )
    fig.update_xaxes(title="Year", dtick=1)
    currency = comparison.totals[0].currency
    parts = "; ".join(f"{t.name} {format_money(t.cumulative, currency)}" for t in comparison.totals)
    alt = f"Cumulative value over {comparison.years} years ({comparison.view_label}): {parts}."
    return _layout(fig, f"Cumulative value over {comparison.years} years", alt, currency)


def score_chart(scores: PackageScores) -> go.Figure:
    """Horizontal stacked bars: each offer's weighted score (0-100) by component contribution.

    >>> from calculator import Offer, score_packages
    >>> fig = score_chart(score_packages([Offer("A", 50_000), Offer("B", 40_000)], {"base": 1}))
    >>> list(fig.data[0].x)
    [100.0, 80.0]
    """
    from .scoring import PackageScores

    if not isinstance(scores, PackageScores):
        raise InputError("scores", f"must be PackageScores, got {type(scores).__name__}")
    names = [s.name for s in scores.offers]
    fig = go.Figure()
    for index, key in enumerate(k for k, w in scores.weights.items() if w > 0):
        fig.add_bar(
            name=_label(key),
            y=names,
            x=[s.contributions.get(key, 0.0) for s in scores.offers],
            orientation="h",
            marker_color=PALETTE[index % len(PALETTE)],
            hovertemplate="%{y}: %{x:.1f} points<extra>" + _label(key) + "</extra>",
        )
    fig.update_layout(barmode="stack")
    fig.update_xaxes(range=[0, 100], title="Score (0-100)")
    parts = "; ".join(f"{s.name} {s.score:.0f} of 100" for s in scores.offers)
    alt = f"Weighted package score from your priorities: {parts}."
    return _layout(fig, "How well each offer fits your priorities", alt, None)


def leaving_value_chart(
    offers: Sequence[Offer], months: Iterable[int] = range(0, 49), *, marker: int | None = None
) -> go.Figure:
    """A line per offer: what you would have received if you left after each month.

    >>> from calculator import Offer, SignOn
    >>> fig = leaving_value_chart([Offer("A", 48_000, sign_on=SignOn(5_000, 12))], months=[11, 12])
    >>> list(fig.data[0].y)
    [44000.0, 53000.0]
    """
    from .compare import value_if_leaving
    from .offers import Offer

    if isinstance(offers, Offer) or not isinstance(offers, Sequence) or not offers:
        raise InputError("offers", "must be a non-empty list of offers")
    if isinstance(months, (str, bytes)) or not isinstance(months, Iterable):
        raise InputError("months", "must be a sequence of month numbers")
    steps = list(months)
    if marker is not None and (isinstance(marker, bool) or not isinstance(marker, int)):
        raise InputError("marker", "must be a month number")
    fig = go.Figure()
    for index, offer in enumerate(offers):
        if not isinstance(offer, Offer):
            raise InputError("offers", f"must hold offers, got {type(offer).__name__}")
        fig.add_scatter(
            name=offer.name,
            x=steps,
            y=[value_if_leaving(offer, m) for m in steps],
            mode="lines",
            line={
                "color": PALETTE[index % len(PALETTE)],
                "dash": ("solid", "dash", "dot")[index % 3],
            },
        )
    if marker is not None:
        fig.add_vline(
            x=marker, line_dash="dot", line_color="#555", annotation_text=f"month {marker}"
        )
    fig.update_xaxes(title="Months in the job")
    currency = offers[0].currency
    at = marker if marker is not None else (steps[-1] if steps else 0)
    parts = "; ".join(f"{o.name} {format_money(value_if_leaving(o, at), currency)}" for o in offers)
    alt = f"Value received if you leave after each month (equity before the cliff and repayable sign-on lost); at month {at}: {parts}."
    return _layout(fig, "If you left early", alt, currency)


def bands_chart(
    bands: SalaryBands,
    counter: CounterRange | None = None,
    offers: Mapping[str, float] | None = None,
    *,
    currency: str = "GBP",
) -> go.Figure:
    """One salary axis: bottom line, going rate, top salary, target, the range to quote (shaded)
    and each offer's salary.

    >>> from calculator import salary_bands
    >>> fig = bands_chart(salary_bands(current_salary=28_000, going_rate=30_000), offers={"A": 31_000})
    >>> [t.name for t in fig.data]
    ['Your levels', 'A']
    """
    from .bands import SalaryBands
    from .counter import CounterRange

    if not isinstance(bands, SalaryBands):
        raise InputError("bands", f"must be SalaryBands, got {type(bands).__name__}")
    if counter is not None and not isinstance(counter, CounterRange):
        raise InputError("counter", f"must be a CounterRange, got {type(counter).__name__}")
    offers = _amounts("offers", offers)
    format_money(0, currency)  # validates the currency
    levels = [
        ("Bottom line", bands.bottom_line),
        ("Going rate", bands.going_rate),
        ("Target", bands.target),
        ("Top salary", bands.top_salary),
    ]
    fig = go.Figure()
    if counter is not None:
        fig.add_vrect(
            x0=counter.low,
            x1=max(counter.high, counter.low + 1),
            fillcolor=PALETTE[2],
            opacity=0.2,
            line_width=0,
            annotation_text="range to quote",
            annotation_position="top left",
        )
    fig.add_scatter(
        name="Your levels",
        x=[v for _, v in levels],
        y=[_ for _ in ("levels",) * len(levels)],
        mode="markers+text",
        text=[name for name, _ in levels],
        textposition=["bottom center", "top center", "bottom center", "top center"],
        marker={"color": PALETTE[0], "size": 14, "symbol": "diamond"},
    )
    for index, (name, salary) in enumerate((offers or {}).items()):
        fig.add_scatter(
            name=name,
            x=[salary],
            y=["offers"],
            mode="markers+text",
            text=[name],
            textposition="top center",
            marker={
                "color": PALETTE[(index + 1) % len(PALETTE)],
                "size": 14,
                "symbol": ("circle", "square")[index % 2],
            },
        )
    fig.update_yaxes(showticklabels=True, categoryorder="array", categoryarray=["offers", "levels"])
    parts = ", ".join(f"{name.lower()} {format_money(value, currency)}" for name, value in levels)
    alt = f"Your levels on one axis: {parts}"
    if counter is not None:
        alt += f"; range to quote {format_money(counter.low, currency)} to {format_money(counter.high, currency)}"
    if offers:
        alt += "; offers: " + ", ".join(
            f"{n} {format_money(v, currency)}" for n, v in offers.items()
        )
    fig = _layout(fig, "Your levels and the offers", alt + ".", currency, axis="x")
    fig.update_layout(height=320)
    return fig


def percentile_chart(
    percentiles: Mapping[int, float],
    markers: Mapping[str, float] | None = None,
    *,
    currency: str = "USD",
    credit: str | None = None,
) -> go.Figure:
    """Market wage percentiles (P10..P90) as bars, with your figures marked as lines.

    >>> fig = percentile_chart({10: 40_000, 50: 60_000, 90: 90_000}, {"You now": 55_000})
    >>> list(fig.data[0].x)
    ['P10', 'P50', 'P90']
    """
    if not isinstance(percentiles, Mapping) or not percentiles:
        raise InputError("percentiles", "must map percentiles to amounts")
    if not all(isinstance(k, int) and not isinstance(k, bool) and 0 < k < 100 for k in percentiles):
        raise InputError("percentiles", "keys must be percentiles 1-99")
    percentiles = {
        int(k): v
        for k, v in _amounts("percentiles", {str(k): v for k, v in percentiles.items()}).items()
    }
    markers = _amounts("markers", markers)
    if credit is not None and not isinstance(credit, str):
        raise InputError("credit", "must be text")
    format_money(0, currency)
    keys = sorted(percentiles)
    fig = go.Figure()
    fig.add_bar(
        x=[f"P{k}" for k in keys],
        y=[float(percentiles[k]) for k in keys],
        marker_color=PALETTE[4],
        name="Market",
        hovertemplate="%{x}: %{y:,.0f}<extra></extra>",
    )
    for index, (name, amount) in enumerate((markers or {}).items()):
        fig.add_hline(
            y=amount,
            line_color=PALETTE[(index + 1) % len(PALETTE)],
            line_dash=("dash", "dot", "dashdot", "longdash")[index % 4],
            annotation_text=f"{name}: {format_money(amount, currency)}",
            annotation_position="top left",
        )
    if credit:
        fig.add_annotation(
            text=credit,
            xref="paper",
            yref="paper",
            x=0,
            y=-0.28,
            showarrow=False,
            align="left",
            font={"size": 10},
        )
    parts = ", ".join(f"P{k} {format_money(percentiles[k], currency)}" for k in keys)
    alt = f"Market pay percentiles: {parts}"
    if markers:
        alt += "; marked: " + ", ".join(
            f"{n} {format_money(v, currency)}" for n, v in markers.items()
        )
    return _layout(fig, "Where the market pays", alt + ".", currency)


def timeline_chart(plan: FollowUpPlan) -> go.Figure:
    """The follow-up plan on a date axis: one row per kind of action, a marker per action."""
    actions = getattr(plan, "actions", None)
    if actions is None:
        raise InputError("plan", "must be a follow-up plan")
    fig = go.Figure()
    kinds: list[str] = []
    for action in actions:
        if action.kind not in kinds:
            kinds.append(action.kind)
    for index, kind in enumerate(kinds):
        chosen = [a for a in actions if a.kind == kind]
        fig.add_scatter(
            name=kind.replace("_", " ").capitalize(),
            x=[dt.datetime.combine(a.date, dt.time()) for a in chosen],
            y=[kind.replace("_", " ").capitalize()] * len(chosen),
            mode="markers",
            marker={
                "size": 14,
                "color": PALETTE[index % len(PALETTE)],
                "symbol": ("circle", "square", "diamond", "triangle-up", "star")[index % 5],
            },
            text=[a.title for a in chosen],
            hovertemplate="%{x|%a %d %b}: %{text}<extra></extra>",
        )
    fig.update_xaxes(tickformat="%a %d %b")
    alt = "Follow-up plan: " + "; ".join(f"{a.date:%a %d %b} {a.title}" for a in actions) + "."
    return _layout(fig, "Your follow-up plan", alt, None)


def take_home_waterfall(take_home: TakeHome, *, currency: str = "GBP") -> go.Figure:
    """Waterfall from gross pay through each deduction to net pay.

    >>> from calculator import take_home
    >>> fig = take_home_waterfall(take_home(50_000, "GB", 2025))
    >>> list(fig.data[0].y)[0], list(fig.data[0].measure)[-1]
    (50000.0, 'total')
    """
    from .tax import TakeHome

    if not isinstance(take_home, TakeHome):
        raise InputError("take_home", f"must be a TakeHome result, got {type(take_home).__name__}")
    steps = [
        (label, amount) for label, amount in take_home.breakdown if label != "Net pay" and amount
    ]
    fig = go.Figure(
        go.Waterfall(
            x=["Gross pay", *[label for label, _ in steps], "Net pay"],
            y=[take_home.gross, *[-amount for _, amount in steps], take_home.net],
            measure=["absolute", *["relative"] * len(steps), "total"],
            decreasing={"marker": {"color": PALETTE[5]}},
            increasing={"marker": {"color": PALETTE[2]}},
            totals={"marker": {"color": PALETTE[0]}},
            connector={"line": {"color": "#999"}},
        )
    )
    parts = ", ".join(
        f"{label.lower()} {format_money(amount, currency)}" for label, amount in steps
    )
    alt = (
        f"Take-home pay: from {format_money(take_home.gross, currency)} gross, less {parts or 'nothing'}, "
        f"leaves {format_money(take_home.net, currency)} net ({format_money(take_home.monthly_net, currency)} a month)."
    )
    return _layout(fig, "From gross to take-home pay", alt, currency)


def take_home_waterfall_demo() -> go.Figure:
    """A waterfall for 50,000 in England, 2025/26 (used in examples)."""
    from .tax import take_home

    return take_home_waterfall(take_home(50_000, "GB", 2025))


def place_adjustment_chart(comparison: Comparison) -> go.Figure:
    """Grouped bars: each offer's year-one value as paid and in the same money.

    >>> from calculator import Offer, Place, compare_offers
    >>> c = compare_offers(Offer("CA", 120_000, currency="USD", place=Place.state("CA")),
    ...                    Offer("TX", 100_000, currency="USD", place=Place.state("TX")),
    ...                    view="same_money", home_place=Place.state("TX"), years=1)
    >>> [round(v) for v in place_adjustment_chart(c).data[1].y]
    [105192, 100000]
    """
    comparison = _comparison(comparison)
    names = [t.name for t in comparison.totals]
    fig = go.Figure()
    fig.add_bar(
        name="As paid",
        x=names,
        y=[t.year_one / t.factor for t in comparison.totals],
        marker_color=PALETTE[4],
    )
    fig.add_bar(
        name="Same money" if comparison.home_place else "Same money (no place chosen)",
        x=names,
        y=[t.year_one for t in comparison.totals],
        marker_color=PALETTE[0],
        marker_pattern_shape="/",
    )
    fig.update_layout(barmode="group")
    currency = comparison.totals[0].currency
    parts = "; ".join(f"{t.name}: {t.place_note}" for t in comparison.totals)
    alt = f"Year-one value as paid and restated for prices ({comparison.view_label}). {parts}."
    return _layout(fig, "Cost of living adjustment", alt, currency)


def _figure_dict(fig: go.Figure) -> dict[str, Any]:
    out: dict[str, Any] = fig.to_plotly_json()
    return out
