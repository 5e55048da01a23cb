"""Refresh uv.lock and keep pyproject.toml's version floors at what the lock (so CI) tests.

Usage (``make lock`` runs the first)::

    python scripts/lock.py --uv .venv/bin/uv          # newest versions, floors raised to them
    python scripts/lock.py --uv .venv/bin/uv --keep   # re-resolve for pyproject edits only
    python scripts/lock.py --check                    # exit 1 when a floor is not the lock's

Floors: every dependency in ``[project]`` (runtime and the ``test`` extra) is written
``name>=X`` where X is the lowest version of ``name`` in uv.lock. CI installs exactly the lock,
so the floors are the versions that were tested (issue 17; tests/test_packaging.py checks it).
After a refresh, run ``make test`` and commit pyproject.toml and uv.lock together.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

REPO = Path(__file__).resolve().parent.parent
PYPROJECT = REPO / "pyproject.toml"
LOCK = REPO / "uv.lock"


def locked_versions(lock_text: str) -> dict[str, Version]:
    """Lowest locked version of each package in a uv.lock (numpy may differ by Python)."""
    out: dict[str, Version] = {}
    for package in tomllib.loads(lock_text).get("package", []):
        name = canonicalize_name(package["name"])
        version = Version(package["version"]) if "version" in package else None
        if version is not None and (name not in out or version < out[name]):
            out[name] = version
    return out


def declared(pyproject_text: str) -> list[Requirement]:
    """Every requirement of ``[project]``: dependencies and all optional extras."""
    project = tomllib.loads(pyproject_text)["project"]
    lines = list(project.get("dependencies", []))
    for extra in project.get("optional-dependencies", {}).values():
        lines.extend(extra)
    return [Requirement(line) for line in lines]


def floor(requirement: Requirement) -> Version | None:
    """The ``>=`` lower bound of a requirement, or None when it has none."""
    found = [Version(s.version) for s in requirement.specifier if s.operator == ">="]
    return max(found) if found else None


def mismatched_floors(pyproject_text: str, lock_text: str) -> dict[str, tuple[str, str]]:
    """Requirements whose floor is not the locked version: name -> (floor, locked)."""
    locked = locked_versions(lock_text)
    out: dict[str, tuple[str, str]] = {}
    for requirement in declared(pyproject_text):
        name = canonicalize_name(requirement.name)
        low, have = floor(requirement), locked.get(name)
        if low is None or have is None or low != have:
            out[requirement.name] = (str(low), str(have))
    return out


def raise_floors(pyproject_text: str, lock_text: str) -> str:
    """pyproject text with each ``"name>=X"`` requirement's X set to the locked version."""
    locked = locked_versions(lock_text)

    def replace(match: re.Match[str]) -> str:
        version = locked.get(canonicalize_name(match.group(2)))
        return match.group(0) if version is None else f'{match.group(1)}>={version}"'

    return re.sub(
        r'^(\s*"([A-Za-z0-9._-]+)(?:\[[^\]]*\])?)>=[^",;]+"', replace, pyproject_text, flags=re.M
    )


def _uv(uv: str, *args: str) -> None:
    subprocess.run([uv, "lock", *args], cwd=REPO, check=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--uv", default="uv", help="the uv executable (default: uv on PATH)")
    parser.add_argument("--keep", action="store_true", help="keep locked versions where possible")
    parser.add_argument("--check", action="store_true", help="only check the floors")
    args = parser.parse_args()
    if not args.check:
        _uv(args.uv, *([] if args.keep else ["--upgrade"]))
        raised = raise_floors(PYPROJECT.read_text(), LOCK.read_text())
        if raised != PYPROJECT.read_text():
            PYPROJECT.write_text(raised)
            _uv(args.uv)  # the lock records pyproject's specifiers: write them again
    wrong = mismatched_floors(PYPROJECT.read_text(), LOCK.read_text())
    for name, (low, have) in sorted(wrong.items()):
        print(f"{name}: floor {low}, locked {have}", file=sys.stderr)
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
