"""A regex alternation of many words, nested as a trie.

`lexicon.alternation(words)` gives `w1|w2|...` longest first: at every position Python's `re`
tries each word in turn, so a list of 400 event names costs 400 tests per character of text.
`trie_alternation(words)` matches the same strings with the same preference - along the one
path the text allows, longer words are tried before shorter ones, exactly the order the
longest-first list gives - but at every position only the words sharing the next character
are tried. With re.IGNORECASE the words are folded to lower case (fold=True), else kept as they are.

A pattern that opens with a case-sensitive trie lets `re` skip to the positions its first letters
allow; a `\b` or lookbehind in front of it makes `re` try every position. `matches_at_word_start`
checks the word boundary instead.
"""
from __future__ import annotations

import functools
import hashlib
import re

from collections.abc import Iterator

from chronos.extract import _regex_cache

_END = ""  # key marking that a word ends at this node


def trie_alternation(words, *, fold: bool = True) -> str:
    """`fold`: for a re.IGNORECASE pattern (words lower-cased); False for a case-sensitive one."""
    return _trie_alternation(frozenset(words), fold)


@functools.lru_cache(maxsize=256)
def _trie_alternation(words: frozenset[str], fold: bool) -> str:
    """Built once per word set: the KB's titles and country names go into several patterns. Kept
    with the compiled regexes, keyed on the words: the KB's 5,000 aliases and titles took a tenth
    of a second of every start-up to build into tries."""
    key = ("trie", hashlib.sha256("\n".join(sorted(words)).encode()).hexdigest(), fold)
    if (kept := _regex_cache.lookup(key)) is None:
        kept = _build(words, fold)
        _regex_cache.keep(key, kept)
    return kept


def _build(words: frozenset[str], fold: bool) -> str:
    root: dict = {}
    for w in words:
        node = root
        for ch in (w.lower() if fold else w):
            node = node.setdefault(ch, {})
        node[_END] = True
    return _pattern(root) or "(?!)"


def _pattern(node: dict) -> str:
    branches = [re.escape(ch) + _pattern(child) for ch, child in sorted((k, v) for k, v in node.items() if k != _END)]
    ends = _END in node
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:  # a word ends here: the longer words below are tried first, then the end
        return f"(?:{body})?" if len(branches) == 1 else f"{body}?"
    return body


_WORD_CHAR = re.compile(r"[\w-]")


def matches_at_word_start(rx: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """The matches of `rx` that start a word (no letter, digit or hyphen before), leftmost first,
    without overlaps: as `finditer` of the pattern behind a look-behind for no word character."""
    pos = 0
    while (m := rx.search(text, pos)) is not None:
        if m.start() and _WORD_CHAR.match(text, m.start() - 1):
            pos = m.start() + 1
            continue
        yield m
        pos = m.end()
