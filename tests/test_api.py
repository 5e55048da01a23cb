"""The public API: everything each core module exports is importable from ``calculator``,
and importing the core pulls in neither Streamlit, pandas, Plotly nor icalendar."""

from __future__ import annotations

import importlib
import pkgutil
import subprocess
import sys
from pathlib import Path

import calculator

# The app's input models and scenario files live in app_pages/, never in the core.
APP_PLUMBING: set[str] = set()


def test_every_module_export_is_re_exported():
    missing = []
    for info in pkgutil.iter_modules(calculator.__path__):
        if info.name.startswith("_") or info.name in APP_PLUMBING:
            continue
        module = importlib.import_module(f"calculator.{info.name}")
        for name in getattr(module, "__all__", ()):
            if name not in calculator.__all__ or getattr(calculator, name) is not getattr(
                module, name
            ):
                missing.append(f"{info.name}.{name}")
    assert not missing, missing


def test_import_is_light():
    code = (
        "import sys, calculator; "
        "print(','.join(m for m in ('streamlit', 'pandas', 'plotly', 'icalendar') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_no_streamlit_in_the_core():
    for info in pkgutil.iter_modules(calculator.__path__):
        source = Path(importlib.util.find_spec(f"calculator.{info.name}").origin).read_text()
        assert "import streamlit" not in source, info.name
        assert "from streamlit" not in source, info.name


def test_the_core_holds_no_ui_field_registry():
    names = {info.name for info in pkgutil.iter_modules(calculator.__path__)}
    assert "scenario" not in names
    for info in pkgutil.iter_modules(calculator.__path__):
        source = Path(importlib.util.find_spec(f"calculator.{info.name}").origin).read_text()
        assert "offer_a." not in source, info.name
        assert "_pct" not in source, info.name
