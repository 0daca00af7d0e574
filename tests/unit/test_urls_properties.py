"""Property-based: any string for any URL parameter yields a valid view, never an exception."""

from __future__ import annotations

import datetime as dt

import pytest

pytest.importorskip("hypothesis", reason="hypothesis is not installed (requirements-dev.txt)")

from hypothesis import given, settings
from hypothesis import strategies as st

from components.present.i18n import LANGS
from components.present.urls import (
    BASEMAPS,
    LAT_RANGE,
    LON_RANGE,
    ZOOM_RANGE,
    ViewState,
    parse_query,
    to_query,
)

NAMES = ["ru", "ua", "ind", "lang", "date", "lat", "lon", "z", "base", "other"]
RANGE = (dt.date(2024, 8, 10), dt.date(2025, 4, 26))
values = st.one_of(st.text(max_size=60), st.lists(st.text(max_size=20), max_size=3))


def assert_valid(state: ViewState) -> None:
    assert isinstance(state.ru, bool)
    assert isinstance(state.ua, bool)
    assert isinstance(state.ind, bool)
    assert state.lang in LANGS
    assert state.base in BASEMAPS
    assert RANGE[0] <= state.date <= RANGE[1] or state.date == ViewState().date
    assert LAT_RANGE[0] <= state.lat <= LAT_RANGE[1]
    assert LON_RANGE[0] <= state.lon <= LON_RANGE[1]
    assert ZOOM_RANGE[0] <= state.z <= ZOOM_RANGE[1]


@settings(max_examples=400, deadline=None)
@given(st.dictionaries(st.sampled_from(NAMES), values, max_size=len(NAMES)))
def test_any_parameters_give_a_valid_state(params):
    state, notices = parse_query(params, RANGE, ViewState(date=RANGE[0]))
    assert_valid(state)
    assert {n.name for n in notices} <= set(params)
    # What the page writes back to the URL reads back as the same view.
    assert parse_query(to_query(state), RANGE, ViewState(date=RANGE[0]))[0] == state


@settings(deadline=None)
@given(
    st.builds(
        ViewState,
        ru=st.booleans(),
        ua=st.booleans(),
        ind=st.booleans(),
        lang=st.sampled_from(LANGS),
        base=st.sampled_from(BASEMAPS),
        date=st.dates(RANGE[0], RANGE[1]),
        lat=st.floats(*LAT_RANGE).map(lambda v: round(v, 4)),
        lon=st.floats(*LON_RANGE).map(lambda v: round(v, 4)),
        z=st.integers(*ZOOM_RANGE),
    )
)
def test_every_valid_view_round_trips_through_the_url(state):
    assert parse_query(to_query(state), RANGE)[0] == state
