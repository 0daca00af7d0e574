"""Share and embed: the link to this view (with a copy button) and the iframe snippet."""

from __future__ import annotations

import streamlit as st

from components.present.continuity import with_mark
from components.present.embed import embed_snippet, iframe_snippet, static_embed_url
from components.present.i18n import t
from components.present.links import copy_css, copy_field_html, copy_js, share_url, view_url
from components.present.templating import render, words
from components.present.urls import ViewState, to_query
from components.render import session


def page_url() -> str:
    """The page's own URL, or '' where the runtime has none (AppTest)."""
    try:
        return st.context.url or ""
    except Exception:  # older runtimes / AppTest have no URL
        return ""


def sync_url(state: ViewState, has_overlay: bool) -> None:
    """Write the view into the address bar (only when it changed)."""
    wanted = with_mark(to_query(state), has_overlay)
    if st.query_params.to_dict() != wanted:
        st.query_params.from_dict(wanted)


def _copy_block(field_id: str, text: str, label: str, lang: str, rows: int) -> None:
    body = copy_field_html(field_id, text, label, t("copy", lang), t("copied", lang), rows)
    st.html(copy_css() + body + copy_js(), unsafe_allow_javascript=True)


def render_share(state: ViewState) -> None:
    """Share and embed this view, each behind one compact button."""
    lang = state.lang
    with st.popover(t("share", lang), key=session.SHARE_POP):
        st.caption(t("share_help", lang))
        _copy_block("share-link", share_url(page_url(), state), t("share", lang), lang, rows=3)
    with st.popover(t("embed", lang), key=session.EMBED_POP):
        # The static embed first: one small cacheable page, the live app a tap away.
        url = view_url(page_url(), state)
        st.caption(t("embed_static", lang))
        light = iframe_snippet(static_embed_url(url), t("title", lang))
        _copy_block("embed-code", light, t("embed", lang), lang, 5)
        st.caption(t("embed_live", lang))
        live = embed_snippet(url, t("title", lang))
        _copy_block("embed-live-code", live, t("embed_live", lang), lang, 4)


def render_full_view_link(state: ViewState) -> None:
    """In an embedded page: open the same view as a full page, in a new tab."""
    url = view_url(page_url(), state)
    st.html(render("full_view_link.html.j2", url=url, t=words(state.lang)))
