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
from collections.abc import AsyncIterator, Iterator
from urllib.parse import urlsplit

from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from components.render.pool import RENDERS, RETRY_AFTER_S, Busy, LastFiles
from geo.errors import DataError
from geo.paths import DATA_DIR
from geo.registry import sha256_hex
from geo.upload.sandbox import also_preload
from web import exports, share
from web.headers import SecurityHeaders
from web.health import Readiness
from web.views import QueryError, etag, view_from_query

LOG = logging.getLogger(__name__)
#: Files are a pure function of data, code version and link: caches may keep them.
CACHE_CONTROL = "public, max-age=3600"
READINESS = Readiness()


def _data():
    from components.render.cache import load_data  # Streamlit's caches: shared with the page

    return load_data()


def _zones(state):
    from components.render.cache import zones_as_of

    return zones_as_of(state.date)


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
    return str(request.base_url).rstrip("/")


#: Exports drawn by matplotlib or folium (60–300 ms of CPU each): one render pool per
#: replica meters them and draws each in a bounded child (components/render/pool.py);
#: the rest cost a few milliseconds and are made here.
RENDERED = {"png", "og", "html"}
_LAST_FILES = LastFiles(32)
also_preload("web.exports")  # the forkserver imports the drawing code once


def _file(kind: str, state) -> bytes:
    """Built bytes, kept for the last 32 links (a viral link is asked for again and again);
    a rendered kind waits for a turn in the render pool (``Busy`` if none comes)."""

    def make() -> bytes:
        data = exports.ExportData.of(_data())
        if kind not in RENDERED:
            return exports.build(kind, state, data, _zones(state))
        return RENDERS.render(exports.build, kind, state, data, _zones(state))

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

    if tag in request.headers.get("if-none-match", ""):
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


def share_page(request: Request) -> Response:
    """GET /share?<view>: preview tags for chat apps, then on to the app."""
    try:
        state = _view(request)
    except QueryError as exc:
        return PlainTextResponse(f"{exc}\n", status_code=400)
    page = share.share_page(_base(request), state, _zones(state))
    return Response(
        page, media_type="text/html; charset=utf-8", headers={"Cache-Control": CACHE_CONTROL}
    )


def oembed(request: Request) -> Response:
    """GET /oembed?url=<a link to this app>[&maxwidth=N]: oEmbed 1.0 JSON, type rich."""
    fmt = request.query_params.get("format", "json")
    if fmt != "json":
        return PlainTextResponse("only format=json is offered\n", status_code=501)
    target = urlsplit(request.query_params.get("url", ""))
    base = _base(request)
    if target.netloc != urlsplit(base).netloc or target.path not in share.VIEW_PATHS:
        return PlainTextResponse("url is not a view of this app\n", status_code=404)
    try:
        maxwidth = int(request.query_params.get("maxwidth", "800"))
    except ValueError as exc:
        return PlainTextResponse(f"{exc}\n", status_code=400)
    try:
        state = _view_of(target.query)  # a DataError (a ValueError too) stays a 503
    except QueryError as exc:
        return PlainTextResponse(f"{exc}\n", status_code=400)
    body = share.oembed(base, state, _zones(state), max(maxwidth, 200))
    return JSONResponse(body, headers={"Cache-Control": CACHE_CONTROL})


def ready(_request: Request) -> Response:
    """GET /ready: 200 once data and caches are warm (for the load balancer's checks)."""
    status, text = READINESS.answer()
    return PlainTextResponse(f"{text}\n", status_code=status, headers={"Cache-Control": "no-store"})


def routes() -> list[Route]:
    """Every route of the app's own, for ``st.App(..., routes=routes())``."""
    return [
        Route("/export/view.{kind}", export, methods=["GET", "HEAD"]),
        Route("/share", share_page, methods=["GET", "HEAD"]),
        Route("/share/card.png", share_card, methods=["GET", "HEAD"]),
        Route("/oembed", oembed, methods=["GET", "HEAD"]),
        Route("/ready", ready, methods=["GET", "HEAD"]),
    ]


def data_unavailable(_request: Request, exc: Exception) -> Response:
    """A broken data set is the server's problem: 503 with the one-line reason, no trace."""
    LOG.error("data unavailable: %s", exc)
    return PlainTextResponse(f"data unavailable: {exc}\n", status_code=503)


def exception_handlers() -> dict:
    """For ``st.App(..., exception_handlers=...)``: data errors in a route become 503."""
    return {DataError: data_unavailable, OSError: data_unavailable}


def middleware() -> list[Middleware]:
    """Security headers on every response (the page, its assets and the routes)."""
    return [Middleware(SecurityHeaders)]


def warm_up() -> None:
    """What the first reader would otherwise wait for: data, zones, the base map."""
    from components.render.cache import map_payload, overlay_js

    default = _view_of("")
    _zones(default)
    for lang in ("en", "nl"):
        map_payload(lang, "light")
        overlay_js(default.date, default.sides(), lang)
    data_version()


def _quiet_warm_up() -> None:
    with _outside_script_runs():
        warm_up()


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


@contextlib.asynccontextmanager
async def lifespan(_app: object) -> AsyncIterator[None]:
    """Start warming caches in the background; drain on SIGTERM; not ready on shutdown."""
    with _outside_script_runs():
        register_map_component()
    with contextlib.suppress(ValueError):  # not the main thread (e.g. mounted elsewhere)
        _drain_on_sigterm()
    threading.Thread(target=READINESS.warm, args=(_quiet_warm_up,), daemon=True).start()
    try:
        yield
    finally:
        READINESS.drain()


__all__ = ["lifespan", "middleware", "routes"]
