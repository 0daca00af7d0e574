"""What a reader is told about an upload: one line in the page's language, every code."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

import pytest
import shapely

from components.present.upload_text import note_text, upload_message
from components.present.user_layer import user_group
from components.render.folium_payload import overlay_script
from components.render.upload import LIMITS_ENV, upload_limits
from geo.upload import Limits, Note, Overlay, UploadError
from sandbox.hostile_corpus import CASES, TEST_LIMITS, Ctx, canary_csv
from tests.unit.conftest import MAP_AREA

ROOT = Path(__file__).resolve().parents[2]
#: Where refusal and note codes are raised: the readers and the process that runs them.
RAISED_IN = (ROOT / "geo" / "upload", ROOT / "sandbox")


def codes_raised_in_geo() -> set[str]:
    """Every literal code in ``UploadError("…")`` or ``Note("…")`` under geo/upload/ and
    sandbox/."""
    found = set()
    for path in (p for folder in RAISED_IN for p in folder.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", None)
                in ("UploadError", "Note", "LimitError", "NoTurnError")
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                found.add((node.func.id, node.args[0].value))
    return found


def test_every_code_geo_can_raise_has_words_in_both_languages():
    codes = codes_raised_in_geo()
    assert len(codes) > 30
    for kind, code in codes:
        for lang in ("en", "nl"):
            if kind == "Note":
                params = {"n": 1, "points": 1, "lines": 2, "crs": "EPSG:32636", "before": 9,
                          "after": 3, "lat": 1.0, "lon": 2.0, "swapped": True, "of": 4}  # fmt: skip
                text = note_text(Note(code, params), lang)
            else:
                params = {"n": 3, "limit": 2, "mb": 11.5, "limit_mb": 10, "kind": "KML",
                          "suffix": ".txt", "method": 99, "ratio": 100, "what": "view"}  # fmt: skip
                text = upload_message(UploadError(code, **params), lang)
            assert text, (code, lang)
            assert "\n" not in text, (code, lang, text)
            assert "{" not in text, (code, lang, text)
            assert text != upload_message(UploadError("internal"), lang) or code == "internal"


@pytest.fixture(scope="module")
def refusals(tmp_path_factory) -> dict[str, UploadError]:
    from sandbox.reader import read_overlay

    tmp = tmp_path_factory.mktemp("msg")
    ctx = Ctx(tmp=tmp, canary=canary_csv(tmp / "canary.csv"))
    out = {}
    for case in CASES.values():
        if case.refused is None or "slow" in case.tags:
            continue
        try:
            read_overlay(case.filename, case.build(ctx), limits=TEST_LIMITS, map_area=MAP_AREA)
        except UploadError as exc:
            out[case.name] = exc
    return out


def test_every_refused_corpus_file_is_one_line_in_english_and_dutch(refusals):
    assert len(refusals) > 50
    for name, error in refusals.items():
        en, nl = upload_message(error, "en"), upload_message(error, "nl")
        for text in (en, nl):
            assert "\n" not in text, (name, text)
            assert len(text) < 400, (name, text)
            assert "/tmp" not in text
            assert "Traceback" not in text
        assert en != nl, name


def test_dutch_page_gets_dutch_upload_errors():
    """Regression (issue 8): upload errors came out in English on a Dutch page."""
    error = UploadError("not_format", kind="GeoJSON")
    assert upload_message(error, "nl").startswith("Het bestand is geen leesbaar GeoJSON.")
    assert "Toegestaan: GeoJSON" in upload_message(error, "nl")
    assert upload_message(UploadError("memory", limit=512), "nl") == (
        "Dit bestand heeft meer dan 512 MB nodig om te lezen; vereenvoudig of splits het."
    )


def test_limit_messages_name_the_limit():
    assert "1,000,000" in upload_message(
        UploadError("too_many_vertices", n=3_600_000, limit=1_000_000), "en"
    )
    assert "3.600.000" in upload_message(
        UploadError("too_many_vertices", n=3_600_000, limit=1_000_000), "nl"
    )
    assert "20 s" in upload_message(UploadError("cpu", limit=20), "en")


def test_outside_note_says_where_and_that_lat_lon_may_be_swapped():
    note = Note("outside", {"lat": 35.25, "lon": 51.15, "swapped": True})
    assert note_text(note, "en") == (
        "Your layer lies around 35.25° N, 51.15° E, outside the map area. Latitude and "
        "longitude may be swapped: swapped, it would lie in the map area."
    )
    far = Note("outside", {"lat": -15.85, "lon": -47.75, "swapped": False})
    assert note_text(far, "nl") == "Je laag ligt rond 15,85° Z, 47,75° W, buiten het kaartgebied."


def test_limits_from_the_environment():
    limits = upload_limits({LIMITS_ENV: "cpu_s=3, wall_s=4.5, memory_mb=200, bogus=1, x"})
    assert (limits.cpu_s, limits.wall_s, limits.memory_mb) == (3, 4.5, 200)
    assert upload_limits({}) == Limits()


def test_one_size_limit_for_streamlits_uploader_and_the_reader():
    """Streamlit's uploader checks ``server.maxUploadSize`` in the browser (MB of 10^6
    bytes, 2^20 on Windows) and on its server (2^20): the reader's limit is the smaller
    count of the same figure, so no file passes one and fails the other unexplained."""
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["server"]["maxUploadSize"] * 1_000_000 == Limits().max_bytes
    # an operator's larger limit cannot let through what Streamlit's server refuses
    assert upload_limits({LIMITS_ENV: "max_bytes=50000000"}).max_bytes == Limits().max_bytes
    assert upload_limits({LIMITS_ENV: "max_bytes=5000000"}).max_bytes == 5_000_000
    text = upload_message(UploadError("too_big", mb=10.2, limit_mb=10), "nl")
    assert text == "Het bestand is 10,2 MB; er kan hoogstens 10 MB worden gelezen."


def _overlay(n: int, props: dict[str, str]) -> Overlay:
    import geopandas as gpd

    geoms = [shapely.box(35 + i * 1e-3, 51, 35.0005 + i * 1e-3, 51.0005) for i in range(n)]
    layer = gpd.GeoDataFrame(
        {"area_km2": [0.002] * n, "properties": [props] * n}, geometry=geoms, crs=4326
    )
    return Overlay("x.geojson", layer, 0.002 * n, (51, 35, 51.0005, 35 + n * 1e-3))


def test_drawn_layer_bytes_are_a_few_per_feature_beyond_coordinates():
    """5,000 features (the most a file may have) cost well under a megabyte to draw."""
    small, big = _overlay(1, {}), _overlay(5_000, {})
    per_feature = (len(overlay_script(user_group(big, "en"), 1))
                   - len(overlay_script(user_group(small, "en"), 1))) / 4_999  # fmt: skip
    assert per_feature < 130  # 5 vertices at ~1 m precision plus area and property list


def test_drawn_layer_carries_escaped_properties_and_name():
    payload = "<img src=x onerror=alert(1)>"
    script = overlay_script(user_group(_overlay(1, {payload: payload}), "en"), 1)
    assert "<img" not in script
    assert "\\u0026lt;img src=x onerror=" in script
