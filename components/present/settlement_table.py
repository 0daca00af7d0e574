"""The Settlements panel: every settlement named by the selected date, searchable.

Includes the places the map cannot draw (no coordinates from a source yet), so no
statement is hidden because a village is missing from the gazetteer.
``settlement_table`` is pure; ``render_settlements`` draws it with Streamlit.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pandas as pd

from components.present.fmt import fmt_date
from components.present.i18n import LANGS, t
from components.present.settlement_layer import action_text, display_name, russian_name
from geo.records import Settlement, SettlementClaim
from geo.settlements import PLACED, UNPLACED, fold, place_statuses, said_as_of

#: A link column shows the outlet's domain, e.g. "kyivindependent.com".
DOMAIN = r"https?://(?:www\.)?([^/:]+)"
#: Table columns in display order (``search`` is hidden, used for filtering only).
COLUMNS = ("name", "status", "russia", "ukraine", "independent", "on_map", "sources", "link",
           "region", "district")  # fmt: skip


def _claim(rec: SettlementClaim | None, lang: str) -> str:
    """'“liberated”, 13 Mar 2025 (Russian Ministry of Defence)' or '' if none.

    A statement read only in a relay says so ("· read in a relay"), as in the popups.
    """
    if rec is None:
        return ""
    day = fmt_date(rec.date, lang)
    text = t("stl_claim", lang, action=action_text(rec, lang), date=day, who=rec.claimant)
    return f"{text} · {t('stl_relay', lang)}" if rec.evidence == "S" else text


def on_map(placement: str, lang: str) -> str:
    """'yes', or why the place has no point ("several places share this name", …)."""
    return t("stl_on_map" if placement in PLACED else f"stl_unplaced_{placement}", lang)


def placement_note(table: pd.DataFrame, lang: str) -> str:
    """How many of the listed places are on the map, and why the others are not.

    The reasons come from the data build (``placement``), so the page never hides that
    a name was left unplaced because it was ambiguous.
    """
    placed = table["placement"].isin(PLACED)
    text = t("stl_placed_count", lang, placed=int(placed.sum()))
    counts = table.loc[~placed, "placement"].value_counts()
    reasons = [t(f"stl_n_{why}", lang, n=int(counts[why])) for why in UNPLACED if why in counts]
    if reasons:
        text += " " + t("stl_unplaced_count", lang, reasons="; ".join(reasons))
    return text


def settlement_table(
    settlements: Sequence[Settlement],
    statements: Sequence[SettlementClaim],
    as_of: dt.date,
    lang: str,
) -> pd.DataFrame:
    """One row per settlement named on or before *as_of*: status, each side's latest claim.

    Sorted by name; hidden columns: ``search`` (every name, the district and region,
    folded for matching), ``id`` and ``placement`` (how the point was found, or why not).
    A table, not records: the panel filters and shows it as one (``st.dataframe``).
    """
    said = said_as_of(statements, as_of)
    status = place_statuses(said)
    urls: dict[str, list[str | None]] = {}
    for rec in said:
        urls.setdefault(rec.settlement_id, []).append(rec.source_url)
    rows = []
    for place in settlements:
        if place.id not in status:
            continue
        row = status[place.id]
        region = [t(f"stl_region_{place.region}", lang) for lang in LANGS]
        names = [*place.names.get("name", {}).values(), place.district, *region]  # every language
        original = russian_name(place)
        rows.append({
            "id": place.id,
            "placement": place.placement,
            "name": display_name(place, lang) + (f" ({original})" if original else ""),
            "region": t(f"stl_region_{place.region}", lang),
            "district": place.district,
            "status": t(f"stl_status_{row.status}", lang),
            "russia": _claim(row.latest.get("russia"), lang),
            "ukraine": _claim(row.latest.get("ukraine"), lang),
            "independent": _claim(row.latest.get("independent"), lang),
            "on_map": on_map(place.placement, lang),
            "sources": len(set(urls[place.id])),
            "link": urls[place.id][-1],
            "search": " ".join(fold(n) for n in names if n),
        })  # fmt: skip
    table = pd.DataFrame(rows, columns=[*COLUMNS, "search", "id", "placement"])
    return table.sort_values("name", key=lambda s: s.map(fold)).reset_index(drop=True)


def totals_table(counts: pd.DataFrame, as_of: dt.date, lang: str) -> pd.DataFrame:
    """Stated totals up to *as_of*, newest first, in the claimant's words (number or not)."""
    shown = counts[counts["date"] <= pd.Timestamp(as_of)].iloc[::-1]
    area = shown["area_text"].map(lambda a: f" · {a}" if a else "")
    return pd.DataFrame(
        {
            "date": [fmt_date(d, lang) for d in shown["date"]],
            "claimant": shown["claimant"].to_numpy(),
            "stated": (shown["count_text"] + area).to_numpy(),
            "link": shown["source_url"].to_numpy(),
        }
    )


def filter_table(table: pd.DataFrame, query: str) -> pd.DataFrame:
    """Rows whose names or district contain the query (case, accents, hyphens ignored).

    Places whose English name starts with the query come first ("Sudzha" before the
    villages of the Sudzhansky district).
    """
    needle = fold(query or "")
    if not needle:
        return table
    hits = table[table["search"].str.contains(needle, regex=False)]
    first = ~hits["search"].str.startswith(needle)
    return hits.iloc[first.argsort(kind="stable")].reset_index(drop=True)
