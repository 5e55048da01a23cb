"""End to end in headless Chromium: example, edits, charts, refresh, .ics download, privacy.

Starts `streamlit run app.py` on a free loopback port with an empty data directory and drives
Debian's chromium through Playwright's sync API. Skipped locally when chromium is missing;
fails in CI (the CI variable is set) so a missing browser cannot hide a broken app.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest

REPO = Path(__file__).resolve().parent.parent
ARTIFACTS = REPO / "test-artifacts"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
TIMEOUT_MS = 60_000

pytestmark = [pytest.mark.browser, pytest.mark.slow]
# The first chart on the Compare page is the year-one components chart: its base-salary bars.
FIRST_CHART_BASES = "document.querySelector('.js-plotly-plot').data[0].y.join(',')"


def _chromium() -> str:
    path = shutil.which("chromium")
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed, and CI must run the browser test")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        if os.environ.get("CI"):
            pytest.fail("playwright is not installed, and CI must run the browser test")
        pytest.skip("playwright is not installed")
    return path


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[str]:
    home = tmp_path_factory.mktemp("offer-compass-home")
    port = _free_port()
    env = {**os.environ, "OFFER_COMPASS_HOME": str(home)}
    log = (tmp_path_factory.mktemp("log") / "streamlit.log").open("w")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "app.py",
            "--server.port",
            str(port),
            "--server.headless",
            "true",
        ],
        cwd=REPO,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2):
                    break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    pytest.fail("the app did not start within 60 s")
                time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


def _wait_idle(page) -> None:
    """Wait until Streamlit has finished the current rerun."""
    page.wait_for_timeout(300)
    page.locator('[data-testid="stStatusWidget"]').wait_for(state="hidden", timeout=TIMEOUT_MS)


def _set_number(page, label: str, value: str, *, nth: int = 0) -> None:
    box = page.get_by_label(label, exact=True).nth(nth)
    box.click()
    box.fill(value)
    box.press("Enter")
    _wait_idle(page)


def test_example_edit_refresh_download_and_privacy(server):
    chromium = _chromium()
    from playwright.sync_api import expect, sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    host = urlparse(server).netloc
    requested: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport={"width": 1400, "height": 1000})
            page = context.new_page()
            page.on("request", lambda request: requested.append(request.url))
            page.set_default_timeout(TIMEOUT_MS)

            # 1. Load the example on Your numbers.
            page.goto(server, wait_until="domcontentloaded")
            page.get_by_role("button", name="Load an example").click()
            expect(page.get_by_text("£55,800").first).to_be_visible()

            # 2. Compare page: the charts are drawn; changing a field updates them.
            page.get_by_role("link", name="Compare offers").click()
            expect(page.get_by_role("heading", name="Compare offers")).to_be_visible()
            charts = page.locator(".js-plotly-plot")
            charts.first.wait_for()
            assert charts.count() >= 4
            assert page.evaluate(f"() => {FIRST_CHART_BASES}") == "68000,62000"
            _set_number(page, "Base salary", "90000", nth=0)
            # the chart's own data changes, not just the page's text
            page.wait_for_function(f"() => {FIRST_CHART_BASES} === '90000,62000'")
            expect(page.get_by_text("£90,000").first).to_be_visible()
            page.wait_for_timeout(1000)
            page.screenshot(path=str(ARTIFACTS / "compare.png"))

            # 3. A browser refresh keeps every value (the autosave file).
            page.reload(wait_until="domcontentloaded")
            # wait for the page to be drawn again before reading the inputs back
            page.locator(".js-plotly-plot").first.wait_for()
            expect(page.locator('input[aria-label="Base salary"]').first).to_have_value(
                re.compile(r"^90,?000"), timeout=TIMEOUT_MS
            )
            expect(page.get_by_role("textbox", name="Employer or offer name").first).to_have_value(
                "London fintech"
            )

            # 4. Next steps: the plan and the .ics download.
            page.get_by_role("link", name="Next steps").click()
            expect(page.get_by_role("heading", name="Next steps")).to_be_visible()
            button = page.get_by_role("button", name=re.compile("calendar", re.IGNORECASE))
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
            page.get_by_role("link", name="Your numbers").click()
            expect(page.get_by_text("£55,800").first).to_be_visible()
        finally:
            browser.close()

    # 5. Privacy: every request went to the app itself.
    foreign = [url for url in requested if urlparse(url).netloc not in (host, "")]
    foreign = [url for url in foreign if not url.startswith(("data:", "blob:"))]
    assert not foreign, foreign
    assert requested, "the request listener saw nothing"
