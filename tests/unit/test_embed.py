"""The embed snippet a newsroom pastes: safe, titled, in embed mode."""

from __future__ import annotations

from html.parser import HTMLParser

from components.present.embed import embed_snippet, embed_url


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.append((tag, dict(attrs)))


def test_embed_url_turns_on_embed_mode_once() -> None:
    url = embed_url("http://h/?lang=nl&embed=false&z=9")
    assert url.count("embed=") == 1
    assert url.endswith("embed=true")
    assert "lang=nl" in url


def test_snippet_is_one_titled_iframe_with_the_view() -> None:
    parser = _Tags()
    parser.feed(embed_snippet("http://h/?date=2024-08-12&lat=51.2", "Kursk claims"))
    assert [tag for tag, _ in parser.tags] == ["iframe"]
    attrs = parser.tags[0][1]
    assert attrs["title"] == "Kursk claims"
    assert attrs["width"] == "100%"
    assert "date=2024-08-12" in attrs["src"]
    assert "embed=true" in attrs["src"]


def test_hostile_title_stays_inside_its_attribute() -> None:
    parser = _Tags()
    parser.feed(embed_snippet('http://h/?x="><script>', '"><script>alert(1)</script>'))
    assert [tag for tag, _ in parser.tags] == ["iframe"]
    assert parser.tags[0][1]["title"] == '"><script>alert(1)</script>'
