"""The command line: exit codes, --fail-on, formats, inputs, `chronos schema`; the library API."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from click.testing import CliRunner

import chronos
from chronos.cli import main

CLEAN = "The committee met on Thursday, March 6, 2025, and will meet again next month.\n"
BAD_DATE = "The summit was held on Tuesday, 31 April 2024.\n"
WRONG_DAY = "The vote was on Monday, March 6, 2025.\n"
TRUMP = ("Former President Donald Trump spoke with Russian President Vladimir Putin on Monday, "
         "a week after their first direct talks since 2022.\n")


@pytest.fixture
def files(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no configuration file above tmp_path changes the results
    for name, text in {"clean.txt": CLEAN, "bad.txt": BAD_DATE, "wrong_day.txt": WRONG_DAY, "trump.txt": TRUMP}.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def cli(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input)


def test_exit_0_when_clean(files):
    r = cli("check", "clean.txt")
    assert r.exit_code == 0, r.output
    assert "no findings" in r.output


def test_exit_1_on_error(files):
    r = cli("check", "bad.txt")
    assert r.exit_code == 1 and "Calendar.ImpossibleDate" in r.output


def test_exit_2_on_unreadable_input(files):
    r = cli("check", "missing.txt", "clean.txt")
    assert r.exit_code == 2


def test_exit_2_on_binary_input(files):
    (files / "bin.txt").write_bytes(b"\x00\x01\x02")
    assert cli("check", "bin.txt").exit_code == 2


def test_exit_2_on_unknown_format(files):
    assert cli("check", "--format", "yaml", "clean.txt").exit_code == 2


def test_fail_on_levels(files):
    # WeekdayMismatch is an error; as a warning or a suggestion (set in chronos.toml) it moves --fail-on's threshold
    assert cli("check", "wrong_day.txt", "--fail-on", "error").exit_code == 1
    assert cli("check", "wrong_day.txt", "--fail-on", "never").exit_code == 0
    (files / "chronos.toml").write_text('[severity]\n"Calendar.WeekdayMismatch" = "warning"\n')
    assert cli("check", "wrong_day.txt", "--fail-on", "error").exit_code == 0
    assert cli("check", "wrong_day.txt", "--fail-on", "warning").exit_code == 1
    (files / "chronos.toml").write_text('[severity]\n"Calendar.WeekdayMismatch" = "suggestion"\n')
    assert cli("check", "wrong_day.txt", "--fail-on", "warning").exit_code == 0
    assert cli("check", "wrong_day.txt", "--fail-on", "suggestion").exit_code == 1
    assert cli("check", "wrong_day.txt", "--fail-on", "never").exit_code == 0
    assert cli("check", "clean.txt", "--fail-on", "suggestion").exit_code == 0


def test_bad_fail_on_is_usage_error(files):
    assert cli("check", "clean.txt", "--fail-on", "sometimes").exit_code == 2


def test_published_changes_the_verdict(files):
    assert cli("check", "trump.txt", "--published", "2025-05-20", "--format", "line").output.count("Tenure.FormerWhileInOffice") == 1
    assert cli("check", "trump.txt", "--published", "20/05/2025").exit_code == 2


@pytest.mark.parametrize("fmt", ["text", "line", "json", "sarif", "github", "rdjsonl", "markdown", "html"])
def test_every_format_runs(files, fmt):
    r = cli("check", "bad.txt", "clean.txt", "--format", fmt)
    assert r.exit_code == 1, r.output
    assert "Calendar.ImpossibleDate" in r.output


def test_json_sarif_are_json(files):
    assert json.loads(cli("check", "bad.txt", "--format", "json").output)["reports"][0]["findings"]
    assert json.loads(cli("check", "bad.txt", "--format", "sarif").output)["version"] == "2.1.0"


def test_html_output_file(files):
    r = cli("check", "bad.txt", "trump.txt", "--format", "html", "--output", "report.html", "--fail-on", "never")
    assert r.exit_code == 0 and r.output == ""
    page = (files / "report.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and 'href="#doc-1"' in page


def test_stdin_is_text_unless_told(files):
    md = "---\ndate: 2025-05-20\n---\n" + TRUMP
    as_text = cli("check", "-", "--format", "json", input=md)
    as_md = cli("check", "-", "--input-format", "markdown", "--format", "json", input=md)
    assert json.loads(as_text.output)["reports"][0]["anchor"]["given"] is False
    report = json.loads(as_md.output)["reports"][0]
    assert report["anchor"]["given"] is True and report["anchor"]["best"] == "2025-05-20"
    assert any(f["rule"] == "Tenure.FormerWhileInOffice" and f["span"]["line"] == 4 for f in report["findings"])


def test_schema_command():
    r = cli("schema")
    assert r.exit_code == 0
    schema = json.loads(r.output)
    assert schema == chronos.Report.model_json_schema()
    assert {"document", "anchor", "findings"} <= set(schema["properties"])


def test_api_all_is_pinned():
    assert chronos.__all__ == ["check", "anchor", "Report", "Anchor", "Expression", "Finding", "Fact", "Severity", "Span", "__version__"]
    for name in chronos.__all__:
        assert hasattr(chronos, name)


def test_api_types():
    report = chronos.check(TRUMP, published="2025-05-20")
    assert isinstance(report, chronos.Report) and isinstance(report.anchor, chronos.Anchor)
    assert report.anchor.given and report.anchor.best == dt.date(2025, 5, 20)
    assert all(isinstance(f, chronos.Finding) and isinstance(f.severity, chronos.Severity) and isinstance(f.span, chronos.Span)
               for f in report.findings)
    f = next(f for f in report.findings if f.rule == "Tenure.FormerWhileInOffice")
    assert f.explanation and all(isinstance(x, chronos.Fact) and x.source for x in f.facts)
    assert all(isinstance(e, chronos.Expression) for e in report.expressions)
    assert chronos.check(TRUMP, published=dt.date(2025, 5, 20)) == report
    assert chronos.Report.model_validate(report.model_dump(mode="json")) == report
    a = chronos.anchor(CLEAN)
    assert isinstance(a, chronos.Anchor) and not a.given
