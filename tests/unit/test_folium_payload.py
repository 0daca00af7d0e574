"""Our cached map payload must equal what st_folium itself would send (guards upgrades)."""

from __future__ import annotations

import re

import streamlit_folium as sf

from components.present.map_build import base_map, overlay
from components.present.map_elements import allow_zoom
from components.render.folium_payload import base_payload, overlay_script
from tests.unit.records_of import typed

RETURNED = ["center", "zoom"]


def _same_ids(text: str) -> str:
    return re.sub(r"_[0-9a-f]{32}", "_ID", text)


def test_payload_matches_st_folium(monkeypatch, layers, claims, zones, seed_day, by_id):
    sent = {}
    monkeypatch.setattr(sf, "_component_func", lambda **kw: sent.update(kw))
    sf.st_folium(
        base_map(*layers),
        key="k",
        feature_group_to_add=overlay(typed(zones), by_id, ("russia", "ukraine"), "en", seed_day),
        returned_objects=RETURNED,
    )
    ours = base_payload(base_map(*layers), "k", RETURNED)
    # One planned difference: folium's zoom-blocking viewport tag is left out.
    assert 'name="viewport"' in sent["header"]
    assert 'name="viewport"' not in ours["header"]
    sent["header"] = allow_zoom(sent["header"], "")
    for name, value in ours.items():
        assert sent[name] == value, name
    group = overlay(typed(zones), by_id, ("russia", "ukraine"), "en", seed_day)
    assert _same_ids(overlay_script(group)) == _same_ids(sent["feature_group"])
    assert len(ours["script"]) < 150_000, "map payload budget"
