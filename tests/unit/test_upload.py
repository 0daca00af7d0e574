"""Uploads: every hostile file of the corpus gets its answer; valid files their right area.

The corpus (``sandbox/hostile_corpus.py``) is generated here, at test time, at its small
size, and read with ``TEST_LIMITS`` so that the worst cases end within a second or two.
"""

from __future__ import annotations

import dataclasses
import json
import os

import geopandas as gpd
import pytest
import shapely
from shapely.geometry import box

from geo.upload import Limits, Overlay, UploadError, geodesic_km2, placement
from sandbox.hostile_corpus import (
    BOX,
    CANARY,
    CASES,
    SWAPPED,
    TEST_LIMITS,
    Ctx,
    Listener,
    canary_csv,
    fc,
    feature,
    geod_km2,
    holes_grid,
    oblast,
)
from sandbox.reader import read_overlay
from tests.unit.conftest import MAP_AREA


@pytest.fixture(scope="module")
def listener():
    server = Listener()
    yield server
    server.close()


@pytest.fixture(scope="module")
def ctx(tmp_path_factory, listener) -> Ctx:
    tmp = tmp_path_factory.mktemp("corpus")
    return Ctx(tmp=tmp, url=listener.url, canary=canary_csv(tmp / "canary.csv"))


def read(name: str, data: bytes, limits: Limits = TEST_LIMITS):
    return read_overlay(name, data, limits=limits, map_area=MAP_AREA)


# ------------------------------------------------------------------ the corpus


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_every_upload_gets_a_layer_or_a_reason(case, ctx, listener):
    data = case.build(ctx)
    if case.refused is not None:
        with pytest.raises(UploadError) as info:
            read(case.filename, data)
        assert info.value.code in case.codes(), info.value
        return
    overlay = read(case.filename, data)
    if case.km2 is not None:
        assert overlay.total_km2 == pytest.approx(case.km2, rel=case.rel)
    assert overlay.total_km2 > 0
    assert set(case.notes) <= {n.code for n in overlay.notes}
    assert overlay.layer.crs.to_epsg() == 4326
    assert CANARY not in json.dumps(list(overlay.layer["properties"]))


def test_every_issue_case_is_in_the_corpus():
    """The hostile files of issue 12 and the 27 of the suite before it, by name."""
    assert sum(c.origin == "existing" and c.refused is not None for c in CASES.values()) == 27
    for fragment in (
        "cross join", "recursive CTE", "zigzag", "overlapping parts", "1000 x 20", "5000 x 40",
        "NaN", "Infinity", "encrypted", "unknown zip compression", "VRT named .geojson",
        "WFS", "crs link", "3.6 million", "vary", "markdown", "bogus EPSG", "garbage .prj",
        "+init", "whole-world", "trigger", "bogus SRS", "network link", "external DTD",
        "XInclude", "lat/lon swapped", "bowtie",
    ):  # fmt: skip
        assert any(fragment in name for name in CASES), fragment


# ------------------------------------------------------------------ no fetch, no file read


@pytest.mark.parametrize("isolate", [True, False], ids=["namespace", "gdal-alone"])
def test_nothing_is_fetched_from_the_network(ctx, listener, isolate):
    """A listener on a loopback port sees no request, also without the network namespace:
    GDAL and PROJ are closed to the network by themselves (lockdown.py)."""
    limits = Limits(**{**TEST_LIMITS.__dict__, "isolate_network": isolate})
    listener.seen.clear()
    cases = [c for c in CASES.values() if "network" in c.tags]
    assert len(cases) >= 7
    outcomes = {}
    for case in cases:
        try:
            read(case.filename, case.build(ctx), limits)
            outcomes[case.name] = None  # drawn
        except UploadError as exc:
            outcomes[case.name] = exc.code
    assert listener.seen == []
    assert all(outcomes[c.name] in (*c.codes(), None) for c in cases), outcomes


def test_no_local_file_is_opened(tmp_path):
    """Every case that names a local file is answered without opening it: the file is a
    FIFO here, so any open() for reading would block until the wall limit (short enough
    that a bug fails in a minute, long enough that a busy machine never reaches it)."""
    fifo = tmp_path / "canary.csv"
    os.mkfifo(fifo)
    ctx = Ctx(tmp=tmp_path / "scratch", canary=fifo)
    ctx.tmp.mkdir()
    limits = Limits(**{**TEST_LIMITS.__dict__, "wall_s": 60})
    cases = [c for c in CASES.values() if "file" in c.tags]
    assert len(cases) >= 8
    for case in cases:
        with pytest.raises(UploadError) as info:
            read(case.filename, case.build(ctx), limits)
        assert info.value.code in case.codes(), (case.name, info.value)


# ------------------------------------------------------------------ valid files in detail


def test_geojson_polygon_area_and_properties():
    overlay = read("mine.geojson", fc(feature(BOX, name="my estimate", km2=1160)))
    assert overlay.total_km2 == pytest.approx(geod_km2(), rel=1e-6)
    assert overlay.total_km2 == pytest.approx(
        float(geodesic_km2(gpd.GeoSeries([BOX])).iloc[0]), rel=1e-9
    )
    assert overlay.layer["properties"].iloc[0] == {"name": "my estimate", "km2": "1160"}
    assert overlay.notes == ()


def test_bounds_are_south_west_north_east_of_the_layer():
    overlay = read("mine.geojson", fc(feature(BOX)))
    assert overlay.bounds == pytest.approx((51.0, 35.0, 51.3, 35.5))


def test_swapped_latitude_and_longitude_is_said_with_where_it_lies():
    """Regression (issue 8): a file with lat/lon swapped was drawn near Tehran, silently."""
    overlay = read("swapped.geojson", fc(feature(SWAPPED)))
    note = overlay.note("outside")
    assert note.params == {"lat": 35.25, "lon": 51.15, "swapped": True}
    assert overlay.bounds == pytest.approx((35.0, 51.0, 35.5, 51.3))


def test_far_away_layer_is_said_but_not_called_swapped():
    overlay = read("brazil.geojson", fc(feature(box(-48, -16, -47.5, -15.7))))
    assert overlay.note("outside").params["swapped"] is False


def test_placement_inside_the_map_area_says_nothing():
    assert placement((51.0, 35.0, 51.3, 35.5), MAP_AREA) is None


def test_self_intersecting_polygon_is_repaired_and_said():
    """Regression (issue 8): a bowtie was repaired without telling the reader."""
    bowtie = shapely.Polygon([(35.0, 51.0), (35.4, 51.3), (35.4, 51.0), (35.0, 51.3)])
    overlay = read("bowtie.geojson", fc(feature(bowtie)))
    assert overlay.repaired == 1
    assert overlay.note("repaired").params == {"n": 1}
    assert overlay.total_km2 == pytest.approx(geod_km2(bowtie.buffer(0)) * 2, rel=0.02)
    assert overlay.layer.geometry.is_valid.all()


def test_reprojection_is_said_with_the_source_crs(tmp_path):
    path = tmp_path / "utm.gpkg"
    gpd.GeoDataFrame(geometry=[BOX], crs=4326).to_crs(32636).to_file(path, driver="GPKG")
    overlay = read("utm.gpkg", path.read_bytes())
    assert overlay.note("reprojected").params == {"crs": "EPSG:32636"}
    assert overlay.total_km2 == pytest.approx(geod_km2(), rel=1e-3)


def test_long_property_values_and_many_properties_are_trimmed():
    props = {f"p{i}": "x" * 1000 for i in range(40)}
    overlay = read("wide.geojson", fc(feature(BOX, **props)))
    shown = overlay.layer["properties"].iloc[0]
    assert len(shown) == 20
    assert all(len(v) == 200 for v in shown.values())
    assert overlay.note("properties_trimmed")


def test_hostile_property_names_and_values_are_kept_as_text():
    payload = "<img src=x onerror=alert(1)>"
    overlay = read("x.geojson", fc(feature(BOX, **{payload: payload})))
    assert overlay.layer["properties"].iloc[0] == {payload: payload}  # escaped when drawn


def test_drawn_layer_is_simplified_but_measured_whole():
    """A 10 MB-class outline is drawn with at most `display_vertices` vertices; the area
    is that of the full outline."""
    data = oblast(400_000)
    full = shapely.from_geojson(json.dumps(json.loads(data)["features"][0]["geometry"]))
    overlay = read("oblast.geojson", data, Limits(display_vertices=2_000))
    drawn = int(shapely.get_num_coordinates(overlay.layer.geometry.values).sum())
    assert drawn <= 2_000
    assert overlay.note("simplified").params["before"] == shapely.get_num_coordinates(full)
    assert overlay.total_km2 == pytest.approx(geod_km2(full), rel=1e-4)


def test_holes_left_out_of_the_drawing_are_said_and_still_measured():
    sieve = holes_grid(50)
    overlay = read("sieve.geojson", fc(feature(sieve)))
    assert overlay.note("holes_dropped").params == {"n": 2_500, "of": 2_500}
    assert shapely.get_num_interior_rings(overlay.layer.geometry.iloc[0]) == 0  # as drawn
    assert overlay.total_km2 == pytest.approx(geod_km2(shapely.orient_polygons(sieve)), rel=1e-4)
    assert overlay.total_km2 < geod_km2(BOX) * 0.95  # the holes are not counted as ground


def test_the_default_limits_let_a_10_mb_oblast_through():
    data = oblast(9_800_000)
    assert 9_000_000 < len(data) <= Limits().max_bytes
    # Every default but the wall clock: that one measures how busy the machine is (the
    # reader runs at a low priority; at load 27 it took over 30 s), the file's cost is in
    # its size, memory and CPU seconds, which the defaults must let through.
    unhurried = dataclasses.replace(Limits(), wall_s=600.0)
    overlay = read_overlay("oblast.geojson", data, limits=unhurried)
    assert 25_000 < overlay.total_km2 < 35_000  # Kursk oblast is ~30,000 km²


def test_limits_name_their_value():
    with pytest.raises(UploadError) as info:
        read("big.geojson", b" " * (Limits().max_bytes + 1))
    assert info.value.params["limit_mb"] == 10
    many = fc(*[feature(box(35 + i / 1e3, 51, 35.0005 + i / 1e3, 51.0005)) for i in range(30)])
    with pytest.raises(UploadError) as info:
        read("x.geojson", many, Limits(max_features=20))
    assert info.value.params == {"n": 30, "limit": 20}


def test_reader_layer_has_its_own_legend_marked_as_theirs():
    import geopandas as gpd
    from shapely.geometry import box

    from components.present.user_layer import user_legend_html

    layer = gpd.GeoDataFrame(
        {"area_km2": [1.0], "properties": [{}]}, geometry=[box(35, 51, 35.1, 51.1)], crs=4326
    )
    name = '<img src=x onerror="1">.kml'
    legend = user_legend_html(Overlay(name, layer, 1.0, (51, 35, 51.1, 35.1)), "en")
    assert "not a claim" in legend
    assert "<img" not in legend


def test_the_tests_read_uploads_against_the_regions_bounds(regions):
    """MAP_AREA stands for what the page passes: the bounds of data/regions.geojson."""
    west, south, east, north = regions.total_bounds
    assert pytest.approx((south, west, north, east), abs=1e-4) == MAP_AREA
