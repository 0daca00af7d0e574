"""Stateless exports of a view: the bytes the download links give, from the URL alone.

Pure: data in, bytes out (no Starlette, no Streamlit). Any replica makes the same file for
the same link, so downloads work behind a load balancer without affinity and a cache may
keep them.
"""

from __future__ import annotations

from dataclasses import dataclass

import geo
from components.present.exports import (
    figures_csv,
    latest_claims,
    map_html,
    map_png,
    view_frame,
    view_title,
    with_settlements,
    zones_geojson,
)
from components.present.exports import file_name as export_file_name
from components.present.map_build import base_map, overlay
from components.present.urls import ViewState

#: Bump when an export's format changes, so caches drop files made by older code.
EXPORTS_VERSION = "4"
#: The social-card size Open Graph and Twitter recommend.
OG_SIZE = (1200, 630)


@dataclass(frozen=True)
class Export:
    """One downloadable file kind: its route name, MIME type and file-name suffix."""

    name: str
    media_type: str
    suffix: str


KINDS = {
    "geojson": Export("view.geojson", "application/geo+json", "zones.geojson"),
    "csv": Export("view.csv", "text/csv; charset=utf-8", "figures.csv"),
    "png": Export("view.png", "image/png", "map.png"),
    "html": Export("view.html", "text/html; charset=utf-8", "map.html"),
}


@dataclass(frozen=True)
class ExportData:
    """What the files are made of (the page's data less what they never read): small
    enough to send to a render child (geo.upload.sandbox) with every render."""

    regions: object
    border: object
    towns: object
    claims: object

    @classmethod
    def of(cls, data: object) -> ExportData:
        """From the page's loaded data (render.cache.Data)."""
        return cls(data.regions, data.border, data.towns, data.claims)  # type: ignore[attr-defined]


def file_name(kind: str, state: ViewState) -> str:
    """The name a browser saves the file under (date first, as the buttons did)."""
    return export_file_name(state.date, KINDS[kind].suffix)


def page_title(state: ViewState) -> str:
    """Title of a view for the offline HTML's tab: the app's title and the date."""
    return view_title(state.lang, state.date)


def build(kind: str, state: ViewState, data: object, zones: object, places: object = None) -> bytes:
    """The file of one kind for a view (``data``: render.cache.Data, ``zones``: its zones,
    ``places``: render.cache.SettlementData, whose villages the GeoJSON and CSV list).

    Same content as the page shows for that view: the sides switched on, the date's
    statements, the reader's centre and zoom (PNG, HTML), the link's language.
    """
    sides = state.sides()
    if kind == "geojson":
        text = zones_geojson(zones, data.claims, sides, state.date)
        if places is not None:
            text = with_settlements(text, places.settlements, places.statements, state.date)
        return text.encode("utf-8")
    if kind == "csv":
        named = None
        if places is not None:
            named = latest_claims(places.settlements, places.statements, state.date)
        return figures_csv(geo.claims_as_of(data.claims, state.date), state.lang, named)
    if kind in ("png", "og"):
        size = OG_SIZE if kind == "og" else (1600, 1000)
        return map_png(
            data.regions, data.border, data.towns, zones, sides, state.lang, state.date,
            size=size, dpi=150 if kind == "og" else 200,
            frame=view_frame(state.lat, state.lon, state.z),
        )  # fmt: skip
    if kind == "html":
        fmap = base_map(data.regions, data.border, data.towns, state.lang, state.base)
        fmap.location = [state.lat, state.lon]
        fmap.options["zoom"] = state.z
        overlay(zones, data.claims, sides, state.lang, state.date).add_to(fmap)
        return map_html(fmap, page_title(state), state.lang).encode("utf-8")
    raise KeyError(kind)
