"""The present layer's templates: every value escaped as before, none forgotten, every
file in use and shipped."""

from __future__ import annotations

import html
import tomllib
from pathlib import Path

import jinja2
import pytest
from markupsafe import Markup

from components.present import templating
from components.present.templating import render, style

ROOT = Path(__file__).resolve().parents[2]
HOSTILE = "<img src=x onerror=\"alert('1')\"> & co"


def test_values_are_escaped_as_the_hand_built_html_escaped_them():
    """stdlib escaping (``&#x27;``, ``&quot;``), so every card and popup kept its bytes."""
    assert render("text.html.j2", text=HOSTILE) == html.escape(HOSTILE)


def test_markup_made_by_a_template_goes_in_as_it_is():
    inner = Markup(render("text.html.j2", text="<b>"))
    assert render("text.html.j2", text=inner) == "&lt;b&gt;"


def test_a_value_a_template_needs_and_is_not_given_fails_loudly():
    with pytest.raises(jinja2.UndefinedError):
        render("iframe.html.j2", src="https://example.org/", title="t")  # no height


def test_attributes_cannot_be_broken_out_of():
    out = render("iframe.html.j2", src='x" onload="alert(1)', title=HOSTILE, height=5)
    assert 'onload="' not in out
    assert "<img" not in out


def test_templates_are_written_one_element_a_line_and_drawn_as_one():
    card_like = render("full_view_link.html.j2", url="https://e.org/?a=1&b=2", t=lambda k: k)
    assert "\n" not in card_like
    assert card_like == (
        '<a href="https://e.org/?a=1&amp;b=2" target="_blank" rel="noopener">open_full ↗</a>'
    )


def test_a_stylesheet_is_inlined_as_its_file_says():
    css = (templating.STATIC / "cards.css").read_text(encoding="utf-8")
    assert style("cards.css") == f"<style>\n{css}</style>"


def _python_sources() -> str:
    files = [*(ROOT / "components").rglob("*.py"), *(ROOT / "web").rglob("*.py")]
    return "\n".join(p.read_text(encoding="utf-8") for p in files)


def _templates_text() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in templating.TEMPLATES.rglob("*.j2"))


@pytest.mark.parametrize(
    "path",
    sorted([*templating.TEMPLATES.rglob("*.j2"), *templating.STATIC.iterdir()]),
    ids=lambda p: str(p.relative_to(templating.HERE)),
)
def test_every_template_and_file_is_used(path):
    """A file nobody reads is a page nobody checks: each name is named in the code (or,
    for the shared macros, imported by a template)."""
    assert f'"{path.name}"' in _python_sources() + _templates_text()


def test_the_package_ships_every_template_and_file():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["components.present"]
    files = [*templating.TEMPLATES.rglob("*.j2"), *templating.STATIC.iterdir()]
    for path in files:
        relative = path.relative_to(templating.HERE)
        assert any(relative.match(pattern) for pattern in patterns), relative
