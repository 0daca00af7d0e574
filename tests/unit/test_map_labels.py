"""What the map says on its face: zone labels, legend lines, framing, headline figures."""

from __future__ import annotations

import html
import json
import re

import pytest
from shapely.geometry import box

from components.present.charts import localized
from components.present.headline import headline_html
from components.present.map_build import base_map, overlay
from components.present.map_elements import legend_html
from components.present.map_labels import fit_bounds, fit_script, label_anchor
from components.present.sides import SIDE_STYLE
from tests.unit.records_of import typed, typed_zone


@pytest.mark.parametrize(
    ("lang", "ru", "ua"),
    [("en", "about 12 × 40 km", "about 1,000 km²"), ("nl", "zo'n 12 × 40 km", "zo'n 1.000 km²")],
)
def test_zones_carry_labels_with_the_figure_as_stated(layers, zones, lang, ru, ua, seed_day, by_id):
    fmap = base_map(*layers, lang=lang)
    overlay(typed(zones), by_id, ("russia", "ukraine"), lang, seed_day).add_to(fmap)
    page = fmap.get_root().render()
    icons = [json.loads(m) for m in re.findall(r'L\.divIcon\(\{\s*"html": (".*?"),\n', page)]
    labels = {re.search(r"label-(\w+)", h).group(1): h for h in icons if "zone-label" in h}
    assert sorted(labels) == ["russia", "ukraine"]
    assert html.escape(ru) in labels["russia"]
    assert "Smirnov · " in labels["russia"]  # claimant, then when it was said (issue 9)
    assert "12 aug 2024" in labels["russia"].lower()
    assert html.escape(ua) in labels["ukraine"]
    assert re.search(r"Syrsky?i · ", labels["ukraine"])  # Dutch page: Syrski


def test_nested_zones_put_their_labels_on_different_sides(zones):
    ua = zones.set_index("side").loc["ukraine", "geometry"]
    ru = zones.set_index("side").loc["russia", "geometry"]
    top, bottom = label_anchor(ua, "top"), label_anchor(ru, "bottom")
    assert top[0] == pytest.approx(ua.bounds[3])
    assert bottom[0] == pytest.approx(ru.bounds[1])
    assert top[0] - bottom[0] > 0.2  # degrees of latitude apart: never on top of each other


def test_legend_lines_use_each_layers_own_dash_pattern(seed_day):
    body = legend_html(["russia", "ukraine", "independent"], "en", seed_day)
    dashes = re.findall(r'stroke-dasharray="([^"]+)"', body)
    assert dashes == [SIDE_STYLE[s]["dashArray"] for s in ("russia", "ukraine", "independent")]
    assert len(set(dashes)) == 3


def test_attribution_prefix_is_neutral(layers):
    page = base_map(*layers).get_root().render()
    assert ".attributionControl.setPrefix(" in page
    prefix = re.search(r"setPrefix\(\s*'([^']*)'", page).group(1)
    assert "svg" not in prefix.lower()
    assert prefix.endswith(">Leaflet</a>")


def test_popups_scroll_inside_a_phone_sized_map(layers, zones, seed_day, by_id):
    page = overlay(typed(zones), by_id, ("russia", "ukraine"), "en", seed_day)
    fmap = base_map(*layers)
    page.add_to(fmap)
    html = fmap.get_root().render()
    heights = [int(h) for h in re.findall(r'"maxHeight": (\d+)', html)]
    assert heights
    assert max(heights) <= 260


def test_fit_frames_zones_sudzha_and_sumy(layers, zones):
    towns = layers[2].set_index("name_en")
    south, west, north, east = fit_bounds(typed(zones), layers[2], ("russia", "ukraine"))
    for name in ("Sudzha", "Sumy"):
        point = towns.loc[name, "geometry"]
        assert south <= point.y <= north
        assert west <= point.x <= east
    for geom in zones[zones["side"].isin(["russia", "ukraine"])].geometry:
        assert box(west, south, east, north).contains(geom)


def test_fit_runs_once_per_number():
    script = fit_script(3, (51.0, 34.9, 51.4, 35.6))
    assert "window.__claimsFit===3" in script
    assert "window.__claimsFit=3" in script
    assert "[[51.0, 34.9], [51.4, 35.6]]" in script


def test_headline_gives_both_sides_the_same_box(zones):
    body = headline_html(typed(zones), "en")
    assert body.count('class="h headline-') == 2
    assert "about 12 × 40 km" in body
    assert "about 1,000 km²" in body
    only_ua = headline_html(typed(zones[zones["side"] == "ukraine"]), "nl")
    assert "nog geen oppervlaktecijfer" in only_ua


def test_dutch_chart_names_months_in_dutch():
    spec = localized({"mark": "line"}, "nl")
    assert spec["config"]["locale"]["time"]["shortMonths"][2] == "mrt"
    assert spec["config"]["locale"]["number"]["decimal"] == ","
    assert localized({"mark": "line"}, "en") == {"mark": "line"}


def test_superseded_figure_said_no_newer_figure_although_one_day_old(zones_on):
    """Regression: on 13 Mar 2025 Gerasimov's 12 Mar figure, replaced by Russia's own
    "Sudzha retaken" the next day, was labelled "no newer figure from this side"."""
    from components.present.zone_text import zone_label_lines

    zones = zones_on("2025-03-13")
    russian = zones[(zones["side"] == "russia") & (zones["territory"] == "kursk")]
    lines = zone_label_lines(typed_zone(russian.iloc[0]), "en")
    assert lines[-1] == "replaced by this side's statement of 13 Mar 2025"
    dutch = zone_label_lines(typed_zone(russian.iloc[0]), "nl")
    assert dutch[-1] == "vervangen door een latere verklaring van deze kant (13 mrt 2025)"
