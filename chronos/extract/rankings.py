"""Standings a country holds for a time: 'China, the world's most populous country', 'Japan is
the world's second-largest economy'."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from chronos.extract._regex_cache import compile_pattern
from chronos.extract._trie import trie_alternation
from chronos.kb import KB


@dataclass(frozen=True)
class RankMention:
    start: int
    end: int
    text: str
    ranking: str  # the KB ranking id
    country: str
    then: bool  # "once the world's most populous country": a standing of the past
    verb: str | None  # "is", "was", "became" ...; None for an apposition, which describes the country now


_VERB = r"(?P<verb>is|was|remains|remained|became|has\s+become|had\s+become)"
_ADVERB = r"(?P<adverb>now|still|already|once|then|formerly|long|currently)"


@functools.cache
def _rank_regex(countries: tuple[str, ...], phrases: tuple[str, ...]) -> re.Pattern[str]:
    country, phrase = trie_alternation(list(countries), fold=False), trie_alternation(list(phrases))
    return compile_pattern(
        # "China, the world's most populous country", "Japan is now the world's second-largest economy"
        rf"(?<![\w-])(?P<c1>{country})(?:,\s+|\s+{_VERB}\s+)(?:{_ADVERB}\s+)?(?:the\s+)?(?i:(?P<p1>{phrase}))\b"
        # "the world's most populous country, India,"
        rf"|\b(?i:the)\s+(?i:(?P<p2>{phrase})),\s+(?P<c2>{country})(?![\w-])",
    )


def find_rankings(text: str, kb: KB) -> list[RankMention]:
    if not kb.rankings:
        return []
    lowered = text.lower()
    by_phrase = {p.lower(): r.id for r in kb.rankings.values() for p in r.phrases}
    if not any(p in lowered for p in by_phrase):
        return []
    spelled = {c for country in kb.countries.values() for c in (country.name, *country.names)}
    out = []
    for m in _rank_regex(tuple(sorted(spelled)), tuple(sorted(by_phrase))).finditer(text):
        k = 1 if m.group("c1") is not None else 2
        if _QUALIFIED.match(text, m.end()):
            continue  # "the world's second-largest economy after the United States": another count
        country = kb.country_by_name.get(m.group(f"c{k}").lower())
        if country is None:
            continue
        adverb = (m.group("adverb") or "").lower()
        verb = " ".join(m.group("verb").split()) if m.group("verb") else None
        out.append(RankMention(m.start(), m.end(), m.group(), by_phrase[m.group(f"p{k}").lower()], country,
                               then=adverb in ("once", "then", "formerly"), verb=verb))
    return out


_QUALIFIED = re.compile(r"\s+(?:after|behind|outside|other\s+than|except|excluding|by\s+purchasing|in\s+purchasing|at\s+purchasing)\b")
