"""`chronos tag` (TimeML output) and `chronos eval te3` (TempEval-3 Task A scores)."""
from __future__ import annotations

import sys
import time
from pathlib import Path

import click


def _fail(msg: str) -> None:
    click.echo(f"chronos: {msg}", err=True)
    sys.exit(2)


def _date(value: str | None):
    import datetime as dt

    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        _fail(f"--dct {value!r} is not a date in the form YYYY-MM-DD")


def _inputs(paths: tuple[str, ...]) -> list[Path]:
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out += sorted(f for f in p.rglob("*") if f.is_file() and not f.name.startswith(".")
                          and (f.suffix in (".tml", ".TE3input", ".txt", ".text") or f.suffix == ""))
        elif p.exists():
            out.append(p)
        else:
            _fail(f"{p}: no such file or directory")
    return out


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["timeml"]), default="timeml", show_default=True, help="Output format.")
@click.option("--output", "-o", "outdir", required=True, type=click.Path(file_okay=False), help="Directory for the tagged files.")
@click.option("--dct", help="Document creation time (YYYY-MM-DD); overrides the DCT of TimeML input.")
def tag(paths: tuple[str, ...], fmt: str, outdir: str, dct: str | None) -> None:
    """Tag time expressions (TIMEX3) in .tml / .TE3input / plain-text files."""
    from chronos.cli import write_atomic
    from chronos.timeml import TimeMLError, is_timeml, output_name, parse, plain_document, render
    from chronos.timeml import tag as tag_doc

    day = _date(dct)
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    failed = 0
    for p in _inputs(paths):
        try:
            data = p.read_text(encoding="utf-8")
            doc = parse(data, str(p)) if is_timeml(data) else plain_document(data, str(p), day)
        except (OSError, UnicodeDecodeError, TimeMLError) as exc:
            _fail(str(exc) if not isinstance(exc, OSError) or not exc.strerror else f"{exc.strerror}: {p}")
        try:
            tags = tag_doc(doc, day)
        except Exception as exc:  # a bug on one document: say which, and tag the others
            click.echo(f"chronos: {p}: tagging failed: {type(exc).__name__}: {exc}", err=True)
            failed += 1
            continue
        # without a DCT (given or in the file) values rest on the anchor inferred from the text
        name = output_name(p) if is_timeml(data) else p.stem + ".tml"
        try:
            write_atomic(str(out / name), render(doc, tags))
        except OSError as exc:
            _fail(f"{exc.strerror or exc}: {out / name}")
    if failed:
        sys.exit(2)


@click.group("eval")
def eval_group() -> None:
    """Score chronos against annotated corpora."""


@eval_group.command("te3")
@click.argument("gold_dir", type=click.Path())
@click.argument("system_dir", type=click.Path(), required=False)
@click.option("--errors", "errors_path", type=click.Path(dir_okay=False), help="Write every mismatch (FN, FP, extent, type, value) here.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON instead of a table.")
def te3(gold_dir: str, system_dir: str | None, errors_path: str | None, as_json: bool) -> None:
    """TempEval-3 Task A (TIMEX3) scores of SYSTEM_DIR against GOLD_DIR.

    Without SYSTEM_DIR, the gold texts are tagged in-process with the gold DCT and scored."""
    import json

    from chronos.evaluate.te3 import gold_files, score_dirs, score_docs
    from chronos.timeml import TimeMLDoc, TimeMLError, read
    from chronos.timeml import tag as tag_doc

    try:
        t0 = time.monotonic()
        if system_dir is not None:
            if not Path(system_dir).is_dir():
                _fail(f"{system_dir}: not a directory")
            scores = score_dirs(gold_dir, system_dir)
            elapsed = None
        else:
            pairs = []
            for gf in gold_files(gold_dir):
                g = read(gf)
                pairs.append((g, TimeMLDoc(name=g.name, text=g.text, dct=g.dct, timexes=tag_doc(g))))
            scores = score_docs(pairs)
            elapsed = time.monotonic() - t0
    except (OSError, TimeMLError) as exc:
        _fail(str(exc))
    if errors_path:
        from chronos.cli import write_atomic

        write_atomic(errors_path, "".join(e.line() + "\n" for e in scores.errors))
    if as_json:
        click.echo(json.dumps(scores.as_dict(), indent=1))
    else:
        click.echo(scores.table(), nl=False)
        if elapsed is not None:
            click.echo(f"tagged in {elapsed:.1f}s")


from chronos.evaluate.dating_cli import dating  # noqa: E402  (the eval group's other command)

eval_group.add_command(dating)
