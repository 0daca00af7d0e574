"""Text for Streamlit's markdown (``st.markdown``, ``st.caption``, ``st.error``…).

Streamlit renders those strings as markdown, with HTML and LaTeX: a file name or a
link's value shown there must be escaped for markdown, as HTML is escaped by the
templates (``components/present/templating.py``). Pure: no Streamlit import.
"""

from __future__ import annotations

from components.present.wording import as_text

_MD_SPECIAL = set("\\`*_{}[]()#+-.!|<>~:$&")


def md_escape(text: object) -> str:
    """Plain text for Streamlit markdown: every markdown/HTML/LaTeX character escaped.

    >>> print(md_escape("[x](javascript:alert(1))"))
    \\[x\\]\\(javascript\\:alert\\(1\\)\\)
    """
    return "".join(f"\\{c}" if c in _MD_SPECIAL else c for c in as_text(text))
