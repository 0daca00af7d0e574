"""Read a reader's own overlay safely: GeoJSON, KML, GeoPackage or a zipped shapefile.

``read_overlay(name, data)`` returns an ``Overlay`` or raises ``UploadError`` with a
reason code and its numbers; nothing else escapes, and nothing is kept on disk. The
file is read in a separate process with hard limits (``sandbox``), by the one reader its
extension names, confirmed by its content (``formats``: ``geojson``, ``kml``, ``gpkg``,
``shapefile``), with GDAL and PROJ unable to reach the network or other files
(``lockdown``); counted before it is repaired, projected, measured and simplified for
drawing (``geometry``). No prose lives here: the page turns codes into sentences
(``components/present/upload_text.py``).
"""

from __future__ import annotations

from geo.upload.geometry import polygon_km2
from geo.upload.model import SUFFIXES, Limits, Note, Overlay, UploadError
from geo.upload.reader import placement, read_overlay

__all__ = [
    "SUFFIXES",
    "Limits",
    "Note",
    "Overlay",
    "UploadError",
    "geodesic_km2",
    "placement",
    "polygon_km2",
    "read_overlay",
]


def geodesic_km2(geoms):
    """Area of each geometry of a GeoSeries on the WGS84 ellipsoid, km² (a Series)."""
    return geoms.apply(polygon_km2)
