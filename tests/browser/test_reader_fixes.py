"""What a reader found by using the page, each now guarded by what must hold."""

from __future__ import annotations

from deploy.local import MAP
from tests.browser.actions import click_layer, open_app, query
from tests.browser.reader import ONE_MAP, map_view, same_view, wait_settled, wait_still


def _open_sidebar(page) -> None:
    page.locator(
        '[data-testid="stExpandSidebarButton"], [data-testid="stSidebarCollapsedControl"] button'
    ).first.click()
    page.locator('[data-testid="stSidebar"]').get_by_role("radiogroup").first.wait_for()


def test_a_language_switch_keeps_the_basemap_and_zoom_in_the_link(page, browser, app_url):
    open_app(page, app_url)
    wait_settled(page)
    _open_sidebar(page)
    page.locator('[data-testid="stSidebar"]').get_by_text("None (offline)").click()
    page.wait_for_url(lambda u: "base=none" in u)
    page.wait_for_function(ONE_MAP)
    view = wait_settled(page)
    page.locator(".st-key-lang").get_by_text("Nederlands").click()
    page.wait_for_url(lambda u: "lang=nl" in u)
    page.wait_for_function(ONE_MAP)
    page.frame_locator(MAP).get_by_text("Soedzja").first.wait_for()
    wait_settled(page)
    assert query(page)["base"] == "none"
    sidebar = page.locator('[data-testid="stSidebar"]')
    assert sidebar.get_by_role("radio", name="Geen (offline)").is_checked()
    assert same_view(map_view(page), view), "the language switch dropped the reader's zoom"
    other = browser.new_context()
    try:
        fresh = other.new_page()
        open_app(fresh, page.url)
        wait_settled(fresh)  # notices are drawn in the first run, before the map
        assert fresh.locator('[data-testid="stAlertContentWarning"]').count() == 0
    finally:
        other.close()


def test_a_dutch_page_declares_dutch_and_has_a_dutch_title(page, app_url):
    open_app(page, f"{app_url}/?lang=nl")
    page.wait_for_function("() => document.documentElement.lang === 'nl'")
    page.wait_for_function("() => document.title.startsWith('Koersk, Soemy en Belgorod')")


def test_the_share_link_can_be_copied_with_one_button(browser, app_url):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    try:
        page = context.new_page()
        open_app(page, app_url)
        wait_settled(page)
        page.get_by_role("button", name="Share this view").click()
        page.locator(".copy-field button").first.click()
        page.get_by_role("button", name="Copied").wait_for()
        copied = page.evaluate("() => navigator.clipboard.readText()")
        assert copied.startswith(app_url)
        assert "lat=" in copied
        assert "date=2024-08-12" in copied
    finally:
        context.close()


def test_embed_snippet_offers_a_titled_iframe_of_this_view(page, app_url):
    open_app(page, f"{app_url}/?date=2024-08-27")
    wait_settled(page)
    page.get_by_role("button", name="Embed this view").click()
    code = page.locator("#embed-code").input_value()  # the static embed, offered first
    assert f'src="{app_url}/embed?' in code, "the link lost its path"
    assert code.startswith("<iframe ")
    assert "embed=true" not in code
    assert "date=2024-08-27" in code
    assert 'title="' in code
    live = page.locator("#embed-live-code").input_value()  # the live app, for those who want it
    assert f'src="{app_url}/?' in live
    assert "embed=true" in live
    assert "date=2024-08-27" in live


def test_a_zone_popup_fits_inside_the_map(page, app_url):
    frame = open_app(page, f"{app_url}/?ru=false")
    wait_settled(page)
    click_layer(frame.locator("path.claim-ua").first)
    popup = frame.locator(".leaflet-popup")
    popup.wait_for()
    wait_still(page)  # Leaflet pans the map to fit the popup
    map_box = page.locator(MAP).bounding_box()
    box = popup.bounding_box()
    assert box["height"] < map_box["height"]
    assert box["y"] >= map_box["y"] - 1, "the popup's top is cut off"
    assert "Syrskyi" in frame.locator(".leaflet-popup-content").inner_text()
