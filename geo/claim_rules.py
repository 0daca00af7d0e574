"""Validation of the claims ledger: rules between fields, records and named places.

:func:`validate_claims` checks each record against :data:`geo.claim_schema.FIELDS`
(each field alone), then the rules here: a unit that fits its metric, a value where
the metric needs one, a quote found verbatim in its seed, a source kind that fits the
side, ranges, references between records, anchors and groups. Pure: reads nothing from
disk. Every message starts with the file and the record (or anchor) and names the field.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from geo.claim_schema import (
    CLAIMANT_KINDS,
    DRAWN_METRICS,
    FIELDS,
    HOLDER_METRICS,
    ID_RE,
    METRIC_UNITS,
    REGION_TERRITORY,
    TERRITORY_COUNTRY,
    VALUELESS_METRICS,
    is_number,
    normalise_text,
    parse_date,
    resolve_source,
    schema_problem,
)
from geo.errors import ClaimsError

DEFAULT_FILE_LABEL = "data/claims.yaml"

#: Groups of records that are one statement: a width and a depth (Smirnov's box), or a
#: recaptured area and the share of the whole it stands for (Russia's own arithmetic).
GROUP_SHAPES: tuple[tuple[str, ...], ...] = (
    ("depth_km", "width_km"),
    ("area_recaptured_km2", "share_recaptured"),
)
#: Metrics a range (value..value_high) may use.
RANGE_METRICS: tuple[str, ...] = ("area_km2", "settlements", "depth_km", "advance_km")
ANCHOR_FIELDS: tuple[str, ...] = ("name_en", "name_nl", "lon", "lat", "coord_source")
#: Sanity box for anchor coordinates (the Kursk–Sumy border area).
ANCHOR_BOX = (33.5, 49.8, 38.0, 52.5)


def _label(record: Any, index: int) -> str:
    rid = record.get("id") if isinstance(record, Mapping) else None
    if isinstance(rid, str) and rid:
        return f"record {rid!r}"
    return f"record #{index + 1} (no id)"


def territory_of(rec: Mapping[str, Any]) -> str:
    """The territory a record is about: its own ``territory``, else its region's."""
    return rec.get("territory") or REGION_TERRITORY.get(rec.get("region"), "")


def _place_problem(rec: Mapping[str, Any]) -> str | None:
    """Where and whose: territory against region, holder against what is drawn, people."""
    metric, holder, territory = rec["metric"], rec.get("holder"), territory_of(rec)
    countries = {TERRITORY_COUNTRY.get(part) for part in territory.split("+")}
    checks = (
        (REGION_TERRITORY.get(rec["region"]) not in territory.split("+"),
         f"territory {territory!r} does not include region {rec['region']!r}"),
        (metric in HOLDER_METRICS and holder is None,
         f"metric {metric!r} says who holds ground, so holder is required"),
        (metric in DRAWN_METRICS and holder is not None and holder in countries,
         f"holder {holder!r} cannot hold ground drawn in its own country's territory "
         f"{territory!r} (a zone is drawn where the other side's forces are said to be)"),
        (rec.get("people") is not None and METRIC_UNITS[metric] != "people",
         f"people is only for figures about people, not metric {metric!r}"),
        (rec.get("partial") and rec.get("anchor") is None,
         "partial (a figure for one sector) needs the anchor of that sector"),
        (rec.get("anchor_to") is not None and rec.get("anchor") is None,
         "anchor_to (the far end of a strip) needs an anchor"),
        (rec.get("note") is not None and rec.get("note_nl") is None,
         "note has no Dutch twin: note_nl is required with note"),
        (rec.get("note_nl") is not None and rec.get("note") is None,
         "note_nl given without a note"),
        ((rec.get("words_en") is None) != (rec.get("words_nl") is None),
         "words_en and words_nl must be given together"),
    )  # fmt: skip
    return next((msg for broken, msg in checks if broken), None)


def record_problem(rec: Mapping[str, Any], seed_texts: Mapping[str, str]) -> str | None:
    """The first rule between *rec*'s fields that it breaks (source already resolved)."""
    metric, value, high, side = rec["metric"], rec["value"], rec.get("value_high"), rec["side"]
    kind, seed, quote = rec["source_kind"], rec["source"]["seed"], rec.get("quote")
    checks = (
        (rec["unit"] != METRIC_UNITS[metric],
         f"unit {rec['unit']!r} does not fit metric {metric!r} "
         f"(expected {METRIC_UNITS[metric]!r})"),
        (value is None and metric not in VALUELESS_METRICS,
         f"value is null, but metric {metric!r} needs a number"),
        (value is not None and metric in VALUELESS_METRICS,
         f"value must be null for metric {metric!r}, got {value!r}"),
        (value is not None and not is_number(value), f"value {value!r} is not a number"),
        (is_number(value) and value < 0, f"value {value!r} is negative"),
        (rec.get("qualifier") is not None and value is None, "qualifier given but value is null"),
        ((kind in CLAIMANT_KINDS) != (side != "independent"),
         f"source_kind {kind!r} needs side "
         f"{'russia or ukraine' if kind in CLAIMANT_KINDS else 'independent'}, "
         f"got side {side!r}"),
        (rec.get("date_precision") is not None and not rec.get("date_approx"),
         "date_precision given but date_approx is not true"),
        (high is not None and metric not in RANGE_METRICS,
         f"value_high (a range) is not allowed for metric {metric!r}"),
        (high is not None and not (is_number(high) and is_number(value) and high > value),
         f"value_high {high!r} must be a number above value {value!r}"),
        (rec.get("anchor_basis") is not None and rec.get("anchor") is None,
         "anchor_basis given without an anchor"),
        (rec.get("anchor") is not None and metric not in DRAWN_METRICS,
         f"anchor is only for records drawn as a zone ({', '.join(DRAWN_METRICS)}), "
         f"not metric {metric!r}"),
        ((rec.get("caveat_en") is None) != (rec.get("caveat_nl") is None),
         "caveat_en and caveat_nl must be given together"),
        *((seed is not None and not rec.get(key),
           f"source is the seed {seed!r}, so {key} is required")
          for key in ("quote", "quote_lang", "quote_en")),
        (seed is not None and seed not in seed_texts, f"seed text {seed!r} is not loaded"),
        (quote is not None and seed is None,
         "quote given, but the source names no seed to check it against"),
        (quote is not None and seed is not None
         and normalise_text(quote) not in normalise_text(seed_texts.get(seed, "")),
         f"quote not found verbatim in seed {seed!r}: {quote!r}"),
        (quote is None and (rec.get("quote_lang") or rec.get("quote_en")) is not None,
         "quote_lang/quote_en given without a quote"),
        (rec["id"] in (rec.get("disputed_by") or []), "disputed_by lists the record itself"),
    )  # fmt: skip
    return next((msg for broken, msg in checks if broken), None) or _place_problem(rec)


def _normalise(rec: Mapping[str, Any], source: dict[str, Any]) -> dict[str, Any]:
    """Every field present (absent optional ones as None), typed and trimmed."""
    out: dict[str, Any] = {key: rec.get(key) for key in FIELDS}
    value, high = rec["value"], rec.get("value_high")
    out.update(
        date=parse_date(rec["date"]),
        date_approx=bool(rec.get("date_approx")),
        value=None if value is None else float(value),
        value_high=None if high is None else float(high),
        supersedes_area=bool(rec.get("supersedes_area")),
        partial=bool(rec.get("partial")),
        territory=territory_of(rec),
        anchor_basis=rec.get("anchor_basis") or ("source" if rec.get("anchor") else None),
        claimant=rec["claimant"].strip(),
        claimant_nl=(rec.get("claimant_nl") or rec["claimant"]).strip(),
        summary_en=rec["summary_en"].strip(),
        summary_nl=rec["summary_nl"].strip(),
        source=source,
        disputed_by=list(rec.get("disputed_by") or []),
    )
    return out


def validate_record(
    record: Any, index: int, seed_texts: Mapping[str, str], sources: Mapping, file: str
) -> dict[str, Any]:
    """One record checked against the schema and the rules, returned normalised."""

    def fail(msg: str) -> None:
        raise ClaimsError(f"{file}: {_label(record, index)}: {msg}")

    problem = schema_problem(record)
    if problem:
        fail(problem)
    source = resolve_source(record["source"], sources)
    if isinstance(source, str):
        fail(source)
    problem = record_problem({**record, "source": source}, seed_texts)
    if problem:
        fail(problem)
    return _normalise(record, source)


def validate_claims(
    records: list[dict],
    seed_texts: dict[str, str],
    *,
    sources: Mapping[str, Any] | None = None,
    anchors: Mapping[str, Any] | None = None,
    file: str = DEFAULT_FILE_LABEL,
) -> list[dict]:
    """Check claim records against the schema and return them normalised.

    Pure: reads nothing from disk, so tests can feed small in-memory records.

    Parameters
    ----------
    records : list of dict
        Raw records as parsed from YAML.
    seed_texts : dict
        Seed path as written in the records (``seeds/....txt``) -> full text; quotes
        are checked against it after whitespace normalisation.
    sources : mapping, optional
        The top-level ``sources`` mapping that record ``source`` keys refer to.
    anchors : mapping, optional
        The top-level ``anchors`` mapping (named places) that record ``anchor`` keys
        refer to; resolved into ``anchor_name_en/nl`` and ``anchor_lon/lat``.
    file : str
        Name of the ledger, used as the prefix of every error message.

    Returns
    -------
    list of dict
        One dict per record with every field present (missing optional ones as
        None), ``date`` as :class:`datetime.date`, ``value`` as float or None and
        ``source`` resolved to a full mapping.

    Raises
    ------
    ClaimsError
        On the first problem, naming the file, the record and the field.
    """
    if not isinstance(records, list):
        raise ClaimsError(f"{file}: 'claims' must be a list of records")
    sources = sources or {}
    if not isinstance(sources, Mapping):
        raise ClaimsError(f"{file}: 'sources' must be a mapping")

    out: list[dict] = []
    seen: set[str] = set()
    for index, record in enumerate(records):
        norm = validate_record(record, index, seed_texts, sources, file)
        if norm["id"] in seen:
            raise ClaimsError(f"{file}: record {norm['id']!r}: duplicate id")
        seen.add(norm["id"])
        out.append(norm)

    places = validate_anchors(anchors, file)
    by_id = {rec["id"]: rec for rec in out}
    for rec in out:
        check_links(rec, by_id, places, file)
    check_groups(out, file)
    return out


def check_groups(records: list[dict], file: str) -> None:
    """Each ``group`` holds one record of each metric of a :data:`GROUP_SHAPES` shape."""
    groups: dict[str, list[dict]] = {}
    for rec in records:
        if rec["group"] is not None:
            groups.setdefault(rec["group"], []).append(rec)
    for name, members in groups.items():
        metrics = tuple(sorted(m["metric"] for m in members))
        same_side_date = len({(m["side"], m["date"]) for m in members}) == 1
        if metrics not in GROUP_SHAPES or not same_side_date:
            found = ", ".join(f"{m['id']} ({m['metric']})" for m in members)
            shapes = " or ".join(" + ".join(g) for g in GROUP_SHAPES)
            raise ClaimsError(
                f"{file}: record {members[0]['id']!r}: group {name!r} must hold exactly "
                f"one record of each metric of {shapes}, all of the same side and date "
                f"(found: {found})"
            )


def validate_anchors(anchors: Any, file: str = DEFAULT_FILE_LABEL) -> dict[str, dict]:
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

        if not isinstance(aid, str) or not ID_RE.match(aid):
            fail("id is not kebab-case")
        if not isinstance(entry, Mapping):
            fail("expected a mapping")
        unknown = sorted(set(entry) - set(ANCHOR_FIELDS) - {"note"}, key=str)
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
    for field in ("anchor", "anchor_to"):  # the place a zone starts from, and its far end
        key = rec[field]
        place = places.get(key) if key is not None else None
        if key is not None and place is None:
            fail(field, f"names unknown anchor {key!r} (not in the top-level 'anchors')")
        for part in ("name_en", "name_nl", "lon", "lat"):  # e.g. anchor_to_name_nl
            rec[f"{field}_{part}"] = place[part] if place else None
