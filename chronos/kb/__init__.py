"""The knowledge base: dated facts from rules/kb/*.yaml, validated on load and indexed."""
from __future__ import annotations

from chronos.kb.store import KB, KBError, load_kb

__all__ = ["KB", "KBError", "load_kb"]
