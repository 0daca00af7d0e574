"""What a reader sees of the map, read from the browser: its view, the link, the zones.

Every wait here is for a state of the page, never for a stretch of time: the map exists,
has stopped moving, the app's script has finished its run, the address bar carries the
map's view. ``watch`` is the one that lasts a set time, because watching is what it
tests (a map that stays put for ten seconds), and it counts samples, not sleeps.
"""

from __future__ import annotations

import contextlib
from urllib.parse import parse_qs, urlsplit

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from deploy.local import MAP

#: Streamlit marks its app element with the script's state; "notRunning" once a run ended.
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
#: An element left from an earlier run, shown faded until the current run replaces it.
STALE = '[data-stale="true"]'
#: The map's container once the zone labels have been placed for its current view
#: (components/present/static/label_placer.js counts its passes in ``data-labels-placed``
#: and marks a pass still due with ``data-labels-pending``).
LABELS_PLACED = ".leaflet-container[data-labels-placed]:not([data-labels-pending])"
#: True once one map iframe is left (a new language or basemap replaces the old one).
ONE_MAP = f"() => document.querySelectorAll('{MAP}').length === 1"
#: Polls in a row with the same view before the map counts as still (100 ms apart).
STILL_POLLS = 5
#: Degrees two centres may differ by and still be the same view (the link rounds to 4 places).
TOLERANCE = 0.001

# Helpers every script below starts with: the one live Leaflet map of this document (none
# while a new language or basemap replaces the frame), its view, the link's view.
_PRELUDE = f"""
    const liveMap = () => {{
        const frames = document.querySelectorAll('{MAP}');
        if (frames.length !== 1) return null;
        const w = frames[0].contentWindow;
        return w && w.L && w.map instanceof w.L.Map ? w.map : null;
    }};
    const viewOf = (m) => [m.getZoom(), m.getCenter().lat, m.getCenter().lng];
    const linkView = () => {{
        const q = new URLSearchParams(location.search);
        if (!['z', 'lat', 'lon'].every((k) => q.has(k))) return null;
        return [Number(q.get('z')), Number(q.get('lat')), Number(q.get('lon'))];
    }};
    const same = (a, b) => !!a && !!b && a[0] === b[0]
        && Math.abs(a[1] - b[1]) <= {TOLERANCE} && Math.abs(a[2] - b[2]) <= {TOLERANCE};
"""

VIEW_JS = f"() => {{ {_PRELUDE} const m = liveMap(); return m ? viewOf(m) : null; }}"

# Still: the same view for STILL_POLLS polls, no zoom or pan animation running, no label
# placement due, the app's script idle and no element of an earlier run left; ``linked``
# asks the address bar to carry the map's view too. The poll counter lives on the window.
_STILL_JS = f"""(arg) => {{ {_PRELUDE}
    const m = liveMap();
    const s = (window.__still = window.__still || {{ key: '', n: 0 }});
    if (!m) {{ s.key = ''; return false; }}
    const view = viewOf(m);
    const key = JSON.stringify(view);
    if (key === s.key) s.n += 1; else {{ s.key = key; s.n = 0; }}
    const moving = m._animatingZoom || (m._panAnim && m._panAnim._inProgress);
    if (s.n < {STILL_POLLS} || moving || !document.querySelector('{IDLE}')) return false;
    if (document.querySelector('{STALE}')) return false;
    if (m.getContainer().hasAttribute('data-labels-pending')) return false;
    return !arg.linked || same(view, linkView());
}}"""

# Samples (time, map view, link view) every ``every`` ms into window.__watch.
_WATCH_START_JS = f"""(every) => {{ {_PRELUDE}
    clearInterval(window.__watchTimer);
    const t0 = performance.now();
    window.__watch = [];
    window.__watchTimer = setInterval(() => {{
        const m = liveMap();
        window.__watch.push([performance.now() - t0, m ? viewOf(m) : null, linkView()]);
    }}, every);
}}"""
_WATCH_STOP_JS = "() => { clearInterval(window.__watchTimer); return window.__watch; }"


def _as_view(raw) -> tuple[int, float, float] | None:
    return None if raw is None else (int(raw[0]), float(raw[1]), float(raw[2]))


def map_view(page) -> tuple[int, float, float] | None:
    """(zoom, lat, lon) of the live Leaflet map, or None while there is not exactly one."""
    try:
        return _as_view(page.evaluate(VIEW_JS))
    except PlaywrightError:  # the page is navigating
        return None


def link_view(page) -> tuple[int, float, float] | None:
    """(z, lat, lon) the address bar carries, or None when it has no place yet."""
    query = {k: v[-1] for k, v in parse_qs(urlsplit(page.url).query).items()}
    if not {"z", "lat", "lon"} <= query.keys():
        return None
    return int(query["z"]), float(query["lat"]), float(query["lon"])


def same_view(a, b, tol: float = TOLERANCE) -> bool:
    """Two (zoom, lat, lon) views agree: same zoom, centres within ``tol`` degrees."""
    return (
        a is not None
        and b is not None
        and a[0] == b[0]
        and abs(a[1] - b[1]) <= tol
        and abs(a[2] - b[2]) <= tol
    )


def wait_still(page, *, linked: bool = False, timeout_ms: int = 120_000) -> None:
    """Wait until the map has stopped moving and the app's script is idle, nothing stale.

    ``linked``: the address bar must carry the map's view too. ``page`` may be a Page
    or a Frame (an embedded app). Raises Playwright's TimeoutError when that state is
    not reached.
    """
    page.evaluate("() => { window.__still = null; }")
    page.wait_for_function(_STILL_JS, arg={"linked": linked}, polling=100, timeout=timeout_ms)


def wait_settled(page, timeout_ms: int = 120_000) -> tuple[int, float, float]:
    """Wait until the map is still and the address bar carries its view; return that view."""
    try:
        wait_still(page, linked=True, timeout_ms=timeout_ms)
    except PlaywrightTimeout:
        raise AssertionError(
            f"map {map_view(page)} and link {link_view(page)} never settled together"
        ) from None
    view = map_view(page)
    assert view is not None
    return view


def watch(page, seconds: float, every_ms: int = 250) -> list[tuple]:
    """(map view, link view) every ``every_ms`` for ``seconds``: what a reader sees.

    Sampled in the page, so the record is as dense as asked whatever the test runner is
    doing; the wait ends on the number of samples, which takes at least ``seconds``.
    """
    page.evaluate(_WATCH_START_JS, every_ms)
    samples = int(seconds * 1000 / every_ms)
    with contextlib.suppress(PlaywrightTimeout):  # too few samples fail the check below
        page.wait_for_function(
            f"() => window.__watch && window.__watch.length >= {samples}",
            polling=every_ms,
            timeout=seconds * 1000 + 60_000,
        )
    seen = page.evaluate(_WATCH_STOP_JS) or []
    assert len(seen) >= samples, f"only {len(seen)} of {samples} samples: did the page reload?"
    return [(round(t / 1000, 2), _as_view(m), _as_view(u)) for t, m, u in seen]


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
