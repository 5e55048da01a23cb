"""Compare page rerun time with AppTest: the full page (example loaded, every chart) against a
bare page with the same widgets and no computation (bench/bare_compare_page.py).

Both read the example scenario from the store in a temporary OFFER_COMPASS_HOME. After a
warm-up run, each figure is the median time of a rerun; the ratio full / bare is the cost of
the comparison itself (target: at most 1.5).
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench._stats import median_seconds  # noqa: E402


def run(quick: bool = False) -> dict[str, float]:
    """Median rerun seconds of the full and bare Compare pages, and their ratio."""
    from streamlit.testing.v1 import AppTest

    from app_pages.models import flatten
    from app_pages.scenario_file import example_scenario
    from app_pages.store import Store

    repeat = 5 if quick else 25
    home = Path(tempfile.mkdtemp(prefix="offer-compass-bench-app-"))
    previous = os.environ.get("OFFER_COMPASS_HOME")
    os.environ["OFFER_COMPASS_HOME"] = str(home)
    try:
        values = flatten(example_scenario().model_dump(mode="json"))
        for folder in (home / "full", home / "bare"):
            with Store.open(folder) as store:
                store.create_scenario("Example", values)
                store.set_meta("autosave_imported", "1")
        # each page has its own store, so the two never sync with each other
        os.environ["OFFER_COMPASS_HOME"] = str(home / "full")
        full = AppTest.from_file(str(REPO / "app.py"), default_timeout=120)
        full.run()
        full.switch_page("app_pages/compare.py").run()
        if full.exception:
            raise SystemExit(f"the Compare page failed: {full.exception}")
        charts = len(full.get("plotly_chart")) + len(full.get("echarts_chart"))
        os.environ["OFFER_COMPASS_HOME"] = str(home / "bare")
        bare = AppTest.from_file(str(REPO / "bench" / "bare_compare_page.py"), default_timeout=120)
        bare.run()
        if bare.exception:
            raise SystemExit(f"the bare page failed: {bare.exception}")
        full_s = median_seconds(full.run, repeat=repeat)
        bare_s = median_seconds(bare.run, repeat=repeat)
        # A rerun after an input changes: the cached figures cannot be reused.
        salaries = iter(range(60_000, 60_000 + 1_000 * (2 * repeat + 4), 1_000))

        def edited(at: AppTest) -> Callable[[], None]:
            def run() -> None:
                at.number_input(key="offers.0.base_salary").set_value(next(salaries)).run()

            return run

        changed_s = median_seconds(edited(full), repeat=repeat)
        bare_changed_s = median_seconds(edited(bare), repeat=repeat)
    finally:
        if previous is None:
            os.environ.pop("OFFER_COMPASS_HOME", None)
        else:
            os.environ["OFFER_COMPASS_HOME"] = previous
        shutil.rmtree(home, ignore_errors=True)
    return {
        "compare page rerun (ms)": full_s * 1e3,
        "bare page rerun (ms)": bare_s * 1e3,
        "compare / bare": full_s / bare_s,
        "compare rerun after an input change (ms)": changed_s * 1e3,
        "bare rerun after an input change (ms)": bare_changed_s * 1e3,
        "after a change: compare / bare": changed_s / bare_changed_s,
        "charts on the compare page": float(charts),
    }


if __name__ == "__main__":
    print(json.dumps(run(quick="--quick" in sys.argv), indent=2))
