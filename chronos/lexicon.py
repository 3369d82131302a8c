"""The English lexicon (rules/lexicon/en/*.yaml), loaded once."""
from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from chronos.yamlfile import load_yaml

RULES_DIR = Path(__file__).resolve().parent.parent / "rules"


@functools.cache
def lexicon(lang: str = "en") -> dict[str, Any]:
    merged: dict[str, Any] = {}
    for path in sorted((RULES_DIR / "lexicon" / lang).glob("*.yaml")):
        merged.update(load_yaml(path.read_text(encoding="utf-8")) or {})
    return merged


@functools.cache
def sentence_openers() -> frozenset[str]:
    """Capitalised words that may stand before a name or a year without being part of it: words
    that open sentences ('In 2015', 'But Trump'), honorifics, months, weekdays, seasons and
    'Early'/'Late'."""
    lx = lexicon()
    return frozenset({*lx["not_first_names"], *lx["months"], *lx["weekdays"], *lx["seasons"], *lx["point_mods"]})


def alternation(words: list[str]) -> str:
    """A regex alternation, longest first so the longest word wins."""
    import re

    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))
