"""Shared, read-only fixtures from the embedded data (loaded once per test session)."""

from __future__ import annotations

import geopandas as gpd
import pytest

import geo
from geo.records import Claim, ClaimZone, Settlement, SettlementClaim
from geo.settlements import load_settlement_statements
from tests.unit.records_of import typed_zone

#: (south, west, north, east) of data/regions.geojson, as the page passes it to the
#: upload reader (a test checks it against the data).
MAP_AREA = (48.5272, 30.5081, 54.0327, 42.9054)


@pytest.fixture(scope="session")
def layers(regions):
    """Regions, border and towns, as the map draws them."""
    return regions, geo.load_border(), geo.load_towns()


@pytest.fixture(scope="session")
def claims():
    return geo.load_claims()


@pytest.fixture(scope="session")
def records(claims):
    """The ledger's records, typed (geo.records.Claim), in the ledger's order."""
    return Claim.from_frame(claims)


@pytest.fixture(scope="session")
def by_id(records):
    """The ledger's records by id, as the page and the routes hand them to present."""
    return {rec.id: rec for rec in records}


@pytest.fixture(scope="session")
def zones(layers, claims, seed_day):
    """The zones of the seed's day (12 Aug 2024)."""
    return geo.claim_zones(seed_day, claims=claims, regions=layers[0])


@pytest.fixture(scope="session")
def zones_on(layers, claims):
    """``zones_on(day)``: the zones of that day, computed once per day per session.

    Each call returns a copy, so a test that changes its frame changes no other test's.
    """
    computed = {}

    def on(day) -> gpd.GeoDataFrame:
        key = str(day)
        if key not in computed:
            computed[key] = geo.claim_zones(key, claims=claims, regions=layers[0])
        return computed[key].copy()

    return on


@pytest.fixture(scope="session")
def settlements():
    """Every named settlement, placed or not (read-only: copy before changing)."""
    return geo.load_settlements()


@pytest.fixture(scope="session")
def statements(settlements):
    """Every dated statement about a settlement, checked against ``settlements``."""
    return load_settlement_statements(settlements=settlements)


@pytest.fixture(scope="session")
def places(settlements):
    """Every named settlement as a record (geo.records.Settlement), in the table's order."""
    return Settlement.from_frame(settlements)


@pytest.fixture(scope="session")
def place_claims(statements):
    """Every statement about a settlement as a record (geo.records.SettlementClaim), by date."""
    return SettlementClaim.from_frame(statements)


@pytest.fixture(scope="session")
def zone_of():
    """``zone_of(zones, side, territory="kursk")``: the one zone of a side about that
    ground (a side can claim ground in several regions on one date)."""

    def pick(zones, side: str, territory: str = "kursk") -> ClaimZone:
        rows = zones[(zones["side"] == side) & (zones["territory"] == territory)]
        assert len(rows) == 1, (side, territory, rows["claim_id"].tolist())
        return typed_zone(rows.iloc[0])

    return pick


@pytest.fixture(scope="module")
def client():
    """The app's own HTTP routes and middleware in-process (Starlette's TestClient, as
    Datasette tests its ASGI app), at ``http://testserver``; one per test module."""
    from starlette.applications import Starlette
    from starlette.testclient import TestClient

    from web.routes import middleware, routes

    app = Starlette(routes=routes(), middleware=middleware())
    with TestClient(app, base_url="http://testserver") as client:
        yield client
