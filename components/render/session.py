"""What a reader's session keeps between reruns: every key's name, and typed access to it.

The one module that touches ``st.session_state`` (``tests/unit/test_one_home.py`` checks):
a key spelled in two places can drift, and a typo reads ``None`` and says nothing.
Streamlit keeps widgets' values and the app's own values in one namespace, and element
keys (a container's CSS hook) share it too, so all three groups are named here.

ARCHITECTURE.md "Where state lives" lists these keys: keep the two in step.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import TYPE_CHECKING

import streamlit as st

from components.present.urls import MapRequest, Notice, ViewState

if TYPE_CHECKING:
    from streamlit.runtime.uploaded_file_manager import UploadedFile

    from geo.upload import Overlay, UploadError

# ---------------------------------------------- widgets: the view a link restores
LANG = "lang"
RU = "ru"
UA = "ua"
IND = "ind"
DATE = "date"
#: The basemap code; the radio that sets it has a key per language (``basemap_radio``).
BASE = "base"
#: The widget keys a link restores, in ViewState's field names.
VIEW_KEYS = (LANG, RU, UA, IND, DATE, BASE)

# ---------------------------------------------- widgets: this session only
#: Which side panel is open (figures, chart, sources, settlements).
PANEL = "panel"
#: The settlements table's search box.
STL_QUERY = "stl_query"
#: The upload picker (its value: Streamlit's file object until ``_on_upload`` takes it).
UPLOAD_FILE = "upload_file"
#: Buttons and download buttons with a stable identity.
FIT_CLAIMS = "fit_claims"
DL_OWN = "dl_own"
DL_OWN_PNG = "dl_own_png"

# ---------------------------------------------- the app's own values
#: ``_seeded``: the link has been read into the session (its first run is over).
SEEDED = "_seeded"
#: The last centre/zoom the map reported (a ViewState; written only by the map's reports).
VIEWPORT = "viewport"
#: What the map is asked to show (a MapRequest; changes only on an explicit action).
MAP_REQUEST = "map_request"
#: Notices about a bad link, until the reader changes the view.
NOTICES = "_notices"
#: The reader's uploaded layer (an Overlay; never on disk, never in the URL).
OVERLAY = "overlay"
#: The last upload's error (an UploadError) or None.
UPLOAD_ERROR = "upload_error"
#: An uploaded file waiting for its turn to be read: (name, bytes).
UPLOAD_PENDING = "_upload_pending"
#: The map script of the reader's layer, keyed on (layer, language): drawn once.
USER_JS = "_user_js"
#: Whether the link said there had been a layer the session no longer has.
OVERLAY_LOST = "_overlay_lost"
#: The map has run once: the page script that keeps link updates out of history is in.
PAGE_READY = "_page_ready"

# ---------------------------------------------- elements (CSS hooks ``st-key-…``, no value)
TITLE_ROW = "title_row"
MAP_CONTROLS = "map_controls"
MAP_ACTIONS = "map_actions"
SHARE_POP = "share_pop"
EMBED_POP = "embed_pop"
DOWNLOADS_POP = "downloads_pop"


def basemap_radio(lang: str) -> str:
    """The basemap radio's key: one per language, as its labels are translated.

    A radio whose labels change under one key handed back the old *label* as its value,
    which then reached the link (``base=Light tiles (online)``).
    """
    return f"base_{lang}"


# ---------------------------------------------- the view
def first_run() -> bool:
    """True until ``seed`` has read the link into this session."""
    return SEEDED not in st.session_state


def seed(state: ViewState, request: MapRequest, notices: list[Notice]) -> None:
    """A session's first run (``first_run``): start every widget, the viewport and the map
    from the link; from then on the widgets are the state."""
    for key in VIEW_KEYS:
        st.session_state[key] = getattr(state, key)
    st.session_state[VIEWPORT] = state
    st.session_state[MAP_REQUEST] = request
    st.session_state[NOTICES] = notices
    st.session_state[SEEDED] = True


def lang() -> str:
    """The page language (the language switch's value)."""
    return st.session_state[LANG]


def date() -> dt.date:
    """The day the slider is on."""
    return st.session_state[DATE]


def set_date(day: dt.date) -> None:
    st.session_state[DATE] = day


def base() -> str:
    """The basemap code."""
    return st.session_state[BASE]


def set_base(code: str) -> None:
    st.session_state[BASE] = code


def widget_value(key: str) -> object:
    """A widget's value by its key (None before the widget first ran)."""
    return st.session_state.get(key)


def set_widget_value(key: str, value: object) -> None:
    st.session_state[key] = value


def view() -> ViewState:
    """The view as the widgets and the last reported map position describe it now."""
    values = {key: st.session_state[key] for key in VIEW_KEYS}
    return replace(st.session_state[VIEWPORT], **values)


def set_viewport(state: ViewState) -> None:
    st.session_state[VIEWPORT] = state


def map_request() -> MapRequest:
    """What the map is asked to show (fit the claims if nothing asked yet)."""
    return st.session_state.get(MAP_REQUEST) or MapRequest(fit=1)


def ask_map(request: MapRequest) -> None:
    st.session_state[MAP_REQUEST] = request


def notices() -> list[Notice]:
    return st.session_state.get(NOTICES, [])


def clear_notices() -> None:
    st.session_state[NOTICES] = []


def page_ready() -> bool:
    """Whether the map has run once in this session (see ``PAGE_READY``)."""
    return bool(st.session_state.get(PAGE_READY))


def mark_page_ready() -> None:
    st.session_state[PAGE_READY] = True


# ---------------------------------------------- the reader's layer
def overlay() -> Overlay | None:
    """The reader's uploaded layer, if any."""
    return st.session_state.get(OVERLAY)


def set_overlay(layer: Overlay | None) -> None:
    st.session_state[OVERLAY] = layer


def upload_error() -> UploadError | None:
    return st.session_state.get(UPLOAD_ERROR)


def set_upload_error(error: UploadError | None) -> None:
    st.session_state[UPLOAD_ERROR] = error


def uploaded_file() -> UploadedFile | object | None:
    """The upload picker's value: a file, Streamlit's placeholder once released, or None."""
    return st.session_state.get(UPLOAD_FILE)


def pending_upload() -> tuple[str, bytes] | None:
    """(name, bytes) of a file waiting for its turn to be read, or None."""
    return st.session_state.get(UPLOAD_PENDING)


def set_pending_upload(name: str, data: bytes) -> None:
    st.session_state[UPLOAD_PENDING] = (name, data)


def drop_pending_upload() -> None:
    del st.session_state[UPLOAD_PENDING]


def user_js() -> tuple[object, str] | None:
    """The reader's layer's map script and the (layer, language) it was drawn for."""
    return st.session_state.get(USER_JS)


def set_user_js(key: object, script: str) -> None:
    st.session_state[USER_JS] = (key, script)


def overlay_lost() -> bool | None:
    """Whether the link said this session had a layer it no longer has (None: not yet read)."""
    return st.session_state.get(OVERLAY_LOST)


def set_overlay_lost(lost: bool) -> None:
    st.session_state[OVERLAY_LOST] = lost
