"""Scorers: TempEval-3 Task A for time expressions (te3)."""
from __future__ import annotations

from chronos.evaluate.te3 import Error, Scores, align, score_dirs, score_doc, score_docs

__all__ = ["Scores", "Error", "align", "score_doc", "score_docs", "score_dirs"]
