"""Shared helpers for the headless-Chromium tests and the browser benchmark.

- :class:`AppServer` runs ``streamlit run <script>`` on a free loopback port with its own data
  folder (``OFFER_COMPASS_HOME``), and can be stopped and started again on the same folder.
- :func:`chromium_executable` finds Debian's chromium: a test is skipped without it locally and
  fails in CI (the ``CI`` variable is set), so a missing browser cannot hide a broken app.
- :func:`new_page` opens a page that records every request and watches Streamlit's script state.
- :func:`rerun` / :func:`wait_idle`: Playwright waits for the end of a Streamlit rerun, never a
  fixed sleep.

How the end of a rerun is seen: the server opens every script run with a ``new_session``
message and closes it with ``script_finished``; an init script (:data:`WATCH_SCRIPT`) counts
both as they arrive on the app's WebSocket. A rerun is over when a run finished after the action
(not one stopped early for another rerun), no run has begun since, the root element
(``[data-testid="stApp"]``) says ``data-test-script-state="notRunning"`` and connected, and no
status widget (``[data-testid="stStatusWidget"]``) is shown; then the browser is idle once two
animation frames have passed and an idle callback has run (React has drawn the result). Neither
the status widget nor the script-state attribute alone can be the signal: the widget only
appears once a run has lasted 500 ms, and a quick run's "running" state can be merged away by
React before it ever reaches the page.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

REPO = Path(__file__).resolve().parent.parent
ARTIFACTS = REPO / "test-artifacts"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
#: Every Playwright wait in the browser tests (a shared 2-core machine can be slow).
TIMEOUT_MS = 60_000

#: Counts Streamlit script runs as the server reports them: ``window.__ocRuns`` = {started,
#: finished, open, last, startedAt, finishedAt}. A run begins with a ``new_session`` ForwardMsg
#: (field 4) and normally ends with ``script_finished`` (field 6, a varint status, kept in
#: ``last``; 2 = stopped early because another run was asked for, which is not "finished"). A run
#: replaced by a new script runner may never report its end, so what counts is whether the last
#: of these two messages was a finish (``open`` is false). Only the top-level protobuf fields of
#: each WebSocket message are read; the app is not touched.
WATCH_SCRIPT = """
(() => {
  if (window.__ocRuns) return;
  const runs = {
    started: 0, finished: 0, open: false, last: null, startedAt: 0, finishedAt: 0,
  };
  window.__ocRuns = runs;
  const inspect = (buffer) => {
    const bytes = new Uint8Array(buffer);
    let at = 0;
    const varint = () => {
      let value = 0, scale = 1, byte;
      do {
        byte = bytes[at++];
        value += (byte & 0x7f) * scale;
        scale *= 128;
      } while (byte & 0x80 && at < bytes.length);
      return value;
    };
    while (at < bytes.length) {
      const key = varint(), field = Math.floor(key / 8), wire = key & 7;
      if (wire === 0) {
        const value = varint();
        if (field === 6) {
          runs.open = false;
          runs.last = value;
          if (value !== 2) {
            runs.finished += 1;
            runs.finishedAt = performance.now();
          }
        }
      } else if (wire === 2) {
        const length = varint();
        if (field === 4) {
          runs.open = true;
          runs.started += 1;
          runs.startedAt = performance.now();
        }
        at += length;
      } else if (wire === 1) {
        at += 8;
      } else if (wire === 5) {
        at += 4;
      } else {
        return;
      }
    }
  };
  const Native = window.WebSocket;
  class Watched extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (event) => {
        if (event.data instanceof ArrayBuffer) inspect(event.data);
        else if (event.data instanceof Blob) event.data.arrayBuffer().then(inspect);
      });
    }
  }
  window.WebSocket = Watched;
})();
"""

#: True when the last run has finished and nothing is running or queued.
_SETTLED = """
(finishedBefore) => {
  const runs = window.__ocRuns;
  const app = document.querySelector('[data-testid="stApp"]');
  return !!runs && !!app && runs.finished > finishedBefore
    && !runs.open && runs.last !== 2
    && app.getAttribute('data-test-script-state') === 'notRunning'
    && app.getAttribute('data-test-connection-state') === 'CONNECTED'
    && !document.querySelector('[data-testid="stStatusWidget"]');
}
"""

#: Resolves after two animation frames and an idle period: the browser has drawn the result.
BROWSER_IDLE = """
() => new Promise((resolve) => {
  requestAnimationFrame(() => requestAnimationFrame(() => {
    if (window.requestIdleCallback) {
      requestIdleCallback(() => resolve(performance.now()), {timeout: 5000});
    } else {
      setTimeout(() => resolve(performance.now()), 0);
    }
  }));
})
"""


def chromium_executable() -> str:
    """Debian's chromium, with Playwright importable; skip locally, fail in CI, without."""
    import pytest

    path = shutil.which("chromium")
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed, and CI must run the browser tests")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        if os.environ.get("CI"):
            pytest.fail("playwright is not installed, and CI must run the browser tests")
        pytest.skip("playwright is not installed")
    return path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def seed_example(home: Path, name: str = "Example") -> None:
    """Create a store in ``home`` holding the worked example as its only scenario (as if the
    user had loaded it), so the first page already has results."""
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    from app_pages.models import flatten
    from app_pages.scenario_file import example_scenario
    from app_pages.store import Store

    with Store.open(home) as store:
        store.create_scenario(name, flatten(example_scenario().model_dump(mode="json")))
        store.set_meta("autosave_imported", "1")


class _ExitedError(RuntimeError):
    """The server process ended before it answered its health check."""


class AppServer:
    """``streamlit run <script>`` on a loopback port with ``home`` as its data folder."""

    def __init__(
        self,
        home: Path,
        *,
        script: str = "app.py",
        port: int | None = None,
        log: Path | None = None,
    ) -> None:
        self.home = home
        self.script = script
        self.port = port or free_port()
        self.fixed_port = port is not None
        self.log = log
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def host(self) -> str:
        return urlparse(self.url).netloc

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    def start(self, timeout_s: float = 60.0) -> AppServer:
        """Start the server and wait until its health check answers (on a port picked here,
        a server that exits at once, e.g. because another process took the port in between,
        is started again on a new port, up to three times)."""
        for attempt in range(3):
            try:
                return self._start(timeout_s)
            except _ExitedError:
                if self.fixed_port or attempt == 2:
                    raise
                self.port = free_port()
        raise AssertionError("unreachable")

    def _start(self, timeout_s: float) -> AppServer:
        env = {**os.environ, "OFFER_COMPASS_HOME": str(self.home)}
        output: Any = subprocess.DEVNULL
        if self.log is not None:
            output = self.log.open("ab")
        try:
            self.process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "streamlit",
                    "run",
                    self.script,
                    "--server.port",
                    str(self.port),
                    "--server.address",
                    "127.0.0.1",
                    "--server.headless",
                    "true",
                ],
                cwd=REPO,
                env=env,
                stdout=output,
                stderr=subprocess.STDOUT,
            )
        finally:
            if output is not subprocess.DEVNULL:
                output.close()
        deadline = time.monotonic() + timeout_s
        while True:
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2):
                    return self
            except OSError:
                if self.process.poll() is not None:
                    self.stop()
                    raise _ExitedError(
                        f"{self.script} exited at start" + self._log_tail()
                    ) from None
                if time.monotonic() > deadline:
                    self.stop()
                    raise RuntimeError(
                        f"{self.script} did not start within {timeout_s:g} s" + self._log_tail()
                    ) from None
                time.sleep(0.1)  # polling a process that is starting, not page synchronisation

    def stop(self) -> None:
        """Stop the server (SIGTERM, then SIGKILL after 20 s)."""
        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=20)

    def _log_tail(self) -> str:
        if self.log is None or not self.log.exists():
            return ""
        return "\n" + self.log.read_text(errors="replace")[-3000:]

    def __enter__(self) -> AppServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


@contextlib.contextmanager
def chromium(playwright: Any, executable: str | None = None) -> Iterator[Any]:
    """A headless Debian chromium (Playwright cannot download its own browsers here)."""
    browser = playwright.chromium.launch(
        executable_path=executable or shutil.which("chromium"), args=CHROMIUM_ARGS
    )
    try:
        yield browser
    finally:
        browser.close()


def new_page(
    browser: Any,
    requested: list[str] | None = None,
    *,
    width: int = 1400,
    height: int = 1000,
    **context_options: Any,
) -> Any:
    """A page in a new browser context (its own Streamlit session), watching script runs;
    every request URL of the context is appended to ``requested``."""
    from playwright.sync_api import expect

    expect.set_options(timeout=TIMEOUT_MS)
    context = browser.new_context(viewport={"width": width, "height": height}, **context_options)
    context.set_default_timeout(TIMEOUT_MS)
    context.add_init_script(WATCH_SCRIPT)
    if requested is not None:
        context.on("request", lambda request: requested.append(request.url))
    return context.new_page()


def finished_runs(page: Any) -> int:
    """How many Streamlit runs this page has seen finish (since it was last loaded)."""
    return int(page.evaluate("() => (window.__ocRuns ? window.__ocRuns.finished : 0)"))


def wait_settled(page: Any, finished_before: int = 0, timeout: float = TIMEOUT_MS) -> None:
    """Wait until a run after ``finished_before`` has finished and nothing runs now."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        page.wait_for_function(_SETTLED, arg=finished_before, timeout=timeout, polling="raf")
    except PlaywrightTimeout as err:
        seen = page.evaluate(
            """() => {
              const app = document.querySelector('[data-testid="stApp"]');
              return {runs: window.__ocRuns,
                      state: app && app.getAttribute('data-test-script-state'),
                      connection: app && app.getAttribute('data-test-connection-state'),
                      statusWidget: !!document.querySelector('[data-testid="stStatusWidget"]')};
            }"""
        )
        raise AssertionError(
            f"no finished rerun after run {finished_before} within {timeout / 1000:g} s: {seen}"
        ) from err


def browser_idle(page: Any) -> float:
    """Wait for two animation frames and an idle callback; the page's clock then (ms)."""
    return float(page.evaluate(BROWSER_IDLE))


def wait_idle(page: Any, finished_before: int = 0) -> None:
    """Wait for the end of a rerun (see the module docstring), then for the browser to idle."""
    wait_settled(page, finished_before)
    browser_idle(page)


@contextlib.contextmanager
def rerun(page: Any) -> Iterator[None]:
    """Wait, after the block, for the rerun the block caused to finish and the page to idle."""
    before = finished_runs(page)
    yield
    wait_idle(page, before)


def goto(page: Any, url: str) -> None:
    """Open ``url`` and wait for the app's first run to finish."""
    page.goto(url, wait_until="domcontentloaded")
    wait_idle(page)


def reload(page: Any) -> None:
    """Reload the page and wait for the app's first run to finish."""
    page.reload(wait_until="domcontentloaded")
    wait_idle(page)


def open_page(page: Any, title: str) -> None:
    """Switch page with the sidebar's navigation link and wait for the run to finish."""
    with rerun(page):
        page.get_by_role("link", name=title, exact=True).click()


def key_selector(path: str) -> str:
    """The CSS class Streamlit gives the element of the widget keyed ``path``."""
    import re

    return ".st-key-" + re.sub(r"[^a-zA-Z0-9_-]", "-", path.strip())


def set_input(page: Any, path: str, value: str, *, submit: str = "Enter") -> None:
    """Type ``value`` into the text or number box keyed ``path`` and submit it (a rerun)."""
    from playwright.sync_api import expect

    box = page.locator(f"{key_selector(path)} input")
    box.click()
    box.fill(value)
    expect(box).to_have_value(value)  # not cut short by the box's length limit
    with rerun(page):
        box.press(submit)


def screenshot(page: Any, path: Path, *, max_height: int = 12_000) -> None:
    """A picture of the whole page: Streamlit scrolls inside its main area, not the document,
    so the viewport is made as tall as that area for the shot, then put back."""
    size = page.viewport_size
    height = page.evaluate(
        """() => {
          const main = document.querySelector('[data-testid="stMain"]');
          return Math.max(main ? main.scrollHeight : 0, document.documentElement.scrollHeight);
        }"""
    )
    page.set_viewport_size({"width": size["width"], "height": min(int(height), max_height)})
    try:
        browser_idle(page)
        page.screenshot(path=str(path))
    finally:
        page.set_viewport_size(size)
        browser_idle(page)


@contextlib.contextmanager
def artifacts_on_failure(page: Any, name: str) -> Iterator[None]:
    """If the block fails, keep a screenshot and the page's text in test-artifacts/."""
    try:
        yield
    except BaseException:
        with contextlib.suppress(Exception):
            ARTIFACTS.mkdir(exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / f"failed-{name}.png"))
            text = page.evaluate("() => document.body.innerText")
            (ARTIFACTS / f"failed-{name}.txt").write_text(f"{page.url}\n\n{text}")
        raise


def foreign_requests(requested: list[str], host: str) -> list[str]:
    """Requests to any host other than the app's own (data: and blob: URLs are local)."""
    return [
        url
        for url in requested
        if not url.startswith(("data:", "blob:", "about:")) and urlparse(url).netloc != host
    ]


#: True once every chart on the page is drawn: Plotly's (its SVG) and ECharts' (its canvas:
#: Compare draws bar and line charts with ECharts), and no ECharts chart shows an error.
CHARTS_DRAWN = """
(least) => document.querySelectorAll(
        '[data-testid="stPlotlyChart"], [data-testid="stEChartsChart"]').length >= least
    && [...document.querySelectorAll('[data-testid="stPlotlyChart"]')]
        .every((chart) => chart.querySelector('.main-svg'))
    && [...document.querySelectorAll('[data-testid="stEChartsChart"]')]
        .every((chart) => chart.querySelector('canvas'))
    && !document.querySelector('[data-testid="stEChartsChartError"]')
"""
CHARTS = '[data-testid="stPlotlyChart"], [data-testid="stEChartsChart"]'


def wait_charts(page: Any, at_least: int = 0) -> int:
    """Wait until the page has ``at_least`` charts and every one is drawn (:data:`CHARTS_DRAWN`;
    a chart's code loads after the rerun that adds it); how many there are."""
    page.wait_for_function(CHARTS_DRAWN, arg=at_least)
    return int(page.locator(CHARTS).count())
