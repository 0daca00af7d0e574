"""The view in words (screen readers, the static embed): the map labels' own words."""

from __future__ import annotations

import datetime as dt

from components.present.describe import view_sentences
from tests.unit.records_of import typed

END_OF_2025 = dt.date(2025, 12, 31)


def test_each_figure_says_whose_claim_about_whose_ground_and_where(zones_on):
    text = " ".join(
        view_sentences(typed(zones_on(END_OF_2025)), ("russia", "ukraine"), "en", END_OF_2025)
    )
    assert "Russia says it holds (Sumy and Kharkiv regions together): about 950 km²" in text
    assert "Ukraine says it holds (Kursk region): about 90 km²" in text
    dutch = " ".join(view_sentences(typed(zones_on(END_OF_2025)), ("russia",), "nl", END_OF_2025))
    assert "Volgens Rusland in eigen handen" in dutch


def test_a_zero_read_from_exact_words_is_stated_not_derived(zones_on):
    sentences = view_sentences(typed(zones_on(END_OF_2025)), ("russia",), "en", END_OF_2025)
    zero = next(s for s in sentences if "fully liberated" in s)
    assert "0 km² (“fully liberated”)" in zero
    assert "a stated figure" in zero
    assert "derived" not in zero
