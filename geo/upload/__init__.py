"""A reader's own overlay as data: GeoJSON, KML, GeoPackage or a zipped shapefile.

The bytes are read by the one reader their extension names, confirmed by their content
(``formats``: ``geojson``, ``kml``, ``gpkg``, ``shapefile``), and counted before they
are repaired, projected, measured and simplified for drawing (``geometry``); what reading
may cost, what it yields and how it is refused are in ``model``. Readers are called in a
bounded child process with GDAL and PROJ closed to the network and other files: that
process machinery is the ``sandbox`` package's (``sandbox.reader.read_overlay``), not
this pure data layer's. No prose lives here: the page turns codes into sentences
(``components/present/upload_text.py``).
"""

from __future__ import annotations

from geo.upload.geometry import placement, polygon_km2
from geo.upload.model import SUFFIXES, Limits, Note, Overlay, UploadError

__all__ = [
    "SUFFIXES",
    "Limits",
    "Note",
    "Overlay",
    "UploadError",
    "geodesic_km2",
    "placement",
    "polygon_km2",
]


def geodesic_km2(geoms):
    """Area of each geometry of a GeoSeries on the WGS84 ellipsoid, km² (a Series)."""
    return geoms.apply(polygon_km2)
