"""Text from data/ reaches the page only escaped, on every rendering path; links are http(s)."""

from __future__ import annotations

import re

import pandas as pd
import pytest

import geo
from components.present.cards import build_card_html
from components.present.figures import cards, safe_link
from components.present.map_build import base_map, overlay
from components.present.markdown_text import md_escape
from components.present.sources import build_sources_html
from geo.records import Claim
from tests.unit.records_of import typed

XSS = '<img src=x onerror="alert(1)">'


@pytest.fixture(scope="module")
def hostile_claims(claims) -> pd.DataFrame:
    """The shipped claims with every text field of one record replaced by a payload."""
    claims = claims.copy()
    row = claims.index[claims["id"] == "ua-syrskyi-2024-08-12-area"][0]
    for column in ("claimant", "quote", "quote_en", "summary_en", "summary_nl", "caveat_en",
                   "source_title", "source_outlet"):  # fmt: skip
        claims.loc[row, column] = XSS
    claims.loc[row, "source_url"] = "javascript:alert(1)"
    return claims


def test_card_escapes_quote_claimant_source_and_drops_bad_link(hostile_claims, seed_day):
    groups = cards(Claim.from_frame(geo.claims_as_of(hostile_claims, seed_day)), "en")
    card = next(c for c in groups["ukraine"] if c.id == "ua-syrskyi-2024-08-12-area")
    html = build_card_html(card, "en")
    assert "&lt;img src=x onerror=" in html
    assert "<img" not in html
    assert 'href="javascript' not in html


def test_zone_popup_and_tooltip_escape_claim_text(hostile_claims, layers, seed_day):
    zones = geo.claim_zones(seed_day, claims=hostile_claims, regions=layers[0])
    fmap = base_map(*layers)
    by_id = {rec.id: rec for rec in Claim.from_frame(hostile_claims)}
    overlay(typed(zones), by_id, ("ukraine",), "en", seed_day).add_to(fmap)
    page = fmap.get_root().render()
    scripts = "".join(re.findall(r"<script>(.*?)</script>", page, flags=re.S))
    assert "<img" not in scripts
    assert "\\u0026lt;img src=x onerror=" in scripts  # HTML-escaped, then JSON-escaped
    assert "javascript:alert" not in scripts


def test_sources_list_escapes_titles_and_refuses_non_http_links(hostile_claims, seed_day):
    html = build_sources_html(Claim.from_frame(geo.claims_as_of(hostile_claims, seed_day)), "en")
    assert "<img" not in html
    assert 'href="javascript' not in html


@pytest.mark.parametrize(
    ("url", "is_link"),
    [
        ("https://censor.net/en/news/1", True),
        ("http://example.org/a", True),
        ("javascript:alert(1)", False),
        ("JAVASCRIPT:alert(1)", False),
        ("data:text/html,<script>", False),
        ('https://x.org/"onmouseover="alert(1)', False),
        ("//evil.example/x", False),
        ("", False),
        (None, False),
    ],
)
def test_only_http_links_become_links(url, is_link):
    html = safe_link(url, "title")
    assert html.startswith("<a ") is is_link
    assert "<script" not in html


def test_markdown_escape_neutralises_links_html_and_latex():
    text = md_escape("[click](javascript:alert(1)) <b>x</b> $x^2$ **bold**")
    for escaped in ("\\[click\\]", "\\(javascript\\:", "\\<b\\>", "\\$x", "\\*\\*bold"):
        assert escaped in text
    assert "[click](" not in text
