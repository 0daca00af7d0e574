"""What a drawn zone says to the reader: label, tooltip, popup, method, stale styling.

Pure functions of a zone row (``geo.claim_zones``), the claims ledger indexed by id, the
page language and the selected date, so the map, the PNG and the GeoJSON say the same
thing. Every string returned for HTML is escaped here; plain-text functions are not.
"""

from __future__ import annotations

import html

import pandas as pd

from components.present.figures import figure_value, safe_link
from components.present.fmt import fmt_date, fmt_num, hedge
from components.present.i18n import t
from components.present.wording import age, claimant, field, kind_label, qualified, record_when, who
from geo.currency import MAX_AGE_DAYS

#: CSS class added to a stale zone, beside its side's class (claim-ru, claim-ua, …).
STALE_CLASS = "claim-stale"
#: A stale zone: a faint outline, no fill, so it never reads as a current claim.
STALE_STYLE = {"opacity": 0.5, "fillOpacity": 0.0, "weight": 1.5}


def _g(zone: object, key: str) -> object:
    """A field of a zone given as a Series, dict or namedtuple."""
    return field(zone, key)


def _flag(zone: object, key: str) -> bool:
    value = _g(zone, key)
    return bool(value) and not (isinstance(value, float) and pd.isna(value))


def is_current(zone: object) -> bool:
    """Whether the zone's figure is current on the selected date (see geo.currency)."""
    return _flag(zone, "current")


def zone_figure(zone: object, lang: str) -> str:
    """'about 1,000 km²', '12 × 40 km (≈ 480 km², derived)', '≈ 466 km² (derived)'."""
    area = float(_g(zone, "area_km2") or 0)
    if _g(zone, "kind") == "box":
        words = hedge(_g(zone, "qualifier"), lang)
        return t("box_figure", lang, q=words, d=fmt_num(_g(zone, "depth_km"), lang),
                 w=fmt_num(_g(zone, "width_km"), lang), area=fmt_num(area, lang))  # fmt: skip
    if _flag(zone, "derived"):
        return t("derived_figure", lang, area=fmt_num(area, lang))
    return qualified(area, "km²", _g(zone, "qualifier"), lang)


#: Short qualifier signs for tight places (the comparison's big numbers); the words
#: stand in the caption right under them.
QUALIFIER_SIGNS = {"about": "~", "at_least": "≥ ", "more_than": "> ", "up_to": "≤ "}


def compact_figure(zone: object, lang: str) -> str:
    """'~1,000 km²', '≈ 480 km²' (derived), '> 1,250 km²': fits a headline number."""
    area = fmt_num(float(_g(zone, "area_km2") or 0), lang)
    if _flag(zone, "derived"):
        return f"≈ {area} km²"
    return f"{QUALIFIER_SIGNS.get(str(_g(zone, 'qualifier') or ''), '')}{area} km²"


def side_label(zone: object, lang: str) -> str:
    """'Russian claim', 'Ukrainian claim', or the kind of voice for trackers/analysts."""
    side, kind = _g(zone, "side"), _g(zone, "source_kind")
    if side == "independent":
        return kind_label(kind, side, lang)
    label = t(f"side_{side}", lang)
    if kind and kind != "official":
        label = f"{label} ({kind_label(kind, side, lang)})"
    return label


def legend_label(zone: object, lang: str) -> str:
    """Legend row of a drawn zone: the side, or for trackers/analysts their kind and name."""
    label = side_label(zone, lang)
    if _g(zone, "side") == "independent":
        label = f"{label} ({who(zone, lang)})"
    return label


def stale_note(zone: object, lang: str) -> str:
    """Why a zone is not current: replaced by a newer statement (with its date) or aged.

    "No newer figure from this side" would be wrong for a figure one day old that the
    side itself replaced with a statement without an area (13 Mar 2025: Sudzha retaken).
    """
    later = _g(zone, "superseded_on")
    if _g(zone, "stale_reason") == "superseded" and later is not None and not pd.isna(later):
        return t("stale_label_superseded", lang, date=fmt_date(later, lang))
    return t("stale_label", lang)


def zone_label_lines(zone: object, lang: str) -> tuple[str, ...]:
    """The lines of a zone's label (plain text): side and figure; who, when, age; and
    for a stale zone a third line, "no newer figure from this side"."""
    said = t("said_on", lang, when=record_when(zone, lang), age=age(_g(zone, "age_days"), lang))
    lines = (f"{side_label(zone, lang)}: {zone_figure(zone, lang)}", f"{who(zone, lang)} · {said}")
    return lines if is_current(zone) else (*lines, stale_note(zone, lang))


def zone_label(zone: object, claims_by_id: pd.DataFrame, lang: str, as_of: object) -> str:
    """Side, figure with qualifier, claimant, date and age; stale ones say so. Plain text.

    `claims_by_id` and `as_of` are accepted for callers that label from the ledger; the
    zone row already carries its claimant, dates and age.
    """
    del claims_by_id, as_of  # the zone row is self-sufficient; kept for a stable signature
    return " · ".join(zone_label_lines(zone, lang))


def zone_tooltip(zone: object, claims_by_id: pd.DataFrame, lang: str, as_of: object) -> str:
    """The hover text (escaped HTML): the label and the schematic caveat."""
    return html.escape(zone_access_label(zone, claims_by_id, lang, as_of))


def zone_access_label(zone: object, claims_by_id: pd.DataFrame, lang: str, as_of: object) -> str:
    """What a screen reader says for a zone reached with Tab: the hover text, plain
    (side, figure as stated or derived, claimant, date, age, the schematic caveat)."""
    return f"{zone_label(zone, claims_by_id, lang, as_of)} — {t('schematic', lang)}"


def zone_style_extra(zone: object) -> dict:
    """Leaflet style overrides for a stale zone (empty for a current one)."""
    return {} if is_current(zone) else dict(STALE_STYLE)


def status_text(zone: object, claims_by_id: pd.DataFrame, lang: str) -> str:
    """Current or not, and why, in one or two sentences. Plain text."""
    fields = {"when": record_when(zone, lang), "age": age(_g(zone, "age_days"), lang)}
    if is_current(zone):
        return t("status_current", lang, **fields)
    later = _g(zone, "superseded_by")
    if isinstance(later, str) and later in claims_by_id.index:
        rec = claims_by_id.loc[later]
        summary = rec.get(f"summary_{lang}") or rec.get("summary_en")
        return t("status_superseded", lang, date=record_when(rec, lang), summary=summary, **fields)
    return t("status_aged", lang, max=MAX_AGE_DAYS, **fields)


def derivation_text(zone: object, claims_by_id: pd.DataFrame, lang: str) -> str:
    """The arithmetic behind a derived figure, in words and numbers ('' if stated)."""
    if not _flag(zone, "derived"):
        return ""
    nums = _g(zone, "derivation_numbers") or {}
    n = lambda v: fmt_num(v, lang)  # noqa: E731
    pct = lambda s: f"{fmt_num(s * 100, lang, 1 if (s * 1000) % 10 else 0)}%"  # noqa: E731
    kind = _g(zone, "kind")
    if kind == "box":
        return t("deriv_box", lang, who=who(zone, lang), d=n(_g(zone, "depth_km")),
                 w=n(_g(zone, "width_km")), area=n(_g(zone, "area_km2")))  # fmt: skip
    if kind == "remaining" and "whole_from" in nums:
        return t("deriv_share", lang, who=who(zone, lang), pct=pct(nums["share"]),
                 whole=n(nums["whole_km2"]), date=fmt_date(nums["whole_date"], lang),
                 rest=n(nums["remaining_km2"]))  # fmt: skip
    if kind == "remaining":
        return t("deriv_remaining", lang, who=who(zone, lang), rec=n(nums["recaptured_km2"]),
                 pct=pct(nums["share"]), whole=n(nums["whole_km2"]),
                 rest=n(nums["remaining_km2"]))  # fmt: skip
    source = nums.get("from_claim")
    if source in claims_by_id.index:
        rec = claims_by_id.loc[source]
        return t("deriv_from", lang, summary=rec.get(f"summary_{lang}") or rec["summary_en"])
    return _g(zone, "derivation") or ""


def method_text(zone: object, lang: str) -> str:
    """How the shape was drawn and around which place. Plain text."""
    shape = _g(zone, "shape")
    if shape == "none" or float(_g(zone, "drawn_area_km2") or 0) == 0:
        return t("method_none", lang)
    name = _g(zone, "anchor_nl") if lang == "nl" else _g(zone, "anchor")
    nums = {
        "d": fmt_num(_g(zone, "drawn_depth_km"), lang, 1),
        "w": fmt_num(_g(zone, "drawn_width_km"), lang, 1),
        "drawn": fmt_num(_g(zone, "drawn_area_km2"), lang),
        "anchor": name,
    }
    if shape == "box":
        nums.update(d=fmt_num(_g(zone, "depth_km"), lang), w=fmt_num(_g(zone, "width_km"), lang))
    drawn = t(f"method_{shape}", lang, **nums)
    basis = _g(zone, "anchor_basis") or "default"
    where = t(f"anchor_{basis}", lang, anchor=name)
    return f"{drawn} {where} {t('method_tail', lang)}"


def zone_popup_html(zone: object, claims_by_id: pd.DataFrame, lang: str, as_of: object) -> str:
    """Popup body: status, figure, derivation, each record behind it, method. Escaped."""
    del as_of  # age and status come with the zone row
    esc = html.escape
    head = f"{side_label(zone, lang)}: {zone_figure(zone, lang)}"
    parts = [
        f"<b>{esc(head)}</b> — <i>{esc(t('schematic', lang))}</i>",
        f'<div class="zone-status">{esc(status_text(zone, claims_by_id, lang))}</div>',
    ]
    deriv = derivation_text(zone, claims_by_id, lang)
    if deriv:
        parts.append(f'<div class="zone-deriv">{esc(deriv)}</div>')
    for claim_id in list(_g(zone, "claim_ids") or ()):
        if claim_id not in claims_by_id.index:
            continue
        rec = claims_by_id.loc[claim_id]
        line = f"{figure_value(rec, lang)} — {claimant(rec, lang)}, {record_when(rec, lang)}"
        parts.append(f"<div><b>{esc(line)}</b></div>")
        if isinstance(rec.get("quote"), str) and rec["quote"]:
            parts.append(
                f'<div><q lang="{esc(str(rec["quote_lang"] or ""))}">{esc(rec["quote"])}</q></div>'
            )
        link = safe_link(rec.get("source_url"), rec.get("source_title") or rec.get("source_outlet"))
        parts.append(f"<div>{esc(t('source', lang))}: {link}</div>")
    parts.append(f'<div style="margin-top:4px;color:#444">{esc(method_text(zone, lang))}</div>')
    return "".join(parts)


def legend_figure_line(zone: object, lang: str) -> str:
    """One legend line per side for the PNG: figure, who, when, age, and stale mark."""
    said = t("said_on", lang, when=record_when(zone, lang), age=age(_g(zone, "age_days"), lang))
    line = f"{zone_figure(zone, lang)} · {who(zone, lang)} · {said}"
    return line if is_current(zone) else f"{line} · {stale_note(zone, lang)}"


__all__ = [
    "STALE_CLASS",
    "derivation_text",
    "is_current",
    "legend_figure_line",
    "legend_label",
    "method_text",
    "side_label",
    "status_text",
    "zone_figure",
    "zone_label",
    "zone_label_lines",
    "zone_popup_html",
    "zone_style_extra",
    "zone_tooltip",
]
