"""Stage 5: reports -> output. One module per format behind one small interface."""
from __future__ import annotations

from typing import Callable, Protocol

from chronos.document import Document
from chronos.model import Report


class Formatter(Protocol):
    """Renders the reports of one run. `docs` gives each report's source document (for line text)."""

    def __call__(self, reports: list[Report], docs: list[Document | None], *, color: bool = False) -> str: ...


def _text(reports, docs, *, color=False):
    from chronos.format.text import render

    return render(reports, docs, color=color)


def _json(reports, docs, *, color=False):
    from chronos.format.json import render

    return render(reports, docs)


# name -> formatter; importing lazily keeps start-up fast
FORMATTERS: dict[str, Callable[..., str]] = {"text": _text, "json": _json}


def render(name: str, reports: list[Report], docs: list[Document | None], *, color: bool = False) -> str:
    return FORMATTERS[name](reports, docs, color=color)
