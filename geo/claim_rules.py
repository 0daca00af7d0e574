"""Schema rules added for issue 9: dates as vague as their source, ranges, evidence,
derived records, anchors (named places with coordinates) and depth references.

Split from :mod:`geo.claims` to keep that module about loading and the core record;
every error still names the file, the record (or anchor) and the field.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any

from geo.errors import ClaimsError

_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

#: What kind of voice made the statement, beside the side it speaks for. Officials and
#: unofficial voices (war bloggers) belong to a claimant side; trackers, analysts and the
#: media's own arithmetic stand apart (side ``independent``), whoever they lean to.
SOURCE_KINDS: tuple[str, ...] = (
    "official",
    "unofficial",
    "affiliated_tracker",
    "independent_analyst",
    "media_arithmetic",
)
CLAIMANT_KINDS: tuple[str, ...] = ("official", "unofficial")
#: How vague an approximate date is (``date_approx: true``); none = "around that day".
DATE_PRECISIONS: tuple[str, ...] = ("early_month", "mid_month", "late_month", "month")
#: What the source says about evidence for the claim (absent = the source does not say).
EVIDENCE: tuple[str, ...] = ("none", "some")
ANCHOR_BASES: tuple[str, ...] = ("source", "context")
#: Metrics a figure can be drawn from, and the ones a range (value..value_high) may use.
RANGE_METRICS: tuple[str, ...] = ("area_km2", "settlements", "depth_km", "advance_km")
ANCHOR_FIELDS: tuple[str, ...] = ("name_en", "name_nl", "lon", "lat", "coord_source")
#: Sanity box for anchor coordinates (the Kursk–Sumy border area).
ANCHOR_BOX = (34.0, 50.5, 37.5, 52.5)


def is_number(value: Any) -> bool:
    """A finite int or float, not a bool."""
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def check_extras(record: Mapping, value: Any, metric: str, date_approx: bool, fail: Any) -> None:
    """Optional fields added for dates, ranges, evidence, derivation, anchors and shapes."""
    precision = record.get("date_precision")
    if precision is not None:
        if precision not in DATE_PRECISIONS:
            fail(f"date_precision {precision!r} is not one of: {', '.join(DATE_PRECISIONS)}")
        if not date_approx:
            fail("date_precision given but date_approx is not true")
    high = record.get("value_high")
    if high is not None:
        if metric not in RANGE_METRICS:
            fail(f"value_high (a range) is not allowed for metric {metric!r}")
        if not is_number(high) or value is None or high <= value:
            fail(f"value_high {high!r} must be a number above value {value!r}")
    evidence = record.get("evidence")
    if evidence is not None and evidence not in EVIDENCE:
        fail(f"evidence {evidence!r} is not one of: {', '.join(EVIDENCE)}")
    for key in ("derived_from", "anchor", "depth_ref"):
        val = record.get(key)
        if val is not None and (not isinstance(val, str) or not val.strip()):
            fail(f"{key} must be a record or anchor id, got {val!r}")
    basis = record.get("anchor_basis")
    if basis is not None:
        if basis not in ANCHOR_BASES:
            fail(f"anchor_basis {basis!r} is not one of: {', '.join(ANCHOR_BASES)}")
        if record.get("anchor") is None:
            fail("anchor_basis given without an anchor")
    if record.get("anchor") is not None and metric != "area_km2":
        fail(f"anchor is only for area_km2 records, not metric {metric!r}")
    supersedes = record.get("supersedes_area")
    if supersedes is not None and not isinstance(supersedes, bool):
        fail(f"supersedes_area must be true or false, got {supersedes!r}")


def validate_anchors(anchors: Any, file: str = "data/claims.yaml") -> dict[str, dict]:
    """Check the top-level ``anchors`` mapping: named places zones are built around."""
    if anchors is None:
        return {}
    if not isinstance(anchors, Mapping):
        raise ClaimsError(f"{file}: 'anchors' must be a mapping of id -> place")
    out: dict[str, dict] = {}
    lon0, lat0, lon1, lat1 = ANCHOR_BOX
    for aid, entry in anchors.items():

        def fail(msg: str, aid: Any = aid) -> None:
            raise ClaimsError(f"{file}: anchor {aid!r}: {msg}")

        if not isinstance(aid, str) or not _ID_RE.match(aid):
            fail("id is not kebab-case")
        if not isinstance(entry, Mapping):
            fail("expected a mapping")
        unknown = sorted(set(entry) - set(ANCHOR_FIELDS) - {"note"})
        if unknown:
            fail(f"unknown field(s): {', '.join(map(str, unknown))}")
        for key in ANCHOR_FIELDS:
            if key not in entry:
                fail(f"missing field {key}")
        for key in ("name_en", "name_nl", "coord_source"):
            if not isinstance(entry[key], str) or not entry[key].strip():
                fail(f"{key} must be a non-empty string")
        lon, lat = entry["lon"], entry["lat"]
        numbers = is_number(lon) and is_number(lat)
        if not (numbers and lon0 <= lon <= lon1 and lat0 <= lat <= lat1):
            fail(f"lon/lat ({lon!r}, {lat!r}) outside the map area {ANCHOR_BOX}")
        out[aid] = dict(entry, lon=float(lon), lat=float(lat))
    return out


def check_links(rec: dict, by_id: Mapping[str, dict], places: Mapping, file: str) -> None:
    """References between records (disputes, derivations, depths) and to anchors."""

    def fail(field: str, msg: str) -> None:
        raise ClaimsError(f"{file}: record {rec['id']!r}: {field} {msg}")

    for other in rec["disputed_by"]:
        if other not in by_id:
            fail("disputed_by", f"names unknown id {other!r}")
    src = rec["derived_from"]
    if src is not None:
        if src not in by_id or src == rec["id"]:
            fail("derived_from", f"names unknown id {src!r}")
        if by_id[src]["side"] != rec["side"]:
            fail("derived_from", f"names {src!r}, a record of another side")
    depth = rec["depth_ref"]
    if depth is not None:
        ref = by_id.get(depth)
        if ref is None:
            fail("depth_ref", f"names unknown id {depth!r}")
        if ref["metric"] not in ("depth_km", "advance_km"):
            fail("depth_ref", f"names {depth!r}, which is not a depth_km or advance_km record")
        if (ref["side"], ref["date"]) != (rec["side"], rec["date"]):
            fail("depth_ref", f"names {depth!r}, which is not of the same side and date")
    anchor = rec["anchor"]
    place = places.get(anchor) if anchor is not None else None
    if anchor is not None and place is None:
        fail("anchor", f"names unknown anchor {anchor!r} (not in the top-level 'anchors')")
    rec["anchor_name_en"] = place["name_en"] if place else None
    rec["anchor_name_nl"] = place["name_nl"] if place else None
    rec["anchor_lon"] = place["lon"] if place else None
    rec["anchor_lat"] = place["lat"] if place else None
