"""One builder per file: the page's downloads with the reader's layer and the export
routes make a view's GeoJSON and PNG the same way (components/present/exports/view_files)."""

from __future__ import annotations

import datetime as dt

import geopandas as gpd
import pytest
from shapely.geometry import box

from components.present.exports import MapScene, map_png, view_frame, with_reader_layer
from components.present.urls import ViewState
from geo import dataset
from geo.upload import Overlay

VIEW = "date=2025-03-13&ru=1&ua=1&lat=51.2&lon=35.3&z=9&lang=nl"


@pytest.fixture(scope="module")
def overlay() -> Overlay:
    layer = gpd.GeoDataFrame(
        {"area_km2": [300.0], "properties": [{"name": "my estimate"}]},
        geometry=[box(35.3, 51.0, 35.7, 51.2)],
        crs="EPSG:4326",
    )
    return Overlay("mine.geojson", layer, 300.0, (51.0, 35.3, 51.2, 35.7))


@pytest.fixture(scope="module")
def state() -> ViewState:
    return ViewState(date=dt.date(2025, 3, 13), lat=51.2, lon=35.3, z=9, lang="nl")


def test_the_pages_geojson_with_a_reader_layer_is_the_routes_file_plus_that_layer(
    client, state, overlay
):
    from components.render import downloads

    route = client.get(f"/export/view.geojson?{VIEW}")
    assert route.status_code == 200
    expected = with_reader_layer(route.text, overlay.layer, overlay.name).encode("utf-8")
    assert downloads._with_own_layer(state, overlay) == expected


def test_the_pages_png_with_a_reader_layer_is_the_routes_picture_with_that_layer(
    monkeypatch, state, overlay
):
    """Same size, resolution, frame and legend as /export/view.png, plus the layer."""
    from components.render import downloads
    from components.render.pool import RenderPool

    in_process = RenderPool(workers=1, queue=1, wait_s=60, run=lambda fn, a, k: fn(*a, **k))
    monkeypatch.setattr(downloads, "renders", lambda: in_process)
    data = dataset.load_data()
    scene = MapScene(
        data.regions, data.border, data.towns, dataset.zones_on(state.date), state.sides(),
        state.lang,
    )  # fmt: skip
    expected = map_png(
        scene, state.date, size=(1600, 1000), dpi=200,
        frame=view_frame(state.lat, state.lon, state.z),
        reader_layer=(overlay.name, overlay.layer),
    )  # fmt: skip
    assert downloads._png_with_own_layer(state, overlay) == expected
