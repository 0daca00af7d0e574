"""The share link: the URL always carries the view; this shows it with a copy button."""

from __future__ import annotations

from urllib.parse import urlencode, urlsplit

import streamlit as st

from components.continuity import with_mark
from components.i18n import t
from components.state import ViewState, to_query


def share_url(base: str, state: ViewState) -> str:
    """Absolute link to this view's preview page ``/share?<view>`` (base: the page URL).

    The preview page carries the link-preview tags and forwards a person to the app.
    """
    parts = urlsplit(base or "")
    root = f"{parts.scheme}://{parts.netloc}{parts.path}" if parts.netloc else "./"
    return f"{root.rstrip('/')}/share?{urlencode(to_query(state))}"


def sync_url(state: ViewState) -> None:
    """Write the view into the address bar (only when it changed)."""
    wanted = with_mark(to_query(state), st.session_state.get("overlay") is not None)
    if st.query_params.to_dict() != wanted:
        st.query_params.from_dict(wanted)


def render_share(state: ViewState) -> None:
    """Link with Streamlit's built-in copy button."""
    lang = state.lang
    with st.expander(t("share", lang)):
        st.caption(t("share_help", lang))
        try:
            base = st.context.url
        except Exception:  # older runtimes / AppTest have no URL
            base = ""
        # A text field, not st.code: the code block's highlighter is 1.5 MB of JS.
        st.text_input(t("share", lang), share_url(base, state), label_visibility="collapsed")
