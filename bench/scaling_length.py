"""Cost as one article grows 1x, 4x, 16x, 64x (the text repeated): prints time per char per stage.

    .venv/bin/python bench/scaling_length.py                 # a ~3,000-char article of perf.jsonl
    .venv/bin/python bench/scaling_length.py --id b47d3adefa45 --factors 1,4,16

Linear growth shows as a flat "us/char" column. Extraction should be linear; the solver sees
as many expressions as the text has and is bounded by the 5 s time limit, so its column is
shown apart (a timed-out solve is marked).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import time
from pathlib import Path

from _corpus import PERF  # noqa: E402  (bench/ is on sys.path when a script runs)

CORPUS = PERF


def pick(corpus: Path, doc_id: str | None, near: int) -> dict:
    best = None
    with open(corpus, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            if doc_id is not None:
                if d["id"] == doc_id:
                    return d
                continue
            if best is None or abs(len(d["text"]) - near) < abs(len(best["text"]) - near):
                best = d
    if best is None:
        raise SystemExit(f"no document {doc_id!r} in {corpus}")
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--id", help="article id (default: the one nearest --chars long)")
    ap.add_argument("--chars", type=int, default=3000)
    ap.add_argument("--factors", default="1,4,16,64")
    ap.add_argument("--repeat", type=int, default=3, help="runs per size; the best is kept")
    a = ap.parse_args()

    import chronos.pipeline as pl
    from chronos.document import Document
    from chronos.extract import extract
    from chronos.kb import load_kb

    kb = load_kb()
    d = pick(a.corpus, a.id, a.chars)
    published = dt.date.fromisoformat(d["published"]) if d.get("published") else None
    pl.check_document(Document(text="On Monday 3/4/2020.", published=dt.date(2020, 3, 5)))  # warm
    print(f"article {d['id']} ({len(d['text']):,} chars), published {published}\n")
    print(f"{'x':>4} {'chars':>9} {'exprs':>6} {'extract s':>10} {'us/char':>8} {'check s':>9} {'us/char':>8} {'solver':>8}")
    base = None
    for k in [int(x) for x in a.factors.split(",")]:
        text = "\n\n".join([d["text"]] * k)
        ex, full, n, timed_out = float("inf"), float("inf"), 0, False
        for _ in range(a.repeat):
            t = time.perf_counter()
            m = extract(text, kb)
            ex = min(ex, time.perf_counter() - t)
            t = time.perf_counter()
            r = pl.check_document(Document(text=text, published=published))
            full = min(full, time.perf_counter() - t)
            n = len(m.timexes)
            timed_out = any(f.rule == "Solver.Timeout" for f in r.findings)
        per_ex, per_full = 1e6 * ex / len(text), 1e6 * full / len(text)
        base = base or per_ex
        print(f"{k:>4} {len(text):>9,} {n:>6} {ex:>10.3f} {per_ex:>8.2f} {full:>9.3f} {per_full:>8.2f} "
              f"{'TIMEOUT' if timed_out else 'ok':>8}   extract x{per_ex / base:.2f} per char vs 1x")


if __name__ == "__main__":
    main()
