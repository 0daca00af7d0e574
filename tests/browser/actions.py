"""What a reader does in the browser, shared by the browser tests: open the app, click a
map layer, read the link, open the upload panel and give it a file.

Tests import these from here, never from another test module, so moving or renaming a
test file breaks no other test.
"""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlsplit

from deploy.local import MAP

#: A small rectangle in Kursk region: the geometry of every uploaded test feature.
BOX = {
    "type": "Polygon",
    "coordinates": [[[35.0, 51.0], [35.5, 51.0], [35.5, 51.3], [35.0, 51.3], [35.0, 51.0]]],
}


def open_app(page, url: str):
    """Open a URL and wait until the map has drawn its vector layers."""
    page.goto(url)
    frame = page.frame_locator(MAP)
    frame.locator("path.state-border").first.wait_for()
    return frame


def click_layer(layer) -> None:
    """Click a map layer's SVG path itself (its bounding-box centre may lie outside it)."""
    layer.evaluate(
        """el => { const r = el.getBoundingClientRect();
        const p = el.getPointAtLength(el.getTotalLength() / 2);
        const m = el.getScreenCTM();
        el.dispatchEvent(new MouseEvent("click", {bubbles: true,
            clientX: m.a * p.x + m.c * p.y + m.e, clientY: m.b * p.x + m.d * p.y + m.f})); }"""
    )


def query(page) -> dict[str, str]:
    """The page's link parameters, the last value of each."""
    return {k: v[-1] for k, v in parse_qs(urlsplit(page.url).query).items()}


def collection(**props) -> str:
    """A GeoJSON file of one feature (the box) with these properties."""
    feature = {"type": "Feature", "properties": props, "geometry": BOX}
    return json.dumps({"type": "FeatureCollection", "features": [feature]})


def open_upload_panel(page) -> None:
    page.get_by_text("Add your own overlay").click()


def upload(page, name: str, content: str | bytes) -> None:
    """Give the upload panel a file, as a reader picking it would."""
    data = content.encode() if isinstance(content, str) else content
    page.locator(".st-key-upload_file input[type=file]").set_input_files(
        {"name": name, "mimeType": "application/octet-stream", "buffer": data}
    )
