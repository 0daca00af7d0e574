"""Map builders: layers, CSS classes, popups, offline assets, escaping — without a browser."""

from __future__ import annotations

import json
import re

from components.present.leaflet import LEAFLET_CSS, LEAFLET_JS
from components.present.map_build import base_map, overlay
from tests.unit.records_of import typed


def _html(fmap, group=None):
    if group is not None:
        group.add_to(fmap)
    return fmap.get_root().render()


def test_base_map_loads_only_local_leaflet(layers):
    page = _html(base_map(*layers))
    scripts = re.findall(r'<script[^>]+src="([^"]+)"', page)
    styles = re.findall(r'<link[^>]+href="([^"]+)"', page)
    assert scripts == [LEAFLET_JS]
    assert styles == [LEAFLET_CSS]
    assert "jquery" not in page.lower()
    assert "bootstrap" not in page.lower()


def test_base_map_is_identical_across_builds(layers):
    """Toggles must not rebuild the map: same inputs, same Leaflet code (ids aside)."""

    def code(fmap):
        return re.sub(r"_[0-9a-f]{32}", "_ID", _html(fmap))

    assert code(base_map(*layers)) == code(base_map(*layers))


def test_base_map_names_regions_and_towns_in_dutch(layers):
    page = _html(base_map(*layers, lang="nl"))
    for name in ("Koersk", "Soemy", "Soedzja", "Belgorod"):
        assert name in page
    assert "state-border" in page


def test_no_basemap_option_drops_tiles(layers):
    assert "tile.openstreetmap" not in _html(base_map(*layers, basemap="none"))
    assert "tile.openstreetmap" in _html(base_map(*layers, basemap="light"))


def test_overlay_carries_claim_classes_and_symmetric_style(layers, zones, seed_day, by_id):
    page = _html(
        base_map(*layers), overlay(typed(zones), by_id, ("russia", "ukraine"), "en", seed_day)
    )
    assert '"className": "claim-ru"' in page
    assert '"className": "claim-ua"' in page
    styles = [
        json.loads(m)
        for m in re.findall(
            r"_styler\(feature\) \{\s*switch\(feature.id\) \{\s*default:\s*return (\{.*?\});", page
        )
    ]
    claim_styles = [s for s in styles if s.get("className", "").startswith("claim-")]
    assert len(claim_styles) == 2
    # Same weight, fill and dashed outline for both sides: no side looks more "real".
    for key in ("weight", "fillOpacity"):
        assert len({s[key] for s in claim_styles}) == 1
    assert all(s["dashArray"] for s in claim_styles)
    assert "schematic, area-true" in page


def test_toggling_off_a_side_removes_its_layer(layers, zones, seed_day, by_id):
    page = _html(base_map(*layers), overlay(typed(zones), by_id, ("ukraine",), "en", seed_day))
    assert "claim-ru" not in page
    assert "claim-ua" in page


def test_zone_popup_shows_figure_claimant_source_and_method(layers, zones, seed_day, by_id):
    page = _html(
        base_map(*layers), overlay(typed(zones), by_id, ("russia", "ukraine"), "en", seed_day)
    )
    assert "Smirnov" in page
    assert "Syrskyi" in page
    assert "1,000 km" in page
    assert "not a surveyed front line" in page
    assert "https://censor.net" in page


def test_legend_gives_as_of_date_and_credits(layers, zones, seed_day, by_id):
    page = _html(base_map(*layers), overlay(typed(zones), by_id, ("russia",), "nl", seed_day))
    assert "Beweringen tot en met 12 aug 2024" in page
    assert "Natural Earth" in page
    assert "GeoNames" in page
