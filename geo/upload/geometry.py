"""Raw layers → polygons on WGS84 with their areas, and a light copy to draw.

Runs in the bounded reading process, in this order, each step refusing with a reason:
count (vertices, parts, finite coordinates), project to longitude/latitude, keep the
polygons, repair invalid ones (only up to ``max_repair_vertices``), measure on the
ellipsoid, simplify for the screen. Every change is returned as a ``Note``.
"""

from __future__ import annotations

import numpy as np
import shapely
from pyproj import CRS, Geod, Transformer
from pyproj.exceptions import ProjError

from geo.upload.model import Limits, Note, UploadError
from geo.upload.raw import Raw, RawLayer

_GEOD = Geod(ellps="WGS84")
#: Polygons wider than this (degrees of longitude) are measured in bands of this width:
#: a ring around the whole globe has no inside on the ellipsoid otherwise.
BAND = 90.0
#: Edges are densified to this length (degrees) before measuring, so that an edge is
#: measured along the line drawn between its ends in longitude/latitude.
DENSIFY = 1.0
#: Coordinates sent to the browser are rounded to this many decimals (1e-5°, ~1 m).
DISPLAY_DECIMALS = 5
_POLYGONAL = {3, 6}  # shapely type ids: Polygon, MultiPolygon
_POINTS = {0, 4}
_LINES = {1, 2, 5}
_COLLECTION = 7


def polygon_km2(geom: shapely.Geometry) -> float:
    """Area of a (multi)polygon on the WGS84 ellipsoid, km²; right for any size.

    >>> round(polygon_km2(shapely.box(-180, -90, 180, 90)))  # the whole Earth
    510065622
    """
    minx, _, maxx, _ = geom.bounds
    pieces = (
        [geom]
        if maxx - minx <= BAND
        else [shapely.clip_by_rect(geom, x, -90, x + BAND, 90) for x in np.arange(-180, 180, BAND)]
    )
    total = 0.0
    for piece in pieces:
        for part in shapely.get_parts(piece):
            if shapely.get_type_id(part) == 3:
                part = shapely.orient_polygons(shapely.segmentize(part, DENSIFY))
                total += abs(_GEOD.geometry_area_perimeter(part)[0])
    return total / 1e6


def _count(geoms: np.ndarray, limits: Limits) -> None:
    vertices = int(shapely.get_num_coordinates(geoms).sum())
    if vertices > limits.max_vertices:
        raise UploadError("too_many_vertices", n=vertices, limit=limits.max_vertices)
    parts = int(np.maximum(shapely.get_num_geometries(geoms), 0).sum())
    if parts > limits.max_parts:
        raise UploadError("too_many_parts", n=parts, limit=limits.max_parts)
    if not np.isfinite(shapely.get_coordinates(geoms)).all():
        raise UploadError("bad_coordinates", what="not finite")


def _to_wgs84(layer: RawLayer) -> tuple[np.ndarray, Note | None]:
    """The layer's geometries in longitude/latitude, and a note if they were projected."""
    if layer.crs is None:
        return layer.geoms, None
    try:
        transformer = Transformer.from_crs(layer.crs, CRS.from_epsg(4326), always_xy=True)

        def move(xy: np.ndarray) -> np.ndarray:
            return np.column_stack(transformer.transform(xy[:, 0], xy[:, 1], errcheck=True))

        geoms = shapely.transform(layer.geoms, move)
    except ProjError as exc:
        raise UploadError("not_lonlat") from exc
    epsg = layer.crs.to_epsg()
    return geoms, Note("reprojected", {"crs": f"EPSG:{epsg}" if epsg else layer.crs.name[:60]})


def _check_lonlat(geoms: np.ndarray) -> None:
    present = geoms[~shapely.is_missing(geoms) & ~shapely.is_empty(geoms)]
    if not len(present):
        return
    coords = shapely.get_coordinates(present)
    if not np.isfinite(coords).all():
        raise UploadError("not_lonlat")
    lon, lat = coords[:, 0], coords[:, 1]
    if lon.min() < -180 or lon.max() > 180 or lat.min() < -90 or lat.max() > 90:
        raise UploadError("not_lonlat")


def _polygonal(geoms: np.ndarray) -> tuple[np.ndarray, int, int]:
    """Each geometry's polygon parts (None if it has none), and how many point and line
    geometries were dropped."""
    out = np.full(len(geoms), None, dtype=object)
    points = lines = 0
    types = shapely.get_type_id(geoms)
    for i, (geom, kind) in enumerate(zip(geoms, types, strict=True)):
        if geom is None or geom.is_empty:
            continue
        if kind in _POLYGONAL:
            out[i] = geom
            continue
        parts, polys = [geom], []
        while parts:
            part = parts.pop()
            part_kind = shapely.get_type_id(part)
            if part_kind == _COLLECTION or part_kind in (4, 5, 6):
                parts.extend(shapely.get_parts(part))
            elif part_kind == 3:
                polys.append(part)
            elif part_kind in _POINTS:
                points += 1
            elif part_kind in _LINES:
                lines += 1
        if len(polys) == 1:
            out[i] = polys[0]
        elif polys:
            out[i] = shapely.MultiPolygon(polys)
    return out, points, lines


def _only_polygons(geom: shapely.Geometry) -> shapely.Geometry | None:
    polys = [p for p in shapely.get_parts(geom) if shapely.get_type_id(p) in _POLYGONAL]
    polys = [q for p in polys for q in shapely.get_parts(p)]
    if not polys:
        return None
    return polys[0] if len(polys) == 1 else shapely.MultiPolygon(polys)


def _repair(polys: np.ndarray, limits: Limits) -> tuple[np.ndarray, int]:
    """Invalid polygons made valid (overlapping parts unioned); refused over the limit."""
    invalid = ~shapely.is_valid(polys)
    if not invalid.any():
        return polys, 0
    vertices = int(shapely.get_num_coordinates(polys[invalid]).sum())
    if vertices > limits.max_repair_vertices:
        raise UploadError("repair_too_big", n=vertices, limit=limits.max_repair_vertices)
    fixed = shapely.make_valid(polys[invalid], method="structure", keep_collapsed=False)
    polys = polys.copy()
    polys[invalid] = [_only_polygons(g) for g in fixed]
    return polys, int(invalid.sum())


def _largest_parts(polys: np.ndarray, budget: int) -> np.ndarray:
    """Each (multi)polygon with only its largest parts (bounding-box diagonal), taken
    largest first across the layer while the vertices fit in `budget`; a feature's
    largest part always stays."""
    parts, owner = shapely.get_parts(polys, return_index=True)
    minx, miny, maxx, maxy = shapely.bounds(parts).T
    order = np.argsort(-np.hypot(maxx - minx, maxy - miny), kind="stable")
    first = np.zeros(len(parts), dtype=bool)
    first[order[np.unique(owner[order], return_index=True)[1]]] = True
    cost = shapely.get_num_coordinates(parts)
    fits = np.zeros(len(parts), dtype=bool)
    fits[order] = np.cumsum(cost[order]) <= budget
    keep = fits | first
    out = np.empty(len(polys), dtype=object)
    return shapely.multipolygons(parts[keep], indices=owner[keep], out=out)


def for_display(polys: np.ndarray, budget: int) -> tuple[np.ndarray, int]:
    """A copy with about `budget` vertices at most and coordinates rounded to ~1 m; and
    the vertices before, if it had to be lightened (0 if not).

    Rings are simplified one by one (Douglas–Peucker), the tolerance doubling from
    1/20 to 4 pixels of the fitted layer; if that is not enough (many small parts), the
    largest parts are kept. Both steps are linear in the vertices whatever the shapes.
    The copy is for drawing only; areas are measured on the full geometry.
    """
    before = int(shapely.get_num_coordinates(polys).sum())
    if before <= budget:
        return shapely.transform(polys, lambda xy: np.round(xy, DISPLAY_DECIMALS)), 0
    minx, miny, maxx, maxy = shapely.total_bounds(polys)
    extent = max(maxx - minx, maxy - miny)
    tolerance = extent / 20_000
    while True:
        out = shapely.simplify(polys, tolerance, preserve_topology=False)
        lost = shapely.is_empty(out) | shapely.is_missing(out)
        out[lost] = polys[lost]
        if shapely.get_num_coordinates(out).sum() <= budget or tolerance > extent / 250:
            break
        tolerance *= 2
    if shapely.get_num_coordinates(out).sum() > budget:
        out = _largest_parts(out, budget)
    return shapely.transform(out, lambda xy: np.round(xy, DISPLAY_DECIMALS)), before


def left_out(full: np.ndarray, drawn: np.ndarray) -> list[Note]:
    """Notes for the holes and polygon parts that the drawing lost against the full shapes
    (their area still counts them).

    >>> ring = [(0, 0), (9, 0), (9, 9), (0, 9), (0, 0)]
    >>> holed = shapely.Polygon(ring, [[(1, 1), (2, 1), (2, 2), (1, 1)]])
    >>> left_out(np.array([holed]), np.array([shapely.Polygon(ring)]))
    [Note(code='holes_dropped', params={'n': 1, 'of': 1})]
    """
    notes = []
    before, after = shapely.get_parts(full), shapely.get_parts(drawn)
    holes = int(shapely.get_num_interior_rings(before).sum())
    kept = int(shapely.get_num_interior_rings(after).sum())
    if kept < holes:
        notes.append(Note("holes_dropped", {"n": holes - kept, "of": holes}))
    if len(after) < len(before):
        notes.append(Note("parts_dropped", {"n": len(before) - len(after), "of": len(before)}))
    return notes


def _budget_properties(props: list[dict[str, str]], budget: int) -> tuple[list, bool]:
    """Properties until `budget` characters are used; later features show none."""
    out, used, cut = [], 0, False
    for row in props:
        size = sum(len(k) + len(v) for k, v in row.items())
        if used + size > budget:
            cut = cut or bool(row)
            out.append({})
            continue
        used += size
        out.append(row)
    return out, cut


def prepare(raw: Raw, limits: Limits) -> dict:
    """Everything the page needs, as plain data: WKB to draw, areas, properties, bounds,
    notes. Refuses with an ``UploadError`` (the reason and its numbers)."""
    notes = list(raw.notes)
    geoms, props, assumed = [], [], False
    for layer in raw.layers:
        _count(layer.geoms, limits)
    for layer in raw.layers:
        moved, note = _to_wgs84(layer)
        if note and note not in notes:
            notes.append(note)
        assumed |= layer.crs_assumed
        geoms.append(moved)
        props.extend(layer.props)
    geoms = np.concatenate(geoms) if geoms else np.array([], dtype=object)
    present = ~shapely.is_missing(geoms) & ~shapely.is_empty(geoms)
    if not present.any():
        raise UploadError("no_features")
    _check_lonlat(geoms)
    polys, points, lines = _polygonal(geoms)
    keep = ~shapely.is_missing(polys)
    if not keep.any():
        raise UploadError("no_polygons")
    if points or lines:
        notes.append(Note("dropped", {"points": points, "lines": lines}))
    polys, props = polys[keep], [p for p, k in zip(props, keep, strict=True) if k]
    polys, repaired = _repair(polys, limits)
    if repaired:
        notes.append(Note("repaired", {"n": repaired}))
    keep = ~shapely.is_missing(polys) & ~shapely.is_empty(polys)
    if not keep.any():
        raise UploadError("no_polygons")
    polys, props = polys[keep], [p for p, k in zip(props, keep, strict=True) if k]
    areas = [polygon_km2(g) for g in polys]
    if assumed:
        notes.append(Note("crs_assumed", {}))
    minx, miny, maxx, maxy = (float(v) for v in shapely.total_bounds(polys))
    drawn, simplified = for_display(polys, limits.display_vertices)
    if simplified:
        kept = int(shapely.get_num_coordinates(drawn).sum())
        notes.append(Note("simplified", {"before": simplified, "after": kept}))
        notes.extend(left_out(polys, drawn))
    props, cut = _budget_properties(props, limits.property_budget)
    if cut or raw.trimmed:
        notes.append(Note("properties_trimmed", {"n": limits.shown_properties}))
    return {
        "wkb": list(shapely.to_wkb(drawn)),
        "area_km2": areas,
        "props": props,
        "bounds": (miny, minx, maxy, maxx),
        "notes": notes,
        "kind": raw.kind,
    }


def placement(
    bounds: tuple[float, float, float, float], area: tuple[float, float, float, float]
) -> Note | None:
    """A note when a layer lies outside the map area (both as south, west, north, east):
    where it lies, and whether swapping latitude and longitude would bring it inside.

    >>> placement((35.0, 51.0, 35.3, 51.5), (48.5, 30.5, 54.0, 42.9)).params
    {'lat': 35.15, 'lon': 51.25, 'swapped': True}
    >>> placement((51.0, 35.0, 51.3, 35.5), (48.5, 30.5, 54.0, 42.9)) is None
    True
    """

    def overlaps(s: float, w: float, n: float, e: float) -> bool:
        return s <= area[2] and n >= area[0] and w <= area[3] and e >= area[1]

    south, west, north, east = bounds
    if overlaps(south, west, north, east):
        return None
    swapped = -90 <= west <= east <= 90 and overlaps(west, south, east, north)
    lat, lon = round((south + north) / 2, 2), round((west + east) / 2, 2)
    return Note("outside", {"lat": lat, "lon": lon, "swapped": swapped})
