"""chronos: anchor news articles in time and catch anachronisms.

    >>> import chronos
    >>> report = chronos.check("On Thursday President Donald Trump spoke with ...", published=None)
    >>> report.anchor.best, [f.message for f in report.findings]
"""
from __future__ import annotations

import datetime as dt

from chronos.model import Anchor, Expression, Fact, Finding, Report, Severity, Span

__all__ = ["check", "anchor", "Report", "Anchor", "Expression", "Finding", "Fact", "Severity", "Span", "__version__"]
__version__ = "0.1.0"


def check(text: str, published: dt.date | str | None = None, *, name: str = "<text>") -> Report:
    """Check one article: its anchor in time, every time expression's value, and findings."""
    from chronos.document import Document
    from chronos.pipeline import check_document

    if isinstance(published, str):
        published = dt.date.fromisoformat(published)
    return check_document(Document(text=text, name=name, published=published))


def anchor(text: str) -> Anchor:
    """When the article was written, inferred from its text alone."""
    return check(text).anchor
