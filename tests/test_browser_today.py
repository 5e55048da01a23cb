"""In headless Chromium: the Next steps page opens on Today; add an application, see what is
overdue, mark it done, download one calendar for every application (issue 15).

Dates are relative to the real today (the server and the browser share the machine's clock).
Screenshots of each tab at desktop width and at 390 px go to test-artifacts/.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

import pytest
from browser_util import (
    ARTIFACTS,
    AppServer,
    artifacts_on_failure,
    chromium,
    chromium_executable,
    goto,
    key_selector,
    new_page,
    open_page,
    rerun,
    screenshot,
    seed_example,
    set_input,
)

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture
def server(tmp_path) -> Iterator[AppServer]:
    with AppServer(tmp_path / "home", log=tmp_path / "streamlit.log") as app:
        yield app


def _tab(page, name: str) -> None:
    page.get_by_role("tab", name=name).click()
    page.get_by_role("tab", name=name, selected=True).wait_for()


def _set_date(page, path: str, day: dt.date) -> None:
    """Type a date into the date box keyed ``path`` (its day, month and year segments)."""
    page.locator(key_selector(path)).get_by_role("spinbutton").first.click()
    page.keyboard.type(day.strftime("%d%m%Y"))
    with rerun(page):  # the box sends its value once focus leaves the widget
        page.get_by_role("heading", name="Next steps").click()


def test_add_an_application_mark_done_and_download_the_calendar(server):
    executable = chromium_executable()
    from icalendar import Calendar
    from playwright.sync_api import expect, sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    interview = dt.date.today() - dt.timedelta(days=3)  # the thank-you is two days late
    with sync_playwright() as playwright, chromium(playwright, executable) as browser:
        page = new_page(browser)
        with artifacts_on_failure(page, "today"):
            goto(page, server.url)
            open_page(page, "Next steps")
            expect(page.get_by_role("tab", name="Today", selected=True)).to_be_visible()
            expect(page.get_by_text("Add an application (the Applications tab)")).to_be_visible()

            _tab(page, "Applications")
            with rerun(page):
                page.get_by_role("button", name="Add an application").click()
            set_input(page, "next_steps.applications.0.company", "Acme <b>Ltd</b>")
            _set_date(page, "next_steps.applications.0.interview_date", interview)
            expect(page.get_by_text("Its plan")).to_be_visible()

            _tab(page, "Today")
            today = page.get_by_role("tabpanel", name="Today")
            items = today.get_by_role("button", name="Mark done")
            expect(items.first).to_be_visible()
            before = items.count()
            assert before >= 2  # the thank-you and the references, both late
            expect(today.get_by_text("Acme <b>Ltd</b>").first).to_be_visible()  # text, not markup
            expect(today.get_by_text(re.compile(r"Overdue by 2 days")).first).to_be_visible()
            with rerun(page):
                items.first.click()
            expect(items).to_have_count(before - 1)

            _tab(page, "Timeline and calendar")
            panel = page.get_by_role("tabpanel", name="Timeline and calendar")
            panel.locator(".js-plotly-plot .main-svg").first.wait_for()
            button = panel.get_by_role("button", name=re.compile("every application"))
            with page.expect_download() as info:
                button.click()
            download = info.value
            assert download.suggested_filename == "job-search.ics"
            saved = ARTIFACTS / "job-search.ics"
            download.save_as(saved)
            calendar = Calendar.from_ical(saved.read_bytes())
            events = [c for c in calendar.walk() if c.name == "VEVENT"]
            uids = [str(e["UID"]) for e in events]
            assert len(events) >= 6
            assert len(set(uids)) == len(uids)
            assert all(
                str(e["SUMMARY"]).split(": ")[0] in ("Acme <b>Ltd</b>", "Done") for e in events
            )
            assert all(uid.startswith("acme-b-ltd-b-") for uid in uids)
            assert sum(str(e["SUMMARY"]).startswith("Done: ") for e in events) == 1
            assert page.locator('[data-testid="stException"]').count() == 0


@pytest.mark.parametrize(("width", "height"), [(1400, 1000), (390, 844)])
def test_next_steps_screenshots(tmp_path, width, height):
    executable = chromium_executable()
    from playwright.sync_api import sync_playwright

    seed_example(tmp_path / "home")
    ARTIFACTS.mkdir(exist_ok=True)
    with (
        AppServer(tmp_path / "home", log=tmp_path / "streamlit.log") as server,
        sync_playwright() as playwright,
        chromium(playwright, executable) as browser,
    ):
        page = new_page(browser, width=width, height=height)
        with artifacts_on_failure(page, f"next-steps-{width}"):
            goto(page, f"{server.url}/next-steps")
            for tab in ("Today", "Applications", "Timeline and calendar"):
                _tab(page, tab)
                if tab == "Timeline and calendar":
                    page.locator(".js-plotly-plot .main-svg").first.wait_for()
                slug = tab.split()[0].lower()
                screenshot(page, ARTIFACTS / f"next-steps-{slug}-{width}.png")
                sideways = page.evaluate(
                    """() => {
                      const main = document.querySelector('[data-testid="stMain"]');
                      return [document.documentElement.scrollWidth - window.innerWidth,
                              main ? main.scrollWidth - main.clientWidth : 0];
                    }"""
                )
                assert max(sideways) <= 1, (tab, sideways)
            assert page.locator('[data-testid="stException"]').count() == 0
