"""The claims ledger's schema: what a record may hold, and each field's own rule.

:data:`FIELDS` is the schema as data: every allowed field of a record, whether it is
required, and the check for its value alone (rules between fields live in
:mod:`geo.claim_rules`). A check returns a maintainer's message that names the field,
or None; the caller adds the file and the record id.

Why not a library (issue 11): a JSON Schema of the same fields, run by ``jsonschema``
4.26 (installed only through Streamlit's Altair, so it would need its own pin), was
tried and was not shorter: 49 lines of schema (with a type checker and a format for
YAML dates) plus 31 lines to turn its errors into these messages, against about 80
non-blank lines here (checks, table, :func:`schema_problem`). Its own messages do not
name the field (``'rusia' is not one of [...]``, ``' ' does not match '\\S'``, the field
only in ``error.path``), so the translation had to list the fields a second time.
pydantic is not installed; its lax mode turns ``"1000"`` into a number and strict mode
refuses the ``"2024-08-12"`` strings that YAML gives for quoted dates, and its errors
need the same translation. The rules between fields (a unit that fits its metric, a
quote found in its seed, sources, groups, links) need code with any of them.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections.abc import Callable, Mapping
from typing import Any

#: Sides of a claim; trackers, analysts and the media's arithmetic are ``independent``.
SIDES: tuple[str, ...] = ("independent", "russia", "ukraine")

# Each metric has exactly one unit, so a figure cannot silently change meaning. Listed in
# the order a side's cards show them: territory first (held, retaken), then people, words.
METRIC_UNITS: dict[str, str] = {
    "area_km2": "km2",
    "area_recaptured_km2": "km2",
    "share_recaptured": "ratio",
    "peak_area_km2": "km2",
    "share_of_ukraine_claim": "ratio",
    "depth_km": "km",
    "width_km": "km",
    "settlements": "settlements",
    "settlements_recaptured": "settlements",
    "settlements_taken": "settlements",
    "area_gain_km2": "km2",
    "grey_zone_km2": "km2",
    "advance_km": "km",
    "pows": "people",
    "casualties": "people",
    "killed": "people",
    "civilians_killed": "people",
    "civilians_wounded": "people",
    "civilians_abducted": "people",
    "evacuated": "people",
    "to_evacuate": "people",
    "residents_remaining": "people",
    "evacuation_plan": "people",
    "evacuation_settlements": "settlements",
    "residents_unknown_fate": "people",
    "attacks": "attacks",
    "troops": "people",
    "event": "none",
    "statement": "none",
}
METRICS: tuple[str, ...] = tuple(METRIC_UNITS)
# Metrics that describe something said or done rather than a number.
VALUELESS_METRICS: tuple[str, ...] = ("event", "statement")
REGIONS: tuple[str, ...] = ("RU-BEL", "RU-KRS", "UA-59")
#: Where a record is about: one region, or a combination the claimant stated as one figure
#: (Gerasimov's Sumy + Kharkiv total), never split. Parts are joined by "+".
TERRITORIES: tuple[str, ...] = (
    "kursk", "sumy", "belgorod", "kharkiv", "sumy+kharkiv", "kursk+belgorod",
)  # fmt: skip
#: The territory a record is about when it names none: its region's.
REGION_TERRITORY: dict[str, str] = {"RU-KRS": "kursk", "UA-59": "sumy", "RU-BEL": "belgorod"}
#: The country each territory part lies in.
TERRITORY_COUNTRY: dict[str, str] = {
    "kursk": "russia", "belgorod": "russia", "sumy": "ukraine", "kharkiv": "ukraine",
}  # fmt: skip
#: Whose forces a figure or event says hold the ground.
HOLDERS: tuple[str, ...] = ("russia", "ukraine")
#: Metrics that say who holds ground, so a record of them must name its ``holder``.
HOLDER_METRICS: tuple[str, ...] = (
    "area_km2", "area_recaptured_km2", "share_recaptured", "peak_area_km2", "depth_km",
    "width_km", "settlements", "settlements_recaptured", "settlements_taken", "area_gain_km2",
)  # fmt: skip
#: Metrics drawn as a zone (a stated area, or a width and depth): drawn in the territory
#: the record is about, so their holder is the other country's forces.
DRAWN_METRICS: tuple[str, ...] = ("area_km2", "depth_km", "width_km")
#: Whose people a figure about people counts (prisoners, casualties, evacuees, ...).
PEOPLE: tuple[str, ...] = (
    "russian_military", "ukrainian_military", "north_korean_military", "russian_civilians",
    "ukrainian_civilians",
)  # fmt: skip
CONFIDENCES: tuple[str, ...] = ("high", "medium", "low")
QUALIFIERS: tuple[str, ...] = ("about", "at_least", "more_than", "up_to")
#: What kind of voice made the statement, beside the side it speaks for. Officials and
#: unofficial voices (war bloggers) belong to a claimant side; trackers, analysts and the
#: media's own arithmetic stand apart (side ``independent``), whoever they lean to.
SOURCE_KINDS: tuple[str, ...] = (
    "official",
    "unnamed_official",
    "unofficial",
    "affiliated_tracker",
    "independent_analyst",
    "media_analysis",
    "media_arithmetic",
)
#: Kinds of voice that speak for a claimant side (an anonymous official included).
CLAIMANT_KINDS: tuple[str, ...] = ("official", "unnamed_official", "unofficial")
#: How vague an approximate date is (``date_approx: true``); none = "around that day".
DATE_PRECISIONS: tuple[str, ...] = ("early_month", "mid_month", "late_month", "month")
#: What the source says about evidence for the claim (absent = the source does not say).
EVIDENCE: tuple[str, ...] = ("none", "some")
ANCHOR_BASES: tuple[str, ...] = ("source", "context", "nearby")

SOURCE_REQUIRED: tuple[str, ...] = ("title", "outlet", "date", "url")
SOURCE_OPTIONAL: tuple[str, ...] = ("also", "seed", "note")

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_LANG_RE = re.compile(r"^[a-z]{2}$")
URL_RE = re.compile(r"^https?://\S+$")
_WS_RE = re.compile(r"\s+")

#: A field's own check: (field name, value) -> message naming the field, or None.
Check = Callable[[str, Any], "str | None"]


def is_number(value: Any) -> bool:
    """A finite int or float, not a bool."""
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def parse_date(value: Any) -> dt.date | None:
    """Parse a YAML date (date object or 'YYYY-MM-DD' string); None if invalid."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and _DATE_RE.match(value.strip()):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def normalise_text(text: str) -> str:
    """Return *text* in NFC with runs of whitespace collapsed to one space.

    Used to compare quotes with the seed: line breaks and doubled spaces in either
    must not make a verbatim quote look wrong.
    """
    return _WS_RE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def rule(ok: Callable[[Any], Any], message: str) -> Check:
    """A check from a test of the value and a message (``{name}``, ``{value!r}``)."""
    return lambda name, value: None if ok(value) else message.format(name=name, value=value)


def one_of(allowed: tuple[str, ...]) -> Check:
    """A check that the value is one of *allowed*."""
    expected = ", ".join(allowed)
    return rule(allowed.__contains__, "unknown {name} {value!r} (expected one of: %s)" % expected)


_text = rule(lambda v: isinstance(v, str) and v.strip(), "{name} must be a non-empty string")
_flag = rule(lambda v: isinstance(v, bool), "{name} must be true or false, got {value!r}")
_ref = rule(
    lambda v: isinstance(v, str) and v.strip(),
    "{name} must be a record or anchor id, got {value!r}",
)
_kebab = rule(
    lambda v: isinstance(v, str) and ID_RE.match(v),
    "{name} {value!r} is not kebab-case (lower-case letters, digits, hyphens)",
)
_date = rule(parse_date, "{name} {value!r} is not a valid YYYY-MM-DD date")
_lang = rule(
    lambda v: isinstance(v, str) and _LANG_RE.match(v),
    "{name} {value!r} is not a two-letter language code",
)
_ids = rule(
    lambda v: isinstance(v, list) and all(isinstance(i, str) for i in v),
    "{name} must be a list of record ids",
)


#: Fields every record must have (``value`` may be null for an event or a statement).
REQUIRED_FIELDS: tuple[str, ...] = (
    "id", "date", "side", "source_kind", "claimant", "region", "metric", "value",
    "unit", "summary_en", "summary_nl", "source", "confidence",
)  # fmt: skip
#: The record schema: every field a record may hold -> the check of its value alone.
#: ``None``: checked with other fields (``value``, ``unit``, ``value_high`` by metric;
#: ``source`` when resolved). An optional field given as null counts as absent.
FIELDS: dict[str, Check | None] = {
    "id": _kebab,
    "date": _date,
    "side": one_of(SIDES),
    "source_kind": one_of(SOURCE_KINDS),
    "claimant": _text,
    "region": one_of(REGIONS),
    "metric": one_of(METRICS),
    "value": None,
    "unit": None,
    "summary_en": _text,
    "summary_nl": _text,
    "source": None,
    "confidence": one_of(CONFIDENCES),
    "claimant_nl": _text,
    "date_approx": _flag,
    "qualifier": one_of(QUALIFIERS),
    "period": _text,
    "group": _text,
    "quote": _text,
    "quote_lang": _lang,
    "quote_en": _text,
    "caveat_en": _text,
    "caveat_nl": _text,
    "disputed_by": _ids,
    "note": _text,
    "date_precision": one_of(DATE_PRECISIONS),
    "value_high": None,
    "evidence": one_of(EVIDENCE),
    "derived_from": _ref,
    "anchor": _ref,
    "anchor_basis": one_of(ANCHOR_BASES),
    "depth_ref": _ref,
    "supersedes_area": _flag,
    "territory": one_of(TERRITORIES),
    "holder": one_of(HOLDERS),
    "people": one_of(PEOPLE),
    "partial": _flag,
    "anchor_to": _ref,
    "note_nl": _text,
    "words_en": _text,
    "words_nl": _text,
}


def schema_problem(record: Any) -> str | None:
    """The first way *record* breaks :data:`FIELDS` (a message naming the field), or None."""
    if not isinstance(record, Mapping):
        return f"expected a mapping, got {type(record).__name__}"
    unknown = sorted(set(record) - set(FIELDS), key=str)
    if unknown:
        return f"unknown field(s): {', '.join(map(str, unknown))}"
    missing = [f for f in REQUIRED_FIELDS if f not in record]
    if missing:
        return f"missing required field(s): {', '.join(missing)}"
    for name, check in FIELDS.items():
        value = record.get(name)
        if check is not None and (name in REQUIRED_FIELDS or value is not None):
            problem = check(name, value)
            if problem:
                return problem
    return None


def resolve_source(raw: Any, sources: Mapping[str, Any]) -> dict[str, Any] | str:
    """A record's ``source`` (key, ``{ref: key, ...}`` or mapping) as a checked dict.

    Returns the message naming the problem instead when the source is broken.
    """
    if isinstance(raw, str):
        if raw not in sources:
            return f"unknown source {raw!r} (not in the top-level 'sources' mapping)"
        raw = {"ref": raw}
    if not isinstance(raw, Mapping):
        return "missing source (expected a source key or a mapping)"
    resolved: dict[str, Any] = {}
    ref = raw.get("ref")
    if ref is not None:
        if not isinstance(ref, str) or ref not in sources:
            return f"unknown source ref {ref!r} (not in the top-level 'sources' mapping)"
        if not isinstance(sources[ref], Mapping):
            return f"source entry {ref!r} is not a mapping"
        resolved.update(sources[ref])
    for key, val in raw.items():
        if key == "also" and "also" in resolved:
            resolved["also"] = list(resolved["also"] or []) + list(val or [])
        elif key != "ref":
            resolved[key] = val
    return _source_problem(resolved) or resolved


def _source_problem(src: dict[str, Any]) -> str | None:
    """Check a resolved source in place (date made ISO, ``also`` a list); None if fine."""
    unknown = sorted(set(src) - set(SOURCE_REQUIRED) - set(SOURCE_OPTIONAL), key=str)
    if unknown:
        return f"source has unknown field(s): {', '.join(map(str, unknown))}"
    for key in SOURCE_REQUIRED:
        val = src.get(key)
        if key == "date":
            parsed = parse_date(val)
            if parsed is None:
                return f"source date {val!r} is not a valid YYYY-MM-DD date"
            src["date"] = parsed.isoformat()
        elif not isinstance(val, str) or not val.strip():
            return f"source has no {key}"
    if not URL_RE.match(src["url"]):
        return f"source url {src['url']!r} is not an http(s) URL"
    also = src.get("also") or []
    if not isinstance(also, list) or not all(isinstance(u, str) and URL_RE.match(u) for u in also):
        return "source 'also' must be a list of http(s) URLs"
    src["also"] = list(also)
    for key in ("seed", "note"):
        val = src.setdefault(key, None)
        if val is not None and (not isinstance(val, str) or not val.strip()):
            return f"source {key} must be a non-empty string"
    return None
