"""GeoPackage: tables, not programs. The SQLite file is vetted read-only before GDAL's GPKG
driver (alone) reads its feature tables; a view, a foreign trigger or virtual table, or a
generated column refuses it, and the CRS comes from its WKT definition only."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from pyproj import CRS
from pyproj.exceptions import CRSError

from geo.upload.model import Limits, LockDown, UploadError
from geo.upload.raw import Raw, crs_from_wkt, read_with_gdal

#: Triggers a GeoPackage may carry: the spec's and GDAL's own (R-tree index, counts).
GPKG_TRIGGERS = re.compile(
    r"^(rtree_.+_(insert\d*|update\d*|delete)|trigger_(insert|delete)_feature_count_.+|"
    r"gpkg_.+)$"
)
#: SQLite virtual-machine steps allowed for vetting a GeoPackage's schema and counts.
SQLITE_STEPS = 50_000_000


def _sqlite_guard(conn: sqlite3.Connection) -> None:
    steps = [0]

    def tick() -> int:
        steps[0] += 1000
        return int(steps[0] > SQLITE_STEPS)

    conn.set_progress_handler(tick, 1000)


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _gpkg_crs(conn: sqlite3.Connection, srs_id: int) -> tuple[CRS | None, bool]:
    if srs_id in (0, -1):  # the spec's "undefined geographic / cartesian": WGS84 assumed
        return None, True
    row = conn.execute(
        "SELECT organization, organization_coordsys_id, definition "
        "FROM gpkg_spatial_ref_sys WHERE srs_id = ?",
        (srs_id,),
    ).fetchone()
    if row is None:
        raise UploadError("crs_unknown")
    org, code, definition = row
    definition = str(definition or "").strip()
    if definition.lower() == "undefined" and str(org).upper() == "EPSG":
        try:
            crs = CRS.from_epsg(int(code))
        except (CRSError, ValueError, TypeError) as exc:
            raise UploadError("crs_unknown") from exc
    else:
        crs = crs_from_wkt(definition)
    return (None if crs.to_epsg() == 4326 else crs), False


def _foreign_virtual(name: str, sql: str) -> bool:
    """A virtual table other than a GeoPackage R-tree spatial index."""
    if not re.match(r"\s*CREATE\s+VIRTUAL", sql, re.IGNORECASE):
        return False
    rtree = name.startswith("rtree_") and re.search(r"USING\s+rtree\s*\(", sql, re.IGNORECASE)
    return not rtree


def vet_gpkg(path: Path, limits: Limits) -> list[tuple[str, CRS | None, bool]]:
    """Feature tables of a GeoPackage, after refusing every view, foreign trigger,
    virtual table and generated column (programs, not tables); the file is opened
    read-only and immutable, with no extension loading and a bounded step count.
    Feature tables, their columns (all tables together) and rows are counted here,
    before GDAL opens a single layer."""
    conn = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
    try:
        _sqlite_guard(conn)
        conn.execute("PRAGMA trusted_schema = OFF")
        objects = conn.execute("SELECT type, name, sql FROM sqlite_master").fetchall()
        tables = set()
        for kind, name, sql in objects:
            sql = str(sql or "")
            if kind == "view":
                raise UploadError("gpkg_program", what="view")
            if kind == "trigger" and not GPKG_TRIGGERS.match(str(name)):
                raise UploadError("gpkg_program", what="trigger")
            if kind == "table" and _foreign_virtual(str(name), sql):
                raise UploadError("gpkg_program", what="virtual table")
            if kind == "table":
                tables.add(name)
        rows = conn.execute(
            "SELECT c.table_name, g.srs_id FROM gpkg_contents c JOIN gpkg_geometry_columns g "
            "ON g.table_name = c.table_name WHERE c.data_type = 'features'"
        ).fetchall()
        if not rows:
            raise UploadError("no_features")
        if len(rows) > limits.max_layers:  # each would cost GDAL a layer to open
            raise UploadError("too_many_layers", n=len(rows), limit=limits.max_layers)
        layers, total, columns_seen = [], 0, 0
        for table, srs_id in rows:
            if table not in tables:
                raise UploadError("not_format", kind="GPKG")
            columns = conn.execute(f"PRAGMA table_xinfo({_quote(table)})").fetchall()
            if any(col[6] in (2, 3) for col in columns):
                raise UploadError("gpkg_program", what="generated column")
            columns_seen += len(columns) - 2  # all tables' columns, less fid and geometry
            if columns_seen > limits.max_columns:
                raise UploadError("too_many_columns", n=columns_seen, limit=limits.max_columns)
            total += conn.execute(f"SELECT count(*) FROM {_quote(table)}").fetchone()[0]
            if total > limits.max_features:
                raise UploadError("too_many_features", n=total, limit=limits.max_features)
            layers.append((table, *_gpkg_crs(conn, int(srs_id))))
        return layers
    except UploadError:
        raise
    except (sqlite3.Error, ValueError, TypeError) as exc:  # not a GeoPackage, interrupted…
        raise UploadError("not_format", kind="GPKG") from exc
    finally:
        conn.close()


def read_gpkg(data: bytes, limits: Limits, workdir: Path, lock: LockDown) -> Raw:
    if not data.startswith(b"SQLite format 3\0"):
        raise UploadError("not_format", kind="GPKG")
    path = workdir / "upload.gpkg"
    path.write_bytes(data)
    layers = vet_gpkg(path, limits)
    lock("GPKG")
    read, trimmed = read_with_gdal(
        path, limits, layers, IMMUTABLE="YES", NOLOCK="YES", LIST_ALL_TABLES="NO"
    )
    return Raw("GPKG", read, [], trimmed)
