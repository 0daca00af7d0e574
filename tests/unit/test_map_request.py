"""The view the map is asked to show, kept apart from the view it reports.

The map jumped between two views forever when its own reported view was passed back as
its centre and zoom; these tests pin the rules that stop that.
"""

from __future__ import annotations

import importlib.metadata
import re
from pathlib import Path

import streamlit_folium as sf

from components.present.urls import (
    DEFAULT_VIEW,
    MapRequest,
    ViewState,
    hold,
    initial_request,
    is_start_report,
    refit,
)
from components.render.folium_payload import PINNED_VERSION


def test_a_link_with_a_place_opens_exactly_there():
    state = ViewState(lat=51.2, lon=35.3, z=10)
    request = initial_request({"z": "10", "lat": "51.2", "lon": "35.3"}, state)
    assert request.center() == (51.2, 35.3)
    assert request.zoom() == 10


def test_a_link_without_a_place_fits_the_claims_and_passes_no_view():
    request = initial_request({"lang": "nl", "date": "2024-08-27"}, ViewState())
    assert request.fit == 1
    assert request.center() is None
    assert request.zoom() is None


def test_each_fit_gets_a_new_number_so_the_browser_fits_once_per_click():
    first = refit(MapRequest(fit=1))
    second = refit(first, (51.0, 34.9, 51.4, 35.6))
    assert (first.fit, second.fit) == (2, 3)
    assert second.bounds == (51.0, 34.9, 51.4, 35.6)
    assert refit(MapRequest(51.2, 35.3, 10)).fit == 1


def test_a_rebuilt_map_is_asked_for_the_readers_view_not_a_fit():
    held = hold(ViewState(lat=51.1, lon=35.2, z=11))
    assert (held.center(), held.zoom(), held.fit) == ((51.1, 35.2), 11, 0)


def test_the_fresh_maps_start_report_does_not_reach_the_link():
    start = {"lat": DEFAULT_VIEW.lat, "lng": DEFAULT_VIEW.lon}
    assert is_start_report(start, DEFAULT_VIEW.z, MapRequest(51.2, 35.3, 10))
    assert is_start_report(start, DEFAULT_VIEW.z, MapRequest(fit=1))
    moved = {"lat": 51.2, "lng": 35.3}
    assert not is_start_report(moved, 10, MapRequest(51.2, 35.3, 10))
    asked_default = MapRequest(DEFAULT_VIEW.lat, DEFAULT_VIEW.lon, DEFAULT_VIEW.z)
    assert not is_start_report(start, DEFAULT_VIEW.z, asked_default)
    assert not is_start_report(None, None, MapRequest(fit=1))


def test_streamlit_folium_upgrade_must_recheck_the_view_logic():
    """Fails loudly when streamlit-folium changes what render/folium_payload.py relies on."""
    assert importlib.metadata.version("streamlit-folium") == PINNED_VERSION, (
        "streamlit-folium changed: re-check that its frontend moves the map only when the "
        "center/zoom arguments change (components/render/folium_payload.py), "
        "then bump PINNED_VERSION"
    )
    for name in ("_component_func", "_get_html", "_get_header", "_get_map_string",
                 "get_full_id", "generate_js_hash", "_get_feature_group_string"):  # fmt: skip
        assert callable(getattr(sf, name, None)), name
    bundle = next((Path(sf.__file__).parent / "frontend" / "build").rglob("main.*.js"))
    js = bundle.read_text(encoding="utf-8")
    # The frontend compares the arguments with the last ones passed, not with the map.
    assert re.search(r"zoom!==window\.__GLOBAL_DATA__\.last_zoom", js)
    assert re.search(r"JSON\.stringify\(center\)!==JSON\.stringify\(window\.__GLOBAL_DATA__", js)
    assert "view_changed&&window.map.setView" in js
