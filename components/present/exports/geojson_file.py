"""The zones of a view as GeoJSON (RFC 7946), each with its claim, sources and caveat.

geopandas writes the features (``GeoDataFrame.to_geo_dict``, the dict half of
``to_json``: lon/lat geometry, NaN as null, Python scalars, no ``id``, no ``bbox``, no
``crs``). Two parts stay here, because geopandas' GeoJSON writer does not do them:

- the RFC 7946 geometry: exterior rings counter-clockwise (§3.1.6, the right-hand rule)
  and coordinates rounded to ~1 m; ``to_json`` writes rings as shapely holds them, in
  full precision. Done with geopandas' ``set_precision`` and ``orient_polygons`` first.
- the collection's ``name`` member and the text (UTF-8 as is, no NaN, indented):
  ``to_json`` has no place for a collection member, so its dict is dumped here.

``to_file(driver="GeoJSON", RFC7946="YES")`` (GDAL) orients and rounds, but it wrote the
object columns (flags and counts beside nulls, the nested ``sources``) as strings and
adds an ``xy_coordinate_resolution`` member: not the same file.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping

import geopandas as gpd
import numpy as np
import pandas as pd

from components.present.exports.common import ZONE_NOTE, in_wgs84, iso_date, json_value, visible
from components.present.i18n import LANGS
from components.present.zone_text import (
    derivation_formula,
    derivation_text,
    method_text,
    zone_label,
)
from geo.records import BASE_LANG, Claim, ClaimZone

#: 5 decimals of a degree ≈ 1 m: far finer than the schematic shapes, and small files.
COORD_DECIMALS = 5
#: Zone columns written as they are (missing as null), in the file's property order.
ZONE_FIELDS = (
    "side", "holder", "territory", "partial", "source_kind", "claim_ids", "date",
    "date_approx", "date_precision", "as_of",
    "age_days", "current", "stale_reason", "claimant", "qualifier", "stated_area_km2",
    "derived_area_km2", "derived", "derivation", "derivation_en", "derivation_nl",
    "label_en", "label_nl", "anchor", "anchor_basis", "shape", "drawn_area_km2",
    "drawn_width_km", "drawn_depth_km", "method_en", "method_nl", "schematic", "note",
    "source_urls", "sources",
)  # fmt: skip
#: Said on every feature of the reader's upload: it is theirs, not part of the ledger.
READER_NOTE = "uploaded by the reader: not a claim, not checked against any source"


def rfc7946_geometry(geoms: gpd.GeoSeries) -> gpd.GeoSeries:
    """Each vertex rounded to ~1 m (repeats dropped), exterior rings counter-clockwise.

    Pointwise, so each ring keeps its vertices and start; the default ``valid_output``
    mode rebuilds rings from another start point, a different file for the same shape.
    """
    rounded = geoms.set_precision(10.0**-COORD_DECIMALS, mode="pointwise")
    return rounded.remove_repeated_points().orient_polygons(exterior_cw=False)


def _sources(claim_ids: Iterable[str], by_id: Mapping[str, Claim]) -> list[dict]:
    """The ledger records behind a zone, so the file says who claimed it and where:
    title, address, the quote and its English, and our confidence in the source."""
    out = []
    for claim_id in claim_ids:
        if claim_id not in by_id:
            continue
        rec = by_id[claim_id]
        entry = {
            "claim_id": claim_id,
            "source_title": rec.source_title,
            "source_url": rec.source_url,
            "quote": rec.quote,
            "quote_en": rec.names["quote"].get(BASE_LANG),
            "confidence": rec.confidence,
        }
        out.append({key: json_value(value) for key, value in entry.items()})
    return out


def _features(properties: pd.DataFrame, geometry: gpd.GeoSeries) -> list[dict]:
    """GeoJSON features from per-feature properties and lon/lat shapes, by geopandas."""
    # Object dtype keeps each value's own type (an int stays an int beside a null);
    # an infinity is no number JSON knows, so it is missing, as NaN is.
    properties = properties.astype(object).replace([np.inf, -np.inf], None)
    frame = gpd.GeoDataFrame(properties, geometry=rfc7946_geometry(geometry), crs="EPSG:4326")
    return frame.to_geo_dict(na="null", drop_id=True)["features"]


def _text(collection: dict) -> str:
    """The file's text: UTF-8 as is (``Oekraïne``), never NaN (RFC 8259), one level per line."""
    return json.dumps(collection, ensure_ascii=False, allow_nan=False, indent=1)


def zones_geojson(
    zones: gpd.GeoDataFrame,
    by_id: Mapping[str, Claim],
    sides: tuple[str, ...],
    as_of: object = None,
) -> str:
    """The visible zones as an RFC 7946 FeatureCollection, each with its sources and caveat.

    ``zones``: the date's zone table (geo.dataset.zones_as_of), written as its columns
    are; the words (labels, derivations, methods) are built from the same rows typed.
    A stated figure is ``stated_area_km2``; arithmetic on stated figures is
    ``derived_area_km2`` with its ``derivation``; ``current`` says whether the figure
    still stood on ``as_of`` (``age_days`` old). Sources are nested per claim, so a GIS
    tool or web map shows who said what without the ledger beside it.
    """
    records = ClaimZone.from_frame(zones)
    rows = visible(records, sides)
    place = {id(zone): i for i, zone in enumerate(records)}
    shown = zones.iloc[[place[id(zone)] for zone in rows]]
    props = shown.reindex(columns=list(ZONE_FIELDS)).astype(object)
    props["claim_ids"] = [[str(c) for c in ids] for ids in shown["claim_ids"]]
    props["sources"] = [_sources(ids, by_id) for ids in props["claim_ids"]]
    props["source_urls"] = [
        list(dict.fromkeys(s["source_url"] for s in sources if s["source_url"]))
        for sources in props["sources"]
    ]
    props["date"] = shown["date"].map(iso_date)
    props["as_of"] = iso_date(as_of)
    for flag in ("date_approx", "current", "derived", "partial"):
        props[flag] = [bool(v) if not pd.isna(v) else False for v in props[flag]]
    props["stale_reason"] = [v or None for v in props["stale_reason"]]  # "" means none
    props["derivation"] = [derivation_formula(z) or None for z in rows]
    for lang in LANGS:
        props[f"derivation_{lang}"] = [derivation_text(z, by_id, lang) or None for z in rows]
        props[f"label_{lang}"] = [zone_label(z, lang) for z in rows]
        props[f"method_{lang}"] = [method_text(z, lang) for z in rows]
    props["schematic"] = True
    props["note"] = ZONE_NOTE
    return _text(
        {
            "type": "FeatureCollection",
            "name": f"kursk-claims-map zones ({ZONE_NOTE})",
            "features": _features(props, shown.geometry),
        }
    )


def with_reader_layer(collection_json: str, layer: gpd.GeoDataFrame, name: str) -> str:
    """The zones' FeatureCollection plus the reader's uploaded features, marked as theirs.

    The upload lives in the reader's session only, so this file is made in the page, not
    by the stateless export route.
    """
    collection = json.loads(collection_json)
    layer = in_wgs84(layer)
    props = pd.DataFrame(
        {
            "side": "reader",
            "readers_own": True,
            "layer_name": name,
            "drawn_area_km2": layer["area_km2"],
            "note": READER_NOTE,
            "uploaded_properties": [dict(p) for p in layer["properties"]],
        },
        index=layer.index,
    )
    collection["features"].extend(_features(props, layer.geometry))
    return _text(collection)
