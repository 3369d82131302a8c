"""The command line: parse options, call the pipeline, pick a formatter, set the exit code."""
from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

import click

from chronos.model import Report, Severity

FAIL_LEVELS = ["error", "warning", "suggestion", "never"]


def _parse_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD") from None


def write_atomic(path: str, text: str) -> None:
    """Write through a temporary file and a rename, so an interrupted run never leaves half a report."""
    target = Path(path)
    tmp = target.with_name(f".{target.name}.tmp{os.getpid()}")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, target)


def exit_code(reports: list[Report], fail_on: str) -> int:
    if fail_on == "never":
        return 0
    threshold = Severity(fail_on).rank
    return int(any(f.severity.rank >= threshold for r in reports for f in r.findings))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="chronos")
def main() -> None:
    """chronos: anchor news articles in time and catch anachronisms."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--published", help="Publication date (YYYY-MM-DD) of every document checked.")
@click.option("--format", "fmt", default="text",
              help="Output format: text, line, json, sarif, github, rdjsonl, markdown, html (html: use with --output).")
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the report here instead of stdout.")
@click.option("--fail-on", type=click.Choice(FAIL_LEVELS), default="error", show_default=True,
              help="Exit 1 when a finding is at or above this severity.")
@click.option("--config", "config_file", type=click.Path(dir_okay=False),
              help="Configuration file (default: chronos.toml or [tool.chronos] in pyproject.toml, from here upward).")
@click.option("--input-format", type=click.Choice(["auto", "text", "markdown", "html"]), default="auto", show_default=True,
              help="How to read the input; auto goes by the file suffix, stdin is text.")
def check(paths: tuple[str, ...], published: str | None, fmt: str, output: str | None, fail_on: str,
          config_file: str | None = None, input_format: str = "auto") -> None:
    """Check articles (files, directories, or - for stdin)."""
    from chronos.format import FORMATTERS, render
    from chronos.pipeline import check_document
    from chronos.readers import InputError, iter_paths, read_document

    if fmt not in FORMATTERS:
        raise click.BadParameter(f"unknown format {fmt!r}; choose from {', '.join(sorted(FORMATTERS))}", param_hint="--format")
    day = _parse_date(published)
    from chronos.config import ConfigError, load as load_config

    try:
        options = load_config(config_file).options()
    except ConfigError as exc:
        click.echo(f"chronos: {exc}", err=True)
        sys.exit(2)
    reports, docs, bad = [], [], 0
    for name in iter_paths(list(paths)):
        try:
            data = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
            doc = read_document(name, data, day, input_format)
        except (OSError, InputError) as exc:
            msg = exc.strerror + f": {name}" if isinstance(exc, OSError) and exc.strerror else str(exc)
            click.echo(f"chronos: {msg}", err=True)
            bad += 1
            continue
        reports.append(check_document(doc, options))
        docs.append(doc)
    text = render(fmt, reports, docs, color=output is None and fmt == "text" and sys.stdout.isatty(),
                  rule_dirs=options.rule_dirs)
    if output:
        write_atomic(output, text)
    else:
        click.echo(text, nl=False)
    if bad:
        sys.exit(2)
    sys.exit(exit_code(reports, fail_on))


@main.command()
def schema() -> None:
    """Print the JSON Schema of a report (what `check --format json` gives per document)."""
    import json

    click.echo(json.dumps(Report.model_json_schema(), indent=2))


def run() -> None:
    main()


from chronos.batch import batch  # noqa: E402

main.add_command(batch)

from chronos.timeml_cli import eval_group, tag  # noqa: E402

main.add_command(tag)
main.add_command(eval_group, name="eval")

from chronos.kb.cli import kb  # noqa: E402

main.add_command(kb)
