"""Compare page rerun time with AppTest: the full page (example loaded, every chart) against a
bare page with the same widgets and no computation (bench/bare_compare_page.py).

Both read the example scenario from an autosave in a temporary OFFER_COMPASS_HOME. After a
warm-up run, each figure is the median time of a rerun; the ratio full / bare is the cost of
the comparison itself (target: at most 1.5).
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench._stats import median_seconds  # noqa: E402


def run(quick: bool = False) -> dict[str, float]:
    """Median rerun seconds of the full and bare Compare pages, and their ratio."""
    from streamlit.testing.v1 import AppTest

    from calculator.scenario import example_scenario, save_autosave

    repeat = 5 if quick else 25
    home = Path(tempfile.mkdtemp(prefix="offer-compass-bench-app-"))
    previous = os.environ.get("OFFER_COMPASS_HOME")
    os.environ["OFFER_COMPASS_HOME"] = str(home)
    try:
        save_autosave(example_scenario())
        full = AppTest.from_file(str(REPO / "app.py"), default_timeout=120)
        full.run()
        full.switch_page("app_pages/compare.py").run()
        if full.exception:
            raise SystemExit(f"the Compare page failed: {full.exception}")
        charts = len(full.get("plotly_chart"))
        bare = AppTest.from_file(str(REPO / "bench" / "bare_compare_page.py"), default_timeout=120)
        bare.run()
        if bare.exception:
            raise SystemExit(f"the bare page failed: {bare.exception}")
        full_s = median_seconds(full.run, repeat=repeat)
        bare_s = median_seconds(bare.run, repeat=repeat)
        # A rerun after an input changes: the cached figures cannot be reused.
        salaries = iter(range(60_000, 60_000 + 1_000 * (repeat + 2), 1_000))

        def edited() -> None:
            full.number_input(key="offer_a.base_salary").set_value(next(salaries)).run()

        changed_s = median_seconds(edited, repeat=repeat)
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
        "charts on the compare page": float(charts),
    }


if __name__ == "__main__":
    print(json.dumps(run(quick="--quick" in sys.argv), indent=2))
