"""The reader's own overlay: upload, validate (geo.upload), draw in its own style.

The layer lives in this session only (st.session_state); a bad file leaves the previous
layer and the rest of the view untouched.
"""

from __future__ import annotations

import html

import folium
import streamlit as st

from components.continuity import overlay_lost
from components.folium_payload import overlay_script
from components.i18n import t
from components.map_build import Bind, Legend, swatch
from geo.fmt import fmt_num
from geo.upload import Overlay, UploadError, read_overlay

USER_STYLE = {
    "color": "#CC79A7",
    "fillColor": "#CC79A7",
    "weight": 2.5,
    "fillOpacity": 0.12,
    "dashArray": "8 3 2 3",
    "className": "user-layer",
}


def user_group(overlay: Overlay, lang: str) -> folium.FeatureGroup:
    """The uploaded features with their area and (escaped) properties in a popup."""
    group = folium.FeatureGroup(name="user")
    label = t("your_layer", lang)
    for row in overlay.layer.itertuples():
        rows = "".join(
            f"<tr><th>{html.escape(k)}</th><td>{html.escape(v)}</td></tr>"
            for k, v in row.properties.items()
        )
        body = (
            f"<b>{html.escape(label)}: {html.escape(overlay.name)}</b>"
            f"<div>{fmt_num(row.area_km2, lang, 1)} km²</div>"
            f"<table>{rows}</table>"
        )
        tip = f"{label}: {fmt_num(row.area_km2, lang, 1)} km²"
        folium.GeoJson(
            row.geometry.__geo_interface__, style_function=lambda _: USER_STYLE
        ).add_child(Bind("tooltip", html.escape(tip), {"sticky": True})).add_child(
            Bind("popup", body, {"maxWidth": 320})
        ).add_to(group)
    Legend(user_legend_html(overlay, lang)).add_to(group)
    return group


def user_legend_html(overlay: Overlay, lang: str) -> str:
    """The legend of the reader's layer: its style, name and area, marked as their own."""
    esc = html.escape
    line = swatch(USER_STYLE["color"], USER_STYLE["dashArray"])
    area = fmt_num(overlay.total_km2, lang, 1)
    return (
        f"<details open><summary><b>{esc(t('your_layer', lang))}</b></summary>"
        f"<div>{line}{esc(overlay.name)} · {esc(area)} km²</div>"
        f"<p>{esc(t('legend_own', lang))}</p></details>"
    )


def user_script(overlay: Overlay | None, lang: str) -> str:
    """Script adding the user's layer to the live map (second feature group), or ''."""
    if overlay is None:
        return ""
    key = (id(overlay), lang)
    cached = st.session_state.get("_user_js")
    if cached and cached[0] == key:
        return cached[1]
    script = overlay_script(user_group(overlay, lang), idx=1)
    st.session_state["_user_js"] = (key, script)
    return script


def _on_upload() -> None:
    """Read the new file; keep the old layer if it is unusable."""
    file = st.session_state.get("upload_file")
    if file is None:
        return
    try:
        st.session_state["overlay"] = read_overlay(file.name, file.getvalue())
        st.session_state["upload_error"] = ""
    except UploadError as exc:
        st.session_state["upload_error"] = str(exc)


def render_upload(lang: str) -> Overlay | None:
    """File picker, the last error (one line), and a button to remove the layer."""
    if "_overlay_checked" not in st.session_state:  # first run of this session
        st.session_state["_overlay_checked"] = True
        had = overlay_lost(st.query_params.to_dict(), st.session_state.get("overlay") is not None)
        st.session_state["_overlay_lost"] = had
    if st.session_state.get("_overlay_lost") and st.session_state.get("overlay") is None:
        st.warning(t("overlay_lost", lang), icon="⚠️")
    with st.expander(t("upload_title", lang)):
        st.file_uploader(
            t("upload_help", lang),
            key="upload_file",
            on_change=_on_upload,
            accept_multiple_files=False,
        )
        overlay = st.session_state.get("overlay")
        if st.session_state.get("upload_error"):
            st.error(st.session_state["upload_error"], icon="⚠️")
        if overlay is not None:
            st.caption(
                t("upload_ok", lang, name=overlay.name, n=len(overlay.layer),
                  area=fmt_num(overlay.total_km2, lang, 1))
            )  # fmt: skip
            if st.button(t("upload_remove", lang)):
                st.session_state["overlay"] = None
                st.session_state["upload_error"] = ""
                st.rerun()
    return st.session_state.get("overlay")
