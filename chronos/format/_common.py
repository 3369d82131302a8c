"""Helpers the formatters share: where a span is in the source file, paths relative to the repo, rules."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from chronos.document import Document
from chronos.model import Report, Span


@dataclass(frozen=True)
class Region:
    """A span's place in the source file: 1-based lines; columns in code points (end exclusive)."""

    start_line: int
    start_column: int
    end_line: int
    end_column: int
    start_line_text: str = ""
    end_line_text: str = ""

    def utf16(self) -> tuple[int, int]:
        """(startColumn, endColumn) counted in UTF-16 code units, SARIF's default column kind."""
        return _units(self.start_line_text, self.start_column, "utf-16-le") // 2 + 1, _units(self.end_line_text, self.end_column, "utf-16-le") // 2 + 1

    def utf8(self) -> tuple[int, int]:
        """(start, end) columns counted in UTF-8 bytes, as reviewdog wants."""
        return _units(self.start_line_text, self.start_column, "utf-8") + 1, _units(self.end_line_text, self.end_column, "utf-8") + 1


def _units(line: str, column: int, encoding: str) -> int:
    return len(line[: column - 1].encode(encoding, "surrogatepass"))


def _line_of(src: str, pos: int) -> tuple[int, int, str]:
    """(line, column, line text) of source offset `pos`."""
    pos = max(0, min(pos, len(src)))
    line_start = src.rfind("\n", 0, pos) + 1
    line_end = src.find("\n", pos)
    line_text = src[line_start: line_end if line_end >= 0 else len(src)]
    return src.count("\n", 0, pos) + 1, pos - line_start + 1, line_text


def region(span: Span, doc: Document | None) -> Region:
    """Start and end of `span` in the file the user wrote (through the offset map for Markdown and HTML)."""
    if doc is None:
        return Region(span.line, span.column, span.line, span.column + max(span.end - span.start, 0))
    src = doc.source if doc.source is not None else doc.text
    start = doc.source_offset(span.start)
    # the end is one past the span's last character, which for extracted text may sit before a tag
    end = doc.source_offset(span.end - 1) + 1 if span.end > span.start else start
    sl, sc, st = _line_of(src, start)
    el, ec, et = _line_of(src, end)
    return Region(sl, sc, el, ec, st, et)


def relative_path(name: str) -> str:
    """A path relative to the working directory (the repository root in CI), with forward slashes."""
    if name == "-":
        return "stdin"
    try:
        rel = os.path.relpath(os.path.abspath(name), os.getcwd())
    except ValueError:  # another drive on Windows
        rel = Path(name).name
    return rel.replace(os.sep, "/")


def rule_set(reports: list[Report], rule_dirs=None):
    """The rules behind a run (the default pack unless told otherwise)."""
    from chronos.rules import load_rules

    try:
        return load_rules(tuple(rule_dirs)) if rule_dirs else load_rules()
    except Exception:  # formatting never fails because a rule file is broken
        return None


def version() -> str:
    """The installed chronos version (read from the package metadata, which works however chronos was imported)."""
    try:
        from importlib.metadata import version as _v

        return _v("chronos")
    except Exception:
        return "0+unknown"


def one_line(text: str) -> str:
    return " ".join(text.split())


def docs_for(reports: list[Report], docs) -> list[Document | None]:
    docs = list(docs or [])
    return docs + [None] * (len(reports) - len(docs))
