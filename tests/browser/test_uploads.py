"""An uploaded layer in a reader's hands: they keep using the page, and nothing cries wolf."""

from __future__ import annotations

import pytest

from tests.browser.actions import collection, open_app, open_upload_panel, query, upload
from tests.browser.reader import wait_still

ERRORS = '[data-testid="stAlertContentError"]'


def settle(page) -> None:
    """Wait until the runs the last action started have ended and the map is still."""
    wait_still(page)


def no_error_line(page, after: str) -> None:
    errors = page.locator(ERRORS).all_inner_texts()
    assert errors == [], f"error shown after {after}: {errors}"


def test_an_uploaded_layer_stays_without_an_error_while_the_reader_uses_the_page(page, app_url):
    frame = open_app(page, app_url)
    open_upload_panel(page)
    upload(page, "mine.geojson", collection(name="my estimate"))
    frame.locator("path.user-layer").wait_for()
    page.get_by_text("km² in all").first.wait_for()
    settle(page)
    no_error_line(page, "the upload")

    before = query(page)["date"]
    page.get_by_role("button", name="Next claim ▶").click()
    page.wait_for_url(lambda u: f"date={before}" not in u)
    settle(page)
    no_error_line(page, "stepping the date")

    page.locator(".st-key-ru label").first.click()
    page.wait_for_url(lambda u: "ru=false" in u)
    settle(page)
    no_error_line(page, "switching a claim off")

    panels = {
        "Over time": page.locator('[data-testid="stVegaLiteChart"]').first,
        "Sources": page.get_by_role("heading", name="Sources").first,
        "Settlements": page.get_by_text("Search a settlement").first,
        "Figures": page.get_by_role("heading", name="Figures").first,
    }
    for name, shown in panels.items():
        page.locator('[data-testid="stButtonGroup"]').get_by_text(name, exact=True).click()
        shown.wait_for()
        settle(page)
        no_error_line(page, f"opening {name}")

    page.get_by_role("button", name="Previous claim", exact=False).click()
    page.wait_for_url(lambda u: f"date={before}" in u)
    settle(page)
    no_error_line(page, "stepping back")
    assert frame.locator("path.user-layer").count() == 1, "the layer was lost"

    page.get_by_role("button", name="Remove my layer").click()
    frame.locator("path.user-layer").wait_for(state="detached")
    settle(page)
    no_error_line(page, "removing the layer")
    assert page.get_by_text("km² in all").count() == 0


#: What the browser reports as its platform: Streamlit's uploader counts a megabyte as
#: 2^20 bytes on Windows and 10^6 elsewhere, so a file of 10.2 MB is refused by the
#: browser on Linux and reaches the app on Windows. Both must be told in the page language.
PLATFORM_JS = "Object.defineProperty(navigator, 'platform', {get: () => '%s'})"


@pytest.mark.parametrize(
    ("platform", "said"),
    [("Linux x86_64", "Het bestand is groter dan 10 MB"),
     ("Win32", "Het bestand is 10,2 MB; er kan hoogstens 10 MB worden gelezen")],
    ids=["browser-refuses", "app-refuses"],
)  # fmt: skip
def test_a_file_over_the_size_limit_is_refused_in_the_page_language(page, app_url, platform, said):
    page.add_init_script(PLATFORM_JS % platform)
    frame = open_app(page, f"{app_url}/?lang=nl")
    page.get_by_text("Voeg je eigen laag toe").click()
    upload(page, "mine.geojson", collection(name="mijn schatting"))
    frame.locator("path.user-layer").wait_for()
    upload(page, "groot.geojson", b" " * 10_200_000)
    page.get_by_text(said).first.wait_for()
    assert page.get_by_text("or smaller").count() == 0, "Streamlit's English line is shown"
    assert frame.locator("path.user-layer").count() == 1, "the earlier layer was lost"
