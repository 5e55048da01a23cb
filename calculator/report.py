"""A self-contained HTML report of a comparison: tables, charts and questions in one file.

The Plotly library is embedded once, inline, with the first chart, so the file opens offline
and loads nothing from any other host. All text from the user or the core goes through
:func:`html.escape`. Plotly is imported only when a report with charts is made, so
``import calculator`` stays light.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from .errors import InputError
from .money import format_money

if TYPE_CHECKING:
    from .bands import SalaryBands
    from .compare import Comparison
    from .counter import CounterRange
    from .scoring import PackageScores

__all__ = ["PRIVACY_LINE", "comparison_report_html"]

#: Said at the top of every report.
PRIVACY_LINE = "Made on your computer; nothing was sent anywhere."

_STYLE = """
body { font-family: system-ui, -apple-system, 'Segoe UI', sans-serif; margin: 2rem auto;
       max-width: 60rem; color: #222; line-height: 1.45; padding: 0 1rem; }
h1 { margin-bottom: 0.2rem; } .muted { color: #555; font-size: 0.9rem; }
table { border-collapse: collapse; margin: 0.6rem 0 1.2rem; width: 100%; }
th, td { border: 1px solid #ddd; padding: 0.35rem 0.6rem; text-align: right; }
th:first-child, td:first-child { text-align: left; } th { background: #f3f5f8; }
figure { margin: 1rem 0 2rem; } figcaption { color: #444; font-size: 0.9rem; }
@media print { figure { break-inside: avoid; } }
"""


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]], caption: str = "") -> str:
    cap = f"<caption>{html.escape(caption)}</caption>" if caption else ""
    head = "".join(f"<th scope='col'>{html.escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in rows
    )
    return f"<table>{cap}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _label(key: str) -> str:
    """Readable component name (same names as the charts, without importing Plotly)."""
    if key.startswith("custom: "):
        return key[len("custom: ") :].capitalize()
    return {"base": "Base salary", "sign_on": "Sign-on", "study": "Study support"}.get(
        key, key.replace("_", " ").capitalize()
    )


def _check(comparison: object, bands: object, counter: object, scores: object) -> Comparison:
    from .bands import SalaryBands
    from .compare import Comparison
    from .counter import CounterRange
    from .scoring import PackageScores

    if not isinstance(comparison, Comparison):
        raise InputError("comparison", f"must be a Comparison, got {type(comparison).__name__}")
    if not comparison.totals:
        raise InputError("comparison", "has no offers to report")
    for field, value, kind in (
        ("bands", bands, SalaryBands),
        ("counter", counter, CounterRange),
        ("scores", scores, PackageScores),
    ):
        if value is not None and not isinstance(value, kind):
            raise InputError(field, f"must be {kind.__name__} or None, got {type(value).__name__}")
    return comparison


def _view_text(comparison: Comparison, net: bool) -> str:
    if not net:
        return comparison.view_label
    home = comparison.home_place
    prices = f", in {home.label} prices (same money)" if home is not None else ", as paid"
    return f"take-home pay after tax{prices}"


def _figures_html(figures: Sequence[Any]) -> list[str]:
    """Each figure as a <figure> with its alt text; plotly.js inline once, with the first."""
    import plotly.graph_objects as go

    from .charts import chart_alt_text

    out = ["<h2>Charts</h2>"]
    for index, fig in enumerate(figures):
        if not isinstance(fig, go.Figure):
            raise InputError(
                f"figures[{index}]", f"must be a Plotly figure, got {type(fig).__name__}"
            )
        chart = fig.to_html(
            include_plotlyjs=index == 0,
            full_html=False,
            include_mathjax=False,
            config={"displaylogo": False, "displayModeBar": False},
        )
        alt = chart_alt_text(fig)
        out.append(
            f"<figure role='group' aria-label='{html.escape(alt or 'chart')}'>{chart}"
            f"<figcaption>{html.escape(alt)}</figcaption></figure>"
        )
    return out


def _gap_html(comparison: Comparison, net: bool, money: Callable[[float | None], str]) -> list[str]:
    """Who leads and by how much, the break-even salaries and the equal-value asks, in the
    report's view (after tax with ``net``: docs/domain.md section 8)."""
    years = comparison.years
    span = f"{years} {'year' if years == 1 else 'years'}"
    if len(comparison.totals) < 2:
        return ["<p>Only one offer: there is nothing to compare it with.</p>"]
    verdict = comparison.outcome(net=net)
    after = " after tax" if net else ""
    close = (
        " That is too close to call (within 2%): let the weighted score and how each job "
        "feels decide."
        if verdict.too_close_to_call
        else ""
    )
    parts = [
        f"<p>{html.escape(verdict.leader.name)} is worth {html.escape(money(verdict.gap))} more"
        f"{after} over {span} than {html.escape(verdict.runner_up.name)}.{html.escape(close)}</p>"
    ]
    if comparison.break_evens:
        with_net = any(b.salary_net is not None for b in comparison.break_evens)
        headers = ["Offer", "Base now", "Break-even base (before tax)", "Extra a year"]
        headers += ["Break-even base (after tax)"] if with_net else []
        rows = []
        for b in comparison.break_evens:
            row = [b.offer, money(b.current_base), money(b.salary), money(b.increase)]
            rows.append(row + ([money(b.salary_net)] if with_net else []))
        caption = "Base salary at which each offer would match the leader"
        parts.append(_table(headers, rows, caption))
    if verdict.asks:
        closing = "the after-tax gap" if net else "the gap"
        parts.append(
            f"<p>The same value could come as any one of (each closes {closing}):</p><ul>"
            + "".join(f"<li>{html.escape(a.text)}</li>" for a in verdict.asks)
            + "</ul>"
        )
    return parts


def comparison_report_html(
    comparison: Comparison,
    *,
    bands: SalaryBands | None = None,
    counter: CounterRange | None = None,
    scores: PackageScores | None = None,
    title: str = "Offer comparison",
    figures: Sequence[Any] | None = None,
    today: dt.date | None = None,
    net: bool = False,
) -> str:
    """The comparison as one HTML document that works offline (issue 4).

    Sections: the date made and the privacy line; totals per offer (year one and over the
    horizon, after tax where the offers have a tax profile, docs/domain.md section 6); value by component
    over the horizon; the gap, too-close-to-call (within 2%), break-even salary and equal-value
    asks (docs/domain.md section 6); questions to ask; your levels and range when given (docs/domain.md sections 1-2); the
    weighted score (docs/domain.md section 4; ``comparison.scores`` when ``scores`` is not given); and the
    charts when given, each captioned with its alt text. plotly.js is inlined once; there are
    no ``<script src>`` or ``<link href>`` references to any host. With ``net`` (the take-home
    view, every offer taxed) the gap, too-close-to-call and asks are after tax and say so
    (pass figures built with ``net=True`` to match).

    >>> from calculator import Offer, compare_offers
    >>> page = comparison_report_html(compare_offers(Offer("A", 50_000), Offer("B <&>", 45_000)))
    >>> page.startswith("<!DOCTYPE html>"), "B &lt;&amp;&gt;" in page, "<script src" in page
    (True, True, False)
    """
    comparison = _check(comparison, bands, counter, scores)
    if not isinstance(title, str) or not title.strip():
        raise InputError("title", "must be non-empty text")
    if today is not None and (not isinstance(today, dt.date) or isinstance(today, dt.datetime)):
        raise InputError("today", f"must be a date, got {type(today).__name__}")
    if figures is not None and (
        isinstance(figures, (str, bytes)) or not isinstance(figures, Sequence)
    ):
        raise InputError("figures", "must be a list of Plotly figures")
    if scores is None:
        scores = comparison.scores
    totals = comparison.totals
    currency = totals[0].currency
    years = comparison.years

    def money(amount: float | None) -> str:
        return "not known" if amount is None else format_money(amount, currency)

    made = today or dt.date.today()
    parts = [
        f"<h1>{html.escape(title)}</h1>",
        f"<p class='muted'>Made on {made:%d %B %Y} by Offer Compass. "
        f"{html.escape(PRIVACY_LINE)} Figures are {html.escape(_view_text(comparison, net))}, over "
        f"{years} {'year' if years == 1 else 'years'}.</p>",
        "<h2>Totals</h2>",
    ]
    with_net = any(t.year_one_net is not None for t in totals)
    headers = ["Offer", "Year one", f"Over {years} years"]
    if with_net:
        headers = ["Offer", "Year one before tax", f"Over {years} years before tax"]
        headers += ["Year one after tax", f"Over {years} years after tax"]
    headers.append("Prices")
    rows = []
    for t in totals:
        row = [t.name, money(t.year_one), money(t.cumulative)]
        if with_net:
            row += [money(t.year_one_net), money(t.cumulative_net)]
        rows.append([*row, t.place_note])
    parts.append(_table(headers, rows))

    keys: list[str] = []
    for t in totals:
        keys += [k for k, v in t.cumulative_components.items() if v and k not in keys]
    parts += [
        f"<h2>Value by component over {years} {'year' if years == 1 else 'years'}</h2>",
        _table(
            ["Component", *[t.name for t in totals]],
            [
                [_label(key), *[money(t.cumulative_components.get(key, 0.0)) for t in totals]]
                for key in keys
            ]
            + [["Total", *[money(t.cumulative) for t in totals]]],
        ),
        "<h2>The gap and what to ask for</h2>",
    ]
    parts += _gap_html(comparison, net, money)
    if comparison.questions:
        parts.append(
            "<h2>Questions to ask</h2><ul>"
            + "".join(f"<li>{html.escape(q)}</li>" for q in comparison.questions)
            + "</ul>"
        )
    if bands is not None:
        level_rows = [
            ["Bottom line", money(bands.bottom_line)],
            ["Going rate", money(bands.going_rate)],
            ["Target", money(bands.target)],
            ["Top salary", money(bands.top_salary)],
        ]
        if counter is not None:
            level_rows.append(
                [
                    "Range to quote",
                    f"{money(counter.precise_low)} to {money(counter.precise_high)} "
                    f"({counter.phrase})",
                ]
            )
        parts += ["<h2>Your levels</h2>", _table(["Level", "Amount"], level_rows)]
    if scores is not None:
        parts += [
            "<h2>Weighted score (your priorities, not money)</h2>",
            _table(
                ["Offer", "Score (0-100)", "Largest contributions"],
                [
                    [
                        s.name,
                        f"{s.score:.0f}",
                        ", ".join(
                            f"{_label(k.removeprefix('factor:'))} {v:.0f}"
                            for v, k in sorted(
                                ((v, k) for k, v in s.contributions.items() if v > 0),
                                reverse=True,
                            )[:3]
                        ),
                    ]
                    for s in scores.offers
                ],
            ),
        ]
        parts += [f"<p class='muted'>{html.escape(note)}</p>" for note in scores.notes]
    if figures:
        parts += _figures_html(figures)
    body = "\n".join(parts)
    return (
        "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>{html.escape(title)}</title><style>{_STYLE}</style></head>\n"
        f"<body>\n{body}\n</body></html>\n"
    )
