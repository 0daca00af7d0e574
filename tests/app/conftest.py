"""App tests share one process: every test starts with empty caches (Streamlit's and
geo.dataset's, so a test that swaps the data directory reads its own files)."""

from __future__ import annotations

import pytest
import streamlit as st

from geo import dataset


@pytest.fixture(autouse=True)
def _fresh_caches():
    st.cache_resource.clear()
    dataset.clear()
    yield
    st.cache_resource.clear()
    dataset.clear()
