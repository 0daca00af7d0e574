"""Share and embed: the link to this view (with a copy button) and the iframe snippet."""

from __future__ import annotations

import html
from urllib.parse import urlencode, urlsplit

import streamlit as st

from components.embed import embed_snippet
from components.i18n import t
from components.state import ViewState, to_query


def share_url(base: str, state: ViewState) -> str:
    """Absolute link to this view (base: the page URL, any query dropped)."""
    parts = urlsplit(base or "")
    root = f"{parts.scheme}://{parts.netloc}{parts.path or '/'}" if parts.netloc else "./"
    return f"{root}?{urlencode(to_query(state))}"


def page_url() -> str:
    """The page's own URL, or '' where the runtime has none (AppTest)."""
    try:
        return st.context.url or ""
    except Exception:  # older runtimes / AppTest have no URL
        return ""


def sync_url(state: ViewState) -> None:
    """Write the view into the address bar (only when it changed)."""
    wanted = to_query(state)
    if st.query_params.to_dict() != wanted:
        st.query_params.from_dict(wanted)


def copy_field_html(
    field_id: str, text: str, label: str, button: str, done: str, rows: int = 2
) -> str:
    """A read-only text box with a copy button (escaped; the script reads the box).

    A textarea, not an input: the page's HTML sanitiser drops a ``value`` attribute
    that holds markup, which emptied the embed-code field.
    """
    esc = html.escape
    return (
        f'<div class="copy-field"><textarea id="{esc(field_id)}" readonly rows="{rows}" '
        f'aria-label="{esc(label)}">{esc(text)}</textarea>'
        f'<button type="button" data-done="{esc(done)}" data-for="{esc(field_id)}">'
        f"{esc(button)}</button></div>"
    )


COPY_CSS = """<style>
.copy-field{display:flex;gap:6px}
.copy-field textarea{flex:1;min-width:0;font:12px monospace;padding:4px 6px;resize:none;
  border:1px solid #ccc;border-radius:4px}
.copy-field button{border:1px solid #aaa;background:#fff;border-radius:4px;padding:3px 10px;
  cursor:pointer}
</style>"""

#: Copies the field's text: the Clipboard API where allowed, else select + execCommand.
COPY_JS = """<script>(function(){
document.querySelectorAll('.copy-field button:not([data-bound])').forEach(function(b){
  b.setAttribute('data-bound','1');
  b.addEventListener('click',function(){
    var f=document.getElementById(b.getAttribute('data-for'));f.select();
    var ok=function(){b.textContent=b.getAttribute('data-done');};
    if(navigator.clipboard&&window.isSecureContext){navigator.clipboard.writeText(f.value)
      .then(ok,function(){document.execCommand('copy');ok();});}
    else{document.execCommand('copy');ok();}
  });
});})();</script>"""


def _copy_block(field_id: str, text: str, label: str, lang: str, rows: int) -> None:
    body = copy_field_html(field_id, text, label, t("copy", lang), t("copied", lang), rows)
    st.html(COPY_CSS + body + COPY_JS, unsafe_allow_javascript=True)


def render_share(state: ViewState) -> None:
    """Share and embed this view, each behind one compact button."""
    lang = state.lang
    url = share_url(page_url(), state)
    with st.popover(t("share", lang), key="share_pop"):
        st.caption(t("share_help", lang))
        _copy_block("share-link", url, t("share", lang), lang, rows=3)
    with st.popover(t("embed", lang), key="embed_pop"):
        st.caption(t("embed_help", lang))
        _copy_block("embed-code", embed_snippet(url, t("title", lang)), t("embed", lang), lang, 5)


def render_full_view_link(state: ViewState) -> None:
    """In an embedded page: open the same view as a full page, in a new tab."""
    url = share_url(page_url(), state)
    st.html(
        f'<a href="{html.escape(url)}" target="_blank" rel="noopener">'
        f"{html.escape(t('open_full', state.lang))} ↗</a>"
    )
