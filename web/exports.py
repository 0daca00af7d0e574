"""Stateless exports of a view: the bytes the download links give, from the URL alone.

Which kinds the routes offer, under which MIME type and file name; the bytes themselves
come from the one builder the page's downloads use too
(``components/present/exports/view_files.build``). Any replica makes the same file for
the same link, so downloads work behind a load balancer without affinity and a cache may
keep them.
"""

from __future__ import annotations

from dataclasses import dataclass

from components.present.exports import file_name as export_file_name
from components.present.exports.view_files import OG_SIZE, ExportData, build, page_title
from components.present.urls import ViewState

#: Bump when an export's format changes, so caches drop files made by older code.
EXPORTS_VERSION = "4"


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


def file_name(kind: str, state: ViewState) -> str:
    """The name a browser saves the file under (date first, as the buttons did)."""
    return export_file_name(state.date, KINDS[kind].suffix)


__all__ = ["EXPORTS_VERSION", "KINDS", "OG_SIZE", "Export", "ExportData", "build", "file_name",
           "page_title"]  # fmt: skip
