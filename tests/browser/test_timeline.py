"""Moving through time in the browser: dated links, the slider, claim-date steps."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

from deploy.local import MAP
from tests.browser.actions import click_layer, open_app, query
from tests.browser.conftest import WAIT_MS


def test_dated_link_shows_the_1294_claim_on_map_and_in_cards(page, app_url):
    frame = open_app(page, f"{app_url}/?date=2024-08-27&ru=false")
    zone = frame.locator("path.claim-ua").first
    zone.wait_for()
    assert "27 Aug 2024" in frame.locator(".claims-legend").inner_text()
    click_layer(zone)
    popup = frame.locator(".leaflet-popup-content")
    popup.wait_for()
    assert "1,294" in popup.inner_text()
    assert "Syrskyi" in popup.inner_text()
    assert page.get_by_text("1,294 km²").first.is_visible()


def test_slider_keyboard_step_updates_the_url(page, app_url):
    open_app(page, app_url)
    thumb = page.locator(".st-key-date input[type=range]").first
    thumb.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_url(lambda u: "date=2024-08-13" in u)
    page.frame_locator(MAP).locator(".claims-legend").get_by_text("13 Aug 2024").wait_for()


def test_next_claim_button_jumps_to_the_next_statement_date(page, app_url):
    open_app(page, f"{app_url}/?date=2024-08-20")
    page.get_by_role("button", name="Next claim ▶").click()
    page.wait_for_url(lambda u: "date=2024-08-" in u and "date=2024-08-20" not in u)
    assert query(page)["date"] > "2024-08-20"


def test_downloads_are_links_to_the_current_view(page, app_url):
    open_app(page, f"{app_url}/?date=2024-08-27")
    page.get_by_text("Downloads").click()
    links = page.locator('[data-testid="stLinkButton"] a')
    links.first.wait_for()
    hrefs = links.evaluate_all("els => els.map(e => e.href)")
    exports = {urlsplit(h).path: h for h in hrefs if "/export/" in h}
    assert set(exports) == {f"/export/view.{k}" for k in ("geojson", "csv", "png", "html")}
    assert all("date=2024-08-27" in h for h in exports.values())
    answer = page.request.get(exports["/export/view.geojson"], timeout=WAIT_MS)
    disposition = answer.headers["content-disposition"]
    assert 'filename="kursk-claims-2024-08-27-zones.geojson"' in disposition
    collection = json.loads(answer.text())
    zones = [f for f in collection["features"] if f["properties"]["layer"] == "claim_zone"]
    props = {f["properties"]["side"]: f["properties"] for f in zones}
    assert len(zones) < len(collection["features"])  # the date's settlements follow
    assert props["ukraine"]["stated_area_km2"] == 1294
    assert props["russia"]["stated_area_km2"] is None  # Smirnov gave no area
    assert round(props["russia"]["derived_area_km2"]) == 604  # the box as drawn from the border
