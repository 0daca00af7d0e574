"""Everyone can use the map: no serious accessibility failure, pinch-zoom, keyboard access.

axe-core (tests/browser/a11y.py) audits every frame of each surface in both languages:
the page on a laptop and a phone, the live embed inside an article, the static embed
inside an article and on a phone, the share page, the HTML export.
A serious or critical finding fails; so does any finding in a rule we fixed once (our
landmarks, headings, language, zoom), whatever its impact.
"""

from __future__ import annotations

import re

import pytest

from deploy.local import MAP
from tests.browser.a11y import BLOCKING, audit, axe_source, described
from tests.browser.actions import open_app
from tests.browser.conftest import SCREENS, WAIT_MS
from tests.browser.reader import wait_settled, wait_still

#: Rules whose findings were ours and are fixed: any impact fails.
FIXED = {
    "html-has-lang", "landmark-one-main", "page-has-heading-one", "heading-order",
    "meta-viewport", "region", "aria-command-name", "color-contrast",
}  # fmt: skip
#: A view with both zones, settlements (dots are buttons) and a stale zone on the map.
DATED = "date=2025-03-13&ind=true"


@pytest.fixture(scope="module")
def axe() -> str:
    return axe_source()


def failures(findings: list[dict]) -> list[str]:
    return described([f for f in findings if f["impact"] in BLOCKING or f["id"] in FIXED])


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("screen", SCREENS)
def test_the_page_has_no_serious_accessibility_failure(on_screen, app_url, axe, lang, screen):
    page = on_screen(*SCREENS[screen])
    for query in (f"lang={lang}", f"lang={lang}&{DATED}"):
        open_app(page, f"{app_url}/?{query}").locator("path.claim-ua").first.wait_for()
        wait_settled(page)
        assert failures(audit(page, axe)) == [], query


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_live_embed_has_no_serious_accessibility_failure(
    on_screen, in_article, app_url, axe, lang
):
    page = on_screen(740, 540)
    # The newsroom's page is not ours: only the frames of the app are audited.
    with in_article(page, f"{app_url}/?embed=true&lang={lang}", 700, 500) as url:
        page.frame_locator("#host").frame_locator(MAP).locator("path.claim-ua").first.wait_for()
        wait_still(next(f for f in page.frames if "embed=true" in f.url))
        assert failures(audit(page, axe, skip=(url,))) == []


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_static_embed_and_share_page_have_no_serious_accessibility_failure(
    on_screen, in_article, app_url, axe, lang
):
    page = on_screen(740, 620)
    with in_article(page, f"{app_url}/embed?lang={lang}&{DATED}", 700, 560) as url:
        page.frame_locator("#host").locator("svg").first.wait_for()
        assert failures(audit(page, axe, skip=(url,))) == []
    alone = on_screen(*SCREENS["phone"])
    for path in (f"/embed?lang={lang}", f"/share?lang={lang}&{DATED}"):
        alone.goto(f"{app_url}{path}")
        alone.locator("main svg").first.wait_for()
        assert failures(audit(alone, axe)) == [], path


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_html_export_has_no_serious_accessibility_failure(page, app_url, axe, lang):
    body = page.request.get(
        f"{app_url}/export/view.html?lang={lang}&{DATED}", timeout=WAIT_MS
    ).text()
    page.set_content(body)
    page.locator("path.claim-ua").first.wait_for()
    assert page.evaluate("document.documentElement.lang") == lang
    assert failures(audit(page, axe)) == []


def test_every_frame_lets_a_reader_pinch_zoom(on_screen, app_url):
    page = on_screen(*SCREENS["phone"])
    open_app(page, app_url)
    blocked = re.compile(r"user-scalable\s*=\s*(no|0)|maximum-scale\s*=\s*1(\.0*)?\b")
    tags = {
        frame.url: frame.evaluate(
            "[...document.querySelectorAll('meta[name=viewport]')].map(m => m.content)"
        )
        for frame in page.frames
    }
    assert any(tags.values()), "no viewport tag found at all"
    assert {url: c for url, c in tags.items() if any(blocked.search(v) for v in c)} == {}


def _tab_to(page, selector: str, limit: int = 60):
    """Press Tab until focus is on an element matching ``selector`` in the map's frame;
    return that frame's focused element's name (aria-label), or fail."""
    frame = page.frame_locator(MAP)
    pick = f"els => els.filter(e => e.matches({selector!r})).map(e => e.getAttribute('aria-label'))"
    for _ in range(limit):
        page.keyboard.press("Tab")
        label = frame.locator(":focus").evaluate_all(pick)
        if label:
            return label[0]
    pytest.fail(f"Tab never reached {selector} in the map")


def test_a_keyboard_reaches_each_claim_and_opens_it(page, app_url):
    """Tab goes into the map and to each zone, named with side, figure, claimant and
    date; Enter opens its card; the map's own keys are said while it has focus."""
    frame = open_app(page, f"{app_url}/?{DATED}&lang=en")
    frame.locator("path.claim-ua").first.wait_for()
    wait_settled(page)
    box = _tab_to(page, ".leaflet-container")
    assert box == "Map of the claims"
    hint = frame.locator(".kcm-keys")
    assert hint.is_visible(), "the keyboard hint is not shown while the map has focus"
    assert "arrows move the map" in hint.inner_text()

    names = [_tab_to(page, "path[role=button]") for _ in range(2)]
    ukraine = next(n for n in names if n.startswith("Ukraine says"))
    for part in ("km²", "Kursk region", "Syrskyi", "said 14 Feb 2025", "days earlier", "schematic"):
        assert part in ukraine, (part, ukraine)
    russian = next(n for n in names if n.startswith("Russia says"))
    assert "2025" in russian, russian
    page.keyboard.press("Enter")
    frame.locator(".leaflet-popup-content").wait_for()
    page.keyboard.press("Escape")
    frame.locator(".leaflet-popup-content").wait_for(state="detached")

    place = _tab_to(page, ".stl-icon[role=button]")
    name, _, status = place.partition(" — ")
    assert status, f"a settlement dot is named {place!r}, without what was claimed"
    page.keyboard.press("Enter")
    frame.locator(".stl-popup", has_text=name).wait_for()


def test_the_view_in_words_follows_the_claims_switched_on(page, app_url):
    """Screen readers get the view as it is drawn: switching a claim off (a rerun of the
    map's fragment only) takes it out of the description too."""
    open_app(page, f"{app_url}/?date=2025-03-13")
    wait_settled(page)
    words = page.locator(".view-description")
    assert "Russia says Ukraine holds" in words.text_content()
    page.locator(".st-key-ru label").first.click()
    page.frame_locator(MAP).locator("path.claim-ru").first.wait_for(state="detached")
    wait_still(page)
    text = words.text_content()
    assert "Russia says Ukraine holds" not in text
    assert "Not shown in this view: Russian claim" in text
