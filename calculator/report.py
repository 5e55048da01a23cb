"""A self-contained HTML report of a comparison: tables, charts and questions in one file.

The Plotly library is embedded once, inline, so the file opens offline and loads nothing from
any other host. Text is escaped with :func:`html.escape`; Plotly is imported only when a report
is made, so ``import calculator`` stays light.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .errors import InputError
from .money import format_money

if TYPE_CHECKING:
    from .bands import SalaryBands
    from .compare import Comparison
    from .counter import CounterRange
    from .scoring import PackageScores

__all__ = ["comparison_report_html"]

_STYLE = """
body { font-family: system-ui, -apple-system, 'Segoe UI', sans-serif; margin: 2rem auto;
       max-width: 60rem; color: #222; line-height: 1.45; padding: 0 1rem; }
h1 { margin-bottom: 0.2rem; } .muted { color: #666; font-size: 0.9rem; }
table { border-collapse: collapse; margin: 0.6rem 0 1.2rem; width: 100%; }
th, td { border: 1px solid #ddd; padding: 0.35rem 0.6rem; text-align: right; }
th:first-child, td:first-child { text-align: left; } th { background: #f3f5f8; }
figure { margin: 1rem 0 2rem; } figcaption { color: #555; font-size: 0.9rem; }
"""


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def comparison_report_html(
    comparison: Comparison,
    *,
    bands: SalaryBands | None = None,
    counter: CounterRange | None = None,
    scores: PackageScores | None = None,
    title: str = "Offer comparison",
    figures: Sequence[Any] | None = None,
    today: dt.date | None = None,
) -> str:
    """The comparison as one HTML document that works offline.

    Sections: totals per offer (gross, and net where known), value by component over the
    horizon, the gap, break-even salary, equal-value asks, questions to ask, your levels and
    range (when given), the weighted score (when given) and the charts (when given), each with
    its alt text as caption.

    >>> from calculator import Offer, compare_offers
    >>> page = comparison_report_html(compare_offers(Offer("A", 50_000), Offer("B <&>", 45_000)))
    >>> page.startswith("<!DOCTYPE html>"), "B &lt;&amp;&gt;" in page, "<script src" in page
    (True, True, False)
    """
    from .compare import Comparison

    if not isinstance(comparison, Comparison):
        raise InputError("comparison", f"must be a Comparison, got {type(comparison).__name__}")
    currency = comparison.totals[0].currency

    def money(amount: float | None) -> str:
        return "not known" if amount is None else format_money(amount, currency)

    parts = [
        f"<h1>{html.escape(title)}</h1>",
        f"<p class='muted'>Made on {(today or dt.date.today()):%d %B %Y} by Offer Compass, on your "
        "computer; nothing was sent anywhere. Figures: "
        f"{html.escape(comparison.view_label)}, over {comparison.years} years.</p>",
        "<h2>Totals</h2>",
        _table(
            [
                "Offer",
                "Year one",
                f"{comparison.years} years",
                "Year one after tax",
                f"{comparison.years} years after tax",
            ],
            [
                [
                    t.name,
                    money(t.year_one),
                    money(t.cumulative),
                    money(t.year_one_net),
                    money(t.cumulative_net),
                ]
                for t in comparison.totals
            ],
        ),
    ]
    keys: list[str] = []
    for t in comparison.totals:
        keys += [k for k in t.cumulative_components if k not in keys]
    parts += [
        f"<h2>Value by component over {comparison.years} years</h2>",
        _table(
            ["Component", *[t.name for t in comparison.totals]],
            [
                [
                    key.replace("_", " "),
                    *[money(t.cumulative_components.get(key, 0.0)) for t in comparison.totals],
                ]
                for key in keys
            ],
        ),
        "<h2>The gap and what to ask for</h2>",
        f"<p>{html.escape(comparison.leader.name)} is worth {html.escape(money(comparison.gap))} more over "
        f"{comparison.years} years than {html.escape(comparison.runner_up.name)}"
        + (
            " : too close to call (within 2%), so let the score and how each job feels decide."
            if comparison.too_close_to_call
            else "."
        )
        + "</p>",
    ]
    if comparison.break_evens:
        parts.append(
            _table(
                ["Offer", "Base now", "Break-even base", "Break-even base (after tax)"],
                [
                    [b.offer, money(b.current_base), money(b.salary), money(b.salary_net)]
                    for b in comparison.break_evens
                ],
            )
        )
    if comparison.asks:
        parts.append(
            "<p>The same value could come as any one of:</p><ul>"
            + "".join(f"<li>{html.escape(a.text)}</li>" for a in comparison.asks)
            + "</ul>"
        )
    if comparison.questions:
        parts.append(
            "<h2>Questions to ask</h2><ul>"
            + "".join(f"<li>{html.escape(q)}</li>" for q in comparison.questions)
            + "</ul>"
        )
    if bands is not None:
        rows = [
            ["Bottom line", money(bands.bottom_line)],
            ["Going rate", money(bands.going_rate)],
            ["Top salary", money(bands.top_salary)],
            ["Target", money(bands.target)],
        ]
        if counter is not None:
            rows.append(
                [
                    "Range to quote",
                    f"{money(counter.precise_low)} to {money(counter.precise_high)} ({counter.phrase})",
                ]
            )
        parts += ["<h2>Your levels</h2>", _table(["Level", "Amount"], rows)]
    if scores is not None:
        parts += [
            "<h2>Weighted score (your priorities, not money)</h2>",
            _table(["Offer", "Score (0-100)"], [[s.name, f"{s.score:.0f}"] for s in scores.offers]),
        ]
    if figures:
        from .charts import chart_alt_text

        parts.append("<h2>Charts</h2>")
        for index, fig in enumerate(figures):
            chart = fig.to_html(
                include_plotlyjs=index == 0, full_html=False, config={"displaylogo": False}
            )
            parts.append(
                f"<figure>{chart}<figcaption>{html.escape(chart_alt_text(fig))}</figcaption></figure>"
            )
    body = "\n".join(parts)
    return (
        "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
        f"<title>{html.escape(title)}</title><style>{_STYLE}</style></head>\n<body>\n{body}\n</body></html>\n"
    )
