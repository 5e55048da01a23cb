"""Point references to the old, unshipped ``DOMAIN.md`` at ``docs/domain.md`` (issue 17).

    python scripts/repoint_domain_refs.py            # dry run: list every change, write nothing
    python scripts/repoint_domain_refs.py --write    # rewrite the files

``DOMAIN.md 8`` becomes ``docs/domain.md section 8``; ``DOMAIN.md 5, 6`` becomes
``docs/domain.md sections 5, 6``; ``DOMAIN.md section 2`` keeps its wording; a bare
``DOMAIN.md`` (or ``../shared/DOMAIN.md``) becomes ``docs/domain.md``. The section numbers are
the same in both files. Idempotent: the new text no longer matches, so a second run changes
nothing. Lines of Python that grow past 100 characters are listed for rewrapping.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_PATHS = ("calculator", "app_pages", "app.py", "data", "tests", "bench", "notebooks",
                 "docs", "README.md")  # fmt: skip
SUFFIXES = frozenset({".py", ".md", ".toml", ".ipynb", ".txt"})
#: Files that quote the old name on purpose.
SKIP = frozenset({"docs/domain.md", "scripts/repoint_domain_refs.py", "tests/test_domain_docs.py"})
LINE_LIMIT = 100

_OLD = r"(?:\.\./)?(?:shared/)?\bDOMAIN\.md"
_NUMBERS = r"\d+(?:(?:, | and |-)\d+)*"
_WITH_WORD = re.compile(_OLD + r"(?= sections? )")
_WITH_NUMBERS = re.compile(_OLD + r" (" + _NUMBERS + r")\b")
_BARE = re.compile(_OLD)


def _numbers(match: re.Match[str]) -> str:
    numbers = match.group(1)
    word = "section" if numbers.isdigit() else "sections"
    return f"docs/domain.md {word} {numbers}"


def repoint(text: str) -> str:
    """The text with every old reference rewritten (see the module docstring).

    >>> repoint("Source: DOMAIN.md 8. See DOMAIN.md 5, 6 and DOMAIN.md section 2.")
    'Source: docs/domain.md section 8. See docs/domain.md sections 5, 6 and docs/domain.md section 2.'
    >>> repoint(repoint("(DOMAIN.md 1)")) == repoint("(DOMAIN.md 1)")
    True
    """
    text = _WITH_WORD.sub("docs/domain.md", text)
    text = _WITH_NUMBERS.sub(_numbers, text)
    return _BARE.sub("docs/domain.md", text)


def _files(paths: list[str]) -> list[Path]:
    found: list[Path] = []
    for name in paths:
        path = REPO / name
        candidates = [path] if path.is_file() else sorted(path.rglob("*"))
        found.extend(
            p
            for p in candidates
            if p.is_file()
            and p.suffix in SUFFIXES
            and p.relative_to(REPO).as_posix() not in SKIP
            and not any(part.startswith(".") for part in p.relative_to(REPO).parts)
        )
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", default=list(DEFAULT_PATHS))
    parser.add_argument("--write", action="store_true", help="rewrite the files (default: dry run)")
    args = parser.parse_args()
    changed_files = changed_lines = 0
    for path in _files(args.paths):
        old = path.read_text(encoding="utf-8")
        new = repoint(old)
        if new == old:
            continue
        changed_files += 1
        relative = path.relative_to(REPO)
        for number, (before, after) in enumerate(
            zip(old.splitlines(), new.splitlines(), strict=True), 1
        ):
            if before != after:
                changed_lines += 1
                print(f"{relative}:{number}: {after.strip()}")
                if path.suffix == ".py" and len(after) > LINE_LIMIT:
                    print(f"    ^ now {len(after)} characters: rewrap", file=sys.stderr)
        if args.write:
            path.write_text(new, encoding="utf-8")
    verb = "rewrote" if args.write else "would rewrite (dry run; --write to apply)"
    print(f"{verb} {changed_lines} lines in {changed_files} files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
