"""The page's caches: Streamlit wrappers over geo.dataset and the presentation builders.

The data (loaded and validated once per process) and the zones of a date live below
Streamlit in ``geo.dataset``, shared with the HTTP routes; they are re-exported here
for the page. What is built from them for the page (map scripts, HTML, chart specs)
is kept with ``st.cache_resource``: shared read-only across sessions, no copy per
rerun, which keeps a script rerun within the 30 ms budget.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from components.present.cards import build_card_html
from components.present.charts import area_chart, people_chart
from components.present.compare import Comparison, compare
from components.present.describe import view_sentences
from components.present.figures import cards
from components.present.headline import headline_css, headline_html
from components.present.map_build import base_map, overlay
from components.present.map_labels import fit_bounds
from components.present.settlement_chart import count_chart
from components.present.settlement_layer import settlement_layer
from components.present.settlement_table import settlement_table, totals_table
from components.present.sources import build_sources_html
from components.render.folium_payload import RETURNED, base_payload, overlay_script
from geo.dataset import (
    Data,
    SettlementData,
    claims_on,
    load_data,
    settlement_data,
    settlement_records,
    zones_as_of,
    zones_on,
)

__all__ = [
    "Data",
    "SettlementData",
    "load_data",
    "settlement_data",
    "settlement_records",
    "zones_as_of",
]


# --- The map: base map, claims overlay, framing, settlements layer -----------------------
@st.cache_resource(show_spinner=False, max_entries=8)
def map_payload(lang: str, basemap: str) -> dict:
    """The fixed map's component arguments, built once per language and basemap."""
    data = load_data()
    fmap = base_map(data.regions, data.border, data.towns, lang, basemap)
    return base_payload(fmap, f"map-{lang}-{basemap}", RETURNED)


@st.cache_resource(show_spinner=False, max_entries=2000)
def overlay_js(as_of: dt.date, sides: tuple[str, ...], lang: str) -> str:
    """Script of the overlay group for one date, side selection and language."""
    return overlay_script(overlay(zones_on(as_of), load_data().by_id, sides, lang, as_of))


@st.cache_resource(show_spinner=False, max_entries=2000)
def claims_bounds(as_of: dt.date, sides: tuple[str, ...]) -> tuple[float, float, float, float]:
    """What "fit to claims" frames on a date: the drawn zones, Sudzha and Sumy."""
    return fit_bounds(zones_on(as_of), load_data().towns, sides)


def _said_by(as_of: dt.date) -> int:
    """How many statements had been made by a date (dates with the same share a build)."""
    return int((settlement_data().statements["date"] <= pd.Timestamp(as_of)).sum())


def settlement_js(as_of: dt.date, lang: str) -> str:
    """Script of the settlements layer for a date (group index 2, after claims and upload)."""
    return _settlement_js(_said_by(as_of), lang)


@st.cache_resource(show_spinner=False, max_entries=400)
def _settlement_js(n_said: int, lang: str) -> str:
    places, statements = settlement_records()  # sorted by date: a date's are a prefix
    said = statements[:n_said]
    as_of = said[-1].date if said else statements[0].date - pd.Timedelta(days=1)
    return overlay_script(settlement_layer(places, said, as_of, lang), idx=2)


# --- Words and figures beside the map: headline, description, comparison, cards, sources
@st.cache_resource(show_spinner=False, max_entries=2000)
def headline(as_of: dt.date, lang: str) -> str:
    """The headline boxes above the map for a date (escaped HTML with its CSS)."""
    return headline_css() + headline_html(zones_on(as_of), lang, claims_on(as_of))


@st.cache_resource(show_spinner=False, max_entries=2000)
def description(as_of: dt.date, sides: tuple[str, ...], lang: str) -> tuple[str, ...]:
    """The view in words for screen readers: the static embed's own description."""
    return tuple(view_sentences(zones_on(as_of), sides, lang, as_of))


@st.cache_resource(show_spinner=False, max_entries=2000)
def comparison(as_of: dt.date, lang: str) -> Comparison:
    """RU/UA areas and ratio on a date."""
    return compare(zones_on(as_of), lang, load_data().records)


@st.cache_resource(show_spinner=False, max_entries=2000)
def figure_cards(as_of: dt.date, lang: str) -> dict[str, list[str]]:
    """Escaped HTML card of every figure stated on or before a date, grouped by side."""
    groups = cards(claims_on(as_of), lang)
    return {side: [build_card_html(card, lang) for card in items] for side, items in groups.items()}


@st.cache_resource(show_spinner=False, max_entries=2000)
def sources_list(as_of: dt.date, lang: str) -> tuple[int, str]:
    """Number of sources and their escaped HTML list for a date."""
    shown = claims_on(as_of)
    return len({rec.source_url for rec in shown if rec.source_url}), build_sources_html(shown, lang)


# --- Charts (Vega-Lite specs) -----------------------------------------------------------
@st.cache_resource(show_spinner=False, max_entries=2000)
def chart_spec(as_of: dt.date, lang: str) -> dict:
    """Vega-Lite spec of the area chart (building and validating it takes ~100 ms)."""
    return area_chart(load_data().figures, as_of, lang).to_dict()


@st.cache_resource(show_spinner=False, max_entries=2000)
def people_chart_spec(as_of: dt.date, lang: str) -> dict:
    """Vega-Lite spec of the people chart (prisoners, losses, evacuations, strikes)."""
    return people_chart(load_data().records, as_of, lang).to_dict()


@st.cache_resource(show_spinner=False, max_entries=2000)
def count_chart_spec(as_of: dt.date, lang: str) -> dict:
    """Vega-Lite spec of the stated settlement totals over time, the date marked."""
    return count_chart(settlement_data().counts, as_of, lang).to_dict()


# --- The Settlements panel's tables --------------------------------------------------
@st.cache_resource(show_spinner=False, max_entries=400)
def settlement_rows(as_of: dt.date, lang: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The Settlements panel's tables for a date: places (before the search), totals."""
    places, statements = settlement_records()
    return (
        settlement_table(places, statements, as_of, lang),
        totals_table(settlement_data().counts, as_of, lang),
    )
