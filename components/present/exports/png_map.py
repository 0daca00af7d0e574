"""The print PNG of a view: the map on the left, and on the right what a shared image needs.

A picture travels without the page, so it carries its own title, date, legend (each
side's figure, claimant and date), method note and credits, in the view's language.
The map half is drawn by ``png_layers``.
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Sequence
from typing import Any

import geopandas as gpd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, PathPatch

from components.present.exports.common import MapScene, in_wgs84, view_title, visible
from components.present.exports.png_layers import (
    READER_STYLE,
    draw_map,
    fill_box,
    polygon_path,
    scale_bar,
    zone_style,
)
from components.present.fmt import fmt_date
from components.present.i18n import t
from components.present.palette import BORDER_COLOR, FOCUS_EDGE, FOCUS_FILL, WATER_COLOR
from components.present.sides import SIDE_STYLE
from components.present.zone_text import is_current, legend_figure_line, side_label
from geo.currency import MAX_AGE_DAYS
from geo.records import ClaimZone

#: Print frame (lon/lat): every zone with room around it, plus Kursk, Sumy and Belgorod
#: cities for orientation. Widened to the image's aspect, never cropped.
PNG_FRAME = (34.1, 50.5, 36.8, 51.85)
#: Reference width (inches) the PNG font sizes are designed for (1600 px at 200 dpi).
PNG_REF_WIDTH_IN = 8.0


def _wrap(text: str, width_in: float, fontsize: float) -> str:
    """Wrap text to a width in inches (DejaVu Sans averages ≈ 0.6 em per glyph)."""
    chars = max(20, int(width_in * 72 / (fontsize * 0.6)))
    return "\n".join(textwrap.wrap(text, chars, break_on_hyphens=False))


def png_legend_rows(
    zones: Sequence[ClaimZone], sides: Sequence[str], lang: str
) -> list[tuple[str, str, str, bool]]:
    """(side, label, figure line, current) per figure of a visible side, a 0 km² figure
    included, current figures of a side before its stale ones.

    A figure that draws no shape (Russia's "fully liberated" 0 km²) still gets its row:
    the image must say what each side claimed, and about which ground, not only what
    could be drawn.
    """
    rows = []
    for side in SIDE_STYLE:
        mine = [zone for zone in zones if zone.side == side and side in sides]
        ordered = sorted(mine, key=lambda z: (not is_current(z), -z.date.value))
        for zone in ordered:
            label = f"{side_label(zone, lang)} ({t('schematic', lang)})"
            rows.append((side, label, legend_figure_line(zone, lang), is_current(zone)))
    return rows


def _legend_handles(
    zones: Sequence[ClaimZone],
    sides: Sequence[str],
    lang: str,
    width_in: float,
    fontsize: float,
    reader_name: str | None,
) -> list[Any]:
    """One legend entry per figure of a visible side, the reader's layer, the focus
    region, the border. A figure's line names whose claim it is ("Russia says …"), so the
    side's name is not repeated; "schematic, area-true" stands once, in the note."""
    handles: list[Any] = []
    for side, _, figure, current in png_legend_rows(zones, sides, lang):
        handles.append(Patch(label=_wrap(figure, width_in, fontsize), **zone_style(side, current)))
    if reader_name is not None:
        name = reader_name.replace("$", r"\$")  # a file name is text, never mathtext
        label = _wrap(f"{t('your_layer', lang)}: {name}", width_in, fontsize)
        note = _wrap(t("legend_own", lang), width_in, fontsize)
        handles.append(Patch(label=f"{label}\n{note}", **READER_STYLE))
    handles.append(
        Patch(
            label=t("legend_focus", lang), facecolor=FOCUS_FILL, edgecolor=FOCUS_EDGE, linewidth=0.8
        )
    )
    handles.append(
        Line2D([], [], color=BORDER_COLOR, linewidth=1.5, label=t("legend_border", lang))
    )
    return handles


def map_png(
    scene: MapScene,
    as_of: object,
    size: tuple[int, int] = (1600, 1000),
    dpi: int = 200,
    frame: tuple[float, float, float, float] = PNG_FRAME,
    reader_layer: tuple[str, gpd.GeoDataFrame] | None = None,
) -> bytes:
    """A static map for print and social media, exactly ``size`` pixels.

    Drawn on a bare Agg ``Figure`` (no pyplot), so concurrent Streamlit sessions do not
    share state. Map on the left, title, legend, method note and credits on the right,
    because a shared image must explain itself without the page. ``frame`` (lon/lat box,
    e.g. from ``view_frame``) is widened to the image's aspect, never cropped.
    ``reader_layer`` (name, layer) adds the reader's upload, styled and labelled as theirs.
    """
    regions, border, towns, zones = scene.regions, scene.border, scene.towns, scene.zones
    sides, lang = scene.sides, scene.lang
    width_px, height_px = size
    # A hair over the exact size: Agg truncates the canvas to whole pixels.
    fig = Figure(figsize=((width_px + 1e-3) / dpi, (height_px + 1e-3) / dpi), dpi=dpi)
    FigureCanvasAgg(fig)
    fig.patch.set_facecolor("white")
    s = width_px / dpi / PNG_REF_WIDTH_IN  # font scale: same look at any pixel size
    fig_w_in, fig_h_in = width_px / dpi, height_px / dpi

    ax = fig.add_axes((0.012, 0.02, 0.60, 0.96))
    ax.set_facecolor(WATER_COLOR)
    xlim, ylim, aspect = fill_box(frame, box_w_in=0.60 * fig_w_in, box_h_in=0.96 * fig_h_in)
    ax.set_xlim(*xlim)
    ax.set_ylim(*ylim)
    ax.set_aspect(aspect, adjustable="box")
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_edgecolor("#999")
        spine.set_linewidth(0.6)
    draw_map(ax, regions, border, towns, visible(zones, sides), lang, s)
    if reader_layer is not None:
        for geom in in_wgs84(reader_layer[1]).geometry:
            path = polygon_path(geom)
            if path is not None:
                ax.add_patch(PathPatch(path, zorder=5, **READER_STYLE))
    scale_bar(ax, s)

    # Right-hand panel: title, date, legend, note, credits.
    px = 0.635
    panel_in = (0.985 - px) * fig_w_in
    title_fs, sub_fs, legend_fs, note_fs, credit_fs = (10.5 * s, 9 * s, 7 * s, 6.6 * s, 5.6 * s)
    title = _wrap(t("title", lang), panel_in, title_fs)
    fig.text(px, 0.975, title, fontsize=title_fs, fontweight="bold", va="top", color="#111")
    line_h = lambda fs: fs * 1.25 / 72 / fig_h_in  # noqa: E731  (figure fraction per line)
    y = 0.975 - (title.count("\n") + 1) * line_h(title_fs) - 0.012
    as_of_text = t("legend_as_of", lang, date=fmt_date(as_of, lang))
    fig.text(px, y, as_of_text, fontsize=sub_fs, va="top", color="#222")
    y -= line_h(sub_fs) + 0.01

    credit_text = _wrap(t("credits", lang), panel_in, credit_fs)
    fig.text(px, 0.025, credit_text, fontsize=credit_fs, va="bottom", color="#666")
    notes = [t("legend_note", lang), t("legend_derived", lang)]
    if not all(is_current(z) for z in zones if z.side in sides):
        notes.insert(1, t("legend_stale", lang, max=MAX_AGE_DAYS))
    note = "\n".join(_wrap(n, panel_in, note_fs) for n in notes)
    note_y = 0.025 + (credit_text.count("\n") + 1) * line_h(credit_fs) + 0.03
    fig.text(px, note_y, note, fontsize=note_fs, va="bottom", color="#333", style="italic")
    note_top = note_y + (note.count("\n") + 1) * line_h(note_fs) + 0.02

    # As many figures as the day has (one per side and ground): the legend's type shrinks
    # until every row fits between the date line and the note, never over it.
    reader_name = reader_layer[0] if reader_layer is not None else None
    for size in (legend_fs * f for f in (1.0, 0.9, 0.8, 0.72, 0.65, 0.58)):
        handles = _legend_handles(zones, sides, lang, panel_in - 0.45, size, reader_name)
        lines = sum(h.get_label().count("\n") + 1 for h in handles)
        if y - note_top >= (lines + 0.9 * len(handles)) * line_h(size):
            break
    fig.legend(
        handles=handles,
        loc="upper left", bbox_to_anchor=(px - 0.006, y), frameon=False,
        fontsize=size, handlelength=2.6, handleheight=1.1, labelspacing=0.9,
        borderaxespad=0.0, borderpad=0.2, alignment="left",
    )  # fmt: skip

    buf = io.BytesIO()
    fig.savefig(
        buf, format="png", dpi=dpi, facecolor="white",
        metadata={"Title": view_title(lang, as_of), "Source": t("credits", lang)},
    )  # fmt: skip
    return buf.getvalue()
