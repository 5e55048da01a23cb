"""The app in headless Chromium: cold start, peak memory, and edit-to-idle on the Compare page.

**Cold start to first chart**: ``streamlit run app.py`` on a free loopback port with a data
folder already holding the example (a scenario in the store, seeded as bench/bench_app.py does),
timed from process start until the Compare page's first chart is drawn (its canvas: Compare
draws its bar and line charts with ECharts).

**Peak memory**: the server process's VmHWM (Linux high-water mark of resident memory), read
from /proc once the page has rendered.

**Edit to idle**: two servers, each with its own seeded data folder: ``app.py`` (Compare page,
example loaded) and ``bench/bare_compare_page.py`` (the same widgets, sidebar and state layer with
no results). In each, offer A's base salary is changed again and again (a new value typed, then
Enter) and each edit is timed in the page's own clock, from the Enter keydown until the app is
idle. "Idle" means, in this order (tests/browser_util.py implements it):

1. the server has reported the end of the rerun the edit caused: a ``script_finished``
   ForwardMsg (not "stopped early for another rerun") arrived on the WebSocket after the key,
   and no new run has begun since;
2. the page agrees: ``[data-testid="stApp"]`` has ``data-test-script-state="notRunning"`` and
   is connected, and Streamlit's status widget (``[data-testid="stStatusWidget"]``) is not
   shown. The widget only appears once a run has lasted 500 ms, so a quick rerun never shows
   it; "appeared and gone again" cannot be required, only "gone" (how often it appeared is
   reported as "status widget shown, compare (%)");
3. the browser has drawn the result: two ``requestAnimationFrame`` callbacks, then a
   ``requestIdleCallback`` (the main thread had nothing left to do). Its time is the end.

Conditions 1-2 are checked once per animation frame, so a figure is quantised to about one
frame (16.7 ms). Two warm-up edits per page, then the measured edits alternate between the two
pages, so machine noise falls on both alike; medians are reported, with the median parts of
the compare figure (key to run start, the run as seen by the browser, run end to idle).
"""

from __future__ import annotations

import json
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
for _path in (REPO, REPO / "tests"):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

from browser_util import (  # noqa: E402
    CHROMIUM_ARGS,
    WATCH_SCRIPT,
    AppServer,
    finished_runs,
    goto,
    key_selector,
    seed_example,
)

#: A chart drawn: ECharts' canvas or Plotly's SVG.
FIRST_CHART = '[data-testid="stEChartsChart"] canvas, [data-testid="stPlotlyChart"] .main-svg'

#: Records when Enter went down (capture phase, before Streamlit sees it).
KEY_SCRIPT = """
window.addEventListener('keydown', (event) => {
  if (event.key === 'Enter') window.__ocKeyAt = performance.now();
}, true);
"""

#: Resolves with the page's clock when the app is idle after the run ``before`` (see above).
EDIT_TO_IDLE = """
(before) => new Promise((resolve) => {
  let widget = false;
  const settled = () => {
    const runs = window.__ocRuns;
    const app = document.querySelector('[data-testid="stApp"]');
    const shown = !!document.querySelector('[data-testid="stStatusWidget"]');
    widget = widget || shown;
    return !!runs && !!app && runs.finished > before && !runs.open && runs.last !== 2
      && app.getAttribute('data-test-script-state') === 'notRunning'
      && app.getAttribute('data-test-connection-state') === 'CONNECTED' && !shown;
  };
  const check = () => {
    if (!settled()) {
      requestAnimationFrame(check);
      return;
    }
    requestAnimationFrame(() => requestAnimationFrame(() => {
      requestIdleCallback(() => resolve({
        idle: performance.now(),
        key: window.__ocKeyAt,
        started: window.__ocRuns.startedAt,
        finished: window.__ocRuns.finishedAt,
        widget,
      }), {timeout: 5000});
    }));
  };
  check();
})
"""


def _peak_rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _one_cold_start(playwright: Any) -> tuple[float, float]:
    home = Path(tempfile.mkdtemp(prefix="offer-compass-bench-"))
    try:
        seed_example(home)
        start = time.perf_counter()
        with AppServer(home) as server:
            browser = playwright.chromium.launch(
                executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS
            )
            try:
                page = browser.new_page(viewport={"width": 1400, "height": 1000})
                page.goto(f"{server.url}/compare", wait_until="domcontentloaded")
                page.locator(FIRST_CHART).first.wait_for(timeout=60_000)
                elapsed = time.perf_counter() - start
                peak = _peak_rss_mib(server.pid)
            finally:
                browser.close()
    finally:
        shutil.rmtree(home, ignore_errors=True)
    return elapsed, peak


@contextmanager
def _edit_page(browser: Any, script: str, path: str) -> Iterator[tuple[Any, AppServer]]:
    """A server for ``script`` on its own seeded data folder, and a page open at ``path``."""
    home = Path(tempfile.mkdtemp(prefix="offer-compass-bench-edit-"))
    try:
        seed_example(home)
        with AppServer(home, script=script) as server:
            context = browser.new_context(viewport={"width": 1400, "height": 1000})
            context.set_default_timeout(60_000)
            context.add_init_script(WATCH_SCRIPT)
            context.add_init_script(KEY_SCRIPT)
            page = context.new_page()
            goto(page, f"{server.url}{path}")
            page.locator(f"{key_selector('offers.0.base_salary')} input").wait_for()
            try:
                yield page, server
            finally:
                context.close()
    finally:
        shutil.rmtree(home, ignore_errors=True)


def _edit(page: Any, salary: int) -> dict[str, float]:
    """Type a new base salary for offer A, press Enter, wait for idle; the timings (ms)."""
    box = page.locator(f"{key_selector('offers.0.base_salary')} input")
    box.fill(str(salary))
    before = finished_runs(page)
    box.press("Enter")
    seen = page.evaluate(EDIT_TO_IDLE, before)
    if page.locator(f"{key_selector('offers.0.base_salary')} input").input_value() != str(salary):
        raise RuntimeError("the edit did not stick")
    return {
        "total": seen["idle"] - seen["key"],
        "to_start": seen["started"] - seen["key"],
        "run": seen["finished"] - seen["started"],
        "to_idle": seen["idle"] - seen["finished"],
        "widget": 100.0 if seen["widget"] else 0.0,
    }


def _edits(playwright: Any, measured: int) -> dict[str, float]:
    browser = playwright.chromium.launch(
        executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS
    )
    salaries = iter(range(60_000, 200_000, 250))
    samples: dict[str, list[dict[str, float]]] = {"compare": [], "bare": []}
    try:
        with (
            _edit_page(browser, "app.py", "/compare") as (compare, _),
            _edit_page(browser, "bench/bare_compare_page.py", "/") as (bare, _),
        ):
            pages = {"compare": compare, "bare": bare}
            for _ in range(2):  # warm-up: caches, first figures, JIT
                for page in pages.values():
                    _edit(page, next(salaries))
            for _ in range(measured):
                for name, page in pages.items():
                    samples[name].append(_edit(page, next(salaries)))
    finally:
        browser.close()

    def median(name: str, part: str) -> float:
        return statistics.median(sample[part] for sample in samples[name])

    compare_ms, bare_ms = median("compare", "total"), median("bare", "total")
    return {
        "edit to idle, compare (ms)": compare_ms,
        "edit to idle, bare (ms)": bare_ms,
        "edit to idle, compare / bare": compare_ms / bare_ms,
        "compare: key to run start (ms)": median("compare", "to_start"),
        "compare: run, as the browser sees it (ms)": median("compare", "run"),
        "compare: run end to idle (ms)": median("compare", "to_idle"),
        "bare: run, as the browser sees it (ms)": median("bare", "run"),
        "bare: run end to idle (ms)": median("bare", "to_idle"),
        "status widget shown, compare (%)": statistics.mean(
            sample["widget"] for sample in samples["compare"]
        ),
        "edits measured per page": float(measured),
    }


def run(quick: bool = False) -> dict[str, float]:
    if shutil.which("chromium") is None:
        raise SystemExit("chromium is not installed (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    repeat = 1 if quick else 5
    starts, peaks = [], []
    with sync_playwright() as playwright:
        for _ in range(repeat):
            elapsed, peak = _one_cold_start(playwright)
            starts.append(elapsed)
            peaks.append(peak)
        edits = _edits(playwright, measured=5 if quick else 15)
    return {
        "cold start to first chart (s)": statistics.median(starts),
        "app peak memory (MiB)": max(peaks),
        **edits,
    }


if __name__ == "__main__":
    print(json.dumps(run(quick="--quick" in sys.argv), indent=2))
