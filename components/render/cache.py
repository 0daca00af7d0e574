"""All caching in one place. Loaded data and built map parts are shared read-only.

``st.cache_resource`` (no copy per rerun) is used for values callers never mutate;
that keeps a script rerun within the 30 ms budget.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import geopandas as gpd
import pandas as pd
import streamlit as st

import geo
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
from geo.settlements import load_settlement_statements
from geo.zones import Frame, Zone, anchors_dict, box_area, build_frame, draw, zones_for


@dataclass(frozen=True)
class Data:
    """Everything the page reads from data/."""

    regions: gpd.GeoDataFrame
    border: gpd.GeoDataFrame
    towns: gpd.GeoDataFrame
    claims: pd.DataFrame
    candidates: pd.DataFrame  # area-bearing figures, stated or derived (geo.area_bearing)
    statements: pd.DataFrame  # statements that end a figure's currency (geo.currency)

    date_range: tuple[dt.date, dt.date]  # the record's span (geo.record_span)
    claim_dates: list[dt.date]  # every date with a statement, for stepping through time
    seed_date: dt.date  # date of the seed article's figures: the default view


@st.cache_resource(show_spinner=False)
def load_data() -> Data:
    """Read and validate data/ once per process (raises DataError naming the file).

    The record's span covers the claims and the settlement statements, so a statement
    dated after the last claim can still be reached.
    """
    claims = geo.load_claims()
    regions = geo.load_regions()
    said = settlement_data().statements
    first, last = geo.record_span(claims, said)
    dates = sorted({ts.date() for ts in claims["date"]} | {ts.date() for ts in said["date"]})
    seeded = claims.loc[claims["source_seed"].notna(), "date"]
    anchors = anchors_dict(geo.load_anchors())
    return Data(
        regions=regions,
        border=geo.load_border(),
        towns=geo.load_towns(),
        claims=claims,
        candidates=geo.area_bearing(claims, anchors, box_area(build_frame(regions))),
        statements=geo.territorial_statements(claims),
        date_range=(first.date(), last.date()),
        claim_dates=dates,
        seed_date=seeded.max().date() if len(seeded) else last.date(),
    )


@st.cache_resource(show_spinner=False, max_entries=1000)
def zones_as_of(as_of: dt.date) -> gpd.GeoDataFrame:
    """Claim zones for a date, with age and currency; shapes are cached per figure."""
    data = load_data()
    selected = geo.select_as_of(data.candidates, as_of, data.statements)
    return zones_for(selected, _frame(), shape_of=lambda row: _shape(row["claim_id"]))


@st.cache_resource(show_spinner=False, max_entries=200)
def _shape(claim_id: str) -> Zone:
    """The drawn shape of one figure (it never depends on the date)."""
    data = load_data()
    row = data.candidates.set_index("claim_id", drop=False).loc[claim_id]
    return draw(row, _frame())


@st.cache_resource(show_spinner=False)
def _frame() -> Frame:
    return build_frame(load_data().regions)


@st.cache_resource(show_spinner=False, max_entries=8)
def map_payload(lang: str, basemap: str) -> dict:
    """The fixed map's component arguments, built once per language and basemap."""
    data = load_data()
    fmap = base_map(data.regions, data.border, data.towns, lang, basemap)
    return base_payload(fmap, f"map-{lang}-{basemap}", RETURNED)


@st.cache_resource(show_spinner=False, max_entries=2000)
def overlay_js(as_of: dt.date, sides: tuple[str, ...], lang: str) -> str:
    """Script of the overlay group for one date, side selection and language."""
    data = load_data()
    return overlay_script(overlay(zones_as_of(as_of), data.claims, sides, lang, as_of))


@st.cache_resource(show_spinner=False, max_entries=2000)
def claims_bounds(as_of: dt.date, sides: tuple[str, ...]) -> tuple[float, float, float, float]:
    """What "fit to claims" frames on a date: the drawn zones, Sudzha and Sumy."""
    return fit_bounds(zones_as_of(as_of), load_data().towns, sides)


@st.cache_resource(show_spinner=False, max_entries=2000)
def figure_cards(as_of: dt.date, lang: str) -> dict[str, list[str]]:
    """Escaped HTML card of every figure stated on or before a date, grouped by side."""
    groups = cards(geo.claims_as_of(load_data().claims, as_of), lang)
    return {side: [build_card_html(card, lang) for card in items] for side, items in groups.items()}


@st.cache_resource(show_spinner=False, max_entries=2000)
def headline(as_of: dt.date, lang: str) -> str:
    """The headline boxes above the map for a date (escaped HTML with its CSS)."""
    said = geo.claims_as_of(load_data().claims, as_of)
    return headline_css() + headline_html(zones_as_of(as_of), lang, said)


@st.cache_resource(show_spinner=False, max_entries=2000)
def description(as_of: dt.date, sides: tuple[str, ...], lang: str) -> tuple[str, ...]:
    """The view in words for screen readers: the static embed's own description."""
    return tuple(view_sentences(zones_as_of(as_of), sides, lang, as_of))


@st.cache_resource(show_spinner=False, max_entries=2000)
def sources_list(as_of: dt.date, lang: str) -> tuple[int, str]:
    """Number of sources and their escaped HTML list for a date."""
    shown = geo.claims_as_of(load_data().claims, as_of)
    return shown["source_url"].nunique(), build_sources_html(shown, lang)


@st.cache_resource(show_spinner=False, max_entries=2000)
def comparison(as_of: dt.date, lang: str) -> Comparison:
    """RU/UA areas and ratio on a date."""
    return compare(zones_as_of(as_of), lang, load_data().claims)


@st.cache_resource(show_spinner=False, max_entries=2000)
def chart_spec(as_of: dt.date, lang: str) -> dict:
    """Vega-Lite spec of the area chart (building and validating it takes ~100 ms)."""
    data = load_data()
    return area_chart(data.candidates, data.statements, as_of, lang).to_dict()


@st.cache_resource(show_spinner=False, max_entries=2000)
def people_chart_spec(as_of: dt.date, lang: str) -> dict:
    """Vega-Lite spec of the people chart (prisoners, losses, evacuations, strikes)."""
    return people_chart(load_data().claims, as_of, lang).to_dict()


# --- Named settlements (issue 9, part B) ------------------------------------------------
@dataclass(frozen=True)
class SettlementData:
    """The settlement tables (data/settlement*.csv), validated."""

    settlements: gpd.GeoDataFrame
    statements: pd.DataFrame  # sorted by date, so a date's statements are a prefix
    counts: pd.DataFrame


@st.cache_resource(show_spinner=False)
def settlement_data() -> SettlementData:
    """Read and validate the settlement tables once per process (raises DataError)."""
    places = geo.load_settlements()
    return SettlementData(
        settlements=places,
        statements=load_settlement_statements(settlements=places),
        counts=geo.load_settlement_counts(),
    )


def _said_by(as_of: dt.date) -> int:
    """How many statements had been made by a date (dates with the same share a build)."""
    return int((settlement_data().statements["date"] <= pd.Timestamp(as_of)).sum())


def settlement_js(as_of: dt.date, lang: str) -> str:
    """Script of the settlements layer for a date (group index 2, after claims and upload)."""
    return _settlement_js(_said_by(as_of), lang)


@st.cache_resource(show_spinner=False, max_entries=400)
def _settlement_js(n_said: int, lang: str) -> str:
    data = settlement_data()
    said = data.statements.iloc[:n_said]
    as_of = said["date"].max() if n_said else data.statements["date"].min() - pd.Timedelta(days=1)
    return overlay_script(settlement_layer(data.settlements, said, as_of, lang), idx=2)


@st.cache_resource(show_spinner=False, max_entries=400)
def settlement_rows(as_of: dt.date, lang: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The Settlements panel's tables for a date: places (before the search), totals."""
    data = settlement_data()
    return (
        settlement_table(data.settlements, data.statements, as_of, lang),
        totals_table(data.counts, as_of, lang),
    )


@st.cache_resource(show_spinner=False, max_entries=2000)
def count_chart_spec(as_of: dt.date, lang: str) -> dict:
    """Vega-Lite spec of the stated settlement totals over time, the date marked."""
    return count_chart(settlement_data().counts, as_of, lang).to_dict()
