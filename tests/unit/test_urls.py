"""URL state: valid, invalid and missing parameters; round trip; viewport folding."""

from __future__ import annotations

import datetime as dt

import pytest

from components.present.urls import ViewState, parse_query, to_query, with_viewport


def test_missing_parameters_give_defaults_and_no_notice():
    assert parse_query({}) == (ViewState(), [])


def test_valid_parameters_are_read():
    state, notices = parse_query(
        {"ru": "false", "ua": "TRUE", "ind": "1", "lang": "nl", "date": "2024-08-27",
         "lat": "51.5", "lon": "35.1", "z": "10", "base": "none"}
    )  # fmt: skip
    assert notices == []
    assert state == ViewState(
        ru=False, ua=True, ind=True, lang="nl", date=dt.date(2024, 8, 27),
        lat=51.5, lon=35.1, z=10, base="none",
    )  # fmt: skip


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("ru", "maybe"),
        ("ua", ""),
        ("lang", "de"),
        ("lang", "<script>alert(1)</script>"),
        ("date", "2024-13-01"),
        ("date", "12-08-2024"),
        ("date", "1999-01-01"),
        ("date", "2024-8-1"),
        ("lat", "nan"),
        ("lat", "91"),
        ("lon", "inf"),
        ("lon", "abc"),
        ("z", "99"),
        ("z", "8.5"),
        ("base", "satellite"),
    ],
)
def test_invalid_parameter_falls_back_to_default_with_notice(name, value):
    state, notices = parse_query({name: value})
    assert getattr(state, name) == getattr(ViewState(), name)
    assert [n.name for n in notices] == [name]


def test_one_bad_parameter_keeps_the_good_ones():
    state, notices = parse_query({"ru": "false", "z": "banana", "lang": "nl"})
    assert (state.ru, state.z, state.lang) == (False, 8, "nl")
    assert len(notices) == 1


def test_repeated_parameter_uses_the_last_value():
    state, _ = parse_query({"lang": ["en", "nl"]})
    assert state.lang == "nl"


def test_round_trip_through_the_url():
    state = ViewState(ru=False, ind=True, lang="nl", date=dt.date(2025, 3, 13),
                      lat=51.2345, lon=35.4321, z=11, base="none")  # fmt: skip
    assert parse_query(to_query(state))[0] == state


def test_date_outside_data_range_is_rejected():
    rng = (dt.date(2024, 8, 10), dt.date(2025, 4, 26))
    _, notices = parse_query({"date": "2025-06-01"}, rng)
    assert notices[0].name == "date"


def test_viewport_from_map_is_rounded_and_bounded():
    state = with_viewport(ViewState(), {"lat": 51.123456, "lng": 35.987654}, 9.0)
    assert (state.lat, state.lon, state.z) == (51.1235, 35.9877, 9)
    assert with_viewport(ViewState(), {"lat": 0, "lng": 0}, 9) == ViewState()
    assert with_viewport(ViewState(), None, None) == ViewState()


def test_sides_follow_toggles():
    assert ViewState(ru=False, ind=True).sides() == ("ukraine", "independent")
