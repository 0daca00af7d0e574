"""Links to a view: the app, its preview page, its exports; and the copy-to-clipboard field."""

from __future__ import annotations

import html
from urllib.parse import urlencode, urlsplit

from components.present.urls import SHARE, ViewState, export_path, relative, to_query


def _root(base: str) -> str:
    parts = urlsplit(base or "")
    return f"{parts.scheme}://{parts.netloc}{parts.path or '/'}" if parts.netloc else "./"


def view_url(base: str, state: ViewState) -> str:
    """Absolute link to the app at this view (base: the page URL, any query dropped)."""
    return f"{_root(base)}?{urlencode(to_query(state))}"


def share_url(base: str, state: ViewState) -> str:
    """Absolute link to this view's preview page ``/share?<view>`` (base: the page URL).

    The preview page carries the link-preview tags and forwards a person to the app.
    """
    return f"{_root(base).rstrip('/')}{SHARE}?{urlencode(to_query(state))}"


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


#: (label key, export kind), in display order.
FILES = (
    ("dl_geojson", "geojson"),
    ("dl_csv", "csv"),
    ("dl_png", "png"),
    ("dl_html", "html"),
)


def export_url(kind: str, state: ViewState) -> str:
    """Relative link to an export of the view (relative: works under any base path).

    >>> export_url("csv", ViewState())[:36]
    'export/view.csv?ru=true&ua=true&ind='
    """
    return f"{relative(export_path(kind))}?{urlencode(to_query(state))}"
