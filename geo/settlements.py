"""Named settlements and the dated statements about them (``data/settlement*.csv``).

The sources name some 125 villages and towns of Kursk, Sumy and Belgorod regions as
taken, entered, "liberated" or fought over. Each statement is kept as said, with
claimant, side, action, date and source; nothing here infers who controls a place.
:func:`settlement_status` only says what each side last *claimed*. Pure Python: never
imports Streamlit.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import geopandas as gpd
import pandas as pd
import shapely

from geo.claim_schema import SIDES  # as in the claims ledger; independent: trackers
from geo.crs import WGS84
from geo.errors import DataError
from geo.paths import DATA_DIR
from geo.records import SettlementClaim

SETTLEMENTS_FILE = "settlements.csv"
STATEMENTS_FILE = "settlement_statements.csv"
COUNTS_FILE = "settlement_counts.csv"

#: What a statement says happened. "liberated" is always the Russian MoD's own word.
ACTIONS: tuple[str, ...] = (
    "took_control",
    "entered",
    "holds",
    "commandant_office",
    "liberated",
    "recaptured",
    "fighting_reported",
    "other",
)
#: Which army a statement says took, entered or held the place (empty: none named).
FORCES: tuple[str, ...] = ("russia", "ukraine", "")
#: [V] read at the outlet that carried the claim; [S] read only in a secondary relay.
EVIDENCE: tuple[str, ...] = ("V", "S")
#: Status of a place as of a date, from the two sides' own statements only.
STATUSES: tuple[str, ...] = ("ukraine", "russia", "contested", "reported")
#: Coordinates outside this box (the border districts of Kursk, Sumy and Belgorod, from
#: Tyotkino in the west to Grayvoron in the south-east) are rejected.
BOX = {"lat": (50.3, 51.8), "lon": (34.1, 36.1)}
#: The regions a settlement can lie in (ISO 3166-2, as in regions.geojson).
REGIONS: tuple[str, ...] = ("RU-KRS", "RU-BEL", "UA-59")
#: How a settlement got its point, or why it has none. Placed: read on a source page
#: (``source``), the only place of its name in its region in a gazetteer
#: (``gazetteer_name``), or the only one of its name in its district (``gazetteer_district``).
PLACED: tuple[str, ...] = ("source", "gazetteer_name", "gazetteer_district")
#: Not placed: several places share the name and the district does not settle it (never
#: guessed); no place of that name; no gazetteer given covers the region; no gazetteer at all.
UNPLACED: tuple[str, ...] = ("ambiguous", "not_in_gazetteer", "region_not_covered", "no_gazetteer")
PLACEMENTS: tuple[str, ...] = PLACED + UNPLACED

SETTLEMENT_COLUMNS = ("id", "name_en", "name_ru", "name_uk", "name_nl", "region", "district",
                      "lat", "lon", "placement", "coord_source", "coord_licence",
                      "coord_evidence", "notes")  # fmt: skip
STATEMENT_COLUMNS = ("settlement_id", "date", "side", "claimant", "action", "summary_en",
                     "source_title", "source_outlet", "source_url", "evidence",
                     "acting_force")  # fmt: skip
COUNT_COLUMNS = ("date", "side", "claimant", "count", "count_qualifier", "count_kind",
                 "count_text", "area_text", "note", "source_title", "source_outlet",
                 "source_url", "evidence")  # fmt: skip
COUNT_KINDS: tuple[str, ...] = ("held_by_ukraine", "retaken", "retaken_in_period", "other")


class SettlementsError(DataError):
    """A settlements file is unreadable or one of its rows breaks the schema (names the row)."""


def _read_csv(path: Path, columns: tuple[str, ...]) -> tuple[pd.DataFrame, str]:
    label = f"data/{path.name}" if path.parent == DATA_DIR else str(path)
    if not path.is_file():
        raise SettlementsError(f"{label}: file is missing")
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except (OSError, ValueError, pd.errors.ParserError) as exc:
        raise SettlementsError(f"{label}: cannot be read as CSV ({exc})") from exc
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise SettlementsError(f"{label}: missing columns {missing!r}")
    return frame.apply(lambda col: col.str.strip()), label


def _number(text: str) -> float:
    try:
        value = float(text) if text else math.nan
    except ValueError:
        return math.inf  # reported as out of range by the caller
    return value


def fold(name: str) -> str:
    """A name without case, accents, apostrophes, hyphens or ё/е differences, to compare.

    >>> fold("Bol'shoye Soldatskoye") == fold("Bolshoye  soldatskoye"), fold("Дарьёво")
    (True, 'дарьево')
    """
    text = unicodedata.normalize("NFKD", name.lower().replace("ё", "е"))
    return "".join(c for c in text if c.isalnum() and not unicodedata.combining(c))


def in_box(lat: float, lon: float) -> bool:
    """Whether a point lies in the Kursk border area (a sanity check, not a boundary)."""
    return BOX["lat"][0] <= lat <= BOX["lat"][1] and BOX["lon"][0] <= lon <= BOX["lon"][1]


def validate_settlements(frame: pd.DataFrame, label: str = "settlements") -> pd.DataFrame:
    """Check ids and coordinates; raise :class:`SettlementsError` naming the first bad row."""
    seen: set[str] = set()
    for pos, row in enumerate(frame.to_dict("records")):
        where = f"{label} line {pos + 2} ({row['id'] or 'no id'})"
        if not re.fullmatch(r"[a-z0-9_]+", row["id"]):
            raise SettlementsError(f"{where}: id must be a lower-case ascii slug")
        if row["id"] in seen:
            raise SettlementsError(f"{where}: duplicate id")
        seen.add(row["id"])
        if not row["name_en"]:
            raise SettlementsError(f"{where}: name_en is empty")
        if row["region"] not in REGIONS:
            raise SettlementsError(f"{where}: region {row['region']!r} is not one of {REGIONS!r}")
        lat, lon = _number(row["lat"]), _number(row["lon"])
        if math.isnan(lat) != math.isnan(lon):
            raise SettlementsError(f"{where}: give both lat and lon, or neither")
        wanted = UNPLACED if math.isnan(lat) else PLACED
        if row["placement"] not in wanted:
            raise SettlementsError(
                f"{where}: placement {row['placement']!r} is not one of {list(wanted)!r}"
            )
        if not math.isnan(lat):
            if not in_box(lat, lon):
                raise SettlementsError(f"{where}: {lat}, {lon} lies outside the Kursk border area")
            if not row["coord_source"]:
                raise SettlementsError(f"{where}: coordinates without coord_source")
    return frame


def load_settlements(path: str | Path | None = None) -> gpd.GeoDataFrame:
    """Every named settlement, EPSG:4326; geometry empty (``POINT EMPTY``) where unplaced.

    Columns: ``id, name_en, name_ru, name_uk, name_nl, region, district, placement,
    coord_source, coord_licence, coord_evidence, notes, located`` and ``geometry``.
    Empty strings where a name or note is not known; ``placement`` says how the point
    was found or why there is none (:data:`PLACEMENTS`).
    """
    frame, label = _read_csv(Path(path or DATA_DIR / SETTLEMENTS_FILE), SETTLEMENT_COLUMNS)
    validate_settlements(frame, label)
    lat = pd.to_numeric(frame.pop("lat"), errors="coerce")
    lon = pd.to_numeric(frame.pop("lon"), errors="coerce")
    points = gpd.points_from_xy(lon, lat)
    located = lat.notna() & lon.notna()
    empty = shapely.Point()
    geometry = gpd.GeoSeries([p if ok else empty for p, ok in zip(points, located, strict=True)])
    frame["located"] = located.to_numpy()
    return gpd.GeoDataFrame(frame, geometry=geometry.values, crs=WGS84)


def validate_statements(
    frame: pd.DataFrame, settlement_ids: set[str], label: str = "statements"
) -> pd.DataFrame:
    """Check every statement row; raise :class:`SettlementsError` naming the first bad one.

    >>> bad = pd.DataFrame([dict.fromkeys(STATEMENT_COLUMNS, "") | {"settlement_id": "x"}])
    >>> validate_statements(bad, {"x"}, "s.csv")
    Traceback (most recent call last):
    ...
    geo.settlements.SettlementsError: s.csv line 2 (x): date '' is not YYYY-MM-DD
    """
    for pos, row in enumerate(frame.to_dict("records")):
        where = f"{label} line {pos + 2} ({row['settlement_id'] or 'no id'})"
        if row["settlement_id"] not in settlement_ids:
            raise SettlementsError(f"{where}: unknown settlement id {row['settlement_id']!r}")
        try:
            dt.date.fromisoformat(row["date"])
        except ValueError:
            raise SettlementsError(f"{where}: date {row['date']!r} is not YYYY-MM-DD") from None
        checks = (
            ("side", SIDES),
            ("action", ACTIONS),
            ("acting_force", FORCES),
            ("evidence", EVIDENCE),
        )
        for column, allowed in checks:
            if row[column] not in allowed:
                raise SettlementsError(
                    f"{where}: {column} {row[column]!r} is not one of {list(allowed)!r}"
                )
        if not row["source_url"].startswith(("https://", "http://")):
            raise SettlementsError(f"{where}: missing source (source_url {row['source_url']!r})")
        if not row["claimant"]:
            raise SettlementsError(f"{where}: claimant is empty")
    return frame


def load_settlement_statements(
    path: str | Path | None = None, settlements: gpd.GeoDataFrame | None = None
) -> pd.DataFrame:
    """All statements, validated against the settlements' ids, sorted by date.

    ``date`` is a pandas Timestamp (day precision) so it compares with the claims.
    """
    frame, label = _read_csv(Path(path or DATA_DIR / STATEMENTS_FILE), STATEMENT_COLUMNS)
    known = load_settlements() if settlements is None else settlements
    validate_statements(frame, set(known["id"]), label)
    frame["date"] = pd.to_datetime(frame["date"])
    return frame.sort_values(["date", "settlement_id"], kind="stable").reset_index(drop=True)


def _cutoff(as_of: object) -> pd.Timestamp:
    """The last day a statement may be dated to count on *as_of* (ValueError if no date)."""
    try:
        cutoff = pd.Timestamp(as_of)
    except (TypeError, ValueError):
        cutoff = pd.NaT
    if pd.isna(cutoff):
        raise ValueError(f"as_of {as_of!r} is not a date")
    return cutoff.normalize()


def statements_as_of(statements: pd.DataFrame, as_of: object = None) -> pd.DataFrame:
    """The statements made on or before *as_of* (all of them when it is None)."""
    if as_of is None:
        return statements
    return statements[statements["date"] <= _cutoff(as_of)].reset_index(drop=True)


def said_as_of(
    claims: Sequence[SettlementClaim], as_of: object = None
) -> tuple[SettlementClaim, ...]:
    """The statements (records) made on or before *as_of*, in their order (all when None)."""
    if as_of is None:
        return tuple(claims)
    cutoff = _cutoff(as_of)
    return tuple(claim for claim in claims if claim.date <= cutoff)


def settlement_statements(as_of: object = None, path: str | Path | None = None) -> pd.DataFrame:
    """Statements naming a settlement, on or before *as_of* (all when None).

    Columns: ``settlement_id, date, side, claimant, action, summary_en, source_title,
    source_outlet, source_url, evidence`` (``V`` read at the outlet, ``S`` in a relay)
    and ``acting_force`` (the army a tracker or concession says holds the place).

    >>> len(settlement_statements("2024-08-09")) > 0, len(settlement_statements("2023-05-22"))
    (True, 0)
    """
    return statements_as_of(load_settlement_statements(path), as_of)


@dataclass(frozen=True)
class PlaceStatus:
    """What the sides had last claimed about one settlement by a date (see
    :func:`settlement_status`): the status and each side's latest statement."""

    settlement_id: str
    status: str  # one of STATUSES
    n_statements: int
    last_date: pd.Timestamp
    #: Each side's latest statement; a side that never named the place is absent.
    latest: Mapping[str, SettlementClaim]


K = TypeVar("K")


def _fold(said: Iterable[tuple[K, str, str, str, pd.Timestamp]]) -> dict[str, dict]:
    """Per settlement, from (key, settlement_id, side, acting_force, date) in date order:
    the count, last date, each side's latest key (``latest_<side>``) and the status."""
    acc: dict[str, dict] = {}
    for key, sid, side, force, day in said:
        row = acc.setdefault(sid, {"settlement_id": sid, "n_statements": 0, "last_date": day,
                                   "latest_russia": None, "latest_ukraine": None,
                                   "latest_independent": None, "view_russia": "",
                                   "view_ukraine": "", "view_independent": ""})  # fmt: skip
        row["n_statements"] += 1
        row["last_date"] = day
        row[f"latest_{side}"] = key
        if force:
            row[f"view_{side}"] = force
    for row in acc.values():
        held = {row["view_russia"], row["view_ukraine"]} - {""}
        row["status"] = "contested" if len(held) > 1 else (held.pop() if held else "reported")
    return {sid: acc[sid] for sid in sorted(acc)}


def settlement_status(statements: pd.DataFrame, as_of: object = None) -> pd.DataFrame:
    """Per settlement named by *as_of*: each side's latest claim and the resulting status.

    A side's *view* of a place is the ``acting_force`` of its latest statement that
    names one (a claim to have taken it, or a concession); fighting reports leave the
    view unchanged. Status: ``contested`` when the two views differ, else the one
    army named (``ukraine`` / ``russia``), else ``reported`` (fighting, trackers only).
    Trackers and analysts never set the status: these are the sides' claims.
    ``latest_<side>`` is the row label of that side's latest statement in
    ``statements_as_of(statements, as_of)``.
    """
    shown = statements_as_of(statements, as_of)
    order = shown.sort_values("date", kind="stable")  # later statements overwrite earlier
    cols = ("settlement_id", "side", "acting_force", "date")
    acc = _fold(zip(order.index, *(order[c] for c in cols), strict=True))
    columns = ["settlement_id", "status", "n_statements", "last_date", "latest_russia",
               "latest_ukraine", "latest_independent", "view_russia", "view_ukraine"]  # fmt: skip
    out = pd.DataFrame(list(acc.values()), columns=columns)
    # Row labels in ``statements_as_of(statements, as_of)``; <NA> where a side said nothing.
    latest = ["latest_russia", "latest_ukraine", "latest_independent"]
    out[latest] = out[latest].astype("Int64")
    return out


def place_statuses(
    claims: Sequence[SettlementClaim], as_of: object = None
) -> dict[str, PlaceStatus]:
    """:func:`settlement_status` on records: per settlement named by *as_of* (by id, in
    id order), its status and each side's latest statement."""
    order = sorted(said_as_of(claims, as_of), key=lambda claim: claim.date)  # stable
    acc = _fold((c, c.settlement_id, c.side, c.acting_force or "", c.date) for c in order)
    return {
        sid: PlaceStatus(
            settlement_id=sid,
            status=row["status"],
            n_statements=row["n_statements"],
            last_date=row["last_date"],
            latest={s: row[f"latest_{s}"] for s in SIDES if row[f"latest_{s}"] is not None},
        )
        for sid, row in acc.items()
    }


def load_settlement_counts(path: str | Path | None = None) -> pd.DataFrame:
    """Dated cumulative totals (settlements held by Ukraine, retaken by Russia) by claimant.

    ``count`` is a float (NaN where the statement gave no number); ``count_kind`` says
    what is counted, so cumulative and per-week figures are never on one line.
    """
    frame, label = _read_csv(Path(path or DATA_DIR / COUNTS_FILE), COUNT_COLUMNS)
    for pos, row in enumerate(frame.to_dict("records")):
        where = f"{label} line {pos + 2} ({row['date']})"
        if row["count_kind"] not in COUNT_KINDS or row["side"] not in SIDES:
            raise SettlementsError(f"{where}: bad count_kind or side")
        if not row["source_url"].startswith(("https://", "http://")):
            raise SettlementsError(f"{where}: missing source")
    frame["date"] = pd.to_datetime(frame["date"], errors="coerce")
    if frame["date"].isna().any():
        raise SettlementsError(f"{label}: a date is not YYYY-MM-DD")
    frame["count"] = pd.to_numeric(frame["count"], errors="coerce")
    return frame
