"""The shareable view state and its URL form. Pure: no Streamlit import.

Every parameter is parsed on its own; a bad one falls back to its default and yields a
notice, so a mangled link still opens a working view.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import asdict, dataclass, replace

from components.i18n import LANGS

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


@dataclass(frozen=True)
class Notice:
    """A parameter that was ignored, for a short message to the reader."""

    name: str
    value: str


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


def _date(raw: str, lo: dt.date, hi: dt.date) -> dt.date:
    value = dt.date.fromisoformat(raw.strip())
    if not lo <= value <= hi or len(raw.strip()) != 10:
        raise ValueError(raw)
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

    >>> parse_query({"ru": "false", "z": "99"})[0].ru
    False
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
        except (ValueError, TypeError, OverflowError):
            notices.append(Notice(name, raw[:40]))
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
