"""The ``offer-compass`` command: start the app on this machine (127.0.0.1) and nowhere else.

Installed by ``pip install .`` or ``pipx install .`` (pyproject.toml, ``[project.scripts]``).
It runs Streamlit in this process on the installed ``app.py`` with the settings of the
repository's ``.streamlit/config.toml`` (shipped in the wheel as ``app_pages/streamlit_config``),
given as command-line flags because Streamlit only reads a config file from the current folder
or the user's home. The address is always 127.0.0.1, whatever the config says.
"""

from __future__ import annotations

import argparse
import tomllib
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

__all__ = ["ADDRESS", "DEFAULT_PORT", "app_script", "config_flags", "main", "parse_args"]

#: The only address the app listens on: the user's own machine.
ADDRESS = "127.0.0.1"
#: Streamlit's usual port; ``--port`` picks another.
DEFAULT_PORT = 8501
_HERE = Path(__file__).resolve().parent


def app_script() -> Path:
    """The app's entry script: ``app.py`` beside the ``app_pages`` folder (installed or not).

    >>> app_script().name
    'app.py'
    """
    return _HERE.parent / "app.py"


def _config_file() -> Path:
    """The Streamlit settings: the checkout's ``.streamlit/config.toml``, else the wheel's copy."""
    checkout = _HERE.parent / ".streamlit" / "config.toml"
    return checkout if checkout.is_file() else _HERE / "streamlit_config" / "config.toml"


def _flag_value(value: object) -> str:
    return str(value).lower() if isinstance(value, bool) else str(value)


def config_flags(config: Mapping[str, Any] | None = None) -> list[str]:
    """Streamlit command-line flags for every ``[section] key = value`` of a config mapping.

    Default: the app's own config file (module docstring). Booleans are written as Streamlit's
    command line spells them (``true``/``false``).

    >>> config_flags({"server": {"headless": True, "maxUploadSize": 1}})
    ['--server.headless=true', '--server.maxUploadSize=1']
    """
    if config is None:
        config = tomllib.loads(_config_file().read_text(encoding="utf-8"))
    return [
        f"--{section}.{key}={_flag_value(value)}"
        for section, options in config.items()
        for key, value in options.items()
    ]


def _port(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number, got {text!r}") from None
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"must be between 1 and 65535, got {port}")
    return port


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Read the command line (``--port``; ``--help`` prints the usage and exits).

    >>> parse_args(["--port", "8600"]).port
    8600
    >>> parse_args([]).port
    8501
    """
    parser = argparse.ArgumentParser(
        prog="offer-compass",
        description=(
            "Start Offer Compass in your browser. It listens on 127.0.0.1 only, and what you "
            "type stays on this computer. Stop it with Ctrl+C."
        ),
    )
    parser.add_argument(
        "--port",
        type=_port,
        default=DEFAULT_PORT,
        help=f"port for http://127.0.0.1:PORT (default {DEFAULT_PORT})",
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> None:
    """Start the app (the console command ``offer-compass``); returns when Streamlit stops."""
    options = parse_args(argv)
    from streamlit.web import cli as streamlit_cli

    streamlit_cli.main(
        [
            "run",
            str(app_script()),
            *config_flags(),
            f"--server.address={ADDRESS}",
            f"--server.port={options.port}",
        ],
        prog_name="streamlit",
    )


if __name__ == "__main__":  # python -m app_pages.cli
    main()
