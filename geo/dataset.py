"""The embedded data set, loaded and validated once per process, and the zones of a date.

One pipeline for every reader of ``data/``: ``geo.claim_zones`` (tests, notebooks), the
page (``components/render/cache.py``) and the HTTP routes (``web/``) all call these, so
they share one copy and one set of caches. No Streamlit::

    from geo import dataset
    data = dataset.load_data()              # regions, border, towns, claims, figures, span
    zones = dataset.zones_as_of(data.seed_date)   # a table (files, notebooks)
    records = dataset.zones_on(data.seed_date)    # typed records (geo.records), for words
    places = dataset.settlement_data()

Results are shared read-only (never mutate them; ``geo.claim_zones`` hands out a copy).
Caches are ``functools.lru_cache``: the loaders keep one value per process (computed
once under a lock: two threads asking at start-up share one load), ``zones_as_of``
keeps the last 1000 dates and ``shape`` the last 200 figures, the bounds the page's
``st.cache_resource`` caches had. A failed load raises (``DataError`` naming the file)
and is not cached: the next call tries again. ``clear()`` empties every cache (tests
that swap the data directory).
"""

from __future__ import annotations

import datetime as dt
import functools
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import TypeVar

import geopandas as gpd
import pandas as pd

from geo import currency
from geo.claims import load_anchors, load_claims
from geo.currency import BoxArea, select_as_of, stands_until, territorial_statements
from geo.records import AreaFigure, Claim, ClaimZone, Settlement, SettlementClaim
from geo.regions import load_border, load_regions, load_towns
from geo.settlements import load_settlement_counts, load_settlement_statements, load_settlements
from geo.zones import (
    Frame,
    Zone,
    anchors_dict,
    box_area,
    build_frame,
    draw,
    zones_for,
)

#: Dates whose zones are kept (a reader stepping through the record touches a few
#: hundred; the whole record is under 1000 days).
ZONE_DATES = 1000
#: Figures whose drawn shape is kept (every figure of the record fits).
SHAPES = 200

T = TypeVar("T")
_LOCK = threading.RLock()


def _once(load: Callable[[], T]) -> Callable[[], T]:
    """Cache a loader's value for the process; compute it once even if threads race."""
    cached = functools.cache(load)

    @functools.wraps(load)
    def get() -> T:
        with _LOCK:
            return cached()

    get.cache_clear = cached.cache_clear  # type: ignore[attr-defined]
    return get


@dataclass(frozen=True)
class Data:
    """Everything the page, the routes and the exports read from data/ (claims side)."""

    regions: gpd.GeoDataFrame
    border: gpd.GeoDataFrame
    towns: gpd.GeoDataFrame
    claims: pd.DataFrame
    frame: Frame  # the fixed geography every zone is drawn in (geo.zones.build_frame)
    candidates: pd.DataFrame  # area-bearing figures, stated or derived (geo.area_bearing)
    statements: pd.DataFrame  # statements that end a figure's currency (geo.currency)

    date_range: tuple[dt.date, dt.date]  # the record's span (record_span)
    claim_dates: list[dt.date]  # every date with a statement, for stepping through time
    seed_date: dt.date  # date of the seed article's figures: the default view

    # The same records typed (geo.records), what the words are built from:
    records: tuple[Claim, ...]  # every ledger record, in the ledger's order
    by_id: Mapping[str, Claim]  # every ledger record by its id
    figures: tuple[AreaFigure, ...]  # the rows of ``candidates``, with where each line ends


@dataclass(frozen=True)
class SettlementData:
    """The settlement tables (data/settlement*.csv), validated."""

    settlements: gpd.GeoDataFrame
    statements: pd.DataFrame  # sorted by date, so a date's statements are a prefix
    counts: pd.DataFrame


@_once
def settlement_data() -> SettlementData:
    """Read and validate the settlement tables once per process (raises DataError)."""
    places = load_settlements()
    return SettlementData(
        settlements=places,
        statements=load_settlement_statements(settlements=places),
        counts=load_settlement_counts(),
    )


@_once
def load_data() -> Data:
    """Read and validate data/ once per process (raises DataError naming the file).

    The record's span covers the claims and the settlement statements, so a statement
    dated after the last claim can still be reached.
    """
    claims = load_claims()
    regions = load_regions()
    said = settlement_data().statements
    first, last = record_span(claims, said)
    dates = sorted({ts.date() for ts in claims["date"]} | {ts.date() for ts in said["date"]})
    seeded = claims.loc[claims["source_seed"].notna(), "date"]
    anchors = anchors_dict(load_anchors())
    drawn_in = build_frame(regions)
    candidates = currency.area_bearing(claims, anchors, box_area(drawn_in))
    statements = territorial_statements(claims)
    records = Claim.from_frame(claims)
    return Data(
        regions=regions,
        border=load_border(),
        towns=load_towns(),
        claims=claims,
        frame=drawn_in,
        candidates=candidates,
        statements=statements,
        date_range=(first.date(), last.date()),
        claim_dates=dates,
        seed_date=seeded.max().date() if len(seeded) else last.date(),
        records=records,
        by_id=MappingProxyType({rec.id: rec for rec in records}),
        figures=figure_records(candidates, statements),
    )


def frame() -> Frame:
    """The fixed geography every zone is drawn in (built once, with the data)."""
    return load_data().frame


@functools.lru_cache(maxsize=SHAPES)
def shape(claim_id: str) -> Zone:
    """The drawn shape of one figure (it never depends on the date)."""
    row = load_data().candidates.set_index("claim_id", drop=False).loc[claim_id]
    return draw(row, frame())


@functools.lru_cache(maxsize=ZONE_DATES)
def zones_as_of(as_of: dt.date) -> gpd.GeoDataFrame:
    """Claim zones for a date, with age and currency (columns: geo.zones.ZONE_COLUMNS);
    shapes come from :func:`shape`, drawn once per figure."""
    data = load_data()
    selected = select_as_of(data.candidates, as_of, data.statements)
    return zones_for(selected, frame(), shape_of=lambda row: shape(row["claim_id"]))


@functools.lru_cache(maxsize=ZONE_DATES)
def zones_on(as_of: dt.date) -> tuple[ClaimZone, ...]:
    """The zones of a date as typed records (:func:`zones_as_of`, row by row): what the
    page's words, the map and the pictures are built from."""
    return ClaimZone.from_frame(zones_as_of(as_of))


@functools.lru_cache(maxsize=ZONE_DATES)
def claims_on(as_of: dt.date) -> tuple[Claim, ...]:
    """The records made on or before a date, in the ledger's order (geo.claims_as_of)."""
    cutoff = pd.Timestamp(as_of).normalize()
    return tuple(claim for claim in load_data().records if claim.date <= cutoff)


@_once
def settlement_records() -> tuple[tuple[Settlement, ...], tuple[SettlementClaim, ...]]:
    """The settlements and their statements (sorted by date) as typed records."""
    data = settlement_data()
    return Settlement.from_frame(data.settlements), SettlementClaim.from_frame(data.statements)


def warm() -> None:
    """Load and validate everything once (server start-up: the first reader waits for none)."""
    load_data()
    settlement_data()


def clear() -> None:
    """Forget every cached value (a test that swaps the data directory)."""
    for cached in (
        zones_on,
        claims_on,
        settlement_records,
        zones_as_of,
        shape,
        load_data,
        settlement_data,
    ):
        cached.cache_clear()  # type: ignore[attr-defined]


def claim_zones(
    as_of: object = "2024-08-12",
    claims: pd.DataFrame | None = None,
    regions: gpd.GeoDataFrame | None = None,
    anchors: pd.DataFrame | None = None,
) -> gpd.GeoDataFrame:
    """One zone per side and theatre: its latest figure on or before `as_of`, current or
    stale (a copy: the caller may change it).

    Columns (EPSG:4326): ``side, claim_id, claimant, source_kind, area_km2`` (the figure
    drawn, stated or derived), ``stated_area_km2`` / ``derived_area_km2``, ``derived``,
    ``derivation_numbers`` (the figures its arithmetic used, empty when stated; words
    and formula: components/present/zone_text), ``stated_on``, ``age_days``,
    ``current``, ``stale_reason``, ``anchor`` (the place the zone is built around),
    ``holder`` (whose forces the figure says hold the ground), ``territory`` (where:
    'kursk', 'sumy', 'sumy+kharkiv', …), ``shape`` and the drawn area, width and depth.

    Without `claims`, `regions` or `anchors` the embedded data set is used, through the
    same caches as the page and the routes; with any of them the zones are computed
    from what is given (the rest from data/), uncached.
    """
    if claims is None and regions is None and anchors is None:
        return zones_as_of(pd.Timestamp(as_of).date()).copy()
    claims = load_claims() if claims is None else claims
    regions = load_regions() if regions is None else regions
    places = anchors_dict(load_anchors() if anchors is None else anchors)
    drawn_in = build_frame(regions)
    candidates = currency.area_bearing(claims, places, box_area(drawn_in))
    selected = select_as_of(candidates, as_of, territorial_statements(claims))
    return zones_for(selected, drawn_in)


def area_bearing(
    claims: pd.DataFrame, anchors: dict | None = None, measure: BoxArea | None = None
) -> pd.DataFrame:
    """Every figure of a ledger a zone can be drawn from, stated or derived
    (geo.currency.area_bearing), a box measured as drawn in the embedded regions unless
    ``measure`` says otherwise. Here, not in geo.currency, because the measure needs the
    drawing (geo.zones), which itself reads the currency rules."""
    return currency.area_bearing(claims, anchors, measure or box_area(frame()))


def figure_records(candidates: pd.DataFrame, statements: pd.DataFrame) -> tuple[AreaFigure, ...]:
    """Area figures (``area_bearing``) typed, each with the day its line ends
    (``geo.currency.stands_until`` against the ledger's ``territorial_statements``)."""
    return AreaFigure.from_frame(candidates.assign(until=stands_until(candidates, statements)))


def record_span(
    claims: pd.DataFrame | None = None, statements: pd.DataFrame | None = None
) -> tuple[pd.Timestamp, pd.Timestamp]:
    """First and last dates of the record: from the first claim (the incursion's first
    days) to the last claim or settlement statement.

    The slider runs between them and a link dated after the last opens on it, with a
    notice that the record ends there. Settlement statements older than the first claim
    (a 2023 Belgorod raid, villages closed in July 2024) are background: they stand from
    the first day on, each with its own date, and do not stretch the slider back a year.
    """
    claims = load_claims() if claims is None else claims
    statements = load_settlement_statements() if statements is None else statements
    last = pd.concat([claims["date"], statements["date"]]).dropna().max()
    return pd.Timestamp(claims["date"].min()).normalize(), pd.Timestamp(last).normalize()


__all__ = [
    "Data",
    "SettlementData",
    "area_bearing",
    "claim_zones",
    "claims_on",
    "clear",
    "figure_records",
    "frame",
    "load_data",
    "record_span",
    "settlement_data",
    "settlement_records",
    "shape",
    "warm",
    "zones_as_of",
    "zones_on",
]
