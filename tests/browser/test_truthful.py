"""In a real browser: labels sit on their zones, stale figures look stale."""

from __future__ import annotations

from tests.browser.actions import open_app
from tests.browser.reader import LABELS_PLACED, wait_settled


def test_zone_labels_sit_over_their_zones_not_off_the_map(page, app_url):
    """Two-line labels once were measured too wide and hung ~200 px to the left."""
    frame = open_app(page, f"{app_url}/?date=2024-08-12&base=none")
    zone = frame.locator("path.claim-ua").first
    zone.wait_for()
    frame.locator(LABELS_PLACED).wait_for(state="attached")
    label = frame.locator(".zone-label.label-ukraine[data-placed=yes]").first
    label.wait_for()
    wait_settled(page)  # fitted to the claims: labels are placed for the final view
    z, lab = zone.bounding_box(), label.bounding_box()
    assert abs((lab["x"] + lab["width"] / 2) - (z["x"] + z["width"] / 2)) < 40
    assert "1,000 km²" in label.inner_text()  # in full or on one line, as it fits


def test_26_april_2025_draws_ukraines_february_figure_as_stale(page, app_url):
    frame = open_app(page, f"{app_url}/?date=2025-04-26&base=none")
    stale = frame.locator("path.claim-ua.claim-stale")
    stale.wait_for()
    assert stale.get_attribute("fill-opacity") == "0"
    label = frame.locator(".zone-label.label-ukraine .zl-full").text_content()
    assert "71 days earlier" in label
    assert "replaced by this side's statement of 16 Mar 2025" in label
    # Kursk "fully liberated": 0 km², nothing drawn there; Russia's only zone that day is
    # its Sumy figure.
    assert frame.locator("path.claim-ru").count() == 1
    legend = frame.locator(".claims-legend").inner_text()
    assert "Russia says Ukraine holds: 0 km² (“fully liberated”) — no zone drawn" in legend
