"""The command line: parse options, call the pipeline, pick a formatter, set the exit code."""
from __future__ import annotations

import datetime as dt
import importlib
import os
import sys
from pathlib import Path
from typing import NoReturn

import click

from chronos.model import Report, Severity

FAIL_LEVELS = ["error", "warning", "suggestion", "never"]


def _parse_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        why = f" ({exc})" if "range" in str(exc) else ""
        raise click.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD{why}", param_hint="--published") from None


def write_atomic(path: str, text: str) -> None:
    """Write through a temporary file and a rename, so an interrupted run never leaves half a report."""
    target = Path(path)
    tmp = target.with_name(f".{target.name}.tmp{os.getpid()}")
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _fail(message: str) -> NoReturn:
    """Bad input: one line on stderr, exit 2 (never a usage page or a traceback)."""
    click.echo(f"chronos: {message}", err=True)
    sys.exit(2)


def exit_code(reports: list[Report], fail_on: str) -> int:
    if fail_on == "never":
        return 0
    threshold = Severity(fail_on).rank
    return int(any(f.severity.rank >= threshold for r in reports for f in r.findings))


# Subcommands imported when used: `chronos check` (the start-up that counts) loads none of them.
_LAZY_COMMANDS = {"batch": "chronos.batch:batch", "tag": "chronos.timeml_cli:tag", "eval": "chronos.timeml_cli:eval_group",
                  "kb": "chronos.kb.cli:kb", "rules": "chronos.rules_test:rules_group"}


class _OneLineErrors(click.Group):
    """Usage errors as one line on stderr and exit 2, like every other bad input."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *_LAZY_COMMANDS})

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in _LAZY_COMMANDS and name not in self.commands:
            module, attr = _LAZY_COMMANDS[name].split(":")
            self.add_command(getattr(importlib.import_module(module), attr), name)
        return super().get_command(ctx, name)

    def main(self, *args, **kwargs):
        kwargs.pop("standalone_mode", None)
        try:
            return super().main(*args, standalone_mode=False, **kwargs)
        except click.exceptions.Exit as exc:
            sys.exit(exc.exit_code)
        except click.ClickException as exc:
            click.echo(f"chronos: {exc.format_message()}", err=True)
            sys.exit(exc.exit_code)
        except click.Abort:
            click.echo("chronos: aborted", err=True)
            sys.exit(130)


@click.group(cls=_OneLineErrors, context_settings={"help_option_names": ["-h", "--help"]})
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
@click.option("--rules", "rule_dirs", multiple=True, metavar="DIR",
              help="Extra rule directory (<Pack>/<Rule>.yaml), after the built-in rules; repeatable.")
@click.option("--kb", "kb_dirs", multiple=True, metavar="DIR",
              help="Extra knowledge-base directory (*.yaml), after the built-in facts; repeatable.")
def check(paths: tuple[str, ...], published: str | None, fmt: str, output: str | None, fail_on: str,
          config_file: str | None = None, input_format: str = "auto", rule_dirs: tuple[str, ...] = (),
          kb_dirs: tuple[str, ...] = ()) -> None:
    """Check articles (files, directories, or - for stdin)."""
    import dataclasses

    from chronos.format import FORMATTERS, render
    from chronos.kb import load_kb
    from chronos.kb.store import KBError
    from chronos.model import Anchor
    from chronos.pipeline import check_document
    from chronos.readers import InputError, iter_paths, read_document, read_input
    from chronos.rules import RuleError, load_rules

    if fmt not in FORMATTERS:
        _fail(f"--format: unknown format {fmt!r}; choose from {', '.join(sorted(FORMATTERS))}")
    try:
        day = _parse_date(published)
    except click.BadParameter as exc:
        _fail(f"--published: {exc.message}")
    from chronos.config import ConfigError, load as load_config

    try:
        options = load_config(config_file).options()
    except ConfigError as exc:
        _fail(str(exc))
    for opt, dirs in (("--rules", rule_dirs), ("--kb", kb_dirs)):
        for d in dirs:
            if not Path(d).is_dir():
                _fail(f"{opt}: {d} is not a directory")
    options = dataclasses.replace(
        options,
        rule_dirs=tuple(dict.fromkeys(options.rule_dirs + tuple(Path(d).resolve() for d in rule_dirs))),
        kb_dirs=tuple(dict.fromkeys(options.kb_dirs + tuple(Path(d).resolve() for d in kb_dirs))))
    try:  # a broken rule or fact file stops the run before any document, naming file and line
        load_rules(options.rule_dirs)
        if options.use_kb:
            load_kb(options.kb_dirs)
    except (RuleError, KBError) as exc:
        _fail(str(exc))
    except (OSError, UnicodeDecodeError) as exc:
        _fail(f"cannot read the rules or the knowledge base: {exc}")
    reports, docs, bad = [], [], 0
    for p in paths:
        names = iter_paths([p])
        if not names:
            click.echo(f"chronos: {p}: no text files (.txt, .md, .html, ...) in this directory", err=True)
            bad += 1
        for name in names:
            try:
                doc = read_document(name, read_input(name), day, input_format)
            except (OSError, InputError) as exc:
                msg = exc.strerror + f": {name}" if isinstance(exc, OSError) and exc.strerror else str(exc)
                click.echo(f"chronos: {msg}", err=True)
                bad += 1
                continue
            try:
                reports.append(check_document(doc, options))
            except Exception as exc:  # a bug on one document: its error report, and the others still checked
                error = f"check failed: {type(exc).__name__}: {exc}"
                click.echo(f"chronos: {name}: {error}", err=True)
                reports.append(Report(document=doc.name, anchor=Anchor(earliest=None, latest=None, best=None), error=error))
                bad += 1
            docs.append(doc)
    try:
        text = render(fmt, reports, docs, color=output is None and fmt == "text" and sys.stdout.isatty(),
                      rule_dirs=options.rule_dirs)
        if output:
            write_atomic(output, text)
    except OSError as exc:
        _fail(f"cannot write {output}: {exc.strerror or exc}")
    except Exception as exc:  # a formatter bug: no partial output, one line, exit 2
        _fail(f"cannot render the {fmt} report: {type(exc).__name__}: {exc}")
    if not output:
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
