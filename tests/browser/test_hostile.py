"""Hostile input in a real browser: no dialog opens, no injected element exists, nothing lost."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import quote

import pytest
import yaml

from deploy.local import MAP, running, serve
from geo.paths import DATA_DIR
from sandbox.hostile_corpus import CASES, Ctx, oblast
from tests.browser.actions import (
    click_layer,
    collection,
    open_app,
    open_upload_panel,
    upload,
)

PAYLOAD = '<img src=x id=pwned onerror="window.__xss=1;alert(1)">'


def watch_dialogs(page) -> list[str]:
    opened: list[str] = []
    page.on("dialog", lambda d: (opened.append(d.message), d.dismiss()))
    return opened


def assert_not_injected(page) -> None:
    for frame in page.frames:
        assert frame.evaluate("document.querySelectorAll('#pwned').length") == 0, frame.url
        assert frame.evaluate("window.__xss === undefined"), frame.url


def test_url_parameter_payloads_are_shown_as_text(page, app_url):
    dialogs = watch_dialogs(page)
    params = "&".join(f"{name}={quote(PAYLOAD)}" for name in ("lang", "date", "z", "base"))
    frame = open_app(page, f"{app_url}/?{params}")
    frame.locator("path.claim-ua").first.wait_for()
    warning = page.locator('[data-testid="stAlert"]').first
    assert "<img src=x" in warning.inner_text()
    assert_not_injected(page)
    assert dialogs == []


def test_upload_shows_layer_with_area_then_bad_file_keeps_it(page, app_url):
    frame = open_app(page, f"{app_url}/?ru=false")
    open_upload_panel(page)
    upload(page, "mine.geojson", collection(name="my estimate"))
    frame.locator("path.user-layer").wait_for()
    # The upload panel is drawn after the map in the same run: wait for it, do not race.
    page.get_by_text("km² in all").first.wait_for()
    page.get_by_text("Your layer: mine.geojson").first.wait_for()

    upload(page, "broken.geojson", '{"type": "FeatureCollection", "features": [')
    page.get_by_text("not readable GeoJSON").wait_for()
    assert frame.locator("path.user-layer").count() == 1, "earlier layer lost"
    assert page.locator(".st-key-ru input").is_checked() is False, "toggle state lost"
    assert frame.locator("path.claim-ru").count() == 0


def test_upload_property_payloads_are_text_in_the_popup(page, app_url):
    dialogs = watch_dialogs(page)
    frame = open_app(page, f"{app_url}/?ru=false&ua=false")
    open_upload_panel(page)
    upload(page, "x.geojson", collection(**{PAYLOAD: PAYLOAD}))
    layer = frame.locator("path.user-layer")
    layer.wait_for()
    click_layer(layer)
    popup = frame.locator(".leaflet-popup-content")
    popup.wait_for()
    assert popup.inner_text().count("<img src=x") == 2  # property name and value, as text
    assert_not_injected(page)
    assert dialogs == []


def test_keyboard_alone_switches_a_claim_off(page, app_url):
    frame = open_app(page, app_url)
    frame.locator("path.claim-ru").first.wait_for()
    switch = page.locator(".st-key-ru input")
    for _ in range(40):
        page.keyboard.press("Tab")
        if switch.evaluate("el => el === document.activeElement"):
            break
    else:
        pytest.fail("the Russian-claim toggle is not reachable with Tab")
    page.keyboard.press("Space")
    frame.locator("path.claim-ru").wait_for(state="detached")
    page.wait_for_url(lambda u: "ru=false" in u)


@pytest.fixture(scope="module")
def hostile_app(tmp_path_factory):
    """The app on a data set whose quote, source title and claimant carry a payload."""
    data = tmp_path_factory.mktemp("data")
    seeds = tmp_path_factory.mktemp("seeds")
    kept = ["regions.geojson", "border.geojson", "towns.geojson", "sources.json"]
    kept += ["settlements.csv", "settlement_statements.csv", "settlement_counts.csv"]
    for name in kept:
        shutil.copy(DATA_DIR / name, data / name)
    quote_text = f"Hij zegt {PAYLOAD} over 28 dorpen."
    (seeds / "hostile.txt").write_text(f"Intro. {quote_text} Einde.", encoding="utf-8")
    source = {"title": PAYLOAD, "outlet": PAYLOAD, "date": "2024-08-12",
              "url": "https://example.org/a"}  # fmt: skip
    common = {"date": "2024-08-12", "region": "RU-KRS", "confidence": "high",
              "summary_en": PAYLOAD, "summary_nl": PAYLOAD, "source_kind": "official",
              "claimant_nl": PAYLOAD, "holder": "ukraine"}  # fmt: skip
    seed_source = {**source, "seed": "seeds/hostile.txt"}
    claims = [
        {**common, "id": "x-quote", "side": "russia", "claimant": PAYLOAD,
         "metric": "settlements", "value": 28, "unit": "settlements", "quote": quote_text,
         "quote_lang": "nl", "quote_en": PAYLOAD, "source": seed_source},
        {**common, "id": "x-area", "side": "ukraine", "claimant": PAYLOAD,
         "metric": "area_km2", "value": 1000, "unit": "km2", "source": source},
    ]  # fmt: skip
    (data / "claims.yaml").write_text(yaml.safe_dump({"claims": claims}, allow_unicode=True))
    env = {"KURSK_CLAIMS_DATA_DIR": str(data), "KURSK_CLAIMS_SEEDS_DIR": str(seeds)}
    with serve(env=env) as url:
        yield url


def test_quote_source_and_claimant_payloads_are_text(page, hostile_app):
    dialogs = watch_dialogs(page)
    frame = open_app(page, hostile_app)
    zone = frame.locator("path.claim-ua")
    zone.wait_for()
    click_layer(zone)
    frame.locator(".leaflet-popup-content").wait_for()
    assert "<img src=x" in frame.locator(".leaflet-popup-content").inner_text()
    page.get_by_text(f"Hij zegt {PAYLOAD}").first.wait_for()
    assert page.locator('a[href^="javascript"]').count() == 0
    assert page.frame_locator(MAP).locator('a[href^="javascript"]').count() == 0
    assert_not_injected(page)
    assert dialogs == []


def test_markdown_in_the_file_name_is_shown_as_text(page, app_url):
    """The file name is text: no link, image or bold from Markdown in it."""
    dialogs = watch_dialogs(page)
    name = "[click](javascript:alert(1)) ![x](data:x) **bold**.geojson"
    open_app(page, app_url)
    open_upload_panel(page)
    upload(page, name, collection(name="mine"))
    page.get_by_text(f"Your layer: {name}").first.wait_for()
    assert page.locator('a[href^="javascript"]').count() == 0
    assert page.locator('img[src^="data:"]').count() == 0
    assert page.locator("strong", has_text="bold").count() == 0
    assert dialogs == []


#: The reader's line when the CPU or the wall-clock limit ended the reading.
READING_LIMIT = re.compile(r"s of computing to read|Reading this file took longer than")
#: Small limits for the server under test: the worst case ends in seconds, not 20 s;
#: one file read at a time, so a second one waits behind it.
WORST_LIMITS = "cpu_s=3,wall_s=15,memory_mb=1024,max_repair_vertices=10000000,parallel=1"


@pytest.fixture(scope="module")
def limited_app():
    with running(env={"KURSK_CLAIMS_UPLOAD_LIMITS": WORST_LIMITS}) as (url, proc):
        yield url, proc


def _status_kb(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def test_worst_upload_leaves_the_server_and_other_readers_working(on_screen, limited_app, tmp_path):
    """A 9 MB self-intersecting zigzag, read up to the CPU limit, while a second reader
    toggles a claim: the toggle is answered, the uploader gets one line, the server lives
    and its memory stays where it was (the reading happens in another process)."""
    url, proc = limited_app
    zigzag = CASES["zigzag polygon (9 MB GeoJSON, self-intersecting)"].build(
        Ctx(tmp=tmp_path, full=True)
    )
    other, page = on_screen(1400, 900), on_screen(1400, 900)
    other_map = open_app(other, url)
    other_map.locator("path.claim-ru").first.wait_for()
    open_app(page, url)
    rss_before = _status_kb(proc.pid, "VmRSS")
    open_upload_panel(page)
    upload(page, "zigzag.geojson", zigzag)
    other.locator(".st-key-ru label").click()
    other_map.locator("path.claim-ru").first.wait_for(state="detached")  # answered
    # The CPU limit ends it on a quiet machine; on a busy one the low-priority reader
    # may reach the wall-clock limit first. Either is the one line the reader is owed.
    page.get_by_text(READING_LIMIT).first.wait_for()
    assert proc.poll() is None, "the server process died"
    assert _status_kb(proc.pid, "VmRSS") - rss_before < 200_000, "server memory grew"
    other.locator(".st-key-ru label").click()
    other_map.locator("path.claim-ru").first.wait_for()


def test_a_file_waiting_behind_another_is_told_where_it_stands(on_screen, limited_app, tmp_path):
    """One big file is read at a time here: while the zigzag is read, a second reader's
    1.5 MB file (over the quick lane's 1 MB) waits, and its panel says so at once; then
    it is drawn."""
    url, _ = limited_app
    zigzag = CASES["zigzag polygon (9 MB GeoJSON, self-intersecting)"].build(
        Ctx(tmp=tmp_path, full=True)
    )
    a, b = on_screen(1400, 900), on_screen(1400, 900)
    open_app(a, url)
    b_map = open_app(b, url)
    open_upload_panel(a)
    open_upload_panel(b)
    upload(a, "zigzag.geojson", zigzag)
    a.get_by_text("Reading your file").wait_for()
    upload(b, "oblast.geojson", oblast(1_500_000))
    b.get_by_text("1 file(s) ahead of it").wait_for()
    b_map.locator("path.user-layer").wait_for()  # its turn came after the zigzag's
    b.get_by_text("km² in all").first.wait_for()
    assert b.get_by_text("file(s) ahead").count() == 0
    a.get_by_text(READING_LIMIT).first.wait_for()
