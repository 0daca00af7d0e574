"""Which area figure stands for each side on a date, whether it is still current, and
what Russia's own recapture figures imply.

Pure data: numbers, dates and record ids. The words a reader sees are composed in
``components/`` from these fields (``components/present/zone_text.py``).

The age rule
------------
A side's *figure* is its latest area-bearing statement on or before the date. It is
**current** while it is at most :data:`MAX_AGE_DAYS` days old and the same side has said
nothing newer about the ground (a new area, a recaptured area or share, or a statement
flagged ``supersedes_area`` such as "Sudzha retaken"). Otherwise it is **stale**: the
map fades it, comparisons leave it out and the chart's step line ends.
"""

from __future__ import annotations

import pandas as pd

#: Days a figure stays current without a newer word from its side. A month: the
#: sides gave area figures every few days in August 2024 and then fell silent for
#: months, so any longer limit draws months-old figures as today's claim.
MAX_AGE_DAYS = 30
#: Metrics that always count as a side's newer word about the ground.
TERRITORIAL_METRICS = ("area_km2", "area_recaptured_km2", "share_recaptured")
#: Default anchor id: the Sudzha sector, where records name no place.
DEFAULT_ANCHOR = "sudzha"
#: Used only if a ledger has no ``sudzha`` anchor: Sudzha (GeoNames), lon/lat.
SUDZHA_LONLAT = (35.2726, 51.1976)

CONFIDENCE_RANK = {"low": 0, "medium": 1, "high": 2}

CANDIDATE_COLUMNS = [
    "side", "date", "claim_id", "claim_ids", "claimant", "claimant_nl", "source_kind", "kind",
    "qualifier", "area_km2", "derived", "derivation", "derivation_numbers", "width_km",
    "depth_km", "shape_depth_km", "anchor_id", "anchor", "anchor_nl", "anchor_lon",
    "anchor_lat", "anchor_basis", "confidence", "date_approx", "date_precision",
]  # fmt: skip


def _n(value: float) -> str:
    """A number in a derivation formula: whole km² (one decimal below 10)."""
    small = abs(value) < 10 and abs(value - round(value)) >= 0.05
    return f"{value:,.1f}" if small else f"{value:,.0f}"


def _pct(share: float) -> str:
    text = f"{share * 100:.1f}".rstrip("0").rstrip(".")
    return f"{text} %"


def _anchor(rec: pd.Series, anchors: dict) -> dict:
    """The place a record's zone is built around: its own anchor, else the default."""
    if isinstance(rec.get("anchor"), str):
        return {
            "anchor_id": rec["anchor"],
            "anchor": rec["anchor_name_en"],
            "anchor_nl": rec["anchor_name_nl"],
            "anchor_lon": float(rec["anchor_lon"]),
            "anchor_lat": float(rec["anchor_lat"]),
            "anchor_basis": rec.get("anchor_basis") or "source",
        }
    place = anchors.get(DEFAULT_ANCHOR, {})
    lon, lat = place.get("lon", SUDZHA_LONLAT[0]), place.get("lat", SUDZHA_LONLAT[1])
    return {
        "anchor_id": DEFAULT_ANCHOR,
        "anchor": place.get("name_en", "Sudzha sector"),
        "anchor_nl": place.get("name_nl", "sector Soedzja"),
        "anchor_lon": float(lon),
        "anchor_lat": float(lat),
        "anchor_basis": "default",
    }


def _row(rec: pd.Series, anchors: dict, **fields: object) -> dict:
    base = {
        "side": rec["side"],
        "date": rec["date"],
        "claim_id": rec["id"],
        "claim_ids": [rec["id"]],
        "claimant": rec["claimant"],
        "claimant_nl": rec.get("claimant_nl") or rec["claimant"],
        "source_kind": rec.get("source_kind"),
        "qualifier": rec.get("qualifier"),
        "derived": False,
        "derivation": "",
        "derivation_numbers": {},
        "width_km": None,
        "depth_km": None,
        "shape_depth_km": None,
        "confidence": rec["confidence"],
        "date_approx": bool(rec.get("date_approx", False)),
        "date_precision": rec.get("date_precision"),
    }
    base.update(_anchor(rec, anchors))
    base.update(fields)
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
            fields.update(
                derived=True,
                derivation=f"{rec['derived_from']} ⇒ {_n(rec['value'])} km²",
                derivation_numbers={"from_claim": rec["derived_from"]},
            )
        rows.append(_row(rec, anchors, **fields))
    return rows


def _boxes(claims: pd.DataFrame, anchors: dict) -> list[dict]:
    rows = []
    boxes = claims[claims["metric"].isin(["width_km", "depth_km"]) & claims["group"].notna()]
    for _, grp in boxes.groupby("group", sort=True):
        by_metric = grp.set_index("metric")
        width = float(by_metric.loc["width_km", "value"])
        depth = float(by_metric.loc["depth_km", "value"])
        first = grp.sort_values("id").iloc[0]
        rows.append(
            _row(
                first,
                anchors,
                claim_id=str(by_metric.loc["depth_km", "id"]),
                claim_ids=sorted(grp["id"].tolist()),
                kind="box",
                qualifier=by_metric.loc["depth_km"].get("qualifier"),
                area_km2=width * depth,
                derived=True,
                derivation=f"{_n(depth)} km × {_n(width)} km = {_n(width * depth)} km²",
                derivation_numbers={"depth_km": depth, "width_km": width},
                width_km=width,
                depth_km=depth,
            )
        )
    return rows


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
        rows.append(
            _row(
                area_rec,
                anchors,
                claim_ids=sorted(grp["id"].tolist()),
                kind="remaining",
                qualifier="about",
                area_km2=rest,
                derived=True,
                derivation=(
                    f"{_n(area)} km² ÷ {_pct(share)} ≈ {_n(whole)} km²; "
                    f"{_n(whole)} km² − {_n(area)} km² ≈ {_n(rest)} km²"
                ),
                derivation_numbers={
                    "recaptured_km2": area,
                    "share": share,
                    "whole_km2": whole,
                    "remaining_km2": rest,
                },
            )
        )
    alone = recap[(recap["metric"] == "share_recaptured") & recap["group"].isna()]
    for _, rec in alone.iterrows():
        earlier = [t for t in totals if t[0] < rec["date"]]
        share = float(rec["value"])
        if not earlier or not 0 < share < 1:
            continue
        when, from_id, whole = max(earlier, key=lambda t: t[0])
        rest = whole * (1 - share)
        rows.append(
            _row(
                rec,
                anchors,
                kind="remaining",
                qualifier="about",
                area_km2=rest,
                derived=True,
                derivation=f"{_n(whole)} km² × (100 % − {_pct(share)}) ≈ {_n(rest)} km²",
                derivation_numbers={
                    "share": share,
                    "whole_km2": whole,
                    "whole_from": from_id,
                    "whole_date": when,
                    "remaining_km2": rest,
                },
            )
        )
    return rows


def area_bearing(claims: pd.DataFrame, anchors: dict | None = None) -> pd.DataFrame:
    """One row per figure a zone can be drawn from, stated or derived.

    Stated areas, Smirnov-style width × depth boxes (area derived), and what Russia's
    recapture figures leave (derived). A derived row is dropped when the same side
    stated an area on the same day: the stated figure is the side's own word.

    Columns: :data:`CANDIDATE_COLUMNS`.
    """
    anchors = anchors or {}
    rows = _stated_areas(claims, anchors) + _boxes(claims, anchors)
    stated_days = {(r["side"], r["date"]) for r in rows if not r["derived"]}
    rows += [r for r in _remaining(claims, anchors) if (r["side"], r["date"]) not in stated_days]
    return pd.DataFrame(rows, columns=CANDIDATE_COLUMNS)


def territorial_statements(claims: pd.DataFrame) -> pd.DataFrame:
    """Statements after which a side's earlier area figure is no longer its word.

    Columns: ``side, date, claim_id``, sorted by date.
    """
    territorial = claims["metric"].isin(TERRITORIAL_METRICS) & claims["value_high"].isna()
    if "supersedes_area" in claims.columns:
        territorial |= claims["supersedes_area"].astype(bool)
    out = claims.loc[territorial, ["side", "date", "id"]].rename(columns={"id": "claim_id"})
    return out.sort_values(["date", "claim_id"]).reset_index(drop=True)


def select_as_of(
    candidates: pd.DataFrame,
    as_of: object,
    statements: pd.DataFrame | None = None,
    max_age_days: int = MAX_AGE_DAYS,
) -> pd.DataFrame:
    """Per side, the latest figure on or before `as_of`, with its age and currency.

    Ties on one date go to a stated figure over a derived one, then to the higher
    confidence, then to record id order, so the choice is deterministic.

    Added columns: ``stated_on`` (the figure's date), ``age_days``, ``current``,
    ``stale_reason`` ('' | 'aged' | 'superseded'), ``superseded_on`` and
    ``superseded_by`` (the first newer statement of the same side, if any).
    """
    when = pd.Timestamp(as_of).normalize()
    sel = candidates[candidates["date"] <= when].copy()
    extra = ["stated_on", "age_days", "current", "stale_reason", "superseded_on", "superseded_by"]
    if sel.empty:
        return sel.reindex(columns=[*candidates.columns, *extra])
    sel["_conf"] = sel["confidence"].map(CONFIDENCE_RANK).fillna(-1)
    sel["_stated"] = ~sel["derived"].astype(bool)
    sel = sel.sort_values(["side", "date", "_stated", "_conf", "claim_id"])
    sel = sel.groupby("side", sort=True).tail(1).drop(columns=["_conf", "_stated"])
    sel = sel.reset_index(drop=True)
    sel["stated_on"] = sel["date"]
    sel["age_days"] = (when - sel["date"]).dt.days.astype(int)
    later_on, later_by = [], []
    for _, row in sel.iterrows():
        newer = pd.DataFrame()
        if statements is not None and not statements.empty:
            newer = statements[
                (statements["side"] == row["side"])
                & (statements["date"] > row["date"])
                & (statements["date"] <= when)
            ]
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
    return sel
