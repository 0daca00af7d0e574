"""The files of one view, built in one place for the export routes and the page.

``build(kind, …)`` makes the bytes of a GeoJSON, CSV, PNG (or the 1200×630 link preview)
or offline HTML from the view's state and the data set; the routes (``web/exports.py``,
``web/routes.py``) and the page's own downloads with the reader's layer
(``components/render/downloads.py``) both call it, so a file is the same whoever makes it.
Pure: data in, bytes out (no Starlette, no Streamlit).
"""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import pandas as pd

import geo
from components.present.exports.common import MapScene, view_frame, view_title
from components.present.exports.csv_file import figures_csv
from components.present.exports.geojson_file import with_reader_layer, zones_geojson
from components.present.exports.html_map import map_html
from components.present.exports.png_map import map_png
from components.present.exports.settlements_file import (
    Places,
    latest_claims,
    with_settlements,
)
from components.present.map_build import base_map, overlay
from components.present.urls import ViewState
from geo.dataset import Data
from geo.records import Claim, ClaimZone

#: The social-card size Open Graph and Twitter recommend.
OG_SIZE = (1200, 630)
#: The downloadable map picture: size (px) and resolution.
PNG_SIZE, PNG_DPI = (1600, 1000), 200
#: A reader's uploaded layer as the files take it: (its name, its features).
ReaderLayer = tuple[str, gpd.GeoDataFrame]


@dataclass(frozen=True)
class ExportData:
    """What the files are made of (the data set less what they never read): small
    enough to send to a render child (geo.upload.sandbox) with every render."""

    regions: gpd.GeoDataFrame
    border: gpd.GeoDataFrame
    towns: gpd.GeoDataFrame
    claims: pd.DataFrame  # the ledger as a table (the CSV's rows)
    by_id: dict[str, Claim]  # the same records typed, by id (the words, the sources)

    @classmethod
    def of(cls, data: ExportData | Data) -> ExportData:
        """From the loaded data set (Data)."""
        return cls(data.regions, data.border, data.towns, data.claims, dict(data.by_id))


def page_title(state: ViewState) -> str:
    """Title of a view for the offline HTML's tab: the app's title and the date."""
    return view_title(state.lang, state.date)


def build(
    kind: str,
    state: ViewState,
    data: ExportData | Data,
    zones: gpd.GeoDataFrame,
    places: Places | None = None,
    reader_layer: ReaderLayer | None = None,
) -> bytes:
    """The file of one kind for a view: 'geojson', 'csv', 'png', 'og' (the link preview)
    or 'html'. ``zones``: the view's date's zone table (geo.dataset.zones_as_of: the
    GeoJSON writes its rows, the rest word and draw them typed); ``places``: the
    settlements and their statements the GeoJSON and CSV list
    (geo.dataset.settlement_records); ``reader_layer``: the reader's upload, added to the
    GeoJSON and PNG as theirs (the page only: an upload never leaves its session).

    Same content as the page shows for that view: the sides switched on, the date's
    statements, the reader's centre and zoom (PNG, HTML), the link's language.
    """
    sides = state.sides()
    if kind == "geojson":
        text = zones_geojson(zones, data.by_id, sides, state.date)
        if places is not None:
            text = with_settlements(text, *places, state.date)
        if reader_layer is not None:
            text = with_reader_layer(text, reader_layer[1], reader_layer[0])
        return text.encode("utf-8")
    if kind == "csv":
        named = None
        if places is not None:
            named = latest_claims(*places, state.date)
        return figures_csv(geo.claims_as_of(data.claims, state.date), state.lang, named)
    if kind in ("png", "og"):
        size, dpi = (OG_SIZE, 150) if kind == "og" else (PNG_SIZE, PNG_DPI)
        return map_png(
            MapScene(data.regions, data.border, data.towns, ClaimZone.from_frame(zones), sides,
                     state.lang), state.date,
            size=size, dpi=dpi, frame=view_frame(state.lat, state.lon, state.z),
            reader_layer=reader_layer,
        )  # fmt: skip
    if kind == "html":
        fmap = base_map(data.regions, data.border, data.towns, state.lang, state.base)
        fmap.location = [state.lat, state.lon]
        fmap.options["zoom"] = state.z
        overlay(ClaimZone.from_frame(zones), data.by_id, sides, state.lang, state.date).add_to(fmap)
        return map_html(fmap, page_title(state), state.lang).encode("utf-8")
    raise KeyError(kind)


__all__ = ["OG_SIZE", "ExportData", "ReaderLayer", "build", "page_title"]
