"""Inline suppression in a draft: `<!-- chronos-disable Rule.Id -->` ... `<!-- chronos-enable -->`.

Without rule ids the directive covers every rule; `chronos-enable Rule.Id` re-enables just that
rule. A finding is dropped when its span starts inside a disabled region. Directives are read
from the source the user wrote (HTML comments survive in Markdown and HTML files, and are plain
text in a .txt draft), so regions are in source offsets.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

DIRECTIVE = re.compile(r"<!--\s*chronos-(disable|enable)\b((?:\s+[A-Z][A-Za-z]*(?:\.[A-Z][A-Za-z]*)?,?)*)\s*-->")


@dataclass(frozen=True)
class Region:
    start: int
    end: int
    rules: frozenset[str] | None  # None: every rule

    def covers(self, pos: int, rule: str) -> bool:
        return self.start <= pos < self.end and (self.rules is None or rule in self.rules or rule.split(".")[0] in self.rules)


def regions(source: str) -> list[Region]:
    out: list[Region] = []
    open_all: int | None = None
    open_rules: dict[str, int] = {}
    for m in DIRECTIVE.finditer(source):
        ids = [x.strip(",") for x in m[2].split()]
        if m[1] == "disable":
            if not ids:
                if open_all is None:
                    open_all = m.end()
            else:
                for rid in ids:
                    open_rules.setdefault(rid, m.end())
        else:
            targets = ids or ([*open_rules] + (["*"] if open_all is not None else []))
            for rid in targets:
                if rid == "*" and open_all is not None:
                    out.append(Region(open_all, m.start(), None))
                    open_all = None
                elif rid in open_rules:
                    out.append(Region(open_rules.pop(rid), m.start(), frozenset([rid])))
    end = len(source)
    if open_all is not None:
        out.append(Region(open_all, end, None))
    out += [Region(start, end, frozenset([rid])) for rid, start in open_rules.items()]
    return out


def suppressed(regs: list[Region], pos: int, rule: str) -> bool:
    return any(r.covers(pos, rule) for r in regs)
