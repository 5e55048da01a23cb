"""Two tabs on one data folder, as a person with two windows open, in headless Chromium.

Each tab is its own browser context (its own Streamlit session) on the same server and store.
A stale tab that only switches pages reverts nothing; the later of two edits to one field is
kept and the other tab is told; a long message survives a server restart.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from browser_util import (
    AppServer,
    artifacts_on_failure,
    chromium,
    chromium_executable,
    goto,
    key_selector,
    new_page,
    open_page,
    reload,
    rerun,
    seed_example,
    set_input,
)

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHANGED_ELSEWHERE = re.compile(r"Base salary was changed in another tab or window\.")


@pytest.fixture
def server(tmp_path) -> Iterator[AppServer]:
    """The app on a data folder holding the example."""
    seed_example(tmp_path / "home")
    with AppServer(tmp_path / "home", log=tmp_path / "streamlit.log") as app:
        yield app


def _value(page: Any, path: str) -> Any:
    return page.locator(f"{key_selector(path)} input")


def test_a_stale_tab_switching_pages_reverts_nothing(server):
    executable = chromium_executable()
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as playwright, chromium(playwright, executable) as browser:
        one, two = new_page(browser), new_page(browser)
        with artifacts_on_failure(one, "tabs-stale-1"), artifacts_on_failure(two, "tabs-stale-2"):
            # Tab 1 loads the example first, then tab 2 opens Compare (both see the example).
            goto(one, server.url)
            with rerun(one):
                one.get_by_role("button", name="Load an example").click()
            open_page(one, "Compare offers")
            goto(two, f"{server.url}/compare")
            expect(_value(two, "offers.0.base_salary")).to_have_value("68000")

            set_input(one, "offers.0.base_salary", "71000")
            # tab 2 has not rerun since: it still shows 68000, and edits offer B's name
            expect(_value(two, "offers.0.base_salary")).to_have_value("68000")
            set_input(two, "offers.1.name", "Northwind")
            open_page(two, "Your numbers")
            open_page(two, "Compare offers")

            for page in (one, two):
                reload(page)
                expect(_value(page, "offers.0.base_salary")).to_have_value("71000")
                expect(_value(page, "offers.1.name")).to_have_value("Northwind")
                expect(_value(page, "offers.0.name")).to_have_value("London fintech")
                expect(page.get_by_text("Northwind: year one")).to_be_visible()


def test_the_later_edit_of_one_field_wins_and_the_other_tab_is_told(server):
    executable = chromium_executable()
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as playwright, chromium(playwright, executable) as browser:
        one, two = new_page(browser), new_page(browser)
        with artifacts_on_failure(one, "tabs-same-1"), artifacts_on_failure(two, "tabs-same-2"):
            goto(one, f"{server.url}/compare")
            goto(two, f"{server.url}/compare")

            set_input(one, "offers.0.base_salary", "72000")
            set_input(two, "offers.0.base_salary", "73000")
            # tab 2's own notice about replacing tab 1's change may or may not show (timing)

            # tab 1's next run adopts tab 2's later value and says so
            open_page(one, "Your numbers")
            notice = one.locator('[data-testid="stAlert"]').filter(has_text=CHANGED_ELSEWHERE)
            expect(notice).to_be_visible()
            open_page(one, "Compare offers")
            expect(_value(one, "offers.0.base_salary")).to_have_value("73000")

            for page in (one, two):
                reload(page)
                expect(_value(page, "offers.0.base_salary")).to_have_value("73000")


def test_a_long_message_survives_a_server_restart(tmp_path):
    executable = chromium_executable()
    from playwright.sync_api import expect, sync_playwright

    home = tmp_path / "home"
    seed_example(home)
    note = "".join(f"{n:05d} Thank you for the talk today.".ljust(49) + "\n" for n in range(120))
    assert len(note) == 6_000
    server = AppServer(home, log=tmp_path / "streamlit.log").start()
    try:
        with sync_playwright() as playwright, chromium(playwright, executable) as browser:
            page = new_page(browser)
            with artifacts_on_failure(page, "tabs-restart"):
                goto(page, f"{server.url}/next-steps")
                box = _thank_you(page)
                box.fill(note)
                with rerun(page):
                    box.press("Control+Enter")
                expect(page.get_by_text("You edited this message").first).to_be_visible()

                # a new server process on the same port and data folder
                server.stop()
                server = AppServer(home, port=server.port, log=tmp_path / "streamlit.log")
                server.start()
                reload(page)
                box = _thank_you(page)
                expect(box).to_have_value(note)
                assert len(box.input_value()) == 6_000
    finally:
        server.stop()


def _thank_you(page: Any) -> Any:
    """The thank-you note's "Your version" box, its expander opened."""
    from playwright.sync_api import expect

    expander = (
        page.locator('[data-testid="stExpander"]:visible').filter(has_text="Thank-you note").first
    )
    details = expander.locator("details")
    if details.get_attribute("open") is None:
        expander.locator("summary").click()
    expect(details).to_have_attribute("open", "")
    return expander.get_by_role("textbox", name="Your version")
