"""The side panels: comparison, figure cards, charts, sources, settlements, outbound links."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from components.present.cards import card_css
from components.present.charts import localized
from components.present.compare import Comparison
from components.present.fmt import fmt_date, fmt_num
from components.present.i18n import t
from components.present.markdown_text import md_escape
from components.present.outbound import outbound_links
from components.present.settlement_table import COLUMNS, DOMAIN, filter_table, placement_note
from components.present.sides import SIDES
from components.present.urls import ViewState
from components.render import session
from geo.upload import Overlay


def render_chart(spec: dict, lang: str) -> None:
    """Area each side says is held, per ground, the selected date marked (cached spec)."""
    st.markdown(f"**{t('chart_title', lang)}**")
    st.vega_lite_chart(localized(spec, lang), width="stretch")
    st.caption(t("chart_note", lang))


def render_people_chart(spec: dict, lang: str) -> None:
    """Prisoners, losses, evacuations and strikes as stated, one point per statement."""
    st.markdown(f"**{t('people_chart_title', lang)}**")
    st.vega_lite_chart(localized(spec, lang), width="stretch")
    st.caption(t("people_chart_note", lang))


def render_outbound(state: ViewState) -> None:
    """Links to assessed maps for the same view."""
    links = outbound_links(state)
    st.caption(t("compare_maps", state.lang))
    cols = st.columns(len(links))
    for col, (name, url) in zip(cols, links.items(), strict=True):
        col.link_button(name, url, width="stretch")


def render_comparison(comparison: Comparison, lang: str, overlay: Overlay | None = None) -> None:
    """Each side's current figure for the same ground on the chosen date, and yours.

    One block per ground (territory and whose hands), so a figure for Sumy is never set
    against one for Kursk.
    """
    st.header(t("compare_title", lang))
    if not comparison.grounds:
        st.caption(t("compare_none_yet", lang))
    for ground in comparison.grounds:
        st.markdown(f"**{md_escape(ground.title)}**")
        cols = st.columns(2)
        cols[0].metric(t("side_russia", lang), ground.ru_text)
        cols[0].caption(md_escape(ground.ru_note))
        cols[1].metric(t("side_ukraine", lang), ground.ua_text)
        cols[1].caption(md_escape(ground.ua_note))
        if ground.sentence:
            st.markdown(md_escape(ground.sentence))
        elif ground.ru_km2 is not None and ground.ua_km2 is not None:
            st.caption(t("compare_dates_differ", lang))
        else:
            st.caption(t("compare_missing", lang))
    if overlay is not None:
        st.metric(
            f"{t('your_layer', lang)}: {md_escape(overlay.name)}", _km2(overlay.total_km2, lang)
        )


def _km2(value: float | None, lang: str) -> str:
    return "–" if value is None else f"{fmt_num(value, lang)} km²"


def render_cards(groups: dict[str, list[str]], lang: str) -> None:
    """All figures of the date, grouped by side (escaped HTML cards from the cache)."""
    st.header(t("figures", lang))
    st.html(card_css())
    if not any(groups.values()):
        st.info(t("no_figures", lang))
        return
    for side in SIDES:
        items = groups.get(side, [])
        if not items:
            continue
        with st.expander(
            f"{t(f'group_{side}', lang)} ({len(items)})", expanded=side != "independent"
        ):
            st.html("".join(items))


def render_sources(count: int, body: str, lang: str) -> None:
    """Where every figure on the page comes from (body: escaped HTML list)."""
    st.header(f"{t('panel_sources', lang)} ({count})")
    st.html(body)


def render_count_chart(spec: dict, lang: str) -> None:
    """The totals chart under the area chart (spec from the cache)."""
    st.markdown(f"**{t('stl_chart_title', lang)}**")
    st.vega_lite_chart(localized(spec, lang), width="stretch")
    st.caption(t("stl_chart_note", lang))


def render_settlements(
    table: pd.DataFrame, totals: pd.DataFrame, total: int, as_of: dt.date, lang: str
) -> None:
    """Search box, a count line, the table (links show the outlet's domain), stated totals."""
    query = st.text_input(
        t("stl_search", lang), key=session.STL_QUERY, help=t("stl_search_help", lang)
    )
    count = t("stl_count", lang, shown=len(table), total=total, date=fmt_date(as_of, lang))
    st.caption(f"{count} {placement_note(table, lang)}")
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
