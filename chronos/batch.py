"""`chronos batch`: check a JSONL corpus, one report per line, on every core or on a Dask cluster.

Input: one JSON object per line, `{"id": ..., "text": "...", "published": "YYYY-MM-DD"?}`. Only
`text` is checked (a `title` or any other key is ignored), so a report's offsets are offsets
into `text`. `published` may be absent or null; an ISO date-time is read as its date.

Output: one JSON object per input line, in input order: the report as `check --format json`
writes it (`Report.model_dump(mode="json")`) with `"id"` first. A line that cannot be read
(bad JSON, no id, no text or text that is not a string, a bad date) or a document whose check
raised becomes an error record `{"id": <id or null>, "line": N, "error": "..."}`; the run goes on.

Writes: without `--resume` the output goes to `OUT.tmp` and is renamed to `OUT` at the end,
so an interrupted run leaves no partial `OUT` (and no `OUT.tmp`). With `--resume` the records
of ids (and, for id-less error records, line numbers) already in `OUT` are kept, a truncated
last line is dropped, and the rest is appended and flushed line by line.

Dask is imported only when `--scheduler` or `--dask` is given.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import sys
import threading
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

import click

DEFAULT_CHUNK = 4  # documents per process-pool task: a slow article (solver timeout) should not hold many
DASK_CHUNK = 50  # documents per Dask task


@dataclass(frozen=True)
class Item:
    """One input line: either a document to check or an error already known."""

    line: int
    id: object = None
    text: str | None = None
    published: str | None = None  # ISO date, kept as text so an item pickles small
    error: str | None = None


def parse_line(line_no: int, raw: str | bytes) -> Item:
    try:
        obj = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        return Item(line_no, error=f"not valid JSON: {exc}")
    if not isinstance(obj, dict):
        return Item(line_no, error=f"a line holds a JSON object, not {type(obj).__name__}")
    doc_id = obj.get("id")
    if doc_id is None:
        return Item(line_no, error="no id")
    if not isinstance(doc_id, (str, int)) or isinstance(doc_id, bool):
        return Item(line_no, error=f"id must be a string or an integer, not {type(doc_id).__name__}")
    if "text" not in obj or obj["text"] is None:
        return Item(line_no, doc_id, error="no text")
    text = obj["text"]
    if not isinstance(text, str):
        return Item(line_no, doc_id, error=f"text must be a string, not {type(text).__name__}")
    published = obj.get("published")
    if published is not None:
        try:
            published = _parse_published(published).isoformat()
        except (TypeError, ValueError):
            return Item(line_no, doc_id, error=f"published {published!r} is not a date (YYYY-MM-DD)")
    return Item(line_no, doc_id, text, published)


def _parse_published(value) -> dt.date:
    if not isinstance(value, str):
        raise TypeError(value)
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).date()


def error_record(item: Item, error: str | None = None) -> dict:
    return {"id": item.id, "line": item.line, "error": error or item.error}


# -- one worker ---------------------------------------------------------------------------------

_OPTIONS = None  # the pipeline Options of this process, set by init_worker


def init_worker(options=None) -> None:
    """Load rules, KB and the extractors' lazy parts once per process (all cached after this)."""
    global _OPTIONS
    from chronos.extract import prepare
    from chronos.kb import load_kb
    from chronos.pipeline import Options
    from chronos.rules import load_rules

    _OPTIONS = options or Options()
    load_rules(_OPTIONS.rule_dirs)
    if _OPTIONS.use_kb:
        load_kb(_OPTIONS.kb_dirs)
    prepare()


def check_item(item: Item) -> tuple[bool, str]:
    """One input line -> (is it an error record, its output line: JSON, no newline). Never raises."""
    if item.error is not None:
        return True, json.dumps(error_record(item), ensure_ascii=False)
    try:
        from chronos.document import Document
        from chronos.pipeline import check_document

        if _OPTIONS is None:
            init_worker()
        published = dt.date.fromisoformat(item.published) if item.published else None
        report = check_document(Document(text=item.text, name=str(item.id), published=published), _OPTIONS)
        return False, json.dumps({"id": item.id, **report.model_dump(mode="json")}, ensure_ascii=False)
    except Exception as exc:  # a failure inside check is this document's error, not the run's
        return True, json.dumps(error_record(item, f"check failed: {type(exc).__name__}: {exc}"), ensure_ascii=False)


def check_chunk(items: list[Item], options=None) -> list[tuple[bool, str]]:
    """A Dask task: a list of items -> their output lines, in order."""
    if _OPTIONS is None or (options is not None and options != _OPTIONS):
        init_worker(options)
    return [check_item(it) for it in items]


# -- input and output ---------------------------------------------------------------------------

def read_items(path: str) -> Iterator[Item]:
    stream = sys.stdin.buffer if path == "-" else open(path, "rb")
    try:
        for no, raw in enumerate(stream, 1):
            if raw.strip():
                yield parse_line(no, raw)
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()


def count_lines(path: str) -> int | None:
    if path == "-":
        return None
    n = 0
    with open(path, "rb") as f:
        for raw in f:
            n += bool(raw.strip())
    return n


def done_in(out: Path) -> tuple[set, set[int]]:
    """Ids (and lines of id-less error records) already in OUT. A truncated or unreadable last
    line is cut off the file, so it is redone."""
    ids: set = set()
    lines: set[int] = set()
    if not out.exists():
        return ids, lines
    data = out.read_bytes()
    keep = data.rfind(b"\n") + 1  # everything after the last newline is a partial line
    body = data[:keep]
    records = body.splitlines(keepends=True)
    good = 0
    for i, raw in enumerate(records):
        try:
            rec = json.loads(raw)
        except ValueError:
            if i == len(records) - 1:  # a damaged last line: drop it and redo it
                break
            raise click.ClickException(f"{out}: line {i + 1} is not JSON; not resuming into a damaged file")
        good += len(raw)
        if rec.get("id") is not None:
            ids.add(rec["id"])
        elif "line" in rec:
            lines.add(rec["line"])
    if good != len(data):
        with open(out, "r+b") as f:
            f.truncate(good)
    return ids, lines


def _bounded(items: Iterable[Item], limit: int, stop: threading.Event) -> tuple[Iterator[Item], threading.Semaphore]:
    """Feed at most `limit` items ahead of the consumer (Pool.imap would otherwise read all input)."""
    sem = threading.Semaphore(limit)

    def gen():
        for it in items:
            while not sem.acquire(timeout=0.2):
                if stop.is_set():
                    return
            yield it

    return gen(), sem


def run_local(items: Iterable[Item], workers: int, options=None, chunk: int = DEFAULT_CHUNK) -> Iterator[tuple[bool, str]]:
    """Output lines in input order, on `workers` processes (1: in this process)."""
    if workers <= 1:
        init_worker(options)
        for it in items:
            yield check_item(it)
        return
    import multiprocessing

    stop = threading.Event()
    feed, sem = _bounded(items, max(256, 8 * chunk * workers), stop)
    pool = multiprocessing.get_context().Pool(workers, initializer=init_worker, initargs=(options,))
    try:
        for line in pool.imap(check_item, feed, chunksize=chunk):
            sem.release()
            yield line
        pool.close()
    finally:
        stop.set()
        pool.terminate()
        pool.join()


def run_dask(items: Iterable[Item], *, scheduler: str | None, workers: int, options=None,
             chunk: int = DASK_CHUNK) -> Iterator[tuple[bool, str]]:
    """Output lines in input order from a Dask cluster: `scheduler` an address, or None for a
    LocalCluster of `workers` single-threaded processes. Chunks of `chunk` items are submitted
    a few per worker ahead and gathered in order. Each worker loads rules and KB once: warmed
    by `client.run` at the start, and by the module-level cache on a worker that joins later."""
    from dask.distributed import Client, LocalCluster

    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        client.run(init_worker, options)
        slots = max(1, sum(client.nthreads().values()))
        ahead = 2 * slots + 1
        pending: deque = deque()
        chunks = _chunks(items, chunk)
        exhausted = False
        while pending or not exhausted:
            while not exhausted and len(pending) < ahead:
                batch = next(chunks, None)
                if batch is None:
                    exhausted = True
                    break
                pending.append((batch, client.submit(check_chunk, batch, options, pure=False)))
            if not pending:
                break
            batch, fut = pending.popleft()
            try:
                lines = fut.result()
            except Exception as exc:  # a lost worker or a task error: this chunk's lines become errors
                lines = [(True, json.dumps(error_record(it, it.error or f"task failed: {type(exc).__name__}: {exc}"),
                                           ensure_ascii=False)) for it in batch]
            yield from lines
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _chunks(items: Iterable[Item], n: int) -> Iterator[list[Item]]:
    buf: list[Item] = []
    for it in items:
        buf.append(it)
        if len(buf) == n:
            yield buf
            buf = []
    if buf:
        yield buf


def _progress(total: int | None, enabled: bool):
    if not enabled:
        return None
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

    progress = Progress(TextColumn("checking"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[rate]}"),
                        TimeElapsedColumn(), TimeRemainingColumn(), transient=False,
                        console=__import__("rich.console", fromlist=["Console"]).Console(stderr=True))
    progress.start()
    progress.add_task("check", total=total, rate="")
    return progress


def run_batch(src: str, out: str, *, workers: int | None = None, resume: bool = False, scheduler: str | None = None,
              dask_local: bool = False, chunk: int | None = None, options=None, progress: bool | None = None) -> dict:
    """Check every line of `src` into `out`; returns counts {"written", "skipped", "errors"}."""
    workers = workers or _cores()
    counts = {"written": 0, "skipped": 0, "errors": 0}
    target = Path(out)
    skip_ids: set = set()
    skip_lines: set[int] = set()
    if resume:
        skip_ids, skip_lines = done_in(target)

    def todo() -> Iterator[Item]:
        for it in read_items(src):
            if (it.id is not None and it.id in skip_ids) or (it.id is None and it.line in skip_lines):
                counts["skipped"] += 1
                continue
            yield it

    if scheduler or dask_local:
        lines = run_dask(todo(), scheduler=scheduler, workers=workers, options=options, chunk=chunk or DASK_CHUNK)
    else:
        lines = run_local(todo(), workers, options, chunk or DEFAULT_CHUNK)
    show = sys.stderr.isatty() if progress is None else progress
    total = count_lines(src) if show else None
    bar = _progress(total, show)
    tmp = target.with_name(target.name + ".tmp")
    f = open(target, "a", encoding="utf-8") if resume else open(tmp, "w", encoding="utf-8")
    ok = False
    try:
        for is_error, line in lines:
            f.write(line + "\n")
            if resume:
                f.flush()
            counts["written"] += 1
            counts["errors"] += is_error
            if bar is not None:
                task = bar.task_ids[0]
                elapsed = bar.tasks[0].elapsed or 0
                done = counts["written"] + counts["skipped"]
                bar.update(task, completed=done, rate=f"{counts['written'] / elapsed:.1f} docs/s" if elapsed else "")
        ok = True
    finally:
        lines.close()  # stops the pool or the cluster even when writing failed
        f.close()
        if bar is not None:
            bar.stop()
        if not resume:
            if ok:
                os.replace(tmp, target)
            else:
                tmp.unlink(missing_ok=True)
    return counts


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


@click.command()
@click.argument("src", metavar="IN.jsonl")
@click.option("--output", "-o", "out", required=True, type=click.Path(dir_okay=False), help="OUT.jsonl: one report per input line.")
@click.option("--workers", "-j", type=click.IntRange(min=1), help="Processes (default: all cores; 1 runs in this process).")
@click.option("--resume", is_flag=True, help="Skip ids already in OUT.jsonl and append the rest.")
@click.option("--scheduler", metavar="ADDRESS", help="Run on this dask.distributed scheduler (tcp://host:8786).")
@click.option("--dask", "dask_mode", type=click.Choice(["local"]), help="Run on a Dask LocalCluster of --workers processes.")
@click.option("--chunk-size", type=click.IntRange(min=1), help=f"Documents per task (default {DEFAULT_CHUNK}; {DASK_CHUNK} on Dask).")
def batch(src: str, out: str, workers: int | None, resume: bool, scheduler: str | None, dask_mode: str | None,
          chunk_size: int | None) -> None:
    """Check a JSONL file of articles ({"id", "text", "published"?} per line) into OUT.jsonl."""
    if scheduler and dask_mode:
        raise click.UsageError("give --scheduler ADDRESS or --dask local, not both")
    if src != "-" and not Path(src).is_file():
        raise click.BadParameter(f"no such file: {src}", param_hint="IN.jsonl")
    if scheduler or dask_mode:
        try:
            import dask.distributed  # noqa: F401
        except ImportError:
            raise click.ClickException("Dask is not installed: pip install 'chronos[dask]'") from None
    try:
        counts = run_batch(src, out, workers=workers, resume=resume, scheduler=scheduler, dask_local=dask_mode == "local",
                           chunk=chunk_size)
    except OSError as exc:  # an output directory that does not exist, a full disk: one line, exit 2
        click.echo(f"chronos: {exc.filename or out}: {exc.strerror or exc}", err=True)
        sys.exit(2)
    click.echo(f"chronos: {counts['written']} written ({counts['errors']} errors), {counts['skipped']} skipped -> {out}",
               err=True)
