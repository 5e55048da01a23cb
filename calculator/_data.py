"""Where the shipped data files live: inside the installed package, or ``data/`` in a checkout.

An installed wheel carries the data as ``calculator/data`` (pyproject.toml maps the repository's
top-level ``data/`` there) and it is found through :mod:`importlib.resources`. A source checkout
or an editable install has no ``calculator/data``: there the repository's ``data/`` is used.
``$OFFER_COMPASS_DATA``, when set, overrides both (tests and scripts use it for other tables).
"""

from __future__ import annotations

import atexit
import contextlib
import os
import tomllib
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

__all__ = ["data_dir", "load_toml"]

#: The folder name, both inside the installed package and at the top of the repository.
DATA_FOLDER = "data"
_open_files = contextlib.ExitStack()
atexit.register(_open_files.close)


@cache
def _packaged() -> Path | None:
    """The installed package's data folder as a real path, or None in a source checkout.

    ``importlib.resources.as_file`` hands back the folder itself for an ordinary install and
    unpacks it to a temporary folder (removed at exit) when the package is imported from a zip.
    """
    folder = resources.files(__package__ or "calculator").joinpath(DATA_FOLDER)
    if not folder.is_dir():
        return None
    return _open_files.enter_context(resources.as_file(folder))


def data_dir() -> Path:
    """The directory holding the shipped data files.

    Rule: ``$OFFER_COMPASS_DATA`` if set, else the installed package's ``calculator/data``,
    else ``data/`` beside the package in a checkout (see the module docstring).

    >>> (data_dir() / "defaults.toml").is_file()
    True
    """
    override = os.environ.get("OFFER_COMPASS_DATA")
    if override:
        return Path(override)
    return _packaged() or Path(__file__).resolve().parent.parent / DATA_FOLDER


@cache
def load_toml(name: str) -> dict[str, Any]:
    """Parse ``data/<name>`` once (TOML, so every figure can carry its source as a comment).

    >>> load_toml("defaults.toml")["holiday"]["working_days"] > 200
    True
    """
    with (data_dir() / name).open("rb") as handle:
        return tomllib.load(handle)
