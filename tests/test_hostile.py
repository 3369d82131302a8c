"""Hostile input: never a traceback, never a hang, never a lost document (docs/robustness.md).

Bad input exits 2 with one line on stderr; an unexpected failure on one document becomes that
document's error report; output files are written whole or not at all; no network, ever.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import socket
import time
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

import chronos
from chronos import readers
from chronos.cli import main, write_atomic
from chronos.document import Document
from chronos.pipeline import Options, check_document

ROOT = Path(__file__).resolve().parent.parent
GOOD = "The committee met on Thursday, March 6, 2025, and will meet again next month.\n"


@pytest.fixture
def here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no configuration file above tmp_path
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    return tmp_path


def cli(*args, input=None):
    return CliRunner().invoke(main, [str(a) for a in args], input=input)


def refused(r, *needles: str) -> str:
    """Exit 2, one line on stderr naming the problem, no traceback."""
    assert r.exit_code == 2, (r.exit_code, r.output, r.exception)
    assert r.exception is None or isinstance(r.exception, SystemExit), repr(r.exception)
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    assert lines[0].startswith("chronos: ") and "Traceback" not in r.output
    for n in needles:
        assert n in lines[0], (n, lines[0])
    return lines[0]


# -- unreadable documents ------------------------------------------------------------------------

@pytest.mark.parametrize("name, data, needle", [
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    ("late_nul.txt", b"On Monday officials met.\n" * 1000 + b"\x00", "binary"),
    ("latin1.txt", "Café on Monday, March 3, 2025".encode("latin-1"), "not valid UTF-8"),
    ("utf16.txt", "On Monday".encode("utf-16"), "UTF-16"),
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"  \n\t\r\n   ", "only whitespace"),
    ("blank.md", b"---\ndate: 2025-01-02\n---\n", "no text"),
])
def test_unreadable_document(here, name, data, needle):
    (here / name).write_bytes(data)
    refused(cli("check", name), name, needle)


def test_unreadable_document_does_not_stop_the_others(here):
    (here / "bad.txt").write_bytes(b"\xff\xfe\xfa")
    r = cli("check", "bad.txt", "good.txt", "--format", "json")
    refused(r, "bad.txt")
    assert [rep["document"] for rep in json.loads(r.stdout)["reports"]] == ["good.txt"]


def test_over_the_size_limit(here, monkeypatch):
    monkeypatch.setattr(readers, "MAX_BYTES", 1000)
    (here / "big.txt").write_text("On Monday officials met. " * 100, encoding="utf-8")
    refused(cli("check", "big.txt"), "big.txt", "1,000-byte limit")
    refused(cli("check", "-", input="x" * 1001), "1,000-byte limit")


def test_missing_path_and_empty_directories(here):
    refused(cli("check", "missing.txt"), "missing.txt")
    (here / "empty").mkdir()
    refused(cli("check", "empty"), "empty", "no text files")
    (here / "pdfs").mkdir()
    (here / "pdfs" / "a.pdf").write_bytes(b"%PDF-1.4")
    refused(cli("check", "pdfs", "good.txt"), "pdfs", "no text files")


def test_file_name_that_is_not_utf8(here):
    import os

    try:
        with open(os.path.join(os.fsencode(here), b"ok\xfe.txt"), "wb") as f:
            f.write(GOOD.encode())
    except OSError:
        pytest.skip("the file system refuses non-UTF-8 names")
    for fmt in ("json", "sarif", "html", "text"):
        r = cli("check", os.fsdecode(b"ok\xfe.txt"), "--format", fmt, "-o", f"out.{fmt}")
        assert r.exit_code == 0, (fmt, r.stderr)
    assert "ok\\\\xfe.txt" in (here / "out.json").read_text(encoding="utf-8")


# -- bad options ---------------------------------------------------------------------------------

@pytest.mark.parametrize("value, needle", [("2025-02-30", "day is out of range"), ("yesterday", "YYYY-MM-DD"),
                                           ("", "YYYY-MM-DD"), ("2025-13-01", "YYYY-MM-DD")])
def test_bad_published(here, value, needle):
    refused(cli("check", "good.txt", "--published", value), "--published", needle)


def test_unknown_format(here):
    refused(cli("check", "good.txt", "--format", "xml"), "--format", "xml")


def test_unwritable_output(here):
    refused(cli("check", "good.txt", "-o", here / "no" / "such" / "dir.json"), "cannot write")


# -- broken rules and facts ----------------------------------------------------------------------

RULE = "id: House.{name}\nseverity: warning\nweight: 3\nsummary: A house rule\nmessage: '{{claim}}'\n"


@pytest.mark.parametrize("body, line, needle", [
    ("id: House.Bad\nseverity: error\nweight: [1\nsummary: x\n", 4, "not valid YAML"),
    ("id: House.Bad\nseverity: fatal\nweight: 3\nsummary: x\nmessage: y\n", 2, "severity"),
    ("id: House.Bad\nseverity: error\nweight: three\nsummary: x\nmessage: y\n", 3, "weight"),
    ("id: House.Other\nseverity: error\nweight: 3\nsummary: x\nmessage: y\n", 1, "does not match"),
    ("- just\n- a list\n", 1, "mapping"),
    ("id: House.Bad\nseverity: error\nweight: 3\nsummary: x\nmessage: y\nhelp: 2025-02-30\n", 6, "day is out of range"),
    ("id: House.Bad\nseverity: error\nweight: 3\nsummary: !!python/object/apply:os.system ['echo PWNED']\nmessage: y\n", 4,
     "not valid YAML"),
])
def test_broken_rule_in_own_rule_dir(here, body, line, needle):
    (here / "house" / "House").mkdir(parents=True)
    (here / "house" / "House" / "Bad.yaml").write_text(body, encoding="utf-8")
    msg = refused(cli("check", "--rules", "house", "good.txt"), f"Bad.yaml:{line}:", needle)
    assert "PWNED" not in msg


def test_rule_file_not_utf8(here):
    (here / "house" / "House").mkdir(parents=True)
    (here / "house" / "House" / "Bad.yaml").write_bytes(b"id: House.Bad\nsummary: caf\xe9\n")
    refused(cli("check", "--rules", "house", "good.txt"), "Bad.yaml:1:", "UTF-8")


def test_own_rule_dir_is_used(here):
    (here / "house" / "House").mkdir(parents=True)
    (here / "house" / "House" / "Extra.yaml").write_text(RULE.format(name="Extra"), encoding="utf-8")
    assert cli("check", "--rules", "house", "good.txt").exit_code == 0
    refused(cli("check", "--rules", "nowhere", "good.txt"), "--rules", "not a directory")
    refused(cli("check", "--kb", "nowhere", "good.txt"), "--kb", "not a directory")


@pytest.mark.parametrize("body, line, needle", [
    ("people:\n  - id: jdoe\n    name: [unclosed\n", 4, "not valid YAML"),
    ("people:\n  - id: jdoe\n    name: John Doe\n    born: 2025-02-30\n    source: x\n", 4, "day is out of range"),
    ("people:\n  - id: jdoe\n    name: John Doe\n    source: x\n  - id: y\n    nme: Y\n", 5, "people.1"),
])
def test_broken_kb_in_own_kb_dir(here, body, line, needle):
    (here / "facts").mkdir()
    (here / "facts" / "bad.yaml").write_text(body, encoding="utf-8")
    refused(cli("check", "--kb", "facts", "good.txt"), f"bad.yaml:{line}:", needle)


def test_yaml_is_always_loaded_safely():
    # the one yaml.load allowed is chronos.yamlfile's, with a safe loader (libyaml's when built)
    unsafe = re.compile(r"yaml\.(?:load(?!\(text, Loader=_SAFE_LOADER\))|load_all|full_load|unsafe_load)\(|Loader=yaml\.(?:Loader|FullLoader|UnsafeLoader)|yaml\.Loader\b")
    offenders = [f"{p}:{n}" for p in sorted((ROOT / "chronos").rglob("*.py"))
                 for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if unsafe.search(line)]
    assert offenders == []
    from chronos import yamlfile

    assert yamlfile._SAFE_LOADER in (getattr(yaml, "CSafeLoader", None), yaml.SafeLoader)
    with pytest.raises(yaml.YAMLError):
        yamlfile.load_yaml("!!python/object/apply:os.system ['true']")


# -- a failure inside one document ---------------------------------------------------------------

def test_unexpected_exception_is_that_documents_error(here, monkeypatch):
    import chronos.pipeline as pipeline

    real = pipeline.check_document

    def flaky(doc, options=Options()):
        if doc.name.endswith("boom.txt"):
            raise RuntimeError("something broke")
        return real(doc, options)

    monkeypatch.setattr(pipeline, "check_document", flaky)
    (here / "boom.txt").write_text("On Monday officials met.\n", encoding="utf-8")
    r = cli("check", "boom.txt", "good.txt", "--format", "json")
    refused(r, "boom.txt", "RuntimeError: something broke")
    reports = json.loads(r.stdout)["reports"]
    assert [rep["document"] for rep in reports] == ["boom.txt", "good.txt"]
    assert "something broke" in reports[0]["error"] and reports[1]["error"] is None and reports[1]["expressions"]
    text = cli("check", "boom.txt", "good.txt")  # the text format shows the error too
    assert "something broke" in text.stdout and "good.txt" in text.stdout


def test_rendering_failure_leaves_no_file(here, monkeypatch):
    from chronos import format as fmt

    def broken(*a, **k):
        raise RuntimeError("formatter bug")

    monkeypatch.setitem(fmt.FORMATTERS, "json", broken)
    refused(cli("check", "good.txt", "--format", "json", "-o", "out.json"), "formatter bug")
    assert sorted(p.name for p in here.iterdir()) == ["good.txt"]


def test_write_atomic_keeps_the_old_file_on_failure(tmp_path, monkeypatch):
    target = tmp_path / "report.json"
    target.write_text("old", encoding="utf-8")

    def no_rename(*a):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("chronos.cli.os.replace", no_rename)
    with pytest.raises(OSError):
        write_atomic(str(target), "new" * 1000)
    assert target.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]


# batch: broken JSONL lines become error records and the rest is processed (tests/test_batch.py::
# test_broken_lines_become_error_records); --resume after an interruption (test_resume_skips_done_ids_...)
def test_batch_hostile_lines(tmp_path):
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_bytes(b'{"id": 1, "text": "On Monday officials met."}\n'
                    b'\xff\xfe\x00garbage\n'
                    b'{"id": 2, "text": "nul \\u0000 char, on Tuesday, March 4, 2025."}\n'
                    b'[1, 2]\n'
                    b'{"id": 3, "text": "", "published": "2025-02-30"}\n'
                    b'{"id": 4, "text": "   "}\n')
    r = cli("batch", src, "-o", out, "--workers", "1")
    assert r.exit_code == 0, r.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [rec.get("id") for rec in records] == [1, None, 2, None, 3, 4]
    assert all(records[i].get("error") is None and "anchor" in records[i] for i in (0, 2, 5))
    assert records[1]["line"] == 2 and records[3]["line"] == 4 and "published" in records[4]["error"]


def test_batch_output_into_missing_directory(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": 1, "text": "On Monday officials met."}\n', encoding="utf-8")
    refused(cli("batch", src, "-o", tmp_path / "no" / "out.jsonl", "--workers", "1"), "No such file or directory")


# -- the solver never hangs ----------------------------------------------------------------------

LONG = " ".join(f"On {wd}, {m} {d}, officials of the former President Barack Obama met, and last week they said "
                f"the third quarter of {y} was weak; two days ago the late Queen Elizabeth spoke."
                for wd, m, d, y in zip(["Monday", "Tuesday", "Friday", "Sunday"] * 10, ["March", "April", "May"] * 14,
                                       range(1, 29), range(1990, 2030)))


def test_solver_time_limit_gives_a_timeout_finding():
    started = time.monotonic()
    report = check_document(Document(text=LONG), Options(timeout_ms=1))
    assert time.monotonic() - started < 30
    assert [f.rule for f in report.findings if f.rule == "Solver.Timeout"] == ["Solver.Timeout"]
    assert len(report.expressions) > 100 and all(LONG[e.start:e.end] == e.text for e in report.expressions)
    assert report.error is None


def test_default_time_limit_is_documented():
    from chronos.pipeline import DEFAULT_TIMEOUT_MS

    doc = (ROOT / "docs" / "robustness.md").read_text(encoding="utf-8")
    assert f"{DEFAULT_TIMEOUT_MS:,} ms" in doc and f"{readers.MAX_BYTES:,} bytes" in doc


# -- hostile text in the HTML report -------------------------------------------------------------

EVIL = ("On Monday, March 3, 2025 <script>alert(1)</script> officials met \"><img src=x onerror=alert(2)> "
        "</textarea><!-- x --> '\u202e2025 ,5 yaM no\u202c' said the late President <b>Ronald Reagan</b>.\n")


def test_html_escapes_hostile_text(here):
    (here / "evil.txt").write_text(EVIL, encoding="utf-8")
    r = cli("check", "evil.txt", "--format", "html", "-o", "evil.html", "--fail-on", "never")
    assert r.exit_code == 0, r.output
    page = (here / "evil.html").read_text(encoding="utf-8")
    body = page.split("<script>")[0]  # the page's own script is the last element
    assert "alert(1)" in body and "<script>alert" not in page
    assert "<img" not in page and "</textarea>" not in page and "<b>Ronald" not in page and "<!-- x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "\u202e" not in page and "[U+202E]" in page  # bidi controls shown, never applied


# -- no network, ever ----------------------------------------------------------------------------

def test_no_network_access(here, monkeypatch):
    from chronos.extract import _dateparse

    def refuse(*a, **k):
        raise AssertionError(f"network access attempted: {a!r}")

    for name in ("connect", "connect_ex", "sendto"):
        monkeypatch.setattr(socket.socket, name, refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    _dateparse._parser.cache_clear()  # build the dateparser parser again, under the ban
    text = "The deal, signed 11/02/89 in Berlin, was recalled on Thursday, March 6, 2025 by former President Obama.\n"
    report = chronos.check(text, published=dt.date(2025, 3, 7))
    assert any(e.value == "1989-11-02" for e in report.expressions)
    (here / "n.txt").write_text(text, encoding="utf-8")
    for fmt in ("html", "json", "sarif", "text"):
        r = cli("check", "n.txt", "--format", fmt, "-o", f"n.{fmt}", "--fail-on", "never")
        assert r.exit_code == 0, (fmt, r.output, r.exception)


# -- no catastrophic backtracking (bench/adversarial.py prints the growth up to 1 MB) ---------------

@pytest.mark.parametrize("case", ["digits", "comma_list", "last_last", "weekdays", "may_may", "capitalised",
                                  "dates_lines", "since_since"])
def test_adversarial_text_is_linear(case):
    import sys

    sys.path.insert(0, str(ROOT / "bench"))
    from adversarial import time_case

    assert time_case(case, 100_000) < 10  # typically 0.2-2 s; quadratic patterns took minutes


def test_long_run_on_text_is_bounded_end_to_end():
    from chronos.document import Document

    text = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday " * 700  # 40 KB, one sentence, 4,900 expressions
    started = time.monotonic()
    report = check_document(Document(text=text), Options(timeout_ms=1000))
    assert time.monotonic() - started < 20
    assert len(report.expressions) == 4900 and report.error is None
    assert any(f.rule == "Solver.Timeout" for f in report.findings) or report.anchor.earliest is not None
