"""A document to check: its text, where it came from, and line/column lookup."""
from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field

from chronos.model import Span

_NEWLINE = re.compile("\n")


@dataclass
class Document:
    text: str
    name: str = "<text>"
    published: dt.date | None = None
    # For text extracted from Markdown or HTML: offsets into `source` per character of `text`.
    source: str | None = None
    offset_map: list[int] | None = None
    _line_starts: list[int] = field(default_factory=list, repr=False)

    def source_offset(self, offset: int) -> int:
        if self.offset_map is None:
            return offset
        if offset >= len(self.offset_map):
            return len(self.source or self.text)
        return self.offset_map[offset]

    def span(self, start: int, end: int) -> Span:
        """Offsets into the text; line and column (1-based) in the source the user wrote."""
        src = self.source if self.source is not None else self.text
        if not self._line_starts:
            self._line_starts = [0] + [m.end() for m in _NEWLINE.finditer(src)]
        pos = self.source_offset(start)
        line = bisect.bisect_right(self._line_starts, pos)
        return Span(start=start, end=end, line=line, column=pos - self._line_starts[line - 1] + 1)
