"""Downloads of a view: zones (GeoJSON), figures (CSV), map image (PNG), map (HTML).

One module per format (``geojson_file``, ``csv_file``, ``png_map`` with ``png_layers``,
``html_map``), ``settlements_file`` for the villages in the GeoJSON and CSV,
``common`` for what they share, and ``view_files.build``: a view's file of any kind,
the one builder the export routes and the page's downloads call. Pure functions, no
Streamlit import, so each export is tested on its bytes. Every export carries the same
caveat as the live map (zones are schematic, area-true) and the sources of the figures,
because a downloaded file travels without the page around it.
"""

from __future__ import annotations

from components.present.exports.common import (
    ZONE_NOTE,
    MapScene,
    file_name,
    view_frame,
    view_title,
)
from components.present.exports.csv_file import (
    CSV_COLUMNS,
    STL_CSV_COLUMNS,
    csv_headers,
    figures_csv,
)
from components.present.exports.geojson_file import READER_NOTE, with_reader_layer, zones_geojson
from components.present.exports.html_map import map_html
from components.present.exports.png_map import PNG_FRAME, map_png, png_legend_rows
from components.present.exports.settlements_file import (
    SETTLEMENT_CREDIT,
    latest_claims,
    with_settlements,
)

__all__ = [
    "CSV_COLUMNS",
    "PNG_FRAME",
    "READER_NOTE",
    "SETTLEMENT_CREDIT",
    "STL_CSV_COLUMNS",
    "ZONE_NOTE",
    "MapScene",
    "csv_headers",
    "figures_csv",
    "file_name",
    "latest_claims",
    "map_html",
    "map_png",
    "png_legend_rows",
    "view_frame",
    "view_title",
    "with_reader_layer",
    "with_settlements",
    "zones_geojson",
]
