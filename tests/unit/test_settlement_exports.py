"""Settlements in the view's GeoJSON and CSV: latest claims as of the date, with credits."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from components.present.exports import (
    SETTLEMENT_CREDIT,
    STL_CSV_COLUMNS,
    csv_headers,
    figures_csv,
    latest_claims,
    with_settlements,
    zones_geojson,
)
from components.present.i18n import has
from geo.settlements import load_settlements

END = "2026-03-08"


def settlement_points(doc: dict) -> dict[str, dict]:
    return {
        f["properties"]["id"]: f
        for f in doc["features"]
        if f["properties"].get("layer") == "settlement"
    }


@pytest.fixture(scope="module")
def end_doc(zones_on, claims, places, place_claims):
    zones = zones_geojson(zones_on("2025-04-26"), claims, ("russia", "ukraine"), END)
    return json.loads(with_settlements(zones, places, place_claims, END))


def test_geojson_carries_the_dates_placed_settlements_and_their_latest_claims(end_doc):
    points = settlement_points(end_doc)
    assert len(points) == 86  # every placed settlement named by the end of the record
    demidovka = points["demidovka"]
    assert demidovka["geometry"]["type"] == "Point"
    props = demidovka["properties"]
    assert props["status"] == "russia"
    assert props["as_of"] == END
    assert props["latest"]["russia"]["date"] == "2025-03-23"  # Tsarev: Russians cleared it
    assert props["latest"]["independent"]["date"] == "2025-04-07"  # ISW, geolocated
    assert props["latest"]["russia"]["source_url"].startswith("https://")
    assert props["latest"]["ukraine"] is None  # Ukraine's side never named it
    assert "CC BY-SA" in props["coord_licence"]
    assert props["coord_source"].startswith("gazetteer-kursk-sumy.csv row ")
    assert "claims, not verified control" in props["note"]


def test_geojson_credits_the_settlement_points_and_tags_every_feature(end_doc):
    assert end_doc["attribution"] == SETTLEMENT_CREDIT
    assert "INID" in SETTLEMENT_CREDIT
    assert "GeoNames" in SETTLEMENT_CREDIT
    assert "Wikipedia" in SETTLEMENT_CREDIT
    layers = {f["properties"]["layer"] for f in end_doc["features"]}
    assert layers == {"claim_zone", "settlement"}


def test_the_credit_names_every_licence_family_of_the_points():
    licences = " ".join(load_settlements()["coord_licence"])
    for family in ("CC BY-SA", "GPL-3.0", "CC BY 4.0"):
        assert family in licences
        assert family in SETTLEMENT_CREDIT


def test_geojson_of_an_early_date_leaves_out_later_villages(places, place_claims):
    doc = json.loads(with_settlements('{"features": []}', places, place_claims, "2024-08-09"))
    points = settlement_points(doc)
    assert len(points) == 12
    assert "yunakivka" not in points  # first named in May 2025
    assert points["demidovka"]["properties"]["status"] == "reported"  # closed in Jul 2024
    sudzha = points["sudzha"]["properties"]
    assert sudzha["latest"]["russia"] is None  # Russia's claims came in March 2025


def test_csv_lists_each_sides_latest_claim_per_settlement_placed_or_not(
    claims, places, place_claims
):
    named = latest_claims(places, place_claims, END)
    data = figures_csv(claims, "en", named)
    back = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert list(back.columns[-len(STL_CSV_COLUMNS) :]) == list(STL_CSV_COLUMNS)
    rows = back[back["record"] == "settlement_claim"]
    assert (back["record"] == "figure").sum() == len(claims)
    assert rows["settlement_id"].nunique() == 125
    sopych = rows[rows["settlement_id"] == "sopych"].set_index("side")
    assert set(sopych.index) == {"ukraine", "independent"}
    assert sopych.loc["independent", "date"] == "2026-03-07"
    assert sopych.loc["independent", "status"] == "russia"
    assert sopych.loc["ukraine", "lat"] == ""  # not placed: no gazetteer of Sumy villages
    assert sopych.loc["ukraine", "placement"] == "region_not_covered"
    sudzha = rows[rows["settlement_id"] == "sudzha"].set_index("side")
    assert float(sudzha.loc["russia", "lat"]) == pytest.approx(51.19139)
    assert sudzha.loc["russia", "coord_licence"] == "Wikipedia CC BY-SA"


def test_csv_settlement_columns_have_dutch_headers():
    assert [c for c in STL_CSV_COLUMNS if not has(f"csv_{c}")] == []
    assert "plaats_id" in csv_headers("nl")
