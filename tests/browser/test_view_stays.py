"""The map in a reader's hands, watched over time: it stays where the reader puts it.

Regression tests for the map that jumped every 1-2 s between the reader's view and the
default view after a pan, a zoom or a linked view (the map was handed its own
previously reported view back; streamlit-folium moves the map whenever that changes).
"""

from __future__ import annotations

import pytest

from tests.browser.reader import (
    MAP,
    ONE_MAP,
    drag_map,
    link_view,
    map_frame,
    map_view,
    same_view,
    settles_at,
    wait_settled,
    watch,
)
from tests.browser.test_dashboard import open_app

#: How far the page has scrolled (Streamlit scrolls its main section, not the window).
SCROLLED = """() => Math.max(window.scrollY,
    (document.querySelector('[data-testid=stMain]') || {}).scrollTop || 0)"""


def swipe(cdp, page, x: float, y: float, dy: float) -> None:
    """One finger moving vertically, as real touch events (not a synthetic scroll)."""
    cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x, "y": y}]})
    for i in range(1, 11):
        point = {"x": x, "y": y + dy * i / 10}
        cdp.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [point]})
        page.wait_for_timeout(16)
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})


def _steady(seen: list[tuple], want: tuple) -> list[str]:
    """Every sample where the map or the link was not at ``want``."""
    return [
        f"t={i + 1}s map={m} link={u}"
        for i, (m, u) in enumerate(seen)
        if not (same_view(m, want) and same_view(u, want))
    ]


def test_map_jumped_back_after_a_drag(page, app_url):
    open_app(page, app_url)
    start = wait_settled(page)
    drag_map(page)
    page.wait_for_timeout(1500)
    moved = wait_settled(page)
    assert not same_view(moved, start), "the drag did not move the map"
    assert _steady(watch(page, 10), moved) == []


def test_map_jumped_back_after_zooming_in(page, app_url):
    frame = open_app(page, app_url)
    start = wait_settled(page)
    for _ in range(2):
        frame.locator(".leaflet-control-zoom-in").click()
        page.wait_for_timeout(600)
    page.wait_for_timeout(1000)
    zoomed = wait_settled(page)
    assert zoomed[0] == start[0] + 2
    assert _steady(watch(page, 10), zoomed) == []


def test_linked_view_jumped_from_the_first_second(page, app_url):
    open_app(page, f"{app_url}/?z=10&lat=51.2&lon=35.3")
    want = (10, 51.2, 35.3)
    page.wait_for_timeout(1000)
    assert same_view(map_view(page), want)
    assert _steady(watch(page, 10), want) == []


def test_link_of_a_panned_view_reopens_it_in_a_fresh_browser(page, browser, app_url):
    open_app(page, app_url)
    wait_settled(page)
    drag_map(page, -120, 90)
    page.wait_for_timeout(1500)
    panned = wait_settled(page)
    shared = page.url
    other = browser.new_context(viewport={"width": 1400, "height": 900})
    try:
        fresh = other.new_page()
        open_app(fresh, shared)
        fresh.wait_for_timeout(1000)
        assert same_view(map_view(fresh), panned)
        assert _steady(watch(fresh, 5), panned) == []
    finally:
        other.close()


def test_toggle_date_and_language_leave_a_panned_view_where_it_was(page, app_url):
    frame = open_app(page, app_url)
    wait_settled(page)
    drag_map(page, 100, -60)
    page.wait_for_timeout(1500)
    panned = wait_settled(page)

    page.locator(".st-key-ru label").first.click()
    frame.locator("path.claim-ru").wait_for(state="detached")
    page.wait_for_timeout(1000)
    assert same_view(map_view(page), panned), "a toggle moved the map"

    thumb = page.locator(".st-key-date input[type=range]").first
    thumb.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_url(lambda u: "date=2024-08-13" in u)
    page.wait_for_timeout(1000)
    assert same_view(map_view(page), panned), "the date slider moved the map"

    page.get_by_text("Nederlands").first.click()
    page.wait_for_url(lambda u: "lang=nl" in u)
    page.wait_for_function(ONE_MAP)  # the Dutch map replaces the English one
    page.frame_locator(MAP).get_by_text("Soedzja").first.wait_for()
    assert settles_at(page, panned), f"the language switch moved the map to {map_view(page)}"
    assert _steady(watch(page, 3), panned) == []


def test_idle_panned_tab_kept_the_server_rerunning(page, app_server):
    url, proc = app_server
    open_app(page, url)
    wait_settled(page)
    drag_map(page)
    page.wait_for_timeout(1500)
    wait_settled(page)
    psutil = pytest.importorskip("psutil", reason="psutil is not installed (requirements-dev.txt)")
    server = psutil.Process(proc.pid)
    before = server.cpu_times()
    received = page.evaluate("() => performance.getEntriesByType('resource').length")
    page.wait_for_timeout(10_000)
    after = server.cpu_times()
    cpu = (after.user - before.user) + (after.system - before.system)
    # A rerun loop cost ~0.1 s of server CPU per second; an idle tab costs next to none.
    assert cpu < 0.5, f"server used {cpu:.2f} s CPU in 10 s while the tab sat idle"
    assert page.evaluate("() => performance.getEntriesByType('resource').length") == received
    assert same_view(map_view(page), link_view(page))


def test_back_walked_through_every_pan_and_toggle(page, app_url):
    page.goto("about:blank")
    open_app(page, app_url)
    wait_settled(page)
    for dx in (80, -60, 50):
        drag_map(page, dx, 30)
        page.wait_for_timeout(1200)
    page.locator(".st-key-ua label").first.click()
    page.wait_for_url(lambda u: "ua=false" in u)
    page.go_back()
    page.wait_for_url("about:blank")


def test_phone_vertical_swipe_was_trapped_by_the_map(browser, app_url):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    try:
        page = context.new_page()
        open_app(page, app_url)
        wait_settled(page)
        assert map_frame(page).evaluate("() => window.map.dragging.enabled()") is False
        before = map_view(page)
        box = page.locator(MAP).bounding_box()
        x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] * 0.7
        swipe(context.new_cdp_session(page), page, x, y, -250)
        page.wait_for_timeout(800)
        assert page.evaluate(SCROLLED) > 0, "a vertical swipe over the map did not scroll"
        assert same_view(map_view(page), before), "the swipe moved the map"
        assert link_view(page) is not None
    finally:
        context.close()
