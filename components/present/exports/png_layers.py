"""The map half of the print PNG: regions, zones, border, towns, scale, in lon/lat degrees.

Styled from the live map's own definitions (side colours and dashes, the stale look, the
reader's layer), so a printed zone looks like the one on screen. Only what has no
counterpart on screen (print line widths, the scale bar) is defined here.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any

import geopandas as gpd
import numpy as np
import shapely
from matplotlib.collections import LineCollection
from matplotlib.colors import to_rgba
from matplotlib.patches import PathPatch
from matplotlib.path import Path as MplPath
from matplotlib.patheffects import withStroke
from shapely.geometry.base import BaseGeometry

from components.present.exports.common import blank
from components.present.fmt import fmt_num
from components.present.palette import BORDER_COLOR, region_colors
from components.present.sides import CLAIM_FILL_OPACITY, CLAIM_WEIGHT, SIDE_STYLE, dash_pattern
from components.present.user_layer import USER_STYLE
from components.present.zone_text import STALE_STYLE, is_current
from geo.records import ClaimZone

#: Leaflet dash patterns are in CSS px; 1 px is drawn as this many points.
DASH_PT_PER_PX = 1.0
#: Print line width (pt) of a current zone; Leaflet's widths scale to it.
ZONE_LINEWIDTH = 1.6


def _dashes(pattern: Sequence[float], linewidth: float) -> tuple[float, tuple[float, ...]]:
    """Leaflet's dashArray (px) as a matplotlib dash pattern (matplotlib scales by width)."""
    return (0.0, tuple(v * DASH_PT_PER_PX / linewidth for v in pattern))


def zone_style(side: str, current: bool = True) -> dict:
    """As on the live map: a stale figure is a faint outline without fill."""
    colour = SIDE_STYLE[side]["color"]
    if current:
        fill, line, width = CLAIM_FILL_OPACITY, 1.0, ZONE_LINEWIDTH
    else:
        fill, line = STALE_STYLE["fillOpacity"], STALE_STYLE["opacity"]
        width = ZONE_LINEWIDTH * STALE_STYLE["weight"] / CLAIM_WEIGHT
    return {
        "facecolor": to_rgba(colour, fill),
        "edgecolor": to_rgba(colour, line),
        "linewidth": width,
        "linestyle": _dashes(dash_pattern(side), ZONE_LINEWIDTH),
    }


#: The reader's upload, styled as on the live map (components/present/user_layer.py).
READER_STYLE = {
    "facecolor": to_rgba(USER_STYLE["fillColor"], USER_STYLE["fillOpacity"]),
    "edgecolor": USER_STYLE["color"],
    "linewidth": ZONE_LINEWIDTH,
    "linestyle": _dashes([float(v) for v in USER_STYLE["dashArray"].split()], ZONE_LINEWIDTH),
}


def polygon_path(geom: BaseGeometry) -> MplPath | None:
    """A matplotlib path for (multi)polygons, holes included (non-zero winding)."""
    geom = shapely.orient_polygons(geom, exterior_cw=False)
    paths = []
    for poly in shapely.get_parts(geom):
        if poly.geom_type != "Polygon" or poly.is_empty:
            continue
        for ring in (poly.exterior, *poly.interiors):
            paths.append(MplPath(np.asarray(ring.coords)[:, :2], closed=True))
    return MplPath.make_compound_path(*paths) if paths else None


def _lines(geoms: Iterable[BaseGeometry]) -> list[np.ndarray]:
    """Vertex arrays of every line part, for a LineCollection."""
    out = []
    for geom in geoms:
        for part in shapely.get_parts(geom):
            if part.geom_type == "LineString" and not part.is_empty:
                out.append(np.asarray(part.coords)[:, :2])
    return out


def _fits(ax: Any, text: Any, renderer: Any) -> bool:
    """Whether a label lies wholly inside the map frame (half-cut names read as errors)."""
    box, frame = text.get_window_extent(renderer), ax.get_window_extent(renderer)
    return bool(
        box.x0 >= frame.x0 and box.x1 <= frame.x1 and box.y0 >= frame.y0 and box.y1 <= frame.y1
    )


def draw_map(
    ax: Any,
    regions: gpd.GeoDataFrame,
    border: gpd.GeoDataFrame,
    towns: gpd.GeoDataFrame,
    shown: Sequence[ClaimZone],
    lang: str,
    s: float,
) -> None:
    """Regions, zones, border, towns and labels on one axes, lon/lat degrees."""
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    for row in regions.sort_values("focus").itertuples():
        path = polygon_path(row.geometry)
        if path is None:
            continue
        focus = bool(row.focus)
        fill, edge = region_colors(focus)
        ax.add_patch(
            PathPatch(
                path,
                facecolor=fill,
                edgecolor=edge,
                linewidth=0.8 if focus else 0.5,
                zorder=2 if focus else 1,
            )
        )
    for zone in shown:
        path = polygon_path(zone.geometry)
        if path is not None:
            ax.add_patch(PathPatch(path, zorder=3, **zone_style(zone.side, is_current(zone))))
    ax.add_collection(
        LineCollection(_lines(border.geometry), colors=BORDER_COLOR, linewidths=1.5, zorder=4)
    )
    renderer = ax.figure.canvas.get_renderer()
    halo = [withStroke(linewidth=2.2 * s, foreground="white")]
    name = f"name_{lang}" if f"name_{lang}" in regions.columns else "name_en"
    for row in regions.itertuples():
        if blank(getattr(row, "label_lat", None)):
            continue
        label = ax.text(
            row.label_lon, row.label_lat, str(getattr(row, name)).upper(),
            fontsize=(7.5 if row.focus else 6) * s, color="#444" if row.focus else "#888",
            fontweight="bold" if row.focus else "normal", ha="center", va="center",
            zorder=6, clip_on=True, path_effects=halo,
        )  # fmt: skip
        if not _fits(ax, label, renderer):
            label.remove()
    labelled = towns[towns["rank"] <= 2].sort_values("rank")
    tname = f"name_{lang}" if f"name_{lang}" in towns.columns else "name_en"
    for row in labelled.itertuples():
        x, y, major = row.geometry.x, row.geometry.y, row.rank <= 1
        if not (x0 <= x <= x1 and y0 <= y <= y1):
            continue
        ax.plot(
            [x], [y], marker="o", markersize=(4 if major else 3) * s, color="white",
            markeredgecolor="#333", markeredgewidth=0.8, zorder=7, clip_on=True,
        )  # fmt: skip
        # Name to the right of the dot; to the left if it would run off the frame.
        for sign, align in ((1, "left"), (-1, "right")):
            label = ax.annotate(
                str(getattr(row, tname)), (x, y), xytext=(sign * 3.5 * s, 0),
                textcoords="offset points", fontsize=(7 if major else 6.3) * s,
                fontweight="bold" if major else "normal", color="#222", ha=align,
                va="center", zorder=8, annotation_clip=True, clip_on=True, path_effects=halo,
            )  # fmt: skip
            if _fits(ax, label, renderer):
                break
            label.remove()


def scale_bar(ax: Any, s: float, km: float = 50.0) -> None:
    """A 50 km bar in the lower left: the zones are area-true, so distance matters."""
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    x, y = x0 + 0.04 * (x1 - x0), y0 + 0.05 * (y1 - y0)
    deg = km / (111.32 * math.cos(math.radians(y)))
    ax.plot([x, x + deg], [y, y], color="#222", linewidth=2 * s, solid_capstyle="butt", zorder=9)
    ax.text(
        x + deg / 2, y + 0.012 * (y1 - y0), f"{fmt_num(km)} km", ha="center", va="bottom",
        fontsize=6.5 * s, color="#222", zorder=9,
        path_effects=[withStroke(linewidth=2 * s, foreground="white")],
    )  # fmt: skip


def fill_box(
    frame: tuple[float, float, float, float], box_w_in: float, box_h_in: float
) -> tuple[tuple[float, float], tuple[float, float], float]:
    """Limits that show at least `frame` and fill the axes box at a true local scale.

    One degree of longitude is cos(lat) of a degree of latitude, so the y axis is
    stretched by 1/cos(lat); the frame is widened in one direction to fit the box.
    """
    lon0, lat0, lon1, lat1 = frame
    aspect = 1 / math.cos(math.radians((lat0 + lat1) / 2))
    width, height = lon1 - lon0, (lat1 - lat0) * aspect  # in longitude-degree units
    if height / width < box_h_in / box_w_in:
        height = width * box_h_in / box_w_in
    else:
        width = height * box_w_in / box_h_in
    cx, cy = (lon0 + lon1) / 2, (lat0 + lat1) / 2
    dy = height / aspect / 2
    return (cx - width / 2, cx + width / 2), (cy - dy, cy + dy), aspect
