"""gzip for the page and Streamlit's bundles, which Streamlit leaves to a proxy.

Streamlit gzips most of its answers itself but not its page and its JS/CSS bundles
(``/`` and ``/static/…``, ~2.2 MB), so with ``make run`` a phone downloaded them raw.
This middleware compresses text answers that are not compressed yet when the browser
accepts gzip. Hashed assets (``Cache-Control: … immutable``) are compressed once per
process and kept (bounded): the cost is paid once per file, not per reader; other
answers are small and compressed per request. Behind HAProxy (``make serve``) the same
compressed bytes are what the balancer's cache stores (it never stores an answer it
would compress itself), so a viral link costs no compression per reader there either.
"""

from __future__ import annotations

import gzip
import hashlib
import re
from collections import OrderedDict
from typing import Any

#: Text types worth compressing (what HAProxy's ``compression type`` lists too).
COMPRESSIBLE = (
    "text/html", "text/css", "text/plain", "text/csv", "text/javascript",
    "application/javascript", "application/json", "application/geo+json",
    "image/svg+xml", "application/manifest+json",
)  # fmt: skip
#: Smaller answers gain nothing worth a header.
MINIMUM_BYTES = 500
#: Compressed immutable assets kept per process (the Streamlit bundles gzip to ~0.7 MB).
CACHE_BYTES = 32 * 2**20
_GZIP = re.compile(r"(?:^|,)\s*gzip\s*(?:;\s*q\s*=\s*([0-9.]+))?\s*(?:,|$)", re.I)


def accepts_gzip(accept_encoding: str) -> bool:
    """Whether an Accept-Encoding header allows gzip (``gzip;q=0`` refuses it).

    >>> accepts_gzip("gzip, deflate, br"), accepts_gzip("br"), accepts_gzip("gzip;q=0")
    (True, False, False)
    """
    match = _GZIP.search(accept_encoding or "")
    if match is None:
        return False
    try:
        return float(match.group(1) or 1) > 0
    except ValueError:
        return False


def _header(headers: list[tuple[bytes, bytes]], name: bytes) -> str:
    return next((v.decode("latin-1") for k, v in headers if k.lower() == name), "")


class Compress:
    """ASGI middleware: gzip for text answers the browser accepts compressed."""

    def __init__(self, app: Any, level: int = 6) -> None:
        self.app = app
        self.level = level
        self.cache: OrderedDict[tuple[str, str], bytes] = OrderedDict()
        self.cached_bytes = 0

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        headers = dict(scope.get("headers") or []) if scope["type"] == "http" else {}
        if (
            scope["type"] != "http"
            or scope.get("method") != "GET"
            or not accepts_gzip(headers.get(b"accept-encoding", b"").decode("latin-1"))
        ):
            await self.app(scope, receive, send)
            return
        start: dict | None = None
        chunks: list[bytes] = []
        passing = False

        async def wrapped(message: dict) -> None:
            nonlocal start, passing
            if message["type"] == "http.response.start":
                start, raw = message, list(message.get("headers", []))
                kind = _header(raw, b"content-type").split(";")[0].strip().lower()
                passing = (
                    message["status"] != 200
                    or bool(_header(raw, b"content-encoding"))
                    or kind not in COMPRESSIBLE
                    or "no-transform" in _header(raw, b"cache-control")
                )
                if passing:
                    await send(message)
                return
            if passing or message["type"] != "http.response.body":
                await send(message)
                return
            chunks.append(message.get("body", b""))
            if message.get("more_body"):
                return
            await self._finish(scope["path"], start, b"".join(chunks), send)

        await self.app(scope, receive, wrapped)

    async def _finish(self, path: str, start: dict, body: bytes, send: Any) -> None:
        raw = [(k, v) for k, v in start.get("headers", []) if k.lower() != b"content-length"]
        raw.append((b"vary", b"Accept-Encoding"))
        if len(body) < MINIMUM_BYTES:
            packed = body
        else:
            packed = self._gzip(path, raw, body)
            etag = _header(raw, b"etag")
            raw = [(k, v) for k, v in raw if k.lower() != b"etag"]
            if etag:  # another representation of the same bytes: a weak validator
                raw.append((b"etag", etag.encode("latin-1") if etag.startswith("W/") else
                            b"W/" + etag.encode("latin-1")))  # fmt: skip
            raw.append((b"content-encoding", b"gzip"))
        raw.append((b"content-length", str(len(packed)).encode()))
        await send({**start, "headers": raw})
        await send({"type": "http.response.body", "body": packed})

    def _gzip(self, path: str, raw: list[tuple[bytes, bytes]], body: bytes) -> bytes:
        """gzip the body; an immutable asset once per process (kept, least recent dropped)."""
        if "immutable" not in _header(raw, b"cache-control"):
            return gzip.compress(body, self.level, mtime=0)
        key = (path, hashlib.blake2b(body, digest_size=16).hexdigest())
        if key in self.cache:
            self.cache.move_to_end(key)
            return self.cache[key]
        packed = gzip.compress(body, 9, mtime=0)
        self.cache[key] = packed
        self.cached_bytes += len(packed)
        while self.cached_bytes > CACHE_BYTES and self.cache:
            _, dropped = self.cache.popitem(last=False)
            self.cached_bytes -= len(dropped)
        return packed
