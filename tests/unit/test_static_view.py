"""The static view of a link (/embed, /share), correct HTTP for caches, gzip for `make run`.

Through Starlette's test client (no Streamlit server): what a phone, a crawler and a cache
in front get for a link.
"""

from __future__ import annotations

import datetime as dt
import gzip
import html
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode

import pytest
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.responses import Response
from starlette.routing import Route
from starlette.testclient import TestClient

from components.present import leaflet as leaflet_files
from components.present.describe import view_sentences
from components.present.headline import headline_html
from components.present.urls import ViewState, to_query
from tests.unit.records_of import typed
from web import public
from web.compress import Compress
from web.routes import middleware, routes

BASE = "http://testserver"
FORGED = "evil.example"


def q(state: ViewState) -> str:
    return urlencode(to_query(state))


class Page(HTMLParser):
    """Tags, attributes and text of a page, as a screen reader or crawler walks it."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)

    def all(self, tag: str) -> list[dict]:
        return [attrs for name, attrs in self.tags if name == tag]

    def meta(self) -> dict[str, str]:
        out = {}
        for attrs in self.all("meta"):
            key = attrs.get("property") or attrs.get("name") or attrs.get("http-equiv")
            if key:
                out[key] = attrs.get("content", "")
        return out

    def classes(self) -> set[str]:
        return {c for _, attrs in self.tags for c in (attrs.get("class") or "").split()}


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_static_embed_is_one_page_with_both_claims_and_no_app(client, zones_on, lang):
    state = ViewState(lang=lang, date=dt.date(2024, 8, 12))
    answer = client.get(f"/embed?{q(state)}")
    assert answer.status_code == 200
    page = Page(answer.text)
    # No Streamlit: no script at all, no socket address, no bundle.
    assert page.all("script") == []
    assert "_stcore" not in answer.text
    assert "/static/js" not in answer.text
    # Both claims drawn, as the live map classes them.
    assert {"claim-ru", "claim-ua"} <= page.classes()
    # The same description the live page gives screen readers, sentence by sentence.
    zones = typed(zones_on(state.date))
    text = " ".join(page.text)
    for sentence in view_sentences(zones, state.sides(), lang, state.date):
        assert sentence in text
    # And the live page's own headline boxes, word for word.
    assert headline_html(zones, lang) in answer.text
    # Accessible from the start: language, one h1, a main landmark, a described map.
    assert page.all("html")[0]["lang"] == lang
    assert len(page.all("h1")) == 1
    assert len(page.all("main")) == 1
    svg = page.all("svg")[0]
    assert svg["role"] == "img"
    assert svg["aria-describedby"] == "view-desc"
    viewport = page.meta()["viewport"]
    assert "user-scalable=no" not in viewport
    assert "maximum-scale=1" not in viewport
    # The button reaches the live app (embed mode) at the same view.
    live = next(a for a in page.all("a") if "button" in a.get("class", ""))
    assert live["href"] == f"./?{q(state)}&embed=true"


def test_static_embed_words_come_in_the_links_language(client):
    en = client.get("/embed?date=2025-03-13&lang=en").text
    nl = client.get("/embed?date=2025-03-13&lang=nl").text
    assert "Not current" in en
    assert "Niet actueel" in nl
    assert "afgeleid" in nl
    assert "derived" not in nl


def test_static_embed_of_a_cut_short_link_shows_the_fallback_with_the_apps_notice(client):
    answer = client.get("/embed?date=2024-08-1&lang=nl")
    assert answer.status_code == 200
    assert "Ongeldige linkparameter date=2024-08-1" in html.unescape(answer.text)
    assert {"claim-ru", "claim-ua"} <= Page(answer.text).classes()


def test_share_link_cut_short_goes_on_to_the_app_with_valid_tags(client):
    answer = client.get("/share?date=2024-08-1&lang=nl")
    assert answer.status_code == 200
    meta = Page(answer.text).meta()
    # The app gets the link as it was, and shows its usual notice there.
    assert meta["refresh"] == "0; url=./?date=2024-08-1&lang=nl"
    # Crawlers read the tags of the view the app will show: the data's first day, in Dutch.
    assert "date=2024-08-12" in meta["og:url"]
    assert "12 aug 2024" in meta["og:title"]
    assert "Traceback" not in answer.text


def test_share_page_shows_the_view_and_waits_for_a_tap(client):
    state = ViewState(lang="nl", ru=False, date=dt.date(2024, 8, 27), lat=51.2, lon=35.1, z=9)
    page = Page(client.get(f"/share?{q(state)}").text)
    assert "refresh" not in page.meta()  # static first: the live app is one tap away
    assert "claim-ua" in page.classes()
    assert "claim-ru" not in page.classes()  # switched off in this link
    live = next(a for a in page.all("a") if "button" in a.get("class", ""))
    assert live["href"] == f"./?{q(state)}"


@pytest.mark.parametrize("path", ["/share", "/share?date=2024-08-27", "/share?date=2024-08-1"])
def test_a_forged_host_never_appears_in_share(client, path):
    answer = client.get(path, headers={"Host": FORGED})
    assert FORGED not in answer.text
    assert f"{BASE}/share?" in answer.text  # the listening address, not the header


def test_a_forged_host_never_appears_in_oembed(client):
    url = f"http://{FORGED}/share?date=2024-08-27"
    answer = client.get("/oembed", params={"url": url}, headers={"Host": FORGED})
    assert answer.status_code == 200  # the consumer used that name; it gates, never echoes
    assert FORGED not in answer.text
    assert f"{BASE}/embed?" in answer.json()["html"]


def test_configured_public_url_names_every_absolute_link(monkeypatch):
    monkeypatch.setenv(public.ENV, "https://kursk.example.org/maps/")
    app = Starlette(routes=routes(), middleware=middleware())
    with TestClient(app, base_url=BASE) as client:
        meta = Page(client.get("/share?lang=nl", headers={"Host": FORGED}).text).meta()
        snippet = client.get(
            "/oembed", params={"url": "https://kursk.example.org/maps/share?lang=nl"}
        ).json()["html"]
    assert meta["og:url"].startswith("https://kursk.example.org/maps/share?")
    assert meta["og:image"].startswith("https://kursk.example.org/maps/share/card.png?")
    assert 'src="https://kursk.example.org/maps/embed?' in snippet


@pytest.mark.parametrize("raw", ["kursk.example.org", "ftp://x.example", "https://x.example/?a=1"])
def test_unusable_public_url_falls_back_to_the_listening_address(raw):
    assert public.configured({public.ENV: raw}) is None
    assert public.base_url({"scheme": "http", "server": ("127.0.0.1", 8501)}, {public.ENV: raw}) \
        == "http://127.0.0.1:8501"  # fmt: skip


@pytest.mark.parametrize("maxwidth", ["abc", "-5", "1e9", "99999999"])
def test_oembed_bad_maxwidth_is_one_line_in_words(client, maxwidth):
    answer = client.get("/oembed", params={"url": f"{BASE}/share", "maxwidth": maxwidth})
    assert answer.status_code == 400
    assert answer.text == "maxwidth must be a whole number of pixels\n"


def test_unreadable_data_is_a_503_without_a_server_path(monkeypatch):
    import web.routes

    def broken():
        raise FileNotFoundError(2, "No such file or directory", "/srv/secret/data/claims.yaml")

    monkeypatch.setattr(web.routes, "_data", broken)
    app = Starlette(routes=routes(), exception_handlers=web.routes.exception_handlers())
    with TestClient(app, raise_server_exceptions=False) as client:
        answer = client.get("/embed")
    assert answer.status_code == 503
    assert answer.text == "data unavailable: the data files could not be read\n"


def test_static_pages_revalidate_with_their_etag(client):
    first = client.get("/embed?date=2024-08-27")
    tag = first.headers["etag"]
    assert tag.startswith('W/"')  # gzipped for this client: a weak validator of the same page
    again = client.get("/embed?date=2024-08-27", headers={"If-None-Match": tag})
    assert again.status_code == 304
    other = client.get("/embed?date=2024-08-27&lang=nl")
    assert other.headers["etag"] != tag


def test_stylesheet_is_served_under_its_digest_for_a_year(client):
    page = Page(client.get("/embed").text)
    href = next(a["href"] for a in page.all("link") if a.get("rel") == "stylesheet")
    assert re.fullmatch(r"\./embed/view\.css\?v=[0-9a-f]{12}", href)
    css = client.get(href[1:])
    assert css.headers["content-type"].startswith("text/css")
    assert "immutable" in css.headers["cache-control"]
    assert ".headline" in css.text  # the headline boxes' rules, from their one home
    assert ":focus-visible" in css.text  # keyboard focus stays visible


# -- gzip for `make run` ---------------------------------------------------------------------

BIG = "const x = 1;\n" * 4000


def immutable_asset(_request) -> Response:
    headers = {"Cache-Control": "public, max-age=31536000, immutable", "ETag": '"abc"'}
    return Response(BIG, media_type="text/javascript", headers=headers)


def already_packed(_request) -> Response:
    body = gzip.compress(BIG.encode())
    return Response(body, media_type="text/javascript", headers={"Content-Encoding": "gzip"})


@pytest.fixture
def gz():
    routes_ = [Route("/static/js/app.js", immutable_asset), Route("/packed.js", already_packed)]
    app = Starlette(routes=routes_, middleware=[Middleware(Compress)])
    with TestClient(app) as client:
        yield app, client


def test_run_alone_sends_the_bundles_gzipped_when_the_browser_asks(gz):
    _, client = gz
    answer = client.get("/static/js/app.js", headers={"Accept-Encoding": "gzip, br"})
    assert answer.headers["content-encoding"] == "gzip"
    assert answer.text == BIG  # httpx decodes: the same bytes
    assert int(answer.headers["content-length"]) < len(BIG) / 10
    assert answer.headers["etag"] == 'W/"abc"'
    assert "Accept-Encoding" in answer.headers["vary"]
    plain = client.get("/static/js/app.js", headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers
    assert plain.headers["etag"] == '"abc"'


def test_an_answer_compressed_already_is_left_alone(gz):
    _, client = gz
    answer = client.get("/packed.js", headers={"Accept-Encoding": "gzip"})
    assert answer.text == BIG  # decoded once: not compressed twice


def test_an_immutable_asset_is_compressed_once_per_process(gz, monkeypatch):
    _, client = gz
    calls = []
    real = gzip.compress
    monkeypatch.setattr(gzip, "compress", lambda *a, **k: calls.append(1) or real(*a, **k))
    for _ in range(3):
        client.get("/static/js/app.js", headers={"Accept-Encoding": "gzip"})
    assert len(calls) == 1


def test_every_path_the_readme_names_is_served(client):
    """The README's route table and its Leaflet path are real paths, not the app's fallback."""
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    table = readme.split("| Route | What |", 1)[1].split("\n\n", 1)[0]
    paths = set(re.findall(r"`(/[a-z/._]*(?:\{[a-z,]*\})?[a-z/._]*)", table))
    assert "/embed" in paths
    served = {route.path for route in routes()}
    for path in paths:
        concrete = path.replace("{geojson,csv,png,html}", "{kind}")
        assert concrete in served, path
    # Leaflet is served by Streamlit's component route from the installed package.
    leaflet = re.search(r"`(/component/[^`]+/)`", readme).group(1)
    assert leaflet + "leaflet.js" == leaflet_files.LEAFLET_JS


def test_a_pages_etag_follows_every_template_it_is_drawn_from():
    """The headline boxes and legend of /embed and /share come from the present layer's
    templates: changing one must change the pages' tag, or caches answer 304 with the old
    page."""
    from web import pages

    names = {p.name for p in pages.versioned_files()}
    assert {"view.html", "share.html", "headline.html.j2", "headline.css"} <= names
