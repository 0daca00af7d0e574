"""Load the claims ledger (``data/claims.yaml``) into a table, and cut it by date.

Every figure the dashboard shows comes from this ledger, so the loader is strict:
a record that cannot be traced to a source, names an unknown side or metric, or
misquotes the seed article stops the app with a :class:`ClaimsError` that names the
file, the record and the field, instead of showing an untraceable number.

The schema is :mod:`geo.claim_schema` (fields and vocabularies) and the checks are
:mod:`geo.claim_rules` (:func:`validate_claims`); this module reads the files (YAML,
seed texts) and builds the DataFrame. Its names stay importable from here.

Pure Python (pandas + PyYAML); never imports streamlit, so it can be tested and
reused outside the app.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import math
from collections.abc import Mapping
from pathlib import Path, PurePosixPath
from typing import Any

import pandas as pd
import yaml

from geo.claim_rules import ANCHOR_FIELDS, validate_anchors, validate_claims
from geo.claim_schema import METRIC_UNITS, METRICS, SIDES
from geo.errors import ClaimsError
from geo.paths import DATA_DIR, ROOT, SEEDS_DIR

# Names that callers and tests import from here, though they live in the schema.
__all__ = ["METRICS", "METRIC_UNITS", "SEEDS_DIR", "SIDES", "ClaimsError", "validate_claims"]
__all__ += ["CLAIMS_PATH", "COLUMNS", "claims_as_of", "load_anchors", "load_claims"]

CLAIMS_PATH = DATA_DIR / "claims.yaml"

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
    "territory",
    "holder",
    "people",
    "partial",
    "anchor_to",
    "anchor_to_name_en",
    "anchor_to_name_nl",
    "anchor_to_lon",
    "anchor_to_lat",
    "note_nl",
    "words_en",
    "words_nl",
)


def load_anchors(path: str | Path | None = None) -> pd.DataFrame:
    """The ledger's named places (id, names, lon/lat, coordinate source), validated."""
    file = Path(path) if path is not None else CLAIMS_PATH
    label = _file_label(file)
    doc = _parse_yaml(_read_text(file, label, "file"), label)
    places = validate_anchors(doc.get("anchors") if isinstance(doc, Mapping) else None, label)
    rows = [{"id": aid, **entry} for aid, entry in places.items()]
    return pd.DataFrame(rows, columns=["id", *ANCHOR_FIELDS, "note"])


def _parse_yaml(text: str, label: str) -> Any:
    """The parsed ledger; a copy, because callers normalise what they get."""
    return copy.deepcopy(_parsed(text, label))


@functools.lru_cache(maxsize=4)
def _parsed(text: str, label: str) -> Any:
    """Parse once per text: load_claims and load_anchors read the same file (~70 ms each)."""
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
    frame["partial"] = pd.Series([r["partial"] for r in rows], dtype=bool)
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
