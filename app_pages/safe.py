"""User text is data, never markup: escape it wherever Streamlit renders Markdown.

Streamlit renders Markdown in ``st.markdown``, captions, alerts, metric labels, headings,
expander and button labels. Text a user typed or a file brought (an offer's name, an
interviewer's name, a message from a refused file) goes through :func:`escape` first, so
``![](http://host/x.png)`` stays visible text and never makes the page fetch anything, and
``[x](javascript:...)`` is never a link. Raw HTML is never enabled for user text.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["escape"]

#: Every ASCII punctuation character Markdown, GFM or Streamlit's own directives (":red[...]",
#: ":material/icon:", "$math$") give a meaning to; CommonMark lets a backslash escape each one.
_SPECIAL: Final = re.compile(r"([\\`*_{}\[\]()#+\-.!|~$<>:&=\"'])")


#: Web addresses and e-mail addresses that GitHub-flavoured Markdown turns into links by itself
#: (no brackets needed): a word joiner (U+2060, invisible) after their first letter or the "@"
#: keeps them plain text.
_AUTOLINK: Final = re.compile(r"(?i)\b(h)(ttps?)|\b(w)(ww\.)|\b(f)(tp)|(@)")


def _no_autolink(text: str) -> str:
    return _AUTOLINK.sub(
        lambda m: (
            "\u2060".join(g for g in m.groups() if g is not None) + ("\u2060" if m.group(7) else "")
        ),
        text,
    )


def escape(text: object) -> str:
    """``text`` with every Markdown-special character backslash-escaped (shown literally), and
    web and e-mail addresses kept from becoming links.

    Newlines become spaces, so a pasted paragraph cannot start a heading or a list.

    >>> escape("![](x.png)")
    '\\\\!\\\\[\\\\]\\\\(x\\\\.png\\\\)'
    >>> "\\u2060" in escape("see http://example.com"), "\\u2060" in escape("me@example.com")
    (True, True)
    >>> escape("Acme & Co")
    'Acme \\\\& Co'
    """
    flat = _no_autolink(" ".join(str(text).split()))
    return _SPECIAL.sub(r"\\\1", flat)
