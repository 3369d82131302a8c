"""The time-expression prefilter: first words and required strings are sound, so trying a rule
only where they allow never loses a match."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chronos.extract import timex
from chronos.extract._prefilter import DIGIT, FirstWords, compile_at_word_start


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


@pytest.mark.parametrize("pattern, exact, prefixes", [
    ("(?:last|next)\\s+week", {"last", "next"}, ()),  # a space follows: the whole word
    ("(?:early\\s+)?(?:jan|feb)\\.?\\s", {"early", "jan", "feb"}, ()),  # optional words, and what follows them
    ("(?:jan|feb)\\.?", set(), ("feb", "jan")),  # the match may end inside a longer word
    ("\\d+\\s+days", set(), tuple("0123456789")),  # the word may go on: a prefix
    ("(?:the\\s+)?['’]\\d0s", {"the", "'", "’"}, ()),  # a mark is a word of its own
    ("mid-(?:june|july)", set(), ("mid-july", "mid-june")),
])
def test_first_words(pattern, exact, prefixes):
    assert compile_at_word_start(pattern)[2] == FirstWords(frozenset(exact), prefixes)


@pytest.mark.parametrize("pattern", ["\\w+", "(?:ab)?", "\\s*x", "."])
def test_unknown_first_words_are_none(pattern):
    assert compile_at_word_start(pattern)[2] is None


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
    everywhere = list(range(len(text)))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(timex, "_starts_by_rule", lambda lowered: [everywhere] * len(timex._grammar()))
        assert timex.find_timexes(text) == filtered


def test_every_grammar_rule_is_prefiltered():
    """The analysis names what each rule needs; a rule it cannot analyse would run on every article."""
    assert [rule.name for rule in timex._grammar() if rule.needs is None] == []


@given(st.sampled_from(["(?P<a>x)\\s+(?:y|z)\\b", "\\bfoo(?P<b>bar)?", "[äö]+\\w", "(?<![\\w-])(?=jan|feb)[\\w-]+", "(?:a|b)*?c{2,5}"]),
       st.sampled_from([0, re.IGNORECASE]))
@settings(max_examples=20, deadline=None)
def test_cached_compile_is_the_compiled_pattern(pattern, flags):
    """A pattern from the start-up cache is the one re.compile gives (its code, flags and groups)."""
    from chronos.extract._regex_cache import compile_pattern

    cold, warm = compile_pattern(pattern, flags), compile_pattern(pattern, flags)
    assert cold == warm == re.compile(pattern, flags)
    assert warm.groupindex == re.compile(pattern, flags).groupindex


def test_unreadable_regex_cache_is_compiled_afresh(tmp_path, monkeypatch):
    from chronos.extract import _regex_cache

    bad = tmp_path / "regex-x.pickle"
    bad.write_bytes(b"not a pickle")
    monkeypatch.setattr(_regex_cache, "_PATH", bad)
    monkeypatch.setattr(_regex_cache, "_stored", None)
    assert _regex_cache.compile_pattern("\\bab+c") == re.compile("\\bab+c")
