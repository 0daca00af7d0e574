"""The app's own routes, through Starlette's test client (no Streamlit server needed)."""

from __future__ import annotations

import datetime as dt
import io
import re
from html.parser import HTMLParser
from urllib.parse import urlencode, urlsplit

import geopandas as gpd
import pandas as pd
import pytest
from PIL import Image
from starlette.applications import Starlette
from starlette.testclient import TestClient

import geo
from components.present import leaflet
from components.present.embed import iframe_snippet
from components.present.exports import csv_headers
from components.present.links import share_url
from components.present.urls import ViewState, to_query
from web.routes import routes

BASE = "http://testserver"
#: Three views a reader might share: EN seed day, NL with one side, EN with estimates.
VIEWS = [
    ViewState(date=dt.date(2024, 8, 12)),
    ViewState(lang="nl", ru=False, date=dt.date(2024, 8, 27), lat=51.2, lon=35.1, z=9),
    ViewState(ind=True, date=dt.date(2024, 11, 22), z=7, base="none"),
]
MALFORMED = [
    "ru=maybe", "ua=", "ind=2", "lang=fr", "lang=%3Cscript%3E", "date=2024-13-01",
    "date=2023-01-01", "date=20240812", "date=2024-08-12T00:00", "lat=abc", "lat=nan",
    "lat=91", "lat=1e309", "lon=inf", "lon=0", "z=99", "z=1.5", "z=-1", "base=satellite",
    "x=" + "a" * 1200,
]  # fmt: skip


def q(state: ViewState) -> str:
    return urlencode(to_query(state))


def visible_zones(zones_on, state: ViewState) -> dict[str, float]:
    """Side → drawn km² of what the page draws for this view."""
    zones = zones_on(state.date)
    shown = zones[zones["side"].isin(state.sides()) & ~zones.geometry.is_empty]
    return {row.side: round(float(row.drawn_area_km2), 1) for row in shown.itertuples()}


def test_a_view_dated_after_the_record_exports_its_last_day(client):
    """As the page opens such a link on the record's last day, so do its files."""
    answer = client.get("/export/view.csv?date=2026-06-01")
    assert answer.status_code == 200
    assert "kursk-claims-2026-03-08-figures.csv" in answer.headers["content-disposition"]


@pytest.mark.parametrize("state", VIEWS, ids=lambda s: f"{s.lang}-{s.date}")
def test_geojson_export_has_the_zones_the_page_draws(client, zones_on, state):
    answer = client.get(f"/export/view.geojson?{q(state)}")
    assert answer.status_code == 200
    frame = gpd.read_file(io.BytesIO(answer.content))
    frame = frame[frame["layer"] == "claim_zone"]  # the date's settlements follow the zones
    drawn = {
        side: round(float(km2), 1)
        for side, km2 in zip(frame["side"], frame["drawn_area_km2"], strict=True)
    }
    assert drawn == visible_zones(zones_on, state)
    assert f"kursk-claims-{state.date}-zones.geojson" in answer.headers["content-disposition"]


@pytest.mark.parametrize("state", VIEWS, ids=lambda s: f"{s.lang}-{s.date}")
def test_csv_export_opens_in_a_spreadsheet_in_the_page_language(client, claims, state):
    answer = client.get(f"/export/view.csv?{q(state)}")
    assert answer.content.startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 only with a BOM
    back = pd.read_csv(io.BytesIO(answer.content), encoding="utf-8-sig", dtype=str)
    assert ("datum" in back.columns) == (state.lang == "nl")
    back.columns = csv_headers("en")  # the stable ids, whatever the page's language
    expected = geo.claims_as_of(claims, state.date)
    figures = back[back["record"] == "figure"]
    assert sorted(figures["id"]) == sorted(expected["id"])
    assert (back["record"] == "settlement_claim").any()  # the villages named by then


@pytest.mark.parametrize("state", VIEWS, ids=lambda s: f"{s.lang}-{s.date}")
def test_png_export_is_the_views_map_with_its_date(client, state):
    answer = client.get(f"/export/view.png?{q(state)}")
    image = Image.open(io.BytesIO(answer.content))
    assert image.size == (1600, 1000)
    day = str(state.date.day)
    assert day in image.info["Title"]


def test_png_export_follows_the_readers_zoom(client):
    near = client.get(f"/export/view.png?{q(ViewState(z=10))}").content
    far = client.get(f"/export/view.png?{q(ViewState(z=7))}").content
    assert near != far


@pytest.mark.parametrize("state", VIEWS, ids=lambda s: f"{s.lang}-{s.date}")
def test_html_export_has_a_title_and_the_views_centre(client, state):
    page = client.get(f"/export/view.html?{q(state)}").text
    title = re.search(r"<title>(.*?)</title>", page).group(1)
    assert str(state.date.year) in title
    assert f"{state.lat}" in page
    assert leaflet.PREFIX not in page


@pytest.mark.parametrize("query", MALFORMED)
def test_malformed_query_gets_400_with_a_one_line_reason(client, query):
    answer = client.get(f"/export/view.csv?{query}")
    assert answer.status_code == 400
    reason = answer.text.strip()
    assert "\n" not in reason
    assert "Traceback" not in reason
    name = query.split("=")[0]
    assert name in reason or "too long" in reason
    assert answer.headers["content-type"].startswith("text/plain")


def test_same_link_gives_same_bytes_and_etag_and_a_304_when_fresh(client):
    url = f"/export/view.geojson?{q(VIEWS[1])}"
    first, second = client.get(url), client.get(url)
    assert first.content == second.content
    assert first.headers["etag"] == second.headers["etag"]
    assert "max-age" in first.headers["cache-control"]
    again = client.get(url, headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304
    other = client.get(f"/export/view.geojson?{q(VIEWS[0])}")
    assert other.headers["etag"] != first.headers["etag"]


class Meta(HTMLParser):
    """Collects <meta> tags and links of a page, as a link unfurler would."""

    def __init__(self) -> None:
        super().__init__()
        self.meta: dict[str, str] = {}
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        attrs = dict(attrs)
        key = attrs.get("property") or attrs.get("name") or attrs.get("http-equiv")
        if tag == "meta" and key:
            self.meta[key] = attrs.get("content", "")


def unfurl(client, query: str) -> dict[str, str]:
    parser = Meta()
    parser.feed(client.get(f"/share?{query}").text)
    return parser.meta


def test_share_page_has_preview_tags_in_the_links_language(client):
    meta = unfurl(client, q(VIEWS[1]))
    assert "27 aug 2024" in meta["og:title"]
    assert "Oekraïense bewering" in meta["og:title"]
    assert "1.294 km²" in meta["og:description"]
    assert "Syrski" in meta["og:description"]  # the Dutch spelling, as on the Dutch page
    assert meta["twitter:card"] == "summary_large_image"
    assert meta["og:url"] == f"{BASE}/share?{q(VIEWS[1])}"


def test_share_preview_says_when_a_figure_is_derived_or_old(client):
    meta = unfurl(client, "date=2025-03-13")
    assert "(derived)" in meta["og:description"]
    assert "27 days earlier" in meta["og:description"]


def test_share_image_is_a_1200_by_630_png_of_the_view(client):
    meta = unfurl(client, q(VIEWS[0]))
    image_url = urlsplit(meta["og:image"])
    answer = client.get(f"{image_url.path}?{image_url.query}")
    assert Image.open(io.BytesIO(answer.content)).size == (1200, 630)
    assert (meta["og:image:width"], meta["og:image:height"]) == ("1200", "630")


def test_hostile_query_cannot_inject_markup_into_the_share_page(client):
    hostile = 'x="><script>alert(1)</script>&lang=en'
    parser = Meta()
    parser.feed(client.get(f"/share?{hostile}").text)
    assert "script" not in parser.tags
    forwarded = Meta()
    forwarded.feed(client.get('/share?date="><script>alert(1)</script>').text)
    assert "script" not in forwarded.tags  # the bad value goes on to the app, escaped
    assert forwarded.meta["refresh"].startswith("0; url=./?date=%22%3E%3Cscript")


def test_hostile_host_header_never_reaches_the_share_page(client):
    page = client.get("/share", headers={"Host": 'evil"><script>x</script>'}).text
    assert "<script>" not in page
    assert "evil" not in page


def test_oembed_gives_the_static_embed_snippet(client):
    share = f"{BASE}/share?{q(VIEWS[0])}"
    body = client.get("/oembed", params={"url": share}).json()
    assert body["type"] == "rich"
    assert body["version"] == "1.0"
    assert body["html"] == iframe_snippet(f"{BASE}/embed?{q(VIEWS[0])}", body["title"])
    assert body["thumbnail_width"] == 1200


@pytest.mark.parametrize(
    ("url", "status"),
    [("https://elsewhere.example/share?z=8", 404), (f"{BASE}/share?z=99", 400), ("", 404)],
)
def test_oembed_refuses_other_sites_and_bad_views(client, url, status):
    assert client.get("/oembed", params={"url": url}).status_code == status


def test_every_response_carries_the_security_headers(client):
    answer = client.get(f"/share?{q(VIEWS[0])}")
    csp = answer.headers["content-security-policy"]
    assert "frame-ancestors 'self' https: " in csp
    assert "https://tile.openstreetmap.org" in csp
    assert "x-frame-options" not in answer.headers  # would stop newsrooms embedding
    assert answer.headers["referrer-policy"] == "strict-origin-when-cross-origin"
    sources = [token for directive in csp.split(";") for token in directive.split()[1:]]
    assert "*" not in sources  # no directive lets any origin in


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ("https://kursk.example/?z=9&date=2024-08-12", "https://kursk.example/share?ru=true"),
        ("https://news.example/maps/kursk/", "https://news.example/maps/kursk/share?ru=true"),
        ("", "./share?ru=true"),
    ],
)
def test_share_link_points_at_the_preview_page(page, expected):
    assert share_url(page, ViewState()).startswith(expected)


def test_broken_data_is_a_503_with_the_reason_not_a_traceback(monkeypatch):
    import web.routes
    from geo.errors import DataError

    def broken():
        raise DataError("data/claims.yaml: line 3: not a mapping")

    monkeypatch.setattr(web.routes, "_data", broken)
    app = Starlette(routes=routes(), exception_handlers=web.routes.exception_handlers())
    with TestClient(app, raise_server_exceptions=False) as client:
        for path in ("/export/view.csv", "/share", "/embed", f"/oembed?url={BASE}/share"):
            answer = client.get(path)
            assert answer.status_code == 503, path
            assert (
                answer.text.strip() == "data unavailable: data/claims.yaml: line 3: not a mapping"
            )


def test_renders_beyond_the_pool_are_refused_at_once_with_retry_after(client, monkeypatch):
    """One render at a time, one more waiting: a third PNG is told 503 + Retry-After at
    once instead of queueing behind them; a CSV (no render) is still answered."""
    import threading

    import web.routes
    from components.render.pool import RenderPool

    pool = RenderPool(workers=1, queue=1, wait_s=60, run=lambda fn, a, k: fn(*a, **k))
    monkeypatch.setattr(web.routes, "renders", lambda: pool)
    release = threading.Event()

    def until(inside: int) -> None:
        """Wait (bounded) until this many requests hold or wait for a render slot."""
        for _ in range(2000):
            if pool.inside() >= inside:
                return
            release.wait(0.01)

    build = web.routes.exports.build

    def held(kind, *args):
        if kind != "png":
            return build(kind, *args)
        release.wait(60)
        return b"\x89PNG held"

    monkeypatch.setattr(web.routes.exports, "build", held)
    answers: dict[str, int] = {}

    def fetch(name: str, lat: float) -> None:
        answers[name] = client.get(f"/export/view.png?lat={lat}&lon=35.1&z=9").status_code

    first = threading.Thread(target=fetch, args=("first", 51.01))
    second = threading.Thread(target=fetch, args=("second", 51.02))
    third = threading.Thread(target=fetch, args=("third", 51.03))
    try:
        first.start()
        until(1)  # the first holds the slot
        second.start()
        until(2)  # the second waits for it
        third.start()
        third.join(timeout=20)
        assert not third.is_alive(), "the third render queued instead of being refused"
        assert answers["third"] == 503
        busy = client.get("/export/view.png?lat=51.04&lon=35.1&z=9")
        assert busy.status_code == 503
        assert busy.headers["retry-after"] == "5"
        assert busy.headers["cache-control"] == "no-store"
        assert client.get("/export/view.csv?lat=51.04").status_code == 200
    finally:
        release.set()
        for thread in (first, second, third):
            thread.join(timeout=20)
    assert (answers["first"], answers["second"]) == (200, 200)


def test_a_render_runs_in_a_bounded_child_not_in_the_server():
    import os

    from components.render.pool import RenderPool

    assert RenderPool().render(os.getpid) != os.getpid()
