"""Words and framing on the map itself: zone labels, where they may go, and the fit.

A zone's label says what the reader must not have to click for: whose claim about whose
ground, the figure as stated (with its hedge word; derived figures marked), where, who
said it, when and how long ago (wording from ``components/present/zone_text.py``).

Where a label goes is decided in the browser, where the sizes are known: each label
carries its candidate places around its zone (:func:`label_candidates`), and
:func:`placer_js` puts it at the first place where it covers no other zone label, town
name or dot, settlement dot or map control and stays inside the map; failing that it
tries its one-line form, and failing that it is hidden (the zone keeps its tooltip and
popup, and the headline names the figure). It runs again after every zoom and pan, so
labels never cover each other at any zoom the reader can reach.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import geopandas as gpd
from shapely.geometry.base import BaseGeometry

from components.present import zone_text
from components.present.templating import render, static_text
from geo.records import ClaimZone

#: Context a fit keeps in frame besides the zones: the towns a reader orients by.
CONTEXT_TOWNS = ("Sudzha", "Sumy")


def zone_label_html(zone: ClaimZone, lang: str) -> str:
    """Escaped lines: side and figure; claimant, date and age; stale ones say so."""
    return render("zone_label_full.html.j2", **label_lines(zone, lang))


def label_lines(zone: ClaimZone, lang: str) -> dict[str, object]:
    """A zone label's parts for its template: ``side`` and ``figure`` (the first line,
    whose side is bold), then the ``rest`` of its lines."""
    first, *rest = zone_text.zone_label_lines(zone, lang)
    side, _, figure = first.partition(": ")
    return {"side": side, "figure": figure, "rest": rest}


#: Candidate places, in order: (where on the zone's extent, which way the label hangs).
CANDIDATES = (
    ("top", "top"), ("bottom", "bottom"), ("east", "right"), ("west", "left"),
    ("top-east", "top"), ("top-west", "top"), ("bottom-east", "bottom"),
    ("bottom-west", "bottom"), ("center", "center"),
)  # fmt: skip


#: Points along a zone's outline a label may hang from (besides its extent's sides).
OUTLINE_POINTS = 8


def label_candidates(geom: BaseGeometry) -> list[tuple[float, float, str, int]]:
    """(lat, lon, direction, tier) of each place a zone's label may go, best first.

    Tier 0: beyond the zone's extent (above its top, below its bottom, beside its
    sides): a label there never covers its own zone. Tier 1: points along its outline,
    hanging away from the zone's middle (a long thin strip's extent is mostly empty, so
    its corners can lie far from it). Tier 2: its extent's corners when the zone fills
    it, and last inside it. The browser tries every place of a tier, in full and then in
    one line, before the next tier.

    >>> from shapely.geometry import box
    >>> label_candidates(box(35.0, 51.0, 35.2, 51.1))[0]
    (51.1, 35.1, 'top', 0)
    """
    west, south, east, north = geom.bounds
    mid_lat, mid_lon = (south + north) / 2, (west + east) / 2
    inside = geom.representative_point()
    spots = {
        "top": (north, mid_lon), "bottom": (south, mid_lon), "east": (mid_lat, east),
        "west": (mid_lat, west), "top-east": (north, east), "top-west": (north, west),
        "bottom-east": (south, east), "bottom-west": (south, west),
    }  # fmt: skip
    out = [(*spots[spot], hang, 0) for spot, hang in CANDIDATES[:4]]
    outline = geom.boundary
    for step in range(OUTLINE_POINTS):
        point = outline.interpolate(step / OUTLINE_POINTS, normalized=True)
        dy, dx = point.y - inside.y, (point.x - inside.x) * 0.63  # degrees of lon ~ 0.63
        hang = ("top" if dy > 0 else "bottom") if abs(dy) >= abs(dx) else (
            "right" if dx > 0 else "left")  # fmt: skip
        out.append((point.y, point.x, hang, 1))
    fills = geom.area / max((east - west) * (north - south), 1e-12)
    if fills > 0.3:
        out += [(*spots[spot], hang, 2) for spot, hang in CANDIDATES[4:8]]
    out.append((inside.y, inside.x, "center", 2))
    return [(round(lat, 5), round(lon, 5), hang, tier) for lat, lon, hang, tier in out]


def label_anchor(geom: BaseGeometry, slot: str) -> tuple[float, float]:
    """(lat, lon) of a label: above or below the zone's middle, or inside it.

    Zones are bands along the border; their northernmost point can sit at one end, where
    a label would run off the map, so labels hang from the middle of the zone's extent.
    """
    if slot == "center":
        point = geom.representative_point()
        return point.y, point.x
    west, south, east, north = geom.bounds
    return (north if slot == "top" else south), (west + east) / 2


def placer_js() -> str:
    """Browser script (``static/label_placer.js``): place every zone label where it covers
    nothing (see the module doc).

    Installed once per page by the overlay's LabelPlacer; it marks the map's container
    with ``data-labels-pending`` while a pass is due and ``data-labels-placed`` (a
    counter) after each pass: the settled signal tests and screenshots wait for.
    """
    return "\n" + static_text("label_placer.js")


def fit_bounds(
    zones: Sequence[ClaimZone], towns: gpd.GeoDataFrame, sides: tuple[str, ...]
) -> tuple[float, float, float, float]:
    """(south, west, north, east) of the drawn zones plus Sudzha and Sumy.

    When some drawn zones are current, the fit frames those: a months-old figure drawn
    as a faint outline must not pull the view away from what is claimed now.
    """
    shown = [zone for zone in zones if zone.side in sides and zone.drawn]
    if any(zone.current for zone in shown):
        shown = [zone for zone in shown if zone.current]
    context = towns[towns["name_en"].isin(CONTEXT_TOWNS)]
    boxes = [zone.geometry.bounds for zone in shown if zone.geometry is not None]
    boxes += [(p.x, p.y, p.x, p.y) for p in context.geometry]
    west = min(b[0] for b in boxes)
    south = min(b[1] for b in boxes)
    east = max(b[2] for b in boxes)
    north = max(b[3] for b in boxes)
    # Rounded outwards, so the box still holds every zone.
    return (
        math.floor(south * 1e4) / 1e4,
        math.floor(west * 1e4) / 1e4,
        math.ceil(north * 1e4) / 1e4,
        math.ceil(east * 1e4) / 1e4,
    )


def fit_script(fit: int, bounds: tuple[float, float, float, float]) -> str:
    """Browser script: fit the map to ``bounds`` once for this fit number.

    It runs with every overlay update, so the number keeps a toggle or a new date from
    refitting a map the reader has moved. The open legend's width is kept clear on the
    right, and room is left above for the labels of the largest zone.
    """
    south, west, north, east = bounds
    return render("fit.js.j2", fit=int(fit), bounds=[[south, west], [north, east]])
