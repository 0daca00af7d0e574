"""Issue 17: the whole border up to the record's last day, truthful at every edge.

Qualifiers and Dutch notes reach the reader, the record's span and its end, each side's
latest word, ground never mixed or split, people never added up across claimants.
"""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import pytest

import geo
from components.present.cards import build_card_html
from components.present.charts import PEOPLE_GROUPS, people_chart, people_series
from components.present.exports import figures_csv
from components.present.figures import cards
from components.present.fmt import hedge
from components.present.headline import headline_html, latest_statement
from components.present.urls import parse_query
from geo.records import Claim
from tests.unit.records_of import typed

FIRST, LAST = dt.date(2024, 8, 6), dt.date(2026, 3, 8)


@pytest.fixture(scope="module")
def every_card(records):
    """Every record's card, in both languages: {lang: {id: Card}}."""
    return {
        lang: {card.id: card for side in cards(records, lang).values() for card in side}
        for lang in ("en", "nl")
    }


# --- Every qualifier and every note reaches the reader ---------------------------------


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_every_qualifier_reaches_the_card(claims, every_card, lang, subtests):
    hedged = claims[claims["qualifier"].notna()]
    assert len(hedged) >= 80
    for rec in hedged.itertuples():
        with subtests.test(rec.id):
            words = hedge(rec.qualifier, lang).strip()
            assert words
            assert words in every_card[lang][rec.id].value, (rec.id, rec.qualifier)


def test_every_note_has_a_dutch_twin_that_the_dutch_card_shows(claims, every_card, subtests):
    noted = claims[claims["note"].notna()]
    assert len(noted) >= 75
    for rec in noted.itertuples():
        with subtests.test(rec.id):
            assert isinstance(rec.note_nl, str)
            assert rec.note_nl.strip()
            assert rec.note_nl != rec.note
            dutch = build_card_html(every_card["nl"][rec.id], "nl")
            assert '<div class="note" lang="nl">Notitie: ' in dutch
            assert "Notitie (Engels)" not in dutch
            assert every_card["nl"][rec.id].note == rec.note_nl


def test_unit_errors_are_recorded_in_the_unit_meant_and_said(claims):
    by_id = claims.set_index("id")
    gerasimov = by_id.loc["ru-gerasimov-2025-08-30-sumy-area"]
    assert (gerasimov["value"], gerasimov["unit"]) == (210, "km2")
    assert "square metres" in gerasimov["note"]
    assert "unit error" in gerasimov["note"]
    zelensky = by_id.loc["ua-zelensky-2025-08-06-peak"]
    assert zelensky["unit"] == "km2"
    assert "unit error" in zelensky["caveat_en"]
    assert "eenheidsfout" in zelensky["caveat_nl"]


def test_sumy_and_kharkiv_totals_are_one_figure_never_split(claims):
    combined = claims[claims["territory"] == "sumy+kharkiv"]
    assert set(combined["id"]) == {
        "ru-gerasimov-2025-12-31-area",
        "ru-gerasimov-2025-12-31-settlements",
    }
    # Nothing derives a Sumy-only or Kharkiv-only figure from them.
    assert not claims["derived_from"].isin(combined["id"]).any()
    assert "kharkiv" not in set(claims["territory"])


def test_every_record_has_a_source_with_a_url(claims):
    assert claims["source_url"].str.match(r"^https?://").all()
    assert len(claims) == 201


# --- The record's edges --------------------------------------------------------------


def test_record_span_is_the_first_and_last_statement_of_any_kind(claims, statements):
    first, last = geo.record_span(claims, statements)
    assert (first.date(), last.date()) == (FIRST, LAST)
    # A settlement statement after the last claim extends the record: it must be reachable.
    later = statements.iloc[:1].assign(date=pd.Timestamp("2026-04-01"))
    assert geo.record_span(claims, pd.concat([statements, later]))[1] == pd.Timestamp("2026-04-01")


@pytest.mark.parametrize(
    ("raw", "day", "kind"),
    [
        ("2026-05-15", LAST, "end_of_record"),
        ("2099-01-01", LAST, "end_of_record"),
        ("2026-03-08", LAST, None),
        ("2023-01-01", dt.date(2024, 8, 12), "invalid"),
    ],
)
def test_a_date_after_the_record_opens_on_its_last_day(raw, day, kind):
    state, notices = parse_query({"date": raw}, (FIRST, LAST))
    assert state.date == day
    assert [n.kind for n in notices] == ([kind] if kind else [])


def test_on_26_april_2025_the_ukrainian_box_names_the_general_staff_statement(zones_on, claims):
    said = Claim.from_frame(geo.claims_as_of(claims, "2025-04-26"))
    latest = latest_statement(said, "ukraine")
    assert latest.id == "ua-genstaff-2025-04-26-defence-continues"
    body = headline_html(typed(zones_on("2025-04-26")), "en", said)
    ukraine = body.split('class="h headline-ukraine"')[1]
    assert "No current area figure" in ukraine
    assert "Latest statement, 26 Apr 2025 (General Staff of Ukraine&#x27;s Armed Forces)" in (
        ukraine
    )
    assert "No area given." in ukraine
    dutch = headline_html(typed(zones_on("2025-04-26")), "nl", said).split("headline-ukraine")[1]
    assert "Laatste verklaring, 26 apr 2025 (de generale staf" in dutch


def test_a_side_whose_figure_is_its_latest_word_gets_no_extra_line(zones_on, claims):
    said = Claim.from_frame(geo.claims_as_of(claims, "2024-08-27"))
    body = headline_html(typed(zones_on("2024-08-27")), "en", said)
    ukraine = body.split('class="h headline-ukraine"')[1]
    assert "1,294 km²" in ukraine
    assert "Latest statement" not in ukraine


# --- Ground: never mixed, never split --------------------------------------------------


def test_every_zone_says_whose_hands_and_where(zones_on):
    for day in ("2024-08-12", "2025-04-26", "2025-12-31", "2026-03-08"):
        zones = zones_on(day)
        assert zones["holder"].isin(["russia", "ukraine"]).all(), day
        assert zones["territory"].isin(["kursk", "sumy", "sumy+kharkiv"]).all(), day
        assert not zones.duplicated(["side", "territory", "holder", "partial"]).any(), day


def test_a_replaced_figure_of_a_side_is_not_drawn_beside_its_newer_one(zones_on):
    """Gerasimov's 210 km² of Sumy gives way to his 950 km² of Sumy and Kharkiv."""
    russian = zones_on("2025-12-31")
    russian = russian[russian["side"] == "russia"]
    assert "ru-gerasimov-2025-08-30-sumy-area" not in set(russian["claim_id"])
    assert "ru-gerasimov-2025-12-31-area" in set(russian["claim_id"])


# --- People: dated records per claimant, never added up -------------------------------


def test_people_chart_has_one_point_per_statement_and_adds_nothing(records):
    metrics = {m for group in PEOPLE_GROUPS.values() for m in group}
    people = [rec for rec in records if rec.metric in metrics]
    series = people_series(people, "en")
    assert len(series) == len(people)
    assert len(people) >= 45
    spec = json.dumps(people_chart(records, LAST, "en").to_dict())
    assert '"aggregate": "sum"' not in spec
    assert '"mark": {"type": "line"' not in spec  # points only: never chained


def test_people_cards_say_whose_people(claims, every_card):
    pows = every_card["en"]["ru-gerasimov-2025-03-12-pows"]
    assert pows.label == "Prisoners of war (Ukrainian military)"
    ours = every_card["nl"]["ua-genstaff-2025-04-26-pows"]
    assert ours.label == "Krijgsgevangenen (Russische militairen)"


def test_csv_carries_territory_holder_people_and_dutch_notes(claims):
    text = figures_csv(claims).decode("utf-8-sig")
    header = text.splitlines()[0].split(",")
    assert {"territory", "holder", "people", "note_nl"} <= set(header)
    dutch = figures_csv(claims, "nl").decode("utf-8-sig").splitlines()[0]
    assert "in_handen_van" in dutch
