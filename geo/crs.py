"""Coordinate reference systems used for measuring, kept in one place.

Areas are reported from an equal-area projection centred on the Kursk salient, so the
figures a reader compares (km²) are not distorted by the map's Web Mercator display.
"""

from __future__ import annotations

import geopandas as gpd

#: Geographic coordinates, as stored in data/ and drawn by Leaflet.
WGS84 = "EPSG:4326"
#: Lambert azimuthal equal-area centred on 51° N 36° E: used for every area figure.
EQUAL_AREA = "+proj=laea +lat_0=51 +lon_0=36 +x_0=0 +y_0=0 +ellps=WGS84 +units=m +no_defs"
#: UTM zone 36N: metric CRS for building shapes (buffers, distances along the border).
METRIC = "EPSG:32636"


def area_km2(geoms: gpd.GeoSeries | gpd.GeoDataFrame) -> gpd.GeoSeries:
    """Area of each geometry in km², measured in the equal-area CRS."""
    return geoms.to_crs(EQUAL_AREA).area / 1e6
