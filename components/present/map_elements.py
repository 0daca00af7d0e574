"""Leaflet elements the maps share: legend control, popup/tooltip binding, map furniture.

Pure folium/branca ``MacroElement``s plus the legend body; the base map, the overlay,
the settlement layer and the reader's layer all use them (``map_build.py`` assembles).
"""

from __future__ import annotations

import datetime as dt
import html

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
    """Neutral map furniture and phone-friendly gestures, set once when the map is built.

    Leaflet's attribution prefix carries a national flag; on a map that compares both
    sides' claims the furniture stays neutral, so the prefix is the plain word. On touch
    screens one finger scrolls the page (no scroll trap) and two fingers move the map.
    Field: ``hint`` (the two-finger hint, in the page language).
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
        {% endmacro %}
        """
    )


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
