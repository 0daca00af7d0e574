"""Leaflet elements the maps share: legend control, popup/tooltip binding, map furniture.

Pure folium/branca ``MacroElement``s plus the legend body; the base map, the overlay,
the settlement layer and the reader's layer all use them (``map_build.py`` assembles).
"""

from __future__ import annotations

import datetime as dt
import html
import re

from branca.element import MacroElement
from jinja2 import Template

from components.present.fmt import fmt_date
from components.present.i18n import t
from components.present.palette import BORDER_COLOR
from components.present.sides import SIDE_STYLE
from geo.currency import MAX_AGE_DAYS


def legend_html(
    sides: list[str],
    lang: str,
    as_of: dt.date,
    stale: bool = False,
    empty: list[str] | None = None,
    labels: dict[str, str] | None = None,
) -> str:
    """Legend body: claim styles shown, the border, as-of date; how to read it, folded.

    `labels` names a side's row by the zones drawn; `empty` lists figures that draw no
    zone (0 km², or a place not located); `stale` adds the faint-outline key. The
    reading notes and credits fold under "how to read", so the open legend stays small
    enough to leave the zones clear on a laptop.
    """
    labels = labels or {}
    esc = html.escape
    rows = [
        f"<details open><summary><b>{esc(t('legend_title', lang))}</b> · "
        f"<i>{esc(t('schematic', lang))}</i></summary>"
    ]
    for side in sides:
        s = SIDE_STYLE[side]
        rows.append(
            f"<div>{swatch(s['color'], s['dashArray'])}"
            f"{esc(labels.get(side) or t(f'side_{side}', lang))}</div>"
        )
    rows.append(f"<div>{swatch(BORDER_COLOR, '')}{esc(t('legend_border', lang))}</div>")
    rows.extend(f'<div class="legend-empty">{esc(line)}</div>' for line in empty or [])
    rows.append(f"<p>{esc(t('legend_as_of', lang, date=fmt_date(as_of, lang)))}</p>")
    if stale:
        rows.append(f"<p>{esc(t('legend_stale', lang, max=MAX_AGE_DAYS))}</p>")
    rows.append(f"<details><summary>{esc(t('legend_how', lang))}</summary>")
    rows.append(f"<p>{esc(t('legend_derived', lang))}</p>")
    rows.append(f"<p>{esc(t('legend_note', lang))}</p>")
    rows.append(f'<p style="font-size:10px">{esc(t("credits", lang))}</p></details></details>')
    return "".join(rows)


def swatch(color: str, dash: str) -> str:
    """A legend line drawn with the same colour and dash pattern as the layer."""
    dash_attr = f' stroke-dasharray="{html.escape(dash)}"' if dash else ""
    return (
        '<svg width="28" height="8" aria-hidden="true">'
        f'<line x1="0" y1="4" x2="28" y2="4" stroke="{html.escape(color)}" stroke-width="3"'
        f"{dash_attr}/></svg>"
    )


class _Script(MacroElement):
    """A script element whose template reads the fields it was given (``this.<field>``)."""

    def __init__(self, **fields: object) -> None:
        super().__init__()
        self._name = type(self).__name__
        self.__dict__.update(fields)


class MapSetup(_Script):
    """Neutral map furniture, phone-friendly gestures and access, set once per map.

    Leaflet's attribution prefix carries a national flag; on a map that compares both
    sides' claims the furniture stays neutral, so the prefix is the plain word. On touch
    screens one finger scrolls the page (no scroll trap) and two fingers move the map.

    For screen readers and keyboards, in the map's own document (streamlit-folium's
    frame, or a saved HTML file): the map and its furniture sit in one ``<main>`` with a
    level-one heading; the map is a named region whose keys (arrows pan, + and − zoom,
    Tab reaches each claim) are said in a hint shown while it has keyboard focus; and
    ``kcmFocusable`` (used by :class:`Focusable`) makes a layer reachable with Tab,
    named, opened with Enter or Space and closed with Escape (Leaflet's own Escape
    works only while the map itself has focus).
    Fields: ``hint`` (the two-finger hint), ``heading``, ``name`` and ``keys`` (the
    keyboard hint), each in the page language.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        {{ this._parent.get_name() }}.attributionControl.setPrefix(
            '<a href="https://leafletjs.com">Leaflet</a>');
        if (L.Browser.mobile && L.Browser.touch) {
            {{ this._parent.get_name() }}.dragging.disable();
            var hint = L.control({position: "bottomleft"});
            hint.onAdd = function () {
                var d = L.DomUtil.create("div", "claims-hint");
                d.textContent = {{ this.hint|tojson }};
                return d;
            };
            hint.addTo({{ this._parent.get_name() }});
        }
        (function (map) {
            var box = map.getContainer();
            var top = document.getElementById("root") || box;
            if (!document.querySelector("main.kcm-main") && top.parentNode) {
                var main = document.createElement("main");
                main.className = "kcm-main";
                var h1 = document.createElement("h1");
                h1.className = "kcm-sr";
                h1.textContent = {{ this.heading|tojson }};
                top.parentNode.insertBefore(main, top);
                main.appendChild(h1);
                main.appendChild(top);
            }
            var keys = L.control({position: "bottomleft"});
            keys.onAdd = function () {
                var d = L.DomUtil.create("div", "claims-hint kcm-keys");
                d.id = "kcm-keys";
                d.textContent = {{ this.keys|tojson }};
                return d;
            };
            keys.addTo(map);
            box.setAttribute("role", "region");
            box.setAttribute("aria-label", {{ this.name|tojson }});
            box.setAttribute("aria-describedby", "kcm-keys");
        })({{ this._parent.get_name() }});
        window.kcmFocusable = function (layer, label) {
            var each = layer.eachLayer ? function (f) { layer.eachLayer(f); }
                : function (f) { f(layer); };
            each(function (part) {
                var set = function () {
                    var el = part.getElement && part.getElement();
                    if (!el) { return; }
                    el.setAttribute("tabindex", "0");
                    el.setAttribute("role", "button");
                    el.setAttribute("aria-label", label);
                    if (el.kcmKeys) { return; }
                    el.kcmKeys = true;
                    L.DomEvent.on(el, "keydown", function (e) {
                        var map = part._map;
                        if (e.key === "Escape" && map) { map.closePopup(); return; }
                        if (e.key !== "Enter" && e.key !== " ") { return; }
                        L.DomEvent.stop(e);
                        var at = part.getCenter ? part.getCenter() : part.getLatLng();
                        (part.getPopup && part.getPopup() ? part : layer).openPopup(at);
                    });
                };
                if (part.getElement && part.getElement()) { set(); }
                part.on("add", set);
            });
        };
        {% endmacro %}
        """
    )


class Focusable(_Script):
    """Make the parent layer (a zone's shapes, a settlement's dot) reachable with Tab and
    named for screen readers (``label``, plain text, passed as a JSON string); Enter or
    Space opens its popup. Needs :class:`MapSetup` on the map (``kcmFocusable``)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        window.kcmFocusable({{ this._parent.get_name() }}, {{ this.label|tojson }});
        {% endmacro %}
        """
    )

    def __init__(self, label: str) -> None:
        super().__init__(label=label)


class Declutter(_Script):
    """Keep the parent group's markers from sitting on each other at any zoom.

    A marker with a ``kcmRank`` option is a target a reader taps or tabs to (a
    settlement's 24 px dot). After each move or zoom, markers are taken in rank order
    (then in the order given); one whose target would come within ``gap`` px of a kept
    one's is folded into it: hidden, out of the Tab order, and counted on the kept one as
    a "+N" badge and in its name ("+N " and ``more``, in the page language). One under a
    map control (the legend, the zoom buttons) is hidden the same way, also when a
    legend opens or folds. Zooming in or moving the map unfolds them. Every place stays
    listed in the Settlements panel.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function (group, gap, more) {
            var half = 12;
            function arrange() {
                var map = group._map;
                if (!map) { return; }
                var items = [];
                group.eachLayer(function (l) {
                    if (l.options && l.options.kcmRank !== undefined && l.getElement()) {
                        items.push(l);
                    }
                });
                items.sort(function (a, b) { return a.options.kcmRank - b.options.kcmRank; });
                var controls = Array.prototype.map.call(
                    map.getContainer().querySelectorAll(".leaflet-control"),
                    function (c) { return c.getBoundingClientRect(); });
                var kept = [], changed = false;
                items.forEach(function (m) {
                    var el = m.getElement();
                    if (el.dataset.kcmName === undefined) {
                        el.dataset.kcmName = el.getAttribute("aria-label") || "";
                    }
                    var p = map.latLngToLayerPoint(m.getLatLng());
                    var host = kept.find(function (k) {
                        var dx = Math.max(Math.abs(k.p.x - p.x) - half, 0);
                        var dy = Math.max(Math.abs(k.p.y - p.y) - half, 0);
                        return Math.sqrt(dx * dx + dy * dy) < gap;
                    });
                    var badge = el.querySelector(".stl-more");
                    if (badge) { badge.remove(); }
                    var wasHidden = el.style.display === "none";
                    el.style.display = "";
                    var box = el.getBoundingClientRect();
                    var covered = controls.some(function (c) {
                        return box.left < c.right && c.left < box.right
                            && box.top < c.bottom && c.top < box.bottom;
                    });
                    changed = changed || wasHidden !== !!(host || covered);
                    if (host || covered) {
                        if (host) { host.n += 1; }
                        el.style.display = "none";
                        el.setAttribute("aria-hidden", "true");
                        el.setAttribute("tabindex", "-1");
                    } else {
                        el.style.display = "";
                        el.removeAttribute("aria-hidden");
                        el.setAttribute("tabindex", "0");
                        kept.push({el: el, p: p, n: 0});
                    }
                });
                kept.forEach(function (k) {
                    var name = k.el.dataset.kcmName;
                    if (k.n) {
                        var b = document.createElement("span");
                        b.className = "stl-more";
                        b.setAttribute("aria-hidden", "true");
                        b.textContent = "+" + k.n;
                        k.el.appendChild(b);
                        // The name holds what is shown ("+1"), outside brackets.
                        name += " · +" + k.n + " " + more;
                    }
                    k.el.setAttribute("aria-label", name);
                });
                // Zone labels keep clear of the dots shown: place them again after a change.
                if (changed && map.__zoneLabelsAgain) { map.__zoneLabelsAgain(); }
            }
            // Leaflet still knows the map while "remove" fires.
            // A legend opened, folded or added moves the controls: arrange again then too.
            var watch = window.ResizeObserver && new ResizeObserver(function () {
                window.requestAnimationFrame(arrange);
            });
            group.on("add", function () {
                var map = group._map;
                map.on("moveend", arrange);
                if (watch) {
                    map.getContainer().querySelectorAll(".leaflet-control-container > div")
                        .forEach(function (corner) { watch.observe(corner); });
                }
                arrange();
            });
            group.on("remove", function () {
                group._map.off("moveend", arrange);
                if (watch) { watch.disconnect(); }
            });
        })({{ this._parent.get_name() }}, {{ this.gap }}, {{ this.more|tojson }});
        {% endmacro %}
        """
    )

    def __init__(self, more: str, gap: int = 12) -> None:
        super().__init__(more=more, gap=gap)


#: What screen readers and keyboards need in the map's document: the level-one heading
#: is read, not shown; a focused layer and the map itself show where the focus is; the
#: keyboard hint shows while the map has keyboard focus.
ACCESS_CSS = """
<style>
.kcm-sr { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
main.kcm-main { display: block; width: 100%; height: 100%; }
.leaflet-container:focus-visible { outline: 3px solid #1a1a1a; outline-offset: -3px; }
.leaflet-container path[tabindex]:focus-visible { outline: none; stroke: #1a1a1a;
  stroke-width: 5px; stroke-dasharray: none; }
.leaflet-marker-icon:focus-visible { outline: 3px solid #1a1a1a; outline-offset: 2px; }
.stl-more { position: absolute; left: 16px; top: -3px; padding: 0 2px; border-radius: 5px;
  background: rgba(255,255,255,.9); color: #222; border: 1px solid #777;
  font: 600 9px/11px system-ui, sans-serif; pointer-events: none; }
.kcm-keys { display: none; }
.leaflet-container:focus-visible .kcm-keys { display: block; }
</style>
"""

#: folium asks for a page that cannot be zoomed (``user-scalable=no``); a reader who
#: needs larger text must be able to pinch-zoom, so the map's page gets this one instead.
VIEWPORT = '<meta name="viewport" content="width=device-width, initial-scale=1">'


def allow_zoom(page_html: str, replacement: str = VIEWPORT) -> str:
    """The HTML with folium's zoom-blocking viewport tag replaced (by :data:`VIEWPORT`;
    ``""`` drops it where the page has a zoomable one of its own).

    >>> allow_zoom('<meta name="viewport" content="width=device-width,\\n'
    ...            '  initial-scale=1.0, maximum-scale=1.0, user-scalable=no" />')
    '<meta name="viewport" content="width=device-width, initial-scale=1">'
    """
    return re.sub(r'<meta name="viewport"[^>]*>', replacement, page_html)


class Legend(_Script):
    """A legend control that lives inside a layer group (claims, settlements, your layer).

    It is added and removed with its group, so a rerun that swaps the overlay
    (streamlit-folium ``feature_group_to_add``) swaps the legend without a new map.
    Fields: ``body`` (escaped HTML, a ``<details>``), ``class_name``, optional inline
    ``css`` (for legends whose group does not own the base map's CSS).
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.layerGroup();
        {{ this.get_name() }}.onAdd = function (map) {
            var ctl = L.control({position: "topright"});
            ctl.onAdd = function () {
                var div = L.DomUtil.create("div", {{ this.class_name|tojson }});
                {% if this.css %}div.style.cssText = {{ this.css|tojson }};{% endif %}
                div.innerHTML = {{ this.body|tojson }};
                // On a phone a legend starts folded (tap its title to open it), narrower.
                if (map.getSize().x < 500) {
                    var d = div.querySelector("details"); if (d) { d.open = false; }
                    div.style.maxWidth = "170px";
                }
                L.DomEvent.disableClickPropagation(div);
                return div;
            };
            this._ctl = ctl.addTo(map);
        };
        {{ this.get_name() }}.onRemove = function (map) {
            if (this._ctl) { map.removeControl(this._ctl); }
        };
        {{ this.get_name() }}.addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, body: str, class_name: str = "claims-legend", css: str = "") -> None:
        super().__init__(body=body, class_name=class_name, css=css)


class Bind(_Script):
    """Bind a popup or tooltip to the parent layer, passing the HTML as a JSON string.

    folium's own Popup needs jQuery and its Tooltip pastes text into a JS template
    literal; this needs neither, and ``tojson`` keeps any text inert in the script.
    The HTML itself must already be escaped by the caller.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        {{ this._parent.get_name() }}.{{ this.method }}(
            {{ this.body|tojson }}, {{ this.options|tojson }});
        {% endmacro %}
        """
    )

    def __init__(self, kind: str, body: str, options: dict | None = None) -> None:
        if kind not in ("popup", "tooltip"):
            raise ValueError(f"kind must be 'popup' or 'tooltip', not {kind!r}")
        method = "bindPopup" if kind == "popup" else "bindTooltip"
        super().__init__(method=method, body=body, options=options or {})


class LabelPlacer(_Script):
    """Places the zone labels of its group in the browser (``map_labels.PLACER_JS``).

    A layer group, like :class:`Legend`: added with the claims overlay, so every new
    overlay (date, sides, language) is placed again, and again after every zoom and pan.
    Field: ``code`` (the placer script, a constant of this project).
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        {{ this.code }}
        var {{ this.get_name() }} = L.layerGroup();
        {{ this.get_name() }}.onAdd = function (map) { window.__zoneLabels(map); };
        {{ this.get_name() }}.addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, code: str) -> None:
        super().__init__(code=code)
