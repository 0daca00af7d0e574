"""The embed snippet newsrooms paste into an article. Pure: no Streamlit import.

Two kinds: the static embed (``/embed?<view>``: one small cacheable page, the live app
one tap away; what articles should use) and Streamlit's embed mode (``?embed=true``: the
live app's compact layout, a WebSocket session per reader).
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from components.present.templating import render
from components.present.urls import EMBED

#: Height that shows the compact layout without an inner scrollbar on a laptop.
EMBED_HEIGHT = 560


def embed_url(view_url: str) -> str:
    """The view's link in Streamlit's embed mode (any earlier ``embed`` flag replaced).

    >>> embed_url("https://example.org/?date=2024-08-12&embed=false")
    'https://example.org/?date=2024-08-12&embed=true'
    """
    parts = urlsplit(view_url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "embed"]
    query.append(("embed", "true"))
    return urlunsplit(parts._replace(query=urlencode(query)))


def embed_snippet(view_url: str, title: str, height: int = EMBED_HEIGHT) -> str:
    """An ``<iframe>`` of the live app at the view, in its embed mode (``?embed=true``)."""
    return iframe_snippet(embed_url(view_url), title, height)


def static_embed_url(view_url: str) -> str:
    """The static embed page of a view link: ``/embed?<view>`` beside the app's path.

    >>> static_embed_url("https://example.org/maps/?date=2024-08-12")
    'https://example.org/maps/embed?date=2024-08-12'
    """
    parts = urlsplit(view_url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "embed"]
    path = parts.path.rsplit("/", 1)[0] + EMBED
    return urlunsplit(parts._replace(path=path, query=urlencode(query)))


def iframe_snippet(src: str, title: str, height: int = EMBED_HEIGHT) -> str:
    """An ``<iframe>``: full width of the column, fixed height, titled.

    The title is what a screen reader announces for the frame; both it and the URL are
    escaped by the template, so a view's text can never break out of the attribute.
    """
    return render("iframe.html.j2", src=src, title=title, height=int(height))
