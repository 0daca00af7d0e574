"""The app's URLs: every route path, and the view a link carries. Pure: no Streamlit.

One home for both halves of a link: the path (which page or file: the route constants
below, served by ``web/routes.py`` and spelled by ``present/links.py``, ``present/embed.py``,
``web/share.py`` and ``web/pages.py``) and the query (``parse_query`` / ``to_query`` and the
``ViewState`` it restores; ``MapRequest`` is what a link asks the map to show).

Every parameter is parsed on its own; a bad one falls back to its default and yields a
notice, so a mangled link still opens a working view.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import asdict, dataclass, replace

from components.present.i18n import LANGS

# --------------------------------------------------------------------------- routes
# Absolute paths under the app's base path; a link built relative to the page drops
# the leading "/" (``relative``).

#: The live app (Streamlit's page).
APP = "/"
#: A view's preview page: link-preview tags for crawlers, the view itself for people.
SHARE = "/share"
#: The preview picture of a view (1200×630 PNG).
SHARE_CARD = "/share/card.png"
#: The static embed: one small cacheable page for an article's iframe.
EMBED = "/embed"
#: The static pages' stylesheet (its URL carries the sheet's digest).
EMBED_CSS = "/embed/view.css"
#: oEmbed 1.0 answers for a link to a view.
OEMBED = "/oembed"
#: A view's files; ``{kind}`` is one of ``EXPORT_KINDS``.
EXPORT = "/export/view.{kind}"
#: 200 once data and caches are warm (the load balancer's check).
READY = "/ready"
#: Paths a shared link may use (the page itself, its preview page, its static embed).
VIEW_PATHS = (APP, SHARE, EMBED)


def export_path(kind: str) -> str:
    """The path of one of a view's files.

    >>> export_path("csv")
    '/export/view.csv'
    """
    return EXPORT.format(kind=kind)


def relative(path: str) -> str:
    """A route path relative to the page (works under any base path).

    >>> relative(EMBED_CSS)
    'embed/view.css'
    """
    return path.lstrip("/")


# ------------------------------------------------------------------- the view a link holds

#: Map area a link may point at (the data's box, with margin).
LAT_RANGE = (47.0, 56.0)
LON_RANGE = (28.0, 44.0)
ZOOM_RANGE = (5, 13)
BASEMAPS = ("light", "none")
TRUE = {"true", "1", "yes", "on"}
FALSE = {"false", "0", "no", "off"}


@dataclass(frozen=True)
class ViewState:
    """Everything a shared link must restore."""

    ru: bool = True
    ua: bool = True
    ind: bool = False
    lang: str = "en"
    date: dt.date = dt.date(2024, 8, 12)
    lat: float = 51.35
    lon: float = 35.45
    z: int = 8
    base: str = "light"

    def sides(self) -> tuple[str, ...]:
        """The claim sides switched on, in a fixed order."""
        flags = (("russia", self.ru), ("ukraine", self.ua), ("independent", self.ind))
        return tuple(side for side, on in flags if on)


#: The view a bare link opens at before the map fits the claims (and the base map's start).
DEFAULT_VIEW = ViewState()
#: Keys of the link that place the map; when a link has any of them it is opened there.
VIEW_KEYS = ("lat", "lon", "z")


@dataclass(frozen=True)
class MapRequest:
    """The view the map is *asked* to show; never the view it reports.

    Either an explicit view (``lat``/``lon``/``z``: from the link at session start, or the
    reader's own view when a language or basemap switch rebuilds the map) or a fit
    (``fit`` > 0): the browser fits the drawn claims, or ``bounds`` (south, west, north,
    east) when given, once per fit number. Passing the map its own reported view back
    made it jump between two views forever (streamlit-folium moves the map whenever
    its arguments change).
    """

    lat: float | None = None
    lon: float | None = None
    z: int | None = None
    fit: int = 0
    bounds: tuple[float, float, float, float] | None = None

    def center(self) -> tuple[float, float] | None:
        """The centre argument for the map, or None (leave the map where it is)."""
        return None if self.fit or self.lat is None else (self.lat, self.lon)

    def zoom(self) -> int | None:
        """The zoom argument for the map, or None."""
        return None if self.fit else self.z


def initial_request(
    params: Mapping[str, object], state: ViewState, notices: list[Notice] | tuple = ()
) -> MapRequest:
    """Open a link with a (valid) place in it exactly there; any other link fits the claims.

    >>> initial_request({"z": "10"}, ViewState(z=10)).zoom()
    10
    >>> initial_request({"lang": "nl"}, ViewState()).fit
    1
    >>> initial_request({"z": "abc"}, ViewState(), [Notice("z", "abc")]).fit
    1
    """
    ignored = {notice.name for notice in notices}
    if any(key in params and key not in ignored for key in VIEW_KEYS):
        return MapRequest(state.lat, state.lon, state.z)
    return MapRequest(fit=1)


def refit(
    request: MapRequest, bounds: tuple[float, float, float, float] | None = None
) -> MapRequest:
    """A new fit (of the claims, or of ``bounds``), numbered after the previous one."""
    return MapRequest(fit=request.fit + 1 if request.fit else 1, bounds=bounds)


def hold(state: ViewState) -> MapRequest:
    """Ask a rebuilt map (new language or basemap) to open where the reader left it."""
    return MapRequest(state.lat, state.lon, state.z)


def is_start_report(center: Mapping | None, zoom: object, request: MapRequest) -> bool:
    """True for the report a freshly built map makes of its start view before it moves.

    The base map starts at DEFAULT_VIEW and reports that once; when the map was asked for
    another view, that report is not the reader's and must not reach the link.
    """
    try:
        at_start = (
            round(float(center["lat"]), 4) == DEFAULT_VIEW.lat  # type: ignore[index]
            and round(float(center["lng"]), 4) == DEFAULT_VIEW.lon  # type: ignore[index]
            and int(zoom) == DEFAULT_VIEW.z  # type: ignore[arg-type]
        )
    except (TypeError, KeyError, ValueError):
        return False
    asked = (request.lat, request.lon, request.z)
    return at_start and asked != (DEFAULT_VIEW.lat, DEFAULT_VIEW.lon, DEFAULT_VIEW.z)


@dataclass(frozen=True)
class Notice:
    """A parameter that was ignored or moved, for a short message to the reader.

    ``kind`` 'invalid': the value was unusable and the default was used; 'end_of_record':
    a date after the record's last day, which the view opens on instead.
    """

    name: str
    value: str
    kind: str = "invalid"


def _bool(raw: str) -> bool:
    low = raw.strip().lower()
    if low in TRUE:
        return True
    if low in FALSE:
        return False
    raise ValueError(raw)


def _float(raw: str, lo: float, hi: float) -> float:
    value = float(raw)
    if not math.isfinite(value) or not lo <= value <= hi:
        raise ValueError(raw)
    return value


def _int(raw: str, lo: int, hi: int) -> int:
    value = int(raw.strip())
    if not lo <= value <= hi:
        raise ValueError(raw)
    return value


class AfterRecordError(ValueError):
    """A well-formed date later than the record's last day."""


def _date(raw: str, lo: dt.date, hi: dt.date) -> dt.date:
    value = dt.date.fromisoformat(raw.strip())
    if len(raw.strip()) != 10 or value < lo:
        raise ValueError(raw)
    if value > hi:
        raise AfterRecordError(raw)
    return value


def _choice(raw: str, options: tuple[str, ...]) -> str:
    value = raw.strip().lower()
    if value not in options:
        raise ValueError(raw)
    return value


def parse_query(
    params: Mapping[str, str | list[str]],
    date_range: tuple[dt.date, dt.date] = (dt.date(2024, 8, 6), dt.date(2025, 12, 31)),
    defaults: ViewState | None = None,
) -> tuple[ViewState, list[Notice]]:
    """Read a ViewState from URL query parameters; unknown keys are ignored silently.

    A date after the record's last day opens on that last day, with an 'end_of_record'
    notice (the record ends there; the link is not wrong).

    >>> parse_query({"ru": "false", "z": "99"})[0].ru
    False
    >>> state, notes = parse_query({"date": "2030-01-01"})
    >>> state.date, notes[0].kind
    (datetime.date(2025, 12, 31), 'end_of_record')
    """
    state = defaults or ViewState()
    parsers = {
        "ru": _bool,
        "ua": _bool,
        "ind": _bool,
        "lang": lambda r: _choice(r, LANGS),
        "date": lambda r: _date(r, *date_range),
        "lat": lambda r: _float(r, *LAT_RANGE),
        "lon": lambda r: _float(r, *LON_RANGE),
        "z": lambda r: _int(r, *ZOOM_RANGE),
        "base": lambda r: _choice(r, BASEMAPS),
    }
    changes, notices = {}, []
    for name, parse in parsers.items():
        if name not in params:
            continue
        raw = params[name]
        raw = raw[-1] if isinstance(raw, list) and raw else raw
        if not isinstance(raw, str):
            raw = ""
        try:
            changes[name] = parse(raw)
        except AfterRecordError:
            changes[name] = date_range[1]
            notices.append(Notice(name, raw.strip(), "end_of_record"))
        except (ValueError, TypeError, OverflowError):
            notices.append(Notice(name, " ".join(raw.split())[:40]))  # one line, short
    return replace(state, **changes), notices


def to_query(state: ViewState) -> dict[str, str]:
    """The canonical URL parameters of a view (all of them, rounded)."""
    data = asdict(state)
    return {
        "ru": str(data["ru"]).lower(),
        "ua": str(data["ua"]).lower(),
        "ind": str(data["ind"]).lower(),
        "lang": data["lang"],
        "date": data["date"].isoformat(),
        "lat": f"{data['lat']:.4f}",
        "lon": f"{data['lon']:.4f}",
        "z": str(data["z"]),
        "base": data["base"],
    }


def with_viewport(state: ViewState, center: Mapping | None, zoom: object) -> ViewState:
    """Fold a map's reported centre/zoom into the state, ignoring unusable values."""
    try:
        lat = round(float(center["lat"]), 4)  # type: ignore[index]
        lon = round(float(center["lng"]), 4)  # type: ignore[index]
        z = int(zoom)  # type: ignore[arg-type]
    except (TypeError, KeyError, ValueError):
        return state
    if not (LAT_RANGE[0] <= lat <= LAT_RANGE[1] and LON_RANGE[0] <= lon <= LON_RANGE[1]):
        return state
    return replace(state, lat=lat, lon=lon, z=min(max(z, ZOOM_RANGE[0]), ZOOM_RANGE[1]))


def neighbour_date(dates: list[dt.date], current: dt.date, step: int) -> dt.date:
    """The claim date before (step -1) or after (step +1) `current`, or `current` at an end.

    >>> d = [dt.date(2024, 8, 12), dt.date(2024, 8, 27)]
    >>> neighbour_date(d, dt.date(2024, 8, 20), 1), neighbour_date(d, dt.date(2024, 8, 12), -1)
    (datetime.date(2024, 8, 27), datetime.date(2024, 8, 12))
    """
    if step > 0:
        later = [d for d in dates if d > current]
        return min(later) if later else current
    earlier = [d for d in dates if d < current]
    return max(earlier) if earlier else current
