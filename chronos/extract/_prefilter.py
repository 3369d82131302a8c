"""What a regex's matches must hold, read off its syntax tree: the words they start with, and
strings at least one of which each contains.

The first tell where a grammar rule can match at all, so a rule is tried only at the few words
of an article it can start at, instead of at every character; the second skip a rule whose
strings are nowhere in the article (the idea of RE2's and Hyperscan's prefilters). Both are
conservative: they say None when they cannot tell.
"""
from __future__ import annotations

import re
from re import _parser as sre_parse  # the stdlib's own regex parser: one source of truth for the syntax
from re._constants import (ASSERT, ASSERT_NOT, AT, BRANCH, CATEGORY, CATEGORY_DIGIT, CATEGORY_SPACE, IN, LITERAL,
                           MAX_REPEAT, MIN_REPEAT, RANGE, SUBPATTERN)
from typing import NamedTuple

from chronos.extract import _regex_cache

DIGIT = "\0digit"  # stands for "some decimal digit" among the required strings
_MAX_STRINGS = 64  # beyond this, a set of exact strings is not worth tracking
_MAX_RANGE = 12

Strings = frozenset[str]


class FirstWords(NamedTuple):
    """The words a match can start with: a token (a run of word characters and hyphens, or one
    punctuation character) equal to one of `exact` or beginning with one of `prefixes`."""
    exact: frozenset[str]
    prefixes: tuple[str, ...]


TOKEN = r"[\w-]+"  # the runs a word of FirstWords is read from; a match starts where one starts


def compile_at_word_start(pattern: str) -> tuple[re.Pattern[str], Strings | None, FirstWords | None]:
    """The compiled pattern, made to match only where no word character or hyphen precedes; the
    strings (or DIGIT) at least one of which is in every match, None if unknown; and the words
    every match starts with, None if unknown."""
    key = ("word-start", pattern)
    kept = _regex_cache.lookup(key)
    if kept is None:
        parsed = sre_parse.parse(pattern)  # once: parsing is most of the cost of compiling, and start-up time counts
        required = _sequence(parsed)[1]
        first = _first_words(parsed)
        parsed.data.insert(0, _NOT_AFTER_WORD.data[0])  # the lookbehind, without parsing the pattern again
        parsed.width = None
        kept = (_regex_cache.compiled_form(parsed), required, first)
        _regex_cache.keep(key, kept)
    form, required, first = kept
    return _regex_cache.from_compiled_form(None, form), required, first


_NOT_AFTER_WORD = sre_parse.parse(r"(?<![\w-])")


_COMMON_CHARS = frozenset(" \n,.-'’\"") | frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


def _selectivity(req: Strings | None) -> float:
    """How rare a required set is in news text: longer strings are rarer; a digit is rarer than
    a letter or common punctuation, but commoner than other punctuation ('/' in '5/12/2019')."""
    if not req:
        return -1.0
    if req == {DIGIT}:
        return 1.5
    if DIGIT in req:
        return 1.0
    if all(len(s) == 1 for s in req):
        return 1.0 if req & _COMMON_CHARS else 2.0
    return min(len(s) for s in req)


def _class_chars(av, categories: dict | None = None) -> set[str] | None:
    """The characters a class ([a-c_], \\d) matches, if few: literals, short ranges and the
    `categories` given (category -> characters); None otherwise."""
    chars: set[str] = set()
    for kind, arg in av:
        if kind == LITERAL:
            chars.add(chr(arg))
        elif kind == RANGE and arg[1] - arg[0] <= _MAX_RANGE:
            chars.update(chr(c) for c in range(arg[0], arg[1] + 1))
        elif kind == CATEGORY and categories and arg in categories:
            chars |= categories[arg]
        else:
            return None
    return chars


def _product(a: Strings | None, b: Strings | None) -> Strings | None:
    if a is None or b is None or len(a) * len(b) > _MAX_STRINGS:
        return None
    return frozenset(x + y for x in a for y in b)


def _sequence(items) -> tuple[Strings | None, Strings | None]:
    """(the exact strings the sequence matches, if few; the best required set)."""
    exact: Strings | None = frozenset({""})
    run: Strings = frozenset({""})  # exact strings of the current stretch of fixed nodes
    candidates: list[Strings] = []

    def close_run() -> None:
        if "" not in run:
            candidates.append(run)

    for op, av in items:
        node_exact, node_req = _node(op, av)
        if node_req is not None:
            candidates.append(node_req)
        grown = _product(run, node_exact)
        if grown is None:
            close_run()
            run = node_exact if node_exact is not None else frozenset({""})
        else:
            run = grown
        exact = _product(exact, node_exact)
    close_run()
    return exact, max(candidates, key=_selectivity, default=None)


def _node(op, av) -> tuple[Strings | None, Strings | None]:
    if op == LITERAL:
        return frozenset({chr(av)}), None
    if op == IN:
        if av == [(CATEGORY, CATEGORY_DIGIT)]:
            return None, frozenset({DIGIT})
        chars = _class_chars(av)
        return (frozenset(chars), None) if chars is not None else (None, None)
    if op in (AT, ASSERT, ASSERT_NOT):  # zero-width
        return frozenset({""}), None
    if op == SUBPATTERN:
        return _sequence(av[-1])
    if op == BRANCH:
        return _branch(av[1])
    if op in (MAX_REPEAT, MIN_REPEAT):
        low, high, sub = av
        exact, req = _sequence(sub)
        if low == 0:
            return (exact | {""} if exact is not None and high == 1 else None), None
        req = _best_of(req, exact)
        return (exact if low == high == 1 else None), req
    return None, None


def _branch(alternatives) -> tuple[Strings | None, Strings | None]:
    exact: Strings | None = frozenset()
    req: Strings | None = frozenset()
    for alt in alternatives:
        alt_exact, alt_req = _sequence(alt)
        alt_req = _best_of(alt_req, alt_exact)
        req = None if req is None or alt_req is None else req | alt_req
        exact = None if exact is None or alt_exact is None else exact | alt_exact
    if exact is not None and len(exact) > _MAX_STRINGS:
        exact = None
    return exact, req


def _best_of(req: Strings | None, exact: Strings | None) -> Strings | None:
    """An alternative's exact strings are themselves required, when none is empty."""
    if exact is not None and "" not in exact:
        return max([r for r in (req, exact) if r is not None], key=_selectivity)
    return req


# First words. A match's beginnings are strings paired with whether the node that made them
# could also end there (so the next node may extend them); whitespace stands as one space.
_MAX_BEGINNINGS = 128
_BEGIN_CATEGORIES = {CATEGORY_DIGIT: frozenset("0123456789"), CATEGORY_SPACE: frozenset(" ")}
_WORD_PART = re.compile(TOKEN.replace("+", "*"))
Beginnings = frozenset[tuple[str, bool]]


def _first_words(parsed) -> FirstWords | None:
    beginnings = _begin_sequence(parsed.data)
    if beginnings is None or any(not b or b[0].isspace() for b, _ in beginnings):
        return None
    exact, prefixes = set(), set()
    for b, _ in beginnings:
        word = _WORD_PART.match(b).group() or b[0]  # or a punctuation mark, a token of its own
        # a word that something other than a word character follows is the whole token
        (exact if len(word) < len(b) or not re.fullmatch(TOKEN, word) else prefixes).add(word)
    shortest = tuple(sorted(p for p in prefixes if not any(o != p and p.startswith(o) for o in prefixes)))
    return FirstWords(frozenset(w for w in exact if not w.startswith(shortest)), shortest)


def _begin_sequence(items) -> Beginnings | None:
    acc: set[tuple[str, bool]] | None = {("", True)}
    for op, av in items:
        if not any(open_ for _, open_ in acc):
            break
        node = _begin_node(op, av)
        if node is None:  # what follows is unknown: the beginnings so far are all there is
            return None if any(not b for b, _ in acc) else frozenset((b, False) for b, _ in acc)
        grown = {(b, False) for b, open_ in acc if not open_}
        grown.update((b + n, n_open) for b, open_ in acc if open_ for n, n_open in node)
        acc = grown if len(grown) <= _MAX_BEGINNINGS else _shorten(grown)
        if acc is None:
            return None
    return frozenset(acc)


def _shorten(beginnings: set[tuple[str, bool]]) -> set[tuple[str, bool]] | None:
    """Cut beginnings shorter until few enough: a beginning's start is a beginning too."""
    length = max(len(b) for b, _ in beginnings)
    while len(beginnings) > _MAX_BEGINNINGS and length > 1:
        length -= 1
        beginnings = {(b[:length], open_ and len(b) <= length) for b, open_ in beginnings}
    return beginnings if len(beginnings) <= _MAX_BEGINNINGS else None


def _begin_node(op, av) -> Beginnings | None:
    if op == LITERAL:
        return frozenset({(chr(av), True)})
    if op == IN:
        chars = _class_chars(av, _BEGIN_CATEGORIES)
        return frozenset((c, True) for c in chars) if chars is not None else None
    if op in (AT, ASSERT, ASSERT_NOT):  # zero-width
        return frozenset({("", True)})
    if op == SUBPATTERN:
        return _begin_sequence(av[-1])
    if op == BRANCH:
        alternatives = [_begin_sequence(alt) for alt in av[1]]
        return None if None in alternatives else frozenset().union(*alternatives)
    if op in (MAX_REPEAT, MIN_REPEAT):
        low, high, sub = av
        once = _begin_sequence(sub)
        if once is None or high != 1 and any(not b for b, _ in once):
            return None
        if high != 1:  # a repeat may go on: what one round begins is not extended
            once = frozenset((b, False) for b, _ in once)
        return once | {("", True)} if low == 0 else once
    return None
