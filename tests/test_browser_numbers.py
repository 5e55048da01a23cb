"""Your numbers in headless Chromium for a new graduate (issue 16): the starting point is picked
in the page, the levels come from a BLS search alone, and the levels chart keeps every label
inside the figure at desktop width and at 390 px. Screenshots go to test-artifacts/.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_util import (
    ARTIFACTS,
    REPO,
    AppServer,
    artifacts_on_failure,
    chromium,
    chromium_executable,
    foreign_requests,
    goto,
    key_selector,
    new_page,
    rerun,
    screenshot,
)

pytestmark = [pytest.mark.browser, pytest.mark.slow]

#: Every text drawn in the levels chart (axis labels, title) and whether it lies inside the
#: figure's own box: [text, left, right, top, bottom, inside].
LABELS_INSIDE = """
(root) => {
  const svg = root.querySelector('.main-svg');
  const box = svg.getBoundingClientRect();
  return [...root.querySelectorAll('text')]
    .filter((t) => t.textContent.trim())
    .map((t) => {
      const r = t.getBoundingClientRect();
      const inside = r.left >= box.left - 0.5 && r.right <= box.right + 0.5
        && r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5;
      return [t.textContent, r.left, r.right, r.top, r.bottom, inside];
    });
}
"""


def _seed_search(home: Path) -> None:
    """A store whose one scenario has searched the BLS data for accountants (in dollars)."""
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    from app_pages.store import Store

    with Store.open(home) as store:
        store.create_scenario(
            "Graduate",
            {
                "numbers.currency": "USD",
                "numbers.market_source": "market",
                "numbers.occupation_query": "accountants auditors",
                "numbers.occupation_code": "13-2011",
            },
        )
        store.set_meta("autosave_imported", "1")


@pytest.fixture
def search_server(tmp_path) -> Iterator[AppServer]:
    _seed_search(tmp_path / "home")
    with AppServer(tmp_path / "home", log=tmp_path / "streamlit.log") as app:
        yield app


@pytest.mark.parametrize(("width", "height"), [(1400, 1000), (390, 844)])
def test_graduate_levels_and_a_chart_with_no_clipped_label(search_server, width, height):
    executable = chromium_executable()
    from playwright.sync_api import expect, sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    requested: list[str] = []
    with sync_playwright() as playwright, chromium(playwright, executable) as browser:
        page = new_page(browser, requested, width=width, height=height)
        with artifacts_on_failure(page, f"graduate-{width}"):
            goto(page, search_server.url)
            # working now, with no current pay yet: the page asks for it
            expect(page.get_by_text("still needed: your current pay").first).to_be_visible()
            with rerun(page):
                page.locator(
                    f'{key_selector("numbers.starting_point")} [data-testid="stRadioOption"]'
                ).filter(has_text=re.compile("^New graduate$")).click()
            # beginner levels from the BLS figures alone (hand-worked in test_app_numbers.py)
            expect(page.get_by_text("$61,153").first).to_be_visible()
            expect(page.get_by_text("$79,750 to $83,500").first).to_be_visible()
            assert page.locator(f"{key_selector('numbers.current_salary')}").count() == 0
            chart = page.locator(f"{key_selector('chart_bands')} .js-plotly-plot")
            chart.locator(".main-svg").first.wait_for()
            chart.scroll_into_view_if_needed()
            labels = chart.evaluate(LABELS_INSIDE)
            shown = [label[0] for label in labels]
            for expected in ("Bottom line", "$56,020", "Range to quote", "$79,750 to $83,500"):
                assert any(expected in text for text in shown), (expected, shown)
            clipped = [label for label in labels if not label[5]]
            assert not clipped, clipped
            chart.screenshot(path=str(ARTIFACTS / f"levels-chart-{width}.png"))
            screenshot(page, ARTIFACTS / f"numbers-graduate-{width}.png")
            assert page.locator('[data-testid="stException"]').count() == 0
    assert not foreign_requests(requested, search_server.host)
