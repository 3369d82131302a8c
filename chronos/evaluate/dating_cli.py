"""`chronos eval dating IN.jsonl`: dating with the date hidden, false alarms, recycled stories."""
from __future__ import annotations

import json
import os
import sys

import click


@click.command("dating")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--limit", type=int, help="Only the first N articles.")
@click.option("--every", type=int, default=1, show_default=True, help="Take every N-th article (a spread-out sample).")
@click.option("--workers", type=int, default=os.cpu_count() or 1, show_default="all cores")
@click.option("--details", type=click.Path(dir_okay=False), help="Write one JSON line per article here.")
def dating(path: str, limit: int | None, every: int, workers: int, details: str | None) -> None:
    """Hide `published`, infer it, and report how well; also false alarms and recycled stories."""
    from chronos.evaluate.dating import evaluate, print_summary, read_jsonl

    try:
        records = read_jsonl(path)[::every][:limit]
    except (OSError, ValueError) as exc:
        click.echo(f"chronos: cannot read {path}: {exc}", err=True)
        sys.exit(2)
    outcomes = evaluate(records, workers=workers)
    print_summary(outcomes, click.echo)
    if details:
        from chronos.cli import write_atomic

        write_atomic(details, "".join(json.dumps(o.__dict__) + "\n" for o in outcomes))
