"""Pure Plotly chart builders: each returns a ``plotly.graph_objects.Figure``, no Streamlit.

Every figure uses the Okabe-Ito palette (:data:`PALETTE`, distinguishable with the common
colour-vision deficiencies) and never relies on colour alone: stacked parts also differ by fill
pattern (:data:`PATTERNS`), lines by dash and marker shape, and every series is named in the
legend or on the axis. Money axes carry the currency symbol from Babel with ``,.0f`` ticks and
hover labels are formatted by :func:`calculator.money.format_money`. Each figure carries a
plain-language description that states its key figures in ``fig.layout.meta["alt"]`` (read it
with :func:`chart_alt_text`): the app shows it as a caption and the HTML report as the figure's
text alternative.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Final

import plotly.graph_objects as go
import plotly.io as pio

from ._validate import check_int_range, check_non_negative
from .errors import InputError
from .money import currency_symbol, format_money

if TYPE_CHECKING:
    from .bands import SalaryBands
    from .compare import Comparison, OfferTotals
    from .counter import CounterRange
    from .followup import FollowUpPlan
    from .offers import Offer
    from .scoring import PackageScores
    from .simulate import SimulationResult
    from .tax import TakeHome

__all__ = [
    "PALETTE",
    "PATTERNS",
    "bands_chart",
    "chart_alt_text",
    "component_label",
    "cumulative_value_chart",
    "leaving_value_chart",
    "odds_fan_chart",
    "offer_components_chart",
    "percentile_chart",
    "place_adjustment_chart",
    "score_chart",
    "take_home_waterfall",
    "timeline_chart",
    "vesting_chart",
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
#: Fill patterns paired with the colours, so stacked parts differ without colour.
PATTERNS: Final = ("", "/", "\\", "x", ".", "-", "|", "+")
#: Line colours for marks over the sky-blue percentile bars (every colour but sky blue).
_MARK_COLOURS: Final = tuple(PALETTE[i] for i in (5, 7, 0, 3, 1, 2, 6))
_DASHES: Final = ("solid", "dash", "dot", "dashdot", "longdash")
_SYMBOLS: Final = ("circle", "square", "diamond", "triangle-up", "star", "cross")
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


def component_label(key: str) -> str:
    """Readable name of a component key used by compare and scoring.

    Rule: known keys have fixed names; ``custom: X`` shows as ``X``; ``factor:X`` as
    ``X (rating)``; anything else with underscores as spaces.

    >>> component_label("sign_on"), component_label("custom: bike scheme"), component_label("factor:culture")
    ('Sign-on', 'Bike scheme', 'Culture (rating)')
    """
    if not isinstance(key, str):
        raise InputError("component", f"must be a component name, got {type(key).__name__}")
    if key.startswith("custom: "):
        return key[len("custom: ") :].capitalize()
    if key.startswith("factor:"):
        return key[len("factor:") :].capitalize() + " (rating)"
    return _LABELS.get(key, key.replace("_", " ").capitalize())


def _colour(index: int) -> str:
    return str(PALETTE[index % len(PALETTE)])


#: The look of every chart: plotly_white's settings for two-dimensional charts (white
#: background, light grid, its colours and fonts), without its per-trace defaults and its 3D,
#: map and polar settings, which no chart here uses: validating the whole template was over half
#: the cost of building a chart.
TEMPLATE: Final = "offer_compass"
_TEMPLATE_KEYS: Final = (
    "annotationdefaults",
    "autotypenumbers",
    "colorway",
    "font",
    "hoverlabel",
    "hovermode",
    "paper_bgcolor",
    "plot_bgcolor",
    "shapedefaults",
    "title",
    "xaxis",
    "yaxis",
)


def _template() -> str:
    if TEMPLATE not in pio.templates:
        white = pio.templates["plotly_white"].layout.to_plotly_json()
        layout = {key: white[key] for key in _TEMPLATE_KEYS if key in white}
        pio.templates[TEMPLATE] = go.layout.Template(layout=layout)
    return TEMPLATE


_EXTRA = re.compile(r"<extra>(.*?)</extra>", re.DOTALL)


def _h(text: str) -> str:
    """Plotly reads ``<b>``, ``<a href>`` and entities in labels: names are text, so escape."""
    return html.escape(text, quote=False)


def _defuse(fig: go.Figure) -> None:
    """Every label that can hold a user's text (offer, grant and place names, plan titles)
    shown as text, never as Plotly's markup: trace names, category labels, hover extras,
    annotations."""
    for trace in fig.data:
        if isinstance(getattr(trace, "name", None), str):
            trace.name = _h(trace.name)
        for attr in ("x", "y", "text", "customdata"):
            values = getattr(trace, attr, None)
            if values is None or isinstance(values, str):
                continue
            if any(isinstance(v, str) for v in values):
                setattr(trace, attr, [_h(v) if isinstance(v, str) else v for v in values])
        template = getattr(trace, "hovertemplate", None)
        if isinstance(template, str):
            trace.hovertemplate = _EXTRA.sub(lambda m: f"<extra>{_h(m.group(1))}</extra>", template)
    for note in fig.layout.annotations:
        if isinstance(note.text, str):
            note.text = _h(note.text)


def _figure(currency: str | None, *, axis: str = "y", data: Any = None) -> go.Figure:
    """A new figure with the look every chart shares: template, font, legend, margins and, with
    ``currency``, the money axis (``axis``). Set before any trace: set on a figure that already
    holds its traces, Plotly restyles each of them, which took over half of a chart's build."""
    layout: dict[str, Any] = {
        "template": _template(),
        "font": {"size": 13},
        "legend": {"orientation": "h", "yanchor": "top", "y": -0.18},
        "margin": {"l": 70, "r": 20, "t": 60, "b": 70},
    }
    if currency is not None:
        layout[f"{axis}axis"] = {"tickprefix": currency_symbol(currency), "tickformat": ",.0f"}
    return go.Figure(data=data, layout=layout)


def _layout(fig: go.Figure, title: str, alt: str) -> go.Figure:
    """The title and alt text of a figure made by :func:`_figure`, once its traces are in;
    every label that can hold a user's text is escaped (:func:`_defuse`)."""
    _defuse(fig)
    fig.update_layout(title={"text": _h(title)}, meta={"alt": alt})
    return fig


def _money_list(values: Iterable[float], currency: str) -> list[str]:
    return [format_money(v, currency) for v in values]


def _amounts(field: str, values: object) -> dict[str, float]:
    """A mapping of labels to finite, non-negative amounts (``None`` is empty), or InputError."""
    if values is None:
        return {}
    if not isinstance(values, Mapping):
        raise InputError(field, "must map labels to amounts")
    return {str(k): check_non_negative(f"{field}.{k}", v) for k, v in values.items()}


def _currency(currency: object) -> str:
    if not isinstance(currency, str):
        raise InputError("currency", f"must be a 3-letter code such as 'GBP', got {currency!r}")
    currency_symbol(currency)  # raises InputError for codes Babel does not know
    return currency.upper()


def chart_alt_text(fig: go.Figure) -> str:
    """The plain-language description stored on a figure by these builders ("" if none).

    >>> chart_alt_text(_take_home_demo())[:30]
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
    if not value.totals:
        raise InputError("comparison", "has no offers to draw")
    return value


def offer_components_chart(comparison: Comparison, *, net: bool = False) -> go.Figure:
    """Stacked bars: each offer's year-one value by component (base, bonus, sign-on, equity,
    each benefit), in the comparison's view (docs/domain.md sections 4 and 6: year-one total per offer).

    Bar height is ``OfferTotals.year_one``; components that are zero for every offer are left
    out. Each component has its own colour and fill pattern. With ``net`` (take-home view,
    docs/domain.md section 8) a negative bar takes off tax and deductions, so each bar ends at the year-one
    take-home value.

    >>> from calculator import Offer, Bonus, compare_offers
    >>> fig = offer_components_chart(compare_offers(Offer("A", 50_000, bonus=Bonus(0.1)), Offer("B", 52_000), years=1))
    >>> [t.name for t in fig.data], list(fig.data[0].y)
    (['Base salary', 'Bonus'], [50000.0, 52000.0])
    """
    comparison = _comparison(comparison)
    totals = comparison.totals
    currency = totals[0].currency
    names = [t.name for t in totals]
    keys: list[str] = []
    for t in totals:
        keys += [k for k, v in t.components.items() if v and k not in keys]
    fig = _figure(currency)
    for index, key in enumerate(keys):
        values = [float(t.components.get(key, 0.0)) for t in totals]
        fig.add_bar(
            name=component_label(key),
            x=names,
            y=values,
            customdata=_money_list(values, currency),
            # nested dicts: Plotly resolves "marker_color"-style names slowly
            marker={"color": _colour(index), "pattern": {"shape": PATTERNS[index % len(PATTERNS)]}},
            hovertemplate="%{x}: %{customdata}<extra>" + component_label(key) + "</extra>",
        )
    if net:
        taxes = [-(t.year_one - _years_of(t, True)[0]) for t in totals]
        fig.add_bar(
            name="Tax and deductions",
            x=names,
            y=taxes,
            customdata=_money_list(taxes, currency),
            marker={"color": "#555555", "pattern": {"shape": "x"}},
            hovertemplate="%{x}: %{customdata}<extra>Tax and deductions</extra>",
        )
    fig.update_layout(barmode="relative" if net else "stack")
    described = []
    for t in totals:
        parts = ", ".join(
            f"{component_label(k).lower()} {format_money(v, currency)}"
            for k, v in t.components.items()
            if v
        )
        shown = _years_of(t, True)[0] if net else t.year_one
        described.append(
            f"{t.name} {format_money(shown, currency)}" + (f" ({parts})" if parts else "")
        )
    view = "after tax and deductions" if net else comparison.view_label
    alt = f"Stacked bars of year-one value by component ({view}): {'; '.join(described)}."
    title = "Year one after tax, by component" if net else "Year one, by component"
    return _layout(fig, title, alt)


def cumulative_value_chart(comparison: Comparison, *, net: bool = False) -> go.Figure:
    """A line per offer: cumulative value at the end of each year (docs/domain.md section 5, multi-year).

    Point ``y`` is the sum of ``OfferTotals.by_year`` up to year ``y`` (with ``net``, of
    ``net_by_year``: take-home pay, docs/domain.md section 8, for offers with a tax profile); the last point
    is the N-year total. Lines differ by dash and marker shape as well as colour.

    >>> from calculator import Offer, compare_offers
    >>> fig = cumulative_value_chart(compare_offers(Offer("A", 50_000), Offer("B", 40_000), years=2))
    >>> list(fig.data[0].y)
    [50000.0, 100000.0]
    """
    comparison = _comparison(comparison)
    currency = comparison.totals[0].currency
    rows = [(t, _years_of(t, net)) for t in comparison.totals]
    fig = _figure(currency)
    for index, (t, values) in enumerate(rows):
        running, ys = 0.0, []
        for value in values:
            running += value
            ys.append(running)
        fig.add_scatter(
            name=t.name,
            x=list(range(1, len(ys) + 1)),
            y=ys,
            customdata=_money_list(ys, currency),
            mode="lines+markers",
            line={"color": _colour(index), "dash": _DASHES[index % len(_DASHES)]},
            marker={"symbol": _SYMBOLS[index % len(_SYMBOLS)], "size": 9},
            hovertemplate="Year %{x}: %{customdata}<extra>" + t.name + "</extra>",
        )
    fig.update_xaxes(title="Year", dtick=1)
    view = "take-home pay after tax" if net else comparison.view_label
    totals = sorted(((sum(v), t.name) for t, v in rows), reverse=True)
    parts = "; ".join(f"{t.name} {format_money(sum(v), currency)}" for t, v in rows)
    alt = f"Cumulative value over {comparison.years} years ({view}): {parts}." + (
        f" {totals[0][1]} leads by {format_money(totals[0][0] - totals[1][0], currency)}."
        if len(rows) > 1
        else ""
    )
    title = f"Cumulative value over {comparison.years} years" + (" after tax" if net else "")
    return _layout(fig, title, alt)


def _years_of(totals: OfferTotals, net: bool) -> tuple[float, ...]:
    """An offer's value by year: take-home when ``net`` (InputError without a tax profile)."""
    if not net:
        return totals.by_year
    if totals.net_by_year is None:
        raise InputError("net", f"{totals.name} has no tax profile: no take-home figures")
    return totals.net_by_year


def score_chart(scores: PackageScores) -> go.Figure:
    """Horizontal stacked bars: each offer's weighted score (0-100) split by component.

    Rule (docs/domain.md section 4, weighted package score): a component's contribution is
    ``100 x weight x scaled / sum(weights)``; the contributions add up to the score. Only
    components with a weight above zero are drawn. The score is not money and is never shown
    as such.

    >>> from calculator import Offer, score_packages
    >>> fig = score_chart(score_packages([Offer("A", 50_000), Offer("B", 40_000)], {"base": 1}))
    >>> list(fig.data[0].x)
    [100.0, 80.0]
    """
    from .scoring import PackageScores

    if not isinstance(scores, PackageScores):
        raise InputError("scores", f"must be PackageScores, got {type(scores).__name__}")
    names = [s.name for s in scores.offers]
    fig = _figure(None)
    for index, key in enumerate(k for k, w in scores.weights.items() if w > 0):
        fig.add_bar(
            name=component_label(key),
            y=names,
            x=[float(s.contributions.get(key, 0.0)) for s in scores.offers],
            orientation="h",
            # nested dicts: Plotly resolves "marker_color"-style names slowly
            marker={"color": _colour(index), "pattern": {"shape": PATTERNS[index % len(PATTERNS)]}},
            hovertemplate="%{y}: %{x:.1f} points<extra>" + component_label(key) + "</extra>",
        )
    fig.update_layout(barmode="stack")
    fig.update_xaxes(range=[0, 100], title="Score (0-100)")
    fig.update_yaxes(autorange="reversed")
    parts = []
    for s in scores.offers:
        top = sorted(((v, k) for k, v in s.contributions.items() if v > 0), reverse=True)[:3]
        main = ", ".join(f"{component_label(k).lower()} {v:.0f}" for v, k in top)
        parts.append(f"{s.name} {s.score:.0f} of 100" + (f" (most from {main})" if main else ""))
    alt = f"Weighted package score from your priorities: {'; '.join(parts)}."
    if scores.notes:
        alt += " " + " ".join(scores.notes)
    return _layout(fig, "How well each offer fits your priorities", alt)


def leaving_value_chart(
    offers: Sequence[Offer], months: Iterable[int] = range(0, 49), *, marker: int | None = None
) -> go.Figure:
    """A line per offer: what you would have received if you left after each month.

    Each point is :func:`calculator.compare.value_if_leaving` (docs/domain.md section 5, leaving early:
    equity before the cliff is forfeited, a sign-on is repaid inside its repayment period).
    ``marker`` draws a dotted line at that month; the alt text gives the values there (or at
    the last month drawn).

    >>> from calculator import Offer, SignOn
    >>> fig = leaving_value_chart([Offer("A", 48_000, sign_on=SignOn(5_000, 12))], months=[11, 12])
    >>> list(fig.data[0].y)
    [44000.0, 53000.0]
    """
    from .compare import value_if_leaving
    from .offers import Offer

    if isinstance(offers, Offer) or not isinstance(offers, Sequence) or not offers:
        raise InputError("offers", "must be a non-empty list of offers")
    for offer in offers:
        if not isinstance(offer, Offer):
            raise InputError("offers", f"must hold offers, got {type(offer).__name__}")
    if len({o.currency for o in offers}) > 1:
        raise InputError("currency", "all offers must be in one currency")
    if isinstance(months, (str, bytes)) or not isinstance(months, Iterable):
        raise InputError("months", "must be a sequence of month numbers")
    steps = list(months)
    if marker is not None and (isinstance(marker, bool) or not isinstance(marker, int)):
        raise InputError("marker", f"must be a month number, got {marker!r}")
    currency = offers[0].currency
    fig = _figure(currency)
    for index, offer in enumerate(offers):
        values = [value_if_leaving(offer, m) for m in steps]
        fig.add_scatter(
            name=offer.name,
            x=steps,
            y=values,
            customdata=_money_list(values, currency),
            mode="lines",
            line={"color": _colour(index), "dash": _DASHES[index % len(_DASHES)]},
            hovertemplate="Month %{x}: %{customdata}<extra>" + offer.name + "</extra>",
        )
    if marker is not None:
        value_if_leaving(offers[0], marker)  # validates the month (InputError if out of range)
        fig.add_vline(
            x=marker, line_dash="dot", line_color="#555", annotation_text=f"month {marker}"
        )
    fig.update_xaxes(title="Months in the job")
    if marker is None and not steps:
        alt = "Value received if you leave early: no months chosen."
    else:
        at = marker if marker is not None else steps[-1]
        parts = "; ".join(
            f"{o.name} {format_money(value_if_leaving(o, at), currency)}" for o in offers
        )
        alt = (
            "Value received if you leave after each month (equity before the cliff is lost, a "
            f"sign-on inside its repayment period is repaid); leaving after month {at}: {parts}."
        )
    return _layout(fig, "If you left early", alt)


def bands_chart(
    bands: SalaryBands,
    counter: CounterRange | None = None,
    offers: Mapping[str, float] | None = None,
    *,
    currency: str = "GBP",
) -> go.Figure:
    """One salary axis: bottom line, going rate, target, top salary, the range to quote (its
    precise ends, the figures the page quotes) and each offer's salary (docs/domain.md sections 1 and 2).

    One row per figure, named with its amount on the axis, so no label can run off the figure
    at any width and colour is not needed to read it. Levels are drawn as they are, not forced
    into order (a bottom line above the top salary is a finding to show).

    >>> from calculator import salary_bands
    >>> fig = bands_chart(salary_bands(current_salary=28_000, going_rate=30_000), offers={"A": 31_000})
    >>> [t.name for t in fig.data], list(fig.data[1].x), fig.layout.yaxis.ticktext[-1]
    (['Your levels', 'A'], [31000.0], 'A<br>£31,000')
    """
    from .bands import SalaryBands
    from .counter import CounterRange

    if not isinstance(bands, SalaryBands):
        raise InputError("bands", f"must be SalaryBands, got {type(bands).__name__}")
    if counter is not None and not isinstance(counter, CounterRange):
        raise InputError("counter", f"must be a CounterRange, got {type(counter).__name__}")
    offers = _amounts("offers", offers)
    currency = _currency(currency)
    levels = [
        ("Bottom line", float(bands.bottom_line)),
        ("Going rate", float(bands.going_rate)),
        ("Target", float(bands.target)),
        ("Top salary", float(bands.top_salary)),
    ]
    rows = [
        (f"level {i}", f"{name}<br>{format_money(v, currency)}")
        for i, (name, v) in enumerate(levels)
    ]
    fig = _figure(currency, axis="x")
    fig.add_scatter(
        name="Your levels",
        x=[v for _, v in levels],
        y=[key for key, _ in rows],
        mode="markers",
        text=[name for name, _ in levels],
        customdata=_money_list((v for _, v in levels), currency),
        hovertemplate="%{text}: %{customdata}<extra></extra>",
        marker={"color": PALETTE[0], "size": 14, "symbol": "diamond"},
    )
    if counter is not None:
        rows.append(("range", f"Range to quote<br>{counter.formatted(currency)}"))
        _quote_range(fig, counter, currency)
    for index, (name, salary) in enumerate(offers.items()):
        rows.append((f"offer {index}", f"{_h(_short(name))}<br>{format_money(salary, currency)}"))
        fig.add_scatter(
            name=name,
            x=[salary],
            y=[f"offer {index}"],
            mode="markers",
            text=[name],
            customdata=[format_money(salary, currency)],
            hovertemplate="%{text}: %{customdata}<extra></extra>",
            marker={
                "color": _colour(index + 1),
                "size": 14,
                "symbol": _SYMBOLS[index % len(_SYMBOLS)],
            },
        )
    fig = _layout(fig, "Your levels and the offers", _bands_alt(levels, counter, offers, currency))
    keys = [key for key, _ in rows]
    fig.update_yaxes(
        categoryorder="array",
        categoryarray=keys[::-1],  # the first row at the top
        tickvals=keys,
        ticktext=[label for _, label in rows],
        automargin=True,
    )
    fig.update_xaxes(automargin=True)
    fig.update_layout(
        height=120 + 46 * len(rows), showlegend=False, margin={"l": 10, "r": 24, "b": 40}
    )
    return fig


def _short(name: str, limit: int = 24) -> str:
    """A name cut to ``limit`` characters (with an ellipsis) for an axis label."""
    return name if len(name) <= limit else name[: limit - 1].rstrip() + "\u2026"


def _quote_range(fig: go.Figure, counter: CounterRange, currency: str) -> None:
    """The range to quote from its precise low to its precise high: a bar on its own row and
    a light band across the whole chart."""
    low, high = counter.precise_low, counter.precise_high
    fig.add_vrect(x0=low, x1=max(high, low + 1), fillcolor=PALETTE[2], opacity=0.15, line_width=0)
    fig.add_scatter(
        name="Range to quote",
        x=[low, high],
        y=["range", "range"],
        mode="lines+markers",
        line={"color": PALETTE[2], "width": 8},
        marker={"color": PALETTE[2], "size": 10, "symbol": "line-ns-open"},
        customdata=_money_list((low, high), currency),
        hovertemplate="Range to quote: %{customdata}<extra></extra>",
    )


def _bands_alt(
    levels: Sequence[tuple[str, float]],
    counter: CounterRange | None,
    offers: Mapping[str, float],
    currency: str,
) -> str:
    parts = ", ".join(f"{name.lower()} {format_money(value, currency)}" for name, value in levels)
    alt = f"Your levels on one axis: {parts}"
    if counter is not None:
        alt += f"; range to quote {counter.formatted(currency)}"
    if offers:
        alt += "; offers: " + ", ".join(
            f"{n} {format_money(v, currency)}" for n, v in offers.items()
        )
    return alt + "."


def percentile_chart(
    percentiles: Mapping[int, float | None],
    markers: Mapping[str, float] | None = None,
    *,
    currency: str = "USD",
    credit: str | None = None,
    bands: SalaryBands | None = None,
) -> go.Figure:
    """Market wage percentiles (P10..P90) as bars, with your figures marked as labelled lines.

    The percentiles come from the market data (BLS OEWS, see ``calculator.market``); a
    percentile given as ``None`` (a value the source withholds or top-codes) is left out and
    said so. ``markers`` (e.g. current salary, target, offers) are horizontal lines labelled
    with their name and amount; ``credit`` is shown under the chart. With ``bands``, the
    percentiles your levels were read from (e.g. a beginner's going rate at P17, DOL Level I)
    are drawn as narrower bars of their own, named on the axis (docs/domain.md section 1).

    >>> fig = percentile_chart({10: 40_000, 50: 60_000, 90: 90_000}, {"You now": 55_000})
    >>> list(fig.data[0].x), fig.layout.shapes[0].y0
    (['P10', 'P50', 'P90'], 55000.0)
    """
    if not isinstance(percentiles, Mapping) or not percentiles:
        raise InputError("percentiles", "must map percentiles to amounts")
    for k in percentiles:
        if isinstance(k, bool) or not isinstance(k, int) or not 0 < k < 100:
            raise InputError("percentiles", f"keys must be whole percentiles 1-99, got {k!r}")
    known = {
        k: check_non_negative(f"percentiles.P{k}", v)
        for k, v in percentiles.items()
        if v is not None
    }
    missing = sorted(k for k, v in percentiles.items() if v is None)
    marks = _amounts("markers", markers)
    if credit is not None and not isinstance(credit, str):
        raise InputError("credit", "must be text")
    currency = _currency(currency)
    keys = sorted(known)
    values = [known[k] for k in keys]
    fig = _figure(currency)
    fig.add_bar(
        x=[f"P{k}" for k in keys],
        y=values,
        customdata=_money_list(values, currency),
        marker={"color": PALETTE[4], "line": {"color": PALETTE[0], "width": 1}},
        name="Market",
        hovertemplate="%{x}: %{customdata}<extra></extra>",
    )
    used = _levels_used(fig, bands, currency)
    for index, (name, amount) in enumerate(marks.items()):
        fig.add_hline(
            y=amount,
            line_color=_MARK_COLOURS[index % len(_MARK_COLOURS)],
            line_dash=_DASHES[(index + 1) % len(_DASHES)],
            annotation_text=f"{name}: {format_money(amount, currency)}",
            annotation_position="top left",
        )
    fig.update_xaxes(title="Percentile of pay for this occupation")
    alt = _percentile_alt(known, missing, marks, used, currency)
    fig = _layout(fig, "Where the market pays", alt)
    _percentile_axis(fig, keys, used)
    if credit:
        fig.add_annotation(
            text=credit,
            xref="paper",
            yref="paper",
            x=0,
            y=-0.32,
            showarrow=False,
            align="left",
            font={"size": 10},
        )
        fig.update_layout(margin={"b": 110})
    return fig


def _levels_used(
    fig: go.Figure, bands: SalaryBands | None, currency: str
) -> tuple[tuple[str, int, str, float], ...]:
    """Bars for the percentiles the levels were read from; returns them (level, percentile,
    meaning, amount)."""
    if bands is None:
        return ()
    from .bands import SalaryBands

    if not isinstance(bands, SalaryBands):
        raise InputError("bands", f"must be SalaryBands, got {type(bands).__name__}")
    used = bands.percentile_marks()
    if used:
        fig.add_bar(
            x=[f"P{p}" for _, p, _, _ in used],
            y=[amount for *_, amount in used],
            width=0.45,
            text=[f"{name}, {meaning}" for name, _, meaning, _ in used],
            # each bar named above it on two short lines (fixed words, not user text)
            texttemplate=[name.lower().replace(" ", "<br>", 1) for name, *_ in used],
            textposition="outside",
            textangle=0,
            constraintext="none",
            cliponaxis=False,
            textfont={"size": 11},
            customdata=_money_list((amount for *_, amount in used), currency),
            marker={
                "color": PALETTE[1],
                "pattern": {"shape": "/"},
                "line": {"color": PALETTE[7], "width": 1},
            },
            name=f"Used for your levels ({bands.expertise})",
            hovertemplate="%{text}: %{customdata}<extra></extra>",
        )
        fig.update_layout(barmode="overlay", showlegend=False)
    return used


def _percentile_axis(
    fig: go.Figure, keys: Sequence[int], used: Sequence[tuple[str, int, str, float]]
) -> None:
    """Percentiles in order on the axis (one the levels use, such as P17, slotted in), level;
    a percentile a level was read from is in bold."""
    marked = {p for _, p, _, _ in used}
    order = sorted(set(keys) | marked)
    fig.update_xaxes(
        categoryorder="array",
        categoryarray=[f"P{p}" for p in order],
        tickvals=[f"P{p}" for p in order],
        ticktext=[f"<b>P{p}</b>" if p in marked else f"P{p}" for p in order],
        tickangle=0,
        automargin=True,
    )


def _percentile_alt(
    known: Mapping[int, float],
    missing: Sequence[int],
    marks: Mapping[str, float],
    used: Sequence[tuple[str, int, str, float]],
    currency: str,
) -> str:
    if known:
        alt = "Market pay percentiles: " + ", ".join(
            f"P{k} {format_money(v, currency)}" for k, v in sorted(known.items())
        )
    else:
        alt = "Market pay percentiles: none published"
    if missing:
        alt += " (not published: " + ", ".join(f"P{k}" for k in missing) + ")"
    if used:
        alt += "; your levels use " + ", ".join(
            f"{name.lower()} {format_money(amount, currency)} ({meaning})"
            for name, _, meaning, amount in used
        )
    if marks:
        alt += "; marked: " + ", ".join(
            f"{n} {format_money(v, currency)}" for n, v in marks.items()
        )
    return alt + "."


def timeline_chart(
    plans: FollowUpPlan | Sequence[FollowUpPlan], *, today: dt.date | None = None
) -> go.Figure:
    """Every application's plan on one date axis: one row per application, a marker per action.

    Rows are named after the application (``FollowUpPlan.label``: the employer), top to bottom
    in the order given; each kind of action has its own colour and marker shape (named in the
    legend), done steps are faded and marked "(done)" on hover and in the alt text. The date
    each employer promised a decision is a black vertical tick on its row, and ``today`` a
    dashed vertical line (docs/domain.md section 7 for the plans).

    >>> import datetime as dt
    >>> from calculator import follow_up_plan
    >>> a = follow_up_plan(dt.date(2025, 6, 12), dt.date(2025, 6, 16), company="Acme")
    >>> b = follow_up_plan(dt.date(2025, 6, 13), company="Globex")
    >>> fig = timeline_chart([a, b], today=dt.date(2025, 6, 17))
    >>> sorted(set(fig.data[0].y)), fig.data[-1].name, fig.layout.shapes[0].line.dash
    (['Acme', 'Globex'], 'Decision promised', 'dash')
    """
    from .followup import FollowUpPlan

    chosen = [plans] if isinstance(plans, FollowUpPlan) else plans
    if not isinstance(chosen, Sequence) or not all(isinstance(p, FollowUpPlan) for p in chosen):
        raise InputError("plan", "must be a FollowUpPlan or a list of them")
    if today is not None and not isinstance(today, dt.date):
        raise InputError("today", f"must be a date, got {type(today).__name__}")
    rows = _timeline_rows(chosen)
    fig = _figure(None)
    _timeline_steps(fig, chosen, rows)
    _timeline_marks(fig, chosen, rows, today)
    fig.update_xaxes(tickformat="%a %d %b")
    fig.update_yaxes(
        autorange="reversed", type="category", categoryorder="array", categoryarray=rows
    )
    fig = _layout(fig, "Your job search", _timeline_alt(chosen, rows, today))
    fig.update_layout(height=max(260, 150 + 60 * len(rows)))
    return fig


def _timeline_steps(fig: go.Figure, plans: Sequence[FollowUpPlan], rows: Sequence[str]) -> None:
    """One trace per kind of action: its colour and shape, a marker on each plan's row."""
    kinds = list(dict.fromkeys(a.kind for plan in plans for a in plan.actions))
    for index, kind in enumerate(kinds):
        steps = [
            (row, a)
            for row, plan in zip(rows, plans, strict=True)
            for a in plan.actions
            if a.kind == kind
        ]
        fig.add_scatter(
            name=kind.replace("_", " ").capitalize(),
            x=[dt.datetime.combine(a.date, dt.time()) for _, a in steps],
            y=[row for row, _ in steps],
            mode="markers",
            marker={
                "size": 14,
                "color": _colour(index),
                "symbol": _SYMBOLS[index % len(_SYMBOLS)],
                "line": {"width": 1, "color": "#333"},
                "opacity": [0.35 if a.done else 1.0 for _, a in steps],
            },
            text=[a.title + (" (done)" if a.done else "") for _, a in steps],
            hovertemplate="%{y}, %{x|%a %d %b %Y}: %{text}<extra></extra>",
        )


def _timeline_marks(
    fig: go.Figure, plans: Sequence[FollowUpPlan], rows: Sequence[str], today: dt.date | None
) -> None:
    """The promised decision dates (a black tick on each row) and today (a dashed line)."""
    decided = [
        (row, p.decision_date) for row, p in zip(rows, plans, strict=True) if p.decision_date
    ]
    if decided:
        fig.add_scatter(
            name="Decision promised",
            x=[dt.datetime.combine(day, dt.time()) for _, day in decided],
            y=[row for row, _ in decided],
            mode="markers",
            marker={"size": 22, "color": "#000000", "symbol": "line-ns-open", "line": {"width": 3}},
            hovertemplate="%{y}: decision promised by %{x|%a %d %b %Y}<extra></extra>",
        )
    if today is not None:
        moment = dt.datetime.combine(today, dt.time())
        fig.add_shape(
            type="line",
            x0=moment,
            x1=moment,
            y0=0,
            y1=1,
            yref="paper",
            line={"color": "#D55E00", "width": 2, "dash": "dash"},
        )
        fig.add_annotation(
            x=moment,
            y=1,
            yref="paper",
            text=f"Today, {today:%a %d %b}",
            showarrow=False,
            yanchor="bottom",
            font={"color": "#D55E00"},
        )


def _timeline_rows(plans: Sequence[FollowUpPlan]) -> list[str]:
    """One row name per plan: its label, numbered when two applications share one."""
    rows: list[str] = []
    for plan in plans:
        name, number = plan.label, 2
        while name in rows:
            name, number = f"{plan.label} ({number})", number + 1
        rows.append(name)
    return rows


def _timeline_alt(plans: Sequence[FollowUpPlan], rows: Sequence[str], today: dt.date | None) -> str:
    """The timeline in words: each application's steps, its decision date, and today."""
    parts = []
    for row, plan in zip(rows, plans, strict=True):
        steps = "; ".join(
            f"{a.date:%a %d %b %Y} {a.title}" + (" (done)" if a.done else "") for a in plan.actions
        )
        decision = (
            f" Decision promised by {plan.decision_date:%a %d %b %Y}." if plan.decision_date else ""
        )
        parts.append(
            f"{row}, {len(plan.actions)} steps: {steps or 'nothing left to do'}.{decision}"
        )
    if not parts:
        parts.append("No applications with an interview date yet.")
    when = f" Today is {today:%a %d %b %Y}." if today else ""
    return f"Job search timeline, {len(plans)} applications. " + " ".join(parts) + when


def take_home_waterfall(
    take_home: TakeHome, *, currency: str = "GBP", title: str = "From gross to take-home pay"
) -> go.Figure:
    """Waterfall from gross pay through each deduction to net pay.

    Steps are ``TakeHome.breakdown``: income tax (and state/local tax where there is one),
    social contributions, student loan and pension, each taken off gross; deductions of zero
    are left out. The last bar is net pay (gross minus the deductions). Tax rules:
    ``calculator.tax`` and its sources.

    >>> from calculator import take_home
    >>> fig = take_home_waterfall(take_home(50_000, "GB", 2025))
    >>> list(fig.data[0].y)[0], list(fig.data[0].measure)[-1]
    (50000.0, 'total')
    """
    from .tax import TakeHome

    if not isinstance(take_home, TakeHome):
        raise InputError("take_home", f"must be a TakeHome result, got {type(take_home).__name__}")
    currency = _currency(currency)
    steps = [
        (label, float(amount))
        for label, amount in take_home.breakdown
        if label != "Net pay" and amount
    ]
    amounts = [take_home.gross, *[-amount for _, amount in steps], take_home.net]
    fig = _figure(
        currency,
        data=go.Waterfall(
            name="Take-home pay",
            x=["Gross pay", *[label for label, _ in steps], "Net pay"],
            y=amounts,
            measure=["absolute", *["relative"] * len(steps), "total"],
            customdata=_money_list(amounts, currency),
            text=_money_list(amounts, currency),
            textposition="outside",
            hovertemplate="%{x}: %{customdata}<extra></extra>",
            decreasing={"marker": {"color": PALETTE[5]}},
            increasing={"marker": {"color": PALETTE[2]}},
            totals={"marker": {"color": PALETTE[0]}},
            connector={"line": {"color": "#999"}},
        ),
    )
    parts = ", ".join(
        f"{label.lower()} {format_money(amount, currency)}" for label, amount in steps
    )
    alt = (
        f"Take-home pay: from {format_money(take_home.gross, currency)} gross, less "
        f"{parts or 'nothing'}, leaves {format_money(take_home.net, currency)} net "
        f"({format_money(take_home.monthly_net, currency)} a month)."
    )
    if not isinstance(title, str):
        raise InputError("title", f"must be text, got {type(title).__name__}")
    return _layout(fig, title, alt)


def _take_home_demo() -> go.Figure:
    """A waterfall for 50,000 in England, 2025/26 (used in examples)."""
    from .tax import take_home

    return take_home_waterfall(take_home(50_000, "GB", 2025))


def place_adjustment_chart(comparison: Comparison) -> go.Figure:
    """Grouped bars: each offer's year-one value as paid and in the same money.

    Rule (issue 8, ``calculator.places``): same money = as paid x ``level(home) /
    level(offer's place)``, i.e. ``OfferTotals.year_one``; as paid = ``year_one / factor``.
    Offers without a place, or a comparison in the nominal view, have both bars equal.

    >>> from calculator import Offer, Place, compare_offers
    >>> c = compare_offers(Offer("CA", 120_000, currency="USD", place=Place.state("CA")),
    ...                    Offer("TX", 100_000, currency="USD", place=Place.state("TX")),
    ...                    view="same_money", home_place=Place.state("TX"), years=1)
    >>> [round(v) for v in place_adjustment_chart(c).data[1].y]
    [105192, 100000]
    """
    comparison = _comparison(comparison)
    totals = comparison.totals
    currency = totals[0].currency
    names = [t.name for t in totals]
    paid = [t.year_one / t.factor for t in totals]
    same = [t.year_one for t in totals]
    fig = _figure(currency)
    fig.add_bar(
        name="As paid",
        x=names,
        y=paid,
        customdata=_money_list(paid, currency),
        hovertemplate="%{x} as paid: %{customdata}<extra></extra>",
        marker={"color": PALETTE[4]},
    )
    fig.add_bar(
        name="Same money" if comparison.home_place else "Same money (no home place chosen)",
        x=names,
        y=same,
        customdata=_money_list(same, currency),
        hovertemplate="%{x} in the same money: %{customdata}<extra></extra>",
        marker={"color": PALETTE[0], "pattern": {"shape": "/"}},
    )
    fig.update_layout(barmode="group")
    parts = "; ".join(
        f"{t.name} {format_money(p, currency)} as paid, {format_money(s, currency)} in the same "
        f"money ({t.place_note})"
        for t, p, s in zip(totals, paid, same, strict=True)
    )
    alt = f"Year-one value as paid and restated for prices ({comparison.view_label}): {parts}."
    return _layout(fig, "Cost of living adjustment", alt)


def _translucent(colour: str, alpha: float = 0.2) -> str:
    """``#RRGGBB`` as an ``rgba(...)`` string with opacity ``alpha``."""
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({red}, {green}, {blue}, {alpha})"


def _share_words(share: float) -> str:
    """A probability as a whole percent, never rounding a small chance to 0% or 100%."""
    if 0 < share < 0.005:
        return "under 1%"
    if 0.995 <= share < 1:
        return "over 99%"
    return f"{share:.0%}"


def _odds_alt(result: SimulationResult) -> str:
    currency, n = result.currency, result.years
    levels = "; ".join(
        f"{name} P10 {format_money(p[10], currency)}, P50 {format_money(p[50], currency)}, "
        f"P90 {format_money(p[90], currency)}"
        for name, p in result.cumulative.items()
    )
    ranked = sorted(result.win_probability.items(), key=lambda item: -item[1])
    first, *rest = ranked
    odds = f"{first[0]} comes out ahead in {_share_words(first[1])} of {result.paths:,} futures"
    odds += "".join(f", {name} in {_share_words(share)}" for name, share in rest)
    return f"Simulated value received over {n} years, by the end of year {n}: {levels}. {odds}."


def odds_fan_chart(result: SimulationResult) -> go.Figure:
    """For each offer, the middle 80% of simulated futures (P10 to P90) as a shaded band and the
    median (P50) as a line, cumulative value by the end of each year 1..N.

    The figures are :attr:`calculator.simulate.SimulationResult.by_year` (docs/domain.md section 5,
    uncertainty); the alt text gives each offer's P10/P50/P90 at year N and the chance each
    comes out ahead. Bands differ by fill pattern and lines by dash and marker, not only colour.

    >>> from calculator import Offer
    >>> from calculator.simulate import simulate_offers
    >>> r = simulate_offers(Offer("A", 50_000), Offer("B", 40_000), years=2, paths=10, seed=1)
    >>> fig = odds_fan_chart(r)
    >>> [t.name for t in fig.data][2], list(fig.data[2].y)
    ('A: median (P50)', [50000.0, 100000.0])
    >>> chart_alt_text(fig).split(". ")[-1]
    'A comes out ahead in 100% of 10 futures, B in 0%.'
    """
    from .simulate import SimulationResult

    if not isinstance(result, SimulationResult):
        raise InputError("result", f"must be a SimulationResult, got {type(result).__name__}")
    currency = _currency(result.currency)
    years = list(range(1, result.years + 1))
    fig = _figure(currency)
    for index, (name, levels) in enumerate(result.by_year.items()):
        colour = _colour(index)
        common = {"x": years, "legendgroup": name, "mode": "lines"}
        fig.add_scatter(
            name=f"{name}: P90",
            y=list(levels[90]),
            customdata=_money_list(levels[90], currency),
            line={"color": colour, "width": 0.5},
            showlegend=False,
            hovertemplate="Year %{x}, P90: %{customdata}<extra>" + name + "</extra>",
            **common,
        )
        fig.add_scatter(
            name=f"{name}: P10 to P90 (8 in 10 futures)",
            y=list(levels[10]),
            customdata=_money_list(levels[10], currency),
            line={"color": colour, "width": 0.5},
            fill="tonexty",
            fillcolor=_translucent(colour),
            fillpattern={"shape": PATTERNS[index % len(PATTERNS)], "fgcolor": colour},
            hovertemplate="Year %{x}, P10: %{customdata}<extra>" + name + "</extra>",
            **common,
        )
        fig.add_scatter(
            name=f"{name}: median (P50)",
            y=list(levels[50]),
            customdata=_money_list(levels[50], currency),
            line={"color": colour, "dash": _DASHES[index % len(_DASHES)], "width": 3},
            marker={"symbol": _SYMBOLS[index % len(_SYMBOLS)], "size": 9},
            hovertemplate="Year %{x}, median: %{customdata}<extra>" + name + "</extra>",
            **{**common, "mode": "lines+markers"},
        )
    fig.update_xaxes(title="Year", dtick=1)
    title = f"Range of outcomes over {result.years} years ({result.paths:,} futures)"
    return _layout(fig, title, _odds_alt(result))


def _refresher_steps(offer: Offer, months: Sequence[int]) -> list[float] | None:
    """Refresher value vested by each month, if the offer has a refresher plan (else None)."""
    plan = offer.refreshers
    if plan is None:
        return None
    by_month = dict(plan.tranches(months[-1]))
    running, out = 0.0, []
    for month in months:
        running += by_month.get(month, 0.0)
        out.append(running)
    return out


def vesting_chart(offer: Offer, years: int = 4) -> go.Figure:
    """Equity vested by each month 0..12N: a stepped line per grant and, apart, refreshers.

    Each point is :meth:`calculator.equity.EquityGrant.vested_by_month` in the base scenario
    (growth included: a tranche at month m is worth ``value x fraction x (1 + g)^(m/12)``,
    docs/domain.md section 5). An offer's expected refreshers, if it has a plan, are a dashed line labelled
    "refreshers (not guaranteed)" and are never added to the grants. The alt text gives the
    vested value at each year end.

    >>> from calculator import Offer, EquityGrant
    >>> fig = vesting_chart(Offer("A", 50_000, equity=(EquityGrant("rsu", grant_value=48_000),)), 2)
    >>> fig.data[0].name, fig.data[0].y[11], fig.data[0].y[12], fig.data[0].y[24]
    ('RSU grant 1', 0.0, 12000.0, 24000.0)
    """
    from .offers import Offer

    if not isinstance(offer, Offer):
        raise InputError("offer", f"must be an Offer, got {type(offer).__name__}")
    n = check_int_range("years", years, 1, 30)
    currency = offer.currency
    months = list(range(12 * n + 1))
    fig = _figure(currency)
    described: list[str] = []
    grant_dashes = [d for d in _DASHES if d != "dash"]

    def draw(name: str, values: list[float], index: int, dash: str) -> None:
        fig.add_scatter(
            name=name,
            x=months,
            y=values,
            customdata=_money_list(values, currency),
            mode="lines",
            line={"color": _colour(index), "dash": dash, "shape": "hv", "width": 2.5},
            hovertemplate="Month %{x}: %{customdata}<extra>" + name + "</extra>",
        )
        ends = ", ".join(
            f"year {y} {format_money(values[12 * y], currency)}" for y in range(1, n + 1)
        )
        described.append(f"{name}: {ends}")

    for index, grant in enumerate(offer.equity):
        label = "RSU" if grant.kind == "rsu" else "Option"
        name = f"{label} grant {index + 1}" + (" (base scenario)" if grant.kind == "option" else "")
        draw(name, [grant.vested_by_month(m) for m in months], index, grant_dashes[index % 4])
    refreshers = _refresher_steps(offer, months)
    if refreshers is not None:
        draw("refreshers (not guaranteed)", refreshers, len(offer.equity), "dash")
    fig.update_xaxes(title="Months from the start", dtick=12)
    if described:
        alt = (
            f"{offer.name}: equity vested by the end of each year (base scenario, growth "
            f"included). {'; '.join(described)}."
        )
    else:
        alt = f"{offer.name} has no equity grants or refreshers to vest."
    return _layout(fig, f"{offer.name}: equity vesting over {n} years", alt)
