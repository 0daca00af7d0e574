"""The UI catalogue is complete in both languages and covers every metric in the data."""

from __future__ import annotations

import ast
import re
from collections import Counter
from pathlib import Path

import pytest

import geo
from components.present import i18n
from components.present.i18n import CATALOGUE, LANGS, SECTIONS, has, t

#: Keys whose Dutch is, rightly, the English: symbols and units, patterns made only of
#: placeholders and punctuation, and words Dutch shares (id, district, status, downloads).
SAME_IN_DUTCH = frozenset({
    "compass_n", "compass_w", "unit_km2", "unit_km", "unit_ratio", "unit_none",
    "said_by", "when_month", "range_figure", "stl_claim", "desc_zone", "theatre",
    "headline_row", "headline_last_more", "compare_theatre",
    "downloads", "dl_geojson", "gpkg_view", "gpkg_trigger",
    "csv_id", "csv_district", "csv_status", "stl_col_district",
})  # fmt: skip


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_every_text_exists_in_both_languages(key):
    texts = CATALOGUE[key]
    assert set(texts) == set(LANGS)
    placeholders = {lang: set(re.findall(r"{(\w+)}", texts[lang])) for lang in LANGS}
    assert placeholders["en"] == placeholders["nl"], key


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_the_dutch_text_is_a_translation_not_the_english_copied(key):
    """A Dutch text equal to the English is a missed translation, unless the key is one
    whose words both languages share (``SAME_IN_DUTCH``, checked to stay true)."""
    texts = CATALOGUE[key]
    if key in SAME_IN_DUTCH:
        assert texts["nl"] == texts["en"], f"{key} is translated now: drop it from the list"
    else:
        assert texts["nl"] != texts["en"], f"{key}: the Dutch is the English"


def _section_keys() -> dict[str, list[str]]:
    """Each section table's keys as written in i18n.py (a repeated key is kept twice)."""
    tree = ast.parse(Path(i18n.__file__).read_text(encoding="utf-8"))
    out = {}
    for node in tree.body:
        if isinstance(node, ast.AnnAssign) and node.target.id.lower() in SECTIONS:
            out[node.target.id.lower()] = [k.value for k in node.value.keys]
    return out


def test_each_key_is_written_once_in_one_section():
    """A repeated key in a dict literal silently replaces the first: the source is read."""
    written = _section_keys()
    assert set(written) == set(SECTIONS)
    counts = Counter(key for keys in written.values() for key in keys)
    assert [key for key, n in counts.items() if n > 1] == []
    assert sum(len(section) for section in SECTIONS.values()) == len(CATALOGUE)


@pytest.mark.parametrize("name", sorted(SECTIONS))
def test_each_section_has_both_languages_for_the_same_keys(name):
    section = SECTIONS[name]
    assert section, name
    covered = {lang: {k for k, texts in section.items() if lang in texts} for lang in LANGS}
    assert covered["en"] == covered["nl"] == set(section)


def test_every_metric_and_unit_in_the_data_has_a_label():
    claims = geo.load_claims()
    for metric in claims["metric"].unique():
        assert has(f"metric_{metric}"), metric
    for unit in claims["unit"].dropna().unique():
        assert has(f"unit_{unit}"), unit


def test_unknown_language_falls_back_to_english():
    assert t("side_russia", "de") == "Russian claim"
    assert t("legend_as_of", "nl", date="12 aug 2024") == "Beweringen tot en met 12 aug 2024"


def test_every_csv_column_has_its_own_dutch_header():
    """Each column is named in Dutch (not the English copied, see the test above), and no
    two columns share a header in either language."""
    from components.present.exports import CSV_COLUMNS, STL_CSV_COLUMNS, csv_headers

    columns = (*CSV_COLUMNS, *STL_CSV_COLUMNS)
    missing = [col for col in columns if not has(f"csv_{col}")]
    assert missing == []
    english, dutch = csv_headers("en"), csv_headers("nl")
    assert english == list(columns)
    assert len(set(dutch)) == len(dutch)
    copied = [en for en, nl in zip(english, dutch, strict=True) if en == nl]
    assert copied == ["id", "district", "status"]  # the same word in Dutch


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
