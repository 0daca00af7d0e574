"""The map of a view as SVG shapes: small, crisp at any size, text that stays text.

The static embed and the share page draw this instead of starting the live map: regions,
the claim zones, the border, towns, region names and a scale bar, in the frame the PNG of
the same view shows (``view_frame`` widened by ``fill_box``) and with the live map's own
styles (side colours and dashes, the stale look). Pure: shapes in, numbers and plain
text out; the page template (``web/templates/_map.svg``) writes the markup, escaped.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import geopandas as gpd
import shapely
from shapely.geometry import box
from shapely.geometry.base import BaseGeometry

from components.present.exports.common import MapScene, blank, view_frame, visible
from components.present.exports.png_layers import fill_box
from components.present.fmt import fmt_num
from components.present.palette import BORDER_COLOR, WATER_COLOR, region_colors
from components.present.sides import CLAIM_FILL_OPACITY, CLAIM_WEIGHT, SIDE_STYLE
from components.present.zone_text import STALE_CLASS, STALE_STYLE, is_current, zone_label_lines
from geo.records import ClaimZone

#: Drawing size in SVG units: the live map panel a view's zoom refers to (VIEW_PX).
SVG_SIZE = (800, 520)
#: Shapes are simplified to this many SVG units (≈ 0.3 px on a phone): invisible, and small.
TOLERANCE_PX = 0.6
#: Kilometres per degree of latitude (the scale bar's arithmetic, as in the PNG).
KM_PER_DEG = 111.32


@dataclass(frozen=True)
class Shape:
    """One filled or stroked path: ``d`` in SVG units, its classes and paint."""

    d: str
    css: str
    fill: str
    fill_opacity: float
    stroke: str
    stroke_opacity: float
    width: float
    dash: str = ""
    title: str = ""


@dataclass(frozen=True)
class Label:
    """A text at (x, y), with an optional dot (towns)."""

    x: float
    y: float
    text: str
    css: str
    anchor: str = "start"
    dot: bool = False


@dataclass(frozen=True)
class Drawing:
    """Everything the SVG template draws, in paint order."""

    width: int
    height: int
    water: str
    regions: tuple[Shape, ...]
    zones: tuple[Shape, ...]
    border: tuple[Shape, ...]
    labels: tuple[Label, ...]
    scale_x: float
    scale_y: float
    scale_px: float
    scale_text: str


class Projection:
    """Lon/lat → SVG units for a frame, at a true local scale (as the PNG draws it)."""

    def __init__(self, frame: tuple[float, float, float, float], size: tuple[int, int]) -> None:
        (self.x0, self.x1), (self.y0, self.y1), _ = fill_box(frame, *size)
        self.w, self.h = size

    def xy(self, lon: float, lat: float) -> tuple[float, float]:
        x = (lon - self.x0) / (self.x1 - self.x0) * self.w
        y = (self.y1 - lat) / (self.y1 - self.y0) * self.h
        return x, y

    def clip_box(self, margin: float = 0.05) -> BaseGeometry:
        """The frame in lon/lat, a little larger so clipped edges fall outside the view."""
        dx, dy = (self.x1 - self.x0) * margin, (self.y1 - self.y0) * margin
        return box(self.x0 - dx, self.y0 - dy, self.x1 + dx, self.y1 + dy)

    def degrees_per_px(self) -> float:
        return (self.x1 - self.x0) / self.w


def path_data(geom: BaseGeometry, proj: Projection) -> str:
    """SVG path data of a (multi)polygon or (multi)line, one decimal, clipped and simplified.

    >>> proj = Projection((0.0, 0.0, 1.0, 1.0), (100, 100))
    >>> path_data(shapely.Polygon([(0, 0), (1, 0), (1, 1)]), proj)
    'M0 100L100 100L100 0Z'
    """
    geom = shapely.clip_by_rect(geom, *proj.clip_box().bounds)
    geom = geom.simplify(TOLERANCE_PX * proj.degrees_per_px(), preserve_topology=True)
    parts = []
    for part in shapely.get_parts(geom):
        if part.is_empty:
            continue
        if part.geom_type == "Polygon":
            for ring in (part.exterior, *part.interiors):
                parts.append(_ring(ring.coords, proj, close=True))
        elif part.geom_type == "LineString":
            parts.append(_ring(part.coords, proj, close=False))
    return "".join(parts)


def _num(v: float) -> str:
    text = f"{v:.1f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _ring(coords: Iterable, proj: Projection, close: bool) -> str:
    points = [proj.xy(c[0], c[1]) for c in coords]
    if close and len(points) > 1 and points[0] == points[-1]:
        points = points[:-1]
    body = "L".join(f"{_num(x)} {_num(y)}" for x, y in points)
    return f"M{body}{'Z' if close else ''}"


def _zone_shapes(
    zones: Sequence[ClaimZone], sides: tuple[str, ...], lang: str, proj: Projection
) -> list[Shape]:
    """The visible zones, larger first; classes as on the live map (claim-ru, claim-stale)."""
    out = []
    for zone in visible(zones, sides):
        style = SIDE_STYLE[zone.side]
        current = is_current(zone)
        stale = {} if current else STALE_STYLE
        css = style["className"] + ("" if current else f" {STALE_CLASS}")
        out.append(
            Shape(
                d=path_data(zone.geometry, proj),
                css=css,
                fill=style["color"],
                fill_opacity=stale.get("fillOpacity", CLAIM_FILL_OPACITY),
                stroke=style["color"],
                stroke_opacity=stale.get("opacity", 1.0),
                width=stale.get("weight", CLAIM_WEIGHT),
                dash=style["dashArray"],
                title=" · ".join(zone_label_lines(zone, lang)),
            )
        )
    return [s for s in out if s.d]


def _inside(x: float, y: float, proj: Projection, text: str, anchor: str, px: float) -> bool:
    """Whether a label (≈ 0.6 em per glyph) lies wholly in the drawing."""
    width = len(text) * px * 0.6
    left = x - width / 2 if anchor == "middle" else (x - width if anchor == "end" else x)
    return left >= 2 and left + width <= proj.w - 2 and px <= y <= proj.h - 2


def _labels(regions: gpd.GeoDataFrame, towns: gpd.GeoDataFrame, lang: str, proj: Projection):
    """Focus-region names in capitals, then towns of rank ≤ 2 with a dot (as the PNG)."""
    out = []
    name = f"name_{lang}" if f"name_{lang}" in regions.columns else "name_en"
    for row in regions.itertuples():
        if blank(getattr(row, "label_lat", None)):
            continue
        x, y = proj.xy(row.label_lon, row.label_lat)
        text = str(getattr(row, name)).upper()
        css = "region-label focus" if row.focus else "region-label"
        if _inside(x, y, proj, text, "middle", 17 if row.focus else 15):
            out.append(Label(x, y, text, css, "middle"))
    tname = f"name_{lang}" if f"name_{lang}" in towns.columns else "name_en"
    for row in towns[towns["rank"] <= 2].sort_values("rank").itertuples():
        x, y = proj.xy(row.geometry.x, row.geometry.y)
        if not (0 <= x <= proj.w and 0 <= y <= proj.h):
            continue
        text, major = str(getattr(row, tname)), row.rank <= 1
        css = "town major" if major else "town"
        px = 19 if major else 17
        if _inside(x + 8, y, proj, text, "start", px):
            out.append(Label(x, y, text, css, "start", dot=True))
        elif _inside(x - 8, y, proj, text, "end", px):
            out.append(Label(x, y, text, css, "end", dot=True))
    return out


def map_drawing(
    scene: MapScene,
    center: tuple[float, float, int],
    size: tuple[int, int] = SVG_SIZE,
) -> Drawing:
    """The shapes and labels of a view (``center``: lat, lon, zoom) for the SVG template.

    The frame is what the live map panel shows at that centre and zoom, so the static map
    and the live one a reader swaps in show the same place.
    """
    lat, lon, z = center
    proj = Projection(view_frame(lat, lon, z, size), size)
    region_shapes = []
    for row in scene.regions.sort_values("focus").itertuples():
        focus = bool(row.focus)
        fill, edge = region_colors(focus)
        d = path_data(row.geometry, proj)
        if d:
            region_shapes.append(
                Shape(
                    d=d, css="region focus" if focus else "region",
                    fill=fill, fill_opacity=1.0, stroke=edge, stroke_opacity=1.0,
                    width=1.0 if focus else 0.6,
                )
            )  # fmt: skip
    borders = [
        Shape(path_data(g, proj), "state-border", "none", 0.0, BORDER_COLOR, 1.0, 2.0)
        for g in scene.border.geometry
    ]
    # A 50 km bar in the lower left (shorter when the view is zoomed far in).
    deg_per_km = 1 / (KM_PER_DEG * math.cos(math.radians(lat)))
    km = 50.0 if 50 * deg_per_km / proj.degrees_per_px() <= size[0] / 4 else 10.0
    return Drawing(
        width=size[0],
        height=size[1],
        water=WATER_COLOR,
        regions=tuple(region_shapes),
        zones=tuple(_zone_shapes(scene.zones, scene.sides, scene.lang, proj)),
        border=tuple(b for b in borders if b.d),
        labels=tuple(_labels(scene.regions, scene.towns, scene.lang, proj)),
        scale_x=size[0] * 0.04,
        scale_y=size[1] * 0.95,
        scale_px=km * deg_per_km / proj.degrees_per_px(),
        scale_text=f"{fmt_num(km, scene.lang)} km",
    )
