"""The public API: everything each core module exports is importable from ``calculator``,
and importing the core pulls in neither Streamlit, pandas, Plotly nor icalendar."""

from __future__ import annotations

import importlib
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

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


def test_version_is_the_packages():
    import tomllib

    pyproject = tomllib.loads((Path(__file__).parent.parent / "pyproject.toml").read_text())
    assert calculator.__version__ == pyproject["project"]["version"]


def test_offer_takes_base_salary_by_keyword():
    assert calculator.Offer("A", base_salary=50_000).base_salary == 50_000
    monthly = calculator.Offer("B", base_salary=4_000, pay_period="month")
    assert monthly.base_salary == 48_000
    with pytest.raises(calculator.InputError, match="not both"):
        calculator.Offer("C", 1, base_salary=2)
