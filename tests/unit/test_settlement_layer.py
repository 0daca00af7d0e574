"""The settlements layer, table and totals chart, built without a browser."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re

import pandas as pd
import pytest

import geo
from components.present.i18n import has
from components.present.settlement_chart import count_chart, count_series
from components.present.settlement_layer import DOT_PX, DOT_SCALE, TARGET_PX, settlement_layer
from components.present.settlement_table import filter_table, placement_note, settlement_table
from components.render.folium_payload import overlay_script
from geo.records import Settlement
from geo.settlements import ACTIONS, SIDES, STATUSES


def markers(script: str) -> dict[str, dict]:
    """Each marker's dot status, tooltip and popup, keyed by the tooltip's place name."""
    out = {}
    for block in script.split("L.marker(")[1:]:
        status = re.search(r"stl-dot stl-(\w+)", block)[1]
        tip = json.loads(re.search(r"bindTooltip\(\s*(\".*?\"), \{", block, re.S)[1])
        popup = json.loads(re.search(r"bindPopup\(\s*(\".*?\"), \{", block, re.S)[1])
        out[tip.split(" — ")[0]] = {"status": status, "tip": tip, "popup": popup}
    return out


def layer(places, place_claims, day: str, lang: str = "en") -> dict[str, dict]:
    group = settlement_layer(places, place_claims, dt.date.fromisoformat(day), lang)
    return markers(overlay_script(group, idx=2))


def test_sudzha_popup_on_13_march_2025_lists_both_sides_claims(places, place_claims):
    sudzha = layer(places, place_claims, "2025-03-13")["Sudzha"]
    popup = sudzha["popup"]
    assert "15 Aug 2024</b> · Ukrainian side" in popup
    assert "Military commandant&#x27;s office created in Sudzha" in popup
    assert "13 Mar 2025</b> · Russian side · Russian Ministry of Defence: <b>“liberated”" in popup
    assert "14 Mar 2025" not in popup  # the MoD's weekly summary came a day later
    assert 'href="https://www.pravda.com.ua/eng/news/2025/03/13/7502688/"' in popup
    assert sudzha["status"] == "contested"


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        # DeepState said Ukrainian troops entered Goncharovka: a tracker, not a side.
        ("2024-08-09", {"Sudzha": "ukraine", "Goncharovka": "reported"}),
        # Alaudinov said Martynovka was "recaptured" on 15 Aug; Ukraine named it not.
        ("2024-08-20", {"Sudzha": "ukraine", "Martynovka": "russia"}),
        ("2025-03-13", {"Sudzha": "contested", "Goncharovka": "reported"}),
        ("2025-03-16", {"Sudzha": "russia", "Goncharovka": "russia"}),
        ("2025-04-26", {"Gornal": "contested"}),
    ],
)
def test_points_are_styled_by_the_latest_claims_as_of_a_date(places, place_claims, day, expected):
    shown = layer(places, place_claims, day)
    assert {name: shown[name]["status"] for name in expected} == expected


def test_only_placed_settlements_named_by_the_date_are_drawn(places, place_claims):
    early = layer(places, place_claims, "2024-08-09")
    assert "Glushkovo" not in early  # first named later
    assert len(early) == 12
    late = layer(places, place_claims, "2025-04-26")
    assert len(late) == 82
    assert "Agronom" in late  # placed from the gazetteer
    assert "Pokrovsky" not in late  # several places of that name: never guessed
    end = layer(places, place_claims, "2026-03-08")
    assert len(end) == 86
    assert {"Demidovka", "Poroz", "Tyotkino (Tetkino)", "Yunakivka"} <= set(end)
    assert "Sopych" not in end  # no gazetteer covers Sumy region's villages


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        # Belgorod: Russian war correspondents said Russian forces cleared Demidovka.
        ("2025-03-23", {"Demidovka": "russia"}),
        # Popovka: ISW relays a Ukrainian advance (a tracker), Russia reports fighting.
        ("2025-03-26", {"Popovka": "reported"}),
        # Yunakivka: TASS says Russian troops entered, the governor denies it.
        ("2025-05-24", {"Yunakivka": "contested"}),
        ("2026-03-08", {"Yunakivka": "contested", "Demidovka": "russia", "Poroz": "reported"}),
    ],
)
def test_dots_follow_the_claims_after_april_2025(places, place_claims, day, expected):
    shown = layer(places, place_claims, day)
    assert {name: shown[name]["status"] for name in expected} == expected


def test_a_dots_tooltip_gives_the_age_of_the_latest_statement(places, place_claims):
    sudzha = layer(places, place_claims, "2026-03-08")["Sudzha"]
    assert (
        sudzha["tip"] == "Sudzha — “Liberated” by Russia (as claimed); latest statement 16 Mar 2025"
    )
    dutch = layer(places, place_claims, "2026-03-08", "nl")["Soedzja"]
    assert dutch["tip"].endswith("laatste verklaring 16 mrt 2025")


def test_dots_shrink_as_the_reader_zooms_out(places, place_claims):
    group = settlement_layer(places, place_claims, dt.date(2025, 4, 13), "en")
    script = overlay_script(group, idx=2)
    assert 'map.on("zoomend"' in script
    assert ".stl-z8 .stl-icon .stl-dot{width:6px!important" in script
    # Only the drawn dot shrinks: the marker stays a 24 px target (WCAG 2.2 target size).
    assert "pointer-events:none" not in script
    assert f'"iconSize": [{TARGET_PX}, {TARGET_PX}]' in script
    sizes = [size for _, size, _ in DOT_SCALE]
    assert sizes == sorted(sizes)
    assert max(sizes) < DOT_PX


def test_settlement_legend_is_its_own_control_beside_the_claims_legend(places, place_claims):
    group = settlement_layer(places, place_claims, dt.date(2025, 3, 13), "en")
    script = overlay_script(group, idx=2)
    assert '"stl-legend"' in script
    assert "claims-legend" not in script
    assert "Contested: both sides claim it" in script


def test_statement_text_is_escaped_in_popup_and_tooltip(places, place_claims):
    first = next(i for i, rec in enumerate(place_claims) if rec.settlement_id == "sudzha")
    bad = dataclasses.replace(
        place_claims[first], claimant="<img src=x onerror=alert(1)>",
        names={"summary": {"en": "</script>"}}, source_url="javascript:alert(2)",
    )  # fmt: skip
    hostile = (*place_claims[:first], bad, *place_claims[first + 1 :])
    popup = layer(places, hostile, "2024-08-20")["Sudzha"]["popup"]
    assert "<img" not in popup
    assert "&lt;img src=x" in popup
    assert "</script>" not in popup
    assert "javascript:" not in popup


def test_dutch_layer_uses_dutch_names_and_words(places, place_claims):
    shown = layer(places, place_claims, "2025-03-16", "nl")
    assert "Soedzja" in shown
    assert "„bevrijd”" in shown["Soedzja"]["popup"]


def test_every_action_status_and_side_has_a_label():
    keys = [f"stl_action_{a}" for a in ACTIONS] + [f"stl_status_{s}" for s in STATUSES]
    keys += [f"stl_side_{s}" for s in SIDES] + [f"stl_who_{s}" for s in SIDES]
    assert [k for k in keys if not has(k)] == []


def test_table_lists_unplaced_settlements_and_each_sides_latest_claim(places, place_claims):
    table = settlement_table(places, place_claims, dt.date(2025, 3, 13), "en")
    sudzha = filter_table(table, "Sudzha").iloc[0]
    assert sudzha["name"] == "Sudzha (Суджа)"
    assert sudzha["russia"] == (
        "“liberated”, 13 Mar 2025 (Russian Ministry of Defence) · read in a relay"
    )
    assert sudzha["ukraine"].startswith("fighting reported, 12 Mar 2025")
    assert sudzha["region"] == "Kursk (Russia)"
    agronom = filter_table(table, "агроном").iloc[0]
    assert agronom["on_map"] == "yes"
    pokrovsky = filter_table(table, "pokrovsky").iloc[0]
    assert pokrovsky["on_map"] == "no: several places share this name (not guessed)"
    early = settlement_table(places, place_claims, dt.date(2024, 8, 9), "en")
    assert len(early) < len(table) < len(places)


def test_table_on_the_last_day_lists_every_village_and_why_some_are_not_placed(
    places, place_claims
):
    table = settlement_table(places, place_claims, dt.date(2026, 3, 8), "en")
    assert len(table) == len(places) == 125
    sopych = filter_table(table, "Sopych").iloc[0]
    assert sopych["region"] == "Sumy (Ukraine)"
    assert sopych["on_map"] == "no: no gazetteer of this region's villages yet"
    assert sopych["independent"].startswith("took control (Russian forces), 7 Mar 2026")
    assert len(filter_table(table, "Belgorod")) == 9  # the region is searchable too
    assert placement_note(table, "en") == (
        "86 of them are on the map. Not on the map: 4 whose name several places share "
        "(never guessed); 9 not found in the gazetteer; 26 in Sumy region, for which no "
        "gazetteer is embedded yet."
    )
    dutch = settlement_table(places, place_claims, dt.date(2026, 3, 8), "nl")
    assert placement_note(dutch, "nl").startswith("Daarvan staan er 86 op de kaart.")
    assert filter_table(dutch, "Soemy")["region"].eq("Soemy (Oekraïne)").all()


def test_totals_chart_keeps_each_sides_figures_on_their_own_line():
    counts = geo.load_settlement_counts()
    series = count_series(counts, "en")
    held = series[series["series"] == "held by Ukraine, said by the Ukrainian side"]
    assert held["count"].tolist() == [74, 82, 93, 100]
    assert "about 10" in series["stated"].tolist()
    assert 29 not in series["count"].tolist()  # a week's total is not a cumulative one
    retaken = series[series["series"] == "retaken by Russia, said by the Russian side"]
    assert retaken["segment"].nunique() == 2  # 19 in Oct 2024 is not drawn flat to March
    spec = count_chart(counts, dt.date(2025, 3, 13), "en").to_dict()
    assert pd.Timestamp("2025-03-13").isoformat() in json.dumps(spec)


def sudzha_with(settlements, **columns: str) -> Settlement:
    """Sudzha as a record read from its row with some name columns changed or added."""
    row = settlements[settlements["id"] == "sudzha"].iloc[0].to_dict()
    return Settlement.from_row({**row, **columns})


def test_a_place_without_a_dutch_name_is_shown_by_its_english_one(settlements, place_claims):
    sudzha = sudzha_with(settlements, name_nl="")
    assert "Sudzha" in layer((sudzha,), place_claims, "2025-03-13", "nl")
    table = settlement_table((sudzha,), place_claims, dt.date(2025, 3, 13), "nl")
    assert table["name"].tolist() == ["Sudzha (Суджа)"]


def test_a_third_languages_name_column_is_shown_and_searched_without_code(
    settlements, place_claims
):
    sudzha = sudzha_with(settlements, name_de="Sudscha")
    assert list(layer((sudzha,), place_claims, "2025-03-13", "de")) == ["Sudscha"]
    assert list(layer((sudzha,), place_claims, "2025-03-13", "en")) == ["Sudzha"]
    table = settlement_table((sudzha,), place_claims, dt.date(2025, 3, 13), "en")
    assert filter_table(table, "sudscha")["id"].tolist() == ["sudzha"]


def test_a_statement_summary_is_in_the_readers_language_when_the_data_has_it(places, place_claims):
    first = next(i for i, rec in enumerate(place_claims) if rec.settlement_id == "sudzha")
    english = place_claims[first].names["summary"]["en"]
    dutch = dataclasses.replace(
        place_claims[first], names={"summary": {"en": english, "nl": "Nederlandse samenvatting"}}
    )
    said = (*place_claims[:first], dutch, *place_claims[first + 1 :])
    assert "Nederlandse samenvatting" in layer(places, said, "2024-08-20", "nl")["Soedzja"]["popup"]
    english_popup = layer(places, said, "2024-08-20", "en")["Sudzha"]["popup"]
    assert "Nederlandse samenvatting" not in english_popup
