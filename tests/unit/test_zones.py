"""Area-true schematic zones: area, containment, touching the border, selection by date."""

from __future__ import annotations

import subprocess
import sys

import geopandas as gpd
import pandas as pd
import pytest

import geo
from geo.crs import METRIC, WGS84, area_km2
from geo.zones import area_zone, box_zone, build_frame, select_as_of


@pytest.fixture(scope="module")
def regions():
    return geo.load_regions()


@pytest.fixture(scope="module")
def frame(regions):
    return build_frame(regions)


def _check_zone(geom_m, regions, frame):
    """Share inside Kursk region, and whether it touches the Kursk–Sumy border."""
    zone = gpd.GeoSeries([geom_m], crs=METRIC).to_crs(WGS84).iloc[0]
    kursk = regions.loc["RU-KRS"].geometry
    inside = zone.intersection(kursk).area / zone.area
    touches = geom_m.distance(frame.border) < 1.0  # metres
    return inside, touches


def test_russian_box_is_area_true_inside_kursk_and_on_the_border(regions, frame):
    zone = box_zone(frame, width_km=40, depth_km=12)
    measured = area_km2(gpd.GeoSeries([zone.geometry], crs=METRIC)).iloc[0]
    assert measured == pytest.approx(480, rel=0.05)
    assert zone.width_km == 40
    inside, touches = _check_zone(zone.geometry, regions, frame)
    assert inside >= 0.98
    assert touches


@pytest.mark.parametrize("stated", [30, 140, 480, 800, 1000, 1150, 1294, 1376])
def test_area_claim_zone_within_2_percent(regions, frame, stated):
    zone = area_zone(frame, stated)
    measured = area_km2(gpd.GeoSeries([zone.geometry], crs=METRIC)).iloc[0]
    assert measured == pytest.approx(stated, rel=0.02)
    inside, touches = _check_zone(zone.geometry, regions, frame)
    assert inside >= 0.98
    assert touches


def test_zone_is_centred_near_sudzha(frame):
    sudzha = gpd.GeoSeries.from_xy([35.2726], [51.1976], crs=WGS84).to_crs(METRIC).iloc[0]
    assert area_zone(frame, 1000).geometry.distance(sudzha) == 0


def test_zero_area_claim_draws_nothing(frame):
    zone = area_zone(frame, 0)
    assert zone.geometry.is_empty
    assert zone.area_km2 == 0


def test_claim_zones_on_seed_date_shows_half(regions):
    zones = geo.claim_zones(as_of="2024-08-12").set_index("side")
    assert {"russia", "ukraine"} <= set(zones.index)
    ru, ua = zones.loc["russia"], zones.loc["ukraine"]
    assert ru["area_km2"] == pytest.approx(480)
    assert ua["area_km2"] == pytest.approx(1000)
    measured = area_km2(zones.geometry)
    assert measured.loc["russia"] == pytest.approx(480, rel=0.05)
    assert measured.loc["ukraine"] == pytest.approx(1000, rel=0.02)
    assert ru["area_km2"] / ua["area_km2"] == pytest.approx(0.48)
    for text in (ru["method"], ua["method"]):
        assert "not a surveyed front line" in text
        assert "Sudzha" in text
    assert "12 km deep and 40 km wide" in ru["method"]
    assert "1,000 km²" in ua["method"]
    assert "geen gemeten frontlijn" in ua["method_nl"]
    assert zones.crs.to_epsg() == 4326


def test_claim_zones_before_any_claim_is_empty():
    assert geo.claim_zones(as_of="2024-08-01").empty


def _candidates(*rows):
    cols = ["side", "date", "claim_id", "confidence", "area_km2"]
    df = pd.DataFrame(rows, columns=cols)
    df["date"] = pd.to_datetime(df["date"])
    return df


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        ("2024-08-11", []),
        ("2024-08-12", ["ua-a"]),
        ("2024-08-20", ["ua-b"]),
        ("2024-08-27", ["ua-c"]),
        ("2030-01-01", ["ua-c"]),
    ],
)
def test_latest_claim_on_or_before_date(as_of, expected):
    cands = _candidates(
        ("ukraine", "2024-08-12", "ua-a", "high", 1000),
        ("ukraine", "2024-08-15", "ua-b", "high", 1150),
        ("ukraine", "2024-08-27", "ua-c", "high", 1294),
    )
    assert select_as_of(cands, as_of)["claim_id"].tolist() == expected


def test_same_day_tie_goes_to_higher_confidence():
    cands = _candidates(
        ("independent", "2025-03-13", "ind-a", "high", 140),
        ("independent", "2025-03-13", "ind-b", "low", 1376),
    )
    assert select_as_of(cands, "2025-03-13")["claim_id"].tolist() == ["ind-a"]


def test_geo_never_imports_streamlit():
    code = "import sys, geo; geo.claim_zones(); print('streamlit' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


CANDIDATES = geo.area_bearing(geo.load_claims())


@pytest.mark.parametrize(
    "row", [r for _, r in CANDIDATES.iterrows()], ids=list(CANDIDATES["claim_id"])
)
def test_every_dated_area_claim_becomes_an_area_true_zone(regions, frame, row):
    if row["kind"] == "box":
        zone, rtol = box_zone(frame, row["width_km"], row["depth_km"]), 0.05
    else:
        zone, rtol = area_zone(frame, row["area_km2"]), 0.02
    if row["area_km2"] == 0:
        assert zone.geometry.is_empty
        return
    measured = area_km2(gpd.GeoSeries([zone.geometry], crs=METRIC)).iloc[0]
    assert measured == pytest.approx(row["area_km2"], rel=rtol)
    inside, touches = _check_zone(zone.geometry, regions, frame)
    assert inside >= 0.98
    assert touches


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        ("2024-08-01", {}),  # before the first claim
        ("2024-08-12", {"russia": 480, "ukraine": 1000, "independent": 800}),  # on a date
        ("2024-08-22", {"russia": 480, "ukraine": 1250, "independent": 646}),  # between
        ("2024-08-27", {"ukraine": 1294}),
        ("2024-11-23", {"ukraine": 800}),  # the 1,376 km² "peak" is not the area held then
        ("2026-01-01", {"russia": 0, "ukraine": 500, "independent": 30}),  # after the last
    ],
)
def test_zone_selection_by_date_on_the_shipped_claims(as_of, expected):
    chosen = select_as_of(CANDIDATES, as_of).set_index("side")["area_km2"].to_dict()
    for side, area in expected.items():
        assert chosen[side] == area, side
    if not expected:
        assert chosen == {}
