"""The project as a package: the lock and its floors, the wheel outside the repository, the
``offer-compass`` command and where the app keeps the user's data on each platform (issue 17)."""

from __future__ import annotations

import importlib.util
import os
import shutil
import socket
import subprocess
import sys
import textwrap
import time
import urllib.request
from pathlib import Path
from types import ModuleType

import pytest

from app_pages import cli
from app_pages.store import APP_NAME, data_dir

REPO = Path(__file__).resolve().parent.parent


def _lock_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("lock_script", REPO / "scripts" / "lock.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --------------------------------------------------------------------------- the lock


def test_every_floor_is_the_locked_version():
    lock = _lock_script()
    pyproject = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert lock.declared(pyproject), "pyproject declares dependencies"
    assert lock.mismatched_floors(pyproject, (REPO / "uv.lock").read_text(encoding="utf-8")) == {}


def test_lock_pins_every_distribution_with_a_hash():
    import tomllib

    packages = tomllib.loads((REPO / "uv.lock").read_text(encoding="utf-8"))["package"]
    from_index = [p for p in packages if "registry" in p.get("source", {})]
    assert len(from_index) > 40
    for package in from_index:
        files = package.get("wheels", []) + ([package["sdist"]] if "sdist" in package else [])
        assert files, package["name"]
        assert all(f["hash"].startswith("sha256:") for f in files), package["name"]


def test_raise_floors_rewrites_only_the_bound():
    lock = _lock_script()
    text = 'dependencies = [\n    "numpy>=1.26",\n    "pandas[excel]>=2.1",\n    "other>=1",\n]\n'
    locked = '[[package]]\nname = "numpy"\nversion = "2.4.6"\n\n[[package]]\nname = "numpy"\nversion = "2.5.5"\n\n[[package]]\nname = "Pandas"\nversion = "3.1.1"\n'
    assert lock.raise_floors(text, locked) == (
        'dependencies = [\n    "numpy>=2.4.6",\n    "pandas[excel]>=3.1.1",\n    "other>=1",\n]\n'
    )
    assert lock.mismatched_floors('[project]\ndependencies = ["numpy>=1.26"]', locked) == {
        "numpy": ("1.26", "2.4.6")
    }


# --------------------------------------------------------------------------- the command


def test_cli_passes_the_app_config_and_forces_the_local_address(monkeypatch):
    from streamlit.web import cli as streamlit_cli

    seen: list[list[str]] = []
    monkeypatch.setattr(streamlit_cli, "main", lambda args, prog_name: seen.append(args))
    cli.main(["--port", "8765"])
    (args,) = seen
    assert args[:2] == ["run", str(REPO / "app.py")]
    assert "--browser.gatherUsageStats=false" in args
    assert "--server.maxUploadSize=1" in args
    assert args[-2:] == ["--server.address=127.0.0.1", "--server.port=8765"]


@pytest.mark.parametrize("port", ["0", "65536", "eighty"])
def test_cli_refuses_a_bad_port(port, capsys):
    with pytest.raises(SystemExit) as stop:
        cli.parse_args(["--port", port])
    assert stop.value.code == 2
    assert "--port" in capsys.readouterr().err


def test_wheel_ships_the_streamlit_settings_the_checkout_uses():
    import tomllib

    from streamlit.web.cli import main_run

    config = tomllib.loads((REPO / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    known = {param.name for param in main_run.params}
    for flag in cli.config_flags(config):
        name = flag[2:].split("=")[0].replace(".", "_")
        assert name in known, f"Streamlit has no command-line flag {flag}"


# --------------------------------------------------------------------------- the data folder


@pytest.mark.parametrize(
    ("platform", "expected"),
    [
        ("windows", Path("C:/Users/Ann/AppData/Local/offer-compass")),
        ("macos", Path("/Users/ann/Library/Application Support/offer-compass")),
        ("unix", Path("/home/ann/.local/share/offer-compass")),
    ],
)
def test_data_folder_is_each_platforms_own(monkeypatch, platform, expected):
    """Windows: %LOCALAPPDATA% (not Roaming, no author folder); macOS: Application Support;
    Linux: $XDG_DATA_HOME or ~/.local/share. OFFER_COMPASS_HOME unset."""
    import platformdirs.macos
    import platformdirs.unix
    import platformdirs.windows

    classes = {
        "windows": platformdirs.windows.Windows,
        "macos": platformdirs.macos.MacOS,
        "unix": platformdirs.unix.Unix,
    }
    monkeypatch.delenv("OFFER_COMPASS_HOME", raising=False)
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.setenv("HOME", "/Users/ann" if platform == "macos" else "/home/ann")
    monkeypatch.setattr(platformdirs, "PlatformDirs", classes[platform])
    if platform == "windows":
        monkeypatch.setattr(
            platformdirs.windows, "get_win_folder", lambda name: "C:/Users/Ann/AppData/Local"
        )
    assert Path(str(data_dir()).replace("\\", "/")) == expected
    assert data_dir().name == APP_NAME


# --------------------------------------------------------------------------- the wheel


def _run(*args: str | Path, cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, f"{args}\n{done.stdout}\n{done.stderr}"
    return done.stdout


def _uv() -> str:
    found = Path(sys.executable).with_name("uv")
    uv = str(found) if found.exists() else shutil.which("uv")
    assert uv, "uv is needed to build the wheel: `make test` installs it into .venv"
    return uv


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


CHECKS = textwrap.dedent(
    """
    import sys, calculator
    from calculator._data import data_dir
    from calculator.market import search_occupations
    assert sys.prefix in calculator.__file__, calculator.__file__
    assert sys.prefix in str(data_dir()), data_dir()
    print(calculator.__version__)
    print(search_occupations("registered nurse", limit=1)[0].code)
    print(round(calculator.TaxProfile("US", 2026).take_home(100_000).net, 2))
    """
)
PAGES = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from streamlit.testing.v1 import AppTest
    import app_pages
    app = Path(app_pages.__file__).parent.parent / "app.py"
    assert sys.prefix in str(app), app
    at = AppTest.from_file(str(app), default_timeout=60).run()
    assert not at.exception, at.exception
    for page in ("compare", "next_steps", "about"):
        at.switch_page(f"app_pages/{page}.py").run()
        assert not at.exception, (page, at.exception)
    print("pages ok")
    """
)


def _fresh_install(tmp_path: Path) -> Path:
    """Build the sdist and the wheel from it, and install the wheel into a new venv (its
    dependencies at the locked versions); returns the venv's bin folder."""
    uv = _uv()
    dist = tmp_path / "dist"
    _run(uv, "build", "--quiet", "--out-dir", dist, REPO, cwd=tmp_path)
    (wheel,) = dist.glob("offer_compass-*.whl")
    constraints = tmp_path / "constraints.txt"
    _run(uv, "export", "--frozen", "--no-dev", "--no-emit-project", "--no-hashes",
         "--quiet", "-o", constraints, cwd=REPO)  # fmt: skip
    venv = tmp_path / "venv"
    _run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=tmp_path)
    python = venv / "bin" / "python"
    _run(uv, "pip", "install", "--quiet", "--python", python, "-c", constraints, wheel,
         cwd=tmp_path)  # fmt: skip
    return venv / "bin"


def _serves(command: Path, tmp_path: Path, env: dict[str, str]) -> str:
    port = _free_port()
    server = subprocess.Popen(
        [str(command), "--port", str(port)],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health") as reply:
                    assert reply.read() == b"ok"
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/") as reply:
                    return str(reply.read().decode())
            except OSError:
                assert server.poll() is None, "offer-compass stopped before serving"
                assert time.monotonic() < deadline, "offer-compass did not serve in 60 s"
                time.sleep(0.5)
    finally:
        server.terminate()
        server.wait(timeout=30)


@pytest.mark.slow
def test_wheel_works_outside_the_repository(tmp_path):
    import calculator

    assert REPO not in tmp_path.parents
    bin_dir = _fresh_install(tmp_path)
    env = {
        "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}",
        "HOME": str(tmp_path),
        "OFFER_COMPASS_HOME": str(tmp_path / "home"),
    }
    version, code, net = _run(bin_dir / "python", "-c", CHECKS, cwd=tmp_path, env=env).split()
    assert version == calculator.__version__ != "0+unknown"
    assert code == "29-1141"
    assert net == "79180.0"
    usage = _run(bin_dir / "offer-compass", "--help", cwd=tmp_path, env=env)
    assert "--port" in usage
    assert "127.0.0.1" in usage
    assert "pages ok" in _run(bin_dir / "python", "-c", PAGES, cwd=tmp_path, env=env)
    assert "<title>" in _serves(bin_dir / "offer-compass", tmp_path, env)
