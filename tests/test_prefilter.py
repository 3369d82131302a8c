"""The time-expression prefilter: required strings are sound, so skipping never loses a match."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chronos.extract import timex
from chronos.extract._prefilter import DIGIT, compile_at_word_start


@pytest.mark.parametrize("pattern, expected", [
    ("ago", {"ago"}),
    ("(?:jan|feb)\\.? 5", {"jan 5", "jan. 5", "feb 5", "feb. 5"}),  # fixed stretches multiply out
    ("(?:last|next) (?:week|month)", {"last week", "last month", "next week", "next month"}),
    ("x?y", {"y", "xy"}),
    ("\\d+", {DIGIT}),
    ("[0-3]\\d", {DIGIT}),  # one digit of four is less telling than any digit
    ("\\d/\\d", {"/"}),  # a slash is rarer in prose than a digit
])
def test_required_strings(pattern, expected):
    assert compile_at_word_start(pattern)[1] == expected


@pytest.mark.parametrize("pattern", ["\\w+", "(?:ab)?", "[^a]+", "a|\\w"])
def test_unknown_requirement_is_none(pattern):
    assert compile_at_word_start(pattern)[1] is None


# Words the grammar cares about, and filler, joined by spaces, punctuation and single newlines
# (a blank line ends a paragraph, and no expression runs across paragraphs by design).
_WORDS = ["Monday", "Sept.", "May", "5", "21st", "2019", "1990s", "'90s", "three", "a", "years", "days", "ago",
          "last", "next", "this", "week", "quarter", "fiscal", "the", "past", "early", "Christmas", "today",
          "morning", "p.m.", "noon", "every", "now", "of", "in", "on", "said", "officials", "12/03/2020", "2019-04-05"]
_GLUE = [" ", " ", " ", ", ", ". ", "\n", "-"]
texts = st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from(_GLUE)), max_size=30).map(
    lambda parts: "".join(w + g for w, g in parts))


@settings(max_examples=300, deadline=None)
@given(texts)
def test_prefilter_loses_no_expression(text):
    filtered = timex.find_timexes(text)
    original = timex._Paragraphs.holding_any
    timex._Paragraphs.holding_any = lambda self, strings: [(0, len(self.text))]
    try:
        assert timex.find_timexes(text) == filtered
    finally:
        timex._Paragraphs.holding_any = original


def test_every_grammar_rule_is_prefiltered():
    """The analysis names what each rule needs; a rule it cannot analyse would run on every paragraph."""
    assert [rule.name for rule in timex._grammar() if rule.needs is None] == []
