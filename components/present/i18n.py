"""Every reader-facing word, in English and Dutch (the seed's language): the catalogue.

UI text, qualifier words ("about", "zo'n"), month and weekday names: all here, nothing
in ``geo/`` (which returns data and numbers) or in the rendering code. Figures never live
here: only words. Over 300 lines because it is one table; split it by topic only if a
third language makes it unwieldy.
"""

from __future__ import annotations

LANGS = ("en", "nl")
#: Each language named in itself, as the language switch shows it on every page.
LANG_NAMES = {"en": "English", "nl": "Nederlands"}

CATALOGUE: dict[str, dict[str, str]] = {
    "title": {
        "en": "Kursk incursion, August 2024: what each side claims",
        "nl": "Inval in Koersk, augustus 2024: wat elke partij beweert",
    },
    "subtitle": {
        "en": "Claims give numbers, not lines. Each zone is schematic but area-true: its "
        "area equals the figure it is drawn from, stated or (where marked) derived; its "
        "outline is not a front line. Faint outlines are figures no longer current.",
        "nl": "Beweringen geven getallen, geen lijnen. Elke zone is schematisch maar "
        "oppervlaktegetrouw: de oppervlakte klopt met het getal waaruit ze getekend is, "
        "genoemd of (waar aangegeven) afgeleid; de omtrek is geen frontlijn. Vage omtrekken "
        "zijn getallen die niet meer actueel zijn.",
    },
    "side_russia": {"en": "Russian claim", "nl": "Russische bewering"},
    "side_ukraine": {"en": "Ukrainian claim", "nl": "Oekraïense bewering"},
    "side_independent": {"en": "Tracker or analyst", "nl": "Tracker of analist"},
    "group_russia": {"en": "Russian side", "nl": "Russische kant"},
    "group_ukraine": {"en": "Ukrainian side", "nl": "Oekraïense kant"},
    "group_independent": {"en": "Trackers, analysts, media", "nl": "Trackers, analisten, media"},
    "show_russia": {"en": "Russian claim", "nl": "Russische bewering"},
    "show_ukraine": {"en": "Ukrainian claim", "nl": "Oekraïense bewering"},
    "show_independent": {"en": "Trackers and analysts", "nl": "Trackers en analisten"},
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
        "en": "Zones are schematic but area-true: drawn from stated figures or, where "
        "marked, figures derived from them; not surveyed front lines.",
        "nl": "Zones zijn schematisch maar oppervlaktegetrouw: getekend uit genoemde getallen "
        "of, waar aangegeven, daaruit afgeleide getallen; geen gemeten frontlijnen.",
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
    "compare_missing": {
        "en": "A comparison needs a current area figure from both sides.",
        "nl": "Voor een vergelijking is van beide kanten een actueel oppervlaktecijfer nodig.",
    },
    "chart_title": {"en": "Claimed area over time", "nl": "Geclaimde oppervlakte door de tijd"},
    "chart_date": {"en": "Date", "nl": "Datum"},
    "chart_area": {"en": "Area (km²)", "nl": "Oppervlakte (km²)"},
    "chart_ratio": {"en": "RU/UA {pct}", "nl": "RU/OE {pct}"},
    "chart_note": {
        "en": "Each point is a figure; its line runs until the side's next figure or until "
        "it stops being current (after 30 days, or when the side says something newer "
        "without a figure). Hollow points are derived, not stated. Trackers and analysts "
        "are shown apart from both sides' claims.",
        "nl": "Elk punt is een getal; de lijn loopt tot het volgende getal van die kant of tot "
        "het niet meer actueel is (na 30 dagen, of als die kant iets nieuwers zegt zonder "
        "getal). Open punten zijn afgeleid, niet genoemd. Trackers en analisten staan los "
        "van de beweringen van beide kanten.",
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
    "confidence": {"en": "Reporting confidence", "nl": "Zekerheid over de melding"},
    "conf_high": {"en": "high", "nl": "hoog"},
    "conf_medium": {"en": "medium", "nl": "gemiddeld"},
    "conf_low": {"en": "low", "nl": "laag"},
    "method": {"en": "How this shape was drawn", "nl": "Hoe deze vorm is getekend"},
    "share": {"en": "Share this view", "nl": "Deel deze weergave"},
    "share_help": {
        "en": "This link reopens exactly this view (layers, date, language, map position); "
        "the address bar always carries it too.",
        "nl": "Deze link opent precies deze weergave (lagen, datum, taal, kaartpositie); "
        "de adresbalk bevat hem ook altijd.",
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
    # --- issue 9: truthful on every date (age rule, derived figures, source kinds) ---
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
        "nl": "vervangen door de uitspraak van deze kant van {date}",
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
        "en": "Not current: said {when}, {age}. On {date} this side said something newer, "
        "without an area figure: {summary}",
        "nl": "Niet actueel: gezegd {when}, {age}. Op {date} zei deze kant iets nieuwers, "
        "zonder oppervlaktecijfer: {summary}",
    },
    "derived_tag": {"en": "derived", "nl": "afgeleid"},
    "box_figure": {
        "en": "{q}{d} × {w} km (≈ {area} km², derived)",
        "nl": "{q}{d} × {w} km (≈ {area} km², afgeleid)",
    },
    "derived_figure": {"en": "≈ {area} km² (derived)", "nl": "≈ {area} km² (afgeleid)"},
    "range_figure": {"en": "{low}–{high} {unit}", "nl": "{low}–{high} {unit}"},
    "deriv_box": {
        "en": "{who} gave a depth and a width, no area: {d} km × {w} km = {area} km² is "
        "arithmetic, not a stated figure.",
        "nl": "{who} gaf een diepte en een breedte, geen oppervlakte: {d} km × {w} km = "
        "{area} km² is een rekensom, geen genoemd getal.",
    },
    "deriv_remaining": {
        "en": "Russia's own figures, our arithmetic: {who} said {rec} km² had been retaken, "
        "{pct} of the area Ukraine had seized. So the whole was ≈ {whole} km² and "
        "≈ {rest} km² was still in Ukrainian hands by Russia's count.",
        "nl": "Russische cijfers, onze rekensom: {who} zei dat {rec} km² was heroverd, {pct} "
        "van het door Oekraïne ingenomen gebied. Het geheel was dus ≈ {whole} km² en "
        "≈ {rest} km² was volgens Rusland nog in Oekraïense handen.",
    },
    "deriv_share": {
        "en": "Russia's own figures, our arithmetic: {who} said {pct} had been retaken. "
        "Applied to the ≈ {whole} km² implied by Russia's figures of {date}, ≈ {rest} km² "
        "was still in Ukrainian hands by Russia's count.",
        "nl": "Russische cijfers, onze rekensom: {who} zei dat {pct} was heroverd. Toegepast "
        "op de ≈ {whole} km² die volgt uit de Russische cijfers van {date}, was volgens "
        "Rusland nog ≈ {rest} km² in Oekraïense handen.",
    },
    "deriv_from": {
        "en": "Our reading, not a stated figure. It follows from: {summary}",
        "nl": "Onze lezing, geen genoemd getal. Het volgt uit: {summary}",
    },
    "method_box": {
        "en": "Drawn as stated: a rectangle {d} km deep along a straight {w} km front "
        "(measured end to end), centred on the {anchor} of the Kursk–Sumy border and "
        "clipped to Kursk region, which leaves {drawn} km².",
        "nl": "Getekend zoals genoemd: een rechthoek van {d} km diep langs een recht front "
        "van {w} km (van eind tot eind), gecentreerd op de {anchor} van de grens "
        "Koersk–Soemy en bijgesneden tot de regio Koersk; dat laat {drawn} km² over.",
    },
    "method_band": {
        "en": "Drawn: a band {d} km deep (the deepest advance this side stated the same day) "
        "along the border at {anchor}, {w} km wide so that its area is {drawn} km².",
        "nl": "Getekend: een strook van {d} km diep (de diepste opmars die deze kant dezelfde "
        "dag noemde) langs de grens bij {anchor}, {w} km breed zodat de oppervlakte "
        "{drawn} km² is.",
    },
    "method_capsule": {
        "en": "Drawn: the part of Kursk region within an equal distance of the line from the "
        "border to {anchor}, sized so that its area is {drawn} km² (about {w} km along the "
        "border, {d} km deep): a neutral shape that borrows no one's proportions.",
        "nl": "Getekend: het deel van de regio Koersk binnen een vaste afstand van de lijn "
        "van de grens naar {anchor}, zo groot dat de oppervlakte {drawn} km² is (ongeveer "
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
        "en": "The source names no place; {anchor} is where later statements put the same "
        "positions.",
        "nl": "De bron noemt geen plaats; {anchor} is waar latere uitspraken dezelfde "
        "posities plaatsten.",
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
    "kind_media_arithmetic": {"en": "Media arithmetic", "nl": "Rekensom van de media"},
    "confidence_help": {
        "en": "how well attested it is that this was said, not whether it is true",
        "nl": "hoe goed vaststaat dat dit gezegd is, niet of het klopt",
    },
    "evidence": {"en": "Evidence given", "nl": "Bewijs geleverd"},
    "evidence_none": {"en": "none, according to the source", "nl": "geen, volgens de bron"},
    "evidence_some": {"en": "some, according to the source", "nl": "enig, volgens de bron"},
    "note_label": {"en": "Note", "nl": "Notitie (Engels)"},
    "legend_stale": {
        "en": "faint outline: no newer figure from this side (over {max} days old, or "
        "replaced by a newer statement)",
        "nl": "vage omtrek: geen nieuwer getal van deze kant (ouder dan {max} dagen, of "
        "vervangen door een nieuwere uitspraak)",
    },
    "legend_derived": {
        "en": "≈ … (derived): arithmetic on stated figures, not a stated area",
        "nl": "≈ … (afgeleid): een rekensom met genoemde getallen, geen genoemde oppervlakte",
    },
    "compare_ratio_named": {
        "en": "{ru} is {pct} of {ua}.",
        "nl": "{ru} is {pct} van {ua}.",
    },
    "compare_whose": {"en": "{who}'s {figure}", "nl": "{figure} van {who}"},
    "compare_article": {
        "en": " {who} called it “{words}”.",
        "nl": " {who} noemde het “{words}”.",
    },
    "compare_no_current": {"en": "No current figure", "nl": "Geen actueel getal"},
    "compare_last": {
        "en": "Last figure: {figure}, {who}, {when} ({age}); {note}.",
        "nl": "Laatste getal: {figure}, {who}, {when} ({age}); {note}.",
    },
    "metric_share_recaptured": {"en": "Share retaken (claimed)", "nl": "Deel heroverd (bewering)"},
    "metric_settlements_recaptured": {
        "en": "Settlements retaken (claimed)",
        "nl": "Plaatsen heroverd (bewering)",
    },
    "unit_ratio": {"en": "", "nl": ""},
    "unit_none": {"en": "", "nl": ""},
    # --- Hosting (issue 10): CSV headers, link previews, exports, failover -------------
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
    "csv_note": {"en": "note", "nl": "opmerking"},
    "csv_date_approx": {"en": "date_approx", "nl": "datum_bij_benadering"},
    "csv_date_precision": {"en": "date_precision", "nl": "datum_precisie"},
    "csv_source_kind": {"en": "source_kind", "nl": "soort_bron"},
    "csv_value_high": {"en": "value_high", "nl": "waarde_hoog"},
    "csv_derived": {"en": "derived", "nl": "afgeleid"},
    "csv_derived_from": {"en": "derived_from", "nl": "afgeleid_van"},
    "csv_evidence": {"en": "evidence", "nl": "bewijs"},
    "csv_anchor": {"en": "anchor", "nl": "ankerpunt"},
    "og_title": {
        "en": "Kursk incursion: {what}, as of {date}",
        "nl": "Inval in Koersk: {what}, tot en met {date}",
    },
    "og_nothing": {"en": "no claim shown", "nl": "geen bewering getoond"},
    "og_tail": {
        "en": "Schematic, area-true zones: not front lines. Every figure sourced.",
        "nl": "Schematische, oppervlaktegetrouwe zones: geen frontlijnen. Elk getal met bron.",
    },
    "og_open": {"en": "Open the map", "nl": "Open de kaart"},
    "provider": {"en": "Kursk claims map", "nl": "Kaart van beweringen over Koersk"},
    "overlay_lost": {
        "en": "The overlay uploaded in this view was not kept (after a server restart, or "
        "in a copied link): upload it again to see it.",
        "nl": "De geüploade eigen laag van deze weergave is niet bewaard (na een herstart van "
        "de server, of in een gekopieerde link): upload hem opnieuw om hem te zien.",
    },
    "legend_own": {
        "en": "Uploaded by you: not a claim, kept in this session only.",
        "nl": "Door jou geüpload: geen bewering, alleen in deze sessie bewaard.",
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
        "nl": "Elk bestand wordt gemaakt uit de link van deze weergave; deelbaar en cachebaar.",
    },
    # --- Named settlements (issue 9, part B): map layer, panel, counts chart ----------
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
        "nl": "richtte een militaire commandantur op",
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
    "panel_settlements": {"en": "Settlements", "nl": "Plaatsen"},
    "stl_search": {"en": "Search a settlement", "nl": "Zoek een plaats"},
    "stl_search_help": {
        "en": "Name in English, Dutch or Russian, or a district",
        "nl": "Naam in het Engels, Nederlands of Russisch, of een district",
    },
    "stl_count": {
        "en": "{shown} of {total} settlements had been named in statements by {date}.",
        "nl": "{shown} van de {total} plaatsen waren op {date} in verklaringen genoemd.",
    },
    "stl_no_match": {
        "en": "No settlement named by this date matches the search.",
        "nl": "Geen plaats die tot deze datum is genoemd, past bij de zoekterm.",
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
    "stl_not_placed": {
        "en": "location not in the embedded gazetteer",
        "nl": "locatie niet in de ingebouwde plaatsenlijst",
    },
    "stl_totals": {
        "en": "Totals as stated up to this date",
        "nl": "Totalen zoals genoemd tot deze datum",
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
    # --- end of named settlements ------------------------------------------------------
    # --- The map in a reader's hands (issue 8) ---
    "fit_claims": {"en": "Fit to claims", "nl": "Toon alle beweringen"},
    "upload_zoom": {"en": "Zoom to my layer", "nl": "Zoom naar mijn laag"},
    "touch_hint": {
        "en": "Two fingers move the map",
        "nl": "Twee vingers verschuiven de kaart",
    },
    "headline_none": {"en": "no area figure yet", "nl": "nog geen oppervlaktecijfer"},
    "embed": {"en": "Embed this view", "nl": "Deze weergave insluiten"},
    "embed_help": {
        "en": "Paste this into an article: it shows this view in a compact layout (map, "
        "switches, date, headline figures) with a link to the full page.",
        "nl": "Plak dit in een artikel: het toont deze weergave compact (kaart, schakelaars, "
        "datum, hoofdcijfers) met een link naar de volledige pagina.",
    },
    "copy": {"en": "Copy", "nl": "Kopieer"},
    "copied": {"en": "Copied", "nl": "Gekopieerd"},
    "open_full": {"en": "Open the full view", "nl": "Open de volledige weergave"},
    # How a claimant hedged a number ("about 1,000 km²"): one entry per qualifier code in
    # the data (geo.claim_schema.QUALIFIERS; tests/unit/test_i18n.py checks both lists agree).
    "qualifier_about": {"en": "about", "nl": "zo'n"},
    "qualifier_at_least": {"en": "at least", "nl": "minstens"},
    "qualifier_more_than": {"en": "more than", "nl": "meer dan"},
    "qualifier_up_to": {"en": "up to", "nl": "tot"},
    # Calendar words, space-separated (read with words()): dates in text, chart axes.
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
