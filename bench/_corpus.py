"""The shared corpora beside the project (../shared), for the benchmark scripts."""
from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
PERF = SHARED / "corpora" / "news-dated" / "perf.jsonl"


def load(corpus: Path, limit: int, max_chars: int = 0) -> list[dict]:
    """The first `limit` articles of a JSONL corpus, texts cut to `max_chars` when given."""
    out = []
    with open(corpus, encoding="utf-8") as f:
        for line in f:
            if len(out) >= limit:
                break
            d = json.loads(line)
            if max_chars:
                d["text"] = d["text"][:max_chars]
            out.append(d)
    return out
