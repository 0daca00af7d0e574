"""Typed records at the geo → present boundary (geo.records): what every word is built from."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import pickle

import pandas as pd
import pytest

import geo
from components.present.exports.view_files import ExportData
from geo import dataset
from geo.currency import select_as_of
from geo.records import AreaFigure, Claim, ClaimZone, SettlementClaim


def test_a_zone_row_reads_into_a_frozen_record_with_its_names_by_language(zones_on):
    row = zones_on("2025-04-26")
    sumy = row[(row["side"] == "russia") & (row["territory"] == "sumy")].iloc[0]
    zone = ClaimZone.from_row(sumy)
    assert (zone.side, zone.holder, zone.current) == ("russia", "russia", True)
    assert zone.names["anchor"] == {"en": "Khotin", "nl": "Chotin"}
    assert zone.names["anchor_to"] == {"en": "Yunakivka", "nl": "Joenakivka"}
    assert zone.names["words"] == {}  # no exact words: nothing, not NaN
    assert zone.depth_km is None
    assert zone.superseded_on is None
    assert isinstance(zone.claim_ids, tuple)
    assert zone.drawn
    with pytest.raises(dataclasses.FrozenInstanceError):
        zone.current = False  # type: ignore[misc]


def test_a_field_ending_in_two_letters_is_not_taken_for_a_language():
    """``anchor_id`` and ``anchor_to`` end in two letters but are fields, not Indonesian
    or Tongan names of the anchor."""
    zone = ClaimZone.from_row(
        {"anchor": "the Sudzha sector", "anchor_nl": "de sector Soedzja", "anchor_id": "sudzha",
         "anchor_to": "Yunakivka", "anchor_to_id": "yunakivka", "anchor_to_de": "Junakiwka"}
    )  # fmt: skip
    assert zone.names["anchor"] == {"en": "the Sudzha sector", "nl": "de sector Soedzja"}
    assert zone.names["anchor_to"] == {"en": "Yunakivka", "de": "Junakiwka"}
    assert (zone.anchor_id, zone.anchor_to_id) == ("sudzha", "yunakivka")


def test_a_quote_keeps_its_original_apart_from_its_translations():
    rec = Claim.from_row({"quote": "ongeveer de helft", "quote_lang": "nl", "quote_en": "half"})
    assert (rec.quote, rec.quote_lang) == ("ongeveer de helft", "nl")
    assert rec.names["quote"] == {"en": "half"}  # the original is not an English text


def test_the_page_and_the_notebook_read_the_same_records():
    day = dt.date(2025, 3, 13)
    data = dataset.load_data()
    assert dataset.zones_on(day) == ClaimZone.from_frame(dataset.zones_as_of(day))
    assert [rec.id for rec in dataset.claims_on(day)] == list(
        geo.claims_as_of(data.claims, day)["id"]
    )
    unended = [dataclasses.replace(figure, until=None) for figure in data.figures]
    assert unended == list(AreaFigure.from_frame(data.candidates))
    assert all(figure.until >= figure.date for figure in data.figures)
    assert set(data.by_id) == set(data.claims["id"])
    places, said = dataset.settlement_records()
    assert len(places) == len(dataset.settlement_data().settlements)
    assert all(isinstance(rec, SettlementClaim) for rec in said)
    assert [rec.date for rec in said] == sorted(rec.date for rec in said)


def test_records_travel_to_a_render_child_unchanged():
    """The PNG is drawn in a child process: what it is given must pickle and come back equal."""
    files = ExportData.of(dataset.load_data())
    back = pickle.loads(pickle.dumps((files.by_id, dataset.zones_on(dt.date(2024, 8, 12)))))
    assert back == (files.by_id, dataset.zones_on(dt.date(2024, 8, 12)))


def test_a_chart_line_ends_where_the_map_stops_showing_its_figure_as_current():
    """The chart (``AreaFigure.until``) and the map's zones (``select_as_of``, what
    ``zones_on`` draws) tell one rule: the day before a line ends its figure, where
    shown, is current; the day after, it is not current anywhere."""
    data = dataset.load_data()

    @functools.cache
    def chosen(day: dt.date) -> pd.DataFrame:
        return select_as_of(data.candidates, day, data.statements)

    def shown(day: dt.date, claim_id: str) -> list[bool]:
        rows = chosen(day)
        return rows.loc[rows["claim_id"] == claim_id, "current"].astype(bool).tolist()

    one_day = dt.timedelta(days=1)
    checked = 0
    for figure in data.figures:
        end = figure.until.date()
        if end - one_day >= figure.date.date():
            before = shown(end - one_day, figure.claim_id)
            assert all(before), (figure.claim_id, "before", end)
            checked += len(before)
        assert not any(shown(end + one_day, figure.claim_id)), (figure.claim_id, "after", end)
    assert checked >= 20  # most figures are shown on the day before their line ends
