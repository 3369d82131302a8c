"""Names that came into use on a known day ('COVID-19', 'ChatGPT', 'North Macedonia'): a text
that uses one was written after it."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from chronos.extract._regex_cache import compile_pattern
from chronos.extract._trie import matches_at_word_start, trie_alternation
from chronos.kb import KB


@dataclass(frozen=True)
class CoinedName:
    start: int
    end: int
    text: str
    coinage: str  # the KB coinage id
    new: bool = False  # "the newly created ...": told as new when written
    retired: bool = False  # a use of a name that went out of use: may speak of it as current
    amount: bool = False  # after a number: "3,000 kuna"


@functools.cache
def _names_regex(names: tuple[str, ...]) -> re.Pattern[str]:
    # no lookbehind in front: a pattern opening with the names lets `re` skip to their first letters
    return compile_pattern(rf"(?:{trie_alternation(list(names), fold=False)})(?![\w-])")


def find_coinages(text: str, kb: KB) -> list[CoinedName]:
    """The first use of each coined name in the text (one is enough to date it); every use of a
    name that went out of use (any may speak of it as current)."""
    if not kb.coinages:
        return []
    by_name = {n: c.id for c in kb.coinages.values() for n in c.names}
    out: dict[str, CoinedName] = {}
    fresh: dict[str, CoinedName] = {}
    retired: list[CoinedName] = []
    for m in matches_at_word_start(_names_regex(tuple(sorted(by_name))), text):
        cid = by_name[m.group()]
        if kb.coinages[cid].until is not None:
            amount = _AMOUNT_BEFORE.search(text, max(0, m.start() - 30), m.start())
            start = amount.start() if amount else m.start()
            retired.append(CoinedName(start, m.end(), text[start:m.end()], cid, retired=True, amount=amount is not None))
        if kb.coinages[cid].since is None:
            continue
        out.setdefault(cid, CoinedName(m.start(), m.end(), m.group(), cid))
        if (new := _NEW_BEFORE.search(text, max(0, m.start() - 40), m.start())) is not None:
            fresh.setdefault(cid, CoinedName(new.start(), m.end(), text[new.start():m.end()], cid, new=True))
    return sorted([*out.values(), *fresh.values(), *retired], key=lambda c: c.start)


# "3,000 kuna", "1.5 million Deutsche marks", "50 lire"
_AMOUNT_BEFORE = re.compile(r"\b\d[\d,.]*(?:\s+(?:million|billion|thousand))?\s+$")


# "the newly created Department of Homeland Security", "the recently renamed North Macedonia"
_NEW_BEFORE = re.compile(r"\b(?:newly|recently|just)[\s-]+(?:created|formed|founded|established|named|renamed|launched|introduced|"
                         r"coined|set[\s-]up)\s+(?:(?:the|a)\s+)?$", re.IGNORECASE)
