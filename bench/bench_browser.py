"""Cold app start to the first rendered chart in headless Chromium, and the app's peak memory.

Starts `streamlit run app.py` on a free loopback port with an empty data directory, opens the
Compare page with the example loaded from a saved scenario, and times from process start until the
first Plotly chart is drawn. Peak memory is the server process's VmHWM (Linux high-water mark of
resident memory) read from /proc after the page has rendered every chart.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _peak_rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _seed_example(home: Path) -> None:
    """Save the example scenario where the app autoloads it, so the first page has charts."""
    from calculator.scenario import autosave_path, dump_scenario, example_scenario

    os.environ["OFFER_COMPASS_HOME"] = str(home)
    path = autosave_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dump_scenario(example_scenario()))


def _one_cold_start(playwright: object) -> tuple[float, float]:
    port = _free_port()
    home = Path(tempfile.mkdtemp(prefix="offer-compass-bench-"))
    _seed_example(home)
    env = {**os.environ, "OFFER_COMPASS_HOME": str(home)}
    start = time.perf_counter()
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port)],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1):
                    break
            except OSError:
                if time.perf_counter() - start > 60:
                    raise RuntimeError("app did not start in 60 s") from None
                time.sleep(0.05)
        browser = playwright.chromium.launch(  # type: ignore[attr-defined]
            executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS
        )
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(f"http://127.0.0.1:{port}/compare", wait_until="domcontentloaded")
            page.locator(".js-plotly-plot .main-svg").first.wait_for(timeout=60_000)
            elapsed = time.perf_counter() - start
            page.locator(".js-plotly-plot").last.wait_for(timeout=60_000)
            peak = _peak_rss_mib(server.pid)
        finally:
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=20)
        shutil.rmtree(home, ignore_errors=True)
    return elapsed, peak


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
    return {
        "cold start to first chart (s)": statistics.median(starts),
        "app peak memory (MiB)": max(peaks),
    }


if __name__ == "__main__":
    print(json.dumps(run(quick="--quick" in sys.argv), indent=2))
