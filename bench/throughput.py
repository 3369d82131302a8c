"""Throughput of `chronos batch` on a JSONL corpus (published dates given): prints figures, is not a test.

    .venv/bin/python bench/throughput.py --limit 200            # 1 worker, 2 workers, LocalCluster, start-up
    .venv/bin/python bench/throughput.py --limit 2000 --no-dask

Per configuration: docs/s, chars/s, wall clock; for one in-process worker also p50/p99/max
per-document latency and per-stage time (extract / constrain / solve / explain); peak RSS per
process (getrusage; for pools the largest child); CPU seconds (this process and its children:
with other load on the machine, docs per CPU-second is the steadier per-core figure). Each
configuration runs in a fresh process. Solver time limits are wall-clock, so a loaded machine
also changes which documents time out.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _corpus import PERF, load  # noqa: E402  (bench/ is on sys.path when a script runs)

ROOT = Path(__file__).resolve().parent.parent
CORPUS = PERF


MAX_CHARS = 0  # --max-chars: cut every text to this length (0: whole texts)


def one_worker(corpus: Path, limit: int, no_published: bool) -> dict:
    """In this process: per-document latency and per-stage time."""
    import chronos.pipeline as pl
    from chronos import batch

    stages = {"extract": 0.0, "constrain": 0.0, "solve": 0.0, "explain": 0.0}

    def timed(fn, stage):
        def wrapper(*a, **k):
            t = time.perf_counter()
            try:
                return fn(*a, **k)
            finally:
                stages[stage] += time.perf_counter() - t
        return wrapper

    pl.extract, pl.build, pl.solve = timed(pl.extract, "extract"), timed(pl.build, "constrain"), timed(pl.solve, "solve")
    pl.conflict_finding = timed(pl.conflict_finding, "explain")
    docs = load(corpus, limit, MAX_CHARS)
    t0 = time.perf_counter()
    batch.init_worker()
    load_s = time.perf_counter() - t0
    batch.check_item(batch.Item(0, "warm", "On Monday the talks began.", "2020-01-01"))
    for k in stages:
        stages[k] = 0.0
    lat, chars, slow = [], 0, []
    c0 = time.process_time()
    t0 = time.perf_counter()
    for i, d in enumerate(docs):
        item = batch.Item(i + 1, d["id"], d["text"], None if no_published else d.get("published"))
        a = time.perf_counter()
        batch.check_item(item)
        dt_ = time.perf_counter() - a
        lat.append(dt_)
        slow.append((dt_, d["id"], len(d["text"])))
        chars += len(d["text"])
    wall = time.perf_counter() - t0
    cpu = time.process_time() - c0
    lat.sort()
    q = lambda p: lat[min(len(lat) - 1, int(p * len(lat)))]  # noqa: E731
    return {"config": "1 worker (in-process)", "docs": len(docs), "wall_s": wall, "docs_per_s": len(docs) / wall,
            "chars_per_s": chars / wall, "cpu_s": cpu, "docs_per_cpu_s": len(docs) / cpu, "cores_busy": cpu / wall, "p50_ms": 1000 * q(0.50), "p90_ms": 1000 * q(0.90), "p99_ms": 1000 * q(0.99),
            "max_ms": 1000 * lat[-1], "mean_ms": 1000 * statistics.fmean(lat), "kb_rules_load_s": load_s,
            "stages_s": stages, "slowest": sorted(slow, reverse=True)[:5],
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def pool_run(corpus: Path, limit: int, workers: int, dask: bool, no_published: bool) -> dict:
    from chronos import batch

    docs = load(corpus, limit, MAX_CHARS)
    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "in.jsonl", Path(tmp) / "out.jsonl"
        with open(src, "w", encoding="utf-8") as f:
            for d in docs:
                if no_published:
                    d = {k: v for k, v in d.items() if k != "published"}
                f.write(json.dumps(d) + "\n")
        chars = sum(len(d["text"]) for d in docs)
        r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        c0 = time.process_time()
        t0 = time.perf_counter()
        counts = batch.run_batch(str(src), str(out), workers=workers, dask_local=dask, progress=False)
        wall = time.perf_counter() - t0
        first_error = next((line[:300] for line in open(out, encoding="utf-8") if '"error": "' in line[:400]), None)
        r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = time.process_time() - c0 + (r1.ru_utime + r1.ru_stime) - (r0.ru_utime + r0.ru_stime)
    rss_children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"config": f"{workers} workers ({'Dask LocalCluster, incl. start-up' if dask else 'process pool'})",
            "docs": len(docs), "wall_s": wall, "docs_per_s": len(docs) / wall, "chars_per_s": chars / wall,
            "cpu_s": cpu, "docs_per_cpu_s": len(docs) / cpu, "errors": counts["errors"], "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "peak_child_rss_mb": rss_children, "cores_busy": cpu / wall,
            **({"first_error": first_error} if first_error else {})}


def startup(runs: int) -> dict:
    exe = Path(sys.executable).with_name("chronos")
    with tempfile.TemporaryDirectory() as tmp:
        f = Path(tmp) / "one.txt"
        f.write_text("On Thursday the mayor opened the bridge, which was finished last year.\n", encoding="utf-8")
        times = []
        for _ in range(runs):
            t0 = time.perf_counter()
            subprocess.run([str(exe), "check", str(f), "--published", "2024-03-08", "--fail-on", "never"],
                           check=True, capture_output=True)
            times.append(time.perf_counter() - t0)
    return {"config": f"start-up: `chronos check one.txt`, {runs} runs", "best_s": min(times),
            "median_s": statistics.median(times), "worst_s": max(times)}


def child(args: list[str]) -> dict:
    out = subprocess.run([sys.executable, __file__, *args], check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def show(r: dict) -> None:
    print(f"\n== {r['config']}")
    for k, v in r.items():
        if k == "config":
            continue
        if k == "stages_s":
            print("  stages: " + ", ".join(f"{s} {t:.2f}s ({100 * t / r['wall_s']:.0f}%)" for s, t in v.items()))
        elif k == "slowest":
            print("  slowest: " + ", ".join(f"{i} {1000 * t:.0f} ms ({n} chars)" for t, i, n in v))
        elif isinstance(v, float):
            print(f"  {k}: {v:,.2f}")
        else:
            print(f"  {k}: {v}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--limit", type=int, default=200, help="documents (from the top of the corpus)")
    ap.add_argument("--workers", default="1,2", help="comma-separated worker counts for the process pool")
    ap.add_argument("--no-dask", action="store_true")
    ap.add_argument("--no-published", action="store_true", help="drop the given dates (the text dates itself)")
    ap.add_argument("--startup-runs", type=int, default=5, help="0: skip the start-up figure")
    ap.add_argument("--max-chars", type=int, default=0, help="cut every text to this many characters")
    ap.add_argument("--_mode", help=argparse.SUPPRESS)
    ap.add_argument("--_n", type=int, default=1, help=argparse.SUPPRESS)
    a = ap.parse_args()
    global MAX_CHARS
    MAX_CHARS = a.max_chars
    if a._mode == "one":
        print(json.dumps(one_worker(a.corpus, a.limit, a.no_published)))
        return
    if a._mode in ("pool", "dask"):
        print(json.dumps(pool_run(a.corpus, a.limit, a._n, a._mode == "dask", a.no_published)))
        return
    common = ["--corpus", str(a.corpus), "--limit", str(a.limit), "--max-chars", str(a.max_chars)] + \
        (["--no-published"] if a.no_published else [])
    print(f"corpus {a.corpus} (first {a.limit} docs{f', cut to {a.max_chars} chars' if a.max_chars else ''}, "
          f"published {'dropped' if a.no_published else 'given'}), "
          f"{os.cpu_count()} cores, python {sys.version.split()[0]}")
    results = [startup(a.startup_runs)] if a.startup_runs else []
    if results:
        show(results[-1])
    base = None
    for n in [int(x) for x in a.workers.split(",")]:
        r = child(common + ["--_mode", "one"]) if n == 1 else child(common + ["--_mode", "pool", "--_n", str(n)])
        base = base or r["docs_per_s"]
        r["speedup_vs_1"] = r["docs_per_s"] / base
        results.append(r)
        show(r)
    if not a.no_dask:
        try:
            import dask.distributed  # noqa: F401
        except ImportError:
            print("\n== Dask: not installed (pip install 'chronos[dask]')")
        else:
            n = max(int(x) for x in a.workers.split(","))
            r = child(common + ["--_mode", "dask", "--_n", str(n)])
            r["speedup_vs_1"] = r["docs_per_s"] / base if base else None
            results.append(r)
            show(r)


if __name__ == "__main__":
    main()
