"""Entry point for serving: ``streamlit run serve.py`` runs app.py plus the app's own routes.

``streamlit run`` finds the ``st.App`` below and serves it with uvicorn: the page
(app.py), stateless exports, link previews, Leaflet from the installed package,
readiness for a load balancer, and security headers on every response.
"""

from __future__ import annotations

import sys

import streamlit as st

from components.present import leaflet
from components.present.i18n import LANGS
from web.routes import (
    exception_handlers,
    lifespan_with,
    middleware,
    prepare_process,
    routes,
    warm_up,
)

try:  # an install problem gets its own message, before any reader sees a broken map
    leaflet.verify()
except leaflet.AssetError as exc:
    sys.exit(f"kursk-claims-map cannot start: {exc}")
prepare_process()


def warm_page() -> None:
    """Before the first reader: the data set and the default view's zones (geo.dataset,
    shared with the routes), then the page's base map and overlay in both languages."""
    from components.render.cache import map_payload, overlay_js

    default = warm_up()
    for lang in LANGS:
        map_payload(lang, "light")
        overlay_js(default.date, default.sides(), lang)


app = st.App(
    "app.py",
    routes=routes(),
    middleware=middleware(),
    lifespan=lifespan_with(warm_page),
    exception_handlers=exception_handlers(),
)
