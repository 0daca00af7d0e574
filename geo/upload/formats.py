"""Bytes of an upload → raw layers, by the one reader its extension names.

Each reader confirms the content before anything opens it: GeoJSON (``geojson``, Python's
own parser), KML (``kml``), GeoPackage (``gpkg``) and zipped shapefiles (``shapefile``),
the last three with their one GDAL driver after ``lock`` (in the reading process,
``sandbox.lockdown.lock_down``) has closed every other one.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from geo.upload.geojson import read_geojson
from geo.upload.gpkg import read_gpkg
from geo.upload.kml import read_kml
from geo.upload.model import SUFFIXES, Limits, LockDown, UploadError
from geo.upload.raw import Raw
from geo.upload.shapefile import read_zipped_shapefile


def read(name: str, data: bytes, limits: Limits, workdir: Path, lock: LockDown) -> Raw:
    """Read an upload by its extension, confirmed by its content; refuse with a reason."""
    kind = SUFFIXES.get(PurePosixPath(name).suffix.lower())
    if kind == "GeoJSON":
        lock(None)
        return read_geojson(data, limits)
    if kind == "KML":
        return read_kml(data, limits, workdir, lock)
    if kind == "GPKG":
        return read_gpkg(data, limits, workdir, lock)
    if kind == "zip":
        return read_zipped_shapefile(data, limits, workdir, lock)
    raise UploadError("unsupported_type", suffix=PurePosixPath(name).suffix.lower()[:12])
