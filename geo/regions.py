"""Load and validate the embedded boundary, border and town layers."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd

from geo.crs import WGS84
from geo.errors import DataError
from geo.paths import DATA_DIR

REGION_COLUMNS = ("iso_3166_2", "country", "name_en", "name_nl", "name_uk", "name_ru", "focus")
TOWN_COLUMNS = ("name_en", "name_nl", "country", "region", "rank")
BORDER_COLUMNS = ("name_en", "name_nl", "length_km")


def _read(path: Path, columns: tuple[str, ...], geom_types: set[str]) -> gpd.GeoDataFrame:
    """Read one GeoJSON layer, turning every failure into a DataError naming the file."""
    label = f"data/{path.name}" if path.parent == DATA_DIR else str(path)
    if not path.is_file():
        raise DataError(f"{label}: file is missing")
    try:
        gdf = gpd.read_file(path, engine="pyogrio")
    except Exception as exc:  # pyogrio raises several types for broken files
        raise DataError(f"{label}: cannot be read as GeoJSON ({exc})") from exc
    if gdf.empty:
        raise DataError(f"{label}: contains no features")
    missing = [c for c in columns if c not in gdf.columns]
    if missing:
        raise DataError(f"{label}: missing properties {missing!r}")
    if gdf.geometry.isna().any() or gdf.geometry.is_empty.any():
        raise DataError(f"{label}: has features without geometry")
    bad = set(gdf.geom_type) - geom_types
    if bad:
        raise DataError(f"{label}: unexpected geometry types {sorted(bad)!r}")
    if not gdf.geometry.is_valid.all():
        raise DataError(f"{label}: has invalid geometries")
    if gdf.crs is None or not gdf.crs.equals(WGS84):
        gdf = gdf.set_crs(WGS84, allow_override=True)
    return gdf


def load_regions(path: str | Path | None = None) -> gpd.GeoDataFrame:
    """The focus regions (Kursk, Belgorod, Sumy) and their neighbours, EPSG:4326.

    Columns: ``iso_3166_2, country, name_en, name_nl, name_uk, name_ru, focus,
    area_km2`` (measured before simplification) and ``geometry``.
    """
    gdf = _read(
        Path(path or DATA_DIR / "regions.geojson"), REGION_COLUMNS, {"Polygon", "MultiPolygon"}
    )
    gdf["focus"] = gdf["focus"].astype(bool)
    return gdf.set_index("iso_3166_2", drop=False).rename_axis(None)


def load_border(path: str | Path | None = None) -> gpd.GeoDataFrame:
    """The Russia–Ukraine state border in the map area (generalised), EPSG:4326."""
    return _read(
        Path(path or DATA_DIR / "border.geojson"), BORDER_COLUMNS, {"LineString", "MultiLineString"}
    )


def load_towns(path: str | Path | None = None) -> gpd.GeoDataFrame:
    """Orientation towns (GeoNames), ``rank`` 1 = always labelled."""
    return _read(Path(path or DATA_DIR / "towns.geojson"), TOWN_COLUMNS, {"Point"})
