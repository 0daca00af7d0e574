"""Hostile and valid uploads: one clear line for every bad file, correct areas for good ones."""

from __future__ import annotations

import io
import json
import zipfile

import geopandas as gpd
import pytest
from shapely.geometry import LineString, Point, Polygon, box

from geo.upload import MAX_BYTES, UploadError, geodesic_km2, read_overlay

BOX = box(35.0, 51.0, 35.5, 51.3)  # near Sudzha, ~1,160 km²
ACCEPTED_HINT = "Accepted: GeoJSON"


def fc(*features: dict) -> bytes:
    return json.dumps({"type": "FeatureCollection", "features": list(features)}).encode()


def feature(geom, **props) -> dict:
    return {"type": "Feature", "properties": props, "geometry": geom.__geo_interface__}


def gdf(*geoms, crs="EPSG:4326", **cols) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(cols or {"name": [f"f{i}" for i in range(len(geoms))]},
                            geometry=list(geoms), crs=crs)  # fmt: skip


def as_bytes(frame: gpd.GeoDataFrame, driver: str, suffix: str, tmp_path) -> bytes:
    path = tmp_path / f"layer{suffix}"
    frame.to_file(path, driver=driver)
    return path.read_bytes()


def zipped_shapefile(frame: gpd.GeoDataFrame, tmp_path, prefix: str = "") -> bytes:
    folder = tmp_path / "shp"
    folder.mkdir(exist_ok=True)
    frame.to_file(folder / "zones.shp")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        for part in folder.iterdir():
            archive.write(part, prefix + part.name)
    return buf.getvalue()


def expected_km2() -> float:
    return float(geodesic_km2(gpd.GeoSeries([BOX], crs="EPSG:4326")).iloc[0])


# ------------------------------------------------------------------------ valid files


def test_geojson_polygon_area_and_properties():
    overlay = read_overlay("mine.geojson", fc(feature(BOX, name="my estimate", km2=1160)))
    assert overlay.total_km2 == pytest.approx(expected_km2(), rel=1e-6)
    assert 1000 < overlay.total_km2 < 1300
    assert overlay.layer["properties"].iloc[0] == {"name": "my estimate", "km2": "1160"}
    assert overlay.layer.crs.to_epsg() == 4326


def test_geopackage_in_utm_is_reprojected_with_the_same_area(tmp_path):
    data = as_bytes(gdf(BOX).to_crs("EPSG:32636"), "GPKG", ".gpkg", tmp_path)
    overlay = read_overlay("utm.gpkg", data)
    assert overlay.total_km2 == pytest.approx(expected_km2(), rel=1e-3)
    minx, miny, _, _ = overlay.layer.total_bounds
    assert (round(minx, 3), round(miny, 3)) == (35.0, 51.0)


def test_zipped_shapefile_in_a_folder(tmp_path):
    data = zipped_shapefile(gdf(BOX), tmp_path, prefix="export/")
    assert read_overlay("zones.zip", data).total_km2 == pytest.approx(expected_km2(), rel=1e-3)


def test_kml_polygon(tmp_path):
    data = as_bytes(gdf(BOX), "KML", ".kml", tmp_path)
    assert read_overlay("zones.kml", data).total_km2 == pytest.approx(expected_km2(), rel=1e-3)


def test_self_intersecting_polygon_is_repaired_not_rejected():
    bowtie = Polygon([(35.0, 51.0), (35.4, 51.3), (35.4, 51.0), (35.0, 51.3)])
    overlay = read_overlay("bowtie.geojson", fc(feature(bowtie)))
    assert overlay.repaired == 1
    assert overlay.total_km2 > 0
    assert overlay.layer.geometry.is_valid.all()


def test_points_and_lines_beside_polygons_are_dropped():
    data = fc(feature(BOX), feature(Point(35, 51)), feature(LineString([(35, 51), (36, 52)])))
    overlay = read_overlay("mixed.geojson", data)
    assert len(overlay.layer) == 1


def test_long_property_values_and_many_properties_are_trimmed():
    props = {f"p{i}": "x" * 1000 for i in range(40)}
    overlay = read_overlay("wide.geojson", fc(feature(BOX, **props)))
    shown = overlay.layer["properties"].iloc[0]
    assert len(shown) == 20
    assert all(len(v) == 200 for v in shown.values())


def test_hostile_property_names_and_values_are_kept_as_text():
    payload = "<img src=x onerror=alert(1)>"
    overlay = read_overlay("x.geojson", fc(feature(BOX, **{payload: payload})))
    assert overlay.layer["properties"].iloc[0] == {payload: payload}  # escaped when drawn


# ------------------------------------------------------------------------ bad files


def _zip(members: dict[str, bytes], compression=zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buf.getvalue()


BAD = {
    "txt file": ("notes.txt", b"hello", "not a supported file type"),
    "no suffix": ("layer", b"{}", "not a supported file type"),
    "png renamed": ("map.geojson", b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "not readable GeoJSON"),
    "broken json": ("x.geojson", b'{"type": "FeatureCollection", "features": [', "not readable"),
    "empty bytes": ("x.geojson", b"", "empty"),
    "json array": ("x.json", b"[]", "not readable"),
    "json null": ("x.json", b"null", "not readable"),
    "empty collection": ("x.geojson", fc(), "no features"),
    "only points": ("x.geojson", fc(feature(Point(35, 51))), "no polygons"),
    "only lines": ("x.geojson", fc(feature(LineString([(35, 51), (36, 52)]))), "no polygons"),
    "null geometry": (
        "x.geojson",
        json.dumps(
            {
                "type": "FeatureCollection",
                "features": [{"type": "Feature", "properties": {}, "geometry": None}],
            }
        ).encode(),
        "no features",
    ),
    "projected without crs": (
        "x.geojson",
        fc(feature(box(500000, 5600000, 520000, 5620000))),
        "not longitude/latitude",
    ),
    "latitude 200": ("x.geojson", fc(feature(box(35, 150, 36, 200))), "not longitude/latitude"),
    "too large": ("big.geojson", b" " * (MAX_BYTES + 1), "at most 10 MB"),
    "zip not a zip": ("x.zip", b"PK\x03\x04 this is not a zip", "cannot be opened"),
    "zip empty": ("x.zip", _zip({}), "no .shp"),
    "zip no shapefile": ("x.zip", _zip({"readme.txt": b"hi"}), "no .shp"),
    "zip two shapefiles": ("x.zip", _zip({"a.shp": b"x", "b.shp": b"y"}), "2 .shp"),
    "zip bomb": ("x.zip", _zip({"a.shp": b"\0" * (70 * 1024 * 1024)}), "zip bomb"),
    "zip ratio bomb": ("x.zip", _zip({"a.shp": b"\0" * (5 * 1024 * 1024)}), "zip bomb"),
    "zip too many members": ("x.zip", _zip({f"f{i}.txt": b"x" for i in range(60)}), "at most 50"),
    "zip broken shapefile": ("x.zip", _zip({"a.shp": b"x" * 100, "a.dbf": b"y"}), "not readable"),
    "zip traversal names": ("x.zip", _zip({"../../etc/evil.shp": b"x" * 100}), "not readable"),
    "kml garbage": ("x.kml", b"<kml><Placemark>oops", "not readable KML"),
    "gpkg garbage": ("x.gpkg", b"SQLite format 3\0" + b"\0" * 100, "not readable GPKG"),
    "geojson wrong type": ("x.geojson", b'{"type": "Nonsense"}', "not readable"),
    "too many features": (
        "x.geojson",
        fc(*[feature(Point(35 + i / 1e4, 51)) for i in range(5001)]),
        "at most 5000",
    ),
}


@pytest.mark.parametrize(("name", "data", "problem"), BAD.values(), ids=BAD.keys())
def test_bad_upload_gives_one_clear_line(name, data, problem):
    with pytest.raises(UploadError) as info:
        read_overlay(name, data)
    message = str(info.value)
    assert problem in message
    assert ACCEPTED_HINT in message
    assert "\n" not in message
    assert "/tmp" not in message, "no server paths leak into messages"


def test_reader_layer_has_its_own_legend_marked_as_theirs():
    import geopandas as gpd
    from shapely.geometry import box

    from components.upload import user_legend_html
    from geo.upload import Overlay

    layer = gpd.GeoDataFrame(
        {"area_km2": [1.0], "properties": [{}]}, geometry=[box(35, 51, 35.1, 51.1)], crs=4326
    )
    legend = user_legend_html(Overlay('<img src=x onerror="1">.kml', layer, 1.0, 0), "en")
    assert "not a claim" in legend
    assert "<img" not in legend
