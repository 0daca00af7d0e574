"""Serve Leaflet from the installed package through Streamlit's own component file server.

Declaring the package folder as a (never rendered) component makes Streamlit answer
``/component/components.render.leaflet_assets.leaflet/<file>`` from it, so the map finds Leaflet
under ``streamlit run serve.py`` (which checks the files' pinned digests at start)
and under a plain ``streamlit run app.py``, and nothing is copied.
"""

from __future__ import annotations

import streamlit.components.v1 as components

from components.present.leaflet import package_dir


def register_leaflet() -> None:
    """Register the folder for this script run (Streamlit keeps registrations per run)."""
    components.declare_component("leaflet", path=str(package_dir()))
