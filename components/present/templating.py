"""Where the present layer's HTML, CSS and JS come from: templates and files, not strings.

HTML is written in Jinja2 templates (``templates/*.html.j2``) rendered with autoescape
and ``StrictUndefined``: every value a template is given is escaped there (a missing
one fails, never prints ""). Stylesheets and scripts are plain files (``static/``) read
once on first use and inlined as before; a script or stylesheet that needs a value is a
template too (``*.js.j2``, ``*.css.j2``), its values passed through ``json``.

Escaping is the standard library's (``html.escape``: ``'`` → ``&#x27;``), as the
hand-built HTML used, so every card, popup and page keeps its bytes. ``Markup`` is
given only to HTML a template of ours made and to our own files (stylesheets, scripts).

The templates are written one element (or statement) a line, for reading; a line break
and the indentation after it are not output (:class:`Compact`), so a card stays one line
of HTML and a script one line of code: end each script line with ``;``, ``{`` or ``}``.
Write ``{{ "\\n" }}`` where the output needs a line break, ``{{ " " }}`` where a line
starts with a space. (Leaflet elements' scripts, ``templates/leaflet/``, are rendered by
branca as they are written.)
"""

from __future__ import annotations

import functools
import html as stdlib_html
import json
import re
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
from jinja2.ext import Extension
from markupsafe import Markup

from components.present.i18n import t

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"


class Compact(Extension):
    """Drop each line break and the indentation after it from a template's source."""

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        return re.sub(r"\n[ \t]*", "", source)


def _escaped(value: Any) -> Any:
    """What a template writes for a value: as it is if it is markup, else escaped."""
    if hasattr(value, "__html__"):
        return value
    return Markup(stdlib_html.escape(str(value)))


def _json(value: Any) -> Markup:
    """A value as a JavaScript literal (``json.dumps``), for the script templates."""
    return Markup(json.dumps(value))


ENV = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    finalize=_escaped,
    keep_trailing_newline=False,
    auto_reload=False,  # the files are part of the installed code: no stat per render
    extensions=[Compact],
)
ENV.filters["json"] = _json


def render(template: str, /, **values: Any) -> str:
    """The template ``template`` with these values (escaped by the template), as text."""
    return ENV.get_template(template).render(**values)


def macro(name: str, macro_name: str) -> Any:
    """A macro of a template, callable from Python; it returns markup."""
    return getattr(ENV.get_template(name).module, macro_name)


def text_html(text: object) -> str:
    """Plain text where Leaflet takes HTML (a tooltip, a permanent label): escaped."""
    return render("text.html.j2", text=text)


@functools.cache
def static_text(name: str) -> str:
    """The text of a file in ``static/`` (read once per process)."""
    return (STATIC / name).read_text(encoding="utf-8")


def script(template: str, /, **values: Any) -> str:
    """A script template (its values through ``json``) as a ``<script>`` element."""
    return render("script.html.j2", code=Markup(render(template, **values)))


def words(lang: str) -> Callable[..., str]:
    """``t(key, **values)`` in the page language, for a template."""
    return functools.partial(t, lang=lang)


@functools.cache
def style(name: str, before: str = "", after: str = "") -> str:
    """A stylesheet of ``static/`` as the ``<style>`` element the pages inline.

    ``before``/``after``: the white space around the element (kept as it was).
    """
    return render("style.html.j2", css=Markup(static_text(name)), before=before, after=after)


@functools.cache
def leaflet_template(name: str) -> jinja2.Template:
    """A Leaflet element's script (``templates/leaflet/<name>``) as branca's macro.

    The files are flush left; the macro's body is indented as the Python strings it
    came from were, so the map's script keeps its bytes. Rendered by branca (its own
    environment: values go in through ``tojson``).
    """
    body = (TEMPLATES / "leaflet" / name).read_text(encoding="utf-8")
    return jinja2.Template(
        "\n        {% macro script(this, kwargs) %}\n"
        + textwrap.indent(body, " " * 8)
        + "        {% endmacro %}\n        "
    )


class LeafletScript:
    """``_template = LeafletScript("declutter.js.j2")`` on a branca element: its script,
    read from the file the first time a map is drawn (nothing is read at import)."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __get__(self, obj: object, owner: type | None = None) -> jinja2.Template:
        return leaflet_template(self.name)
