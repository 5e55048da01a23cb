"""The core's bar and line figures drawn with Streamlit's ECharts element, so an edit updates
the chart in place.

Why: Streamlit gives a Plotly chart a new identity whenever its figure changes, so every edit
that changes a result throws the chart away and draws a new one (Plotly's ``newPlot``), which
was most of the time the Compare page took to settle after a salary edit. A keyed
``st.echarts_chart`` keeps its chart and only sets the new option.

The core's chart builders stay the single source of every figure (they also feed the HTML
report): :func:`echarts_option` translates one of their figures when it holds only what it can
translate faithfully (bar traces, and scatter traces drawn as lines or markers, on one pair of
axes, without shapes, annotations or fills), and returns ``None`` otherwise, so the page draws
that figure with Plotly as before. Text: the builders escape every label for Plotly (which
reads a little HTML); ECharts shows labels as plain text, so they are unescaped here, and its
default tooltip escapes names itself.
"""

from __future__ import annotations

import html
import math
from collections.abc import Mapping, Sequence
from typing import Any, Final

__all__ = ["echarts_option"]

#: Plotly line dashes -> ECharts line types.
_DASHES: Final = {"solid": "solid", "dash": "dashed", "longdash": "dashed", "dot": "dotted"}
#: Plotly marker symbols -> ECharts symbols (others become circles).
_SYMBOLS: Final = {
    "circle": "circle",
    "square": "rect",
    "diamond": "diamond",
    "triangle-up": "triangle",
    "triangle-down": "triangle",
    "x": "pin",
    "cross": "pin",
}
#: Plotly fill patterns -> ECharts decals (hatching that tells bars apart without colour).
_DECALS: Final[Mapping[str, Mapping[str, Any]]] = {
    "/": {"rotation": -math.pi / 4},
    "\\": {"rotation": math.pi / 4},
    "-": {"rotation": 0.0},
    "|": {"rotation": math.pi / 2},
    "x": {"rotation": math.pi / 4, "dashArrayX": [[3, 3]]},
    "+": {"rotation": 0.0, "dashArrayX": [[3, 3]]},
    ".": {"symbol": "circle", "symbolSize": 0.6, "dashArrayX": [4, 4], "dashArrayY": [4, 4]},
}
_DECAL_BASE: Final = {"symbol": "rect", "symbolSize": 1, "dashArrayX": [1, 0], "dashArrayY": [2, 4]}


def echarts_option(figure: Mapping[str, Any]) -> dict[str, Any] | None:
    """An ECharts option drawing ``figure`` (a Plotly figure as a dict), or ``None`` when the
    figure uses something this translation does not cover.

    >>> fig = {"data": [{"type": "bar", "name": "Base", "x": ["A", "B"], "y": [50.0, 40.0]}],
    ...        "layout": {"title": {"text": "Q&amp;A"}, "barmode": "stack"}}
    >>> option = echarts_option(fig)
    >>> option["title"]["text"], option["xAxis"]["data"], option["series"][0]["data"]
    ('Q&A', ['A', 'B'], [50.0, 40.0])
    >>> echarts_option({"data": [{"type": "waterfall", "x": ["A"], "y": [1.0]}]}) is None
    True
    """
    layout: Mapping[str, Any] = figure.get("layout", {})
    traces: Sequence[Mapping[str, Any]] = figure.get("data", ())
    if not traces or not _supported(traces, layout):
        return None
    horizontal = any(t.get("orientation") == "h" for t in traces if t.get("type") == "bar")
    prefix = _text(_axis(layout, "x" if horizontal else "y").get("tickprefix", ""))
    option: dict[str, Any] = {
        "animation": False,
        "title": {"text": _text(_title(layout.get("title"))), "left": 0},
        "legend": {"bottom": 0, "type": "scroll"},
        "grid": {"left": 8, "right": 24, "top": 48, "bottom": 40, "containLabel": True},
        "tooltip": {"trigger": "axis", "axisPointer": {"type": "shadow"}},
        "series": [_series(t, layout, horizontal) for t in traces],
    }
    # money to the unit with its symbol; other figures (scores) to one decimal
    option["tooltip"]["valueFormatter"] = f"{prefix}%,d" if prefix else "%.1f"
    category, value = _axes(traces, layout, horizontal, prefix)
    option["xAxis"], option["yAxis"] = (value, category) if horizontal else (category, value)
    return option


def _supported(traces: Sequence[Mapping[str, Any]], layout: Mapping[str, Any]) -> bool:
    if layout.get("shapes") or layout.get("annotations") or layout.get("xaxis2"):
        return False
    if layout.get("barmode") not in (None, "stack", "relative", "group"):
        return False
    for trace in traces:
        kind = trace.get("type", "scatter")
        if kind == "bar":
            continue
        mode = str(trace.get("mode", "lines"))
        if kind != "scatter" or trace.get("fill") not in (None, "none") or "text" in mode:
            return False
    kinds = {t.get("type", "scatter") for t in traces}
    # bars share their categories; lines need numbers on x (years, months)
    return kinds == {"bar"} or (kinds == {"scatter"} and _numeric_x(traces))


def _numeric_x(traces: Sequence[Mapping[str, Any]]) -> bool:
    return all(
        isinstance(x, int | float) and not isinstance(x, bool)
        for t in traces
        for x in t.get("x", ())
    )


def _series(
    trace: Mapping[str, Any], layout: Mapping[str, Any], horizontal: bool
) -> dict[str, Any]:
    name = _text(trace.get("name", ""))
    marker: Mapping[str, Any] = trace.get("marker", {})
    if trace.get("type") == "bar":
        values = trace.get("x" if horizontal else "y", ())
        series: dict[str, Any] = {
            "type": "bar",
            "name": name,
            "data": [float(v) for v in values],
            "itemStyle": {"color": marker.get("color")},
        }
        if layout.get("barmode") in ("stack", "relative"):
            series["stack"] = "total"
        shape = _pattern(trace)
        if shape in _DECALS:
            series["itemStyle"]["decal"] = {**_DECAL_BASE, **_DECALS[shape]}
        return series
    line: Mapping[str, Any] = trace.get("line", {})
    mode = str(trace.get("mode", "lines"))
    return {
        "type": "line" if "lines" in mode else "scatter",
        "name": name,
        "data": [[float(x), float(y)] for x, y in zip(trace["x"], trace["y"], strict=True)],
        "showSymbol": "markers" in mode,
        "symbol": _SYMBOLS.get(str(marker.get("symbol", "circle")), "circle"),
        "symbolSize": min(float(marker.get("size", 8)), 12.0),
        "itemStyle": {"color": line.get("color") or marker.get("color")},
        "lineStyle": {
            "color": line.get("color"),
            "type": _DASHES.get(str(line.get("dash", "solid")), "solid"),
        },
    }


def _axes(
    traces: Sequence[Mapping[str, Any]], layout: Mapping[str, Any], horizontal: bool, prefix: str
) -> tuple[dict[str, Any], dict[str, Any]]:
    """(category or x axis, value axis)."""
    along = _axis(layout, "y" if horizontal else "x")
    across = _axis(layout, "x" if horizontal else "y")
    value: dict[str, Any] = {"type": "value", "name": _text(_title(across.get("title")))}
    if prefix:
        value["axisLabel"] = {"formatter": prefix + "{value}"}
    bounds = across.get("range")
    if isinstance(bounds, Sequence) and len(bounds) == 2:
        value["min"], value["max"] = bounds
    name = _text(_title(along.get("title")))
    if traces[0].get("type") == "bar":
        categories = traces[0].get("y" if horizontal else "x", ())
        category: dict[str, Any] = {
            "type": "category",
            "name": name,
            "data": [_text(c) for c in categories],
            "inverse": horizontal and along.get("autorange") == "reversed",
        }
        return category, value
    return {"type": "value", "name": name, "minInterval": 1, "scale": True}, value


def _axis(layout: Mapping[str, Any], which: str) -> Mapping[str, Any]:
    found = layout.get(f"{which}axis", {})
    return found if isinstance(found, Mapping) else {}


def _title(title: Any) -> str:
    if isinstance(title, Mapping):
        return str(title.get("text") or "")
    return "" if title is None else str(title)


def _pattern(trace: Mapping[str, Any]) -> str:
    marker = trace.get("marker", {})
    pattern = marker.get("pattern", {}) if isinstance(marker, Mapping) else {}
    return str(pattern.get("shape") or "") if isinstance(pattern, Mapping) else ""


def _text(value: Any) -> str:
    """A builder's label as plain text (the builders escape labels for Plotly)."""
    return html.unescape(str(value))
