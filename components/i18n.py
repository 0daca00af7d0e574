"""UI text in English and Dutch (the seed's language). Figures never live here: only words."""

from __future__ import annotations

LANGS = ("en", "nl")

CATALOGUE: dict[str, dict[str, str]] = {
    "title": {
        "en": "Kursk incursion, August 2024: what each side claims",
        "nl": "Inval in Koersk, augustus 2024: wat elke partij beweert",
    },
    "subtitle": {
        "en": "Claims give numbers, not lines. Each zone is schematic but area-true: "
        "its area equals the stated figure; its outline is not a front line.",
        "nl": "Beweringen geven getallen, geen lijnen. Elke zone is schematisch maar "
        "oppervlaktegetrouw: de oppervlakte klopt met het genoemde getal; de omtrek is "
        "geen frontlijn.",
    },
    "side_russia": {"en": "Russian claim", "nl": "Russische bewering"},
    "side_ukraine": {"en": "Ukrainian claim", "nl": "Oekraïense bewering"},
    "side_independent": {"en": "Independent estimate", "nl": "Onafhankelijke schatting"},
    "group_russia": {"en": "Russian side", "nl": "Russische kant"},
    "group_ukraine": {"en": "Ukrainian side", "nl": "Oekraïense kant"},
    "group_independent": {"en": "Independent", "nl": "Onafhankelijk"},
    "show_russia": {"en": "Russian claim", "nl": "Russische bewering"},
    "show_ukraine": {"en": "Ukrainian claim", "nl": "Oekraïense bewering"},
    "show_independent": {"en": "Independent estimates", "nl": "Onafhankelijke schattingen"},
    "overlays": {"en": "Show on the map", "nl": "Toon op de kaart"},
    "language": {"en": "Language", "nl": "Taal"},
    "basemap": {"en": "Background map", "nl": "Achtergrondkaart"},
    "basemap_light": {"en": "Light tiles (online)", "nl": "Lichte tegels (online)"},
    "basemap_none": {"en": "None (offline)", "nl": "Geen (offline)"},
    "date": {"en": "Claims as of", "nl": "Beweringen tot en met"},
    "schematic": {"en": "schematic, area-true", "nl": "schematisch, oppervlaktegetrouw"},
    "legend_title": {"en": "Legend", "nl": "Legenda"},
    "legend_focus": {
        "en": "Kursk, Sumy, Belgorod regions",
        "nl": "Regio's Koersk, Soemy, Belgorod",
    },
    "legend_border": {"en": "Russia–Ukraine border", "nl": "Grens Rusland–Oekraïne"},
    "legend_as_of": {"en": "Claims as of {date}", "nl": "Beweringen tot en met {date}"},
    "legend_note": {
        "en": "Zones are schematic but area-true: drawn from stated figures, not surveyed "
        "front lines.",
        "nl": "Zones zijn schematisch maar oppervlaktegetrouw: getekend uit genoemde getallen, "
        "geen gemeten frontlijnen.",
    },
    "credits": {
        "en": "Boundaries: Natural Earth (public domain). Towns: GeoNames (CC BY 4.0). "
        "Figures: sources as cited.",
        "nl": "Grenzen: Natural Earth (publiek domein). Plaatsen: GeoNames (CC BY 4.0). "
        "Cijfers: bronnen zoals vermeld.",
    },
    "figures": {"en": "Figures and who said them", "nl": "Cijfers en wie ze noemde"},
    "no_figures": {
        "en": "No figures on or before this date.",
        "nl": "Geen cijfers tot deze datum.",
    },
    "compare_title": {"en": "Area claimed", "nl": "Geclaimde oppervlakte"},
    "compare_ratio": {
        "en": "The Russian figure is {pct} of the Ukrainian one.",
        "nl": "Het Russische getal is {pct} van het Oekraïense.",
    },
    "compare_missing": {
        "en": "Both sides' area figures are needed for a comparison.",
        "nl": "Voor een vergelijking zijn oppervlaktecijfers van beide kanten nodig.",
    },
    "chart_title": {"en": "Claimed area over time", "nl": "Geclaimde oppervlakte door de tijd"},
    "chart_date": {"en": "Date", "nl": "Datum"},
    "chart_area": {"en": "Area (km²)", "nl": "Oppervlakte (km²)"},
    "chart_ratio": {"en": "RU/UA {pct}", "nl": "RU/OE {pct}"},
    "chart_note": {
        "en": "Each point is a statement; the line holds it until the next one. Independent "
        "estimates are shown apart from both sides' claims.",
        "nl": "Elk punt is een uitspraak; de lijn loopt door tot de volgende. Onafhankelijke "
        "schattingen staan los van de beweringen van beide kanten.",
    },
    "prev_date": {"en": "◀ Previous claim", "nl": "◀ Vorige bewering"},
    "next_date": {"en": "Next claim ▶", "nl": "Volgende bewering ▶"},
    "compare_maps": {
        "en": "Compare with assessed maps (same place and date)",
        "nl": "Vergelijk met beoordeelde kaarten (zelfde plek en datum)",
    },
    "downloads": {"en": "Downloads", "nl": "Downloads"},
    "dl_geojson": {"en": "Zones (GeoJSON)", "nl": "Zones (GeoJSON)"},
    "dl_csv": {"en": "Figures (CSV)", "nl": "Cijfers (CSV)"},
    "dl_png": {"en": "Map image (PNG)", "nl": "Kaartafbeelding (PNG)"},
    "dl_html": {"en": "Map snapshot (HTML)", "nl": "Kaartmomentopname (HTML)"},
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
    "upload_zoom": {"en": "Zoom to your layer", "nl": "Zoom naar je laag"},
    "upload_accepted": {
        "en": "Accepted: GeoJSON (.geojson/.json), KML (.kml), GeoPackage (.gpkg) or a zipped "
        "shapefile (.zip), up to {mb} MB, with polygons.",
        "nl": "Geschikt: GeoJSON (.geojson/.json), KML (.kml), GeoPackage (.gpkg) of een "
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
        "nl": "De lezer stopte bij dit bestand; exporteer het opnieuw of probeer een ander "
        "formaat.",
    },
    "upload_err_busy": {
        "en": "Other uploads are being read right now; try again in a minute.",
        "nl": "Er worden nu andere uploads gelezen; probeer het over een minuut opnieuw.",
    },
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
        "exporteer hem opnieuw zonder.",
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
    "compass_n": {"en": "N", "nl": "N"},
    "compass_s": {"en": "S", "nl": "Z"},
    "compass_e": {"en": "E", "nl": "O"},
    "compass_w": {"en": "W", "nl": "W"},
    "compare_dates_differ": {
        "en": "The two figures were stated on different days, so no ratio is given.",
        "nl": "De twee getallen zijn op verschillende dagen genoemd, dus er is geen verhouding.",
    },
    "panel": {"en": "Show", "nl": "Toon"},
    "panel_figures": {"en": "Figures", "nl": "Cijfers"},
    "panel_chart": {"en": "Over time", "nl": "Door de tijd"},
    "panel_sources": {"en": "Sources", "nl": "Bronnen"},
    "derived": {"en": "derived: {w} × {d} km", "nl": "afgeleid: {w} × {d} km"},
    "quote": {"en": "Quote (original)", "nl": "Citaat (origineel)"},
    "translation": {"en": "Translation", "nl": "Vertaling"},
    "source": {"en": "Source", "nl": "Bron"},
    "seed_source": {"en": "the seed article", "nl": "het bronartikel"},
    "said_by": {"en": "{who}, {date}", "nl": "{who}, {date}"},
    "disputed": {"en": "Disputed by", "nl": "Betwist door"},
    "confidence": {"en": "Confidence", "nl": "Betrouwbaarheid"},
    "conf_high": {"en": "high", "nl": "hoog"},
    "conf_medium": {"en": "medium", "nl": "gemiddeld"},
    "conf_low": {"en": "low", "nl": "laag"},
    "method": {"en": "How this shape was drawn", "nl": "Hoe deze vorm is getekend"},
    "share": {"en": "Share this view", "nl": "Deel deze weergave"},
    "share_help": {
        "en": "This link reopens exactly this view (layers, date, language, map position); "
        "the address bar always carries it too. Select it and copy.",
        "nl": "Deze link opent precies deze weergave (lagen, datum, taal, kaartpositie); "
        "de adresbalk bevat hem ook altijd. Selecteer en kopieer hem.",
    },
    "notice_invalid": {
        "en": "Ignored an invalid link parameter {name}={value}; using the default.",
        "nl": "Ongeldige linkparameter {name}={value} genegeerd; de standaardwaarde is gebruikt.",
    },
    "data_error": {
        "en": "The app's embedded data is broken: {problem}",
        "nl": "De ingebouwde gegevens van de app zijn beschadigd: {problem}",
    },
    "no_zone": {"en": "no zone drawn", "nl": "geen zone getekend"},
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
    "unit_ratio": {"en": "", "nl": ""},
    "unit_none": {"en": "", "nl": ""},
}


def t(key: str, lang: str = "en", **fields: object) -> str:
    """Look up a UI text; unknown keys fail loudly in tests rather than show a key."""
    lang = lang if lang in LANGS else "en"
    text = CATALOGUE[key][lang]
    return text.format(**fields) if fields else text


def has(key: str) -> bool:
    """Whether a UI text exists (metrics/units added to data later fall back gracefully)."""
    return key in CATALOGUE
