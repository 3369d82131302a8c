"""The HTML report in a real headless browser: the finding and the timeline render, hostile text stays text.

Uses Debian's chromium when it is installed (`.ci/run` tries to install it) and skips otherwise.
Leaves a screenshot of the report in artifacts/ (gitignored) to look at.
"""
from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from chronos.document import Document
from chronos.format import render
from chronos.pipeline import check_document
from chronos.readers import read_document

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "artifacts"
SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "002_650f3aa6181e6772.txt"  # read in place when present, never copied
CHROMIUM = next((p for p in ("/usr/bin/chromium", shutil.which("chromium") or "", shutil.which("chromium-browser") or "") if p and Path(p).exists()), None)

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install chromium)")

TRUMP = ("Former President Donald Trump spoke with Russian President Vladimir Putin on Monday, "
         "a week after their first direct talks since 2022.\n\nThe summit was held on Tuesday, 31 April 2024.\n")
HOSTILE = ('<script>document.title="pwned";alert(1)</script>\n"><img src=x onerror="document.title=\'pwned\'">\n'
           "The summit was held on Tuesday, 31 April 2024.\n")


def chromium(tmp_path: Path, page: Path, *args: str) -> str:
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
           "--hide-scrollbars", f"--user-data-dir={tmp_path / 'profile'}", *args, page.as_uri()]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    return out.stdout


def write_report(tmp_path: Path, reports, docs, name="report.html") -> Path:
    path = tmp_path / name
    path.write_text(render("html", reports, docs), encoding="utf-8")
    return path


def test_finding_and_timeline_render(tmp_path):
    doc = Document(text=TRUMP, name="talks.txt", published=dt.date(2025, 5, 20))
    report = check_document(doc)
    assert "Tenure.FormerWhileInOffice" in {f.rule for f in report.findings}
    dom = chromium(tmp_path, write_report(tmp_path, [report], [doc]), "--dump-dom")
    assert 'data-ready="1"' in dom  # the inline script ran to the end
    assert re.search(r'<article class="card finding error"[^>]*>', dom)
    assert "Tenure.FormerWhileInOffice" in dom and "Calendar.ImpossibleDate" in dom
    assert re.search(r'<svg class="timeline"', dom) and re.search(r'<rect class="anchor given"', dom)
    assert re.search(r'<mark class="tx[^"]*" title="[^"]+"', dom)
    assert 'class="hit error"' in dom


def test_hostile_text_stays_text(tmp_path):
    doc = Document(text=HOSTILE, name='<img src=x onerror=alert(3)>.txt')
    page = write_report(tmp_path, [check_document(doc)], [doc])
    dom = chromium(tmp_path, page, "--dump-dom")
    assert "<img" not in dom and "pwned" not in re.search(r"<title>(.*?)</title>", dom, re.S)[1]
    assert "&lt;script&gt;document.title" in dom
    assert dom.count("<script") == 1


def test_screenshot_of_a_real_article(tmp_path):
    """Several documents, one page with an index; the screenshot is for people to look at."""
    docs = []
    if SEED.exists():
        docs.append(read_document(str(SEED), SEED.read_bytes(), None))
    docs.append(Document(text=TRUMP, name="talks.txt", published=dt.date(2025, 5, 20)))
    reports = [check_document(d) for d in docs]
    page = write_report(tmp_path, reports, docs)
    dom = chromium(tmp_path, page, "--dump-dom")
    if len(docs) > 1:
        assert 'href="#doc-0"' in dom and 'href="#doc-1"' in dom
    ARTIFACTS.mkdir(exist_ok=True)
    single = write_report(tmp_path, reports[:1], docs[:1], "single.html")
    shot = ARTIFACTS / ("seed002-report.png" if SEED.exists() else "report.png")
    chromium(tmp_path, single, f"--screenshot={shot}", "--window-size=1280,2000")
    assert shot.exists() and shot.stat().st_size > 20_000
