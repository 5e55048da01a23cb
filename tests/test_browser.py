"""End to end in headless Chromium: example, edits, charts, refresh, messages, .ics, privacy.

Each test starts ``streamlit run app.py`` on a free loopback port with its own data folder
(tests/browser_util.py) and drives Debian's chromium through Playwright's sync API. Skipped
locally when chromium is missing; fails in CI (the CI variable is set) so a missing browser
cannot hide a broken app. Screenshots go to test-artifacts/ (git-ignored).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from browser_util import (
    ARTIFACTS,
    AppServer,
    artifacts_on_failure,
    chromium,
    chromium_executable,
    foreign_requests,
    goto,
    key_selector,
    new_page,
    open_page,
    reload,
    rerun,
    screenshot,
    seed_example,
    set_input,
    wait_charts,
)

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# The first chart on the Compare page is the year-one components chart (ECharts: an edit updates
# it in place); its description (alt text, the chart's aria-label) gives each offer's figures.
FIRST_CHART = "document.querySelector('[data-testid=\"stEChartsChart\"]')"
FIRST_CHART_BASES = (
    f"[...{FIRST_CHART}.getAttribute('aria-label').matchAll(/base salary £([0-9,]+)/g)]"
    ".map((m) => m[1].replaceAll(',', '')).join(',')"
)
# Every widget's value by its key (st-key-<path>): inputs (select boxes show theirs in one), text
# areas, checkboxes and radios, and sliders. The sidebar's own controls (_oc_*) are left out.
WIDGET_VALUES = """
() => {
  const out = {};
  for (const el of document.querySelectorAll('[class*="st-key-"]')) {
    const key = [...el.classList].find((c) => c.startsWith('st-key-'));
    if (key.startsWith('st-key-_oc') || key.startsWith('st-key-chart_')) continue;
    const parts = [];
    for (const i of el.querySelectorAll('input, textarea')) {
      if (i.type === 'file') continue;
      parts.push(i.type === 'radio' || i.type === 'checkbox' ? String(i.checked) : i.value);
    }
    for (const s of el.querySelectorAll('[role="slider"]')) {
      parts.push(s.getAttribute('aria-valuenow'));
    }
    if (parts.length) out[key] = parts.join('|');
  }
  return out;
}
"""
# The document must not scroll sideways, nor the main area Streamlit scrolls in.
NO_SIDEWAYS_SCROLL = """
() => {
  const main = document.querySelector('[data-testid="stMain"]');
  return {
    document: document.documentElement.scrollWidth,
    window: window.innerWidth,
    main: main ? main.scrollWidth - main.clientWidth : 0,
  };
}
"""


@pytest.fixture
def server(tmp_path) -> Iterator[AppServer]:
    """The app on an empty data folder."""
    with AppServer(tmp_path / "home", log=tmp_path / "streamlit.log") as app:
        yield app


@pytest.fixture
def example_server(tmp_path) -> Iterator[AppServer]:
    """The app on a data folder already holding the example (as if it had been loaded)."""
    seed_example(tmp_path / "home")
    with AppServer(tmp_path / "home", log=tmp_path / "streamlit.log") as app:
        yield app


def _pick_chart(page, name: str) -> None:
    with rerun(page):
        page.locator(f'{key_selector("compare.chart")} [data-testid="stRadioOption"]').filter(
            has_text=re.compile(f"^{re.escape(name)}$")
        ).click()


def test_example_edit_refresh_download_and_privacy(server):
    executable = chromium_executable()
    from playwright.sync_api import expect, sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    requested: list[str] = []
    with sync_playwright() as playwright, chromium(playwright, executable) as browser:
        page = new_page(browser, requested)
        with artifacts_on_failure(page, "end-to-end"):
            # 1. Load the example on Your numbers.
            goto(page, server.url)
            with rerun(page):
                page.get_by_role("button", name="Load an example").click()
            expect(page.get_by_text("£55,800").first).to_be_visible()

            # 2. Compare page: one chart at a time; changing a field updates the chart's own data.
            open_page(page, "Compare offers")
            expect(page.get_by_role("heading", name="Compare offers")).to_be_visible()
            assert wait_charts(page, at_least=1) == 1
            assert page.evaluate(f"() => {FIRST_CHART_BASES}") == "68000,62000"
            canvas = page.locator('[data-testid="stEChartsChart"] canvas').first.element_handle()
            set_input(page, "offers.0.base_salary", "90000")
            page.wait_for_function(f"() => {FIRST_CHART_BASES} === '90000,62000'")
            # the same chart took the new figures: drawn in place, not thrown away and redrawn
            assert page.evaluate("(c) => c.isConnected", canvas)
            expect(page.get_by_text("£90,000").first).to_be_visible()

            # 3. Another chart: "Over the years" is drawn in place of the first.
            _pick_chart(page, "Over the years")
            chart = key_selector("chart_cumulative_0")
            cumulative = page.locator(
                f'{chart}[data-testid="stEChartsChart"], {chart} [data-testid="stEChartsChart"]'
            ).first
            cumulative.locator("canvas").first.wait_for()
            described = cumulative.get_attribute("aria-label") or ""
            assert described.startswith("Cumulative value over 4 years"), described
            assert "London fintech £" in described
            assert "Manchester scale-up £" in described
            assert page.locator(key_selector("chart_components_0")).count() == 0

            # 3b. The year-by-year table: components down, years across, for each offer.
            _pick_chart(page, "Year by year (table)")
            table = page.locator('[data-testid="stTable"]').first
            table.wait_for()
            expect(table).to_contain_text("Year 4")
            expect(table).to_contain_text("Base salary")
            _pick_chart(page, "Year one, by part")
            page.wait_for_function(f"() => {FIRST_CHART_BASES} === '90000,62000'")

            # 4. A browser refresh keeps every value (the local store).
            before = page.evaluate(WIDGET_VALUES)
            assert re.match(r"^90,?000", before["st-key-offers-0-base_salary"]), before
            assert len(before) > 80, sorted(before)
            reload(page)
            wait_charts(page, at_least=1)
            after = page.evaluate(WIDGET_VALUES)
            changed = {k: (v, after.get(k)) for k, v in before.items() if after.get(k) != v}
            assert not changed, changed
            expect(page.locator(f"{key_selector('offers.0.name')} input")).to_have_value(
                "London fintech"
            )

            # 5. Next steps: a new interviewer's name reaches the ready thank-you note at once.
            open_page(page, "Next steps")
            expect(page.get_by_role("heading", name="Next steps")).to_be_visible()
            page.get_by_role("tab", name="Applications").click()
            note = page.locator('[data-testid="stExpander"]:visible').filter(
                has_text="Thank-you note"
            )
            note.locator("summary").click()
            letter = note.get_by_role("textbox", name="Your version")
            expect(letter).to_have_value(re.compile(r"\bSam\b"))
            set_input(page, "next_steps.applications.0.interviewer", "Marguerite")
            expect(letter).to_have_value(re.compile(r"\bMarguerite\b"))
            expect(letter).not_to_have_value(re.compile(r"\bSam\b"))

            # 6. The application's calendar file.
            button = page.get_by_role("button", name="This application's calendar (.ics)")
            with page.expect_download() as info:
                button.click()
            download = info.value
            assert download.suggested_filename.endswith(".ics")
            saved = ARTIFACTS / download.suggested_filename
            download.save_as(saved)
            ics = saved.read_text()
            assert ics.startswith("BEGIN:VCALENDAR")
            assert ics.count("BEGIN:VEVENT") == ics.count("BEGIN:VALARM") >= 5

            # The numbers page still shows the example's levels after all that.
            open_page(page, "Your numbers")
            expect(page.get_by_text("£55,800").first).to_be_visible()
            assert page.locator('[data-testid="stException"]').count() == 0

    # 7. Privacy: every request went to the app itself.
    assert requested, "the request listener saw nothing"
    foreign = foreign_requests(requested, server.host)
    assert not foreign, foreign


@pytest.mark.parametrize(("width", "height"), [(1400, 1000), (390, 844)])
def test_screenshots_and_no_sideways_scroll(example_server, width, height):
    executable = chromium_executable()
    from playwright.sync_api import expect, sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    requested: list[str] = []
    with sync_playwright() as playwright, chromium(playwright, executable) as browser:
        page = new_page(browser, requested, width=width, height=height)
        goto(page, example_server.url)
        expect(page.get_by_text("£55,800").first).to_be_visible()
        wait_charts(page, at_least=1)
        screenshot(page, ARTIFACTS / f"numbers-{width}.png")
        sizes = [page.evaluate(NO_SIDEWAYS_SCROLL)]
        goto(page, f"{example_server.url}/compare")
        expect(page.get_by_role("heading", name="Compare offers")).to_be_visible()
        assert wait_charts(page, at_least=1) >= 1
        screenshot(page, ARTIFACTS / f"compare-{width}.png")
        sizes.append(page.evaluate(NO_SIDEWAYS_SCROLL))
        assert page.locator('[data-testid="stException"]').count() == 0
    if width <= 400:
        for size in sizes:
            assert size["document"] <= size["window"] + 1, sizes
            assert size["main"] <= 1, sizes
    assert not foreign_requests(requested, example_server.host)


def test_the_same_name_for_both_offers_is_a_message_not_a_crash(example_server):
    """Two offers with one name cannot be told apart: the page says so under the name box
    and keeps working, rather than showing Streamlit's error box."""
    executable = chromium_executable()
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as playwright, chromium(playwright, executable) as browser:
        page = new_page(browser)
        goto(page, f"{example_server.url}/compare")
        with artifacts_on_failure(page, "same-name"):
            set_input(page, "offers.1.name", "London fintech")
            expect(page.locator('[data-testid="stException"]')).to_have_count(0)
            expect(page.get_by_text("different name").first).to_be_visible()
            open_page(page, "Your numbers")
            expect(page.locator('[data-testid="stException"]')).to_have_count(0)
