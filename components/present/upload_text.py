"""What a reader is told about an upload: reason codes and notes from geo.upload → one
line in the page's language (plain text; the caller escapes it for Markdown)."""

from __future__ import annotations

from collections.abc import Mapping

from components.present.fmt import fmt_num
from components.present.i18n import t
from geo.upload import Limits, Note, UploadError

#: Refusals about *what kind of file* it is end with the list of accepted formats.
WITH_ACCEPTED = {"empty", "unsupported_type", "not_format", "no_features", "no_polygons",
                 "zip_broken", "zip_shapefiles"}  # fmt: skip


def _where(lat: float, lon: float, lang: str) -> str:
    """'35.15° N, 51.25° E' in the page's language."""
    ns = t("compass_n" if lat >= 0 else "compass_s", lang)
    ew = t("compass_e" if lon >= 0 else "compass_w", lang)
    return f"{fmt_num(abs(lat), lang, 2)}° {ns}, {fmt_num(abs(lon), lang, 2)}° {ew}"


def _fields(params: Mapping[str, object], lang: str) -> dict[str, str]:
    """Numbers formatted for the language; other values as text (escaped where shown)."""
    out = {}
    for key, value in params.items():
        if isinstance(value, bool):
            continue
        if isinstance(value, float):
            out[key] = fmt_num(value, lang, 0 if value.is_integer() or value >= 100 else 1)
        elif isinstance(value, int):
            out[key] = fmt_num(value, lang)
        else:
            out[key] = str(value)
    return out


def upload_message(error: UploadError, lang: str, limits: Limits | None = None) -> str:
    """One line saying why a file was refused, in the page's language (plain text).

    >>> upload_message(UploadError("memory", limit=512), "en")
    'This file needs more than 512 MB to read; simplify it or split it.'
    """
    code, fields = error.code, _fields(error.params, lang)
    if code == "zip_shapefiles" and error.params.get("n") == 0:
        code = "zip_no_shp"
    try:
        if code == "gpkg_program":
            fields["what"] = t(f"gpkg_{error.params.get('what')}", lang)
        text = t(f"upload_err_{code}", lang, **fields)
    except (KeyError, IndexError):
        text = t("upload_err_internal", lang)
    if error.code in WITH_ACCEPTED:
        mb = (limits or Limits()).max_bytes // 1_000_000
        text = f"{text} {t('upload_accepted', lang, mb=mb)}"
    return text


def note_text(note: Note, lang: str) -> str:
    """One sentence for something the reader changed or noticed (plain text)."""
    fields = _fields(note.params, lang)
    if note.code == "outside":
        where = _where(note.params["lat"], note.params["lon"], lang)
        text = t("upload_note_outside", lang, where=where)
        return f"{text} {t('upload_note_swapped', lang)}" if note.params["swapped"] else text
    return t(f"upload_note_{note.code}", lang, **fields)
