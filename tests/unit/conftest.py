"""Shared, read-only fixtures from the embedded data (loaded once per test session)."""

from __future__ import annotations

import datetime as dt

import pytest

import geo
from geo.settlements import load_settlement_statements

SEED_DAY = dt.date(2024, 8, 12)


@pytest.fixture(scope="session")
def layers():
    """Regions, border and towns, as the map draws them."""
    return geo.load_regions(), geo.load_border(), geo.load_towns()


@pytest.fixture(scope="session")
def claims():
    return geo.load_claims()


@pytest.fixture(scope="session")
def zones(layers, claims):
    """The zones of the seed's day (12 Aug 2024)."""
    return geo.claim_zones(SEED_DAY, claims=claims, regions=layers[0])


@pytest.fixture(scope="session")
def settlements():
    """Every named settlement, placed or not (read-only: copy before changing)."""
    return geo.load_settlements()


@pytest.fixture(scope="session")
def statements(settlements):
    """Every dated statement about a settlement, checked against ``settlements``."""
    return load_settlement_statements(settlements=settlements)
