"""The reader's own overlay: upload, read in a bounded process (sandbox.reader), draw it.

The layer lives in this session only (st.session_state); a bad file leaves the previous
layer and the rest of the view untouched. Whatever happens while reading becomes one
line in the page's language; the file's name is shown as plain text.
"""

from __future__ import annotations

import contextlib
import ctypes
import dataclasses
import functools
import logging
import os
from collections.abc import Mapping

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx
from streamlit.runtime.uploaded_file_manager import UploadedFile

from components.present.continuity import overlay_lost
from components.present.fmt import fmt_num
from components.present.i18n import t
from components.present.markdown_text import md_escape
from components.present.page import too_big_line
from components.present.upload_text import note_text, upload_message
from components.present.user_layer import user_group
from components.render import session
from components.render.cache import load_data
from components.render.folium_payload import overlay_script
from geo.upload import Limits, Overlay, UploadError
from sandbox.reader import read_overlay

_LOG = logging.getLogger(__name__)
#: Limits for uploads, e.g. "memory_mb=256,cpu_s=5" (operators; tests use small ones).
LIMITS_ENV = "KURSK_CLAIMS_UPLOAD_LIMITS"


def upload_limits(environ: Mapping[str, str]) -> Limits:
    """The app's limits, with overrides from ``KURSK_CLAIMS_UPLOAD_LIMITS`` if set.

    >>> upload_limits({LIMITS_ENV: "cpu_s=3, wall_s=4.5"}).cpu_s
    3
    """
    limits = Limits()
    fields = {f.name: f.type for f in dataclasses.fields(Limits)}
    changes = {}
    for item in filter(None, (p.strip() for p in environ.get(LIMITS_ENV, "").split(","))):
        key, _, value = item.partition("=")
        key = key.strip()
        try:
            changes[key] = (float if fields[key] == "float" else int)(value)
        except (KeyError, ValueError):
            _LOG.warning("ignored %s item %r", LIMITS_ENV, item)
    limits = dataclasses.replace(limits, **changes)
    # One size limit: never above what Streamlit's server accepts (its MB are 2^20 bytes
    # there, 10^6 in the browser's check; the app counts 10^6, the smaller of the two).
    server = int(st.get_option("server.maxUploadSize")) * 1_000_000
    return dataclasses.replace(limits, max_bytes=min(limits.max_bytes, server))


def user_script(overlay: Overlay | None, lang: str) -> str:
    """Script adding the user's layer to the live map (second feature group), or ''."""
    if overlay is None:
        return ""
    key = (id(overlay), lang)
    cached = session.user_js()
    if cached and cached[0] == key:
        return cached[1]
    try:
        script = overlay_script(user_group(overlay, lang), idx=1)
    except Exception:  # drawing is on the upload path too: one line, never a trace
        _LOG.exception("uploaded layer could not be drawn")
        session.set_overlay(None)
        session.set_upload_error(UploadError("internal"))
        return ""
    session.set_user_js(key, script)
    return script


def map_area() -> tuple[float, float, float, float]:
    """(south, west, north, east) of the regions the map is about."""
    west, south, east, north = (float(v) for v in load_data().regions.total_bounds)
    return south, west, north, east


def _release(file) -> None:
    """Drop the uploaded bytes once they are read: from Streamlit's upload store, and
    from the file object that the widget's last value keeps in session state.

    Streamlit keeps a session's files until the session shuts down (a session that
    expires after a disconnect never is), and the widget value until the uploader is
    drawn again (a fragment rerun does not draw it). The value is an ``io.BytesIO``
    sharing the upload's bytes; emptying it lets them go (closing it would break the
    copy Streamlit makes of widget values).
    """
    ctx = get_script_run_ctx()
    if ctx is not None and ctx.uploaded_file_mgr is not None:
        ctx.uploaded_file_mgr.remove_file(ctx.session_id, file.file_id)
    file.seek(0)
    file.truncate()


@functools.cache
def map_large_buffers() -> None:
    """Make glibc give every buffer of 1 MB or more its own mapping, unmapped when freed.

    An upload passes through the server as a few 10 MB buffers (the request, the file,
    the copy sent to the reading process). By default glibc raises its mmap threshold
    after the first such buffer is freed, so later ones come from the malloc arena of the
    session's thread (one per session) and stay resident when freed: ~7–10 MB kept per
    upload session (``bench/upload.py``). A fixed threshold returns them at once.

    Once per process, before the first upload: at server start (``serve.py``), or when
    the uploader is first drawn (a plain ``streamlit run app.py``).
    """
    m_mmap_threshold = -3
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None).mallopt(m_mmap_threshold, 1 << 20)


#: Session key: the file the uploader handed over, (name, bytes), until it is read.
def _on_upload() -> None:
    """Take the new file's bytes from Streamlit and leave them to ``_read_pending``.

    Only a file with its bytes is taken. Once ``_release`` has dropped them, the next
    rerun gives the widget Streamlit's ``DeletedFile`` placeholder instead, a change that
    fires this callback again: that is the file already taken, not a new one, so the
    layer and the last message stay as they are.
    """
    file = session.uploaded_file()
    if not isinstance(file, UploadedFile):  # None (cleared) or DeletedFile (released)
        return
    try:
        name, data = file.name, file.getvalue()
        _release(file)
        session.set_pending_upload(name, data)
    except Exception:  # anything on the upload path is one line, not a trace
        _LOG.exception("upload failed")
        session.set_upload_error(UploadError("internal"))


def _read_pending(lang: str) -> None:
    """Read the file handed over, in its turn, telling the reader where it stands.

    Runs in the script body, inside the upload panel: while the file waits for a turn
    the panel says how many files are ahead of it (at once, and as it changes). A click
    meanwhile interrupts the wait; the next run resumes it in the same place (the gate
    keeps the turn for this session). Never raises anything but Streamlit's own
    rerun/stop signals.
    """
    name, data = session.pending_upload()
    status = st.empty()

    def waiting(ahead: int) -> None:
        if ahead:
            status.info(t("upload_waiting", lang, n=ahead), icon="⏳")
        else:
            status.info(t("upload_reading", lang), icon="⏳")

    waiting(0)
    ctx = get_script_run_ctx()
    try:
        overlay = read_overlay(
            name, data, limits=upload_limits(os.environ), map_area=map_area(),
            owner=ctx.session_id if ctx else None, on_wait=waiting,
        )  # fmt: skip
        session.set_overlay(overlay)
        session.set_upload_error(None)
    except UploadError as exc:  # kept without its traceback, whose frames hold the bytes
        overlay = None
        session.set_upload_error(UploadError(exc.code, **exc.params))
    except Exception:  # a Streamlit rerun/stop signal is not an Exception: it passes
        overlay = None
        _LOG.exception("upload failed")
        session.set_upload_error(UploadError("internal"))
    session.drop_pending_upload()
    status.empty()
    if overlay is not None:
        st.rerun()  # the map, drawn earlier in this run, draws the new layer


def render_upload(lang: str) -> Overlay | None:
    """File picker, the last error (one line), what was changed, a remove button."""
    map_large_buffers()  # before the uploader can hand over a file
    if session.overlay_lost() is None:  # first run of this session
        session.set_overlay_lost(
            overlay_lost(st.query_params.to_dict(), session.overlay() is not None)
        )
    if session.overlay_lost() and session.overlay() is None:
        st.warning(t("overlay_lost", lang), icon="⚠️")
    with st.expander(t("upload_title", lang)):
        limits = upload_limits(os.environ)
        st.file_uploader(
            t("upload_help", lang),
            key=session.UPLOAD_FILE,
            on_change=_on_upload,
            accept_multiple_files=False,
            max_upload_size=limits.max_bytes // 1_000_000,
        )
        mb = limits.max_bytes // 1_000_000
        st.html(too_big_line(t("upload_err_too_big_browser", lang, limit_mb=mb)),
                unsafe_allow_javascript=True)  # fmt: skip
        if session.pending_upload() is not None:
            _read_pending(lang)
        overlay = session.overlay()
        error = session.upload_error()
        if isinstance(error, UploadError):
            st.error(md_escape(upload_message(error, lang)), icon="⚠️")
        if overlay is not None:
            st.caption(
                md_escape(t("upload_ok", lang, name=overlay.name, n=len(overlay.layer),
                            area=fmt_num(overlay.total_km2, lang, 1)))
            )  # fmt: skip
            for note in overlay.notes:
                show = st.warning if note.code == "outside" else st.caption
                show(md_escape(note_text(note, lang)))
            if st.button(t("upload_remove", lang)):
                session.set_overlay(None)
                session.set_upload_error(None)
                st.rerun()
    return session.overlay()
