"""Privacy: the app is configured to stay on this machine, and really does.

- .streamlit/config.toml turns usage statistics off and binds the server to loopback;
- a started app listens on 127.0.0.1 only (read back from the kernel's socket table).
The browser test (test_browser.py) checks that the page requests nothing from other hosts.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import tomllib
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def _config() -> dict:
    with (REPO / ".streamlit" / "config.toml").open("rb") as handle:
        return tomllib.load(handle)


def test_usage_statistics_are_off():
    assert _config()["browser"]["gatherUsageStats"] is False


def test_server_is_bound_to_loopback_and_uploads_are_small():
    server = _config()["server"]
    assert server["address"] == "127.0.0.1"
    assert server["maxUploadSize"] <= 1  # megabytes; a scenario file is a few kilobytes


def test_error_details_never_reach_the_page():
    assert _config()["client"]["showErrorDetails"] in ("none", False)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _listening_addresses(port: int) -> set[str]:
    """Local addresses in LISTEN state (0A) on ``port``, from /proc/net/tcp and tcp6."""
    found: set[str] = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        path = Path(table)
        if not path.exists():
            continue
        for line in path.read_text().splitlines()[1:]:
            fields = line.split()
            address, hex_port = fields[1].rsplit(":", 1)
            if int(hex_port, 16) == port and fields[3] == "0A":
                found.add(address)
    return found


@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="needs Linux /proc/net/tcp")
def test_started_app_listens_only_on_loopback(tmp_path):
    port = _free_port()
    env = {**os.environ, "OFFER_COMPASS_HOME": str(tmp_path)}
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port)],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2):
                    break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    pytest.fail("the app did not start within 60 s")
                time.sleep(0.3)
        addresses = _listening_addresses(port)
        # 0100007F is 127.0.0.1 in the kernel's little-endian hex; IPv6 loopback is ::1.
        ipv6_loopback = "00000000000000000000000001000000"
        assert addresses, "no listening socket found for the app's port"
        assert addresses <= {"0100007F", ipv6_loopback}, addresses
    finally:
        process.terminate()
        process.wait(timeout=20)
