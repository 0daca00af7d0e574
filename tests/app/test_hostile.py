"""Hostile input at the app level: uploads, corrupted data files, injected text.

Each case checks the clear message and that nothing the reader had is lost. Any link at
all (property-based, needs hypothesis): tests/app/test_hostile_properties.py.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from shapely.geometry import Polygon, box
from streamlit.testing.v1 import AppTest

import geo.claims
import geo.regions
from components.render import session
from geo.paths import DATA_DIR
from tests.app.test_app import plain, run

XSS = '<img src=x onerror="window.__xss=1">'


def geojson(*geoms, **props) -> bytes:
    features = [
        {"type": "Feature", "properties": props, "geometry": g.__geo_interface__} for g in geoms
    ]
    return json.dumps({"type": "FeatureCollection", "features": features}).encode()


def upload(at: AppTest, name: str, data: bytes) -> AppTest:
    at.file_uploader(key="upload_file").set_value((name, data, "application/octet-stream"))
    return at.run()


def metric_labels(at: AppTest) -> list[str]:
    return [plain(m.label) for m in at.metric]


def test_bad_upload_keeps_earlier_layer_toggles_and_date():
    at = run(date="2024-08-27")
    at.toggle(key="ru").set_value(False).run()
    upload(at, "mine.geojson", geojson(box(35.0, 51.0, 35.5, 51.3), name="my estimate"))
    assert not at.exception
    assert "Your layer: mine.geojson" in metric_labels(at)
    upload(at, "broken.geojson", b'{"type": "FeatureCollection", "features": [')
    assert not at.exception
    assert "not readable GeoJSON" in plain(at.error[0].value)
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
    at = upload(run(), name, data)
    assert not at.exception
    assert problem in plain(at.error[0].value)
    assert "\n" not in at.error[0].value
    assert not any(label.startswith("Your layer") for label in metric_labels(at))
    assert metric_labels(at)[:2] == ["Russian claim", "Ukrainian claim"]


def test_upload_property_injection_is_escaped_in_the_map_popup():
    at = upload(run(), "x.geojson", geojson(box(35.0, 51.0, 35.5, 51.3), **{XSS: XSS}))
    assert not at.exception
    script = at.session_state[session.USER_JS][1]
    assert "<img" not in script
    assert "\\u0026lt;img src=x onerror=" in script  # HTML-escaped, then JSON-escaped


# Regression (issue 12): a NaN coordinate or an encrypted zip member replaced the page
# with a stack trace and lost the layer uploaded before.
@pytest.mark.parametrize(
    ("name", "data", "problem"),
    [
        ("nan.geojson", b'{"type":"Polygon","coordinates":[[[35,51],[35.5,NaN],[35.5,51.3],'
         b"[35,51]]]}", "not numbers"),
        ("secret.zip", None, "encrypted"),
        ("view.gpkg", None, "only plain feature tables"),
    ],
    ids=["nan", "encrypted-zip", "gpkg-view"],
)  # fmt: skip
def test_hostile_upload_is_one_line_and_keeps_the_earlier_layer(tmp_path, name, data, problem):
    from sandbox.hostile_corpus import CASES, Ctx

    corpus = {
        "secret.zip": "encrypted zip member",
        "view.gpkg": "GeoPackage view with a cross join",
    }
    if data is None:
        data = CASES[corpus[name]].build(Ctx(tmp=tmp_path))
    at = upload(run(), "mine.geojson", geojson(box(35.0, 51.0, 35.5, 51.3)))
    upload(at, name, data)
    assert not at.exception
    assert problem in plain(at.error[0].value)
    assert "Your layer: mine.geojson" in metric_labels(at), "earlier upload kept"


def test_any_exception_on_the_upload_path_is_a_message_not_a_trace(monkeypatch):
    import components.render.upload

    def broken(*args, **kwargs):
        raise RuntimeError("/srv/app/secret/path.py line 3")

    monkeypatch.setattr(components.render.upload, "read_overlay", broken)
    at = upload(run(), "x.geojson", geojson(box(35.0, 51.0, 35.5, 51.3)))
    assert not at.exception
    assert "unexpected error" in plain(at.error[0].value)
    assert "/srv" not in at.error[0].value


def test_a_layer_that_cannot_be_drawn_is_a_message_not_a_trace(monkeypatch):
    import components.render.upload

    def broken(*args, **kwargs):
        raise ValueError("/srv/app/secret/path.py")

    monkeypatch.setattr(components.render.upload, "user_group", broken)
    at = upload(run(), "x.geojson", geojson(box(35.0, 51.0, 35.5, 51.3))).run()
    assert not at.exception
    assert "unexpected error" in plain(at.error[0].value)
    assert not any(label.startswith("Your layer") for label in metric_labels(at))


def test_file_name_is_plain_text_not_markdown():
    """Regression (issue 12): the uploaded file's name was rendered as Markdown."""
    name = "[click](javascript:alert(1)) ![x](data:x) $\\LaTeX$ **b**.geojson"
    at = upload(run(), name, geojson(box(35.0, 51.0, 35.5, 51.3)))
    assert not at.exception
    label = next(m.label for m in at.metric if "Your layer" in m.label)
    assert plain(label) == f"Your layer: {name}"
    for escaped in ("\\[click\\]\\(javascript\\:", "\\!\\[x\\]", "\\$", "\\*\\*b\\*\\*"):
        assert escaped in label
    caption = next(c.value for c in at.caption if "polygon feature" in c.value)
    assert plain(caption).startswith(name)
    assert "\\!\\[x\\]" in caption


def test_upload_errors_and_notes_are_dutch_on_a_dutch_page():
    """Regression (issue 8): upload messages came out in English on a Dutch page."""
    at = upload(run(lang="nl"), "x.geojson", b"{oops")
    assert not at.exception
    assert "Het bestand is geen leesbaar GeoJSON" in plain(at.error[0].value)
    swapped = geojson(Polygon([(y, x) for x, y in box(35.0, 51.0, 35.5, 51.3).exterior.coords]))
    upload(at, "omgedraaid.geojson", swapped)
    assert not at.exception
    assert "verwisseld" in plain(at.warning[0].value)
    assert "35,25° N, 51,15° O" in plain(at.warning[0].value)


def test_uploaded_bytes_are_released_once_read(monkeypatch):
    """Regression (issue 12): Streamlit kept every uploaded file until the session shut
    down, and a session that expires after a disconnect never does."""
    from streamlit.runtime.memory_uploaded_file_manager import MemoryUploadedFileManager

    left = []
    remove = MemoryUploadedFileManager.remove_file

    def spy(self, session_id, file_id):
        remove(self, session_id, file_id)
        left.append(sum(len(files) for files in self.file_storage.values()))

    monkeypatch.setattr(MemoryUploadedFileManager, "remove_file", spy)
    at = upload(run(), "mine.geojson", geojson(box(35.0, 51.0, 35.5, 51.3)))
    assert not at.exception
    assert "Your layer: mine.geojson" in metric_labels(at)
    assert left == [0], "the upload store is empty once the file is read"


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
    at = run()
    assert not at.exception, "a traceback reached the reader"
    assert expected in at.error[0].value
    assert not at.metric


# ------------------------------------------------------------ injected text


@pytest.mark.parametrize("name", ["lang", "date", "ru", "z", "lat", "base"])
def test_url_injection_is_shown_as_text_not_markup(name):
    at = run(**{name: XSS})
    assert not at.exception
    warning = at.warning[0].value
    assert "\\<img src=x onerror" in warning  # markdown-escaped: shown as text
    assert warning.startswith(f"Ignored an invalid link parameter {name}=")
