"""Issue 9: every surface says when a figure was said, whether it still stands, and
whether it was stated or derived (labels, tooltips, popups, cards, comparison, chart,
PNG legend, GeoJSON, CSV), in English and Dutch."""

from __future__ import annotations

import datetime as dt
import json
import re

import pandas as pd
import pytest

import geo
from components.present.cards import build_card_html
from components.present.charts import area_chart
from components.present.compare import compare
from components.present.exports import figures_csv, zones_geojson
from components.present.figures import cards
from components.present.i18n import t
from components.present.map_build import base_map, overlay
from components.present.zone_text import (
    derivation_formula,
    derivation_text,
    legend_figure_line,
    method_text,
    zone_label,
    zone_popup_html,
    zone_style_extra,
    zone_tooltip,
)
from geo.dataset import figure_records
from geo.records import Claim
from geo.zones import anchors_dict
from tests.unit.records_of import typed, typed_zone

ALL = ("russia", "ukraine", "independent")


#: Smirnov's 12 x 40 km as drawn from the border (issue 17: the area that results).
BOX = "604"


def _box_is_marked(text: str) -> bool:
    """Every '604' (the box's drawn km²) reads '≈ 604', never as a stated figure."""
    said_derived = "derived" in text or "afgeleid" in text
    for match in re.finditer(BOX, text):
        before = text[max(0, match.start() - 2) : match.start()]
        if before != "≈ " and not (before == "= " and said_derived):
            return False
    return True


# --- The box's km² never appears as a stated figure ----------------------------------


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_no_surface_shows_the_box_area_without_derived(
    zones, records, by_id, layers, seed_day, lang
):
    ru = typed_zone(zones.set_index("side", drop=False).loc["russia"])
    ground = compare(typed(zones), lang, records).grounds[0]
    texts = {
        "label": zone_label(ru, lang),
        "tooltip": zone_tooltip(ru, lang),
        "popup": zone_popup_html(ru, by_id, lang),
        "png legend": legend_figure_line(ru, lang),
        "comparison": ground.sentence,
        "comparison figure": ground.ru_text,
        "comparison caption": ground.ru_note,
    }
    for name, text in texts.items():
        assert BOX in text, name
        assert _box_is_marked(text), (name, text)
    fmap = base_map(*layers, lang=lang)
    overlay(typed(zones), by_id, ALL, lang, seed_day).add_to(fmap)
    rendered = fmap.get_root().render()
    bound = re.findall(r'\.bind(?:Tooltip|Popup)\(\s*("(?:[^"\\]|\\.)*")', rendered)
    assert len([b for b in bound if "km²" in json.loads(b)]) >= 6  # tooltip + popup per zone
    assert any(BOX in json.loads(b) for b in bound)
    for chunk in bound:
        assert _box_is_marked(json.loads(chunk)), chunk


def test_chart_spec_marks_the_box_area_as_derived(claims, seed_day):
    candidates = geo.area_bearing(claims, anchors_dict(geo.load_anchors()))
    figures = figure_records(candidates, geo.territorial_statements(claims))
    spec = area_chart(figures, seed_day, "en").to_dict()
    seen = 0
    for rows in spec["datasets"].values():
        for row in rows:
            if round(row.get("area_km2") or 0) == int(BOX):
                seen += 1
                assert row["derived"] is True
                assert _box_is_marked(row["figure"]), row
            if "label" in row and "60%" in row["label"]:
                assert "derived" in row["label"]
    assert seen


def test_geojson_and_csv_keep_stated_and_derived_apart(zones, claims, by_id, seed_day):
    doc = json.loads(zones_geojson(zones, by_id, ALL, seed_day))
    ru = next(f["properties"] for f in doc["features"] if f["properties"]["side"] == "russia")
    assert ru["stated_area_km2"] is None
    assert round(ru["derived_area_km2"]) == int(BOX)
    assert (ru["holder"], ru["territory"]) == ("ukraine", "kursk")
    assert _box_is_marked(ru["label_en"])
    assert _box_is_marked(ru["label_nl"])
    csv = figures_csv(claims).decode()
    assert not re.search(r",(480|604)(\.0)?,", csv)  # the ledger stores no box km² record
    assert "derived_from" in csv.splitlines()[0]
    assert "source_kind" in csv.splitlines()[0]


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_subtitle_and_legend_do_not_claim_every_zone_is_stated(lang):
    for key in ("subtitle", "legend_note"):
        text = t(key, lang)
        assert {"en": "derived", "nl": "afgeleid"}[lang] in text, (key, text)  # its own language
    assert "the stated figure;" not in t("subtitle", "en")


# --- Labels: side, figure with qualifier, claimant, date and age ---------------------


def test_zone_labels_in_english_and_dutch(zones):
    z = zones.set_index("side", drop=False)
    assert zone_label(typed_zone(z.loc["ukraine"]), "en") == (
        "Ukraine says it holds: about 1,000 km² · Kursk region · Gen. Oleksandr Syrskyi · "
        "said 12 Aug 2024, the same day"
    )
    assert zone_label(typed_zone(z.loc["russia"]), "nl") == (
        "Volgens Rusland in handen van Oekraïne: zo'n 12 × 40 km (≈ 604 km² zoals getekend, "
        "afgeleid) · regio Koersk · Aleksej Smirnov · gezegd 12 aug 2024, dezelfde dag"
    )
    assert zone_label(typed_zone(z.loc["independent"]), "en").startswith(
        "AFP analysis of Institute for the Study of War data says Ukraine holds: at least "
        "800 km² · Kursk region · Independent analyst"
    )


def test_stale_zone_is_labelled_and_faded(zones_on, by_id, layers):
    z = zones_on("2024-11-23").set_index("side", drop=False)
    ru = typed_zone(z.loc["russia"])
    label = zone_label(ru, "en")
    assert "said 12 Aug 2024, 103 days earlier" in label
    assert label.endswith("replaced by this side's statement of 12 Sep 2024")
    assert zone_style_extra(ru)["fillOpacity"] == 0
    assert zone_style_extra(typed_zone(z.loc["ukraine"])) == {}
    fmap = base_map(*layers)
    overlay(typed(z), by_id, ALL, "en", dt.date(2024, 11, 23)).add_to(fmap)
    page = fmap.get_root().render()
    assert "claim-ru claim-stale" in page
    assert "claim-ua claim-stale" not in page
    assert "no current figure from this side (over 30 days old" in page  # the legend


def test_superseded_popup_says_what_replaced_it(zones_on, by_id):
    ru = typed_zone(zones_on("2025-03-13").set_index("side", drop=False).loc["russia"])
    popup = zone_popup_html(ru, by_id, "en")
    assert "Not current" in popup
    assert "Sudzha" in popup
    assert "more than 86%" in popup  # the share the derivation started from, as hedged
    assert "our arithmetic" in popup


def test_tracker_zone_names_its_kind_and_approximate_date(zones_on):
    zones = zones_on("2025-01-17")
    ind = typed_zone(
        zones[(zones["side"] == "independent") & (zones["territory"] == "kursk")].iloc[0]
    )
    label = zone_label(ind, "en")
    assert label.startswith(
        "DeepState says Ukraine holds: about 420 km² · Kursk region · Ukrainian-affiliated tracker"
    )
    assert "said mid-Jan 2025" in label
    assert "half jan 2025" in zone_label(ind, "nl")


def test_russias_own_arithmetic_is_shown_as_ours(zones_on, by_id):
    ru = typed_zone(zones_on("2025-01-17").set_index("side", drop=False).loc["russia"])
    text = derivation_text(ru, by_id, "en")
    assert "801 km² had been retaken, 63.2%" in text
    assert "≈ 1,267 km²" in text
    assert "≈ 466 km²" in text
    assert "our arithmetic" in text
    assert "onze rekensom" in derivation_text(ru, by_id, "nl")


def test_the_formula_of_a_derived_figure_shows_the_arithmetic_in_numbers(zones_on):
    """The files' ``derivation``: the same figures as the words, in signs."""
    ru = typed_zone(zones_on("2025-01-17").set_index("side", drop=False).loc["russia"])
    assert derivation_formula(ru).startswith("801 km² ÷ 63.2 % ≈ 1,267 km²; ")
    assert derivation_formula(ru).endswith("1,267 km² − 801 km² ≈ 466 km²")
    box = zones_on("2024-08-12").set_index("side", drop=False)
    assert derivation_formula(typed_zone(box.loc["russia"])) == (
        "12 km from the border along 40 km of it ⇒ ≈ 604 km² (drawn)"
    )
    assert derivation_formula(typed_zone(box.loc["ukraine"])) == ""  # stated: no arithmetic


def test_method_text_says_the_shape_and_the_anchor(zones_on, zones):
    ru = typed_zone(zones.set_index("side", drop=False).loc["russia"])
    assert "within 12 km of the border, along a stretch of it 40 km long end to end" in (
        method_text(ru, "en")
    )
    assert "centred on the Sudzha crossing" in method_text(ru, "en")
    assert "That covers ≈ 604 km², the area reported." in method_text(ru, "en")
    assert "gecentreerd op de grensovergang bij Soedzja" in method_text(ru, "nl")
    late = typed_zone(zones_on("2025-04-19").set_index("side", drop=False).loc["russia"])
    assert "The source names Gornal/Oleshnya." in method_text(late, "en")
    assert "Gornal/Olesjnja" in method_text(late, "nl")
    assert "not a surveyed front line" in method_text(late, "en")


# --- Cards: reporting confidence apart from evidence; notes; names not ids ------------


def test_card_separates_reporting_confidence_from_evidence(claims, seed_day):
    shown = Claim.from_frame(geo.claims_as_of(claims, seed_day))
    card = next(c for c in cards(shown, "en")["russia"] if c.metric == "civilians_killed")
    body = build_card_html(card, "en")
    assert "Reporting confidence: high" in body
    assert "not whether it is true" in body
    assert "Evidence given: none, according to the source" in body
    assert "Note:" in body  # the ledger's public note reaches the reader
    # The SBU spoke of war-crime accusations in general: it is not made to dispute this.
    assert "Disputed by" not in body
    assert "did not address this figure" in body
    held = next(c for c in cards(shown, "en")["russia"] if c.metric == "settlements")
    assert "DeepState, 12 Aug 2024" in build_card_html(held, "en")  # a name, not a record id
    assert "ind-deepstate-2024" not in build_card_html(held, "en")
    nl = build_card_html(
        next(c for c in cards(shown, "nl")["russia"] if c.metric == "civilians_killed"), "nl"
    )
    assert "Zekerheid over de melding: hoog" in nl
    assert "Betrouwbaarheid" not in nl
    assert "waarnemend gouverneur" in nl  # the claimant's role in Dutch
    assert '<div class="note" lang="nl">Notitie: Geen bewijs geleverd' in nl  # Dutch note
    assert "Bewijs: geen geleverd, volgens de bron" in nl


def test_cards_name_source_kinds_and_flag_the_derived_zero(records):
    groups = cards(records, "en")
    kinds = {c.kind for side in groups.values() for c in side}
    assert {"Russian official", "Ukrainian-affiliated tracker", "Media arithmetic"} <= kinds
    assert {"Media analysis", "unnamed Ukrainian official"} <= kinds
    assert "Russian unofficial voice" in kinds  # war bloggers, as on the Ukrainian side
    anonymous = next(c for c in groups["ukraine"] if c.id == "ua-gs-source-2024-11-23-area")
    assert anonymous.kind == "unnamed Ukrainian official"
    assert "Reuters could not verify" in anonymous.caveat
    zero = next(c for c in groups["russia"] if c.id == "ru-gerasimov-2025-04-26-area-zero")
    assert zero.value == "0 km² (“fully liberated”)"  # exact, as stated: never "≈ 0"
    assert zero.label == "Area held by Ukraine"
    meduza = next(c for c in groups["independent"] if c.id == "ind-meduza-2024-08-15-area")
    assert meduza.value == "500–700 km²"
    mid_jan = next(c for c in groups["independent"] if c.id == "ind-deepstate-2025-01-15-area")
    assert "mid-Jan 2025" in mid_jan.who
    assert "15 Jan" not in mid_jan.who


def test_comparison_on_26_april_2025_has_no_stale_ukrainian_500(zones_on, records):
    """Regression: the panel read "Russian claim 0 km² / Ukrainian claim 500 km²"."""
    zones = typed(zones_on("2025-04-26"))
    grounds = {(g.territory, g.holder): g for g in compare(zones, "en", records).grounds}
    cmp = grounds[("kursk", "ukraine")]
    assert cmp.title == "Kursk region: held by Ukraine"
    assert cmp.ua_km2 is None
    assert cmp.ua_text == "–"
    assert cmp.ua_note.startswith("No current figure.")
    assert "14 Feb 2025 (71 days earlier)" in cmp.ua_note
    assert cmp.ru_text == "0 km²"
    assert "0 km² (“fully liberated”)" in cmp.ru_note
    assert cmp.ratio is None
    # Russia's Sumy figure is its own ground, never set against Kursk.
    assert grounds[("sumy", "russia")].ru_text == "> 90 km²"


def test_map_legend_names_the_tracker_and_a_figure_without_a_zone(zones_on, by_id, layers):
    fmap = base_map(*layers)
    zones = typed(zones_on("2025-04-26"))
    overlay(zones, by_id, ALL, "en", dt.date(2025, 4, 26)).add_to(fmap)
    page = fmap.get_root().render()
    assert "Tracker, analyst or media" in page
    assert "Independent estimate" not in page
    line = "Russia says Ukraine holds: 0 km² (“fully liberated”) — no zone drawn"
    assert json.dumps(line)[1:-1] in page


@pytest.mark.parametrize("as_of", ["2024-08-12", "2025-03-13", "2025-04-26"])
def test_headline_figures_follow_the_age_rule(zones_on, zone_of, as_of):
    from components.present.headline import headline_html

    zones = zones_on(as_of)
    body = headline_html(typed(zones), "en")
    if as_of == "2024-08-12":
        assert "12 × 40 km (≈ 604 km² as drawn, derived)" in body
        assert "about 1,000 km²" in body
    if as_of == "2025-03-13":  # Russia's last figure was superseded by "Sudzha retaken"
        assert not zone_of(zones, "russia").current
        assert "No current area figure" in body
    if as_of == "2025-04-26":
        assert "Kursk region, held by Ukraine: 0 km² (“fully liberated”)" in body
        assert "Sumy region, held by Russia: more than 90 km²" in body
        assert "Last figure: about 500 km² (Kursk region)" in body
        assert "71 days earlier" in body


def test_png_legend_of_26_april_2025_has_a_russian_row(zones_on):
    """Regression: the PNG of 26 Apr 2025 had no Russian row at all."""
    from components.present.exports import png_legend_rows

    zones = typed(zones_on("2025-04-26"))
    rows = png_legend_rows(zones, ALL, "en")
    russian = [(figure, current) for side, _, figure, current in rows if side == "russia"]
    ukrainian = [(figure, current) for side, _, figure, current in rows if side == "ukraine"]
    assert any(
        f.startswith("Russia says Ukraine holds (Kursk region): 0 km² (“fully liberated”) · "
                     "Gen. Valery Gerasimov") and c
        for f, c in russian
    )  # fmt: skip
    assert any(
        f.startswith("Russia says it holds (Sumy region): more than 90 km²") for f, _ in russian
    )
    assert ukrainian[0][0].endswith("replaced by this side's statement of 16 Mar 2025")
    assert ukrainian[0][1] is False


def test_dutch_headline_and_labels_name_claimants_in_dutch(zones_on):
    from components.present.headline import headline_html
    from components.present.map_labels import zone_label_html

    zones = zones_on("2025-01-17")
    body = headline_html(typed(zones), "nl")
    assert "Het Russische ministerie van Defensie" in body
    assert "Anonieme hoge bron" in body
    assert "Unnamed" not in body
    ua = typed_zone(zones[(zones["side"] == "ukraine") & (zones["territory"] == "kursk")].iloc[0])
    label = zone_label_html(ua, "nl")
    assert label.count("<br>") == 2  # a stale label gets its own third line
    assert label.endswith("<span>geen nieuwer getal van deze kant</span>")


def test_chart_lines_end_when_a_figure_goes_stale(claims):
    """Regression: the Russian line ran flat at the box from Aug 2024 to Jan 2025."""
    from components.present.charts import area_series

    candidates = geo.area_bearing(claims, anchors_dict(geo.load_anchors()))
    figures = figure_records(candidates, geo.territorial_statements(claims))
    series = area_series(figures, "en").set_index("claim_id")
    assert series.loc["ru-smirnov-2024-08-12-depth", "end"] == pd.Timestamp("2024-09-11")
    assert series.loc["ua-syrskyi-2025-02-14-area", "end"] == pd.Timestamp("2025-03-16")
    recaptured = "ru-gerasimov-2025-03-12-total-recaptured"
    assert series.loc[recaptured, "end"] == pd.Timestamp("2025-03-13")
    longest = (series["end"] - series["date"]).dt.days.max()
    assert longest <= geo.MAX_AGE_DAYS
