"""Named settlements in the browser: dots drawn by status, Sudzha's popup opens."""

from __future__ import annotations

from tests.browser.test_dashboard import open_app


def test_sudzha_dot_on_13_march_2025_is_contested_and_its_popup_lists_both_claims(page, app_url):
    frame = open_app(page, f"{app_url}/?date=2025-03-13&lat=51.15&lon=35.27&z=11")
    dots = frame.locator(".leaflet-marker-icon .stl-dot")
    dots.first.wait_for()
    assert dots.count() == 14  # placed settlements named by that day
    sudzha = frame.locator(".leaflet-marker-icon:has(.stl-contested)").first
    sudzha.dispatch_event("click")
    popup = frame.locator(".leaflet-popup-content")
    popup.wait_for()
    text = popup.inner_text()
    assert text.startswith("Sudzha (Суджа)")
    assert "15 Aug 2024 · Ukrainian side" in text
    assert "13 Mar 2025 · Russian side · Russian Ministry of Defence: “liberated”" in text
