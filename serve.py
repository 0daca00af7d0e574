"""Entry point for serving: ``streamlit run serve.py`` runs app.py plus the app's own routes.

``streamlit run`` finds the ``st.App`` below and serves it with uvicorn: the page
(app.py), stateless exports, link previews, Leaflet from the installed package,
readiness for a load balancer, and security headers on every response.
"""

from __future__ import annotations

import sys

import streamlit as st

from components.present import leaflet
from web.routes import exception_handlers, lifespan, middleware, prepare_process, routes

try:  # an install problem gets its own message, before any reader sees a broken map
    leaflet.verify()
except leaflet.AssetError as exc:
    sys.exit(f"kursk-claims-map cannot start: {exc}")
prepare_process()

app = st.App(
    "app.py",
    routes=routes(),
    middleware=middleware(),
    lifespan=lifespan,
    exception_handlers=exception_handlers(),
)
