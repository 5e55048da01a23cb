"""The title search's word similarity (calculator.market._similar): the rules of the module
docstring, now computed with RapidFuzz (issue 17)."""

from __future__ import annotations

import pytest
from rapidfuzz import fuzz

from calculator.market import _index, _similar


def test_exact_word_scores_one_and_a_prefix_nine_tenths():
    found = dict(_similar("nurse"))
    assert found["nurse"] == 1.0
    assert dict(_similar("soft"))["software"] == 0.9


def test_a_typo_scores_its_indel_ratio_times_095():
    found = dict(_similar("sofware"))
    assert found["software"] == pytest.approx(fuzz.ratio("sofware", "software") / 100 * 0.95)
    assert found["software"] >= 0.75 * 0.95


def test_fuzzy_matches_stay_within_three_letters_of_length_and_the_cutoff():
    word = "developer"
    for candidate, score in _similar(word):
        if score < 0.9:
            assert abs(len(candidate) - len(word)) <= 3
            assert fuzz.ratio(word, candidate) >= 75


def test_short_words_match_only_exactly():
    assert "as" in _index().vocabulary  # "English as a Second Language"
    assert _similar("as") == (("as", 1.0),)  # no "ash", "gas" or "was"
    assert _similar("zq") == ()
