"""Every Playwright wait in the browser tests uses the suite's timeout (browser_util.TIMEOUT_MS),
not Playwright's 5 s default: a loaded CI machine failed an ``expect`` at 5 s (issue 17)."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

from browser_util import TIMEOUT_MS, new_page
from playwright.sync_api import expect

TESTS = Path(__file__).resolve().parent


class _Context:
    def __init__(self) -> None:
        self.default_timeout: float | None = None

    def set_default_timeout(self, timeout: float) -> None:
        self.default_timeout = timeout

    def add_init_script(self, script: str) -> None:
        pass

    def on(self, event: str, handler: Any) -> None:
        pass

    def new_page(self) -> _Context:
        return self


class _Browser:
    def new_context(self, **options: Any) -> _Context:
        return _Context()


def test_new_page_sets_the_suite_timeout_for_pages_and_expect(monkeypatch):
    monkeypatch.setattr(expect, "_timeout", None)
    page = new_page(_Browser())
    assert page.default_timeout == TIMEOUT_MS
    assert expect._timeout == TIMEOUT_MS


def test_no_browser_test_passes_a_shorter_timeout_to_expect():
    """An assertion's own ``timeout=`` would override the suite's: none may be shorter."""
    short = []
    for path in [TESTS / "browser_util.py", *sorted(TESTS.glob("test_browser*.py"))]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            if not node.func.attr.startswith(("to_", "not_to_")):
                continue
            for keyword in node.keywords:
                value = keyword.value
                if keyword.arg == "timeout" and not (
                    isinstance(value, ast.Name) and value.id == "TIMEOUT_MS"
                ):
                    short.append(f"{path.name}:{node.lineno}")
    assert short == []
