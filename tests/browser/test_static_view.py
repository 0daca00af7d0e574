"""The static view in a reader's phone: no app until asked, then the live app at that view."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest

from deploy.local import MAP
from tests.browser.actions import query
from tests.browser.conftest import ARTIFACTS, WAIT_MS

VIEW = {"ru": "true", "ua": "true", "ind": "false", "date": "2024-08-27", "lat": "51.3000",
        "lon": "35.3000", "z": "9", "base": "light"}  # fmt: skip
DESCRIBED = {
    "en": "Ukraine says it holds (Kursk region): 1,294 km², Gen. Oleksandr Syrskyi",
    "nl": "Volgens Oekraïne in eigen handen (regio Koersk): 1.294 km², Gen. Oleksandr Syrski",
}


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True)
    page = context.new_page()
    page.set_default_timeout(WAIT_MS)
    sockets: list[str] = []
    scripts: list[str] = []
    page.on("websocket", lambda ws: sockets.append(ws.url))
    page.on("request", lambda r: scripts.append(r.url) if r.resource_type == "script" else None)
    yield page, sockets, scripts
    context.close()


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_static_embed_shows_the_claims_without_the_app_until_the_reader_asks(phone, app_url, lang):
    page, sockets, scripts = phone
    view = {**VIEW, "lang": lang}
    try:
        page.goto(f"{app_url}/embed?{urlencode(view)}")
        page.locator("svg.map path.claim-ru").wait_for()
        page.locator("svg.map path.claim-ua").wait_for()
        assert DESCRIBED[lang] in page.locator("#view-desc").inner_text()
        assert sockets == []  # no Streamlit session for a reader who only looks
        assert scripts == []
        # One tap swaps in the live app, in place, at the same view.
        page.locator("a.button").click()
        page.wait_for_url(lambda u: "embed=true" in u)
        frame = page.frame_locator(MAP)
        frame.locator("path.claim-ua").first.wait_for()
        frame.locator("path.claim-ru").first.wait_for()
        assert {k: query(page)[k] for k in view} == view
        assert sockets, "the live app opened no session"
    except Exception:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=ARTIFACTS / f"static_embed_{lang}.png", full_page=True)
        raise


def test_cut_short_shared_link_reaches_the_map_with_the_apps_notice(phone, app_url):
    page, _, _ = phone
    page.goto(f"{app_url}/share?date=2024-08-1")
    page.wait_for_url(lambda u: "/share" not in u)
    page.frame_locator(MAP).locator("path.claim-ua").first.wait_for()
    page.get_by_text("Ignored an invalid link parameter date=2024-08-1").first.wait_for()
