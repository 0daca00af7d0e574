"""The base map's colours, shared by the live map (folium) and the PNG export (matplotlib).

Side colours and dashes are in ``sides.py``; these are the neutral ground under them.
"""

from __future__ import annotations

BORDER_COLOR = "#1a1a1a"  # the Russia–Ukraine state border
WATER_COLOR = "#e8eef2"  # map background where no region is drawn
FOCUS_FILL, OTHER_FILL = "#f7f4ec", "#fbfbfb"  # Kursk/Sumy/Belgorod vs neighbours
FOCUS_EDGE, OTHER_EDGE = "#555555", "#9a9a9a"


def region_colors(focus: bool) -> tuple[str, str]:
    """(fill, edge) of a region: Kursk, Sumy and Belgorod stand out from their neighbours.

    One choice for the live map, the PNG and the SVG.
    """
    return (FOCUS_FILL, FOCUS_EDGE) if focus else (OTHER_FILL, OTHER_EDGE)
