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


def escape(text: object) -> str:
    """``text`` with every Markdown-special character backslash-escaped (shown literally).

    Newlines become spaces, so a pasted paragraph cannot start a heading or a list.

    >>> escape("![](http://x/y.png)")
    '\\\\!\\\\[\\\\]\\\\(http\\\\://x/y\\\\.png\\\\)'
    >>> escape("Acme & Co")
    'Acme \\\\& Co'
    """
    flat = " ".join(str(text).split())
    return _SPECIAL.sub(r"\\\1", flat)
