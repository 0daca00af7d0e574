"""Our cached map payload must equal what st_folium itself would send (guards upgrades)."""

from __future__ import annotations

import datetime as dt
import re

import streamlit_folium as sf

import geo
from components.present.map_build import base_map, overlay
from components.render.folium_payload import base_payload, overlay_script

RETURNED = ["center", "zoom"]


def _same_ids(text: str) -> str:
    return re.sub(r"_[0-9a-f]{32}", "_ID", text)


def test_payload_matches_st_folium(monkeypatch):
    regions, border, towns = geo.load_regions(), geo.load_border(), geo.load_towns()
    claims = geo.load_claims()
    zones = geo.claim_zones("2024-08-12", claims=claims, regions=regions)
    day = dt.date(2024, 8, 12)
    sent = {}
    monkeypatch.setattr(sf, "_component_func", lambda **kw: sent.update(kw))
    sf.st_folium(
        base_map(regions, border, towns),
        key="k",
        feature_group_to_add=overlay(zones, claims, ("russia", "ukraine"), "en", day),
        returned_objects=RETURNED,
    )
    ours = base_payload(base_map(regions, border, towns), "k", RETURNED)
    for name, value in ours.items():
        assert sent[name] == value, name
    group = overlay(zones, claims, ("russia", "ukraine"), "en", day)
    assert _same_ids(overlay_script(group)) == _same_ids(sent["feature_group"])
    assert len(ours["script"]) < 150_000, "map payload budget"
