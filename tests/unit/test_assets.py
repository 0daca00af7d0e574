"""Leaflet comes from the installed package, digest-checked, and nothing is copied."""

from __future__ import annotations

import shutil

import folium
import pytest

from components.present import leaflet
from components.present.leaflet import LEAFLET_CSS, LEAFLET_JS
from components.present.map_build import TILES_LIGHT
from web.headers import TILE_ORIGINS, security_headers
from web.health import Readiness


def test_installed_leaflet_matches_the_pinned_digests():
    files = leaflet.verify()
    assert set(files) == set(leaflet.DIGESTS)


def test_map_loads_leaflet_from_the_route():
    assert f"{leaflet.PREFIX}/leaflet.js" == LEAFLET_JS
    assert f"{leaflet.PREFIX}/leaflet.css" == LEAFLET_CSS


def test_changed_leaflet_file_is_an_install_error_naming_the_file(tmp_path):
    folder = tmp_path / "leaflet"
    shutil.copytree(leaflet.package_dir(), folder)
    (folder / "leaflet.css").write_text("/* edited */")
    with pytest.raises(leaflet.AssetError, match=r"leaflet\.css .*sha256"):
        leaflet.verify(folder)


def test_missing_leaflet_file_is_an_install_error_not_a_data_error(tmp_path):
    folder = tmp_path / "leaflet"
    shutil.copytree(leaflet.package_dir(), folder)
    (folder / "images" / "layers.png").unlink()
    with pytest.raises(leaflet.AssetError, match=r"images/layers\.png is missing"):
        leaflet.verify(folder)


def test_csp_allows_exactly_the_maps_tile_server():
    tiles = folium.TileLayer(TILES_LIGHT).tiles
    assert any(tiles.startswith(origin + "/") for origin in TILE_ORIGINS)
    csp = security_headers()["content-security-policy"]
    assert "default-src 'self'" in csp
    assert "object-src 'none'" in csp


def test_frame_ancestors_can_be_narrowed_for_one_newsroom(monkeypatch):
    monkeypatch.setenv("KURSK_CLAIMS_FRAME_ANCESTORS", "'self' https://news.example")
    csp = security_headers()["content-security-policy"]
    assert csp.endswith("frame-ancestors 'self' https://news.example")


def test_readiness_is_ready_only_after_warm_up_and_not_while_draining():
    ready = Readiness()
    assert ready.answer()[0] == 503
    ready.warm(lambda: None)
    assert ready.answer() == (200, "ready")
    ready.drain()
    assert ready.answer()[0] == 503


def test_failed_warm_up_is_reported_not_raised():
    ready = Readiness()
    ready.warm(lambda: (_ for _ in ()).throw(OSError("data/claims.yaml unreadable")))
    status, text = ready.answer()
    assert status == 503
    assert "claims.yaml" in text
