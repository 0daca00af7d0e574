"""The map in a reader's hands, watched over time: it stays where the reader puts it.

The map once jumped every 1-2 s between the reader's view and the default view after a
pan, a zoom or a linked view (it was handed its own previously reported view back;
streamlit-folium moves the map whenever that changes). Each test here acts as a reader
does, waits until the page has settled, then watches map and link for seconds.
"""

from __future__ import annotations

import pytest

from deploy.local import MAP, map_frame
from tests.browser.actions import open_app
from tests.browser.conftest import SCREENS
from tests.browser.reader import (
    ONE_MAP,
    drag_map,
    link_view,
    map_view,
    same_view,
    wait_settled,
    wait_still,
    watch,
)

#: How far the page has scrolled (Streamlit scrolls its main section, not the window).
SCROLLED = """() => Math.max(window.scrollY,
    (document.querySelector('[data-testid=stMain]') || {}).scrollTop || 0)"""
#: How long a reader watches the map after acting, in seconds.
WATCH_S = 10


def swipe(cdp, x: float, y: float, dy: float) -> None:
    """One finger moving vertically, as real touch events 16 ms apart (not a synthetic
    scroll); the events carry their own timestamps, so nothing waits in between."""
    t0 = 1_000.0  # seconds: any base works, only the steps between events matter

    def touch(kind: str, points: list[dict], i: int) -> None:
        cdp.send(
            "Input.dispatchTouchEvent",
            {"type": kind, "touchPoints": points, "timestamp": t0 + i * 0.016},
        )

    touch("touchStart", [{"x": x, "y": y}], 0)
    for i in range(1, 11):
        touch("touchMove", [{"x": x, "y": y + dy * i / 10}], i)
    touch("touchEnd", [], 11)


def _steady(seen: list[tuple], want: tuple) -> list[str]:
    """Every sample where the map or the link was not at ``want``."""
    return [
        f"t={t}s map={m} link={u}"
        for t, m, u in seen
        if not (same_view(m, want) and same_view(u, want))
    ]


def _pan(page, dx: int, dy: int) -> tuple[int, float, float]:
    """Drag the map as a reader does; the view it settles at, with the link following."""
    before = map_view(page)
    drag_map(page, dx, dy)
    moved = wait_settled(page)
    assert not same_view(moved, before), "the drag did not move the map"
    return moved


def test_a_dragged_map_stays_where_the_reader_left_it(page, app_url):
    open_app(page, app_url)
    wait_settled(page)
    moved = _pan(page, 140, 70)
    assert _steady(watch(page, WATCH_S), moved) == []


def test_a_zoomed_map_stays_at_the_reader_s_zoom(page, app_url):
    frame = open_app(page, app_url)
    start = wait_settled(page)
    for step in (1, 2):
        frame.locator(".leaflet-control-zoom-in").click()
        page.wait_for_function(
            f"() => document.querySelector('{MAP}').contentWindow.map.getZoom() === "
            f"{start[0] + step}"
        )
        wait_still(page)  # the zoom animation ends before the next click
    zoomed = wait_settled(page)
    assert zoomed[0] == start[0] + 2
    assert _steady(watch(page, WATCH_S), zoomed) == []


def test_a_linked_view_holds_from_the_first_second(page, app_url):
    open_app(page, f"{app_url}/?z=10&lat=51.2&lon=35.3")
    want = (10, 51.2, 35.3)
    assert same_view(map_view(page), want), "the map did not open at the linked view"
    assert _steady(watch(page, WATCH_S), want) == []


def test_the_link_of_a_panned_view_reopens_it_in_a_fresh_browser(page, browser, app_url):
    open_app(page, app_url)
    wait_settled(page)
    panned = _pan(page, -120, 90)
    shared = page.url
    other = browser.new_context(viewport={"width": 1400, "height": 900})
    try:
        fresh = other.new_page()
        open_app(fresh, shared)
        assert same_view(map_view(fresh), panned), "the link did not reopen the panned view"
        assert _steady(watch(fresh, 5), panned) == []
    finally:
        other.close()


def test_toggle_date_and_language_leave_a_panned_view_where_it_was(page, app_url):
    frame = open_app(page, app_url)
    wait_settled(page)
    panned = _pan(page, 100, -60)

    page.locator(".st-key-ru label").first.click()
    frame.locator("path.claim-ru").wait_for(state="detached")
    wait_still(page)
    assert same_view(map_view(page), panned), f"a toggle moved the map to {map_view(page)}"

    thumb = page.locator(".st-key-date input[type=range]").first
    thumb.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_url(lambda u: "date=2024-08-13" in u)
    wait_still(page)
    assert same_view(map_view(page), panned), f"the date slider moved the map to {map_view(page)}"

    page.get_by_text("Nederlands").first.click()
    page.wait_for_url(lambda u: "lang=nl" in u)
    page.wait_for_function(ONE_MAP)  # the Dutch map replaces the English one
    page.frame_locator(MAP).get_by_text("Soedzja").first.wait_for()
    wait_still(page)
    assert same_view(map_view(page), panned), f"the language moved the map to {map_view(page)}"
    assert _steady(watch(page, 3), panned) == []


def test_an_idle_panned_tab_costs_the_server_next_to_nothing(page, app_server):
    url, proc = app_server
    open_app(page, url)
    wait_settled(page)
    panned = _pan(page, 140, 70)
    psutil = pytest.importorskip("psutil", reason="psutil is not installed (requirements-dev.txt)")
    server = psutil.Process(proc.pid)
    before = server.cpu_times()
    received = page.evaluate("() => performance.getEntriesByType('resource').length")
    seen = watch(page, WATCH_S)  # the tab sits idle while it is watched
    after = server.cpu_times()
    cpu = (after.user - before.user) + (after.system - before.system)
    # A rerun loop cost ~0.1 s of server CPU per second; an idle tab costs next to none.
    assert cpu < 0.5, f"server used {cpu:.2f} s CPU in {WATCH_S} s while the tab sat idle"
    assert page.evaluate("() => performance.getEntriesByType('resource').length") == received
    assert _steady(seen, panned) == []


def test_back_leaves_the_page_instead_of_walking_through_pans_and_toggles(page, app_url):
    page.goto("about:blank")
    open_app(page, app_url)
    wait_settled(page)
    for dx in (80, -60, 50):
        _pan(page, dx, 30)  # each pan rewrites the link before the next one starts
    page.locator(".st-key-ua label").first.click()
    page.wait_for_url(lambda u: "ua=false" in u)
    page.go_back()
    page.wait_for_url("about:blank")


def test_a_vertical_swipe_over_the_map_scrolls_the_phone_page(on_screen, app_url):
    page = on_screen(*SCREENS["phone"])
    open_app(page, app_url)
    wait_settled(page)
    assert map_frame(page).evaluate("() => window.map.dragging.enabled()") is False
    before = map_view(page)
    box = page.locator(MAP).bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] * 0.7
    swipe(page.context.new_cdp_session(page), x, y, -250)
    page.wait_for_function(f"() => ({SCROLLED})() > 0")  # fails if it never scrolls
    wait_still(page)
    assert same_view(map_view(page), before), "the swipe moved the map"
    assert link_view(page) is not None
