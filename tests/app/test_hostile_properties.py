"""Any link, however mangled, opens a working page that says what it ignored (property-based).

Its own module so that without hypothesis (a dev dependency) only this test is skipped.
"""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import parse_qs, quote_from_bytes, urlencode

import pytest

pytest.importorskip("hypothesis", reason="hypothesis is not installed (requirements-dev.txt)")

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as hst

from components.present.urls import MapRequest, ViewState, parse_query
from components.render import session
from tests.app.test_app import plain, run

#: Values a link may carry for each parameter, with what the page must then show.
VALID = {
    "ru": {"false": False, "TRUE": True, "0": False},
    "ua": {"off": False, "yes": True},
    "ind": {"true": True, "1": True},
    "lang": {"nl": "nl", "en": "en", " NL ": "nl"},
    "date": {"2024-08-27": dt.date(2024, 8, 27), "2025-01-17": dt.date(2025, 1, 17)},
    "lat": {"51.3": 51.3},
    "lon": {"35.3": 35.3},
    "z": {"10": 10},
    "base": {"none": "none", "light": "light"},
}
#: What a reader sees, per page language: the headline labels and the notice's frame.
HEADLINE = {
    "en": ["Russian claim", "Ukrainian claim"],
    "nl": ["Russische bewering", "Oekraïense bewering"],
}
NOTICE = {
    "en": ("Ignored an invalid link parameter {name}=", "; using the default."),
    "nl": ("Ongeldige linkparameter {name}=", " genegeerd; de standaardwaarde is gebruikt."),
}


def slider_day(microseconds: float) -> dt.date:
    """A date slider's bound as AppTest reports it (microseconds since 1970) as a date."""
    return dt.date(1970, 1, 1) + dt.timedelta(microseconds=microseconds)


def line_breaks(text: str) -> bool:
    """True if a reader sees more than one line: a blank line (new paragraph) or a hard
    break (two trailing spaces) in the markdown of a notice."""
    return bool(re.search(r"\n[ \t]*\n|  \n", text))


def as_the_server_reads(raw: bytes) -> str:
    """A link value as the app receives it: the browser sends the bytes percent-encoded
    (a URL carries bytes, not text), Streamlit's server decodes them with ``parse_qs``
    (UTF-8, an invalid sequence becoming U+FFFD). So any byte may arrive, a lone
    surrogate never does.

    >>> as_the_server_reads(b"51.3"), as_the_server_reads(b"a b\\xff\\n").encode()
    ('51.3', b'a b\\xef\\xbf\\xbd\\n')
    """
    return parse_qs("v=" + quote_from_bytes(raw, safe=""), keep_blank_values=True)["v"][-1]


# Values: known-good ones (so the valid branch is exercised, not only fallbacks) or any
# bytes a browser can send, line breaks and invalid UTF-8 included.
links = hst.sets(hst.sampled_from(list(VALID)), min_size=1, max_size=5).flatmap(
    lambda keys: hst.fixed_dictionaries(
        {
            key: hst.one_of(
                hst.sampled_from(list(VALID[key])),
                hst.binary(min_size=1, max_size=30).map(as_the_server_reads),
            )
            for key in keys
        }
    )
)


# Each example is a full app run (~1 s once the data is cached), so few examples and no
# deadline. function_scoped_fixture: the app tests' autouse `_fresh_caches` fixture
# clears Streamlit's caches once around the whole test, not per example, which is what
# we want here (the data stays cached between examples; no example changes it).
@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(links)
# Always tried as well: a Dutch page with bad parameters, a bad language, a valid place.
@example({"lang": " NL ", "ru": "perhaps", "date": "2031-01-01", "ind": "1"})
@example({"lang": "<img src=x onerror=alert(1)>", "z": "-3", "base": "none", "ua": "off"})
@example({"lat": "51.3", "lon": "NaN", "z": "10"})
def test_any_link_opens_a_working_page_that_names_what_it_ignored(seed_day, params):
    at = run(**params)
    assert not at.exception, "a traceback reached the reader"

    slider = at.slider(key="date")
    date_range = (slider_day(slider.min), slider_day(slider.max))
    expected, notices = parse_query(params, date_range, ViewState(date=seed_day))
    for key, raw in params.items():  # the known-good values are taken as they are
        if raw in VALID[key]:
            assert getattr(expected, key) == VALID[key][raw], (key, raw)
    bad = {notice.name for notice in notices if notice.kind == "invalid"}
    ended = [notice for notice in notices if notice.kind == "end_of_record"]
    assert bad <= set(params)
    # A date after the record is no error: the view opens on the record's last day and
    # says that the record ends there.
    if ended:
        assert expected.date == date_range[1]
        assert any("record ends" in i.value or "overzicht eindigt" in i.value for i in at.info)

    # The page is in the link's language, or English when the link's is not valid.
    lang = "en" if "lang" not in params or "lang" in bad else params["lang"].strip().lower()
    assert expected.lang == lang
    assert at.radio(key="lang").value == lang
    assert [plain(m.label) for m in at.metric][:2] == HEADLINE[lang]

    # One notice per ignored parameter, naming it, in the page's language, on one line.
    head, tail = NOTICE[lang]
    notices_shown = [plain(w.value) for w in at.warning if head.split("{")[0] in w.value]
    assert len(notices_shown) == len(bad), (notices_shown, bad)
    for name in bad:
        named = [n for n in notices_shown if n.startswith(head.format(name=name))]
        assert len(named) == 1, (name, notices_shown)
        assert named[0].endswith(tail)
        assert not line_breaks(named[0])

    # Every valid parameter is kept; every ignored one is back at its default.
    default = ViewState(date=seed_day)
    for key in ("ru", "ua", "ind"):
        want = getattr(default if key in bad else expected, key)
        assert at.toggle(key=key).value is want, key
    assert slider.value == (default.date if "date" in bad else expected.date)
    assert at.radio(key=f"base_{lang}").value == (default.base if "base" in bad else expected.base)
    placed = {"lat", "lon", "z"} & (set(params) - bad)
    request = at.session_state[session.MAP_REQUEST]
    if placed:  # a link with a valid place opens exactly there
        assert request == MapRequest(expected.lat, expected.lon, expected.z)
    else:  # otherwise the map fits the claims
        assert request.fit == 1


def test_a_notice_about_a_value_with_line_breaks_stays_one_line():
    at = run(ru="a\n\nb")
    assert not at.exception
    assert plain(at.warning[0].value).startswith("Ignored an invalid link parameter ru=")
    assert not line_breaks(at.warning[0].value)


@given(hst.binary(max_size=60))
def test_a_drawn_value_reaches_the_app_unchanged(raw):
    """AppTest passes a value on as a browser would (urlencode, then the server's
    parse_qs): a drawn value must survive that as it is, or the property test above
    would test the harness (a lone surrogate made urlencode raise before the app ran)."""
    value = as_the_server_reads(raw)
    assert parse_qs(urlencode({"v": value}), keep_blank_values=True)["v"] == [value]
