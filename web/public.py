"""The app's public address, for every absolute URL it writes (og:url, canonical, oEmbed).

Never the request's ``Host`` header: anyone can send any Host, and a cache in front that
keys without it would hand one forged preview to every later reader. The address is
``KURSK_CLAIMS_PUBLIC_URL`` when set (``https://kursk.example.org`` or with a path,
``https://news.example/maps/kursk``), else the address the connection arrived on (the
listening socket's own address and port, which no header can change).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from urllib.parse import urlsplit

ENV = "KURSK_CLAIMS_PUBLIC_URL"
LOG = logging.getLogger(__name__)


class PublicURLError(ValueError):
    """The configured public URL is not an absolute http(s) address."""


def parse_public_url(raw: str) -> str:
    """A configured public URL, normalised (no trailing slash); PublicURLError if unusable.

    >>> parse_public_url("https://kursk.example.org/")
    'https://kursk.example.org'
    >>> parse_public_url("kursk.example.org")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    web.public.PublicURLError: KURSK_CLAIMS_PUBLIC_URL must be an http(s) address ...
    """
    parts = urlsplit(raw.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise PublicURLError(
            f"{ENV} must be an http(s) address like https://kursk.example.org, not {raw!r}"
        )
    return f"{parts.scheme}://{parts.netloc}{parts.path.rstrip('/')}"


def configured(environ: Mapping[str, str] | None = None) -> str | None:
    """The operator's public URL, or None when unset (an unusable one is logged, not used)."""
    raw = (environ if environ is not None else os.environ).get(ENV, "")
    if not raw.strip():
        return None
    try:
        return parse_public_url(raw)
    except PublicURLError as exc:
        LOG.error("%s; using the listening address instead", exc)
        return None


def listening_address(scope: Mapping) -> str:
    """scheme://host:port of the socket the request arrived on (default ports left out).

    >>> listening_address({"scheme": "http", "server": ("127.0.0.1", 8501)})
    'http://127.0.0.1:8501'
    >>> listening_address({"scheme": "https", "server": ("::1", 443)})
    'https://[::1]'
    """
    scheme = scope.get("scheme", "http")
    host, port = scope.get("server") or ("127.0.0.1", 80)
    host = f"[{host}]" if ":" in str(host) else str(host)
    default = {"http": 80, "https": 443}.get(scheme)
    return f"{scheme}://{host}" + ("" if port in (None, default) else f":{port}")


def base_url(scope: Mapping, environ: Mapping[str, str] | None = None) -> str:
    """The public base every absolute URL starts with (no trailing slash)."""
    return configured(environ) or listening_address(scope)
