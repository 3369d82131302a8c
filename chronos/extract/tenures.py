"""How long someone has held office: 'ending a reign of 33 years', 'her 16-year chancellorship',
'after 30 years in power' - of the one KB office holder the sentence names before it."""
from __future__ import annotations

import re
from dataclasses import dataclass

from chronos.extract._regex_cache import compile_pattern
from chronos.extract.people import PersonMention
from chronos.extract.sentences import SentenceIndex
from chronos.kb import KB
from chronos.lexicon import lexicon


@dataclass(frozen=True)
class TenureMention:
    start: int
    end: int
    text: str
    people: tuple[str, ...]
    years: int


_OFFICE_NOUNS = r"(?:reign|rule|tenure|presidency|premiership|chancellorship|papacy|pontificate|leadership|term\s+in\s+office)"
_N = r"\d{1,2}|[a-z]+"
_TENURE = compile_pattern(
    rf"\b(?:a|an|his|her|their|its)\s+(?:\w+\s+)?(?P<n1>{_N})-year\s+{_OFFICE_NOUNS}\b"  # "her 33-year reign", "his nearly 30-year rule"
    rf"|\ba\s+{_OFFICE_NOUNS}\s+of\s+(?P<n2>{_N})\s+years\b"  # "a reign of 32 years"
    rf"|\bafter\s+(?P<n3>{_N})\s+years\s+(?:on\s+the\s+throne|in\s+power|in\s+office)\b",  # "after 16 years in power"
    re.IGNORECASE)
# a length told as rounded or bounded ("nearly 30", "more than two decades") is no count to check
_ROUNDED = compile_pattern(r"\b(?:nearly|almost|about|around|some|roughly|over|more\s+than|less\s+than|close\s+to|at\s+least|"
                           r"just\s+(?:under|over)|the\s+first|the\s+last)\s*$", re.IGNORECASE)


# every tenure holds "-year" or "years", at most this far from its start: the pattern, which opens
# with common words, is tried only around these
_YEAR_WORD = compile_pattern(r"-year|years")
_REACH = 45


def _tenure_matches(text: str, lowered: str) -> list[re.Match[str]]:
    found: dict[int, re.Match[str]] = {}
    for y in _YEAR_WORD.finditer(lowered):
        endpos = min(len(text), y.end() + _REACH)
        m = _TENURE.search(text, max(0, y.start() - _REACH), endpos)
        if m is not None and (m.end() < endpos or endpos == len(text)):  # not cut short by the window
            found.setdefault(m.start(), m)
    return [found[k] for k in sorted(found)]


def find_tenures(text: str, sentences: SentenceIndex, people: list[PersonMention], kb: KB) -> list[TenureMention]:
    out = []
    numbers = lexicon()["numbers"]
    for m in _tenure_matches(text, sentences.lowered):
        group = next(g for g in ("n1", "n2", "n3") if m.group(g))
        word = m.group(group)
        n = int(word) if word.isdigit() else numbers.get(word.lower())
        # rounded before the phrase ("nearly a 30-year rule") or inside it ("his nearly 30-year rule")
        if not n or n < 2 or _ROUNDED.search(text, max(0, m.start() - 20), m.start()) or _ROUNDED.search(text, m.start(), m.start(group)):
            continue
        sent = sentences.sentence_of(m.start())
        # the office holder named nearest before it in the sentence whose office the noun fits
        # ("his mother, Queen Beatrix, ..., ending a reign of 33 years"; "reign" is no president's)
        noun = m.group().lower()
        fits = next((office for key, office in _NOUN_OFFICES if key in noun), None)
        for p in sorted((p for p in people if sent.start <= p.start < m.start() and p.grounded and len(p.people) == 1), key=lambda p: -p.start):
            labels = [kb.offices[t.office].label.lower() for t in kb.terms_of(p.people[0]) if t.office in kb.offices]
            if labels and (fits is None or any(fits.search(label) for label in labels)):
                out.append(TenureMention(m.start(), m.end(), m.group(), p.people, n))
                break
    return out


# the offices a noun of tenure is said of; the others ("rule", "in power") of any office
_NOUN_OFFICES = [(key, re.compile(rx)) for key, rx in (
    ("reign", r"\b(?:king|queen|emperor|empress|monarch|sultan|emir|grand duke|prince|head of state|shah)\b"),
    ("throne", r"\b(?:king|queen|emperor|empress|monarch|sultan|emir|grand duke|prince|head of state|shah)\b"),
    ("chancellorship", r"\bchancellor\b"), ("presidency", r"\bpresident\b"),
    ("premiership", r"\b(?:prime minister|premier)\b"), ("papacy", r"\bpope\b"), ("pontificate", r"\bpope\b"))]
