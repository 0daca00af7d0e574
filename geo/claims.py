"""Load and validate the claims ledger (``data/claims.yaml``).

Every figure the dashboard shows comes from this ledger, so the loader is strict:
a record that cannot be traced to a source, names an unknown side or metric, or
misquotes the seed article stops the app with a message that names the file and the
record, instead of showing an untraceable number.

Pure Python (pandas + PyYAML); never imports streamlit, so it can be tested and
reused outside the app.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections.abc import Mapping
from pathlib import Path, PurePosixPath
from typing import Any

import pandas as pd
import yaml

from geo.claim_rules import (
    ANCHOR_FIELDS,
    CLAIMANT_KINDS,
    SOURCE_KINDS,
    check_extras,
    check_links,
    is_number,
    validate_anchors,
)
from geo.errors import ClaimsError
from geo.paths import DATA_DIR, ROOT, SEEDS_DIR

CLAIMS_PATH = DATA_DIR / "claims.yaml"
DEFAULT_FILE_LABEL = "data/claims.yaml"

SIDES: tuple[str, ...] = ("independent", "russia", "ukraine")

# Each metric has exactly one unit, so a figure cannot silently change meaning.
METRIC_UNITS: dict[str, str] = {
    "area_km2": "km2",
    "area_gain_km2": "km2",
    "area_recaptured_km2": "km2",
    "peak_area_km2": "km2",
    "settlements": "settlements",
    "depth_km": "km",
    "width_km": "km",
    "advance_km": "km",
    "evacuated": "people",
    "to_evacuate": "people",
    "evacuation_plan": "people",
    "civilians_killed": "people",
    "civilians_wounded": "people",
    "residents_unknown_fate": "people",
    "pows": "people",
    "attacks": "attacks",
    "share_of_ukraine_claim": "ratio",
    "share_recaptured": "ratio",
    "settlements_recaptured": "settlements",
    "event": "none",
    "statement": "none",
}
METRICS: tuple[str, ...] = tuple(METRIC_UNITS)
UNITS: tuple[str, ...] = tuple(sorted(set(METRIC_UNITS.values())))
# Metrics that describe something said or done rather than a number.
VALUELESS_METRICS: tuple[str, ...] = ("event", "statement")
REGIONS: tuple[str, ...] = ("RU-BEL", "RU-KRS", "UA-59")
CONFIDENCES: tuple[str, ...] = ("high", "medium", "low")
QUALIFIERS: tuple[str, ...] = ("about", "at_least", "more_than", "up_to")
#: Groups of records that are one statement: a width and a depth (Smirnov's box), or a
#: recaptured area and the share of the whole it stands for (Russia's own arithmetic).
GROUP_SHAPES: tuple[tuple[str, ...], ...] = (
    ("depth_km", "width_km"),
    ("area_recaptured_km2", "share_recaptured"),
)
REQUIRED_FIELDS: tuple[str, ...] = (
    "id",
    "date",
    "side",
    "source_kind",
    "claimant",
    "region",
    "metric",
    "value",
    "unit",
    "summary_en",
    "summary_nl",
    "source",
    "confidence",
)
OPTIONAL_FIELDS: tuple[str, ...] = (
    "claimant_nl",
    "date_approx",
    "qualifier",
    "period",
    "group",
    "quote",
    "quote_lang",
    "quote_en",
    "caveat_en",
    "caveat_nl",
    "disputed_by",
    "note",
    "date_precision",
    "value_high",
    "evidence",
    "derived_from",
    "anchor",
    "anchor_basis",
    "depth_ref",
    "supersedes_area",
)
SOURCE_REQUIRED: tuple[str, ...] = ("title", "outlet", "date", "url")
SOURCE_OPTIONAL: tuple[str, ...] = ("also", "seed", "note")

# Output columns of load_claims, in order.
COLUMNS: tuple[str, ...] = (
    "id",
    "date",
    "date_approx",
    "date_precision",
    "side",
    "source_kind",
    "claimant",
    "claimant_nl",
    "region",
    "metric",
    "value",
    "value_high",
    "qualifier",
    "unit",
    "period",
    "group",
    "quote",
    "quote_lang",
    "quote_en",
    "summary_en",
    "summary_nl",
    "caveat_en",
    "caveat_nl",
    "source_title",
    "source_outlet",
    "source_date",
    "source_url",
    "source_also",
    "source_seed",
    "source_note",
    "confidence",
    "evidence",
    "disputed_by",
    "note",
    "derived",
    "derived_from",
    "supersedes_area",
    "anchor",
    "anchor_basis",
    "anchor_name_en",
    "anchor_name_nl",
    "anchor_lon",
    "anchor_lat",
    "depth_ref",
)

_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_LANG_RE = re.compile(r"^[a-z]{2}$")
_URL_RE = re.compile(r"^https?://\S+$")
_WS_RE = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """Return *text* in NFC with runs of whitespace collapsed to one space.

    Used to compare quotes with the seed: line breaks and doubled spaces in either
    must not make a verbatim quote look wrong.
    """
    return _WS_RE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def _label(record: Any, index: int) -> str:
    rid = record.get("id") if isinstance(record, Mapping) else None
    if isinstance(rid, str) and rid:
        return f"record {rid!r}"
    return f"record #{index + 1} (no id)"


def _parse_date(value: Any) -> dt.date | None:
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


def _resolve_source(raw: Any, sources: Mapping[str, Any], fail: Any) -> dict[str, Any]:
    """Turn a record's ``source`` (key, ``{ref: key, ...}`` or full mapping) into a dict."""
    if isinstance(raw, str):
        if raw not in sources:
            fail(f"unknown source {raw!r} (not in the top-level 'sources' mapping)")
        raw = sources[raw]
        if not isinstance(raw, Mapping):
            fail("source entry is not a mapping")
        resolved = dict(raw)
    elif isinstance(raw, Mapping):
        resolved = {}
        ref = raw.get("ref")
        if ref is not None:
            if not isinstance(ref, str) or ref not in sources:
                fail(f"unknown source ref {ref!r} (not in the top-level 'sources' mapping)")
            if not isinstance(sources[ref], Mapping):
                fail(f"source entry {ref!r} is not a mapping")
            resolved.update(sources[ref])
        for key, val in raw.items():
            if key == "ref":
                continue
            if key == "also" and "also" in resolved:
                resolved["also"] = list(resolved["also"] or []) + list(val or [])
            else:
                resolved[key] = val
    else:
        fail("missing source (expected a source key or a mapping)")
        raise AssertionError  # unreachable; keeps type checkers calm

    unknown = sorted(set(resolved) - set(SOURCE_REQUIRED) - set(SOURCE_OPTIONAL))
    if unknown:
        fail(f"source has unknown field(s): {', '.join(unknown)}")
    for key in SOURCE_REQUIRED:
        val = resolved.get(key)
        if key == "date":
            parsed = _parse_date(val)
            if parsed is None:
                fail(f"source date {val!r} is not a valid YYYY-MM-DD date")
            resolved["date"] = parsed.isoformat()
        elif not isinstance(val, str) or not val.strip():
            fail(f"source has no {key}")
    if not _URL_RE.match(resolved["url"]):
        fail(f"source url {resolved['url']!r} is not an http(s) URL")
    also = resolved.get("also") or []
    if not isinstance(also, list) or not all(isinstance(u, str) and _URL_RE.match(u) for u in also):
        fail("source 'also' must be a list of http(s) URLs")
    resolved["also"] = list(also)
    for key in ("seed", "note"):
        val = resolved.get(key)
        if val is not None and (not isinstance(val, str) or not val.strip()):
            fail(f"source {key} must be a non-empty string")
        resolved[key] = val
    return resolved


def _validate_record(
    record: Any,
    index: int,
    seed_texts: Mapping[str, str],
    sources: Mapping[str, Any],
    file: str,
) -> dict[str, Any]:
    label = _label(record, index)

    def fail(msg: str) -> None:
        raise ClaimsError(f"{file}: {label}: {msg}")

    if not isinstance(record, Mapping):
        fail(f"expected a mapping, got {type(record).__name__}")
    unknown = sorted(set(record) - set(REQUIRED_FIELDS) - set(OPTIONAL_FIELDS))
    if unknown:
        fail(f"unknown field(s): {', '.join(map(str, unknown))}")
    missing = [f for f in REQUIRED_FIELDS if f not in record]
    if missing:
        fail(f"missing required field(s): {', '.join(missing)}")

    rid = record["id"]
    if not isinstance(rid, str) or not _ID_RE.match(rid):
        fail(f"id {rid!r} is not kebab-case (lower-case letters, digits, hyphens)")

    text_fields = ("claimant", "summary_en", "summary_nl")
    for key in text_fields:
        if not isinstance(record[key], str) or not record[key].strip():
            fail(f"{key} must be a non-empty string")
    for key in ("period", "group", "note", "caveat_en", "caveat_nl", "quote_en", "claimant_nl"):
        val = record.get(key)
        if val is not None and (not isinstance(val, str) or not val.strip()):
            fail(f"{key} must be a non-empty string if given")

    date = _parse_date(record["date"])
    if date is None:
        fail(f"date {record['date']!r} is not a valid YYYY-MM-DD date")
    date_approx = record.get("date_approx", False)
    if not isinstance(date_approx, bool):
        fail(f"date_approx must be true or false, got {date_approx!r}")

    side = record["side"]
    if side not in SIDES:
        fail(f"unknown side {side!r} (expected one of: {', '.join(SIDES)})")
    metric = record["metric"]
    if metric not in METRICS:
        fail(f"unknown metric {metric!r} (expected one of: {', '.join(METRICS)})")
    region = record["region"]
    if region not in REGIONS:
        fail(f"unknown region {region!r} (expected one of: {', '.join(REGIONS)})")
    confidence = record["confidence"]
    if confidence not in CONFIDENCES:
        fail(f"unknown confidence {confidence!r} (expected one of: {', '.join(CONFIDENCES)})")
    unit = record["unit"]
    if unit != METRIC_UNITS[metric]:
        fail(f"unit {unit!r} does not fit metric {metric!r} (expected {METRIC_UNITS[metric]!r})")

    value = record["value"]
    if value is None:
        if metric not in VALUELESS_METRICS:
            fail(f"value is null, but metric {metric!r} needs a number")
    elif metric in VALUELESS_METRICS:
        fail(f"value must be null for metric {metric!r}, got {value!r}")
    elif not is_number(value):
        fail(f"value {value!r} is not a number")
    elif value < 0:
        fail(f"value {value!r} is negative")

    qualifier = record.get("qualifier")
    if qualifier is not None:
        if qualifier not in QUALIFIERS:
            fail(f"unknown qualifier {qualifier!r} (expected one of: {', '.join(QUALIFIERS)})")
        if value is None:
            fail("qualifier given but value is null")

    source_kind = record["source_kind"]
    if source_kind not in SOURCE_KINDS:
        fail(f"unknown source_kind {source_kind!r} (expected one of: {', '.join(SOURCE_KINDS)})")
    if (source_kind in CLAIMANT_KINDS) != (side != "independent"):
        want = "russia or ukraine" if source_kind in CLAIMANT_KINDS else "independent"
        fail(f"source_kind {source_kind!r} needs side {want}, got side {side!r}")
    check_extras(record, value, metric, date_approx, fail)

    if ("caveat_en" in record) != ("caveat_nl" in record):
        fail("caveat_en and caveat_nl must be given together")

    source = _resolve_source(record["source"], sources, fail)

    quote = record.get("quote")
    seed = source.get("seed")
    if seed is not None:
        for key in ("quote", "quote_lang", "quote_en"):
            if not record.get(key):
                fail(f"source is the seed {seed!r}, so {key} is required")
        if seed not in seed_texts:
            fail(f"seed text {seed!r} is not loaded")
    if quote is not None:
        if seed is None:
            fail("quote given, but the source names no seed to check it against")
        if not isinstance(quote, str) or not quote.strip():
            fail("quote must be a non-empty string")
        if normalise_text(quote) not in normalise_text(seed_texts[seed]):
            fail(f"quote not found verbatim in seed {seed!r}: {quote!r}")
    quote_lang = record.get("quote_lang")
    if quote_lang is not None and (
        not isinstance(quote_lang, str) or not _LANG_RE.match(quote_lang)
    ):
        fail(f"quote_lang {quote_lang!r} is not a two-letter language code")
    if quote is None and (quote_lang is not None or record.get("quote_en") is not None):
        fail("quote_lang/quote_en given without a quote")

    disputed_by = record.get("disputed_by") or []
    if not isinstance(disputed_by, list) or not all(isinstance(d, str) for d in disputed_by):
        fail("disputed_by must be a list of record ids")
    if rid in disputed_by:
        fail("disputed_by lists the record itself")

    return {
        "id": rid,
        "date": date,
        "date_approx": date_approx,
        "date_precision": record.get("date_precision"),
        "side": side,
        "source_kind": source_kind,
        "value_high": None if record.get("value_high") is None else float(record["value_high"]),
        "evidence": record.get("evidence"),
        "derived_from": record.get("derived_from"),
        "supersedes_area": bool(record.get("supersedes_area", False)),
        "anchor": record.get("anchor"),
        "anchor_basis": record.get("anchor_basis") or ("source" if record.get("anchor") else None),
        "depth_ref": record.get("depth_ref"),
        "claimant": record["claimant"].strip(),
        "claimant_nl": (record.get("claimant_nl") or record["claimant"]).strip(),
        "region": region,
        "metric": metric,
        "value": None if value is None else float(value),
        "qualifier": qualifier,
        "unit": unit,
        "period": record.get("period"),
        "group": record.get("group"),
        "quote": quote,
        "quote_lang": quote_lang,
        "quote_en": record.get("quote_en"),
        "summary_en": record["summary_en"].strip(),
        "summary_nl": record["summary_nl"].strip(),
        "caveat_en": record.get("caveat_en"),
        "caveat_nl": record.get("caveat_nl"),
        "source": source,
        "confidence": confidence,
        "disputed_by": list(disputed_by),
        "note": record.get("note"),
    }


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
        On the first problem, naming the file and the record.
    """
    if not isinstance(records, list):
        raise ClaimsError(f"{file}: 'claims' must be a list of records")
    sources = sources or {}
    if not isinstance(sources, Mapping):
        raise ClaimsError(f"{file}: 'sources' must be a mapping")

    out: list[dict] = []
    seen: set[str] = set()
    for index, record in enumerate(records):
        norm = _validate_record(record, index, seed_texts, sources, file)
        if norm["id"] in seen:
            raise ClaimsError(f"{file}: record {norm['id']!r}: duplicate id")
        seen.add(norm["id"])
        out.append(norm)

    places = validate_anchors(anchors, file)
    by_id = {rec["id"]: rec for rec in out}
    for rec in out:
        check_links(rec, by_id, places, file)

    groups: dict[str, list[dict]] = {}
    for rec in out:
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
    return out


def load_anchors(path: str | Path | None = None) -> pd.DataFrame:
    """The ledger's named places (id, names, lon/lat, coordinate source), validated."""
    file = Path(path) if path is not None else CLAIMS_PATH
    label = _file_label(file)
    doc = _parse_yaml(_read_text(file, label, "file"), label)
    places = validate_anchors(doc.get("anchors") if isinstance(doc, Mapping) else None, label)
    rows = [{"id": aid, **entry} for aid, entry in places.items()]
    return pd.DataFrame(rows, columns=["id", *ANCHOR_FIELDS, "note"])


def _parse_yaml(text: str, label: str) -> Any:
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise ClaimsError(f"{label}: YAML syntax error{where}: {problem}") from None


def _file_label(path: Path) -> str:
    try:
        return path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)


def _seed_file(seed: str, seeds_dir: Path) -> Path | None:
    """Map ``seeds/name.txt`` to a file inside *seeds_dir*; None if it escapes it."""
    parts = PurePosixPath(seed).parts
    if parts and parts[0] == "seeds":
        parts = parts[1:]
    if not parts or any(p in ("..", "") for p in parts) or PurePosixPath(seed).is_absolute():
        return None
    return seeds_dir.joinpath(*parts)


def _named_seeds(records: Any, sources: Any) -> set[str]:
    """Collect seed paths named by sources and records, ignoring malformed entries."""
    seeds: set[str] = set()
    if isinstance(sources, Mapping):
        for entry in sources.values():
            if isinstance(entry, Mapping) and isinstance(entry.get("seed"), str):
                seeds.add(entry["seed"])
    if isinstance(records, list):
        for rec in records:
            src = rec.get("source") if isinstance(rec, Mapping) else None
            if isinstance(src, Mapping) and isinstance(src.get("seed"), str):
                seeds.add(src["seed"])
    return seeds


def _read_text(path: Path, label: str, what: str) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ClaimsError(f"{label}: {what} not found ({path})") from None
    except UnicodeDecodeError as exc:
        raise ClaimsError(f"{label}: {what} is not valid UTF-8 ({exc})") from None
    except OSError as exc:
        raise ClaimsError(f"{label}: cannot read {what} ({exc.strerror or exc})") from None


def load_claims(
    path: str | Path | None = None, *, seeds_dir: str | Path | None = None
) -> pd.DataFrame:
    """Read, validate and tabulate the claims ledger.

    Parameters
    ----------
    path : str or Path, optional
        The YAML file; defaults to ``data/claims.yaml`` in the project.
    seeds_dir : str or Path, optional
        Where seed texts named by records live; defaults to ``seeds/``.

    Returns
    -------
    pandas.DataFrame
        One row per claim, sorted by date then id, with the columns in
        :data:`COLUMNS`: ``date`` is a normalised Timestamp, ``value`` a float (NaN
        for events and statements), ``disputed_by`` and ``source_also`` lists,
        ``date_approx`` a bool; missing optional text is None.

    Raises
    ------
    ClaimsError
        If the file is missing or is not valid YAML, a seed is missing, or any record
        fails :func:`validate_claims`. Never a raw YAML or OS error.
    """
    file = Path(path) if path is not None else CLAIMS_PATH
    seeds_root = Path(seeds_dir) if seeds_dir is not None else SEEDS_DIR
    label = _file_label(file)

    doc = _parse_yaml(_read_text(file, label, "file"), label)

    if not isinstance(doc, Mapping) or "claims" not in doc:
        raise ClaimsError(f"{label}: expected a mapping with a top-level 'claims' list")
    extra = sorted(set(doc) - {"claims", "sources", "anchors"})
    if extra:
        raise ClaimsError(f"{label}: unknown top-level key(s): {', '.join(map(str, extra))}")
    records = doc["claims"]
    sources = doc.get("sources") or {}

    seed_texts: dict[str, str] = {}
    for seed in sorted(_named_seeds(records, sources)):
        seed_path = _seed_file(seed, seeds_root)
        if seed_path is None:
            raise ClaimsError(f"{label}: seed path {seed!r} is not inside the seeds folder")
        seed_texts[seed] = _read_text(seed_path, label, f"seed file {seed!r}")

    normalised = validate_claims(
        records, seed_texts, sources=sources, anchors=doc.get("anchors"), file=label
    )
    return _to_frame(normalised)


def _to_frame(records: list[dict]) -> pd.DataFrame:
    rows = []
    for rec in records:
        src = rec["source"]
        row = {k: v for k, v in rec.items() if k != "source"}
        row["derived"] = rec["derived_from"] is not None
        row.update(
            source_title=src["title"],
            source_outlet=src["outlet"],
            source_date=src["date"],
            source_url=src["url"],
            source_also=list(src.get("also") or []),
            source_seed=src.get("seed"),
            source_note=src.get("note"),
        )
        rows.append(row)
    rows.sort(key=lambda r: (r["date"], r["id"]))

    # Object dtype keeps None for missing text (pandas 3 would turn it into NaN).
    frame = pd.DataFrame({col: pd.Series([r[col] for r in rows], dtype=object) for col in COLUMNS})
    frame["date"] = (
        pd.to_datetime(pd.Series([r["date"] for r in rows], dtype=object))
        .dt.normalize()
        .astype("datetime64[ns]")
    )
    frame["value"] = pd.Series(
        [math.nan if r["value"] is None else r["value"] for r in rows], dtype="float64"
    )
    frame["date_approx"] = pd.Series([r["date_approx"] for r in rows], dtype=bool)
    frame["value_high"] = pd.Series(
        [math.nan if r["value_high"] is None else r["value_high"] for r in rows], dtype="float64"
    )
    frame["derived"] = pd.Series([r["derived"] for r in rows], dtype=bool)
    frame["supersedes_area"] = pd.Series([r["supersedes_area"] for r in rows], dtype=bool)
    return frame


def claims_as_of(claims: pd.DataFrame, as_of: str | dt.date | pd.Timestamp) -> pd.DataFrame:
    """Return the claims made on or before *as_of*.

    The time slider shows what had been claimed by a given day, so a claim dated on
    the day itself is included.

    Parameters
    ----------
    claims : pandas.DataFrame
        Output of :func:`load_claims`.
    as_of : str, datetime.date or pandas.Timestamp
        Cut-off day (``YYYY-MM-DD`` for strings); any time of day is ignored.

    Returns
    -------
    pandas.DataFrame
        The matching rows, same columns, index reset.
    """
    try:
        cutoff = pd.Timestamp(as_of)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"as_of {as_of!r} is not a date: {exc}") from None
    if pd.isna(cutoff):
        raise ValueError(f"as_of {as_of!r} is not a date")
    if cutoff.tzinfo is not None:
        cutoff = cutoff.tz_localize(None)
    cutoff = cutoff.normalize()
    return claims.loc[claims["date"] <= cutoff].reset_index(drop=True)
