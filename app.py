"""kursk-claims-map: what each side claims about Kursk, Sumy and Belgorod since August 2024.

A table of contents: read the link's state, then the map first (headline figures, date,
map and its controls), figures and sources after it. Embedded in an article
(``?embed=true``) the page keeps only the map, its controls and the headline figures.
"""

from __future__ import annotations

import streamlit as st

import geo
from components.present.i18n import t
from components.present.urls import ViewState, initial_request, parse_query
from components.render import session
from components.render.cache import (
    chart_spec,
    comparison,
    count_chart_spec,
    figure_cards,
    headline,
    load_data,
    people_chart_spec,
    settlement_data,
    settlement_rows,
    sources_list,
)
from components.render.controls import (
    render_basemap,
    render_date,
    render_language,
    render_panel_choice,
    render_steps,
)
from components.render.leaflet_assets import register_leaflet
from components.render.map_view import render_map_panel
from components.render.page import (
    render_failover_watch,
    render_footer,
    render_head,
    render_headline,
    render_notices,
    render_record_span,
    render_title,
)
from components.render.panels import (
    render_cards,
    render_chart,
    render_comparison,
    render_count_chart,
    render_people_chart,
    render_settlements,
    render_sources,
)
from components.render.share import render_full_view_link
from components.render.upload import render_upload

st.set_page_config(
    page_title=t("title", "en"), page_icon="🗺️", layout="wide", initial_sidebar_state="collapsed"
)

try:
    data, places = load_data(), settlement_data()
except (geo.DataError, OSError) as exc:
    st.error(t("data_error", "en", problem=exc))
    st.stop()

if session.first_run():
    params = st.query_params.to_dict()
    url_state, notices = parse_query(params, data.date_range, ViewState(date=data.seed_date))
    session.seed(url_state, initial_request(params, url_state, notices), notices)

lang = session.lang()
st.set_page_config(page_title=t("title", lang))
embedded = st.context.is_embedded
render_head(lang, embedded)
register_leaflet()
render_failover_watch()  # reload on another replica after a failover
with st.container(horizontal=True, vertical_alignment="center", key=session.TITLE_ROW):
    render_title(lang)
    if not embedded:
        render_language(lang)
lang = session.lang()
render_notices(session.notices(), data.date_range, lang)
render_headline(headline(session.date(), lang))

if embedded:
    render_map_panel(compact=True)
    render_date(data.date_range, lang)
    render_record_span(data.date_range, session.date(), lang)
    render_full_view_link(session.view())
    st.stop()

render_basemap(lang, session.base())
left, right = st.columns([3, 2], gap="medium")
with left:
    render_map_panel()
    render_date(data.date_range, lang)
    render_record_span(data.date_range, session.date(), lang)
    render_steps(data.claim_dates, lang)
    overlay = render_upload(lang)
state = session.view()
with right:
    render_comparison(comparison(state.date, state.lang), state.lang, overlay)
    panel = render_panel_choice(state.lang)
    if panel == "chart":  # drawn only on demand: the chart library is 0.8 MB of JS
        render_chart(chart_spec(state.date, state.lang), state.lang)
        render_people_chart(people_chart_spec(state.date, state.lang), state.lang)
        render_count_chart(count_chart_spec(state.date, state.lang), state.lang)
    elif panel == "sources":
        render_sources(*sources_list(state.date, state.lang), state.lang)
    elif panel == "settlements":
        rows, totals = settlement_rows(state.date, state.lang)
        render_settlements(rows, totals, len(places.settlements), state.date, state.lang)
    else:
        render_cards(figure_cards(state.date, state.lang), state.lang)
render_footer(state.lang)
