"""Map first on every screen: the first screen, unscrolled, shows both zones whole and
both headline figures, on a phone, a laptop and inside a newsroom's iframe."""

from __future__ import annotations

import pytest

from deploy.local import MAP
from tests.browser.actions import open_app
from tests.browser.conftest import SCREENS
from tests.browser.reader import LABELS_PLACED, inside, wait_settled, wait_still


def overlap(a: dict, b: dict) -> bool:
    """Two boxes share some area."""
    return not (
        a["x"] + a["width"] <= b["x"]
        or b["x"] + b["width"] <= a["x"]
        or a["y"] + a["height"] <= b["y"]
        or b["y"] + b["height"] <= a["y"]
    )


def _first_screen_shows_claims(page, width: int, height: int) -> None:
    frame = page.frame_locator(MAP)
    map_box = page.locator(MAP).bounding_box()
    legend = frame.locator(".claims-legend").bounding_box()
    frame.locator(LABELS_PLACED).wait_for(state="attached")
    shown = frame.locator(".zone-label[data-placed=yes]")
    labels = [shown.nth(i).bounding_box() for i in range(shown.count())]
    for i, box in enumerate(labels):
        assert not any(overlap(box, other) for other in labels[i + 1 :]), "labels overlap"
    for css in ("claim-ru", "claim-ua"):
        box = frame.locator(f"path.{css}").first.bounding_box()
        assert box is not None, css
        assert not overlap(box, legend), f"the legend covers {css}"
        assert inside(box, width, height), f"{css} {box} leaves the {width}×{height} screen"
        shifted = dict(box, x=box["x"] - map_box["x"], y=box["y"] - map_box["y"])
        assert inside(shifted, map_box["width"], map_box["height"]), f"{css} leaves the map"
    for side in ("russia", "ukraine"):
        box = page.locator(f".headline-{side}").first.bounding_box()
        assert box is not None, side
        assert inside(box, width, height), f"{side} headline below the fold"


@pytest.mark.parametrize("screen", SCREENS)
def test_the_first_screen_shows_both_zones_and_figures(on_screen, app_url, screen):
    width, height = SCREENS[screen]
    page = on_screen(width, height)
    open_app(page, app_url).locator("path.claim-ua").first.wait_for()
    wait_settled(page)
    _first_screen_shows_claims(page, width, height)
    legend = page.frame_locator(MAP).locator(".claims-legend > details")
    assert legend.evaluate("d => d.open") is (screen != "phone"), "legend folded only on phones"


@pytest.mark.parametrize("size", [(700, 500), (360, 640)])
def test_an_embedded_view_is_compact_and_shows_both_zones_in_the_frame(
    browser, in_article, app_url, size
):
    width, height = size
    context = browser.new_context(viewport={"width": width + 40, "height": height + 40})
    try:
        page = context.new_page()
        frame_style = "border:0;position:absolute;left:0;top:0"
        with in_article(page, f"{app_url}/?embed=true", width, height, frame_style):
            host = page.frame_locator("#host")
            host.frame_locator(MAP).locator("path.claim-ua").first.wait_for()
            app = next(f for f in page.frames if f.url.startswith(app_url) and "embed" in f.url)
            wait_still(app)  # fitted to the claims, the embedded app's runs over
            for css in ("claim-ru", "claim-ua"):
                box = host.frame_locator(MAP).locator(f"path.{css}").first.bounding_box()
                assert inside(box, width, height), f"{css} {box} not in the {width}×{height} frame"
            for side in ("russia", "ukraine"):
                box = host.locator(f".headline-{side}").first.bounding_box()
                assert inside(box, width, height), f"{side} headline outside the frame"
            # Compact: no figure cards, no downloads; a way out to the full view.
            assert app.locator(".fig-card").count() == 0
            assert app.get_by_text("Downloads").count() == 0
            full = app.get_by_role("link", name="Open the full view")
            assert "embed" not in (full.get_attribute("href") or "")
            assert app.locator(".st-key-ru").count() == 1
    finally:
        context.close()
