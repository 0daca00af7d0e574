"""Security headers for every response of the hosted page (CSP, framing, referrer).

The page may load code only from its own origin and pictures only from itself and the
map's tile server; newsrooms may still embed it in an iframe (``frame-ancestors``).
"""

from __future__ import annotations

import os
from collections.abc import Iterable

#: Tile servers the map draws from (components.present.map_build.TILES_LIGHT); a test ties them.
TILE_ORIGINS = ("https://tile.openstreetmap.org",)
#: Who may frame the app: itself, any HTTPS page (newsroom articles) and pages on the
#: reader's own machine (a newsroom developer's preview). Overridable with
#: KURSK_CLAIMS_FRAME_ANCESTORS (space-separated CSP sources) for a stricter list.
FRAME_ANCESTORS = "'self' https: http://localhost:* http://127.0.0.1:*"


def content_security_policy(tiles: Iterable[str], frame_ancestors: str) -> str:
    """The CSP: own origin for code, styles, fonts, sockets and frames; tiles for images.

    ``'unsafe-inline'`` scripts and styles are what Streamlit's index page and folium's map
    document need (both inline their bootstrap code), and ``'unsafe-eval'`` is how
    streamlit-folium applies each overlay update (``eval(feature_group)``); no other
    origin may run code, and nothing may be fetched from elsewhere.

    >>> "frame-ancestors 'self' https:" in content_security_policy([], "'self' https:")
    True
    """
    images = " ".join(["'self'", "data:", "blob:", *tiles])
    directives = {
        "default-src": "'self'",
        "script-src": "'self' 'unsafe-inline' 'unsafe-eval'",
        "style-src": "'self' 'unsafe-inline'",
        "img-src": images,
        "font-src": "'self' data:",
        "connect-src": "'self'",
        "frame-src": "'self'",
        "worker-src": "'self' blob:",
        "object-src": "'none'",
        "base-uri": "'self'",
        "form-action": "'self'",
        "frame-ancestors": frame_ancestors,
    }
    return "; ".join(f"{k} {v}" for k, v in directives.items())


def security_headers(
    tiles: Iterable[str] = TILE_ORIGINS, frame_ancestors: str | None = None
) -> dict[str, str]:
    """Header name → value added to every response (no X-Frame-Options: it forbids embeds)."""
    ancestors = frame_ancestors or os.environ.get("KURSK_CLAIMS_FRAME_ANCESTORS") or FRAME_ANCESTORS
    return {
        "content-security-policy": content_security_policy(tiles, ancestors),
        "referrer-policy": "strict-origin-when-cross-origin",
        "x-content-type-options": "nosniff",
    }


class SecurityHeaders:
    """ASGI middleware: adds the headers to each HTTP response that does not set its own."""

    def __init__(self, app: object, headers: dict[str, str] | None = None) -> None:
        self.app = app
        pairs = (headers or security_headers()).items()
        self.raw = [(k.encode("latin-1"), v.encode("latin-1")) for k, v in pairs]

    async def __call__(self, scope: dict, receive: object, send: object) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)  # type: ignore[operator]
            return

        async def send_with_headers(message: dict) -> None:
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in self.raw if k not in present]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)  # type: ignore[operator]

        await self.app(scope, receive, send_with_headers)  # type: ignore[operator]
