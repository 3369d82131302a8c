"""Configuration (pyproject.toml / chronos.toml), inline suppression, Markdown and HTML inputs, pre-commit."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from chronos.config import Config, ConfigError, load
from chronos.document import Document
from chronos.format._common import region
from chronos.model import Severity
from chronos.pipeline import Options, check_document
from chronos.readers import input_format, read_document
from chronos.suppress import regions

ROOT = Path(__file__).resolve().parents[1]
TWO = "The vote was on Monday, March 6, 2025.\nThe summit was held on Tuesday, 31 April 2024.\n"


def rules_of(text: str, options: Options = Options(), name: str = "t.txt") -> list[str]:
    return [f.rule for f in check_document(Document(text=text, name=name), options).findings]


def test_defaults_without_a_file(tmp_path):
    assert load(start=tmp_path) == Config() or load(start=tmp_path).path is not None  # a file above tmp_path wins
    assert rules_of(TWO) == ["Calendar.WeekdayMismatch", "Calendar.ImpossibleDate"]


def test_pyproject_found_from_a_subdirectory(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.chronos]\ndisable = ["Calendar.WeekdayMismatch"]\n')
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    cfg = load(start=sub)
    assert cfg.path == tmp_path / "pyproject.toml"
    assert rules_of(TWO, cfg.options()) == ["Calendar.ImpossibleDate"]


def test_pyproject_without_chronos_table_is_skipped(tmp_path):
    (tmp_path / "chronos.toml").write_text('min_level = "error"\n')
    sub = tmp_path / "pkg"
    sub.mkdir()
    (sub / "pyproject.toml").write_text('[project]\nname = "x"\n')
    assert load(start=sub).path == tmp_path / "chronos.toml"


def test_chronos_toml_wins_and_explicit_file_overrides(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.chronos]\ndisable = ["Calendar"]\n')
    (tmp_path / "chronos.toml").write_text('disable = ["Calendar.ImpossibleDate"]\n')
    assert rules_of(TWO, load(start=tmp_path).options()) == ["Calendar.WeekdayMismatch"]
    other = tmp_path / "other.toml"
    other.write_text("[tool.chronos]\npacks = [\"Tenure\"]\n")
    assert rules_of(TWO, load(other).options()) == []


def test_severity_override_and_min_level(tmp_path):
    f = tmp_path / "c.toml"
    f.write_text('min_level = "warning"\n[severity]\n"Calendar.WeekdayMismatch" = "suggestion"\n"Calendar.ImpossibleDate" = "warning"\n')
    cfg = load(f)
    assert cfg.severity["Calendar.ImpossibleDate"] is Severity.warning
    findings = check_document(Document(text=TWO), cfg.options()).findings
    assert [(x.rule, x.severity) for x in findings] == [("Calendar.ImpossibleDate", Severity.warning)]


def test_severity_off_disables(tmp_path):
    f = tmp_path / "c.toml"
    f.write_text('[severity]\n"Calendar.ImpossibleDate" = "off"\n')
    assert rules_of(TWO, load(f).options()) == ["Calendar.WeekdayMismatch"]


def test_extra_rule_and_kb_dirs(tmp_path):
    (tmp_path / "house").mkdir()
    (tmp_path / "facts").mkdir()
    f = tmp_path / "chronos.toml"
    f.write_text('rules = ["house"]\nkb = ["facts"]\n')
    opts = load(f).options()
    assert (tmp_path / "house") in opts.rule_dirs and (tmp_path / "facts") in opts.kb_dirs
    assert opts.rule_dirs[0] == Options().rule_dirs[0]


@pytest.mark.parametrize("body, needle", [
    ('colour = "red"\n', "unknown setting"),
    ('disable = ["Calendar.Nope"]\n', "no rule"),
    ('packs = ["Nope"]\n', "no rule pack"),
    ('min_level = "fatal"\n', "choose from"),
    ('[severity]\n"Calendar.ImpossibleDate" = "loud"\n', "choose from"),
    ('rules = ["missing-dir"]\n', "not a directory"),
    ("disable = [\n", "not valid TOML"),
])
def test_bad_configuration_is_an_error(tmp_path, body, needle):
    f = tmp_path / "chronos.toml"
    f.write_text(body)
    with pytest.raises(ConfigError, match=needle):
        load(f)


def test_cli_config_error_exits_2(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from chronos.cli import main

    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(TWO)
    (tmp_path / "chronos.toml").write_text('disable = ["Nope.Rule"]\n')
    assert CliRunner().invoke(main, ["check", "a.txt"]).exit_code == 2
    (tmp_path / "chronos.toml").write_text('disable = ["Calendar"]\n')
    assert CliRunner().invoke(main, ["check", "a.txt"]).exit_code == 0
    (tmp_path / "strict.toml").write_text("")
    assert CliRunner().invoke(main, ["check", "a.txt", "--config", "strict.toml"]).exit_code == 1


# --- inline suppression -------------------------------------------------------------------------

def test_suppress_one_rule():
    text = ("<!-- chronos-disable Calendar.ImpossibleDate -->\n" + TWO + "<!-- chronos-enable -->\n"
            "Later, on Tuesday, 31 April 2024, again.\n")
    assert rules_of(text) == ["Calendar.WeekdayMismatch", "Calendar.ImpossibleDate"]
    found = check_document(Document(text=text)).findings
    assert found[-1].span.line == 5  # the one after the region is kept


def test_suppress_all_rules_until_end():
    assert rules_of("<!-- chronos-disable -->\n" + TWO) == []
    assert rules_of("The vote was on Monday, March 6, 2025.\n<!-- chronos-disable -->\nThe summit was held on Tuesday, 31 April 2024.\n") == [
        "Calendar.WeekdayMismatch"]


def test_suppression_can_be_turned_off():
    assert rules_of("<!-- chronos-disable -->\n" + TWO, Options(suppress_inline=False)) == [
        "Calendar.WeekdayMismatch", "Calendar.ImpossibleDate"]


def test_suppress_regions_parse():
    src = "a <!-- chronos-disable Tenure.FormerWhileInOffice, Life --> b <!-- chronos-enable Life --> c <!-- chronos-enable --> d"
    regs = regions(src)
    assert {(r.rules and tuple(sorted(r.rules))) for r in regs} == {("Life",), ("Tenure.FormerWhileInOffice",)}
    life = next(r for r in regs if r.rules == frozenset({"Life"}))
    assert src[life.start:life.end].strip() == "b"
    assert life.covers(life.start, "Life.LateButAlive") and not life.covers(life.start, "Calendar.ImpossibleDate")


def test_suppression_in_markdown_and_html_files():
    md = b"# Draft\n\n<!-- chronos-disable Calendar -->\nThe summit was held on Tuesday, 31 April 2024.\n<!-- chronos-enable -->\n"
    doc = read_document("d.md", md, None)
    assert check_document(doc).findings == []
    page = b"<p><!-- chronos-disable -->The summit was held on Tuesday, 31 April 2024.</p>"
    assert check_document(read_document("d.html", page, None)).findings == []


# --- Markdown -----------------------------------------------------------------------------------

MD = """---
title: "A draft"
date: 2025-05-20
tags: [politics]
---
# Talks

Former President Donald Trump spoke with Russian President Vladimir Putin on Monday,
a week after their first direct talks since 2022.

```text
The summit was held on Tuesday, 31 April 2024.
```

    The vote was on Monday, March 6, 2025.

Read [the **earlier** story](https://example.com/2019/02/31/story) for more.
"""


def test_markdown_front_matter_date_is_the_publication_date():
    doc = read_document("draft.md", MD.encode(), None)
    assert doc.published == dt.date(2025, 5, 20)
    report = check_document(doc)
    assert report.anchor.given
    f = next(f for f in report.findings if f.rule == "Tenure.FormerWhileInOffice")
    assert (f.span.line, f.span.column) == (8, 1)


def test_published_option_beats_front_matter():
    doc = read_document("draft.md", MD.encode(), dt.date(2021, 6, 1))
    assert doc.published == dt.date(2021, 6, 1)


def test_markdown_code_blocks_and_front_matter_are_not_checked():
    doc = read_document("draft.md", MD.encode(), None)
    assert len(doc.text) == len(MD) and doc.text.count("\n") == MD.count("\n")
    assert "31 April" not in doc.text and "March 6" not in doc.text and "title:" not in doc.text
    assert "example.com" not in doc.text and "the  earlier" in doc.text.replace("**", "  ").replace("   ", "  ")
    rules = {f.rule for f in check_document(doc).findings}
    assert "Calendar.ImpossibleDate" not in rules and "Calendar.WeekdayMismatch" not in rules
    # the same text as plain text does see them
    plain = {f.rule for f in check_document(read_document("draft.txt", MD.encode(), None)).findings}
    assert {"Calendar.ImpossibleDate", "Calendar.WeekdayMismatch"} <= plain


def test_markdown_list_continuation_is_prose():
    doc = read_document("l.md", b"- item one\n\n    The summit was held on Tuesday, 31 April 2024.\n", None)
    assert "31 April" in doc.text


# --- HTML ---------------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html><head><title>Ignore 31 April 2024</title>
<meta property="article:published_time" content="2025-05-20T08:00:00Z">
<style>p { color: red }</style>
<script>var d = "Tuesday, 31 April 2024";</script>
</head>
<body>
<h1>Talks &amp; summits</h1>
<p class="lede">Something
   happened.</p>
<p>The vote was on Monday, March&nbsp;6, 2025.</p>
<div><p>  The summit was held on
      <b>Tuesday, 31 April 2024</b>.</p></div>
</body></html>
"""


def test_html_text_extraction():
    doc = read_document("page.html", PAGE.encode(), None)
    assert "var d" not in doc.text and "color: red" not in doc.text and "Ignore" not in doc.text
    assert "Talks & summits" in doc.text and "Something happened." in doc.text and "March 6, 2025" in doc.text
    assert doc.published == dt.date(2025, 5, 20)
    assert len(doc.offset_map) == len(doc.text)


def test_html_offsets_map_back_to_the_source_line():
    doc = read_document("page.html", PAGE.encode(), None)
    report = check_document(doc)
    got = {f.rule: f for f in report.findings}
    lines = PAGE.splitlines()
    wd = got["Calendar.WeekdayMismatch"]
    assert wd.span.line == 11 and lines[10][wd.span.column - 1:].startswith("Monday, March&nbsp;6")
    imp = got["Calendar.ImpossibleDate"]
    assert imp.span.line == 13 and lines[12][imp.span.column - 1:].startswith("Tuesday, 31 April 2024")
    reg = region(imp.span, doc)
    assert lines[12][reg.start_column - 1: reg.end_column - 1] == "Tuesday, 31 April 2024"


def test_input_format_dispatch():
    assert input_format("a.md") == "markdown" and input_format("a.HTM") == "html"
    assert input_format("a.txt") == "text" and input_format("-") == "text"
    assert input_format("-", "html") == "html" and input_format("a.md", "text") == "text"


# --- pre-commit ---------------------------------------------------------------------------------

def test_pre_commit_manifest():
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    (hook,) = hooks
    assert hook["id"] == "chronos" and hook["entry"] == "chronos check" and hook["language"] == "python"
    assert "types" in hook or "files" in hook
    import re

    assert all(re.search(hook["files"], n) for n in ("a.md", "b.txt", "c.html"))
    assert not re.search(hook["files"], "d.py")
