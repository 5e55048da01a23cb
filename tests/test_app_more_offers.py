"""AppTest: up to four offers and your current job as a baseline; the year-by-year table."""

from __future__ import annotations

import re

import pytest

from tests.conftest import open_app


def _plain(values) -> list[str]:
    return [re.sub(r"\\(.)", r"\1", str(v)) for v in values]


@pytest.fixture
def app(home):
    return open_app("compare")


def _fill(at, prefix: str, name: str, base: float) -> None:
    at.text_input(key=f"{prefix}.name").set_value(name)
    at.number_input(key=f"{prefix}.base_salary").set_value(base)


def test_four_offers_and_the_current_job_as_a_baseline(app):
    app.selectbox(key="compare.offer_count").set_value(4).run()
    app.toggle(key="compare.include_current").set_value(True).run()
    assert not app.exception
    assert len(app.tabs) >= 5  # four offers and your job, one tab each
    for index, (name, base) in enumerate(
        (("Alpha", 50_000), ("Beta", 60_000), ("Gamma", 55_000), ("Delta", 65_000))
    ):
        _fill(app, f"offers.{index}", name, base)
    _fill(app, "current_job", "Stay", 52_000)
    app.run()
    assert not app.exception
    metrics = {m.label: (m.value, m.delta) for m in app.metric}
    # four years of base pay each; each offer's delta is its gap to the current job
    assert metrics["Delta: 4 years"] == ("£260,000", "£52,000 vs your current job")
    assert metrics["Alpha: 4 years"] == ("£200,000", "-£8,000 vs your current job")
    assert metrics["Stay: 4 years"] == ("£208,000", "")  # the baseline has no delta
    infos = " ".join(_plain(i.value for i in app.info))
    assert "Your current job is worth £208,000 over 4 years" in infos
    # the leader is the best of all five columns
    assert any("**Delta** is worth" in t for t in _plain(m.value for m in app.markdown))


def test_year_by_year_table_per_offer(app):
    app.button(key="_oc_example").click().run()
    app.radio(key="compare.chart").set_value("years").run()
    assert not app.exception
    tables = app.table
    assert len(tables) == 2
    frame = tables[0].value
    assert list(frame.columns) == ["Year 1", "Year 2", "Year 3", "Year 4", "4 years"]
    # London fintech: 68,000 rising 3% a year; total row equals the 4-year metric
    assert frame.loc["Base salary", "Year 2"] == "£70,040"
    totals = {m.label: m.value for m in app.metric}
    assert frame.loc["Total", "4 years"] == totals["London fintech: 4 years"]


def test_refreshers_are_apart_until_counted(app):
    app.button(key="_oc_example").click().run()
    app.number_input(key="offers.0.refresher_value").set_value(20_000).run()
    before = {m.label: m.value for m in app.metric}["London fintech: 4 years"]
    captions = " ".join(_plain(c.value for c in app.caption))
    # 20,000 a year from month 12, quarterly over 4 years: 5,000 + 10,000 + 15,000
    assert "Refreshers, not guaranteed and not counted: £30,000 over 4 years" in captions
    app.toggle(key="compare.count_refreshers").set_value(True).run()
    after = {m.label: m.value for m in app.metric}["London fintech: 4 years"]
    to_number = lambda text: float(text.replace("£", "").replace(",", ""))  # noqa: E731
    assert to_number(after) - to_number(before) == pytest.approx(30_000)


def test_a_custom_vesting_schedule_with_an_error_under_its_table(app):
    app.button(key="_oc_example").click().run()
    app.selectbox(key="offers.0.equity_schedule").set_value("custom").run()
    assert not app.exception
    # an empty tranche table is not a schedule: the message is under the table, naming the offer
    errors = _plain(e.value for e in app.error)
    assert (
        "London fintech, vesting dates: needs at least one row with a month and a share" in errors
    )


def test_the_odds_say_how_often_each_offer_comes_out_ahead(app):
    app.button(key="_oc_example").click().run()
    app.number_input(key="offers.0.equity_volatility_pct").set_value(40).run()
    app.toggle(key="compare.show_odds").set_value(True).run()
    assert not app.exception
    text = " ".join(_plain(m.value for m in app.markdown))
    shares = [int(n) for n in re.findall(r"comes out ahead in (\d+)% of 100,000 futures", text)]
    assert len(shares) == 2
    assert 98 <= sum(shares) <= 102  # rounded shares of one whole
    titles = [c.proto.spec for c in app.get("plotly_chart")]
    assert any("futures" in spec for spec in titles)


def test_the_same_name_twice_is_a_message_under_the_name(app):
    app.button(key="_oc_example").click().run()
    app.text_input(key="offers.1.name").set_value("London fintech").run()
    assert not app.exception
    errors = _plain(e.value for e in app.error)
    assert (
        "London fintech, employer or offer name: another column already has this name: "
        "give each column a different name" in errors
    )
