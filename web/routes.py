"""Starlette glue: the app's own routes, middleware and lifespan for ``st.App``.

Thin on purpose: each handler parses the view with web.views, calls a pure builder
(web.exports, web.share, web.health) and sets the HTTP headers.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import signal
import threading
from collections.abc import AsyncIterator, Callable, Iterator
from urllib.parse import parse_qsl, urlencode, urlsplit

import geopandas as gpd
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from components.present.exports.settlements_file import Places
from components.present.urls import (
    APP,
    EMBED,
    EMBED_CSS,
    EXPORT,
    OEMBED,
    READY,
    SHARE,
    SHARE_CARD,
    VIEW_PATHS,
    ViewState,
)
from components.render.pool import RETRY_AFTER_S, Busy, LastFiles, renders
from components.render.upload import map_large_buffers
from geo import dataset
from geo.errors import DataError
from geo.paths import DATA_DIR
from geo.records import ClaimZone
from geo.registry import sha256_hex
from sandbox.process import also_preload
from web import exports, pages, public, share
from web.compress import Compress
from web.headers import SecurityHeaders
from web.health import Readiness
from web.views import QueryError, etag, lenient_view, view_from_query

LOG = logging.getLogger(__name__)
#: Files are a pure function of data, code version and link: caches may keep them.
CACHE_CONTROL = "public, max-age=3600"
#: The stylesheet's URL carries its digest: a changed file is a new URL.
IMMUTABLE = "public, max-age=31536000, immutable"
READINESS = Readiness()


def _data() -> dataset.Data:
    """The data set (geo.dataset: loaded once per process, shared with the page)."""
    return dataset.load_data()


def _places() -> Places:
    """The settlements and their statements, typed (what the GeoJSON and CSV list)."""
    return dataset.settlement_records()


def _zones(state: ViewState) -> gpd.GeoDataFrame:
    """The view's date's zone table (what the GeoJSON writes)."""
    return dataset.zones_as_of(state.date)


def _zone_records(state: ViewState) -> tuple[ClaimZone, ...]:
    """The same zones typed (geo.records): what pages and previews word and draw."""
    return dataset.zones_on(state.date)


@functools.cache
def data_version() -> str:
    """Digest of every data file and the export format: part of each ETag."""
    files = sorted(p for p in DATA_DIR.iterdir() if p.is_file())
    body = b"".join(p.name.encode() + p.read_bytes() for p in files)
    return sha256_hex(exports.EXPORTS_VERSION.encode() + body)[:16]


def _view_of(query: str):
    """The view a query string asks for, within the data's dates (QueryError if bad)."""
    data = _data()
    return view_from_query(query, data.date_range, data.seed_date)


def _view(request: Request):
    return _view_of(request.url.query)


def _base(request: Request) -> str:
    """The public base URL (configured, or the listening address): never the Host header."""
    return public.base_url(request.scope)


def _fresh(request: Request, tag: str) -> bool:
    """Whether the client's copy (If-None-Match, weak comparison: a gzipped copy is W/) is this."""
    sent = request.headers.get("if-none-match", "")
    tags = {t.strip().removeprefix("W/") for t in sent.split(",")}
    return "*" in tags or tag in tags


#: Exports drawn by matplotlib or folium (60–300 ms of CPU each): one render pool per
#: replica meters them and draws each in a bounded child (components/render/pool.py);
#: the rest cost a few milliseconds and are made here.
RENDERED = {"png", "og", "html"}
_LAST_FILES = LastFiles(32)


def prepare_process() -> None:
    """Set up this server process once, before its first reader (``serve.py``): the
    forkserver will import the drawing code once (before its first child), the render
    pool is sized from the environment, and glibc maps big buffers on their own."""
    also_preload("web.exports")
    renders()
    map_large_buffers()


def _file(kind: str, state) -> bytes:
    """Built bytes, kept for the last 32 links (a viral link is asked for again and again);
    a rendered kind waits for a turn in the render pool (``Busy`` if none comes)."""

    def make() -> bytes:
        data = exports.ExportData.of(_data())
        if kind not in RENDERED:
            return exports.build(kind, state, data, _zones(state), _places())
        return renders().render(exports.build, kind, state, data, _zones(state))

    return _LAST_FILES.get((kind, state), make)


def _busy() -> Response:
    """503 with Retry-After: every render slot is taken (a flood, or a crowd)."""
    return PlainTextResponse(
        "busy rendering other views; try again in a few seconds\n",
        status_code=503,
        headers={"Retry-After": str(RETRY_AFTER_S), "Cache-Control": "no-store"},
    )


def _cached(request: Request, kind: str, media_type: str, attachment: bool = True) -> Response:
    """Answer a file request: 400 for a bad link, 304 for a fresh cache, else the bytes."""
    try:
        state = _view(request)
    except QueryError as exc:
        return PlainTextResponse(f"{exc}\n", status_code=400)
    tag = etag(kind, state, data_version())
    common = {"ETag": tag, "Cache-Control": CACHE_CONTROL}
    if attachment:
        name = exports.file_name(kind, state)
        common["Content-Disposition"] = f'attachment; filename="{name}"'

    if _fresh(request, tag):
        return Response(status_code=304, headers=common)
    try:
        body = _file(kind, state)
    except Busy:
        return _busy()
    except Exception:
        LOG.exception("export %s failed", kind)
        return PlainTextResponse("could not build this file\n", status_code=500)
    return Response(body, media_type=media_type, headers=common)


def export(request: Request) -> Response:
    """GET /export/view.{geojson,csv,png,html}?<view>: the download links' files."""
    kind = request.path_params["kind"]
    if kind not in exports.KINDS:
        return PlainTextResponse(f"unknown export {kind!r}\n", status_code=404)
    return _cached(request, kind, exports.KINDS[kind].media_type)


def share_card(request: Request) -> Response:
    """GET /share/card.png?<view>: the 1200×630 preview picture."""
    return _cached(request, "og", "image/png", attachment=False)


def _lenient(request: Request):
    data = _data()
    return lenient_view(request.url.query, data.date_range, data.seed_date)


@functools.lru_cache(maxsize=64)
def _built_page(kind: str, state, notices: tuple, base: str, forward: str | None) -> bytes:
    """A static page's bytes, kept for the last 64 (a viral link is asked for again and again)."""
    if kind == "share":
        page = share.share_page(base, state, _data(), _zone_records(state), list(notices), forward)
    else:
        page = pages.view_page("embed", share.title(state), state, list(notices), _data(),
                               _zone_records(state))  # fmt: skip
    return page.encode("utf-8")


def _page(request: Request, kind: str, state, notices: list, forward: str | None = None):
    """A static view page: ETag from what it is built from, 304 when fresh, else the HTML."""
    base = _base(request) if kind == "share" else ""
    extra = [f"{n.name}={n.value}" for n in notices]
    tag = etag(kind, state, data_version() + pages.code_version(), base, *extra)
    headers = {"ETag": tag, "Cache-Control": CACHE_CONTROL}
    if _fresh(request, tag):
        return Response(status_code=304, headers=headers)
    body = _built_page(kind, state, tuple(notices), base, forward)
    return Response(body, media_type="text/html; charset=utf-8", headers=headers)


def share_page(request: Request) -> Response:
    """GET /share?<view>: preview tags for crawlers and the view itself, static, for people.

    A link with a bad or cut-short parameter goes on to the app, which shows its usual
    notice; its tags are those of the view the app will show (bad values at their default).
    """
    state, notices = _lenient(request)
    forward = None
    if notices:
        kept = parse_qsl(request.url.query, keep_blank_values=True)[:20]
        forward = f"./?{urlencode(kept)}" if notices[0].name != "query" else "./"
    return _page(request, "share", state, notices, forward)


def embed_page(request: Request) -> Response:
    """GET /embed?<view>: the static embed, one small page; the live app is one tap away."""
    state, notices = _lenient(request)
    return _page(request, "embed", state, notices)


def view_css(request: Request) -> Response:
    """GET /embed/view.css: the static pages' stylesheet (its URL carries its digest)."""
    body = pages.stylesheet()
    tag = '"' + pages.code_version() + '"'
    headers = {"ETag": tag, "Cache-Control": IMMUTABLE}
    if _fresh(request, tag):
        return Response(status_code=304, headers=headers)
    return Response(body, media_type="text/css; charset=utf-8", headers=headers)


def oembed(request: Request) -> Response:
    """GET /oembed?url=<a link to this app>[&maxwidth=N]: oEmbed 1.0 JSON, type rich."""
    fmt = request.query_params.get("format", "json")
    if fmt != "json":
        return PlainTextResponse("only format=json is offered\n", status_code=501)
    target = urlsplit(request.query_params.get("url", ""))
    base = _base(request)
    # The Host header may say which address the consumer used; it only gates, never echoes.
    ours = {urlsplit(base).netloc, request.headers.get("host", "")}
    prefix = urlsplit(base).path
    path = target.path[len(prefix) :] if target.path.startswith(prefix) else target.path
    if target.netloc not in ours or (path or APP) not in VIEW_PATHS:
        return PlainTextResponse("url is not a view of this app\n", status_code=404)
    raw = request.query_params.get("maxwidth", "800").strip()
    if not raw.isdigit() or len(raw) > 5:
        return PlainTextResponse("maxwidth must be a whole number of pixels\n", status_code=400)
    maxwidth = int(raw)
    try:
        state = _view_of(target.query)  # a DataError (a ValueError too) stays a 503
    except QueryError as exc:
        return PlainTextResponse(f"{exc}\n", status_code=400)
    body = share.oembed(base, state, _zone_records(state), max(maxwidth, 200))
    return JSONResponse(body, headers={"Cache-Control": CACHE_CONTROL})


def ready(_request: Request) -> Response:
    """GET /ready: 200 once data and caches are warm (for the load balancer's checks)."""
    status, text = READINESS.answer()
    return PlainTextResponse(f"{text}\n", status_code=status, headers={"Cache-Control": "no-store"})


def routes() -> list[Route]:
    """Every route of the app's own, for ``st.App(..., routes=routes())``."""
    return [
        Route(EXPORT, export, methods=["GET", "HEAD"]),
        Route(SHARE, share_page, methods=["GET", "HEAD"]),
        Route(EMBED, embed_page, methods=["GET", "HEAD"]),
        Route(EMBED_CSS, view_css, methods=["GET", "HEAD"]),
        Route(SHARE_CARD, share_card, methods=["GET", "HEAD"]),
        Route(OEMBED, oembed, methods=["GET", "HEAD"]),
        Route(READY, ready, methods=["GET", "HEAD"]),
    ]


def data_unavailable(_request: Request, exc: Exception) -> Response:
    """A broken data set is the server's problem: 503 with a one-line reason, no trace.

    A DataError's message is ours (file, line, what is wrong); an OSError's may name a
    server path, so it is logged and the reader gets words only.
    """
    LOG.error("data unavailable: %s", exc)
    reason = str(exc) if isinstance(exc, DataError) else "the data files could not be read"
    return PlainTextResponse(f"data unavailable: {reason}\n", status_code=503)


def exception_handlers() -> dict:
    """For ``st.App(..., exception_handlers=...)``: data errors in a route become 503."""
    return {DataError: data_unavailable, OSError: data_unavailable}


def middleware() -> list[Middleware]:
    """Security headers on every response; gzip where the browser accepts it (web.compress)."""
    return [Middleware(SecurityHeaders), Middleware(Compress)]


def warm_up() -> ViewState:
    """What the routes' first reader would otherwise wait for: the data set, the default
    view's zones (geo.dataset) and the data's digest. Returns the default view."""
    dataset.warm()
    default = _view_of("")
    _zone_records(default)
    data_version()
    return default


def _drain_on_sigterm() -> None:
    """On SIGTERM say 'not ready' first, and exit only after the balancer has noticed."""
    seconds = float(os.environ.get("KURSK_CLAIMS_DRAIN_SECONDS", "0") or 0)
    previous = signal.getsignal(signal.SIGTERM)
    if seconds <= 0 or not callable(previous):
        return

    def handler(signum: int, frame: object) -> None:
        READINESS.drain()
        threading.Timer(seconds, previous, (signum, frame)).start()

    signal.signal(signal.SIGTERM, handler)


@contextlib.contextmanager
def _outside_script_runs() -> Iterator[None]:
    """Silence Streamlit's 'missing ScriptRunContext' warning: expected at start-up."""
    logger = logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def register_map_component() -> None:
    """Register streamlit-folium's component with the running runtime.

    ``declare_component`` registers only inside a script run; the routes and the warm-up
    import it outside one, after which the module is cached and the page's map would
    404. Registering here, before any request, keeps the map working either way.
    """
    import streamlit_folium
    from streamlit.runtime import get_instance

    get_instance().component_registry.register_component(streamlit_folium._component_func)


def lifespan_with(
    warm: Callable[[], object] = warm_up,
) -> Callable[[object], contextlib.AbstractAsyncContextManager[None]]:
    """A lifespan for ``st.App`` that runs `warm` in the background (ready once it has
    passed), drains on SIGTERM and is not ready on shutdown."""

    def quiet_warm() -> None:
        with _outside_script_runs():
            warm()

    @contextlib.asynccontextmanager
    async def lifespan(_app: object) -> AsyncIterator[None]:
        with _outside_script_runs():
            register_map_component()
        with contextlib.suppress(ValueError):  # not the main thread (e.g. mounted elsewhere)
            _drain_on_sigterm()
        threading.Thread(target=READINESS.warm, args=(quiet_warm,), daemon=True).start()
        try:
            yield
        finally:
            READINESS.drain()

    return lifespan


#: The routes' own warm-up; ``serve.py`` adds the page's.
lifespan = lifespan_with(warm_up)


__all__ = ["lifespan", "lifespan_with", "middleware", "routes", "warm_up"]
