"""What the reader sees, in two halves.

- ``components.present``: pure presentation in the page language (card and label text,
  folium builders, chart specs, exporters, the link's view state). No Streamlit import
  (``tests/unit/test_layers.py`` fails if one appears), so all of it is testable without
  a browser or a Streamlit runtime.
- ``components.render``: Streamlit rendering (widgets, session state, caches, the page).
  Thin: it calls ``present`` for every text and shape it draws.
"""
