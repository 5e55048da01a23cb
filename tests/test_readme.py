"""The README's Python example runs, and every value its comments promise is what it gives."""

from __future__ import annotations

import ast
import re
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"


def _example() -> str:
    text = README.read_text(encoding="utf-8")
    found = re.search(r"```python\n(.*?)```", text, re.DOTALL)
    assert found is not None, "the README has a Python example"
    return found.group(1)


def _promise(line: str) -> object:
    """The value a trailing "# value: words" comment promises, or None when it promises none."""
    _, _, comment = line.partition("  # ")
    promised = comment.split(": ")[0].strip()
    if not promised or "..." in comment:
        return None
    try:
        return ast.literal_eval(promised)
    except (ValueError, SyntaxError):
        return None


def test_readme_python_example_gives_what_its_comments_say():
    source = _example()
    lines = source.splitlines()
    namespace: dict[str, object] = {}
    checked = 0
    for node in ast.parse(source).body:
        segment = ast.get_source_segment(source, node)
        assert segment is not None
        expected = _promise(lines[(node.end_lineno or node.lineno) - 1])
        if isinstance(node, ast.Expr) and expected is not None:
            got = eval(segment, namespace)
            if isinstance(got, float):
                got = round(got, 2)
            assert got == expected, segment
            checked += 1
        else:
            exec(segment, namespace)
    assert checked >= 5
