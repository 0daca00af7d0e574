"""The map of a view as one self-contained HTML file that opens offline.

Named ``html_map`` so it never shadows the standard library's ``html``.
"""

from __future__ import annotations

import base64
import re
from pathlib import Path

import folium
from markupsafe import Markup

from components.present.leaflet import LEAFLET_CSS, LEAFLET_JS, package_dir
from components.present.map_elements import allow_zoom
from components.present.templating import render


def _inline_css_images(css: str, folder: Path) -> str:
    """Leaflet's CSS points at images/*.png: embed them so nothing is fetched from disk."""

    def embed(match: re.Match) -> str:
        path = folder / match.group(1)
        if not path.is_file():
            return match.group(0)
        data = base64.b64encode(path.read_bytes()).decode("ascii")
        return f"url(data:image/png;base64,{data})"

    return re.sub(r"url\((images/[\w.-]+\.png)\)", embed, css)


def _script_safe(text: str) -> str:
    """Keep inlined code from closing its own <script>/<style> element early: what is
    left may go into a template as markup (``inline_asset.html.j2``)."""
    text = re.sub(r"</(script|style)", r"<\\/\1", text, flags=re.IGNORECASE)
    return re.sub(r"^\s*//# sourceMappingURL=.*$", "", text, flags=re.MULTILINE)


def _stable_ids(root: object) -> None:
    """Number every element's id in tree order (folium draws random ones per build).

    The same view then gives the same bytes on every replica and every build, which is
    what its ETag promises a cache.
    """
    seen = 0
    stack = [root]
    while stack:
        element = stack.pop()
        element._id = f"{seen:032x}"  # type: ignore[attr-defined]
        seen += 1
        stack.extend(reversed(list(getattr(element, "_children", {}).values())))


def map_html(fmap: folium.Map, title: str = "", lang: str = "en") -> str:
    """A self-contained HTML snapshot of the map: Leaflet inlined, opens offline from disk.

    The live page loads Leaflet from the app's own server (``present.leaflet.PREFIX``), which a
    downloaded file cannot reach; only the optional background tiles still need a network.
    The file says its language (screen readers pick their voice by it) and can be
    pinch-zoomed; its landmark and heading come from the map's own setup script.
    Element ids are numbered, not random: one view, one file.
    """
    _stable_ids(fmap.get_root())
    page = allow_zoom(fmap.get_root().render())
    root = render("html_open.html.j2", lang=lang)
    page = re.sub(r"<html\b[^>]*>", lambda _: root, page, count=1)
    folder = package_dir()
    js = _script_safe((folder / "leaflet.js").read_text(encoding="utf-8"))
    css = _inline_css_images((folder / "leaflet.css").read_text(encoding="utf-8"), folder)
    css = _script_safe(css)
    script_re = re.compile(
        r"<script\b[^>]*\bsrc=[\"']" + re.escape(LEAFLET_JS) + r"[\"'][^>]*>\s*</script>", re.I
    )
    link_re = re.compile(
        r"<link\b[^>]*\bhref=[\"']" + re.escape(LEAFLET_CSS) + r"[\"'][^>]*>", re.I
    )
    # Replacement functions, not strings: the code holds backslashes re.sub would expand.
    script = render("inline_asset.html.j2", element="script", code=Markup(js))
    style = render("inline_asset.html.j2", element="style", code=Markup(css))
    page = script_re.sub(lambda _: script, page)
    page = link_re.sub(lambda _: style, page)
    if title:  # a saved file's tab and bookmark say what it shows
        head = render("head_title.html.j2", title=title)
        page = re.sub(r"<head>", lambda _: head, page, count=1)
    return page
