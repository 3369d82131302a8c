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


def _lazy(module: str) -> Callable[..., str]:
    """A formatter whose module `chronos.format.<module>` has `render(reports, docs, rule_dirs=None)`."""

    def fmt(reports, docs, *, color=False, rule_dirs=None):
        import importlib

        mod = importlib.import_module(f"chronos.format.{module}")
        if module in ("sarif", "html"):
            return mod.render(reports, docs, rule_dirs=rule_dirs)
        return mod.render(reports, docs)

    fmt.__name__ = f"_{module}"
    return fmt


# name -> formatter; importing lazily keeps start-up fast
FORMATTERS: dict[str, Callable[..., str]] = {"text": _text, "json": _json}
FORMATTERS.update({name: _lazy(name) for name in ("line", "sarif", "github", "rdjsonl", "markdown", "html")})


def render(name: str, reports: list[Report], docs: list[Document | None], *, color: bool = False, **opts) -> str:
    """`opts` go to the formatters that take them (rule_dirs: the rules to describe in SARIF and HTML)."""
    if opts and FORMATTERS[name] in (_text, _json):
        opts = {}
    return FORMATTERS[name](reports, docs, color=color, **opts)
