"""Shared test configuration: hypothesis profiles and the path to ../shared."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# "dev" keeps local runs quick; "ci" (HYPOTHESIS_PROFILE=ci, set by .ci/run) generates more cases.
settings.register_profile("dev", max_examples=100, deadline=None)
settings.register_profile(
    "ci", max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"

APP = str(REPO / "app.py")
PAGES = {
    "numbers": "app_pages/numbers.py",
    "compare": "app_pages/compare.py",
    "next_steps": "app_pages/next_steps.py",
    "about": "app_pages/about.py",
}


def open_app(page: str | None = None):
    """A new AppTest session on the app (a new browser tab), run once, on ``page``."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    if page is not None and page != "numbers":
        at.switch_page(PAGES[page]).run()
    return at


def texts(at, *kinds: str) -> list[str]:
    """The text of every element of these kinds (error, warning, info, success, caption...),
    with Markdown escapes removed (the page shows them without the backslashes)."""
    import re

    found = [str(e.value) for kind in kinds for e in getattr(at, kind)]
    return [re.sub(r"\\(.)", r"\1", text) for text in found]


@pytest.fixture
def home(monkeypatch, tmp_path):
    """An empty data folder for the app (OFFER_COMPASS_HOME)."""
    monkeypatch.setenv("OFFER_COMPASS_HOME", str(tmp_path))
    return tmp_path
