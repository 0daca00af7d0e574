"""The UI catalogue is complete in both languages and covers every metric in the data."""

from __future__ import annotations

import re

import pytest

import geo
from components.present.i18n import CATALOGUE, LANGS, has, t


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_every_text_exists_in_both_languages(key):
    texts = CATALOGUE[key]
    assert set(texts) == set(LANGS)
    placeholders = {lang: set(re.findall(r"{(\w+)}", texts[lang])) for lang in LANGS}
    assert placeholders["en"] == placeholders["nl"], key
    if key.startswith(("title", "subtitle", "side_", "legend_note", "credits")):
        assert texts["en"] != texts["nl"]


def test_every_metric_and_unit_in_the_data_has_a_label():
    claims = geo.load_claims()
    for metric in claims["metric"].unique():
        assert has(f"metric_{metric}"), metric
    for unit in claims["unit"].dropna().unique():
        assert has(f"unit_{unit}"), unit


def test_unknown_language_falls_back_to_english():
    assert t("side_russia", "de") == "Russian claim"
    assert t("legend_as_of", "nl", date="12 aug 2024") == "Beweringen tot en met 12 aug 2024"


def test_every_csv_column_has_a_dutch_header():
    from components.present.exports import CSV_COLUMNS

    missing = [col for col in CSV_COLUMNS if not has(f"csv_{col}")]
    assert missing == []


def test_every_qualifier_in_the_data_vocabulary_has_words_and_no_other():
    from geo.claim_schema import QUALIFIERS

    in_catalogue = {k.removeprefix("qualifier_") for k in CATALOGUE if k.startswith("qualifier_")}
    assert in_catalogue == set(QUALIFIERS)


@pytest.mark.parametrize("lang", LANGS)
def test_calendar_words_are_complete(lang):
    from components.present.i18n import words

    assert [len(words(k, lang)) for k in ("months_short", "months_long")] == [12, 12]
    assert [len(words(k, lang)) for k in ("days_short", "days_long")] == [7, 7]


def test_dutch_dates_and_hedges_read_as_dutch():
    from components.present.fmt import fmt_date, hedge
    from components.present.wording import when

    assert fmt_date("2025-03-13", "nl") == "13 mrt 2025"
    assert when("2025-01-15", "nl", True, "mid_month") == "half jan 2025"
    assert hedge("at_least", "nl") == "minstens "
    assert hedge("unknown", "nl") == hedge(None, "nl") == ""


def test_every_side_in_the_data_is_shown_named_and_styled():
    from components.present.sides import SIDE_STYLE, SIDES
    from geo.claim_schema import SIDES as DATA_SIDES

    assert sorted(SIDES) == sorted(DATA_SIDES) == sorted(SIDE_STYLE)
    for side in SIDES:
        assert all(has(f"{kind}_{side}") for kind in ("side", "group", "show")), side
