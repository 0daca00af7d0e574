"""Links to a view: the app, its preview page, its exports; and the copy-to-clipboard field."""

from __future__ import annotations

from urllib.parse import urlencode, urlsplit

from markupsafe import Markup

from components.present.templating import render, static_text, style
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
    return render(
        "copy_field.html.j2",
        field_id=field_id, text=text, label=label, button=button, done=done, rows=rows,
    )  # fmt: skip


def copy_css() -> str:
    """The copy fields' stylesheet (``static/copy_field.css``) as a ``<style>`` element."""
    return style("copy_field.css")


def copy_js() -> str:
    """Copies the field's text (``static/copy_field.js``): the Clipboard API where
    allowed, else select + execCommand."""
    return render("script.html.j2", code=Markup(static_text("copy_field.js").rstrip("\n")))


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
