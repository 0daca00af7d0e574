"""Languages are data: a name in the reader's language is a column ``<field>_<lang>``,
read by one helper (components.present.wording.localized), never an ``if lang == …``."""

from __future__ import annotations

from components.present.fmt import fmt_num
from components.present.settlement_layer import display_name
from components.present.wording import claimant, quoted, who_mid
from components.present.zone_text import method_text, where
from geo.records import Claim, ClaimZone, Settlement
from tests.unit.records_of import typed, typed_zone


def test_a_third_language_reads_its_own_columns_and_falls_back_to_english(zones_on):
    """German columns added to the data are used for German; a missing one falls back."""
    ru = zones_on("2025-04-26")
    row = ru[(ru["side"] == "russia") & (ru["territory"] == "sumy")].iloc[0].to_dict()
    german = row | {"claimant_de": "Generalstab der Russischen Föderation",
                    "anchor_de": "Rand von Sumy"}  # fmt: skip
    sumy = ClaimZone.from_row(german)
    assert claimant(sumy, "de") == "Generalstab der Russischen Föderation"
    assert claimant(sumy, "nl") == row["claimant_nl"]
    assert "Rand von Sumy" in method_text(sumy, "de")
    del german["claimant_de"]
    sumy = ClaimZone.from_row(german)
    assert claimant(sumy, "de") == row["claimant"]  # no German column: the English one

    place = Settlement.from_row({"name_en": "Sudzha", "name_nl": "Soedzja", "name_de": "Sudscha"})
    assert [display_name(place, lang) for lang in ("en", "nl", "de")] == [
        "Sudzha", "Soedzja", "Sudscha"
    ]  # fmt: skip


def test_a_blank_translation_falls_back_to_english_not_to_nothing():
    place = Settlement.from_row({"name_en": "Malaya Loknya", "name_nl": ""})
    assert display_name(place, "nl") == "Malaya Loknya"
    rec = Claim.from_row({"claimant": "DeepState", "claimant_nl": None})
    assert claimant(rec, "nl") == "DeepState"
    assert claimant(Claim.from_row({"claimant": "DeepState", "claimant_nl": ""}), "nl") == (
        "DeepState"
    )


def test_a_quote_is_shown_as_said_in_its_own_language_else_translated():
    rec = Claim.from_row(
        {"quote": "ongeveer de helft", "quote_lang": "nl", "quote_en": "about half"}
    )
    assert (quoted(rec, "nl"), quoted(rec, "en"), quoted(rec, "de")) == (
        "ongeveer de helft", "about half", "about half"
    )  # fmt: skip
    said = {"quote": "около половины", "quote_lang": "ru", "quote_en": "about half"}
    rec = Claim.from_row(said)
    assert quoted(rec, "nl") == "about half"  # no Dutch translation: the English one
    dutch = Claim.from_row(said | {"quote_nl": "ongeveer de helft"})
    assert quoted(dutch, "nl") == "ongeveer de helft"
    assert quoted(rec, "ru") == "около половины"


def test_language_rules_are_tables_an_unknown_language_reads_as_english(zones_on):
    assert fmt_num(1234.5, "de", 1) == fmt_num(1234.5, "en", 1) == "1,234.5"
    assert fmt_num(1234.5, "nl", 1) == "1.234,5"
    zone = typed_zone(zones_on("2025-01-17").set_index("side", drop=False).loc["russia"])
    assert who_mid(zone, "nl")[0].islower()  # 'het Russische ministerie …' mid-sentence
    assert who_mid(zone, "en")[0].isupper()
    assert where(zone, "en") == "Kursk region"


def test_a_language_added_to_the_ledger_reaches_the_zones_without_code(claims, regions):
    """geo copies a name in every language the ledger has (``<field>_<lang>``) onto
    the figures and zones; it lists no language itself."""
    import geo

    german = claims.assign(
        claimant_de=claims["claimant"] + " (de)",
        anchor_name_de=claims["anchor_name_en"].map(lambda n: n and f"{n} (de)"),
    )
    zones = geo.claim_zones("2025-04-26", claims=german, regions=regions)
    placed = zones[~zones["anchor_basis"].isin(["default", "unplaced"])]  # its own anchor
    assert (zones["claimant_de"] == zones["claimant"] + " (de)").all()
    assert len(placed)
    assert (placed["anchor_de"] == placed["anchor"] + " (de)").all()
    assert (zones["claimant_nl"] != zones["claimant"]).any()  # the Dutch stay as they were
    # The typed records present reads carry it too, as data: no language list in code.
    sumy = next(z for z in typed(zones) if z.territory == "sumy" and z.side == "russia")
    assert claimant(sumy, "de") == f"{sumy.names['claimant']['en']} (de)"
    assert where(sumy, "de") == "Sumy region"  # interface words: English until translated
