"""Streamlit rendering: widgets, session state, caches and the page layout.

Each module draws what ``components.present`` builds; no reader-facing sentence is
written here (all come from ``components.present.i18n``).
"""
