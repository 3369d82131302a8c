"""The output formats: line, SARIF, GitHub commands, rdjsonl, Markdown, HTML (escaping, structure)."""
from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from chronos.document import Document
from chronos.format import FORMATTERS, render
from chronos.format.github import escape_data, escape_property
from chronos.format.html import value_range
from chronos.model import Severity
from chronos.pipeline import check_document
from chronos.readers import read_document

TRUMP = ("Former President Donald Trump spoke with Russian President Vladimir Putin on Monday, "
         "a week after their first direct talks since 2022.\n")
CALENDAR = "The vote was on Monday, March 6, 2025.\nThe summit was held on Tuesday, 31 April 2024.\n"
HOSTILE = ('<script>alert(1)</script> "><img src=x onerror=alert(2)> The summit was held on '
           "Tuesday, 31 April 2024. Former President Donald Trump spoke on Monday.\n")


def _check(text: str, name: str, published: dt.date | None = None):
    doc = Document(text=text, name=name, published=published)
    return check_document(doc), doc


@pytest.fixture(scope="module")
def run():
    r1, d1 = _check(TRUMP, "news/trump.txt", dt.date(2025, 5, 20))
    r2, d2 = _check(CALENDAR, "news/calendar.txt")
    return [r1, r2], [d1, d2]


def test_registry_has_every_format():
    assert {"text", "line", "json", "sarif", "github", "rdjsonl", "markdown", "html"} <= set(FORMATTERS)


def test_fixture_findings(run):
    reports, _ = run
    assert "Tenure.FormerWhileInOffice" in {f.rule for f in reports[0].findings}
    assert {f.rule for f in reports[1].findings} == {"Calendar.WeekdayMismatch", "Calendar.ImpossibleDate"}


def test_line(run):
    reports, docs = run
    lines = render("line", reports, docs).splitlines()
    assert len(lines) == sum(len(r.findings) for r in reports)
    for line in lines:
        path, ln, col, rule, message = line.split(":", 4)
        assert path in ("news/trump.txt", "news/calendar.txt") and int(ln) >= 1 and int(col) >= 1
        assert re.fullmatch(r"[A-Z]\w+\.[A-Z]\w+", rule) and message
    assert any(l.startswith("news/calendar.txt:2:") and ":Calendar.ImpossibleDate:" in l for l in lines)


def test_sarif_shape(run, monkeypatch, tmp_path):
    reports, docs = run
    log = json.loads(render("sarif", reports, docs))
    assert log["version"] == "2.1.0" and "$schema" in log
    (run_,) = log["runs"]
    driver = run_["tool"]["driver"]
    assert driver["name"] == "chronos" and driver["version"] and driver["informationUri"].startswith("https://")
    ids = [r["id"] for r in driver["rules"]]
    assert len(ids) == len(set(ids)) and "Tenure.FormerWhileInOffice" in ids
    for rule in driver["rules"]:
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"] and rule["help"]["text"]
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
    assert len(run_["results"]) == sum(len(r.findings) for r in reports)
    for res in run_["results"]:
        assert driver["rules"][res["ruleIndex"]]["id"] == res["ruleId"]
        assert res["level"] in ("error", "warning", "note") and res["message"]["text"]
        loc = res["locations"][0]["physicalLocation"]
        uri = loc["artifactLocation"]["uri"]
        assert not uri.startswith("/") and "\\" not in uri and uri.startswith("news/")
        reg = loc["region"]
        assert reg["startLine"] >= 1 and reg["startColumn"] >= 1
        assert (reg["endLine"], reg["endColumn"]) > (reg["startLine"], reg["startColumn"])
    impossible = next(r for r in run_["results"] if r["ruleId"] == "Calendar.ImpossibleDate")
    reg = impossible["locations"][0]["physicalLocation"]["region"]
    line = CALENDAR.splitlines()[reg["startLine"] - 1]
    assert line[reg["startColumn"] - 1: reg["endColumn"] - 1] == "Tuesday, 31 April 2024"
    try:  # the formal check, when jsonschema is installed (a minimal schema of the keys GitHub requires)
        import jsonschema
    except ImportError:
        return
    schema = {"type": "object", "required": ["version", "runs"], "properties": {"runs": {"type": "array", "items": {
        "type": "object", "required": ["tool", "results"], "properties": {"tool": {"required": ["driver"]}}}}}}
    jsonschema.validate(log, schema)


def test_sarif_suggestion_is_note(run):
    reports, docs = run
    f = reports[1].findings[0].model_copy(update={"severity": Severity.suggestion})
    report = reports[1].model_copy(update={"findings": [f]})
    res = json.loads(render("sarif", [report], [docs[1]]))["runs"][0]["results"][0]
    assert res["level"] == "note"


def test_github_lines(run):
    reports, docs = run
    lines = render("github", reports, docs).splitlines()
    pat = re.compile(r"::(error|warning|notice) file=([^,]+),line=(\d+),col=(\d+),endLine=(\d+),endColumn=(\d+),title=([\w.]+)::(.+)")
    for line in lines:
        m = pat.fullmatch(line)
        assert m, line
        assert not m[2].startswith("/")
    assert any("title=Calendar.ImpossibleDate" in l and "line=2" in l for l in lines)


def test_github_escaping():
    assert escape_data("50% done\r\nnext") == "50%25 done%0D%0Anext"
    assert escape_property("a,b:c%\n") == "a%2Cb%3Ac%25%0A"
    from chronos.format.github import command

    assert command("error", "x\ny", file="a,b.md", line=3) == "::error file=a%2Cb.md,line=3::x%0Ay"


def test_rdjsonl(run):
    reports, docs = run
    rows = [json.loads(l) for l in render("rdjsonl", reports, docs).splitlines()]
    assert len(rows) == sum(len(r.findings) for r in reports)
    for row in rows:
        assert row["severity"] in ("ERROR", "WARNING", "INFO") and row["message"]
        assert row["code"]["value"] and row["source"]["name"] == "chronos"
        rng = row["location"]["range"]
        assert rng["start"]["line"] >= 1 and rng["end"]["column"] > rng["start"]["column"]


def test_markdown(run):
    reports, docs = run
    md = render("markdown", reports, docs)
    assert md.count("| Line | Severity | Rule | Finding |") == 2
    assert "`Calendar.ImpossibleDate`" in md and "### `news/trump.txt`" in md


def test_markdown_escapes_table_cells():
    from chronos.format.markdown import cell

    assert "|" not in cell("a | b").replace("\\|", "") and "<script>" not in cell("<script>")


def test_html_escapes_hostile_text():
    report, doc = _check(HOSTILE, 'evil"><b>name.txt')
    assert "Calendar.ImpossibleDate" in {f.rule for f in report.findings}
    page = render("html", [report], [doc])
    assert "<script>alert" not in page and "<img" not in page and "<b>name" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&#34;&gt;&lt;img src=x onerror=alert(2)&gt;" in page or "&quot;&gt;&lt;img" in page
    # only our own script block, and nothing loaded from elsewhere
    assert page.count("<script") == 1
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "<link" not in page and "@import" not in page


def test_html_marks_expressions_and_findings(run):
    reports, docs = run
    page = render("html", reports, docs)
    marks = re.findall(r'<mark class="tx[^"]*" title="([^"]+)"', page)
    assert marks and any("2025" in t for t in marks)
    assert 'class="hit error"' in page and "<svg" in page and 'class="anchor' in page
    assert 'href="#doc-0"' in page and 'href="#doc-1"' in page  # the index of a multi-document run
    for r in reports:
        for f in r.findings:
            assert f.rule in page


def test_html_report_of_markdown_and_html_inputs():
    md = read_document("post.md", b"---\ndate: 2025-05-20\n---\n" + TRUMP.encode(), None)
    page = render("html", [check_document(md)], [md])
    assert "Tenure.FormerWhileInOffice" in page


@pytest.mark.parametrize("value, lo, hi", [
    ("2025-05-16", dt.date(2025, 5, 16), dt.date(2025, 5, 16)),
    ("2025-W20", dt.date(2025, 5, 12), dt.date(2025, 5, 18)),
    ("2024-02", dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
    ("2022", dt.date(2022, 1, 1), dt.date(2022, 12, 31)),
    ("2025-Q2", dt.date(2025, 4, 1), dt.date(2025, 6, 30)),
])
def test_value_range(value, lo, hi):
    assert value_range(value) == (lo, hi)


@pytest.mark.parametrize("value", [None, "PAST_REF", "P30D", "XXXX-05-16", "2025-02-30"])
def test_value_range_none(value):
    assert value_range(value) is None
