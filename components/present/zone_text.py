"""What a drawn zone says to the reader: label, tooltip, popup, method, stale styling.

Pure functions of a typed zone (``geo.records.ClaimZone``, or an ``AreaFigure`` where
the date does not matter), the ledger's records by id, the page language and the
selected date, so the map, the PNG and the GeoJSON say the same thing. Every string
returned for HTML is escaped by its template (``templates/``); plain-text functions are
not.
"""

from __future__ import annotations

from collections.abc import Mapping

from components.present.figures import figure_value, link_parts
from components.present.fmt import fmt_date, fmt_num, hedge
from components.present.i18n import t
from components.present.templating import render, text_html, words
from components.present.wording import (
    age,
    claimant,
    decimals_of,
    kind_label,
    localized,
    qualified,
    record_when,
    says_holds,
    territory_name,
    who,
    who_mid,
)
from geo.currency import MAX_AGE_DAYS
from geo.records import AreaFigure, Claim, ClaimZone

#: CSS class added to a stale zone, beside its side's class (claim-ru, claim-ua, …).
STALE_CLASS = "claim-stale"
#: A stale zone: a faint outline, no fill, so it never reads as a current claim.
STALE_STYLE = {"opacity": 0.5, "fillOpacity": 0.0, "weight": 1.5}


def is_current(zone: ClaimZone) -> bool:
    """Whether the zone's figure is current on the selected date (see geo.currency)."""
    return bool(zone.current)


def _box_sides(zone: AreaFigure, lang: str) -> tuple[str, str, str]:
    """(shared hedge, depth, width) of a box: '6–7', 'about 15' when the hedges differ."""
    nums = zone.derivation_numbers or {}
    depth_q, width_q = nums.get("depth_qualifier"), nums.get("width_qualifier")
    depth = fmt_num(zone.depth_km, lang)
    high = zone.depth_high_km
    if high is not None:
        depth = t("range_figure", lang, low=depth, high=fmt_num(high, lang), unit="").strip()
    width = fmt_num(zone.width_km, lang)
    if depth_q == width_q:
        return hedge(width_q, lang), depth, width
    return "", f"{hedge(depth_q, lang)}{depth}", f"{hedge(width_q, lang)}{width}"


def _exact_words(zone: AreaFigure, lang: str) -> str:
    """The claimant's words a derived zero was read from ('fully liberated'), or ''."""
    words = localized(zone, "words", lang)
    area = float(zone.area_km2 or 0)
    return words if bool(zone.derived) and area == 0 else ""


def is_derived(zone: AreaFigure) -> bool:
    """The figure is our arithmetic, not a stated number; a zero read from exact words
    ('fully liberated') counts as stated, as ``zone_figure`` shows it."""
    return bool(zone.derived) and not _exact_words(zone, "en")


def zone_figure(zone: AreaFigure, lang: str) -> str:
    """'about 1,000 km²', '12 × 40 km (≈ 604 km² as drawn, derived)', '≈ 466 km²
    (derived)', and '0 km² (“fully liberated”)' for a zero read from exact words."""
    area = float(zone.area_km2 or 0)
    if zone.kind == "box":
        q, d, w = _box_sides(zone, lang)
        return t("box_figure", lang, q=q, d=d, w=w, area=fmt_num(area, lang))
    words = _exact_words(zone, lang)
    if words:
        return t("exact_zero", lang, words=words)
    if bool(zone.derived):
        return t("derived_figure", lang, area=fmt_num(area, lang))
    return qualified(area, "km²", zone.qualifier, lang)


#: Short qualifier signs for tight places (the comparison's big numbers); the words
#: stand in the caption right under them.
QUALIFIER_SIGNS = {"about": "~", "at_least": "≥ ", "more_than": "> ", "up_to": "≤ "}


def compact_figure(zone: AreaFigure, lang: str) -> str:
    """'~1,000 km²', '≈ 604 km²' (derived), '> 1,250 km²', '196.97 km²' (as stated):
    fits a headline number."""
    value = float(zone.area_km2 or 0)
    stated = not bool(zone.derived)
    area = fmt_num(value, lang, decimals_of(value) if stated else 0)
    if _exact_words(zone, lang):
        return "0 km²"
    if bool(zone.derived):
        return f"≈ {area} km²"
    return f"{QUALIFIER_SIGNS.get(str(zone.qualifier or ''), '')}{area} km²"


def side_label(zone: AreaFigure, lang: str) -> str:
    """'Russian claim', 'Ukrainian claim', or the kind of voice for trackers/analysts."""
    side, kind = zone.side, zone.source_kind
    if side == "independent":
        return kind_label(kind, side, lang)
    label = t(f"side_{side}", lang)
    if kind and kind != "official":
        label = f"{label} ({kind_label(kind, side, lang)})"
    return label


def claim_phrase(zone: AreaFigure, lang: str) -> str:
    """Whose claim about whose ground: 'Russia says Ukraine holds', 'DeepState says Russia
    holds', 'Volgens Rusland in handen van Oekraïne'. Same words for both directions."""
    side = zone.side
    voice = who(zone, lang) if side == "independent" else ""
    return says_holds(side, zone.holder, lang, voice=voice)


def where(zone: AreaFigure, lang: str) -> str:
    """The ground a zone is about: 'Kursk region', 'Sumy region (the Hrabovske sector
    only)', 'Sumy and Kharkiv regions together'."""
    name = territory_name(zone.territory or "kursk", lang)
    if bool(zone.partial):
        place = localized(zone, "anchor", lang)
        name = f"{name}, {t('sector_only', lang, place=place)}"
    return name


def short_label(zone: ClaimZone, lang: str) -> str:
    """One line for a tight map: 'Russia says Ukraine holds ≈ 604 km²'; a stale figure
    says so even in one line ('… ~950 km² · not current')."""
    text = f"{claim_phrase(zone, lang)} {compact_figure(zone, lang)}"
    return text if is_current(zone) else t("short_stale", lang, label=text)


def stale_note(zone: ClaimZone, lang: str) -> str:
    """Why a zone is not current: replaced by a newer statement (with its date) or aged.

    "No newer figure from this side" would be wrong for a figure one day old that the
    side itself replaced with a statement without an area (13 Mar 2025: Sudzha retaken).
    """
    later = zone.superseded_on
    if zone.stale_reason == "superseded" and later is not None:
        return t("stale_label_superseded", lang, date=fmt_date(later, lang))
    return t("stale_label", lang)


def zone_label_lines(zone: ClaimZone, lang: str) -> tuple[str, ...]:
    """The lines of a zone's label (plain text): whose claim about whose ground and the
    figure; where, who (or what kind of voice), when and how long ago; and for a stale
    zone a third line, why it is no longer current."""
    said = t("said_on", lang, when=record_when(zone, lang), age=age(zone.age_days, lang))
    voice = (
        kind_label(zone.source_kind, "independent", lang)
        if zone.side == "independent"
        else who(zone, lang)
    )
    lines = (
        f"{claim_phrase(zone, lang)}: {zone_figure(zone, lang)}",
        f"{where(zone, lang)} · {voice} · {said}",
    )
    return lines if is_current(zone) else (*lines, stale_note(zone, lang))


def zone_label(zone: ClaimZone, lang: str) -> str:
    """Side, figure with qualifier, claimant, date and age; stale ones say so. Plain text
    (the zone carries its claimant, dates and age)."""
    return " · ".join(zone_label_lines(zone, lang))


def zone_tooltip(zone: ClaimZone, lang: str) -> str:
    """The hover text (escaped HTML): the label and the schematic caveat."""
    return text_html(zone_access_label(zone, lang))


def zone_access_label(zone: ClaimZone, lang: str) -> str:
    """What a screen reader says for a zone reached with Tab: the hover text, plain
    (side, figure as stated or derived, claimant, date, age, the schematic caveat)."""
    return f"{zone_label(zone, lang)} — {t('schematic', lang)}"


def zone_style_extra(zone: ClaimZone) -> dict:
    """Leaflet style overrides for a stale zone (empty for a current one)."""
    return {} if is_current(zone) else dict(STALE_STYLE)


def status_text(zone: ClaimZone, claims_by_id: Mapping[str, Claim], lang: str) -> str:
    """Current or not, and why, in one or two sentences. Plain text."""
    fields = {"when": record_when(zone, lang), "age": age(zone.age_days, lang)}
    if is_current(zone):
        return t("status_current", lang, **fields)
    later = zone.superseded_by
    if later is not None and later in claims_by_id:
        rec = claims_by_id[later]
        summary = localized(rec, "summary", lang)
        return t("status_superseded", lang, date=record_when(rec, lang), summary=summary, **fields)
    return t("status_aged", lang, max=MAX_AGE_DAYS, **fields)


def _n(value: float) -> str:
    """A number in a formula: whole km² (one decimal below 10), as the files write it."""
    small = abs(value) < 10 and abs(value - round(value)) >= 0.05
    return f"{value:,.1f}" if small else f"{value:,.0f}"


def _pct(share: float) -> str:
    text = f"{share * 100:.1f}".rstrip("0").rstrip(".")
    return f"{text} %"


def derivation_formula(zone: AreaFigure) -> str:
    """The arithmetic behind a derived figure in numbers and signs, as the GeoJSON's
    ``derivation`` gives it ('801 km² ÷ 63.2 % ≈ 1,267 km²; …'); '' if stated.

    The same figures :func:`derivation_text` puts in words (``derivation_numbers``,
    from geo.currency).
    """
    if not bool(zone.derived):
        return ""
    nums = zone.derivation_numbers or {}
    if zone.kind == "box":
        depth, width, area = nums["depth_km"], nums["width_km"], nums["drawn_km2"]
        return (
            f"{_n(depth)} km from the border along {_n(width)} km of it ⇒ ≈ {_n(area)} km² (drawn)"
        )
    if "whole_from" in nums:
        whole, share, rest = nums["whole_km2"], nums["share"], nums["remaining_km2"]
        return f"{_n(whole)} km² × (100 % − {_pct(share)}) ≈ {_n(rest)} km²"
    if "recaptured_km2" in nums:
        area, whole, rest = nums["recaptured_km2"], nums["whole_km2"], nums["remaining_km2"]
        return (
            f"{_n(area)} km² ÷ {_pct(nums['share'])} ≈ {_n(whole)} km²; "
            f"{_n(whole)} km² − {_n(area)} km² ≈ {_n(rest)} km²"
        )
    return f"{nums.get('from_claim')} ⇒ {_n(float(zone.area_km2))} km²"


def derivation_text(zone: AreaFigure, claims_by_id: Mapping[str, Claim], lang: str) -> str:
    """The arithmetic behind a derived figure, in words and numbers ('' if stated)."""
    if not bool(zone.derived):
        return ""
    nums = zone.derivation_numbers or {}
    n = lambda v: fmt_num(v, lang)  # noqa: E731
    pct = lambda s: f"{fmt_num(s * 100, lang, 1 if (s * 1000) % 10 else 0)}%"  # noqa: E731
    kind = zone.kind
    hedged = lambda q, text: f"{hedge(q, lang)}{text}"  # noqa: E731
    if kind == "box":
        _, d, w = _box_sides(zone, lang)
        return t("deriv_box", lang, who=who(zone, lang), d=d, w=w,
                 area=n(zone.area_km2))  # fmt: skip
    if kind == "remaining" and "whole_from" in nums:
        return t("deriv_share", lang, who=who_mid(zone, lang),
                 pct=hedged(nums.get("share_qualifier"), pct(nums["share"])),
                 whole=n(nums["whole_km2"]), date=fmt_date(nums["whole_date"], lang),
                 rest=n(nums["remaining_km2"]))  # fmt: skip
    if kind == "remaining":
        return t("deriv_remaining", lang, who=who_mid(zone, lang),
                 rec=hedged(nums.get("recaptured_qualifier"), n(nums["recaptured_km2"])),
                 pct=hedged(nums.get("share_qualifier"), pct(nums["share"])),
                 whole=n(nums["whole_km2"]), rest=n(nums["remaining_km2"]))  # fmt: skip
    source = nums.get("from_claim")
    if source in claims_by_id:
        rec = claims_by_id[source]
        return t("deriv_from", lang, summary=localized(rec, "summary", lang))
    return derivation_formula(zone)


def method_text(zone: ClaimZone, lang: str) -> str:
    """How the shape was drawn, in which territory and around which place. Plain text."""
    shape = zone.shape
    if shape == "unplaced":
        return t("method_unplaced", lang)
    if shape == "none" or float(zone.drawn_area_km2 or 0) == 0:
        return t("method_none", lang)
    name, far = localized(zone, "anchor", lang), localized(zone, "anchor_to", lang)
    small = lambda v: fmt_num(v, lang, 1 if float(v or 0) < 10 else 0)  # noqa: E731
    nums = {
        "d": fmt_num(zone.drawn_depth_km, lang, 1),
        "w": fmt_num(zone.drawn_width_km, lang, 1),
        "drawn": small(zone.drawn_area_km2),
        "anchor": name,
        "far": far,
        "territory": territory_name(f"plain_{zone.territory or 'kursk'}", lang),
    }
    if shape == "box":
        _, _d, w = _box_sides(zone, lang)
        high = zone.depth_high_km
        deepest = high if high is not None else zone.depth_km
        nums.update(d=fmt_num(deepest, lang), w=w)
    drawn = t(f"method_{shape}", lang, **nums)
    basis = zone.anchor_basis or "default"
    place = name
    if shape == "strip" and far:
        place = t("strip_names" if basis == "source" else "strip_border", lang, a=name, b=far)
    placed = t(f"anchor_{basis}", lang, anchor=place)
    return f"{drawn} {placed} {t('method_tail', lang)}"


def zone_popup_html(zone: ClaimZone, claims_by_id: Mapping[str, Claim], lang: str) -> str:
    """Popup body: status, figure, derivation, each record behind it, method. Escaped
    (age and status come with the zone)."""
    records = []
    for claim_id in zone.claim_ids or ():
        if claim_id not in claims_by_id:
            continue
        rec = claims_by_id[claim_id]
        quote = rec.quote or ""
        records.append(
            {
                "line": f"{figure_value(rec, lang)} — {claimant(rec, lang)}, "
                f"{record_when(rec, lang)}",
                "quote": quote,
                "quote_lang": rec.quote_lang or "" if quote else "",
                "link": link_parts(rec.source_url, rec.source_title or rec.source_outlet),
            }
        )
    return render(
        "zone_popup.html.j2",
        t=words(lang),
        head=f"{claim_phrase(zone, lang)}: {zone_figure(zone, lang)}",
        where=where(zone, lang),
        side=side_label(zone, lang),
        status=status_text(zone, claims_by_id, lang),
        derivation=derivation_text(zone, claims_by_id, lang),
        records=records,
        method=method_text(zone, lang),
    )


def legend_figure_line(zone: ClaimZone, lang: str) -> str:
    """One legend line per zone for the PNG and link previews: whose claim about whose
    ground, where, the figure, who, when, age, and the stale mark."""
    said = t("said_on", lang, when=record_when(zone, lang), age=age(zone.age_days, lang))
    head = f"{claim_phrase(zone, lang)} ({where(zone, lang)}): {zone_figure(zone, lang)}"
    line = f"{head} · {who(zone, lang)} · {said}"
    return line if is_current(zone) else f"{line} · {stale_note(zone, lang)}"


__all__ = [
    "STALE_CLASS",
    "claim_phrase",
    "compact_figure",
    "derivation_formula",
    "derivation_text",
    "is_current",
    "legend_figure_line",
    "method_text",
    "short_label",
    "side_label",
    "status_text",
    "where",
    "zone_figure",
    "zone_label",
    "zone_label_lines",
    "zone_popup_html",
    "zone_style_extra",
    "zone_tooltip",
]
