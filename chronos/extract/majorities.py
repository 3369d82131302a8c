"""A chamber's majority as news names it: 'the Republican-controlled House', 'the Democratic
majority in the Senate', 'GOP control of the House'."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from chronos.extract._regex_cache import compile_pattern
from chronos.extract._trie import matches_at_word_start, trie_alternation
from chronos.kb import KB


@dataclass(frozen=True)
class MajorityMention:
    start: int
    end: int
    text: str
    majority: str  # the KB majority id
    party: str  # a key of its parties
    then: bool  # "the then-Republican-controlled House": a majority of the past


@functools.cache
def _majority_regex(parties: tuple[str, ...], chambers: tuple[str, ...]) -> re.Pattern[str]:
    # opening with the party words (no "then" before them) lets `re` skip to where they can start
    party, chamber = trie_alternation(list(parties), fold=False), trie_alternation(list(chambers), fold=False)
    return compile_pattern(rf"(?P<party>{party})(?:[\s-](?:controlled|led|run|dominated)\s+|\s+(?:majority|control)\s+(?:in|of)\s+the\s+)"
                           rf"(?P<chamber>{chamber})\b")


_THEN_BEFORE = re.compile(r"\bthen[\s-]+$")
# a state's chamber: "Michigan's Republican-controlled House", "the GOP-led state Senate"
_STATE_BEFORE = re.compile(r"(?:\bstate|[A-Z][a-z]+['’]s)\s+(?:(?:the|a)\s+)?$")


def find_majorities(text: str, kb: KB) -> list[MajorityMention]:
    if not kb.majorities or not any(w in text for w in ("controlled", "led ", "majority", "control", "run ", "dominated")):
        return []
    party_words = {word for m in kb.majorities.values() for words in m.parties.values() for word in words}
    by_chamber = {c: m.id for m in kb.majorities.values() for c in m.chambers}
    out = []
    regex = _majority_regex(tuple(sorted(party_words)), tuple(sorted(by_chamber)))
    for m in matches_at_word_start(regex, text):
        then = _THEN_BEFORE.search(text, max(0, m.start() - 10), m.start())
        start = then.start() if then else m.start()
        if _STATE_BEFORE.search(text, max(0, start - 20), start):
            continue
        majority = by_chamber[m.group("chamber")]
        party = next((key for key, words in kb.majorities[majority].parties.items() if m.group("party") in words), None)
        if party is not None:
            out.append(MajorityMention(start, m.end(), text[start:m.end()], majority, party, then=then is not None))
    return out
