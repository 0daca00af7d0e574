"""Words and framing on the map itself: zone labels and the fit-to-claims script. Pure.

A zone's label says what the reader must not have to click for: whose claim, the figure
as stated (with its hedge word; derived figures marked), who said it, when and how long
ago (wording from ``components/present/zone_text.py``). Labels of nested zones go to
different sides of their zones (outside the top, outside the bottom, inside) so they
never sit on one another.
"""

from __future__ import annotations

import html
import json
import math

import geopandas as gpd
import pandas as pd
from shapely.geometry.base import BaseGeometry

from components.present import zone_text

#: Where the n-th largest drawn zone puts its label (Leaflet tooltip direction).
LABEL_SLOTS = ("top", "bottom", "center")
#: Context a fit keeps in frame besides the zones: the towns a reader orients by.
CONTEXT_TOWNS = ("Sudzha", "Sumy")


def zone_label_html(zone: object, by_id: pd.DataFrame, lang: str) -> str:
    """Escaped lines: side and figure; claimant, date and age; stale ones say so."""
    del by_id
    first, *rest = zone_text.zone_label_lines(zone, lang)
    side, _, figure = first.partition(": ")
    esc = html.escape
    return f"<b>{esc(side)}</b> · {esc(figure)}" + "".join(
        f"<br><span>{esc(line)}</span>" for line in rest
    )


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


def fit_bounds(
    zones: gpd.GeoDataFrame, towns: gpd.GeoDataFrame, sides: tuple[str, ...]
) -> tuple[float, float, float, float]:
    """(south, west, north, east) of the drawn zones plus Sudzha and Sumy."""
    shown = zones[zones["side"].isin(sides) & ~zones.geometry.is_empty]
    context = towns[towns["name_en"].isin(CONTEXT_TOWNS)]
    boxes = [*shown.geometry.bounds.itertuples(index=False)]
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
    return (
        "(function(){var m=window.map;"
        f"if(!m||window.__claimsFit==={int(fit)})return;window.__claimsFit={int(fit)};"
        "var leg=document.querySelector('.claims-legend');"
        "var open=leg&&leg.querySelector('details')&&leg.querySelector('details').open;"
        "var right=open?leg.offsetWidth+24:24;"
        f"m.fitBounds({json.dumps([[south, west], [north, east]])},"
        "{paddingTopLeft:[24,48],paddingBottomRight:[right,24],maxZoom:12,animate:false});"
        "})();"
    )
