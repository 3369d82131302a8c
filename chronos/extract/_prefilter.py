"""Required literals of a regex: strings at least one of which every match contains.

A cheap substring test on a paragraph then tells whether a grammar rule can match there at
all, so most rules skip most paragraphs (the idea of RE2's and Hyperscan's prefilters).
The analysis is conservative: when it cannot name required strings it returns None and the
rule runs everywhere.
"""
from __future__ import annotations

import re
from re import _compiler as sre_compiler
from re import _parser as sre_parse  # the stdlib's own regex parser: one source of truth for the syntax
from re._constants import (ASSERT, ASSERT_NOT, AT, BRANCH, CATEGORY, CATEGORY_DIGIT, IN, LITERAL, MAX_REPEAT,
                           MIN_REPEAT, RANGE, SUBPATTERN)

DIGIT = "\0digit"  # stands for "some decimal digit" among the required strings
_MAX_STRINGS = 64  # beyond this, a set of exact strings is not worth tracking
_MAX_RANGE = 12

Strings = frozenset[str]


def compile_at_word_start(pattern: str) -> tuple[re.Pattern[str], Strings | None, bool]:
    """The compiled pattern; the strings (or DIGIT) at least one of which is in every match, None
    if unknown; and, as the pattern may match only where no word character or hyphen precedes,
    who checks that: False, the regex (a leading lookbehind); True, the caller. The caller checks
    when the pattern starts with a literal or a set of first characters: re then jumps between
    the places those occur, which a leading lookbehind would prevent (re tries every position)."""
    parsed = sre_parse.parse(pattern)  # once: parsing is most of the cost of compiling, and start-up time counts
    required = _sequence(parsed)[1]
    flags = parsed.state.flags
    if sre_compiler._get_literal_prefix(parsed, flags)[0] or sre_compiler._get_charset_prefix(parsed, flags):
        return sre_compiler.compile(parsed), required, True
    parsed.data.insert(0, _NOT_AFTER_WORD.data[0])  # the lookbehind, without parsing the pattern again
    parsed.width = None
    return sre_compiler.compile(parsed), required, False


_NOT_AFTER_WORD = sre_parse.parse(r"(?<![\w-])")


def after_word(text: str, pos: int) -> bool:
    """Whether a word character or a hyphen precedes `pos` (what the lookbehind rules out)."""
    if pos == 0:
        return False
    c = text[pos - 1]
    return c.isalnum() or c in "_-"


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
        chars: set[str] = set()
        for kind, arg in av:
            if kind == LITERAL:
                chars.add(chr(arg))
            elif kind == RANGE and arg[1] - arg[0] <= _MAX_RANGE:
                chars.update(chr(c) for c in range(arg[0], arg[1] + 1))
            else:
                return None, None
        return frozenset(chars), None
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
