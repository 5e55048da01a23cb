"""Tests for calculator.report: a self-contained, escaped, offline HTML comparison report."""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import plotly.graph_objects as go
import pytest

from calculator import charts
from calculator.bands import salary_bands
from calculator.compare import Comparison, compare_offers
from calculator.counter import counter_range
from calculator.errors import InputError
from calculator.offers import Bonus, CustomBenefit, Offer, SignOn
from calculator.places import Place
from calculator.report import comparison_report_html
from calculator.scoring import score_packages
from calculator.tax import TaxProfile

TODAY = dt.date(2025, 6, 12)


def _comparison(**kwargs: object) -> Comparison:
    # A: 50,000 + 10% bonus (5,000) = 55,000 a year; B: 52,000. No raises, 2 years:
    # A 110,000, B 104,000, gap 6,000; B's break-even base = 55,000 (DOMAIN 6).
    return compare_offers(
        Offer("A", 50_000, bonus=Bonus(0.1), raise_rate=0.0),
        Offer("B", 52_000, raise_rate=0.0),
        years=2,
        **kwargs,  # type: ignore[arg-type]
    )


class _Collector(HTMLParser):
    """Collects tags, their attributes and the table cell text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.cells: list[str] = []
        self._in_cell = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_cell = tag in ("td", "th")
        if self._in_cell:
            self.cells.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th"):
            self._in_cell = False

    def handle_data(self, data: str) -> None:
        if self._in_cell:
            self.cells[-1] += data


def _parse(page: str) -> _Collector:
    collector = _Collector()
    collector.feed(page)
    return collector


def test_report_tables_gap_break_even_and_privacy() -> None:
    page = comparison_report_html(_comparison(), today=TODAY)
    assert page.startswith("<!DOCTYPE html>")
    assert page.rstrip().endswith("</html>")
    cells = _parse(page).cells
    # Totals row for A: year one 55,000; 2 years 110,000; no tax profile, so no after-tax
    # columns; no place, so figures as paid.
    index = cells.index("A")
    assert cells[index : index + 4] == [
        "A",
        "£55,000",
        "£110,000",
        "no place given: figures as paid",
    ]
    assert "Year one after tax" not in cells
    # Component table over 2 years: bonus A 10,000, B 0.
    index = cells.index("Bonus")
    assert cells[index : index + 3] == ["Bonus", "£10,000", "£0"]
    # Break-even: B's base 52,000 -> 55,000.
    index = cells.index("B", cells.index("Break-even base (before tax)"))
    assert cells[index : index + 3] == ["B", "£52,000", "£55,000"]
    assert "A is worth £6,000 more over 2 years than B." in page
    assert "raise the base salary to £55,000" in page
    assert "Questions to ask" in page
    assert "12 June 2025" in page
    assert "nothing was sent anywhere" in page


def test_report_escapes_every_user_text() -> None:
    hostile = "<script>alert(1)</script>"
    comparison = compare_offers(Offer(hostile, 50_000), Offer("B & Co", 45_000))
    page = comparison_report_html(comparison, title="<b>mine</b>", today=TODAY)
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "B &amp; Co" in page
    assert "<title>&lt;b&gt;mine&lt;/b&gt;</title>" in page
    assert not any(tag == "script" for tag, _ in _parse(page).tags)


def test_report_with_bands_counter_scores() -> None:
    # DOMAIN 1: bottom 28,000, going 30,000, top 36,000, target 33,000.
    bands = salary_bands(current_salary=28_000, going_rate=30_000)
    # DOMAIN 2 worked example: 33,000 to 36,000.
    counter = counter_range(target=30_000, bottom_line=28_000, top_salary=40_000)
    scores = score_packages(
        [Offer("A", 50_000, bonus=Bonus(0.1)), Offer("B", 52_000)], {"base": 1, "bonus": 1}
    )
    page = comparison_report_html(
        _comparison(), bands=bands, counter=counter, scores=scores, today=TODAY
    )
    cells = _parse(page).cells
    index = cells.index("Top salary")
    assert cells[index + 1] == "£36,000"
    index = cells.index("Range to quote")
    assert cells[index + 1].startswith("£33,000 to £36,000")
    # Scores: A base 50/52 x 50 = 48.08 + bonus 50 = 98.08 -> "98"; B base 50 -> "50".
    index = cells.index("Largest contributions")
    assert cells[index + 1 : index + 4] == ["A", "98", "Bonus 50, Base salary 48"]
    assert cells[index + 4 : index + 7] == ["B", "50", "Base salary 50"]


def test_report_uses_the_comparisons_own_scores() -> None:
    page = comparison_report_html(_comparison(weights={"base": 1}), today=TODAY)
    assert "Weighted score" in page
    page = comparison_report_html(_comparison(), today=TODAY)
    assert "Weighted score" not in page


def test_report_embeds_plotly_once_and_no_external_resources() -> None:
    comparison = _comparison()
    figures = [
        charts.offer_components_chart(comparison),
        charts.cumulative_value_chart(comparison),
        charts.place_adjustment_chart(comparison),
    ]
    page = comparison_report_html(comparison, figures=figures, today=TODAY)
    # plotly.js inline once: its licence banner appears a single time.
    assert page.count("plotly.js v") == 1
    assert page.count("Plotly.newPlot") == 3
    tags = _parse(page).tags
    for tag, attrs in tags:
        if tag == "script":
            assert "src" not in attrs, attrs
        if tag in ("link", "img", "iframe"):
            pytest.fail(f"external resource tag <{tag}>")
    assert not re.search(r"""<(?:script|link|img|iframe)[^>]+(?:src|href)\s*=""", page)
    assert "cdn.plot.ly" not in page.split("<body>")[0]
    # Each figure's alt text is its caption, escaped.
    assert page.count("<figcaption>") == 3
    assert "A £55,000 (base salary £50,000, bonus £5,000); B £52,000" in page


def test_report_is_balanced_html() -> None:
    page = comparison_report_html(_comparison(), today=TODAY)
    for tag in ("table", "tr", "td", "ul", "li", "h2", "p"):
        opened = len(re.findall(rf"<{tag}[ >]", page))
        assert opened == page.count(f"</{tag}>"), tag


def test_report_too_close_to_call() -> None:
    # 50,000 vs 49,500 over 4 years: gap 2,000 of 200,000 = 1% < 2% -> too close (DOMAIN 6).
    comparison = compare_offers(
        Offer("A", 50_000, raise_rate=0.0), Offer("B", 49_500, raise_rate=0.0), years=4
    )
    page = comparison_report_html(comparison, today=TODAY)
    assert "£2,000 more over 4 years" in page
    assert "too close to call" in page


def test_report_equal_offers_and_zero_components() -> None:
    comparison = compare_offers(Offer("A", 40_000), Offer("B", 40_000))
    page = comparison_report_html(comparison, figures=[], today=TODAY)
    assert "£0 more" in page
    assert "<h2>Charts</h2>" not in page


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"bands": 30_000}, "bands"),
        ({"counter": (1, 2)}, "counter"),
        ({"scores": {"A": 1}}, "scores"),
        ({"today": "2025-06-12"}, "today"),
        ({"title": ""}, "title"),
        ({"title": None}, "title"),
        ({"figures": "chart"}, "figures"),
        ({"figures": [go.Figure(), {"data": []}]}, "figures[1]"),
    ],
)
def test_report_rejects_bad_input(kwargs: dict[str, object], field: str) -> None:
    with pytest.raises(InputError) as info:
        comparison_report_html(_comparison(), **kwargs)  # type: ignore[arg-type]
    assert info.value.field == field


def test_report_rejects_non_comparison() -> None:
    with pytest.raises(InputError, match="comparison"):
        comparison_report_html({"A": 1})  # type: ignore[arg-type]


def test_report_with_one_offer_does_not_crash() -> None:
    # A hand-made comparison holding only one offer (the app never makes one, but a saved or
    # edited result might): the gap section says there is nothing to compare.
    full = _comparison()
    single = dataclasses.replace(full, totals=full.totals[:1], break_evens=(), asks=())
    page = comparison_report_html(single, today=TODAY)
    assert "Only one offer" in page
    assert "£110,000" in page
    empty = dataclasses.replace(full, totals=())
    with pytest.raises(InputError, match="no offers"):
        comparison_report_html(empty)


def test_report_after_tax_columns_and_place_notes() -> None:
    # Both in England 2025/26 (TaxProfile GB 2025), one year. A 50,000: tax 7,486 + NI
    # 2,994.40 -> net 39,519.60. B 40,000: tax 20% x 27,430 = 5,486, NI 8% x 27,430 =
    # 2,194.40 -> net 32,319.60.
    comparison = compare_offers(
        Offer("A", 50_000, tax=TaxProfile("GB", 2025)),
        Offer("B", 40_000, tax=TaxProfile("GB", 2025)),
        years=1,
    )
    cells = _parse(comparison_report_html(comparison, today=TODAY)).cells
    index = cells.index("A")
    assert cells[index : index + 5] == ["A", "£50,000", "£50,000", "£39,520", "£39,520"]
    index = cells.index("B")
    assert cells[index : index + 5] == ["B", "£40,000", "£40,000", "£32,320", "£32,320"]
    assert "Break-even base (after tax)" in cells


def test_report_same_money_view_states_the_prices() -> None:
    comparison = compare_offers(
        Offer("CA", 120_000, currency="USD", place=Place.state("CA")),
        Offer("TX", 100_000, currency="USD", place=Place.state("TX")),
        view="same_money",
        home_place=Place.state("TX"),
        years=1,
    )
    page = comparison_report_html(comparison, today=TODAY)
    # 120,000 x 97.057 / 110.72 = 105,192 in Texas prices (BEA RPP 2024).
    assert "$105,192" in page
    assert "restated in Texas prices" in page
    assert "restated from California to Texas prices" in page


def test_report_names_components_readably() -> None:
    comparison = compare_offers(
        Offer("A", 50_000, sign_on=SignOn(2_000), custom_benefits=(CustomBenefit("bike", 500),)),
        Offer("B", 51_000),
        years=1,
    )
    cells = _parse(comparison_report_html(comparison, today=TODAY)).cells
    assert "Sign-on" in cells
    assert "Bike" in cells
    assert cells[cells.index("Total") : cells.index("Total") + 3] == [
        "Total",
        "£52,500",  # 50,000 + 2,000 + 500
        "£51,000",
    ]


def test_report_without_figures_does_not_load_plotly() -> None:
    code = (
        "import sys; from calculator import Offer, compare_offers; "
        "from calculator.report import comparison_report_html; "
        "comparison_report_html(compare_offers(Offer('A', 1), Offer('B', 2))); "
        "print('plotly' in sys.modules, 'streamlit' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=Path(__file__).resolve().parent.parent,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.stdout.strip() == "False False", done.stderr


def test_take_home_report_gives_the_gap_and_asks_after_tax() -> None:
    from calculator import Offer, compare_offers
    from calculator.money import format_money
    from calculator.tax import TaxProfile

    uk = TaxProfile("GB", 2025)
    comparison = compare_offers(Offer("A", 60_000, tax=uk), Offer("B", 50_000, tax=uk), years=1)
    gross = comparison_report_html(comparison, today=dt.date(2026, 11, 29))
    net = comparison_report_html(comparison, today=dt.date(2026, 11, 29), net=True)
    # net A 45,357.40 - net B 39,519.60 (see Comparison.outcome) = 5,837.80 after tax
    assert "A is worth £5,838 more after tax over 1 year than B." in net
    assert "A is worth £10,000 more over 1 year than B." in gross
    assert "Figures are take-home pay after tax, as paid" in net
    assert "(each closes the after-tax gap)" in net
    for ask in comparison.asks_net:
        assert html.escape(ask.text) in net
    assert format_money(comparison.asks_net[0].amount, "GBP") in net
    assert "Year one before tax" in net  # both columns, each labelled


def test_take_home_report_needs_every_offer_taxed() -> None:
    from calculator import Offer, compare_offers
    from calculator.tax import TaxProfile

    comparison = compare_offers(
        Offer("A", 60_000, tax=TaxProfile("GB", 2025)), Offer("B", 50_000), years=1
    )
    with pytest.raises(InputError, match="net needs a tax profile for every offer"):
        comparison_report_html(comparison, net=True)
