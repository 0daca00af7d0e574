"""Named settlements in the browser: dots drawn by status, Sudzha's popup opens."""

from __future__ import annotations

import re

from deploy.local import map_frame
from tests.browser.actions import open_app
from tests.browser.reader import wait_settled

#: Marks Sudzha's marker (found by its tooltip) so the test can click it as a reader would.
SUDZHA = """() => window.map.eachLayer(layer => {
    const tip = layer.getTooltip && layer.getTooltip();
    if (tip && String(tip.getContent()).startsWith("Sudzha — ")) {
        layer.getElement().dataset.place = "sudzha";
    }
})"""
#: Width (px) of Sudzha's dot as drawn, read in the map's own frame.
DOT_WIDTH = """() => {
    const dot = document.querySelector(".leaflet-marker-icon .stl-dot.stl-contested");
    return dot ? dot.getBoundingClientRect().width : 0;
}"""


def test_sudzha_dot_on_13_march_2025_is_contested_and_its_popup_lists_both_claims(page, app_url):
    frame = open_app(page, f"{app_url}/?date=2025-03-13&lat=51.15&lon=35.27&z=11")
    dots = frame.locator(".leaflet-marker-icon .stl-dot")
    dots.filter(visible=True).first.wait_for()
    assert dots.count() == 78  # placed settlements named by that day
    map_frame(page).evaluate(SUDZHA)
    sudzha = frame.locator(".leaflet-marker-icon[data-place='sudzha']")
    sudzha.dispatch_event("click")
    popup = frame.locator(".leaflet-popup-content")
    popup.wait_for()
    text = popup.inner_text()
    assert text.startswith("Sudzha (Суджа)")
    assert "15 Aug 2024 · Ukrainian side" in text
    assert "13 Mar 2025 · Russian side · Russian Ministry of Defence: “liberated”" in text


def test_dots_are_small_when_zoomed_out_and_grow_as_the_reader_zooms_in(page, app_url):
    frame = open_app(page, f"{app_url}/?date=2025-03-13&lat=51.2&lon=35.27&z=8")
    frame.locator(".leaflet-marker-icon .stl-dot").filter(visible=True).first.wait_for()
    live = map_frame(page)
    live.wait_for_function(f"({DOT_WIDTH})() === 6")  # zoom 8: ~80 dots share ~60 px
    zoom_in = frame.locator("a.leaflet-control-zoom-in")
    for zoom in (9, 10):
        zoom_in.click()
        page.wait_for_url(re.compile(rf"[?&]z={zoom}(&|$)"))  # the map reported its zoom
        wait_settled(page)
    live.wait_for_function(f"({DOT_WIDTH})() === 11")  # zoom 10
    legend_dot = live.evaluate(
        "() => document.querySelector('.stl-legend .stl-dot').getBoundingClientRect().width"
    )
    assert legend_dot == 14  # the legend's key keeps its size
