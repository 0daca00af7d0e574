"""What a reader sees of the map, read from the browser: its view, the link, the zones."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

MAP = 'iframe[title="streamlit_folium.st_folium"]'

VIEW_JS = """() => {
    if (typeof L === 'undefined' || !(window.map instanceof L.Map)) return null;
    const c = window.map.getCenter();
    return [window.map.getZoom(), c.lat, c.lng];
}"""
#: The map's container once the zone labels have been placed for its current view
#: (components/present/map_labels.PLACER_JS counts its passes in ``data-labels-placed``
#: and marks a pass still due with ``data-labels-pending``).
LABELS_PLACED = ".leaflet-container[data-labels-placed]:not([data-labels-pending])"
#: True once one map iframe is left (a new language or basemap replaces the old one).
ONE_MAP = f"() => document.querySelectorAll('{MAP}').length === 1"


def map_frame(page):
    """The map's frame (streamlit-folium's component iframe)."""
    return next(f for f in page.frames if "streamlit_folium" in f.url)


def map_view(page) -> tuple[int, float, float] | None:
    """(zoom, lat, lon) of the live Leaflet map, or None before it exists."""
    for frame in page.frames:
        if "streamlit_folium" not in frame.url:
            continue
        try:
            view = frame.evaluate(VIEW_JS)
        except Exception:  # the frame is being replaced (new language, basemap)
            return None
        if view:
            return int(view[0]), float(view[1]), float(view[2])
    return None


def link_view(page) -> tuple[int, float, float] | None:
    """(z, lat, lon) the address bar carries, or None when it has no place yet."""
    query = {k: v[-1] for k, v in parse_qs(urlsplit(page.url).query).items()}
    if not {"z", "lat", "lon"} <= query.keys():
        return None
    return int(query["z"]), float(query["lat"]), float(query["lon"])


def same_view(a, b, tol: float = 0.001) -> bool:
    """Two (zoom, lat, lon) views agree: same zoom, centres within ``tol`` degrees."""
    return (
        a is not None
        and b is not None
        and a[0] == b[0]
        and abs(a[1] - b[1]) <= tol
        and abs(a[2] - b[2]) <= tol
    )


def wait_settled(page, timeout_ms: int = 20_000) -> tuple[int, float, float]:
    """Wait until the map exists and the address bar carries its view; return that view."""
    waited = 0
    while waited < timeout_ms:
        view = map_view(page)
        if same_view(view, link_view(page)):
            return view
        page.wait_for_timeout(200)
        waited += 200
    raise AssertionError(f"map {map_view(page)} and link {link_view(page)} never agreed")


def watch(page, seconds: int) -> list[tuple]:
    """Sample (map view, link view) once a second for ``seconds`` seconds."""
    seen = []
    for _ in range(seconds):
        page.wait_for_timeout(1000)
        seen.append((map_view(page), link_view(page)))
    return seen


def drag_map(page, dx: int = 140, dy: int = 70) -> None:
    """Drag the map with the mouse from its middle, as a reader pans."""
    box = page.locator(MAP).bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x + dx / 2, y + dy / 2, steps=5)
    page.mouse.move(x + dx, y + dy, steps=5)
    page.mouse.up()


def inside(box: dict, width: int, height: int) -> bool:
    """A box lies wholly within the first screen (0..width, 0..height)."""
    return (
        box["x"] >= 0
        and box["y"] >= 0
        and box["x"] + box["width"] <= width
        and box["y"] + box["height"] <= height
    )


def settles_at(page, want: tuple, timeout_ms: int = 15_000) -> bool:
    """The map reaches ``want`` within the timeout (a rebuilt map needs a moment to open)."""
    waited = 0
    while waited < timeout_ms:
        if same_view(map_view(page), want):
            return True
        page.wait_for_timeout(250)
        waited += 250
    return False
