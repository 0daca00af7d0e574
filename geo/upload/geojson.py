"""GeoJSON (RFC 7946, plus the 2008 ``crs`` name member), read by Python's ``json``: no
URL or file named in it is ever followed, NaN and Infinity are refused while parsing,
vertices and parts are counted as the geometries are built."""

from __future__ import annotations

import json
import re
from typing import Any

import numpy as np
import shapely
from pyproj import CRS
from pyproj.exceptions import CRSError

from geo.upload.model import Limits, UploadError
from geo.upload.raw import Props, Raw, RawLayer

EPSG_NAME = re.compile(
    r"^(?:urn:ogc:def:crs:EPSG:[\d.]*:|EPSG:{1,2}|https?://www\.opengis\.net/def/crs/EPSG/"
    r"[\d.]+/)(\d{1,6})$",
    re.IGNORECASE,
)
CRS84_NAMES = {"urn:ogc:def:crs:ogc:1.3:crs84", "urn:ogc:def:crs:ogc::crs84", "ogc:crs84"}
GEOMETRY_TYPES = {
    "Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon",
    "GeometryCollection",
}  # fmt: skip


def _no_constant(name: str) -> float:
    raise UploadError("bad_coordinates", what=name)


class _Counter:
    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.vertices = 0
        self.parts = 0

    def add(self, vertices: int, parts: int = 0) -> None:
        self.vertices += vertices
        self.parts += parts
        if self.vertices > self.limits.max_vertices:
            raise UploadError(
                "too_many_vertices", n=self.vertices, limit=self.limits.max_vertices, more=True
            )
        if self.parts > self.limits.max_parts:
            raise UploadError("too_many_parts", n=self.parts, limit=self.limits.max_parts)


def _coords(value: Any, count: _Counter) -> np.ndarray:
    """An (n, 2) float array from GeoJSON positions; refuses non-numbers and NaN/∞."""
    if not isinstance(value, list):
        raise UploadError("not_format", kind="GeoJSON")
    try:
        array = np.asarray(value)
    except (ValueError, OverflowError) as exc:  # ragged nesting, or an integer beyond float
        raise UploadError("not_format", kind="GeoJSON") from exc
    if array.ndim == 1 and array.size == 0:
        return np.empty((0, 2))
    if array.dtype.kind not in "iuf":
        raise UploadError("bad_coordinates", what="not a number")
    if array.ndim != 2 or array.shape[1] < 2:
        raise UploadError("not_format", kind="GeoJSON")
    array = array[:, :2].astype(float)
    if not np.isfinite(array).all():
        raise UploadError("bad_coordinates", what="not finite")
    count.add(len(array))
    return array


def _ring(value: Any, count: _Counter) -> np.ndarray:
    ring = _coords(value, count)
    if len(ring) and not np.array_equal(ring[0], ring[-1]):
        ring = np.vstack([ring, ring[:1]])
    if len(ring) < 4:
        raise UploadError("not_format", kind="GeoJSON")
    return ring


def _polygon(value: Any, count: _Counter) -> shapely.Polygon:
    if not isinstance(value, list) or not value:
        raise UploadError("not_format", kind="GeoJSON")
    rings = [_ring(r, count) for r in value]
    count.add(0, parts=1)
    return shapely.Polygon(rings[0], rings[1:])


def _geometry(obj: Any, count: _Counter, depth: int = 0) -> shapely.Geometry | None:
    if obj is None:
        return None
    if not isinstance(obj, dict) or obj.get("type") not in GEOMETRY_TYPES or depth > 8:
        raise UploadError("not_format", kind="GeoJSON")
    kind, coords = obj["type"], obj.get("coordinates")
    if kind == "GeometryCollection":
        members = obj.get("geometries")
        if not isinstance(members, list):
            raise UploadError("not_format", kind="GeoJSON")
        parts = [_geometry(m, count, depth + 1) for m in members]
        return shapely.GeometryCollection([p for p in parts if p is not None])
    if kind == "Polygon":
        return _polygon(coords, count)
    if kind == "MultiPolygon":
        if not isinstance(coords, list):
            raise UploadError("not_format", kind="GeoJSON")
        return shapely.MultiPolygon([_polygon(p, count) for p in coords])
    if kind == "Point":
        return shapely.Point(_coords([coords], count)[0])
    if kind in ("MultiPoint", "LineString"):
        points = _coords(coords, count)
        return shapely.MultiPoint(points) if kind == "MultiPoint" else shapely.LineString(points)
    if not isinstance(coords, list):
        raise UploadError("not_format", kind="GeoJSON")
    return shapely.MultiLineString([_coords(line, count) for line in coords])


def _geojson_crs(member: Any) -> CRS | None:
    """The legacy (2008) GeoJSON ``crs`` member: an EPSG or CRS84 name; never a link."""
    if member is None:
        return None
    if not isinstance(member, dict):
        raise UploadError("crs_unknown")
    if member.get("type") == "link":
        raise UploadError("crs_link")
    name = str((member.get("properties") or {}).get("name", "")).strip()
    if member.get("type") != "name" or not name:
        raise UploadError("crs_unknown")
    if name.lower() in CRS84_NAMES:
        return None
    match = EPSG_NAME.match(name)
    if not match:
        raise UploadError("crs_unknown")
    try:
        crs = CRS.from_epsg(int(match.group(1)))
    except CRSError as exc:
        raise UploadError("crs_unknown") from exc
    return None if crs.to_epsg() == 4326 else crs


def read_geojson(data: bytes, limits: Limits) -> Raw:
    """GeoJSON (RFC 7946, plus the legacy ``crs`` name member) read with Python's json."""
    text = data.lstrip()
    if text.startswith(b"\xef\xbb\xbf"):
        text = text[3:].lstrip()
    if not text.startswith(b"{"):  # XML (VRT, WFS…), arrays, binaries: not GeoJSON
        raise UploadError("not_format", kind="GeoJSON")
    try:
        doc = json.loads(text, parse_constant=_no_constant)
    except UploadError:
        raise
    except (ValueError, RecursionError) as exc:  # JSONDecodeError, bad UTF-8, deep nesting
        raise UploadError("not_format", kind="GeoJSON") from exc
    kind = doc.get("type")
    if kind == "FeatureCollection":
        features = doc.get("features")
    elif kind == "Feature":
        features = [doc]
    elif kind in GEOMETRY_TYPES:
        features = [{"type": "Feature", "properties": {}, "geometry": doc}]
    else:
        raise UploadError("not_format", kind="GeoJSON")
    if not isinstance(features, list):
        raise UploadError("not_format", kind="GeoJSON")
    if len(features) > limits.max_features:
        raise UploadError("too_many_features", n=len(features), limit=limits.max_features)
    crs = _geojson_crs(doc.get("crs"))
    count, props = _Counter(limits), Props(limits)
    geoms, rows = [], []
    for feat in features:
        if not isinstance(feat, dict) or feat.get("type") != "Feature":
            raise UploadError("not_format", kind="GeoJSON")
        geoms.append(_geometry(feat.get("geometry"), count))
        values = feat.get("properties")
        rows.append(props.take(values if isinstance(values, dict) else {}))
    layer = RawLayer(np.array(geoms, dtype=object), rows, crs)
    return Raw("GeoJSON", [layer], trimmed=props.trimmed)
