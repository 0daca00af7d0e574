"""A view from a URL's query, for routes: the page's own parser, but strict.

The page forgives a bad parameter (default plus a notice); a route answers 400 with a
one-line reason instead, because a file or a preview of a view nobody asked for misleads.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from urllib.parse import parse_qs, urlencode

from components.present.i18n import LANGS
from components.present.urls import (
    BASEMAPS,
    LAT_RANGE,
    LON_RANGE,
    ZOOM_RANGE,
    Notice,
    ViewState,
    parse_query,
    to_query,
)
from geo.registry import sha256_hex

#: Longer queries are not links a person made (the canonical one is ~110 characters).
MAX_QUERY_CHARS = 1000
#: What a valid value looks like, for the 400 reason (from the page parser's own bounds).
EXPECTED = {
    "ru": "true or false",
    "ua": "true or false",
    "ind": "true or false",
    "lang": " or ".join(LANGS),
    "date": "a YYYY-MM-DD day within the data's dates",
    "lat": "a latitude in {:g}–{:g}".format(*LAT_RANGE),
    "lon": "a longitude in {:g}–{:g}".format(*LON_RANGE),
    "z": "a whole zoom level in {}–{}".format(*ZOOM_RANGE),
    "base": " or ".join(BASEMAPS),
}


class QueryError(ValueError):
    """A query a route refuses; the message is the one-line reason sent back."""


def view_from_query(
    query: str, date_range: tuple[dt.date, dt.date], default_date: dt.date
) -> ViewState:
    """The view a link's query string asks for, parsed exactly as the page parses it;
    QueryError if not.

    >>> rng = (dt.date(2024, 8, 6), dt.date(2025, 1, 1))
    >>> view_from_query("z=9", rng, dt.date(2024, 8, 12)).z
    9
    >>> view_from_query("z=99", rng, dt.date(2024, 8, 12))
    Traceback (most recent call last):
    ...
    web.views.QueryError: bad parameter z='99': expected a whole zoom level in 5–13
    """
    if len(query) > MAX_QUERY_CHARS:
        raise QueryError(f"query too long ({len(query)} characters, at most {MAX_QUERY_CHARS})")
    params = parse_qs(query, keep_blank_values=True)
    state, notices = parse_query(params, date_range, ViewState(date=default_date))
    # A date after the record opens on its last day, as the page does: not an error.
    bad = [n for n in notices if n.kind == "invalid"]
    if bad:
        first = bad[0]
        raise QueryError(
            f"bad parameter {first.name}={first.value!r}: expected {EXPECTED[first.name]}"
        )
    return canonical(state)


def lenient_view(
    query: str, date_range: tuple[dt.date, dt.date], default_date: dt.date
) -> tuple[ViewState, list[Notice]]:
    """The view a link asks for as the page reads it: bad values fall back, with notices.

    For pages a person lands on (the static embed, the share page): a link cut short by a
    chat app still shows a map, and says what it ignored. A query too long to be a link
    a person made is ignored as a whole.

    >>> rng = (dt.date(2024, 8, 6), dt.date(2025, 1, 1))
    >>> state, notices = lenient_view("date=2024-08-1&z=9", rng, dt.date(2024, 8, 12))
    >>> state.date, state.z, notices
    (datetime.date(2024, 8, 12), 9, [Notice(name='date', value='2024-08-1', kind='invalid')])
    """
    if len(query) > MAX_QUERY_CHARS:
        return ViewState(date=default_date), [Notice("query", f"{query[:20]}…")]
    params = parse_qs(query, keep_blank_values=True)
    state, notices = parse_query(params, date_range, ViewState(date=default_date))
    return canonical(state), notices


def canonical(state: ViewState) -> ViewState:
    """The view rounded as its link writes it (4 decimals of a degree, about 10 m).

    Files and pages are built from this, not from the raw query, so two links with the
    same canonical query get the same bytes and the same ETag, and two that differ get both
    different (``lat=51.35`` and ``lat=51.35004`` are one view).

    >>> canonical(ViewState(lat=51.35004, lon=35.44996)).lat
    51.35
    """
    return replace(state, lat=float(f"{state.lat:.4f}"), lon=float(f"{state.lon:.4f}"))


def canonical_query(state: ViewState) -> str:
    """The view's query string in the page's canonical form (same view → same string)."""
    return urlencode(to_query(state))


def etag(kind: str, state: ViewState, version: str, *extra: str) -> str:
    """A strong ETag from everything the bytes are built from, and nothing else.

    ``version``: the data files and the code that shapes the output; then the kind of
    file, the canonical view (``canonical``: the files are built from exactly that) and
    any ``extra`` input (the public base URL of a page, the notices it shows).
    """
    key = "|".join((version, kind, canonical_query(canonical(state)), *extra)).encode()
    return '"' + sha256_hex(key)[:32] + '"'
