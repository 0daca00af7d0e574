"""Turn a figure into a schematic but area-true zone, built around where the source puts it.

Neither side published a line, so every zone is a construction. Each is drawn inside the
territory its record is about (Kursk, Sumy, or Sumy + Kharkiv as one figure), from that
territory's border with the other country. Four shapes, chosen by what was stated:

- **box** (a width and a depth, Smirnov's 12 × 40 km): the part of the territory within
  the stated depth of the border, along a stretch of border whose ends lie the stated
  width apart (end to end), centred on the anchor's border point. Its area is whatever
  results (reported, not tuned).
- **band** (an area and a stated depth, Syrskyi's "up to 35 km"): a rectangle of that
  depth along the border, its width solved so its area equals the figure.
- **strip** (an area between two named places): the territory within a distance of the
  border between the border points nearest the two places, the distance solved for the
  area (Sumy's 2025 salient from Khotin to Yunakivka; Sumy + Kharkiv to Vovchansk).
- **capsule** (an area alone): the territory within a distance of the line from the
  nearest border point to the anchor, the distance solved for the area. It borrows no
  one's proportions, contains its anchor and touches the border.

A figure whose place could not be located (no anchor outside Kursk) is not drawn
(shape ``unplaced``). Areas are measured in an equal-area CRS. This module returns
numbers (sizes, axes, anchor); reader prose is built in ``components/``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import geopandas as gpd
import pandas as pd
import shapely
import shapely.ops
from shapely.geometry import LineString, Point, Polygon
from shapely.geometry.base import BaseGeometry

from geo.crs import EQUAL_AREA, METRIC, WGS84
from geo.currency import CANDIDATE_COLUMNS, BoxArea
from geo.errors import DataError

#: Relative area tolerance of the solver (0.1 %).
AREA_RTOL = 1e-3
#: Half the border stretch (m) whose chord sets a rectangle's direction.
AXIS_HALF_M = 20_000
#: Region of each territory part (ISO 3166-2), and the country it lies in.
TERRITORY_ISO = {"kursk": "RU-KRS", "belgorod": "RU-BEL", "sumy": "UA-59", "kharkiv": "UA-63"}
#: Spacing (m) of the points a border is sampled at when a box's ends are found.
SAMPLE_M = 50.0

__all__ = [
    "Frame",
    "Zone",
    "anchors_dict",
    "border_box",
    "box_area",
    "build_frame",
    "capsule_zone",
    "draw",
    "rect_zone",
    "strip_zone",
    "zones_for",
]


@dataclass(frozen=True)
class Frame:
    """The fixed geography every zone is drawn in (metric CRS).

    ``border`` and ``kursk`` are Kursk's; ``areas`` and ``borders`` hold every territory
    a record can be about (``'sumy+kharkiv'`` as one union), its border with the other
    country running west to east.
    """

    border: LineString  # Kursk–Sumy border, west to east
    kursk: BaseGeometry
    areas: Mapping[str, BaseGeometry] = field(default_factory=dict)
    borders: Mapping[str, LineString] = field(default_factory=dict)

    def area(self, territory: str) -> BaseGeometry:
        """The territory's polygon (Kursk when the frame knows no other)."""
        return self.areas.get(territory, self.kursk)

    def border_of(self, territory: str) -> LineString:
        """The territory's border with the other country, west to east."""
        return self.borders.get(territory, self.border)


def _longest_shared(first: BaseGeometry, second: BaseGeometry) -> LineString | None:
    shared = shapely.line_merge(first.boundary.intersection(second.boundary))
    parts = [g for g in shapely.get_parts(shared) if g.geom_type == "LineString"]
    if not parts:
        return None
    line = max(parts, key=lambda g: g.length)
    return line.reverse() if line.coords[0][0] > line.coords[-1][0] else line


def build_frame(regions: gpd.GeoDataFrame) -> Frame:
    """Every territory's polygon and border with the other country, from the regions.

    Kursk's border is the Kursk–Sumy line as before; a territory of several regions
    (Sumy + Kharkiv) is their union, its border the longest line it shares with the
    other country's regions.
    """
    try:
        pair = regions.set_index("iso_3166_2").loc[["RU-KRS", "UA-59"]]
    except KeyError as exc:
        raise DataError("data/regions.geojson: Kursk (RU-KRS) or Sumy (UA-59) missing") from exc
    metric = pair.to_crs(METRIC).geometry
    kursk, sumy = metric.loc["RU-KRS"], metric.loc["UA-59"]
    border = _longest_shared(kursk, sumy)
    if border is None:
        raise DataError("data/regions.geojson: Kursk and Sumy share no border")
    every = regions.set_index("iso_3166_2").to_crs(METRIC)
    by_country = {
        country: shapely.union_all(list(group.geometry))
        for country, group in every.groupby("country")
    }
    areas: dict[str, BaseGeometry] = {}
    borders: dict[str, LineString] = {"kursk": border}
    from geo.claim_schema import TERRITORIES, TERRITORY_COUNTRY

    for territory in TERRITORIES:
        parts = territory.split("+")
        isos = [TERRITORY_ISO[p] for p in parts]
        if not all(iso in every.index for iso in isos):
            continue
        areas[territory] = shapely.union_all([every.loc[iso].geometry for iso in isos])
        countries = {TERRITORY_COUNTRY[p] for p in parts}
        if territory in borders or len(countries) != 1:
            continue
        other = "UA" if countries == {"russia"} else "RU"
        line = _longest_shared(areas[territory], by_country.get(other, Polygon()))
        if line is not None:
            borders[territory] = line
    areas["kursk"] = kursk
    return Frame(border=border, kursk=kursk, areas=areas, borders=borders)


def to_metric(lon: float, lat: float) -> Point:
    """A lon/lat point in the metric CRS."""
    return gpd.GeoSeries([Point(lon, lat)], crs=WGS84).to_crs(METRIC).iloc[0]


@dataclass(frozen=True)
class Zone:
    """A drawn zone (metric CRS) with the sizes measured on it."""

    geometry: BaseGeometry
    shape: str  # 'box' | 'band' | 'strip' | 'capsule' | 'none' | 'unplaced'
    width_km: float  # extent along the border chord
    depth_km: float  # extent square to it, into the territory
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
            raise ValueError(f"area {target_km2!r} km² does not fit in its territory")
    for _ in range(60):
        mid = (lo + hi) / 2
        got = _area_km2(area_of(mid))
        if abs(got - target_km2) <= AREA_RTOL * target_km2 / 4:
            return mid
        lo, hi = (mid, hi) if got < target_km2 else (lo, mid)
    return (lo + hi) / 2


def _inward(area: BaseGeometry, base: Point, u: tuple[float, float]) -> tuple[float, float]:
    """The unit normal to `u` at `base` that points into `area`."""
    n = (-u[1], u[0])
    probe = Point(base.x + n[0] * 2000, base.y + n[1] * 2000)
    return n if area.contains(probe) else (-n[0], -n[1])


def axes(
    frame: Frame, anchor_m: Point, territory: str = "kursk"
) -> tuple[Point, tuple[float, float], tuple[float, float]]:
    """Border point nearest the anchor, the border's direction there, and 'inwards'.

    The direction is the chord of the border 20 km either side (the border itself
    wiggles); 'inwards' is square to it, on the territory's side.
    """
    line = frame.border_of(territory)
    s = line.project(anchor_m)
    base = line.interpolate(s)
    a = line.interpolate(max(s - AXIS_HALF_M, 0.0))
    b = line.interpolate(min(s + AXIS_HALF_M, line.length))
    dx, dy = b.x - a.x, b.y - a.y
    chord = math.hypot(dx, dy) or 1.0
    u = (dx / chord, dy / chord)
    return base, u, _inward(frame.area(territory), base, u)


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


def _clip(frame: Frame, geom: BaseGeometry, territory: str = "kursk") -> BaseGeometry:
    return shapely.make_valid(geom.intersection(frame.area(territory)))


def _stretch_ends(line: LineString, centre_s: float, width_m: float) -> tuple[float, float]:
    """Positions along `line` of a stretch centred on `centre_s` whose ends lie `width_m`
    apart as the crow flies: each end is the first point, walking away from the centre,
    at a straight-line distance h from it, with h solved for the ends' distance."""
    count = max(int(line.length / SAMPLE_M), 2)
    at = [line.length * i / count for i in range(count + 1)]
    points = shapely.get_coordinates([line.interpolate(s) for s in at])
    centre = line.interpolate(centre_s)
    dist = [math.hypot(x - centre.x, y - centre.y) for x, y in points]
    mid = min(range(len(at)), key=lambda i: abs(at[i] - centre_s))

    def ends(h: float) -> tuple[int, int]:
        lo = next((i for i in range(mid, -1, -1) if dist[i] >= h), 0)
        hi = next((i for i in range(mid, len(at)) if dist[i] >= h), len(at) - 1)
        return lo, hi

    def gap(h: float) -> float:
        lo, hi = ends(h)
        return math.dist(points[lo], points[hi])

    low, high = 0.0, width_m
    while gap(high) < width_m and high < line.length:
        high *= 1.5
    for _ in range(50):
        h = (low + high) / 2
        low, high = (h, high) if gap(h) < width_m else (low, h)
    lo, hi = ends(high)
    return at[lo], at[hi]


def border_box(
    frame: Frame, anchor_m: Point, depth_km: float, width_km: float, territory: str = "kursk"
) -> Zone:
    """A width and a depth drawn from the border: the part of the territory within
    `depth_km` of a stretch of border whose ends lie `width_km` apart, centred on the
    border point nearest the anchor, cut square to the stretch at its two ends.

    Every point lies within the depth of the border, and the zone runs the width end to
    end along it. Its area is whatever results (the border wiggles): reported, not tuned.
    """
    line = frame.border_of(territory)
    start, end = _stretch_ends(line, line.project(anchor_m), width_km * 1000)
    stretch = shapely.ops.substring(line, start, end)
    a, b = Point(stretch.coords[0]), Point(stretch.coords[-1])
    chord = a.distance(b) or 1.0
    u = ((b.x - a.x) / chord, (b.y - a.y) / chord)
    far = 200_000  # a slab between the two cuts, wide enough for any depth
    slab = Polygon(
        [
            (a.x - u[1] * far, a.y + u[0] * far),
            (b.x - u[1] * far, b.y + u[0] * far),
            (b.x + u[1] * far, b.y - u[0] * far),
            (a.x + u[1] * far, a.y - u[0] * far),
        ]
    )
    reach = stretch.buffer(depth_km * 1000, quad_segs=16)
    geom = _clip(frame, reach.intersection(slab), territory)
    base = line.interpolate(line.project(anchor_m))
    width, depth = extents_km(geom, u, _inward(frame.area(territory), base, u))
    return Zone(geom, "box", width, depth, _area_km2(geom))


def rect_zone(
    frame: Frame,
    anchor_m: Point,
    depth_km: float,
    width_km: float | None = None,
    area_km2: float | None = None,
    territory: str = "kursk",
) -> Zone:
    """A straight-fronted rectangle on the anchor's border stretch, clipped to the territory.

    With `area_km2`, the width is solved so the clipped area equals the figure (a band);
    with `width_km` instead, it is drawn at that width (area reported as it results).
    A stated box is drawn from the border by :func:`border_box`.
    """
    base, u, n = axes(frame, anchor_m, territory)
    depth_m = depth_km * 1000
    if width_km is None:
        if not area_km2 or area_km2 <= 0:
            return Zone(Polygon(), "none", 0.0, 0.0, 0.0)
        width_m = _solve(
            lambda w: _clip(frame, _rectangle(base, u, n, w, depth_m), territory),
            area_km2,
            area_km2 / depth_km * 1000,
        )
        shape = "band"
    else:
        width_m, shape = width_km * 1000, "box"
    geom = _clip(frame, _rectangle(base, u, n, width_m, depth_m), territory)
    width, depth = extents_km(geom, u, n)
    return Zone(geom, shape, width, depth, _area_km2(geom))


def capsule_zone(frame: Frame, anchor_m: Point, area_km2: float, territory: str = "kursk") -> Zone:
    """The territory within a distance of the border-to-anchor line, sized to the area."""
    if area_km2 <= 0:
        return Zone(Polygon(), "none", 0.0, 0.0, 0.0)
    base, u, n = axes(frame, anchor_m, territory)
    spine = LineString([base, anchor_m]) if base.distance(anchor_m) > 50 else base

    def shape(r: float) -> BaseGeometry:
        return _clip(frame, spine.buffer(r, quad_segs=16), territory)

    radius = _solve(shape, area_km2, math.sqrt(area_km2 * 1e6 / math.pi))
    geom = shape(radius)
    width, depth = extents_km(geom, u, n)
    return Zone(geom, "capsule", width, depth, _area_km2(geom))


def strip_zone(
    frame: Frame, from_m: Point, to_m: Point, area_km2: float, territory: str = "kursk"
) -> Zone:
    """The territory within a distance of the border between the points nearest two
    places, the distance solved so the area equals the figure."""
    if area_km2 <= 0:
        return Zone(Polygon(), "none", 0.0, 0.0, 0.0)
    line = frame.border_of(territory)
    ends = sorted((line.project(from_m), line.project(to_m)))
    stretch = shapely.ops.substring(line, *ends)

    def shape(r: float) -> BaseGeometry:
        return _clip(frame, stretch.buffer(r, quad_segs=16), territory)

    reach = _solve(shape, area_km2, area_km2 * 1e6 / max(stretch.length, 1000.0))
    geom = shape(reach)
    # Along a bending border, extents say little: report the stretch's length and the
    # distance from the border that the area needs.
    return Zone(geom, "strip", stretch.length / 1000, reach / 1000, _area_km2(geom))


def _placed(value: object) -> bool:
    return value is not None and not pd.isna(value)


def draw(row: pd.Series | dict, frame: Frame) -> Zone:
    """The zone of one candidate row (see :func:`geo.currency.area_bearing`)."""
    if not _placed(row.get("anchor_lon")):
        return Zone(Polygon(), "unplaced", 0.0, 0.0, 0.0)
    territory = row.get("territory") or "kursk"
    anchor_m = to_metric(row["anchor_lon"], row["anchor_lat"])
    if row["kind"] == "box":
        deepest = row.get("shape_depth_km")
        depth = float(deepest) if _placed(deepest) else float(row["depth_km"])
        return border_box(frame, anchor_m, depth, float(row["width_km"]), territory)
    if _placed(row.get("anchor_to_lon")):
        far_m = to_metric(row["anchor_to_lon"], row["anchor_to_lat"])
        return strip_zone(frame, anchor_m, far_m, row["area_km2"], territory)
    depth = row.get("shape_depth_km")
    if _placed(depth):
        return rect_zone(frame, anchor_m, float(depth), area_km2=row["area_km2"],
                         territory=territory)  # fmt: skip
    return capsule_zone(frame, anchor_m, row["area_km2"], territory)


def box_area(frame: Frame) -> BoxArea:
    """The area (km²) of a box row as drawn from the border in `frame`."""
    return lambda row: draw(row, frame).area_km2


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
    """Draw the zone of each selected figure; returns EPSG:4326 with :data:`ZONE_COLUMNS`
    and the figures' names in each language.

    `shape_of` lets a caller cache shapes by claim id (a shape never depends on the date).
    """
    shape_of = shape_of or (lambda row: draw(row, frame))
    names = [col for col in selected.columns if col not in ZONE_COLUMNS]  # in each language
    columns = [*ZONE_COLUMNS, *names]
    rows, geoms = [], []
    for _, row in selected.iterrows():
        zone = shape_of(row)
        out = {col: row.get(col) for col in columns if col in row.index}
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
    frame_df = pd.DataFrame(rows).reindex(columns=columns)
    gdf = gpd.GeoDataFrame(frame_df, geometry=geoms, crs=METRIC)
    return gdf.to_crs(WGS84)


def anchors_dict(anchors: pd.DataFrame) -> dict[str, dict]:
    """``geo.load_anchors()`` as id -> fields, the form :func:`area_bearing` takes."""
    return {row["id"]: row.to_dict() for _, row in anchors.iterrows()}
