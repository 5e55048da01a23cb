"""Where the shipped data files live (``data/`` beside the package, or $OFFER_COMPASS_DATA)."""

from __future__ import annotations

import os
import tomllib
from functools import cache
from pathlib import Path
from typing import Any

__all__ = ["data_dir", "load_toml"]


def data_dir() -> Path:
    """The directory holding the shipped data files."""
    override = os.environ.get("OFFER_COMPASS_DATA")
    if override:
        return Path(override)
    return Path(__file__).resolve().parent.parent / "data"


@cache
def load_toml(name: str) -> dict[str, Any]:
    """Parse ``data/<name>`` once (TOML, so every figure can carry its source as a comment)."""
    with (data_dir() / name).open("rb") as handle:
        return tomllib.load(handle)
