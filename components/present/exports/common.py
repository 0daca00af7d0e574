"""What every export format shares: which zones are shown, the view's box, names, values.

One home for these so the four files of a view agree: the same zones in the GeoJSON as
in the PNG, the same date in a file's name as in its title.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd

from components.present.fmt import fmt_date
from components.present.i18n import t
from geo.records import ClaimZone

#: Said on every exported zone, in the file itself: the outline is not a front line.
ZONE_NOTE = "schematic, area-true: not a surveyed front line"
#: Size (px) of the live map panel a view's zoom refers to; the PNG shows that area.
VIEW_PX = (800, 520)


@dataclass(frozen=True)
class MapScene:
    """What a static map of a view draws, the PNG and the SVG alike: the base layers
    (regions, border, towns), the date's zones, the sides shown and the language."""

    regions: gpd.GeoDataFrame
    border: gpd.GeoDataFrame
    towns: gpd.GeoDataFrame
    zones: Sequence[ClaimZone]  # lon/lat (geo.dataset.zones_on)
    sides: tuple[str, ...]
    lang: str


def blank(value: object) -> bool:
    """None, NaN and NaT count as missing (pandas 3 mixes them in object columns)."""
    if value is None:
        return True
    if isinstance(value, (list, tuple, dict, np.ndarray)):
        return False
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def iso_date(value: object) -> str | None:
    """YYYY-MM-DD, whatever date type the frame holds, so every file writes dates alike."""
    if blank(value):
        return None
    return pd.Timestamp(value).strftime("%Y-%m-%d")


def json_value(value: object) -> Any:
    """A JSON-safe scalar: missing → null, numpy → Python, never NaN (RFC 8259)."""
    if blank(value):
        return None
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, (pd.Timestamp, dt.date)):
        return iso_date(value)
    return value


def in_wgs84(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Lon/lat degrees, what GeoJSON (RFC 7946) and the print map are drawn in."""
    return frame.to_crs("EPSG:4326") if frame.crs else frame


def visible(zones: Sequence[ClaimZone], sides: Sequence[str]) -> list[ClaimZone]:
    """Zones of the toggled-on sides that have a shape (a 0 km² claim has none).

    Larger zones first, as on the live map, so smaller ones are drawn on top.
    """
    shown = [zone for zone in zones if zone.side in sides and zone.drawn]
    return sorted(shown, key=lambda zone: -zone.area_km2)


def view_title(lang: str, as_of: object) -> str:
    """The app's title and the view's date: the offline page's tab, the PNG's metadata."""
    return f"{t('title', lang)} — {t('legend_as_of', lang, date=fmt_date(as_of, lang))}"


def file_name(as_of: dt.date, what: str) -> str:
    """The name a browser saves a view's file under (date first, so files sort by day)."""
    return f"kursk-claims-{as_of.isoformat()}-{what}"


def view_frame(
    lat: float, lon: float, zoom: int, px: tuple[int, int] = VIEW_PX
) -> tuple[float, float, float, float]:
    """The lon/lat box a Leaflet map of ``px`` pixels shows at this centre and zoom.

    Web Mercator: 256·2^z pixels span the world's 360° and 2π radians of y. The PNG of a
    view shows this box, so the picture frames what the reader had on screen.

    >>> [round(v, 2) for v in view_frame(51.35, 35.45, 8)]
    [33.25, 50.45, 37.65, 52.23]
    """
    scale = 256 * 2**zoom
    half_lon = px[0] / 2 * 360 / scale
    y = math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))
    half_y = px[1] / 2 * 2 * math.pi / scale

    def lat_of(v: float) -> float:
        return math.degrees(2 * math.atan(math.exp(v)) - math.pi / 2)

    return (lon - half_lon, lat_of(y - half_y), lon + half_lon, lat_of(y + half_y))
