"""Hostile input at the app level: uploads, corrupted data files, injected text.

Each case checks the clear message and that nothing the reader had is lost.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import streamlit as st
from shapely.geometry import box
from streamlit.testing.v1 import AppTest

import geo.claims
import geo.regions
from geo.paths import DATA_DIR

APP = Path(__file__).resolve().parents[2] / "app.py"
XSS = '<img src=x onerror="window.__xss=1">'


def start(**params: str) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def geojson(*geoms, **props) -> bytes:
    features = [
        {"type": "Feature", "properties": props, "geometry": g.__geo_interface__} for g in geoms
    ]
    return json.dumps({"type": "FeatureCollection", "features": features}).encode()


def upload(at: AppTest, name: str, data: bytes) -> AppTest:
    at.file_uploader(key="upload_file").set_value((name, data, "application/octet-stream"))
    return at.run()


def metric_labels(at: AppTest) -> list[str]:
    return [m.label for m in at.metric]


def test_bad_upload_keeps_earlier_layer_toggles_and_date():
    at = start(date="2024-08-27")
    at.toggle(key="ru").set_value(False).run()
    upload(at, "mine.geojson", geojson(box(35.0, 51.0, 35.5, 51.3), name="my estimate"))
    assert not at.exception
    assert "Your layer: mine.geojson" in metric_labels(at)
    upload(at, "broken.geojson", b'{"type": "FeatureCollection", "features": [')
    assert not at.exception
    assert "not readable GeoJSON" in at.error[0].value
    assert "Your layer: mine.geojson" in metric_labels(at), "earlier upload kept"
    assert at.toggle(key="ru").value is False
    assert at.query_params["date"] == "2024-08-27"


@pytest.mark.parametrize(
    ("name", "data", "problem"),
    [
        ("notes.txt", b"hi", "not a supported file type"),
        ("empty.geojson", b"", "empty"),
        ("points.geojson", geojson(box(35, 51, 35.1, 51.1).centroid), "no polygons"),
        ("far.geojson", geojson(box(500000, 5600000, 500100, 5600100)), "longitude/latitude"),
        ("bomb.zip", b"PK\x05\x06" + b"\0" * 18, "no .shp"),
    ],
)
def test_bad_first_upload_shows_one_line_and_the_view_still_works(name, data, problem):
    at = upload(start(), name, data)
    assert not at.exception
    assert problem in at.error[0].value
    assert not any(label.startswith("Your layer") for label in metric_labels(at))
    assert metric_labels(at)[:2] == ["Russian claim", "Ukrainian claim"]


def test_upload_property_injection_is_escaped_in_the_map_popup():
    at = upload(start(), "x.geojson", geojson(box(35.0, 51.0, 35.5, 51.3), **{XSS: XSS}))
    assert not at.exception
    script = at.session_state["_user_js"][1]
    assert "<img" not in script
    assert "\\u0026lt;img src=x onerror=" in script  # HTML-escaped, then JSON-escaped


# ------------------------------------------------------------ corrupted data files


def _copy_data(tmp_path: Path) -> Path:
    for path in DATA_DIR.iterdir():
        shutil.copy(path, tmp_path / path.name)
    return tmp_path


CORRUPT = {
    "regions missing": ("regions.geojson", None, "regions.geojson: file is missing"),
    "regions empty": ("regions.geojson", "", "regions.geojson: cannot be read"),
    "regions not json": ("regions.geojson", "{oops", "regions.geojson: cannot be read"),
    "regions no features": (
        "regions.geojson", '{"type":"FeatureCollection","features":[]}', "no features"
    ),
    "border missing": ("border.geojson", None, "border.geojson: file is missing"),
    "border garbage": ("border.geojson", "\x00\x01\x02", "border.geojson: cannot be read"),
    "towns missing": ("towns.geojson", None, "towns.geojson: file is missing"),
    "towns wrong shape": ("towns.geojson", None, "towns.geojson: unexpected geometry"),
    "claims missing": ("claims.yaml", None, "claims.yaml"),
    "claims bad yaml": ("claims.yaml", "claims: [\n  - id: x\n   bad", "claims.yaml"),
    "claims empty": ("claims.yaml", "", "claims.yaml"),
}  # fmt: skip


@pytest.mark.parametrize(("name", "content", "expected"), CORRUPT.values(), ids=CORRUPT.keys())
def test_corrupted_data_file_stops_the_app_with_its_name(
    tmp_path, monkeypatch, name, content, expected
):
    data_dir = _copy_data(tmp_path)
    target = data_dir / name
    if "unexpected geometry" in expected:
        layer = json.loads((DATA_DIR / "regions.geojson").read_text())
        for feat in layer["features"]:
            feat["properties"].update({"name_en": "x", "name_nl": "x", "country": "RU",
                                       "region": "", "rank": 1})  # fmt: skip
        target.write_text(json.dumps(layer))
    elif content is None:
        target.unlink()
    else:
        target.write_text(content)
    monkeypatch.setattr(geo.regions, "DATA_DIR", data_dir)
    monkeypatch.setattr(geo.claims, "CLAIMS_PATH", data_dir / "claims.yaml")
    at = start()
    assert not at.exception, "a traceback reached the reader"
    assert expected in at.error[0].value
    assert not at.metric


# ------------------------------------------------------------ injected text


@pytest.mark.parametrize("name", ["lang", "date", "ru", "z", "lat", "base"])
def test_url_injection_is_shown_as_text_not_markup(name):
    at = start(**{name: XSS})
    assert not at.exception
    warning = at.warning[0].value
    assert "\\<img src=x onerror" in warning  # markdown-escaped: shown as text


# ------------------------------------------------------------ any URL, property-based

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as hst  # noqa: E402


@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    hst.dictionaries(
        hst.sampled_from(["ru", "ua", "ind", "lang", "date", "lat", "lon", "z", "base"]),
        hst.text(min_size=1, max_size=30),
        min_size=1,
        max_size=4,
    )
)
def test_any_url_parameters_render_a_working_view(params):
    st.cache_resource.clear()
    at = start(**params)
    assert not at.exception
    assert [m.label for m in at.metric][:2] == ["Russian claim", "Ukrainian claim"] or (
        at.radio(key="lang").value == "nl"
    )
