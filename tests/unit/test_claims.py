"""The claims ledger: shipped data traced to the seed, validation errors, as-of cut-off.

Long (over 300 lines) because it is mostly a table of broken records, one per rule in
geo/claim_schema.py and geo/claim_rules.py, each with the exact message a maintainer sees.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections.abc import Callable

import pandas as pd
import pytest

import geo
from geo.claims import (
    METRICS,
    SEEDS_DIR,
    SIDES,
    ClaimsError,
    claims_as_of,
    load_claims,
    validate_claims,
)

SEED = "seeds/000_3ff76f570b7661c0.txt"
SEED_TEXT = (SEEDS_DIR / "000_3ff76f570b7661c0.txt").read_text(encoding="utf-8")
NH_URL = (
    "https://www.nhnieuws.nl/nieuws/n159667/"
    "oekraine-claimt-inname-1000-vierkante-kilometer-russisch-grondgebied"
)


def squash(text: str) -> str:
    """Collapse whitespace, independently of the module's own helper."""
    return re.sub(r"\s+", " ", text).strip()


def seeded(claims: pd.DataFrame) -> pd.DataFrame:
    return claims[claims["source_seed"].notna()]


# --------------------------------------------------------------------------------------
# The shipped file
# --------------------------------------------------------------------------------------


def test_shipped_file_loads_sorted_with_typed_columns(claims):
    assert 150 <= len(claims) <= 300
    for col in ("id", "date", "side", "metric", "value", "summary_nl", "source_url"):
        assert col in claims.columns
    assert pd.api.types.is_datetime64_any_dtype(claims["date"])
    assert (claims["date"] == claims["date"].dt.normalize()).all()
    assert claims["value"].dtype == "float64"
    assert claims["date_approx"].dtype == bool
    keys = list(zip(claims["date"], claims["id"], strict=True))
    assert keys == sorted(keys)
    assert claims["disputed_by"].map(lambda v: isinstance(v, list)).all()


def test_ids_are_unique(claims):
    assert claims["id"].is_unique


def test_every_record_has_both_languages_and_a_traceable_source(claims):
    for rec in claims.itertuples():
        assert rec.summary_en.strip(), rec.id
        assert rec.summary_nl.strip(), rec.id
        assert rec.summary_en != rec.summary_nl, rec.id
        assert re.match(r"^https?://", rec.source_url), rec.id
        assert rec.source_title, rec.id
        assert rec.source_outlet, rec.id
        assert rec.side in SIDES, rec.id
        assert rec.metric in METRICS, rec.id


def test_all_three_sides_are_present(claims):
    assert set(claims["side"]) == set(SIDES)


def test_every_seed_quote_is_verbatim_in_the_seed(claims):
    rows = seeded(claims)
    assert len(rows) >= 12
    seed = squash(SEED_TEXT)
    for rec in rows.itertuples():
        assert rec.source_seed == SEED, rec.id
        assert rec.source_url == NH_URL, rec.id
        assert rec.quote_lang == "nl", rec.id
        assert rec.quote_en, rec.id
        assert squash(rec.quote) in seed, rec.id


def test_only_seed_records_carry_quotes(claims):
    others = claims[claims["source_seed"].isna()]
    assert others["quote"].isna().all()


@pytest.mark.parametrize(
    ("metric", "value", "words"),
    [
        ("settlements", 28, "28 dorpen"),
        ("depth_km", 12, "12 bij 40"),
        ("width_km", 40, "12 bij 40"),
        ("evacuated", 121_000, "121.000"),
        ("civilians_killed", 12, "twaalf"),
        ("civilians_wounded", 121, "121 gewonden"),
        ("attacks", 2000, "2000 keer"),
        ("share_of_ukraine_claim", 0.5, "de helft"),
    ],
)
def test_each_seed_figure_has_a_quoted_record(claims, metric, value, words):
    rows = seeded(claims)
    match = rows[(rows["metric"] == metric) & (rows["value"] == value)]
    assert len(match) == 1, (metric, value)
    assert words in match.iloc[0]["quote"]


#: Words of a seed quote -> the side and region of every record quoting them.
SEED_STATEMENTS = {
    "SBU": ("ukraine", "RU-KRS"),
    "Poetin": ("russia", "RU-KRS"),
    "oorlogsbloggers": ("russia", "RU-KRS"),
    "Institute for the Study of War": ("independent", "RU-KRS"),
    "Belgorod": ("russia", "RU-BEL"),
    "huiswaarts": ("ukraine", "RU-KRS"),
}


@pytest.mark.parametrize("words", list(SEED_STATEMENTS))
def test_seed_statements_are_recorded_with_their_side(claims, words):
    side, region = SEED_STATEMENTS[words]
    rows = seeded(claims)
    match = rows[rows["quote"].str.contains(words, regex=False)]
    assert not match.empty, words
    assert set(match["side"]) == {side}
    assert set(match["region"]) == {region}


def test_sumy_attacks_are_about_sumy(claims):
    attacks = claims[claims["metric"] == "attacks"]
    assert set(attacks["region"]) == {"UA-59"}
    assert set(attacks["value"]) >= {2000.0, 2100.0}


def test_article_arithmetic_is_independent_and_flagged(claims):
    rec = claims[claims["metric"] == "share_of_ukraine_claim"].iloc[0]
    assert rec["side"] == "independent"
    assert rec["source_kind"] == "media_arithmetic"
    assert "NH Nieuws" in rec["claimant"]
    assert "arithmetic" in rec["note"]


def test_syrskyi_1000_km2_on_12_august_with_public_url(claims):
    match = claims[
        (claims["metric"] == "area_km2")
        & (claims["value"] == 1000)
        & (claims["date"] == pd.Timestamp("2024-08-12"))
        & (claims["side"] == "ukraine")
    ]
    assert len(match) == 1
    rec = match.iloc[0]
    assert "Syrskyi" in rec["claimant"]
    assert re.match(r"^https?://", rec["source_url"])
    assert pd.isna(rec["source_seed"])


def test_twelve_killed_is_caveated_without_making_the_sbu_dispute_the_figure(claims):
    """The SBU spoke of war-crime accusations in general, not of the twelve dead."""
    rec = claims[claims["metric"] == "civilians_killed"].iloc[0]
    assert rec["value"] == 12
    assert "No evidence" in rec["note"]
    assert not rec["disputed_by"]
    assert "general" in rec["caveat_en"]
    assert "did not address this figure" in rec["caveat_en"]
    assert "algemene zin" in rec["caveat_nl"]
    assert "dit getal" in rec["caveat_nl"]


def test_smirnov_box_is_a_group_and_no_480_area_is_stored(claims):
    box = claims[claims["group"] == "ru-smirnov-2024-08-12-box"]
    assert sorted(box["metric"]) == ["depth_km", "width_km"]
    assert sorted(box["value"]) == [12.0, 40.0]
    areas = claims[claims["metric"] == "area_km2"]
    assert not (areas["value"] == 480).any()
    assert (areas["value"] >= 0).all()
    assert areas["value"].notna().all()


def test_full_liberation_claim_is_kept_beside_its_denials(claims):
    day = claims[claims["date"] == pd.Timestamp("2025-04-26")]
    kursk = day[day["territory"] == "kursk"]
    zero = kursk[(kursk["metric"] == "area_km2") & (kursk["side"] == "russia")]
    assert list(zero["value"]) == [0.0]
    assert "claimed" in zero.iloc[0]["note"].lower()
    assert {"russia", "ukraine", "independent"} <= set(day["side"])
    ground = kursk[(kursk["side"] == "russia") & kursk["metric"].isin(["area_km2", "event"])]
    for rec in ground.itertuples():
        assert rec.disputed_by, rec.id
    ukrainian = day[(day["side"] == "ukraine") & (day["metric"] == "event")]
    assert len(ukrainian) == 1


def test_ukrainian_area_series_grows_then_both_peaks_are_kept(claims):
    ua = claims[(claims["side"] == "ukraine") & (claims["metric"] == "area_km2")]
    growth = ua[ua["date"] <= pd.Timestamp("2024-08-31")]["value"].tolist()
    assert growth == [1000.0, 1150.0, 1250.0, 1263.0, 1294.0]
    assert 1294.0 in set(ua["value"])
    # The anonymous 1,376 km² is a peak, not the area held on its date: its own metric,
    # so it is listed as a figure but never drawn as the zone of 23 Nov 2024. A year on,
    # Syrskyi ("up to 1,300") and Zelensky (1,300) gave the peak again, on the record.
    peak = claims[(claims["metric"] == "peak_area_km2") & (claims["side"] == "ukraine")]
    assert peak["value"].tolist() == [1376.0, 1300.0, 1300.0]
    assert peak["qualifier"].tolist() == ["about", "up_to", None]


# --------------------------------------------------------------------------------------
# Validation errors name the bad record
# --------------------------------------------------------------------------------------

GOOD_SOURCE = {
    "title": "A headline",
    "outlet": "An outlet",
    "date": "2024-08-12",
    "url": "https://example.org/a",
}


def base_record(**overrides) -> dict:
    record = {
        "id": "x-test-one",
        "date": "2024-08-12",
        "side": "ukraine",
        "source_kind": "official",
        "claimant": "Someone, some role",
        "region": "RU-KRS",
        "holder": "ukraine",
        "metric": "area_km2",
        "value": 1000,
        "unit": "km2",
        "summary_en": "Someone said something.",
        "summary_nl": "Iemand zei iets.",
        "source": dict(GOOD_SOURCE),
        "confidence": "high",
    }
    record.update(overrides)
    return record


def seed_record(**overrides) -> dict:
    record = base_record(
        id="x-test-seed",
        side="russia",
        metric="settlements",
        value=28,
        unit="settlements",
        quote="Oekraïense militairen hebben volgens de gouverneur 28 dorpen in handen.",
        quote_lang="nl",
        quote_en="Ukrainian troops hold 28 villages, the governor says.",
        source={**GOOD_SOURCE, "seed": SEED},
    )
    record.update(overrides)
    return record


def box(width_date: str = "2024-08-12", width_side: str = "russia") -> list[dict]:
    depth = base_record(
        id="x-depth", side="russia", metric="depth_km", value=12, unit="km", group="g"
    )
    width = base_record(
        id="x-width",
        side=width_side,
        metric="width_km",
        value=40,
        unit="km",
        group="g",
        date=width_date,
    )
    return [depth, width]


def without(record: dict, key: str) -> dict:
    record = copy.deepcopy(record)
    del record[key]
    return record


def source_without(key: str) -> dict:
    record = base_record()
    del record["source"][key]
    return record


def one(**overrides) -> Callable[[], list[dict]]:
    """A case of a single base record, changed by *overrides*."""
    return lambda: [base_record(**overrides)]


SEEDS = {SEED: SEED_TEXT}

#: case -> (records to validate, part of the message). Each case breaks its first
#: record (or repeats its id), so the message must start with that record's id.
BAD_CASES: dict[str, tuple[Callable[[], list[dict]], str]] = {
    "unknown side": (
        one(side="rusia"),
        "unknown side 'rusia' (expected one of: independent, russia, ukraine)",
    ),
    "unknown metric": (one(metric="hectares"), "unknown metric"),
    "unknown region": (one(region="RU-MOW"), "unknown region"),
    "unit does not fit metric": (one(unit="km"), "unit 'km'"),
    "duplicate id": (lambda: [base_record(), base_record()], "duplicate id"),
    "missing source": (
        lambda: [without(base_record(), "source")],
        "missing required field(s): source",
    ),
    "null source": (one(source=None), "missing source"),
    "source without url": (lambda: [source_without("url")], "source has no url"),
    "source without title": (lambda: [source_without("title")], "source has no title"),
    "source url not http": (one(source={**GOOD_SOURCE, "url": "ftp://x/y"}), "not an http(s) URL"),
    "unknown source key": (one(source="no-such-source"), "unknown source 'no-such-source'"),
    "quote not in seed": (
        lambda: [seed_record(quote="Oekraïense militairen hebben 29 dorpen in handen.")],
        "quote not found verbatim",
    ),
    "seed record without quote": (lambda: [without(seed_record(), "quote")], "quote is required"),
    "quote without seed": (lambda: [seed_record(source=dict(GOOD_SOURCE))], "names no seed"),
    "bad date": (one(date="2024-13-45"), "date '2024-13-45'"),
    "date in wrong order": (one(date="12-08-2024"), "not a valid YYYY-MM-DD date"),
    "non-numeric value": (one(value="1000"), "not a number"),
    "boolean value": (one(value=True), "not a number"),
    "null value for a figure": (one(value=None), "needs a number"),
    "negative area": (one(value=-5), "negative"),
    "value on a statement": (one(metric="statement", unit="none", value=3), "must be null"),
    "group with one member": (lambda: box()[:1], "group 'g'"),
    "group across dates": (lambda: box(width_date="2024-08-13"), "group 'g'"),
    "group across sides": (lambda: box(width_side="ukraine"), "same side and date"),
    "group of two depths": (
        lambda: [box()[0], {**box()[0], "id": "x-depth-2"}],
        "exactly one record of each metric",
    ),
    "disputed_by unknown id": (one(disputed_by=["x-nobody"]), "unknown id 'x-nobody'"),
    "disputed_by itself": (one(disputed_by=["x-test-one"]), "itself"),
    "misspelt field": (one(sumary_en="typo"), "unknown field"),
    "missing Dutch summary": (lambda: [without(base_record(), "summary_nl")], "summary_nl"),
    "id not kebab-case": (one(id="X_Test"), "kebab-case"),
    "one-language caveat": (one(caveat_en="Only English."), "caveat_en and caveat_nl"),
    "unknown confidence": (one(confidence="sure"), "confidence"),
    "unknown qualifier": (one(qualifier="roughly"), "qualifier"),
    "missing source_kind": (
        lambda: [without(base_record(), "source_kind")],
        "missing required field(s): source_kind",
    ),
    "unknown source_kind": (one(source_kind="osint"), "unknown source_kind 'osint'"),
    "tracker filed as a claimant side": (
        one(source_kind="affiliated_tracker"),
        "source_kind 'affiliated_tracker' needs side independent",
    ),
    "official filed as independent": (
        one(side="independent"),
        "source_kind 'official' needs side russia or ukraine",
    ),
    "date_precision without date_approx": (
        one(date_precision="mid_month"),
        "date_precision given but date_approx is not true",
    ),
    "range upside down": (
        one(value=700, value_high=500),
        "value_high 500 must be a number above value 700",
    ),
    "unknown evidence": (one(evidence="lots"), "evidence 'lots'"),
    "derived_from unknown id": (
        one(derived_from="x-nobody"),
        "derived_from names unknown id 'x-nobody'",
    ),
    "anchor unknown": (one(anchor="atlantis"), "anchor names unknown anchor 'atlantis'"),
    "depth_ref to another date": (
        lambda: [
            base_record(depth_ref="x-adv"),
            base_record(id="x-adv", metric="advance_km", unit="km", value=35, date="2024-08-13"),
        ],
        "depth_ref names 'x-adv', which is not of the same side and date",
    ),
    "supersedes_area not a boolean": (
        one(supersedes_area="yes"),
        "supersedes_area must be true or false",
    ),
    # Who holds what, where (issue 17).
    "area figure without a holder": (
        lambda: [without(base_record(), "holder")],
        "metric 'area_km2' says who holds ground, so holder is required",
    ),
    "zone drawn in the holder's own country": (
        one(holder="russia"),
        "holder 'russia' cannot hold ground drawn in its own country's territory 'kursk'",
    ),
    "unknown holder": (one(holder="nato"), "unknown holder 'nato'"),
    "territory without its region": (
        one(territory="sumy"),
        "territory 'sumy' does not include region 'RU-KRS'",
    ),
    "unknown territory": (one(territory="moscow"), "unknown territory 'moscow'"),
    "people on an area": (one(people="russian_military"), "people is only for figures"),
    "partial without a sector": (one(partial=True), "partial (a figure for one sector)"),
    "far end without an anchor": (one(anchor_to="x"), "anchor_to (the far end of a strip)"),
    "note without a Dutch twin": (one(note="Only English."), "note_nl is required"),
    "Dutch note without a note": (one(note_nl="Alleen Nederlands."), "note_nl given without"),
    "words in one language": (one(words_en="fully liberated"), "words_en and words_nl"),
}


def test_valid_fixture_records_pass():
    out = validate_claims([base_record(), seed_record(), *box()], SEEDS)
    assert [r["id"] for r in out] == ["x-test-one", "x-test-seed", "x-depth", "x-width"]
    assert out[0]["value"] == 1000.0
    assert out[0]["date"] == dt.date(2024, 8, 12)
    assert out[0]["disputed_by"] == []
    assert out[0]["quote"] is None


@pytest.mark.parametrize("case", list(BAD_CASES), ids=list(BAD_CASES))
def test_validation_error_names_file_and_record(case):
    make, fragment = BAD_CASES[case]
    records = make()
    record_id = records[0]["id"]
    with pytest.raises(ClaimsError) as info:
        validate_claims(records, SEEDS)
    message = str(info.value)
    assert message.startswith(f"data/claims.yaml: record {record_id!r}: "), message
    assert fragment in message


def test_record_without_id_is_named_by_position():
    with pytest.raises(ClaimsError, match=r"record #2 \(no id\)"):
        validate_claims([base_record(), without(base_record(id="x-two"), "id")], SEEDS)


def test_quote_check_ignores_line_breaks_but_not_words():
    spread = "Oekraïense militairen hebben\n   volgens de gouverneur 28 dorpen\tin handen."
    assert validate_claims([seed_record(quote=spread)], SEEDS)[0]["quote"] == spread
    with pytest.raises(ClaimsError, match="quote not found"):
        validate_claims([seed_record(quote="28 dorpen in bezit")], SEEDS)


def test_seed_text_must_be_supplied():
    with pytest.raises(ClaimsError, match=r"x-test-seed.*not loaded"):
        validate_claims([seed_record()], {})


# --------------------------------------------------------------------------------------
# load_claims on files
# --------------------------------------------------------------------------------------

MINIMAL_YAML = f"""\
sources:
  nh:
    title: "Kop"
    outlet: NH Nieuws
    date: 2024-08-12
    url: "https://example.org/nh"
    seed: {SEED}
claims:
  - id: x-seed
    date: 2024-08-12
    side: russia
    source_kind: official
    claimant: "Smirnov"
    region: RU-KRS
    holder: ukraine
    metric: settlements
    value: 28
    unit: settlements
    quote: "28 dorpen in handen"
    quote_lang: nl
    quote_en: "28 villages held"
    summary_en: "28 villages."
    summary_nl: "28 dorpen."
    source:
      ref: nh
      also: ["https://example.org/more"]
    confidence: high
  - id: x-event
    date: 2024-08-11
    side: independent
    source_kind: independent_analyst
    claimant: "Someone"
    region: RU-KRS
    metric: event
    value: null
    unit: none
    summary_en: "Something happened."
    summary_nl: "Er gebeurde iets."
    source: nh-2
    confidence: low
"""
EXTRA_SOURCE = """\
  nh-2:
    title: "Tweede"
    outlet: Other
    date: 2024-08-11
    url: "https://example.org/2"
"""


def write_minimal(tmp_path):
    text = MINIMAL_YAML.replace("claims:\n", EXTRA_SOURCE + "claims:\n", 1)
    path = tmp_path / "claims.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_minimal_file_loads_with_source_refs(tmp_path):
    frame = load_claims(write_minimal(tmp_path))
    assert list(frame["id"]) == ["x-event", "x-seed"]
    seed_row = frame.iloc[1]
    assert seed_row["source_title"] == "Kop"
    assert seed_row["source_also"] == ["https://example.org/more"]
    assert seed_row["source_date"] == "2024-08-12"
    event = frame.iloc[0]
    assert pd.isna(event["value"])
    assert event["quote"] is None
    assert event["group"] is None
    assert event["source_url"] == "https://example.org/2"


def test_a_broken_record_in_the_file_is_one_data_error_naming_file_record_and_field(tmp_path):
    # What an editor of data/claims.yaml sees: app.py (and the routes) catch geo.DataError
    # and show its message, so a misspelt side must be one line they can act on.
    path = write_minimal(tmp_path)
    path.write_text(path.read_text().replace("side: russia", "side: rusia"), encoding="utf-8")
    with pytest.raises(geo.DataError) as info:
        load_claims(path)
    assert isinstance(info.value, ClaimsError)
    assert str(info.value) == (
        f"{path}: record 'x-seed': unknown side 'rusia' (expected one of: independent, "
        "russia, ukraine)"
    )


def test_yaml_syntax_error_names_the_file(tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text('claims:\n  - id: "unclosed\n    side: [russia\n', encoding="utf-8")
    with pytest.raises(ClaimsError) as info:
        load_claims(path)
    assert str(path) in str(info.value)
    assert "YAML syntax error" in str(info.value)


def test_missing_file_names_the_file(tmp_path):
    path = tmp_path / "nowhere.yaml"
    with pytest.raises(ClaimsError) as info:
        load_claims(path)
    assert "nowhere.yaml" in str(info.value)
    assert "not found" in str(info.value)


def test_missing_seed_file_names_the_seed(tmp_path):
    path = write_minimal(tmp_path)
    empty = tmp_path / "seeds"
    empty.mkdir()
    with pytest.raises(ClaimsError, match=re.escape(SEED)):
        load_claims(path, seeds_dir=empty)


@pytest.mark.parametrize(
    "text",
    ["just a string\n", "claims: {}\n", "[]\n", "claims: []\nextra: 1\n"],
    ids=["scalar", "claims-not-list", "top-level-list", "unknown-top-level-key"],
)
def test_wrong_document_shape_is_a_claims_error(tmp_path, text):
    path = tmp_path / "shape.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ClaimsError, match=re.escape(str(path))):
        load_claims(path)


# --------------------------------------------------------------------------------------
# claims_as_of
# --------------------------------------------------------------------------------------


def test_as_of_before_first_claim_is_empty_with_columns(claims):
    first = claims["date"].min()
    out = claims_as_of(claims, first - pd.Timedelta(days=1))
    assert out.empty
    assert list(out.columns) == list(claims.columns)


@pytest.mark.parametrize(
    "as_of",
    ["2024-08-12", dt.date(2024, 8, 12), pd.Timestamp("2024-08-12 18:30")],
    ids=["str", "date", "timestamp-with-time"],
)
def test_as_of_includes_the_day_itself_and_nothing_later(claims, as_of):
    out = claims_as_of(claims, as_of)
    day = pd.Timestamp("2024-08-12")
    assert (out["date"] <= day).all()
    assert (out["date"] == day).sum() == (claims["date"] == day).sum()
    assert "ru-smirnov-2024-08-12-settlements" in set(out["id"])
    assert "ua-syrskyi-2024-08-13-settlements" not in set(out["id"])


def test_as_of_after_last_claim_returns_everything(claims):
    out = claims_as_of(claims, claims["date"].max() + pd.Timedelta(days=30))
    assert len(out) == len(claims)
    assert list(out["id"]) == list(claims["id"])


def test_as_of_on_the_last_day_includes_it(claims):
    last = claims["date"].max()
    assert len(claims_as_of(claims, last)) == len(claims)
    assert len(claims_as_of(claims, last - pd.Timedelta(days=1))) < len(claims)


def test_as_of_rejects_a_non_date(claims):
    with pytest.raises(ValueError, match="not a date"):
        claims_as_of(claims, "someday")


# --------------------------------------------------------------------------------------
# Issue 9: labels that do not take sides, derived records flagged, missing records added
# --------------------------------------------------------------------------------------


def test_deepstate_is_an_affiliated_tracker_never_independent_analyst(claims):
    deepstate = claims[claims["claimant"].str.startswith("DeepState")]
    assert len(deepstate) >= 6
    assert set(deepstate["source_kind"]) == {"affiliated_tracker"}
    # A media outlet's reading of DeepState's maps is the outlet's analysis.
    agentstvo = claims[claims["claimant"].str.startswith("Agentstvo")]
    assert set(agentstvo["source_kind"]) == {"media_analysis"}


def test_war_bloggers_are_unofficial_voices_of_their_side(claims):
    bloggers = claims[claims["claimant"].str.contains("war bloggers")]
    assert set(bloggers["source_kind"]) == {"unofficial"}
    officials = claims[claims["source_kind"] == "official"]
    assert set(officials["side"]) == {"russia", "ukraine"}


def test_the_derived_zero_is_flagged_as_derived(claims):
    zero = claims.set_index("id").loc["ru-gerasimov-2025-04-26-area-zero"]
    assert bool(zero["derived"])
    assert zero["derived_from"] == "ru-gerasimov-2025-04-26-fully-liberated"
    stated = claims[~claims["derived"]]
    assert "ru-gerasimov-2025-04-26-area-zero" not in set(stated["id"])


@pytest.mark.parametrize(
    ("date", "side", "metric", "value"),
    [
        ("2024-08-20", "ukraine", "area_km2", 1263),
        ("2024-08-20", "ukraine", "settlements", 93),
        ("2024-08-20", "ukraine", "advance_km", 28),
        ("2024-09-06", "ukraine", "area_km2", 1300),
        ("2025-04-19", "russia", "area_recaptured_km2", 1260),
        ("2025-04-19", "russia", "share_recaptured", 0.995),
        ("2024-08-07", "russia", "statement", None),
        ("2025-03-12", "russia", "settlements_recaptured", 12),
        ("2025-03-12", "russia", "area_recaptured_km2", 100),
        ("2024-08-15", "independent", "area_km2", 500),
        ("2024-10-14", "independent", "peak_area_km2", 900),
        ("2024-10-14", "independent", "peak_area_km2", 1160),
    ],
)
def test_records_missing_before_issue_9_are_in_the_ledger(claims, date, side, metric, value):
    rows = claims[
        (claims["date"] == pd.Timestamp(date))
        & (claims["side"] == side)
        & (claims["metric"] == metric)
    ]
    if value is None:
        assert len(rows) >= 1
    else:
        assert value in set(rows["value"]), rows[["id", "value"]]


def test_no_clear_front_line_and_meduza_range_are_recorded(claims):
    assert claims["summary_en"].str.contains("no clear front line").any()
    meduza = claims.set_index("id").loc["ind-meduza-2024-08-15-area"]
    assert (meduza["value"], meduza["value_high"]) == (500, 700)


def test_every_shipped_record_has_a_dutch_claimant(claims):
    assert claims["claimant_nl"].map(lambda v: isinstance(v, str) and v.strip()).all()
    syrskyi = claims[claims["claimant"].str.contains("Syrskyi")]
    assert syrskyi["claimant_nl"].str.contains("opperbevelhebber").all()


def test_mid_january_is_stored_as_mid_month_not_a_day(claims):
    rec = claims.set_index("id").loc["ind-deepstate-2025-01-15-area"]
    assert rec["date_approx"]
    assert rec["date_precision"] == "mid_month"


def test_anchor_error_names_the_anchor_and_field():
    with pytest.raises(ClaimsError, match=r"anchor 'far': lon/lat"):
        validate_claims(
            [base_record()],
            SEEDS,
            anchors={"far": {"name_en": "X", "name_nl": "X", "lon": 0, "lat": 0,
                             "coord_source": "test"}},
        )  # fmt: skip
