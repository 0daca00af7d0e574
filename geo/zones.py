"""Turn a figure into a schematic but area-true zone, built around where the source puts it.

Neither side published a line, so every zone is a construction. Three shapes, chosen by
what was stated:

- **box** (a width and a depth, Smirnov's 12 × 40 km): a rectangle with a straight
  front of that width, measured end to end, and that depth, centred on the anchor's
  stretch of the Kursk–Sumy border. Its area is whatever results (reported, not tuned).
- **band** (an area and a stated depth, Syrskyi's "up to 35 km"): a rectangle of that
  depth along the border, its width solved so its area equals the figure.
- **capsule** (an area alone): Kursk region within a distance of the line from the
  nearest border point to the anchor, the distance solved for the area. It borrows no
  one's proportions, contains its anchor and touches the border.

Every shape is clipped to Kursk region; areas are measured in an equal-area CRS. This
module returns numbers (sizes, axes, anchor); reader prose is built in ``components/``.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import geopandas as gpd
import pandas as pd
import shapely
from shapely.geometry import LineString, Point, Polygon
from shapely.geometry.base import BaseGeometry

from geo.claims import load_anchors, load_claims
from geo.crs import EQUAL_AREA, METRIC, WGS84
from geo.currency import CANDIDATE_COLUMNS, area_bearing, select_as_of, territorial_statements
from geo.errors import DataError
from geo.regions import load_regions

#: Relative area tolerance of the solver (0.1 %).
AREA_RTOL = 1e-3
#: Half the border stretch (m) whose chord sets a rectangle's direction.
AXIS_HALF_M = 20_000

__all__ = [
    "Frame",
    "Zone",
    "anchors_dict",
    "build_frame",
    "capsule_zone",
    "claim_zones",
    "draw",
    "rect_zone",
    "zones_for",
]


@dataclass(frozen=True)
class Frame:
    """The fixed geography every zone is drawn in (metric CRS)."""

    border: LineString  # Kursk–Sumy border, west to east
    kursk: BaseGeometry


def build_frame(regions: gpd.GeoDataFrame) -> Frame:
    """Kursk polygon and the Kursk–Sumy border line from the embedded regions."""
    try:
        pair = regions.set_index("iso_3166_2").loc[["RU-KRS", "UA-59"]]
    except KeyError as exc:
        raise DataError("data/regions.geojson: Kursk (RU-KRS) or Sumy (UA-59) missing") from exc
    metric = pair.to_crs(METRIC).geometry
    kursk, sumy = metric.loc["RU-KRS"], metric.loc["UA-59"]
    shared = shapely.line_merge(kursk.boundary.intersection(sumy.boundary))
    parts = [g for g in shapely.get_parts(shared) if g.geom_type == "LineString"]
    if not parts:
        raise DataError("data/regions.geojson: Kursk and Sumy share no border")
    border = max(parts, key=lambda g: g.length)
    if border.coords[0][0] > border.coords[-1][0]:
        border = border.reverse()
    return Frame(border=border, kursk=kursk)


def to_metric(lon: float, lat: float) -> Point:
    """A lon/lat point in the metric CRS."""
    return gpd.GeoSeries([Point(lon, lat)], crs=WGS84).to_crs(METRIC).iloc[0]


@dataclass(frozen=True)
class Zone:
    """A drawn zone (metric CRS) with the sizes measured on it."""

    geometry: BaseGeometry
    shape: str  # 'box' | 'band' | 'capsule' | 'none'
    width_km: float  # extent along the border chord
    depth_km: float  # extent square to it, into Kursk region
    area_km2: float


def _area_km2(geom_m: BaseGeometry) -> float:
    """Area in km² of a metric-CRS geometry, measured in the equal-area CRS."""
    if geom_m.is_empty:
        return 0.0
    return float(gpd.GeoSeries([geom_m], crs=METRIC).to_crs(EQUAL_AREA).area.iloc[0] / 1e6)


def _solve(area_of: Callable[[float], BaseGeometry], target_km2: float, hi: float) -> float:
    """Bisect a size parameter until the drawn area matches the target (area grows with it)."""
    lo = 0.0
    while _area_km2(area_of(hi)) < target_km2:
        hi *= 2
        if hi > 1e7:
            raise ValueError(f"area {target_km2!r} km² does not fit in Kursk region")
    for _ in range(60):
        mid = (lo + hi) / 2
        got = _area_km2(area_of(mid))
        if abs(got - target_km2) <= AREA_RTOL * target_km2 / 4:
            return mid
        lo, hi = (mid, hi) if got < target_km2 else (lo, mid)
    return (lo + hi) / 2


def axes(frame: Frame, anchor_m: Point) -> tuple[Point, tuple[float, float], tuple[float, float]]:
    """Border point nearest the anchor, the border's direction there, and 'into Kursk'.

    The direction is the chord of the border 20 km either side (the border itself
    wiggles); 'into Kursk' is square to it, on Kursk's side.
    """
    s = frame.border.project(anchor_m)
    base = frame.border.interpolate(s)
    a = frame.border.interpolate(max(s - AXIS_HALF_M, 0.0))
    b = frame.border.interpolate(min(s + AXIS_HALF_M, frame.border.length))
    dx, dy = b.x - a.x, b.y - a.y
    chord = math.hypot(dx, dy) or 1.0
    u = (dx / chord, dy / chord)
    n = (-u[1], u[0])
    probe = Point(base.x + n[0] * 2000, base.y + n[1] * 2000)
    if not frame.kursk.contains(probe):
        n = (-n[0], -n[1])
    return base, u, n


def _rectangle(base: Point, u: tuple, n: tuple, width_m: float, depth_m: float) -> Polygon:
    hw = width_m / 2
    return Polygon(
        [
            (base.x - u[0] * hw, base.y - u[1] * hw),
            (base.x + u[0] * hw, base.y + u[1] * hw),
            (base.x + u[0] * hw + n[0] * depth_m, base.y + u[1] * hw + n[1] * depth_m),
            (base.x - u[0] * hw + n[0] * depth_m, base.y - u[1] * hw + n[1] * depth_m),
        ]
    )


def extents_km(geom: BaseGeometry, u: tuple, n: tuple) -> tuple[float, float]:
    """Width (along u) and depth (along n) of a shape, end to end, in km."""
    if geom.is_empty:
        return 0.0, 0.0
    coords = shapely.get_coordinates(geom)
    along = coords[:, 0] * u[0] + coords[:, 1] * u[1]
    across = coords[:, 0] * n[0] + coords[:, 1] * n[1]
    return float(along.max() - along.min()) / 1000, float(across.max() - across.min()) / 1000


def _clip(frame: Frame, geom: BaseGeometry) -> BaseGeometry:
    return shapely.make_valid(geom.intersection(frame.kursk))


def rect_zone(
    frame: Frame,
    anchor_m: Point,
    depth_km: float,
    width_km: float | None = None,
    area_km2: float | None = None,
) -> Zone:
    """A straight-fronted rectangle on the anchor's border stretch, clipped to Kursk.

    With `width_km` it is a box drawn as stated (area reported as it results); with
    `area_km2` instead, the width is solved so the clipped area equals the figure.
    """
    base, u, n = axes(frame, anchor_m)
    depth_m = depth_km * 1000
    if width_km is None:
        if not area_km2 or area_km2 <= 0:
            return Zone(Polygon(), "none", 0.0, 0.0, 0.0)
        width_m = _solve(
            lambda w: _clip(frame, _rectangle(base, u, n, w, depth_m)),
            area_km2,
            area_km2 / depth_km * 1000,
        )
        shape = "band"
    else:
        width_m, shape = width_km * 1000, "box"
    geom = _clip(frame, _rectangle(base, u, n, width_m, depth_m))
    width, depth = extents_km(geom, u, n)
    return Zone(geom, shape, width, depth, _area_km2(geom))


def capsule_zone(frame: Frame, anchor_m: Point, area_km2: float) -> Zone:
    """Kursk region within a distance of the border-to-anchor line, sized to the area."""
    if area_km2 <= 0:
        return Zone(Polygon(), "none", 0.0, 0.0, 0.0)
    base, u, n = axes(frame, anchor_m)
    spine = LineString([base, anchor_m]) if base.distance(anchor_m) > 50 else base

    def shape(r: float) -> BaseGeometry:
        return _clip(frame, spine.buffer(r, quad_segs=16))

    radius = _solve(shape, area_km2, math.sqrt(area_km2 * 1e6 / math.pi))
    geom = shape(radius)
    width, depth = extents_km(geom, u, n)
    return Zone(geom, "capsule", width, depth, _area_km2(geom))


def draw(row: pd.Series | dict, frame: Frame) -> Zone:
    """The zone of one candidate row (see :func:`geo.currency.area_bearing`)."""
    anchor_m = to_metric(row["anchor_lon"], row["anchor_lat"])
    if row["kind"] == "box":
        return rect_zone(frame, anchor_m, row["depth_km"], width_km=row["width_km"])
    depth = row.get("shape_depth_km")
    if depth is not None and not pd.isna(depth):
        return rect_zone(frame, anchor_m, float(depth), area_km2=row["area_km2"])
    return capsule_zone(frame, anchor_m, row["area_km2"])


ZONE_COLUMNS = [
    *CANDIDATE_COLUMNS, "stated_on", "age_days", "current", "stale_reason", "superseded_on",
    "superseded_by", "stated_area_km2", "derived_area_km2", "shape", "drawn_area_km2",
    "drawn_width_km", "drawn_depth_km",
]  # fmt: skip


def zones_for(
    selected: pd.DataFrame,
    frame: Frame,
    shape_of: Callable[[pd.Series], Zone] | None = None,
) -> gpd.GeoDataFrame:
    """Draw the zone of each selected figure; returns EPSG:4326 with :data:`ZONE_COLUMNS`.

    `shape_of` lets a caller cache shapes by claim id (a shape never depends on the date).
    """
    shape_of = shape_of or (lambda row: draw(row, frame))
    rows, geoms = [], []
    for _, row in selected.iterrows():
        zone = shape_of(row)
        out = {col: row.get(col) for col in ZONE_COLUMNS if col in row.index}
        derived = bool(row["derived"])
        out.update(
            area_km2=float(row["area_km2"]),
            stated_area_km2=None if derived else float(row["area_km2"]),
            derived_area_km2=round(float(row["area_km2"]), 1) if derived else None,
            shape=zone.shape,
            drawn_area_km2=round(zone.area_km2, 1),
            drawn_width_km=round(zone.width_km, 2),
            drawn_depth_km=round(zone.depth_km, 2),
        )
        rows.append(out)
        geoms.append(zone.geometry)
    frame_df = pd.DataFrame(rows).reindex(columns=ZONE_COLUMNS)
    gdf = gpd.GeoDataFrame(frame_df, geometry=geoms, crs=METRIC)
    return gdf.to_crs(WGS84)


def anchors_dict(anchors: pd.DataFrame) -> dict[str, dict]:
    """``geo.load_anchors()`` as id -> fields, the form :func:`area_bearing` takes."""
    return {row["id"]: row.to_dict() for _, row in anchors.iterrows()}


def claim_zones(
    as_of: object = "2024-08-12",
    claims: pd.DataFrame | None = None,
    regions: gpd.GeoDataFrame | None = None,
    anchors: pd.DataFrame | None = None,
) -> gpd.GeoDataFrame:
    """One zone per side: its latest figure on or before `as_of`, current or stale.

    Columns (EPSG:4326): ``side, claim_id, claimant, source_kind, area_km2`` (the figure
    drawn, stated or derived), ``stated_area_km2`` / ``derived_area_km2``, ``derived``,
    ``derivation`` (the arithmetic, '' when stated), ``stated_on``, ``age_days``,
    ``current``, ``stale_reason``, ``anchor`` (the place the zone is built around),
    ``shape`` and the drawn area, width and depth (km², km).
    """
    claims = load_claims() if claims is None else claims
    regions = load_regions() if regions is None else regions
    places = anchors_dict(load_anchors() if anchors is None else anchors)
    selected = select_as_of(area_bearing(claims, places), as_of, territorial_statements(claims))
    return zones_for(selected, build_frame(regions))
