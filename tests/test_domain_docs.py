"""docs/domain.md holds every section the code cites, under the numbers the code cites, and the
script that repoints the old ``DOMAIN.md`` references keeps every one of them (issue 17)."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parent.parent
DOCS = REPO / "docs" / "domain.md"
CITING = ("calculator", "app_pages", "app.py", "data", "tests", "bench")
# A citation, old or new form, its section numbers, and an optional quoted sub-heading.
CITATION = re.compile(
    r"(?:\bDOMAIN\.md|docs/domain\.md)(?: sections?)? (\d+(?:(?:, | and |-)\d+)*)"
    r'(?:, "([^"]+)")?'
)


def _script() -> ModuleType:
    path = REPO / "scripts" / "repoint_domain_refs.py"
    spec = importlib.util.spec_from_file_location("repoint_domain_refs", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _sections() -> dict[int, str]:
    """Section number -> its text, from the ``## N. Title`` headings."""
    parts = re.split(r"^## (\d+)\. ", DOCS.read_text(encoding="utf-8"), flags=re.M)
    return {int(number): body for number, body in zip(parts[1::2], parts[2::2], strict=True)}


def _numbers(text: str) -> set[int]:
    out: set[int] = set()
    for piece in re.split(r", | and ", text):
        low, _, high = piece.partition("-")
        out.update(range(int(low), int(high or low) + 1))
    return out


def _citations() -> list[tuple[str, set[int], str | None]]:
    found = []
    for name in CITING:
        path = REPO / name
        for file in [path] if path.is_file() else sorted(path.rglob("*")):
            if file.suffix not in {".py", ".toml", ".md"} or file == Path(__file__):
                continue
            text = file.read_text(encoding="utf-8")
            for match in CITATION.finditer(text):
                where = f"{file.relative_to(REPO)}: {match.group(0)}"
                found.append((where, _numbers(match.group(1)), match.group(2)))
    return found


def test_docs_have_the_nine_sections_in_order():
    assert list(_sections()) == list(range(1, 10))


def test_every_cited_section_exists():
    sections = _sections()
    citations = _citations()
    assert len(citations) >= 50, "the core cites the domain rules throughout"
    for where, numbers, heading in citations:
        assert numbers <= sections.keys(), where
        if heading is not None:
            assert any(heading in sections[n] for n in numbers), where


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("(DOMAIN.md 1).", "(docs/domain.md section 1)."),
        ("DOMAIN.md 5, 6: totals", "docs/domain.md sections 5, 6: totals"),
        ("DOMAIN.md sections 2 and 3: answer", "docs/domain.md sections 2 and 3: answer"),
        ('DOMAIN.md section 5, "Uncertainty', 'docs/domain.md section 5, "Uncertainty'),
        ("DOMAIN.md 8, for offers", "docs/domain.md section 8, for offers"),
        ("see ../shared/DOMAIN.md worked example", "see docs/domain.md worked example"),
    ],
)
def test_repoint_rewrites_each_form(old, new):
    repoint = _script().repoint
    assert repoint(old) == new
    assert repoint(new) == new


def test_repointing_the_tree_keeps_every_citation():
    repoint = _script().repoint
    before = after = 0
    for name in CITING:
        path = REPO / name
        for file in [path] if path.is_file() else sorted(path.rglob("*.py")):
            if file == Path(__file__):
                continue
            text = file.read_text(encoding="utf-8")
            new = repoint(text)
            assert "DOMAIN.md" not in new, file
            before += len(CITATION.findall(text))
            after += len(CITATION.findall(new))
            assert repoint(new) == new, file
    assert after == before > 0
