"""A view from a URL's query, for routes: the page's own parser, but strict.

The page forgives a bad parameter (default plus a notice); a route answers 400 with a
one-line reason instead, because a file or a preview of a view nobody asked for misleads.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import parse_qs, urlencode

from components.present.i18n import LANGS
from components.present.state import (
    BASEMAPS,
    LAT_RANGE,
    LON_RANGE,
    ZOOM_RANGE,
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
    return state


def canonical_query(state: ViewState) -> str:
    """The view's query string in the page's canonical form (same view → same string)."""
    return urlencode(to_query(state))


def etag(kind: str, state: ViewState, data_version: str) -> str:
    """A strong ETag from the data version, the export kind and the canonical view."""
    key = f"{data_version}|{kind}|{canonical_query(state)}".encode()
    return '"' + sha256_hex(key)[:32] + '"'
