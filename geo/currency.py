"""Which area figure stands for each side on a date, whether it is still current, and
what Russia's own recapture figures imply.

Pure data: numbers, dates and record ids. A derived figure carries the figures its
arithmetic used (``derivation_numbers``); the words and the formula a reader sees are
composed once, in ``components/present/zone_text.py``.

Theatres
--------
A figure is about ground in a *territory* (Kursk, Sumy, Sumy + Kharkiv as one figure, …)
held by one side's forces (its *holder*). A side can claim several at once (on
26 Apr 2025 Russia: Kursk "fully liberated", and more than 90 km² of Sumy region), so
figures are chosen per *theatre*: side, territory, holder, and for a figure that covers
one sector only (``partial``) that sector's anchor.

The age rule
------------
A side's *figure* in a theatre is its latest area-bearing statement there on or before
the date. It is **current** while it is at most :data:`MAX_AGE_DAYS` days old and the
same side has said nothing newer about ground in an overlapping territory (a new area, a
recaptured area or share, or a statement flagged ``supersedes_area`` such as "Sudzha
retaken"; a figure for one sector only replaces nothing else). Otherwise it is
**stale**: the map fades it, comparisons leave it out and the chart's line ends.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pandas as pd

from geo.records import BASE_LANG, by_language  # a bare name column is in BASE_LANG

#: Days a figure stays current without a newer word from its side. A month: the
#: sides gave area figures every few days in August 2024 and then fell silent for
#: months, so any longer limit draws months-old figures as today's claim.
MAX_AGE_DAYS = 30
#: Metrics that always count as a side's newer word about the ground.
TERRITORIAL_METRICS = ("area_km2", "area_recaptured_km2", "share_recaptured")
#: Default anchor id: the Sudzha sector, where Kursk records of 2024 name no place.
#: Records about other territories have no default: without an anchor they are not drawn.
DEFAULT_ANCHOR = "sudzha"
#: The other side's forces: what Russia's recapture figures leave is held by Ukraine.
OTHER = {"russia": "ukraine", "ukraine": "russia"}
#: Used only if a ledger has no ``sudzha`` anchor: Sudzha (GeoNames), lon/lat.
SUDZHA_LONLAT = (35.2726, 51.1976)

CONFIDENCE_RANK = {"low": 0, "medium": 1, "high": 2}

#: Sudzha's names, used only if a ledger has no ``sudzha`` anchor.
SUDZHA_NAMES = {"en": "the Sudzha sector", "nl": "de sector Soedzja"}

#: Every figure's columns. Its names in each language follow them, one column per
#: language the ledger has (``claimant_nl``, ``anchor_nl``, ``anchor_to_nl``,
#: ``words_en``, ``words_nl``; the bare ``claimant``/``anchor``/``anchor_to`` is English).
CANDIDATE_COLUMNS = [
    "side", "date", "claim_id", "claim_ids", "claimant", "source_kind", "kind",
    "qualifier", "area_km2", "derived", "derivation_numbers", "width_km",
    "depth_km", "depth_high_km", "shape_depth_km", "anchor_id", "anchor",
    "anchor_lon", "anchor_lat", "anchor_basis", "anchor_to_id", "anchor_to",
    "anchor_to_lon", "anchor_to_lat", "confidence", "date_approx", "date_precision",
    "territory", "holder", "partial", "theatre",
]  # fmt: skip


def theatre_key(territory: object, holder: object, partial: object, anchor_id: object) -> str:
    """'kursk|ukraine|' or, for a figure of one sector only, 'sumy|russia|hrabovske-sector'.

    >>> theatre_key("sumy+kharkiv", "russia", False, "khotin")
    'sumy+kharkiv|russia|'
    """
    sector = str(anchor_id) if partial is True else ""
    return f"{territory}|{holder}|{sector}"


def overlaps(first: object, second: object) -> bool:
    """Whether two territories share a region ('sumy' and 'sumy+kharkiv' do).

    >>> overlaps("sumy", "sumy+kharkiv"), overlaps("kursk", "sumy")
    (True, False)
    """
    return bool(set(str(first).split("+")) & set(str(second).split("+")))


def _text_or_none(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _names(column: str, by_language: dict[str, object]) -> dict[str, object]:
    """A name in each language as figure columns: ``anchor`` (English), ``anchor_nl``, …"""
    return {
        column if lang == BASE_LANG else f"{column}_{lang}": value
        for lang, value in by_language.items()
    }


def _anchor(rec: pd.Series, anchors: dict) -> dict:
    """The place a record's zone is built around: its own anchor (and far end), else the
    default for Kursk; a record about another territory without one is not placed."""
    far = {"anchor_to_id": None, "anchor_to": None,
           "anchor_to_lon": math.nan, "anchor_to_lat": math.nan}  # fmt: skip
    if isinstance(rec.get("anchor_to"), str):
        far = {
            "anchor_to_id": rec["anchor_to"],
            **_names("anchor_to", by_language(rec, "anchor_to_name")),
            "anchor_to_lon": float(rec["anchor_to_lon"]),
            "anchor_to_lat": float(rec["anchor_to_lat"]),
        }
    if isinstance(rec.get("anchor"), str):
        return {
            "anchor_id": rec["anchor"],
            **_names("anchor", by_language(rec, "anchor_name")),
            "anchor_lon": float(rec["anchor_lon"]),
            "anchor_lat": float(rec["anchor_lat"]),
            "anchor_basis": rec.get("anchor_basis") or "source",
            **far,
        }
    if (rec.get("territory") or "kursk") != "kursk":
        return {"anchor_id": None, "anchor": None, "anchor_lon": math.nan,
                "anchor_lat": math.nan, "anchor_basis": "unplaced", **far}  # fmt: skip
    place = anchors.get(DEFAULT_ANCHOR, {})
    lon, lat = place.get("lon", SUDZHA_LONLAT[0]), place.get("lat", SUDZHA_LONLAT[1])
    return {
        "anchor_id": DEFAULT_ANCHOR,
        **_names("anchor", {**SUDZHA_NAMES, **by_language(place, "name")}),
        "anchor_lon": float(lon),
        "anchor_lat": float(lat),
        "anchor_basis": "default",
        **far,
    }


def _row(rec: pd.Series, anchors: dict, **fields: object) -> dict:
    base = {
        "side": rec["side"],
        "date": rec["date"],
        "claim_id": rec["id"],
        "claim_ids": [rec["id"]],
        "claimant": rec["claimant"],
        **{
            f"claimant_{lang}": name or rec["claimant"]
            for lang, name in by_language(rec, "claimant").items()
        },
        "source_kind": rec.get("source_kind"),
        "qualifier": rec.get("qualifier"),
        "derived": False,
        "derivation_numbers": {},
        "width_km": None,
        "depth_km": None,
        "shape_depth_km": None,
        "confidence": rec["confidence"],
        "date_approx": bool(rec.get("date_approx", False)),
        "date_precision": rec.get("date_precision"),
        "territory": rec.get("territory") or "kursk",
        "holder": rec.get("holder"),
        "partial": bool(rec.get("partial", False)),
        "depth_high_km": None,
        **{f"words_{lang}": _text_or_none(w) for lang, w in by_language(rec, "words").items()},
    }
    base.update(_anchor(rec, anchors))
    base.update(fields)
    base["theatre"] = theatre_key(
        base["territory"], base["holder"], base["partial"], base["anchor_id"]
    )
    return base


def _stated_areas(claims: pd.DataFrame, anchors: dict) -> list[dict]:
    rows = []
    by_id = claims.set_index("id")
    areas = claims[(claims["metric"] == "area_km2") & claims["value"].notna()]
    for _, rec in areas.iterrows():
        if pd.notna(rec.get("value_high")):
            continue  # a range is not one figure: never drawn (see data/claims.yaml)
        fields: dict = {"kind": "area", "area_km2": float(rec["value"])}
        depth_ref = rec.get("depth_ref")
        if isinstance(depth_ref, str) and depth_ref in by_id.index:
            ref = by_id.loc[depth_ref]
            high = ref.get("value_high")
            # The deepest point the side stated sets the band's depth.
            fields["shape_depth_km"] = float(high if pd.notna(high) else ref["value"])
        if isinstance(rec.get("derived_from"), str):
            fields.update(derived=True, derivation_numbers={"from_claim": rec["derived_from"]})
        rows.append(_row(rec, anchors, **fields))
    return rows


#: The area of a width-and-depth box as drawn from the border (see geo.zones.box_area).
BoxArea = Callable[[dict], float]


def _boxes(claims: pd.DataFrame, anchors: dict, box_area: BoxArea) -> list[dict]:
    """A stated width and depth: drawn from the border, its area is what the drawing gives.

    The product of the two (12 × 40 = 480) would be the area of a rectangle on a
    straight border; the border wiggles, so the area reported is the drawn one.
    """
    rows = []
    boxes = claims[claims["metric"].isin(["width_km", "depth_km"]) & claims["group"].notna()]
    for _, grp in boxes.groupby("group", sort=True):
        by_metric = grp.set_index("metric")
        width = float(by_metric.loc["width_km", "value"])
        depth = float(by_metric.loc["depth_km", "value"])
        high = by_metric.loc["depth_km"].get("value_high")
        deepest = float(high) if pd.notna(high) else depth
        first = grp.sort_values("id").iloc[0]
        row = _row(
            first,
            anchors,
            claim_id=str(by_metric.loc["depth_km", "id"]),
            claim_ids=sorted(grp["id"].tolist()),
            kind="box",
            qualifier=_text_or_none(by_metric.loc["width_km"].get("qualifier")),
            derived=True,
            width_km=width,
            depth_km=depth,
            depth_high_km=deepest if deepest != depth else None,
            shape_depth_km=deepest,
        )
        area = box_area(row)
        row.update(
            area_km2=area,
            derivation_numbers={
                "depth_km": deepest,
                "width_km": width,
                "drawn_km2": area,
                "depth_qualifier": _text_or_none(by_metric.loc["depth_km"].get("qualifier")),
                "width_qualifier": _text_or_none(by_metric.loc["width_km"].get("qualifier")),
            },
        )
        rows.append(row)
    return rows


def _left(rec: pd.Series, anchors: dict, numbers: dict, **fields: object) -> dict:
    """The figure of what a side's recapture figures leave to the other side's forces."""
    return _row(
        rec, anchors, kind="remaining", holder=OTHER.get(rec.get("holder"), "ukraine"),
        qualifier="about", area_km2=numbers["remaining_km2"], derived=True,
        derivation_numbers=numbers, **fields,
    )  # fmt: skip


def _remaining(claims: pd.DataFrame, anchors: dict) -> list[dict]:
    """Russia's own arithmetic: what its recapture figures leave in Ukrainian hands.

    A group "A km² = s of the whole" gives the whole (A / s) and the rest (A / s − A).
    A share alone (86 %) is applied to the whole implied by the side's latest earlier
    group. Both are derived by us, never stated, and are marked so.
    """
    rows: list[dict] = []
    totals: list[tuple[pd.Timestamp, str, float]] = []  # (date, area claim id, whole)
    recap = claims[claims["metric"].isin(["area_recaptured_km2", "share_recaptured"])]
    grouped = recap[recap["group"].notna()]
    for _, grp in grouped.groupby("group", sort=True):
        by_metric = grp.set_index("metric")
        area_rec = grp[grp["metric"] == "area_recaptured_km2"].iloc[0]
        area = float(by_metric.loc["area_recaptured_km2", "value"])
        share = float(by_metric.loc["share_recaptured", "value"])
        if not 0 < share < 1:
            continue
        whole = area / share
        rest = whole - area
        totals.append((area_rec["date"], str(area_rec["id"]), whole))
        share_rec = grp[grp["metric"] == "share_recaptured"].iloc[0]
        numbers = {
            "recaptured_km2": area,
            "share": share,
            "whole_km2": whole,
            "remaining_km2": rest,
            "recaptured_qualifier": _text_or_none(area_rec.get("qualifier")),
            "share_qualifier": _text_or_none(share_rec.get("qualifier")),
        }
        rows.append(_left(area_rec, anchors, numbers, claim_ids=sorted(grp["id"].tolist())))
    alone = recap[(recap["metric"] == "share_recaptured") & recap["group"].isna()]
    for _, rec in alone.iterrows():
        earlier = [t for t in totals if t[0] < rec["date"]]
        share = float(rec["value"])
        if not earlier or not 0 < share < 1:
            continue
        when, from_id, whole = max(earlier, key=lambda t: t[0])
        rest = whole * (1 - share)
        numbers = {
            "share": share,
            "whole_km2": whole,
            "whole_from": from_id,
            "whole_date": when,
            "remaining_km2": rest,
            "share_qualifier": _text_or_none(rec.get("qualifier")),
        }
        rows.append(_left(rec, anchors, numbers))
    return rows


def area_bearing(claims: pd.DataFrame, anchors: dict | None, box_area: BoxArea) -> pd.DataFrame:
    """One row per figure a zone can be drawn from, stated or derived.

    Stated areas, Smirnov-style width × depth boxes (area derived from the drawing), and
    what Russia's recapture figures leave (derived). A derived row is dropped when the
    same side stated an area in the same theatre on the same day: the stated figure is
    the side's own word.

    `box_area` measures a box as drawn (:func:`geo.zones.box_area` of the regions it is
    drawn in; ``geo.area_bearing`` passes the embedded regions' by default).

    Columns: :data:`CANDIDATE_COLUMNS`, then the names in each language the ledger has.
    """
    anchors = anchors or {}
    rows = _stated_areas(claims, anchors) + _boxes(claims, anchors, box_area)
    stated = {(r["side"], r["date"], r["theatre"]) for r in rows if not r["derived"]}
    rows += [
        r for r in _remaining(claims, anchors) if (r["side"], r["date"], r["theatre"]) not in stated
    ]
    names = sorted({key for row in rows for key in row} - set(CANDIDATE_COLUMNS))
    return pd.DataFrame(rows, columns=[*CANDIDATE_COLUMNS, *names])


def territorial_statements(claims: pd.DataFrame) -> pd.DataFrame:
    """Statements after which a side's earlier area figure is no longer its word.

    A figure for one sector only (``partial``) replaces nothing: it says nothing about
    the rest of the territory.

    Columns: ``side, date, claim_id, territory``, sorted by date.
    """
    territorial = claims["metric"].isin(TERRITORIAL_METRICS) & claims["value_high"].isna()
    if "supersedes_area" in claims.columns:
        territorial |= claims["supersedes_area"].astype(bool)
    if "partial" in claims.columns:
        territorial &= ~claims["partial"].astype(bool)
    frame = claims.assign(
        territory=claims["territory"] if "territory" in claims.columns else "kursk"
    )
    out = frame.loc[territorial, ["side", "date", "id", "territory"]]
    out = out.rename(columns={"id": "claim_id"})
    return out.sort_values(["date", "claim_id"]).reset_index(drop=True)


def stands_until(
    candidates: pd.DataFrame, statements: pd.DataFrame, max_age_days: int = MAX_AGE_DAYS
) -> pd.Series:
    """For each figure, the day its line on the chart ends: the day the side's next figure
    for the same ground or a newer statement of the side about overlapping ground replaces
    it, else the last day of its age limit, whichever comes first.

    The rule :func:`select_as_of` applies on one date, told for the whole record: on
    every day before this one the figure, where it is shown, is current; on every day
    after it, it is not.
    """
    ends = []
    for _, row in candidates.iterrows():
        day = [row["date"] + pd.Timedelta(days=max_age_days)]
        same = candidates[(candidates["side"] == row["side"]) & (candidates["date"] > row["date"])]
        if "theatre" in candidates.columns:
            same = same[same["theatre"] == row["theatre"]]
        words = _newer_words(statements, row)
        day += [dates.min() for dates in (same["date"], words["date"]) if len(dates)]
        ends.append(min(day))
    return pd.Series(ends, index=candidates.index, dtype="datetime64[ns]")


def _newer_words(
    statements: pd.DataFrame | None, row: pd.Series, until: pd.Timestamp | None = None
) -> pd.DataFrame:
    """The side's statements after a figure (up to ``until``) about ground overlapping
    the figure's, in date order: the words that end its currency."""
    if statements is None or statements.empty:
        return pd.DataFrame(columns=["date", "claim_id"])
    newer = statements[(statements["side"] == row["side"]) & (statements["date"] > row["date"])]
    if until is not None:
        newer = newer[newer["date"] <= until]
    if "territory" in newer.columns and "territory" in row.index and len(newer):
        near = newer["territory"].map(lambda t_, mine=row["territory"]: overlaps(t_, mine))
        newer = newer[near.astype(bool)]
    return newer


def select_as_of(
    candidates: pd.DataFrame,
    as_of: object,
    statements: pd.DataFrame | None = None,
    max_age_days: int = MAX_AGE_DAYS,
) -> pd.DataFrame:
    """Per side and theatre, the latest figure on or before `as_of`, with its currency.

    Ties on one date go to a stated figure over a derived one, then to the higher
    confidence, then to record id order, so the choice is deterministic. Rows come
    sorted by side, then territory and holder.

    Added columns: ``stated_on`` (the figure's date), ``age_days``, ``current``,
    ``stale_reason`` ('' | 'aged' | 'superseded'), ``superseded_on`` and
    ``superseded_by`` (the first newer statement of the same side about ground in an
    overlapping territory, if any).
    """
    when = pd.Timestamp(as_of).normalize()
    sel = candidates[candidates["date"] <= when].copy()
    extra = ["stated_on", "age_days", "current", "stale_reason", "superseded_on", "superseded_by"]
    if sel.empty:
        return sel.reindex(columns=[*candidates.columns, *extra])
    if "theatre" not in sel.columns:  # a bare table of figures: one theatre per side
        sel["theatre"] = ""
    sel["_conf"] = sel["confidence"].map(CONFIDENCE_RANK).fillna(-1)
    sel["_stated"] = ~sel["derived"].astype(bool)
    sel = sel.sort_values(["side", "theatre", "date", "_stated", "_conf", "claim_id"])
    sel = sel.groupby(["side", "theatre"], sort=True).tail(1).drop(columns=["_conf", "_stated"])
    sel = sel.reset_index(drop=True)
    sel["stated_on"] = sel["date"]
    sel["age_days"] = (when - sel["date"]).dt.days.astype(int)
    later_on, later_by = [], []
    for _, row in sel.iterrows():
        newer = _newer_words(statements, row, until=when)
        later_on.append(newer["date"].iloc[0] if len(newer) else pd.NaT)
        later_by.append(newer["claim_id"].iloc[0] if len(newer) else None)
    sel["superseded_on"] = pd.Series(later_on, dtype="datetime64[ns]")
    sel["superseded_by"] = pd.Series(later_by, dtype=object)
    superseded = sel["superseded_on"].notna()
    aged = sel["age_days"] > max_age_days
    sel["current"] = ~(superseded | aged)
    sel["stale_reason"] = [
        "superseded" if s else "aged" if a else "" for s, a in zip(superseded, aged, strict=True)
    ]
    return _drop_replaced(sel)


def _drop_replaced(sel: pd.DataFrame) -> pd.DataFrame:
    """Leave out a figure the same side replaced with a newer figure that is shown too.

    Gerasimov's 210 km² of Sumy (30 Aug 2025) and his 950 km² of Sumy and Kharkiv
    (31 Dec 2025) are different bases: both are kept as records, but on the map only the
    newer stands for Russia's word about that ground.
    """
    if "territory" not in sel.columns or sel.empty:
        return sel
    keep = []
    for _, row in sel.iterrows():
        newer = sel[
            (sel["side"] == row["side"])
            & (sel["date"] > row["date"])
            & ~sel["partial"].astype(bool)
            & sel["territory"].map(lambda t, mine=row["territory"]: overlaps(t, mine))
            & (sel["theatre"] != row["theatre"])
        ]
        keep.append(newer.empty or bool(row.get("partial")))
    return sel[keep].reset_index(drop=True)
