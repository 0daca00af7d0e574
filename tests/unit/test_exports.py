"""Downloads: what a reader gets in the file is what the map showed, sourced and safe.

One file for the four formats (GeoJSON, CSV, PNG, HTML) because most checks compare
them with each other and with the live map (over 300 lines for that reason).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re

import geopandas as gpd
import matplotlib.image as mpimg
import numpy as np
import pandas as pd
import pytest
from matplotlib.figure import Figure
from matplotlib.text import Text
from shapely.geometry import shape

from components.present.exports import MapScene, figures_csv, map_html, map_png, zones_geojson
from components.present.map_build import base_map, overlay
from components.present.sides import SIDE_STYLE
from geo.crs import area_km2
from tests.unit.records_of import typed

ZERO_DAY = dt.date(2025, 4, 26)  # Russia: 0 km² left, so no Russian zone
ALL_SIDES = ("russia", "ukraine", "independent")
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def zones_zero(zones_on):
    return zones_on(ZERO_DAY)


def _read_geojson(text: str) -> gpd.GeoDataFrame:
    return gpd.read_file(io.BytesIO(text.encode("utf-8")))


# --- GeoJSON -----------------------------------------------------------------------


def test_geojson_round_trips_sides_areas_ids_and_sources(zones, claims, by_id):
    text = zones_geojson(zones, by_id, ALL_SIDES)
    back = _read_geojson(text).set_index("side")
    assert set(back.index) == set(ALL_SIDES)
    assert back.crs.equals("EPSG:4326")
    stated = back["stated_area_km2"].dropna().to_dict()
    assert stated == {"ukraine": 1000.0, "independent": 800.0}
    assert pd.isna(back.loc["russia", "stated_area_km2"])  # Smirnov stated no area
    assert back.loc["russia", "derived_area_km2"] == pytest.approx(604, abs=1)  # as drawn
    assert set(back["holder"]) == {"ukraine"}
    assert set(back["territory"]) == {"kursk"}
    measured = area_km2(back.geometry)
    for side, area in stated.items():
        assert measured[side] == pytest.approx(area, rel=0.02)

    ledger = claims.set_index("id")
    for feature in json.loads(text)["features"]:
        props = feature["properties"]
        expected = zones.set_index("side").loc[props["side"], "claim_ids"]
        assert props["claim_ids"] == list(expected)
        assert props["date"] == "2024-08-12"
        assert props["schematic"] is True
        assert "not a surveyed front line" in props["note"]
        assert [s["claim_id"] for s in props["sources"]] == props["claim_ids"]
        for source in props["sources"]:
            rec = ledger.loc[source["claim_id"]]
            assert source["source_url"] == rec["source_url"]
            assert source["source_url"].startswith("https://")
            assert source["source_title"] == rec["source_title"]
            assert source["confidence"] == rec["confidence"]
            assert source["source_url"] in props["source_urls"]
        assert "not a surveyed front line" in props["method_en"]
        assert "geen gemeten frontlijn" in props["method_nl"]
        assert props["current"] is True


def test_geojson_russian_box_keeps_both_records(zones, by_id):
    doc = json.loads(zones_geojson(zones, by_id, ("russia",)))
    (feature,) = doc["features"]
    props = feature["properties"]
    assert len(props["claim_ids"]) == 2  # width and depth, 40 × 12 km
    # 40 km end to end along the border; the border bends at the crossing, so the
    # drawing reaches deeper than 12 km square to that line, never more than 12 km from
    # the border itself (tests/unit/test_zones.py).
    assert props["drawn_width_km"] == pytest.approx(40, abs=2)
    assert props["drawn_depth_km"] >= 12
    assert props["stated_area_km2"] is None
    assert props["derived_area_km2"] == pytest.approx(604, abs=1)
    assert props["derived"] is True
    assert props["derivation"] == "12 km from the border along 40 km of it ⇒ ≈ 604 km² (drawn)"
    assert "≈ 604 km² as drawn, derived" in props["label_en"]
    assert (props["holder"], props["territory"]) == ("ukraine", "kursk")


def test_geojson_is_rfc7946(zones, by_id):
    doc = json.loads(zones_geojson(zones, by_id, ALL_SIDES))
    assert doc["type"] == "FeatureCollection"
    assert "crs" not in doc
    for feature in doc["features"]:
        geom = shape(feature["geometry"])
        assert geom.is_valid
        polygons = list(geom.geoms) if geom.geom_type == "MultiPolygon" else [geom]
        for poly in polygons:
            assert poly.exterior.is_ccw
            assert all(not ring.is_ccw for ring in poly.interiors)
        coords = np.asarray(polygons[0].exterior.coords)
        assert np.array_equal(coords, np.round(coords, 5))
        lon, lat = coords[:, 0], coords[:, 1]  # lon/lat order, in the Kursk area
        assert ((lon > 33) & (lon < 38)).all()
        assert ((lat > 50) & (lat < 53)).all()


def test_geojson_leaves_out_toggled_off_sides(zones, by_id):
    back = _read_geojson(zones_geojson(zones, by_id, ("ukraine",)))
    assert back["side"].tolist() == ["ukraine"]
    assert json.loads(zones_geojson(zones, by_id, ()))["features"] == []


def test_geojson_skips_a_zero_km2_claim(zones_zero, zone_of, by_id):
    assert zone_of(zones_zero, "russia").area_km2 == 0
    doc = json.loads(zones_geojson(zones_zero, by_id, ALL_SIDES))
    drawn = {(f["properties"]["side"], f["properties"]["territory"]) for f in doc["features"]}
    assert ("russia", "kursk") not in drawn  # "fully liberated": nothing to draw
    assert drawn == {("independent", "kursk"), ("ukraine", "kursk"), ("russia", "sumy")}
    assert all(f["geometry"]["coordinates"] for f in doc["features"])


# --- CSV ---------------------------------------------------------------------------


def test_csv_round_trips_ids_values_and_dates(claims):
    data = figures_csv(claims)
    data.decode("utf-8")  # valid UTF-8
    back = pd.read_csv(io.BytesIO(data), dtype={"id": str})
    assert back.columns[:3].tolist() == ["id", "date", "side"]
    assert "disputed_by" in back.columns
    assert back["id"].tolist() == claims["id"].tolist()
    assert back["value"].dtype.kind == "f"
    np.testing.assert_allclose(back["value"], claims["value"], equal_nan=True)
    assert back["date"].tolist() == claims["date"].dt.strftime("%Y-%m-%d").tolist()
    assert back["source_url"].tolist() == claims["source_url"].tolist()


def test_csv_joins_disputed_by_with_semicolons(claims):
    rec = claims[claims["disputed_by"].map(len) > 0].iloc[[0]]
    back = pd.read_csv(io.BytesIO(figures_csv(rec)))
    assert back.loc[0, "disputed_by"] == ";".join(rec.iloc[0]["disputed_by"])


def test_csv_defuses_formula_cells_but_not_numbers(claims):
    crafted = claims[claims["value"].notna()].head(3).copy()
    crafted["quote"] = crafted["quote"].astype(object)
    crafted.loc[crafted.index[0], "quote"] = '=HYPERLINK("http://evil.example","click")'
    crafted.loc[crafted.index[1], "note"] = "@SUM(1+1)"
    crafted.loc[crafted.index[2], "claimant"] = "-2+3"
    crafted.loc[crafted.index[2], "value"] = -5.0
    back = pd.read_csv(io.BytesIO(figures_csv(crafted)), keep_default_na=False)
    assert back.loc[0, "quote"] == '\'=HYPERLINK("http://evil.example","click")'
    assert back.loc[1, "note"] == "'@SUM(1+1)"
    assert back.loc[2, "claimant"] == "'-2+3"
    assert back["value"].tolist()[2] == -5.0  # numbers are not text: left alone
    for col in back.columns.drop("value"):
        cells = back[col].astype(str)
        assert not cells.str.match(r"^[=+\-@\t\r]").any(), col


# --- PNG ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def png(layers, seed_day):
    """Draw the PNG of some zones (the seed day's unless ``as_of`` says otherwise)."""

    def draw(zones, sides, lang="en", as_of=None, **kw):
        return map_png(MapScene(*layers, typed(zones), sides, lang), as_of or seed_day, **kw)

    return draw


def _near(img: np.ndarray, hex_colour: str, tol: float = 0.12) -> int:
    """Pixels within `tol` (0–1 RGB distance per channel) of a colour."""
    rgb = np.array([int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)])
    return int((np.abs(img[..., :3] - rgb) < tol).all(axis=-1).sum())


@pytest.fixture(scope="module")
def png_all(png, zones):
    return png(zones, ALL_SIDES)


def test_png_has_the_requested_size_and_real_content(png_all):
    assert png_all.startswith(PNG_SIGNATURE)
    img = mpimg.imread(io.BytesIO(png_all), format="png")
    assert img.shape[:2] == (1000, 1600)
    rgb = (img[..., :3] * 255).round().astype(np.uint32)
    packed = (rgb[..., 0] << 16) | (rgb[..., 1] << 8) | rgb[..., 2]
    assert len(np.unique(packed)) > 20


def test_png_other_size_is_exact(zones, png):
    img = mpimg.imread(io.BytesIO(png(zones, ALL_SIDES, size=(1000, 1000), dpi=300)))
    assert img.shape[:2] == (1000, 1000)


def test_png_shows_the_zone_colours_of_the_visible_sides(zones, png_all, png):
    orange, blue = SIDE_STYLE["russia"]["color"], SIDE_STYLE["ukraine"]["color"]
    both = mpimg.imread(io.BytesIO(png_all))
    assert _near(both, orange) > 300
    assert _near(both, blue) > 300
    ua_only = mpimg.imread(io.BytesIO(png(zones, ("ukraine",))))
    assert _near(ua_only, orange) == 0
    assert _near(ua_only, blue) > 300


def test_png_without_a_zone_for_zero_km2(zones_zero, png):
    kursk = zones_zero[zones_zero["territory"] == "kursk"]  # Russia's Sumy zone aside
    img = mpimg.imread(io.BytesIO(png(kursk, ALL_SIDES, as_of=ZERO_DAY)))
    map_part = img[:, : int(img.shape[1] * 0.6)]  # the legend (right) keeps a Russian row
    assert _near(map_part, SIDE_STYLE["russia"]["color"]) == 0
    # Syrskyi's February figure is stale on 26 Apr 2025: a faint outline, no solid blue.
    assert _near(map_part, SIDE_STYLE["ukraine"]["color"]) < 50
    assert _near(map_part, "#7CB3CF") > 100  # the blue outline at half opacity


def _drawn_text(monkeypatch, render) -> tuple[str, bytes]:
    """Every text on the figure when it is saved (wrapping undone), and the PNG.

    Read from the figure's ``Text`` artists, so only what is drawn counts: a label the
    exporter removed for not fitting is gone, and the PNG's metadata is not text.
    """
    drawn: list[str] = []
    save = Figure.savefig

    def spy(fig, *args, **kwargs):
        drawn.extend(text.get_text() for text in fig.findobj(Text))
        return save(fig, *args, **kwargs)

    with monkeypatch.context() as patch:
        patch.setattr(Figure, "savefig", spy)
        png = render()
    return " ".join(" ".join(drawn).split()), png


def test_png_language_changes_the_words_a_reader_sees(zones, monkeypatch, png):
    english, en_png = _drawn_text(monkeypatch, lambda: png(zones, ALL_SIDES, "en"))
    dutch, nl_png = _drawn_text(monkeypatch, lambda: png(zones, ALL_SIDES, "nl"))
    assert nl_png.startswith(PNG_SIGNATURE)
    assert nl_png != en_png
    # Title, date, legend rows, border, region and town names, each in its language.
    for words in (
        "what each side claims", "Claims as of 12 Aug 2024", "Russia says Ukraine holds",
        "Ukraine says it holds", "about 1,000 km²", "Russia–Ukraine border", "Sudzha", "KURSK",
    ):  # fmt: skip
        assert words in english, words
    for words in (
        "wat elke partij beweert", "Beweringen tot en met 12 aug 2024",
        "Volgens Rusland in handen van Oekraïne", "Volgens Oekraïne in eigen handen",
        "zo'n 1.000 km²", "Grens Rusland–Oekraïne", "Soedzja", "KOERSK",
    ):  # fmt: skip
        assert words in dutch, words
    assert not {"claim", "border", "Sudzha", "says"} & set(re.findall(r"[\w–]+", dutch))
    assert not {"Volgens", "Grens", "Soedzja"} & set(re.findall(r"[\w–]+", english))
    # The words reach the pixels: the legend panel (right) reads differently.
    en_img, nl_img = (mpimg.imread(io.BytesIO(png)) for png in (en_png, nl_png))
    panel = slice(int(en_img.shape[1] * 0.63), None)
    changed = np.abs(en_img[:, panel, :3] - nl_img[:, panel, :3]).max(axis=-1) > 0.25
    assert changed.mean() > 0.01


# --- HTML --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def snapshot(layers, zones, claims, seed_day, by_id):
    fmap = base_map(*layers, lang="en")
    overlay(typed(zones), by_id, ALL_SIDES, "en", seed_day).add_to(fmap)
    return map_html(fmap)


def test_html_snapshot_needs_no_server(snapshot):
    srcs = re.findall(r"<script\b[^>]*\bsrc\s*=\s*[\"']?([^\"' >]+)", snapshot, re.I)
    hrefs = re.findall(r"<link\b[^>]*\bhref\s*=\s*[\"']?([^\"' >]+)", snapshot, re.I)
    assert srcs == []
    assert hrefs == []
    assert "/app/static" not in snapshot
    assert "sourceMappingURL" not in snapshot
    assert "url(images/" not in snapshot  # Leaflet's CSS images are embedded


def test_html_snapshot_holds_leaflet_and_the_claims(snapshot):
    assert "L.map(" in snapshot
    assert 'version="1.9.4"' in snapshot  # Leaflet itself, inlined
    assert ".leaflet-container" in snapshot  # its CSS, inlined
    assert "claim-ru" in snapshot
    assert "claim-ua" in snapshot
    assert len(snapshot.encode("utf-8")) < 1.5e6


def test_html_inlined_code_cannot_close_its_script_early(snapshot):
    # Exactly one closing tag per opening tag: nothing inside a script ends it early.
    assert snapshot.count("<script") == snapshot.count("</script>")
    assert snapshot.lower().count("<style") == snapshot.lower().count("</style>")


def test_html_guards_hostile_asset_text(layers, tmp_path, monkeypatch):
    """A '</script>' in the inlined code is escaped; backslashes survive byte for byte."""
    js = 'window.L={map:1};var s="</script><b>x</b>", r=/\\d+\\n/;\n//# sourceMappingURL=x.map\n'
    (tmp_path / "leaflet.js").write_text(js, encoding="utf-8")
    (tmp_path / "leaflet.css").write_text(".a{content:'</style>'}", encoding="utf-8")
    monkeypatch.setattr("components.present.exports.html_map.package_dir", lambda: tmp_path)
    page = map_html(base_map(*layers))
    assert 'var s="<\\/script><b>x</b>", r=/\\d+\\n/;' in page
    assert "content:'<\\/style>'" in page
    assert "sourceMappingURL" not in page
    assert page.count("<script") == page.count("</script>")


def test_reader_layer_is_in_the_geojson_marked_as_their_own(zones, by_id):
    from shapely.geometry import box

    from components.present.exports import with_reader_layer

    layer = gpd.GeoDataFrame(
        {"area_km2": [12.5], "properties": [{"name": "my estimate"}]},
        geometry=[box(35.0, 51.0, 35.2, 51.1)],
        crs="EPSG:4326",
    )
    text = with_reader_layer(zones_geojson(zones, by_id, ("ukraine",)), layer, "mine.geojson")
    back = gpd.read_file(io.BytesIO(text.encode()))
    own = back[back["side"] == "reader"]
    assert len(own) == 1
    assert bool(own["readers_own"].iloc[0])
    assert set(back["side"]) == {"ukraine", "reader"}


def test_reader_layer_is_drawn_and_named_in_the_png_legend(layers, zones, seed_day):
    from PIL import Image
    from shapely.geometry import box

    layer = gpd.GeoDataFrame(
        {"area_km2": [300.0], "properties": [{}]},
        geometry=[box(35.3, 51.0, 35.7, 51.2)],
        crs="EPSG:4326",
    )
    plain = map_png(MapScene(*layers, typed(zones), ("ukraine",), "nl"), seed_day)
    name = r"$\frac{1}{0}$ mijn.kml"  # mathtext in a file name must stay text
    own = map_png(
        MapScene(*layers, typed(zones), ("ukraine",), "nl"), seed_day, reader_layer=(name, layer)
    )
    pixels = np.asarray(Image.open(io.BytesIO(own)).convert("RGB")).reshape(-1, 3)
    purple = np.all(np.abs(pixels.astype(int) - (0xCC, 0x79, 0xA7)) < 12, axis=1).sum()
    assert own != plain
    assert purple > 200  # outline and legend swatch in the reader's colour
