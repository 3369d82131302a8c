"""Regexes compiled in an earlier run. The time-expression grammar and the title patterns are built
from the lexicon and the KB, and parsing and compiling them took a fifth of a second of every
start-up. The stdlib's compiled form of each (its code list and group tables) is kept in a pickle
keyed on the Python build and the code that reads the patterns, and handed back to `_sre.compile`
as `re.compile` itself does. What a process had to compile is written when it exits. A missing,
stale or unwritable cache only means compiling again.
"""
from __future__ import annotations

import atexit
import hashlib
import os
import pickle
import re
import sys
from pathlib import Path
from re import _compiler as sre_compiler
from re import _parser as sre_parse
from typing import Any

import _sre

_CACHE_DIR = Path(__file__).resolve().parent.parent.parent / "rules" / ".cache"
_KEY = hashlib.sha256(f"{sys.version}|{_sre.MAGIC}".encode() + (Path(__file__).with_name("_prefilter.py")).read_bytes()).hexdigest()[:16]
_PATH = _CACHE_DIR / f"regex-{_KEY}.pickle"

_stored: dict[tuple, Any] | None = None
_used: dict[tuple, Any] = {}
_missed = False


def _entries() -> dict[tuple, Any]:
    global _stored
    if _stored is None:
        try:
            _stored = pickle.loads(_PATH.read_bytes())
        except Exception:  # absent, stale or truncated: compiled afresh
            _stored = {}
    return _stored


def lookup(key: tuple) -> Any | None:
    """What was kept for `key` (a pattern and what it was compiled for), or None."""
    value = _entries().get(key)
    if value is not None:
        _used[key] = value
    return value


def keep(key: tuple, value: Any) -> None:
    global _missed
    _used[key] = value
    _missed = True


@atexit.register
def _save() -> None:
    """Write the entries used in this process, if any was compiled here (stale ones drop out)."""
    if not _missed:
        return
    try:
        _CACHE_DIR.mkdir(exist_ok=True)
        tmp = _PATH.with_suffix(f".{os.getpid()}.tmp")  # workers starting together each write their own
        tmp.write_bytes(pickle.dumps(_used))
        tmp.replace(_PATH)
        for stale in _CACHE_DIR.glob("regex-*.pickle"):
            if stale != _PATH:
                stale.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only install compiles at each start


def compiled_form(parsed: sre_parse.SubPattern, flags: int = 0) -> tuple:
    """What `_sre.compile` takes for a parsed pattern, as `re._compiler.compile` computes it."""
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    code = [int(op) for op in sre_compiler._code(parsed, flags)]  # plain ints: the opcodes are an int subclass
    return (int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex, tuple(indexgroup))


def from_compiled_form(pattern: str | None, form: tuple) -> re.Pattern[str]:
    flags, code, groups, groupindex, indexgroup = form
    return _sre.compile(pattern, flags, code, groups, groupindex, indexgroup)


def compile_pattern(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """re.compile(pattern, flags), from the cache when it holds the pattern."""
    key = ("re", pattern, flags)
    form = lookup(key)
    if form is None:
        form = compiled_form(sre_parse.parse(pattern, flags), flags)
        keep(key, form)
    return from_compiled_form(pattern, form)
