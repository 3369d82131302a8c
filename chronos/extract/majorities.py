"""A chamber's majority as news names it: 'the Republican-controlled House', 'the Democratic
majority in the Senate', 'GOP control of the House'."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from chronos.extract._regex_cache import compile_pattern
from chronos.extract._trie import trie_alternation
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
    party, chamber = trie_alternation(list(parties), fold=False), trie_alternation(list(chambers), fold=False)
    return compile_pattern(
        rf"(?P<then>\bthen[\s-]+)?\b(?P<p1>{party})[\s-](?:controlled|led|run|dominated)\s+(?P<c1>{chamber})\b"
        rf"|\b(?P<p2>{party})\s+(?:majority|control)\s+(?:in|of)\s+the\s+(?P<c2>{chamber})\b")


# a state's chamber: "Michigan's Republican-controlled House", "the GOP-led state Senate"
_STATE_BEFORE = re.compile(r"(?:\bstate|[A-Z][a-z]+['’]s)\s+(?:(?:the|a)\s+)?$")


def find_majorities(text: str, kb: KB) -> list[MajorityMention]:
    if not kb.majorities or not any(w in text for w in ("controlled", "led ", "majority", "control", "run ", "dominated")):
        return []
    party_words = {word for m in kb.majorities.values() for words in m.parties.values() for word in words}
    by_chamber = {c: m.id for m in kb.majorities.values() for c in m.chambers}
    out = []
    regex = _majority_regex(tuple(sorted(party_words)), tuple(sorted(by_chamber)))
    for m in regex.finditer(text):
        k = 1 if m.group("p1") is not None else 2
        majority = by_chamber[m.group(f"c{k}")]
        if _STATE_BEFORE.search(text, max(0, m.start() - 20), m.start()):
            continue
        party = next((key for key, words in kb.majorities[majority].parties.items() if m.group(f"p{k}") in words), None)
        if party is not None:
            out.append(MajorityMention(m.start(), m.end(), m.group(), majority, party, then=m.group("then") is not None))
    return out
