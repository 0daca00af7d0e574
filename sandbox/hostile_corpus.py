"""Hostile (and a few valid) uploads, generated at test time: no binary is committed.

Each case is a file name, a builder that makes its bytes, and what the reader must do
with it: draw a layer of a known area, or refuse it with a reason code. The same cases
run at two sizes: ``full=False`` (small files, used by the tests together with the small
``TEST_LIMITS``, so the suite stays fast) and ``full=True`` (the sizes of issue 12, used
by ``bench/upload.py`` with the app's own limits).

    .venv/bin/python -m sandbox.hostile_corpus OUTDIR [--full]   # write every case to OUTDIR

Cases that try to fetch something point at ``ctx.url`` (a loopback listener in the tests)
and cases that try to read a local file point at ``ctx.canary`` (a file the test writes,
holding ``CANARY``): the tests prove that no request arrives and the canary never shows.
It lives beside the sandbox it attacks, public, so that the benches need nothing of
``tests/``.
"""

from __future__ import annotations

import argparse
import http.server
import io
import json
import math
import sqlite3
import struct
import threading
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely
from shapely.geometry import LineString, Point, Polygon, box, mapping

from geo.upload import Limits

#: Near Sudzha, ~1,160 km² (the project's standard valid box).
BOX = box(35.0, 51.0, 35.5, 51.3)
CANARY = "CANARY-7f3a9"
#: Small limits for tests: every "limit" case breaks one of them within a second or two.
#: The wall clock is not one of them: it is for a child that waits on nothing, and a busy
#: machine (another suite beside this one) can take a quiet one's second to many.
TEST_LIMITS = Limits(
    memory_mb=160,
    cpu_s=2,
    wall_s=120,
    max_vertices=40_000,
    max_parts=2_000,
    max_repair_vertices=4_000,
    max_columns=100,
)
#: WGS84 ellipsoid surface, km² (the whole-world box).
EARTH_KM2 = 510_065_621.7


@dataclass
class Ctx:
    """Where builders write scratch files, what they point at, and how big they are."""

    tmp: Path
    url: str = "http://127.0.0.1:9"  # the loopback listener of the test, if any
    canary: Path | None = None  # a local file that must never be read
    full: bool = False

    def scratch(self, name: str) -> Path:
        path = self.tmp / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists():
            path.unlink()
        return path

    @property
    def canary_path(self) -> str:
        return str(self.canary or self.tmp / "canary.csv")


@dataclass(frozen=True)
class Case:
    """One upload and its expected outcome.

    ``refused`` is the reason code expected (or a tuple of acceptable codes); otherwise
    a layer must be drawn with ``km2`` (relative tolerance ``rel``) and the ``notes``
    codes among its notes. ``limits`` says which limits the case is meant for
    ("test": ``TEST_LIMITS``; "any": also the app's defaults).
    """

    name: str
    filename: str
    build: Callable[[Ctx], bytes]
    refused: str | tuple[str, ...] | None = None
    km2: float | None = None
    rel: float = 1e-3
    notes: tuple[str, ...] = ()
    limits: str = "any"
    origin: str = "issue 12"
    tags: tuple[str, ...] = field(default=())

    def codes(self) -> tuple[str, ...]:
        return self.refused if isinstance(self.refused, tuple) else (self.refused,)


# ------------------------------------------------------------------ small helpers


def feature(geom, **props) -> dict:
    return {"type": "Feature", "properties": props, "geometry": mapping(geom)}


def fc(*features: dict, **extra) -> bytes:
    return json.dumps({"type": "FeatureCollection", **extra, "features": list(features)}).encode()


def geod_km2(geom=BOX) -> float:
    """Area of a small polygon on the ellipsoid (pyproj directly, not the reader's code)."""
    from pyproj import Geod

    return abs(Geod(ellps="WGS84").geometry_area_perimeter(geom)[0]) / 1e6


SWAPPED = Polygon([(y, x) for x, y in BOX.exterior.coords])


def to_file(ctx: Ctx, frame: gpd.GeoDataFrame, name: str, driver: str) -> Path:
    path = ctx.scratch(name)
    frame.to_file(path, driver=driver)
    return path


def boxes(n: int = 1, crs: str = "EPSG:4326") -> gpd.GeoDataFrame:
    geoms = [box(35.0 + i * 0.01, 51.0, 35.5 + i * 0.01, 51.3) for i in range(n)]
    return gpd.GeoDataFrame({"name": [f"f{i}" for i in range(n)]}, geometry=geoms, crs=crs)


def zip_bytes(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buf.getvalue()


def shapefile_members(ctx: Ctx, frame: gpd.GeoDataFrame, stem: str = "zones") -> dict[str, bytes]:
    folder = ctx.tmp / f"shp-{stem}"
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    frame.to_file(folder / f"{stem}.shp")
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def patch_zip(data: bytes, *, flag: int | None = None, method: int | None = None) -> bytes:
    """Set the general-purpose flag bits or the compression method in every header."""
    raw = bytearray(data)
    for sig, flag_at, method_at in ((b"PK\x03\x04", 6, 8), (b"PK\x01\x02", 8, 10)):
        start = 0
        while (pos := raw.find(sig, start)) >= 0:
            if flag is not None:
                old = struct.unpack_from("<H", raw, pos + flag_at)[0]
                struct.pack_into("<H", raw, pos + flag_at, old | flag)
            if method is not None:
                struct.pack_into("<H", raw, pos + method_at, method)
            start = pos + 4
    return bytes(raw)


def gpkg_with(ctx: Ctx, sql: list[str], frame: gpd.GeoDataFrame | None = None) -> bytes:
    """A GeoPackage written by GDAL (layer ``zones``), then altered with raw SQL."""
    path = ctx.scratch("edit.gpkg")
    (boxes(3) if frame is None else frame).to_file(path, driver="GPKG", layer="zones")
    with sqlite3.connect(path) as conn:
        for statement in sql:
            conn.execute(statement)
    conn.close()
    return path.read_bytes()


def register_view(name: str, select: str) -> list[str]:
    """SQL that creates a view and lists it as the only feature layer of the package."""
    return [
        f"CREATE VIEW {name} AS {select}",
        "DELETE FROM gpkg_contents",
        "DELETE FROM gpkg_geometry_columns",
        f"INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id) "
        f"VALUES ('{name}', 'features', '{name}', 4326)",
        f"INSERT INTO gpkg_geometry_columns VALUES ('{name}', 'geom', 'POLYGON', 4326, 0, 0)",
    ]


def ogr_vrt(layer: str, *elements: str) -> bytes:
    """An OGR VRT data source of one layer made of ``elements``."""
    body = "".join(elements)
    return (
        f"<OGRVRTDataSource><OGRVRTLayer name='{layer}'>{body}</OGRVRTLayer></OGRVRTDataSource>"
    ).encode()


def vrt_local(ctx: Ctx) -> bytes:
    """An OGR VRT that turns a local CSV file into polygons whose popup lists its lines."""
    return ogr_vrt(
        "leak",
        f"<SrcDataSource>{ctx.canary_path}</SrcDataSource>",
        f"<SrcLayer>{Path(ctx.canary_path).stem}</SrcLayer>",
        "<GeometryField encoding='WKT' field='WKT'/>",
    )


def vrt_remote(ctx: Ctx) -> bytes:
    return ogr_vrt("far", f"<SrcDataSource>/vsicurl/{ctx.url}/layer.geojson</SrcDataSource>")


def wfs_xml(ctx: Ctx) -> bytes:
    return f"<OGRWFSDataSource><URL>{ctx.url}/wfs?</URL></OGRWFSDataSource>".encode()


def kml(body: str, head: str = "") -> bytes:
    placemark = (
        "<Placemark><name>zone</name><Polygon><outerBoundaryIs><LinearRing><coordinates>"
        "35,51 35.5,51 35.5,51.3 35,51.3 35,51</coordinates></LinearRing></outerBoundaryIs>"
        "</Polygon></Placemark>"
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>{head}'
        f'<kml xmlns="http://www.opengis.net/kml/2.2"><Document>{body}{placemark}'
        f"</Document></kml>"
    ).encode()


# ------------------------------------------------------------------ heavy geometry


def zigzag(n: int) -> Polygon:
    """A polygon whose way out and way back zigzag across each other: n self-crossings."""
    xs = np.linspace(0.0, 1.0, n)
    out = np.column_stack([xs, np.where(np.arange(n) % 2, 1.0, 0.0)])
    back = np.column_stack([xs[::-1] + 0.5 / n, np.where(np.arange(n) % 2, 0.0, 1.0)])
    ring = np.vstack([out, back]) * [0.5, 0.3] + [35.0, 51.0]
    return Polygon(ring)


def star(n: int) -> Polygon:
    """A star polygon {n/(n//2)}: every edge crosses almost every other one (~n²/2)."""
    angles = np.arange(n) * (2 * math.pi * (n // 2) / n)
    return Polygon(np.column_stack([35.25 + 0.2 * np.cos(angles), 51.15 + 0.1 * np.sin(angles)]))


def overlapping_parts(parts: int, vertices: int) -> dict:
    """A MultiPolygon of circles that all overlap each other (invalid as a multipolygon)."""
    rng = np.random.default_rng(12)
    coords = []
    for _ in range(parts):
        cx, cy = 35.25 + rng.uniform(-0.05, 0.05), 51.15 + rng.uniform(-0.03, 0.03)
        t = np.linspace(0, 2 * math.pi, vertices, endpoint=False)
        ring = np.column_stack([cx + 0.1 * np.cos(t), cy + 0.06 * np.sin(t)])
        coords.append([np.vstack([ring, ring[:1]]).round(6).tolist()])
    return {"type": "MultiPolygon", "coordinates": coords}


def oblast(target_bytes: int) -> bytes:
    """A valid, real-shaped oblast of about target_bytes of GeoJSON: Kursk's outline from
    data/regions.geojson, densified, with a fine fractal-like wiggle that keeps it valid."""
    from geo.regions import load_regions

    kursk = load_regions().loc["RU-KRS", "geometry"]
    shell = (
        max(shapely.get_parts(kursk), key=lambda p: p.area)
        if kursk.geom_type != "Polygon"
        else kursk
    )
    per_vertex = 26  # bytes of GeoJSON per vertex at 1e-7° precision
    step = shell.exterior.length / max(target_bytes // per_vertex, 10)
    ring = np.asarray(shapely.segmentize(shell.exterior, step).coords)[:-1]
    rng = np.random.default_rng(7)
    wiggle = rng.normal(0, step * 0.15, size=ring.shape)
    ring = np.vstack([ring + wiggle, (ring + wiggle)[:1]]).round(7)
    poly = Polygon(ring)
    if not poly.is_valid:  # never expected at this wiggle; fail loudly if it happens
        raise AssertionError("generated oblast outline is invalid")
    return fc(feature(poly, name="Kursk oblast (synthetic detail)", source="Natural Earth"))


def big_shapefile_zip(ctx: Ctx, vertices: int) -> bytes:
    """One valid polygon with `vertices` vertices, zipped small: a box whose edges step by
    2^-21 degree, each vertex repeated 8 times (3.6 million vertices → 857 kB, ratio 67)."""
    repeat, step = 8, 2.0**-21
    per_side = vertices // (4 * repeat)
    t = np.arange(per_side) * step
    far = per_side * step
    sides = [
        np.column_stack([35.0 + t, np.full(per_side, 51.0)]),
        np.column_stack([np.full(per_side, 35.0 + far), 51.0 + t]),
        np.column_stack([35.0 + far - t, np.full(per_side, 51.0 + far)]),
        np.column_stack([np.full(per_side, 35.0), 51.0 + far - t]),
    ]
    ring = np.repeat(np.vstack(sides), repeat, axis=0)
    ring = np.vstack([ring, ring[:1]])
    frame = gpd.GeoDataFrame({"name": ["dense"]}, geometry=[Polygon(ring)], crs="EPSG:4326")
    return zip_bytes(shapefile_members(ctx, frame))


def nan_shapefile_zip(ctx: Ctx) -> bytes:
    """A zipped shapefile whose polygon has a NaN coordinate (GDAL will not write one, so
    the .shp bytes are patched: the second point's y of the first record)."""
    members = shapefile_members(ctx, boxes())
    shp = bytearray(members["zones.shp"])
    n_parts = struct.unpack_from("<i", shp, 100 + 8 + 36)[0]
    points_at = 100 + 8 + 44 + 4 * n_parts
    struct.pack_into("<d", shp, points_at + 16 + 8, float("nan"))
    members["zones.shp"] = bytes(shp)
    return zip_bytes(members)


def junk_properties(features: int, columns: int, vary: bool, value_len: int = 40) -> bytes:
    """Many features with many properties; with `vary`, no two features share a name."""
    feats = []
    for i in range(features):
        props = {
            (f"k{i}_{j}" if vary else f"col{j}"): f"{i}-{j}-" + "x" * value_len
            for j in range(columns)
        }
        feats.append(feature(box(35 + i * 1e-4, 51.0, 35.001 + i * 1e-4, 51.001), **props))
    return fc(*feats)


def gpkg_many_tables(ctx: Ctx, tables: int) -> bytes:
    """A GeoPackage with `tables` empty feature tables, each registered as a layer (every
    one costs GDAL a layer to open: 4,000 took the whole CPU limit before issue 18), in
    512-byte pages so that 4,000 tables fit in ~3 MB."""
    path = ctx.scratch("tables.gpkg")
    boxes(1).to_file(path, driver="GPKG", layer="zones")
    conn = sqlite3.connect(path)
    try:
        with conn:
            for i in range(tables):
                conn.execute(f"CREATE TABLE t{i} (fid INTEGER PRIMARY KEY, geom POLYGON)")
                conn.execute(
                    "INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id) "
                    "VALUES (?, 'features', ?, 4326)", (f"t{i}", f"t{i}"),
                )  # fmt: skip
                conn.execute(
                    "INSERT INTO gpkg_geometry_columns VALUES (?, 'geom', 'POLYGON', 4326, 0, 0)",
                    (f"t{i}",),
                )
        conn.execute("PRAGMA page_size = 512")
        conn.execute("VACUUM")
    finally:
        conn.close()
    return path.read_bytes()


def shx_repeats(ctx: Ctx, vertices: int, times: int) -> bytes:
    """A zipped shapefile of one `vertices`-vertex polygon whose .shx (and .dbf) name that
    one record `times` times: the .shp holds one record, GDAL would read `times`."""
    t = np.linspace(0, 2 * math.pi, vertices, endpoint=False)
    ring = np.column_stack([35.25 + 0.2 * np.cos(t), 51.15 + 0.1 * np.sin(t)])
    one = gpd.GeoDataFrame({"name": ["big"]}, geometry=[Polygon(ring)], crs="EPSG:4326")
    members = shapefile_members(ctx, one)
    many = shapefile_members(ctx, gpd.GeoDataFrame({"name": ["x"] * times},
                                                   geometry=[BOX] * times, crs="EPSG:4326"),
                             stem="many")  # fmt: skip
    shx = bytearray(members["zones.shx"][:100])
    struct.pack_into(">i", shx, 24, (100 + 8 * times) // 2)  # file length, 16-bit words
    record = members["zones.shx"][100:108]
    members["zones.shx"] = bytes(shx) + record * times
    members["zones.dbf"] = many["many.dbf"]
    return zip_bytes(members)


def shx_first_twice(ctx: Ctx) -> bytes:
    """Two records in the .shp, and an index of the right length naming the first twice."""
    members = shapefile_members(ctx, boxes(2))
    shx = members["zones.shx"]
    members["zones.shx"] = shx[:108] + shx[100:108]
    return zip_bytes(members)


def holes_grid(per_side: int) -> Polygon:
    """A box with per_side² small square holes (a sieve): far more vertices than are drawn,
    with holes too small to survive simplification."""
    step = 0.5 / per_side
    size = step * 0.4
    xs = 35.0 + step * (np.arange(per_side) + 0.3)
    ys = 51.0 + 0.6 * step * (np.arange(per_side) + 0.3)
    holes = [
        [(x, y), (x + size, y), (x + size, y + size * 0.6), (x, y + size * 0.6), (x, y)]
        for x in xs
        for y in ys
    ]
    return Polygon(BOX.exterior.coords, holes)


# ------------------------------------------------------------------ the cases


# fmt: off
def _cases() -> list[Case]:
    km2 = geod_km2()
    nan = b'{"type":"Polygon","coordinates":[[[35,51],[35.5,NaN],[35.5,51.3],[35,51]]]}'
    inf = b'{"type":"Polygon","coordinates":[[[35,51],[35.5,Infinity],[35.5,51.3],[35,51]]]}'
    big = b'{"type":"Polygon","coordinates":[[[35,51],[35.5,1e999],[35.5,51.3],[35,51]]]}'
    text = b'{"type":"Polygon","coordinates":[[["35","51"],["35.5","51"],["35.5","51.3"],["35","51"]]]}'
    deep = b'{"type":"Polygon","coordinates":' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    null_geometry = b'{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":null}]}'
    bowtie = Polygon([(35, 51), (35.4, 51.3), (35.4, 51), (35, 51.3)])
    cross = ("SELECT a.fid AS fid, a.geom AS geom FROM zones a, zones b, zones c, zones d, "
             "zones e, zones f, zones g, zones h")
    recursive = ("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c "
                 "WHERE x < 1000000000000) SELECT x AS fid, (SELECT geom FROM zones LIMIT 1) "
                 "AS geom FROM c WHERE x = 1000000000000")
    laughs = "<!DOCTYPE kml [<!ENTITY l0 'ha'>" + "".join(
        f"<!ENTITY l{i} '{('&l' + str(i - 1) + ';') * 10}'>" for i in range(1, 10)) + "]>"
    srs_999999 = ["INSERT INTO gpkg_spatial_ref_sys VALUES ('bogus', 999999, 'NONE', 999999, "
                  "'garbage', NULL)", "UPDATE gpkg_contents SET srs_id = 999999",
                  "UPDATE gpkg_geometry_columns SET srs_id = 999999"]

    def layer(name, file, build, km2=None, notes=(), **kw):
        return Case(name, file, build, km2=km2, notes=notes, **kw)
    def refused(name, file, build, code, **kw):
        return Case(name, file, build, refused=code, **kw)
    def const(data):
        return lambda x: data

    return [
        # ---- valid files: a drawn layer with the right area, and what was changed
        layer("valid geojson", "mine.geojson", lambda x: fc(feature(BOX, name="my estimate")), km2, origin="existing"),
        layer("valid kml", "zones.kml", lambda x: to_file(x, boxes(), "k.kml", "KML").read_bytes(), km2, origin="existing"),
        layer("valid gpkg in utm", "utm.gpkg", lambda x: to_file(x, boxes().to_crs(32636), "u.gpkg", "GPKG").read_bytes(), km2, ("reprojected",), origin="existing"),
        layer("valid zipped shapefile in a folder", "zones.zip", lambda x: zip_bytes({f"export/{k}": v for k, v in shapefile_members(x, boxes()).items()}), km2, origin="existing"),
        layer("bowtie is repaired and said", "bowtie.geojson", lambda x: fc(feature(bowtie)), notes=("repaired",), origin="issue 8"),
        layer("points and lines beside a polygon are dropped and said", "mixed.geojson", lambda x: fc(feature(BOX), feature(Point(35, 51)), feature(LineString([(35, 51), (36, 52)]))), km2, ("dropped",), origin="existing"),
        layer("lat/lon swapped: drawn near Tehran, said", "swapped.geojson", lambda x: fc(feature(SWAPPED)), geod_km2(SWAPPED), ("outside",), origin="issue 8"),
        layer("far away (Brazil): said where", "brazil.geojson", lambda x: fc(feature(box(-48, -16, -47.5, -15.7))), notes=("outside",)),
        layer("whole-world box has the Earth's area", "world.geojson", lambda x: fc(feature(box(-180, -90, 180, 90))), EARTH_KM2, rel=2e-3),
        layer("legacy crs name EPSG:32636 is honoured", "legacy.geojson", lambda x: fc(*[feature(g) for g in boxes().to_crs(32636).geometry], crs={"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::32636"}}), km2, ("reprojected",)),
        layer("kml with a network link: polygon drawn, link not followed", "link.kml", lambda x: kml(f"<NetworkLink><Link><href>{x.url}/more.kml</href></Link></NetworkLink>"), km2, ("links_ignored",), tags=("network",)),
        layer("junk properties 1000 x 20", "junk.geojson", lambda x: junk_properties(1000 if x.full else 200, 20, vary=False, value_len=300), notes=("properties_trimmed",)),
        layer("junk properties 5000 x 40", "wide.geojson", lambda x: junk_properties(5000 if x.full else 300, 40, vary=False, value_len=8), notes=("properties_trimmed",)),
        layer("a real oblast, 10 MB GeoJSON", "oblast.geojson", lambda x: oblast(9_800_000 if x.full else 400_000)),
        layer("markdown and LaTeX in the file name", "[click](javascript:alert(1)) ![x](data:x) $\\LaTeX$.geojson", lambda x: fc(feature(BOX)), km2),
        # ---- the 27 bad files of the suite before issue 12
        refused("txt file", "notes.txt", const(b"hello"), "unsupported_type", origin="existing"),
        refused("no suffix", "layer", const(b"{}"), "unsupported_type", origin="existing"),
        refused("png renamed", "map.geojson", const(b"\x89PNG\r\n\x1a\n" + b"\0" * 64), "not_format", origin="existing"),
        refused("broken json", "x.geojson", const(b'{"type": "FeatureCollection", "features": ['), "not_format", origin="existing"),
        refused("empty bytes", "x.geojson", const(b""), "empty", origin="existing"),
        refused("json array", "x.json", const(b"[]"), "not_format", origin="existing"),
        refused("json null", "x.json", const(b"null"), "not_format", origin="existing"),
        refused("empty collection", "x.geojson", lambda x: fc(), "no_features", origin="existing"),
        refused("only points", "x.geojson", lambda x: fc(feature(Point(35, 51))), "no_polygons", origin="existing"),
        refused("only lines", "x.geojson", lambda x: fc(feature(LineString([(35, 51), (36, 52)]))), "no_polygons", origin="existing"),
        refused("null geometry", "x.geojson", const(null_geometry), "no_features", origin="existing"),
        refused("projected without crs", "x.geojson", lambda x: fc(feature(box(500000, 5600000, 520000, 5620000))), "not_lonlat", origin="existing"),
        refused("latitude 200", "x.geojson", lambda x: fc(feature(box(35, 150, 36, 200))), "not_lonlat", origin="existing"),
        refused("too large", "big.geojson", lambda x: b" " * (10 * 1024 * 1024 + 1), "too_big", origin="existing"),
        refused("zip not a zip", "x.zip", const(b"PK\x03\x04 this is not a zip"), "zip_broken", origin="existing"),
        refused("zip empty", "x.zip", lambda x: zip_bytes({}), "zip_shapefiles", origin="existing"),
        refused("zip no shapefile", "x.zip", lambda x: zip_bytes({"readme.txt": b"hi"}), "zip_shapefiles", origin="existing"),
        refused("zip two shapefiles", "x.zip", lambda x: zip_bytes({"a.shp": b"x", "b.shp": b"y"}), "zip_shapefiles", origin="existing"),
        refused("zip bomb", "x.zip", lambda x: zip_bytes({"a.shp": b"\0" * (70 << 20)}), "zip_bomb", origin="existing"),
        refused("zip ratio bomb", "x.zip", lambda x: zip_bytes({"a.shp": b"\0" * (5 << 20)}), "zip_bomb", origin="existing"),
        refused("zip too many members", "x.zip", lambda x: zip_bytes({f"f{i}.txt": b"x" for i in range(60)}), "zip_members", origin="existing"),
        refused("zip broken shapefile", "x.zip", lambda x: zip_bytes({"a.shp": b"x" * 100, "a.dbf": b"y"}), "not_format", origin="existing"),
        refused("zip traversal names", "x.zip", lambda x: zip_bytes({"../../etc/evil.shp": b"x" * 100}), "not_format", origin="existing"),
        refused("kml garbage", "x.kml", const(b"<kml><Placemark>oops"), "not_format", origin="existing"),
        refused("gpkg garbage", "x.gpkg", const(b"SQLite format 3\0" + b"\0" * 100), "not_format", origin="existing"),
        refused("geojson wrong type", "x.geojson", const(b'{"type": "Nonsense"}'), "not_format", origin="existing"),
        refused("too many features", "x.geojson", lambda x: fc(*[feature(box(35 + i / 1e4, 51, 35.00005 + i / 1e4, 51.00005)) for i in range(5001)]), "too_many_features", origin="existing"),
        # ---- coordinates that are not numbers
        refused("NaN coordinate", "nan.geojson", const(nan), "bad_coordinates"),
        refused("Infinity coordinate", "inf.geojson", const(inf), "bad_coordinates"),
        refused("1e999 coordinate (overflows to infinity)", "huge.geojson", const(big), "bad_coordinates"),
        refused("coordinates as strings", "str.geojson", const(text), "bad_coordinates"),
        refused("NaN in a shapefile", "nan.zip", nan_shapefile_zip, "bad_coordinates"),
        refused("deeply nested coordinates", "deep.geojson", const(deep), "not_format"),
        # ---- size and complexity, counted before repair or projection
        refused("zigzag polygon (9 MB GeoJSON, self-intersecting)", "zigzag.geojson", lambda x: fc(feature(zigzag(170_000 if x.full else 6_000))), ("repair_too_big", "too_many_vertices")),
        refused("multipolygon of overlapping parts (9.8 MB)", "overlap.geojson", lambda x: fc({"type": "Feature", "properties": {}, "geometry": overlapping_parts(*((4_000, 100) if x.full else (300, 20)))}), ("repair_too_big", "too_many_parts", "too_many_vertices")),
        refused("star polygon: small but slow to repair", "star.geojson", lambda x: fc(feature(star(3_999 if x.full else 1_999))), ("cpu", "wall", "memory"), tags=("slow",)),
        refused("3.6 million vertices in an 857 kB zip", "dense.zip", lambda x: big_shapefile_zip(x, 3_600_000 if x.full else 60_000), "too_many_vertices"),
        refused("property names vary (3 MB)", "varying.geojson", lambda x: junk_properties(4500 if x.full else 300, 15, vary=True), "too_many_columns"),
        refused("too many property columns in GeoJSON", "cols.geojson", lambda x: junk_properties(20, 120, vary=True, value_len=1), "too_many_columns", limits="test"),
        refused("too many columns in a shapefile", "cols.zip", lambda x: zip_bytes(shapefile_members(x, gpd.GeoDataFrame({f"c{i}": [i] for i in range(120)}, geometry=[BOX], crs=4326))), "too_many_columns", limits="test"),
        # ---- zips
        refused("encrypted zip member", "secret.zip", lambda x: patch_zip(zip_bytes(shapefile_members(x, boxes())), flag=0x1), "zip_encrypted"),
        refused("unknown zip compression", "odd.zip", lambda x: patch_zip(zip_bytes(shapefile_members(x, boxes())), method=99), "zip_compression"),
        refused("garbage .prj", "prj.zip", lambda x: zip_bytes({**shapefile_members(x, boxes()), "zones.prj": b"garbage"}), "crs_unknown"),
        refused(".prj with +init= (reads a PROJ init file)", "init.zip", lambda x: zip_bytes({**shapefile_members(x, boxes()), "zones.prj": f"+init={x.canary_path}:1".encode()}), "crs_unknown", tags=("file",)),
        refused("shapefile whose .shp is a VRT", "vrt.zip", lambda x: zip_bytes({"a.shp": vrt_local(x), "a.dbf": b"", "a.shx": b""}), "not_format", tags=("file",)),
        # ---- coordinate systems
        refused("bogus EPSG code in GeoJSON", "bogus.geojson", lambda x: fc(feature(BOX), crs={"type": "name", "properties": {"name": "EPSG:999999"}}), "crs_unknown"),
        refused("+init= string as GeoJSON crs", "init.geojson", lambda x: fc(feature(BOX), crs={"type": "name", "properties": {"name": f"+init={x.canary_path}:1"}}), "crs_unknown", tags=("file",)),
        refused("GeoJSON crs link (fetched before)", "link.geojson", lambda x: fc(feature(BOX), crs={"type": "link", "properties": {"href": f"{x.url}/crs.prj", "type": "esriwkt"}}), "crs_link", tags=("network",)),
        # ---- formats in disguise: no driver but the one the extension names
        refused("VRT named .geojson reads a local file", "my-estimate.geojson", vrt_local, "not_format", tags=("file",)),
        refused("VRT named .geojson fetches a URL", "remote.geojson", vrt_remote, "not_format", tags=("network",)),
        refused("WFS datasource named .geojson", "wfs.geojson", wfs_xml, "not_format", tags=("network",)),
        refused("GDAL streamed algorithm named .geojson", "alg.geojson", lambda x: json.dumps({"type": "gdal_streamed_alg", "command_line": f"gdal vector read {x.canary_path}"}).encode(), "not_format", tags=("file",)),
        refused("ESRI JSON named .geojson", "esri.geojson", const(b'{"geometryType":"esriGeometryPolygon","features":[]}'), "not_format"),
        refused("VRT named .kml", "vrt.kml", vrt_local, "not_format", tags=("file",)),
        refused("WFS named .kml", "wfs.kml", wfs_xml, "not_format", tags=("network",)),
        refused("VRT named .gpkg", "vrt.gpkg", vrt_local, "not_format", tags=("file",)),
        # ---- KML that reaches out
        refused("KML with an external DTD", "dtd.kml", lambda x: kml("", f'<!DOCTYPE kml SYSTEM "{x.url}/kml.dtd">'), "xml_external", tags=("network",)),
        refused("KML with an external entity (local file)", "xxe.kml", lambda x: kml("<name>&leak;</name>", f'<!DOCTYPE kml [<!ENTITY leak SYSTEM "file://{x.canary_path}">]>'), "xml_external", tags=("file",)),
        refused("KML with XInclude", "xinclude.kml", lambda x: kml(f'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="{x.url}/part.xml"/><xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="file://{x.canary_path}" parse="text"/>'), "xml_external", tags=("network", "file")),
        refused("KML billion laughs", "laughs.kml", lambda x: kml("<name>&l9;</name>", laughs), "xml_external"),
        # ---- GeoPackage: tables, not programs
        refused("GeoPackage view with a cross join", "cross.gpkg", lambda x: gpkg_with(x, register_view("bomb", cross), boxes(8 if x.full else 3)), "gpkg_program"),
        refused("GeoPackage view with a recursive CTE", "cte.gpkg", lambda x: gpkg_with(x, register_view("slow", recursive)), "gpkg_program"),
        refused("GeoPackage with a trigger", "trigger.gpkg", lambda x: gpkg_with(x, ["CREATE TRIGGER evil AFTER UPDATE ON zones BEGIN DELETE FROM zones; END"]), "gpkg_program"),
        refused("GeoPackage with a virtual table", "virtual.gpkg", lambda x: gpkg_with(x, ["CREATE VIRTUAL TABLE evil USING rtree(id, a, b)"]), "gpkg_program"),
        refused("GeoPackage with a generated column", "generated.gpkg", lambda x: gpkg_with(x, ["ALTER TABLE zones ADD COLUMN big BLOB GENERATED ALWAYS AS (zeroblob(2000000000)) VIRTUAL"]), "gpkg_program"),
        refused("GeoPackage with a bogus SRS definition", "bogus-srs.gpkg", lambda x: gpkg_with(x, srs_999999), "crs_unknown"),
        refused("GeoPackage whose SRS is missing", "missing-srs.gpkg", lambda x: gpkg_with(x, ["UPDATE gpkg_contents SET srs_id = 31337", "UPDATE gpkg_geometry_columns SET srs_id = 31337"]), "crs_unknown"),
        # ---- issue 18: counted before the expensive step, and said when drawing drops
        refused("GeoPackage with 4,000 empty feature tables", "tables.gpkg", lambda x: gpkg_many_tables(x, 4_000 if x.full else 60), "too_many_layers", origin="issue 18"),
        refused("zip whose .shx names one large record 5,000 times", "repeat.zip", lambda x: shx_repeats(x, *((200_000, 5_000) if x.full else (20_000, 200))), "shp_index", origin="issue 18"),
        refused("zip whose .shx names the first of two records twice", "twice.zip", shx_first_twice, "shp_index", origin="issue 18"),
        layer("polygon with 100,489 holes: drawn without them, said", "sieve.geojson", lambda x: fc(feature(holes_grid(317 if x.full else 50))), notes=("simplified", "holes_dropped"), origin="issue 18"),
        refused("GeoPackage with no feature table", "attrs.gpkg", lambda x: gpkg_with(x, ["UPDATE gpkg_contents SET data_type = 'attributes'"]), ("no_features", "not_format")),
    ]
# fmt: on


CASES: dict[str, Case] = {case.name: case for case in _cases()}


class Listener:
    """A loopback HTTP listener that records the path of every request it receives."""

    def __init__(self) -> None:
        seen: list[str] = []
        self.seen = seen

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                seen.append(self.path)
                self.send_response(404)
                self.end_headers()

            do_HEAD = do_POST = do_GET  # noqa: N815

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def canary_csv(path: Path) -> Path:
    """A local file that a hostile upload may try to read (a CSV a VRT would turn into
    polygons); the secret in it must never reach a result."""
    path.write_text(
        'WKT,secret\n"POLYGON ((35 51,35.5 51,35.5 51.3,35 51.3,35 51))",' + CANARY + "\n"
    )
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--full", action="store_true", help="issue-12 sizes (tens of MB)")
    args = parser.parse_args()
    args.outdir.mkdir(parents=True, exist_ok=True)
    ctx = Ctx(tmp=args.outdir / ".scratch", full=args.full)
    ctx.tmp.mkdir(exist_ok=True)
    ctx.canary = canary_csv(ctx.tmp / "canary.csv")
    for i, case in enumerate(CASES.values()):
        data = case.build(ctx)
        safe = "".join(ch if ch.isalnum() or ch in "-._" else "_" for ch in case.filename)
        (args.outdir / f"{i:02d}-{safe}").write_bytes(data)
        print(f"{i:02d}-{safe}\t{len(data):>10,d} B\t{case.name}")


if __name__ == "__main__":
    main()
