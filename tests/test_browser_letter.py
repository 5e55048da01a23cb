"""In headless Chromium: upload a PDF offer letter on Compare, accept its figures and fill an
offer with them (issue 18). The letter is read in memory on the server, which asks nothing of
any other host; a screenshot of the read letter goes to test-artifacts/.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

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
    rerun,
    screenshot,
)

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PDF = Path(__file__).resolve().parent / "letters" / "uk_salaried_analyst.pdf"


@pytest.fixture
def server(tmp_path) -> Iterator[AppServer]:
    with AppServer(tmp_path / "home", log=tmp_path / "streamlit.log") as app:
        yield app


def test_a_pdf_letter_fills_an_offer(server):
    executable = chromium_executable()
    from playwright.sync_api import expect, sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    requested: list[str] = []
    with sync_playwright() as playwright, chromium(playwright, executable) as browser:
        page = new_page(browser, requested)
        goto(page, f"{server.url}/compare")
        with artifacts_on_failure(page, "letter-pdf"):
            page.locator('[data-testid="stExpander"] summary').filter(
                has_text="Read an offer letter"
            ).click()
            with rerun(page):
                page.locator(key_selector("_oc_letter_file")).locator(
                    'input[type="file"]'
                ).set_input_files(str(PDF))
            # the figure with the sentence it came from, ticked to be accepted
            salary = page.locator(key_selector("_oc_letter.take.base_salary"))
            expect(salary).to_contain_text("£46,500")
            quote = page.get_by_text(re.compile("starting salary will be £46,500")).first
            expect(quote).to_be_visible()
            screenshot(page, ARTIFACTS / "letter-pdf-1400.png")
            # the offer to fill: Streamlit's select box opens from the keyboard
            target = page.locator(key_selector("_oc_letter_target")).get_by_role("combobox")
            target.focus()
            page.keyboard.press("ArrowDown")
            expect(page.get_by_role("option", name="Offer B")).to_be_visible()
            page.keyboard.press("ArrowDown")
            with rerun(page):
                page.keyboard.press("Enter")
            expect(target).to_have_value("Offer B")
            with rerun(page):
                page.locator(key_selector("_oc_letter_fill")).get_by_role("button").click()
            box = page.locator(f"{key_selector('offers.1.base_salary')} input")
            expect(box).to_have_value(re.compile(r"^46,?500"))
            name = page.locator(f"{key_selector('offers.1.name')} input")
            expect(name).to_have_value("Harbour & Finch Ltd")
    assert not foreign_requests(requested, server.host)
