"""Read a reader's own overlay safely: GeoJSON, KML, GeoPackage or a zipped shapefile.

Every failure becomes an UploadError with one line saying what is wrong and what is
accepted; nothing here raises anything else for bad input, and nothing is kept on disk.
"""

from __future__ import annotations

import io
import tempfile
import warnings
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import geopandas as gpd
import pandas as pd
import shapely
from pyproj import Geod

from geo.crs import WGS84

MAX_BYTES = 10 * 1024 * 1024
#: Zip limits: total unpacked size, member count, and compression ratio (zip bombs).
MAX_UNZIPPED = 60 * 1024 * 1024
MAX_MEMBERS = 50
MAX_RATIO = 100
MAX_FEATURES = 5000
MAX_PROPERTIES = 20
MAX_VALUE_CHARS = 200
ACCEPTED = (
    "GeoJSON (.geojson/.json), KML (.kml), GeoPackage (.gpkg) or a zipped shapefile (.zip), "
    "up to 10 MB, with polygons"
)
SUFFIXES = {
    ".geojson": "GeoJSON",
    ".json": "GeoJSON",
    ".kml": "KML",
    ".gpkg": "GPKG",
    ".zip": "zip",
}
SHAPEFILE_PARTS = {".shp", ".shx", ".dbf", ".prj", ".cpg"}


class UploadError(ValueError):
    """A reader's file could not be used; the message is shown as is."""


@dataclass(frozen=True)
class Overlay:
    """A validated user layer in EPSG:4326 with per-feature and total area."""

    name: str
    layer: gpd.GeoDataFrame  # columns: area_km2, properties (dict of str → str), geometry
    total_km2: float
    repaired: int  # geometries that were invalid and made valid


def geodesic_km2(geoms: gpd.GeoSeries) -> pd.Series:
    """Area on the WGS84 ellipsoid: right for a layer anywhere, not only near Kursk."""
    geod = Geod(ellps="WGS84")
    return geoms.apply(lambda g: abs(geod.geometry_area_perimeter(g)[0]) / 1e6)


def _present(geoms: gpd.GeoSeries) -> pd.Series:
    """Rows with a non-missing, non-empty geometry."""
    values = geoms.values
    return pd.Series(~shapely.is_missing(values) & ~shapely.is_empty(values), index=geoms.index)


def _fail(problem: str) -> UploadError:
    return UploadError(f"{problem}. Accepted: {ACCEPTED}.")


def _safe_members(archive: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    """Shapefile members of a zip, after checks against zip bombs and path tricks."""
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        raise _fail(f"the zip holds {len(infos)} files (at most {MAX_MEMBERS})")
    total = sum(i.file_size for i in infos)
    packed = sum(i.compress_size for i in infos) or 1
    if total > MAX_UNZIPPED or total / packed > MAX_RATIO:
        raise _fail("the zip unpacks to far more than it weighs (refused as a possible zip bomb)")
    parts = []
    for info in infos:
        path = PurePosixPath(info.filename)
        if info.is_dir() or path.name.startswith(".") or "__MACOSX" in path.parts:
            continue
        if path.suffix.lower() in SHAPEFILE_PARTS:
            parts.append(info)
    shp = [i for i in parts if i.filename.lower().endswith(".shp")]
    if len(shp) != 1:
        found = "no .shp file" if not shp else f"{len(shp)} .shp files"
        raise _fail(f"the zip holds {found} (expected exactly one shapefile)")
    stem = PurePosixPath(shp[0].filename).with_suffix("").name
    return [i for i in parts if PurePosixPath(i.filename).with_suffix("").name == stem]


def _read(name: str, data: bytes, workdir: Path) -> gpd.GeoDataFrame:
    suffix = Path(name).suffix.lower()
    kind = SUFFIXES.get(suffix)
    if kind is None:
        raise _fail(f"'{suffix or name}' is not a supported file type")
    if kind == "zip":
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                members = _safe_members(archive)
                for info in members:
                    target = workdir / ("layer" + PurePosixPath(info.filename).suffix.lower())
                    target.write_bytes(archive.read(info))
        except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, OSError) as exc:
            raise _fail(f"the zip cannot be opened ({exc.__class__.__name__})") from exc
        path = workdir / "layer.shp"
    else:
        path = workdir / f"upload{suffix}"
        path.write_bytes(data)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return gpd.read_file(path, engine="pyogrio")
    except Exception as exc:  # pyogrio/GDAL raise many types for malformed files
        raise _fail(f"the file is not readable {kind}") from exc


def _clean_properties(row: pd.Series, columns: list[str]) -> dict[str, str]:
    """At most 20 properties as short strings (escaping happens where they are drawn)."""
    props = {}
    for column in columns[:MAX_PROPERTIES]:
        value = row[column]
        if value is None or (isinstance(value, float) and pd.isna(value)):
            continue
        props[str(column)[:80]] = str(value)[:MAX_VALUE_CHARS]
    return props


def read_overlay(name: str, data: bytes) -> Overlay:
    """Validate and normalise an uploaded file; raises UploadError with a reader's message."""
    if not data:
        raise _fail("the file is empty")
    if len(data) > MAX_BYTES:
        raise _fail(f"the file is {len(data) / 1e6:.1f} MB (at most 10 MB)")
    with tempfile.TemporaryDirectory(prefix="upload-") as tmp:
        gdf = _read(name, data, Path(tmp))
    if gdf.empty or not _present(gdf.geometry).any():
        raise _fail("the file contains no features")
    if len(gdf) > MAX_FEATURES:
        raise _fail(f"the file has {len(gdf)} features (at most {MAX_FEATURES})")
    if gdf.crs is None:
        gdf = gdf.set_crs(WGS84)
    try:
        gdf = gdf.to_crs(WGS84)
    except Exception as exc:
        raise _fail("its coordinate reference system cannot be converted to WGS84") from exc
    gdf = gdf[_present(gdf.geometry)]
    invalid = ~gdf.geometry.is_valid
    repaired = int(invalid.sum())
    if repaired:
        gdf.loc[invalid, "geometry"] = gdf.geometry[invalid].make_valid()
    polys = gdf.geometry.apply(
        lambda g: (
            shapely.union_all(
                [p for p in shapely.get_parts(g) if p.geom_type in ("Polygon", "MultiPolygon")]
            )
            if g is not None
            else None
        )
    )
    gdf = gdf.assign(geometry=polys)
    gdf = gdf[_present(gdf.geometry) & (shapely.area(gdf.geometry.values) > 0)]
    if gdf.empty:
        raise _fail("the file has no polygons (points and lines have no area)")
    minx, miny, maxx, maxy = gdf.total_bounds
    if not (-180 <= minx <= maxx <= 180 and -90 <= miny <= maxy <= 90) or not all(
        map(pd.notna, (minx, miny, maxx, maxy))
    ):
        raise _fail("its coordinates are not longitude/latitude on Earth")
    areas = geodesic_km2(gdf.geometry)
    columns = [c for c in gdf.columns if c != "geometry"]
    layer = gpd.GeoDataFrame(
        {
            "area_km2": areas.round(1).to_numpy(),
            "properties": [_clean_properties(row, columns) for _, row in gdf.iterrows()],
        },
        geometry=gdf.geometry.to_numpy(),
        crs=WGS84,
    )
    return Overlay(Path(name).name[:80], layer, float(areas.sum()), repaired)
