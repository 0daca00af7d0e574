"""The dashboard in headless Chromium against `streamlit run`: what a reader does."""

from __future__ import annotations

from urllib.parse import urlsplit

from deploy.local import MAP
from tests.browser.actions import open_app, query


def test_both_claim_overlays_are_drawn(page, app_url):
    frame = open_app(page, app_url)
    frame.locator("path.claim-ru").first.wait_for()
    frame.locator("path.claim-ua").first.wait_for()
    assert frame.locator("path.claim-ru").count() == 1
    assert frame.locator("path.claim-ua").count() == 1
    legend = frame.locator(".claims-legend").inner_text()
    assert "schematic, area-true" in legend
    assert "12 Aug 2024" in legend


def test_toggle_removes_overlay_without_reloading_map_and_link_restores_it(page, browser, app_url):
    frame = open_app(page, app_url)
    frame.locator("path.claim-ru").first.wait_for()
    map_frame = next(f for f in page.frames if "streamlit_folium" in f.url)
    map_frame.evaluate("window.__sameDocument = true")

    page.locator(".st-key-ru label").first.click()
    frame.locator("path.claim-ru").wait_for(state="detached")
    page.wait_for_url(lambda u: "ru=false" in u)

    assert map_frame.evaluate("window.__sameDocument === true"), "map iframe was reloaded"
    assert frame.locator("path.claim-ua").count() == 1
    shared = page.url

    other = browser.new_context()
    try:
        fresh = other.new_page()
        frame2 = open_app(fresh, shared)
        frame2.locator("path.claim-ua").first.wait_for()
        assert frame2.locator("path.claim-ru").count() == 0
        assert fresh.locator(".st-key-ru input").is_checked() is False
        assert query(fresh)["ru"] == "false"
    finally:
        other.close()


def test_dutch_link_shows_dutch_names(page, app_url):
    frame = open_app(page, f"{app_url}/?lang=nl")
    labels = frame.locator(".leaflet-tooltip.label").all_inner_texts()
    assert "Soedzja" in labels
    assert "Koersk" in labels
    assert "Soemy" in labels
    assert page.get_by_text("Oekraïense bewering").first.is_visible()


def test_garbage_parameters_give_a_notice_not_an_exception(page, app_url):
    frame = open_app(page, f"{app_url}/?ru=%3Cb%3E&z=abc&date=2024-99-99&lat=-1e9&lang=zz")
    frame.locator("path.claim-ru").first.wait_for()
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.locator('[data-testid="stAlertContentWarning"]').count() >= 1
    # No usable place in the link: the map fits the claims and the link then carries
    # that view, never the bad values.
    page.wait_for_url(lambda u: "z=" in u and "z=abc" not in u)
    assert -90 <= float(query(page)["lat"]) <= 90
    assert query(page)["lang"] == "en"


def test_no_request_leaves_the_machine_except_map_tiles(page, app_url):
    outside = []

    def record(request):
        host = urlsplit(request.url).hostname or ""
        if host not in ("127.0.0.1", "localhost") and request.resource_type != "image":
            outside.append(request.url)

    page.on("request", record)
    frame = open_app(page, app_url)
    frame.locator("path.claim-ua").first.wait_for()
    page.locator(".st-key-ua label").first.click()
    frame.locator("path.claim-ua").wait_for(state="detached")
    assert outside == []


def test_phone_layout_shows_map_and_toggles(browser, app_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    try:
        page = context.new_page()
        frame = open_app(page, app_url)
        frame.locator("path.claim-ua").first.wait_for()
        assert page.locator(".st-key-ru label").first.is_visible()
        box = page.locator(MAP).bounding_box()
        assert box is not None
        assert box["width"] <= 390
    finally:
        context.close()


def test_plain_streamlit_run_app_py_draws_the_same_map(browser):
    """A host that runs app.py alone (no serve.py routes) gets the same map: Leaflet
    comes from the installed package (it once was a 404 there and no map appeared)."""
    import hashlib
    import urllib.error
    import urllib.request

    import pytest

    from components.present import leaflet
    from components.present.leaflet import LEAFLET_JS
    from deploy.local import ROOT, serve

    context = browser.new_context()
    try:
        page = context.new_page()
        with serve(ROOT / "app.py") as url:
            frame = open_app(page, f"{url}/?z=10&lat=51.2&lon=35.3&base=none")
            frame.locator("path.claim-ua").first.wait_for()
            # Leaflet comes from the installed package, byte for byte the pinned file.
            with urllib.request.urlopen(f"{url}{LEAFLET_JS}") as answer:
                body = answer.read()
            assert hashlib.sha256(body).hexdigest() == leaflet.DIGESTS["leaflet.js"]
            with pytest.raises(urllib.error.HTTPError):
                urllib.request.urlopen(f"{url}{leaflet.PREFIX}/../../etc/passwd")
    finally:
        context.close()
