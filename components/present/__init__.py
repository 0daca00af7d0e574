"""Pure presentation: every reader-facing text, shape and file, built without Streamlit.

The reader's words come from one catalogue, ``i18n.py``; nothing here imports
``streamlit`` or ``streamlit_folium`` (checked by ``tests/unit/test_layers.py``).
"""
