"""The Settlements panel: every settlement named by the selected date, searchable.

Includes the places the map cannot draw (no coordinates from a source yet), so no
statement is hidden because a village is missing from the gazetteer.
``settlement_table`` is pure; ``render_settlements`` draws it with Streamlit.
"""

from __future__ import annotations

import datetime as dt

import geopandas as gpd
import pandas as pd
import streamlit as st

from components.i18n import t
from components.settlement_layer import display_name
from geo.fmt import fmt_date
from geo.settlements import fold, settlement_status, statements_as_of

#: A link column shows the outlet's domain, e.g. "kyivindependent.com".
DOMAIN = r"https?://(?:www\.)?([^/:]+)"
#: Table columns in display order (``search`` is hidden, used for filtering only).
COLUMNS = ("name", "status", "russia", "ukraine", "independent", "on_map", "sources", "link",
           "district")  # fmt: skip


def _claim(records: dict, label: object, lang: str) -> str:
    """'“liberated”, 13 Mar 2025 (Russian Ministry of Defence)' or '' if none.

    A statement read only in a relay says so ("· read in a relay"), as in the popups.
    """
    if pd.isna(label):
        return ""
    rec = records[label]
    action = t(f"stl_action_{rec['action']}", lang)
    if rec["acting_force"] and rec["acting_force"] != rec["side"]:
        action += " (" + t(f"stl_force_{rec['acting_force']}", lang) + ")"
    day = fmt_date(rec["date"], lang)
    text = t("stl_claim", lang, action=action, date=day, who=rec["claimant"])
    return f"{text} · {t('stl_relay', lang)}" if rec["evidence"] == "S" else text


def settlement_table(
    settlements: gpd.GeoDataFrame, statements: pd.DataFrame, as_of: dt.date, lang: str
) -> pd.DataFrame:
    """One row per settlement named on or before *as_of*: status, each side's latest claim.

    Sorted by name; ``search`` holds every name and the district, folded for matching.
    """
    said = statements_as_of(statements, as_of)
    status = settlement_status(said).set_index("settlement_id").to_dict("index")
    records = said.to_dict("index")
    urls = said.groupby("settlement_id")["source_url"].agg(list).to_dict()
    rows = []
    for place in settlements.itertuples():
        if place.id not in status:
            continue
        row = status[place.id]
        names = [place.name_en, place.name_ru, place.name_uk, place.name_nl, place.district]
        rows.append({
            "name": display_name(place, lang) + (f" ({place.name_ru})" if place.name_ru else ""),
            "district": place.district,
            "status": t(f"stl_status_{row['status']}", lang),
            "russia": _claim(records, row["latest_russia"], lang),
            "ukraine": _claim(records, row["latest_ukraine"], lang),
            "independent": _claim(records, row["latest_independent"], lang),
            "on_map": t("stl_on_map" if place.located else "stl_not_placed", lang),
            "sources": len(set(urls[place.id])),
            "link": urls[place.id][-1],
            "search": " ".join(fold(n) for n in names if n),
        })  # fmt: skip
    table = pd.DataFrame(rows, columns=[*COLUMNS, "search"])
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


def render_settlements(
    table: pd.DataFrame, totals: pd.DataFrame, total: int, as_of: dt.date, lang: str
) -> None:
    """Search box, a count line, the table (links show the outlet's domain), stated totals."""
    query = st.text_input(t("stl_search", lang), key="stl_query", help=t("stl_search_help", lang))
    st.caption(t("stl_count", lang, shown=len(table), total=total, date=fmt_date(as_of, lang)))
    shown = filter_table(table, query)
    if shown.empty:
        st.info(t("stl_no_match", lang))
    else:
        _render_table(shown, lang)
    if not totals.empty:
        st.markdown(f"**{t('stl_totals', lang)}**")
        st.dataframe(
            totals,
            hide_index=True,
            width="stretch",
            column_config={
                "date": st.column_config.TextColumn(t("chart_date", lang), width="small"),
                "claimant": st.column_config.TextColumn(t("stl_col_claimant", lang)),
                "stated": st.column_config.TextColumn(t("stl_col_stated", lang)),
                "link": st.column_config.LinkColumn(t("source", lang), display_text=DOMAIN),
            },
        )


def _render_table(shown: pd.DataFrame, lang: str) -> None:
    labels = {c: t(f"stl_col_{c}", lang) for c in COLUMNS if c != "on_map"}
    labels["on_map"] = t("stl_col_map", lang)
    st.dataframe(
        shown[list(COLUMNS)],
        hide_index=True,
        width="stretch",
        column_config={
            **{
                c: st.column_config.TextColumn(label, width="medium") for c, label in labels.items()
            },
            "sources": st.column_config.NumberColumn(labels["sources"], width="small"),
            "link": st.column_config.LinkColumn(labels["link"], display_text=DOMAIN),
        },
    )
