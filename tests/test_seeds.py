"""The five seed articles, judged as ../shared/seeds/gold.yaml says (publication dates hidden)."""
from __future__ import annotations

import datetime as dt
import functools

import pytest
import yaml

import chronos
from tests.conftest import SHARED

GOLD = SHARED / "seeds" / "gold.yaml"
CASES = sorted(yaml.safe_load(GOLD.read_text()).items()) if GOLD.exists() else []
pytestmark = pytest.mark.skipif(not GOLD.exists(), reason="../shared/seeds is not present")


@functools.cache
def report(name: str) -> chronos.Report:
    return chronos.check((SHARED / "seeds" / name).read_text(encoding="utf-8"), name=name)


def _day(value) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


@pytest.mark.parametrize("name,gold", [c for c in CASES if "anchor" in c[1]], ids=lambda v: v[:3] if isinstance(v, str) else "")
def test_anchor(name, gold):
    a = report(name).anchor
    assert not a.given
    want = gold["anchor"]
    if "contains" in want:
        assert a.earliest <= _day(want["contains"]) <= a.latest
    lo, hi = (_day(d) for d in want["within"])
    assert lo <= a.earliest and a.latest <= hi, (a.earliest, a.latest)
    assert a.earliest <= a.best <= a.latest


@pytest.mark.parametrize("name,gold", [c for c in CASES if "resolve" in c[1]], ids=lambda v: v[:3] if isinstance(v, str) else "")
def test_resolved_values(name, gold):
    r = report(name)
    text = (SHARED / "seeds" / name).read_text(encoding="utf-8")
    for phrase, want in gold["resolve"].items():
        start = text.index(phrase)
        end = start + len(phrase)
        overlapping = [e for e in r.expressions if e.start < end and e.end > start]
        assert overlapping, f"no expression found in {phrase!r}"
        want = want.isoformat() if isinstance(want, dt.date) else str(want)
        assert overlapping[0].value == want, (phrase, overlapping[0])


@pytest.mark.parametrize("name,gold", [c for c in CASES if c[1].get("clean")], ids=lambda v: v[:3] if isinstance(v, str) else "")
def test_clean_articles_have_no_error(name, gold):
    errors = [f for f in report(name).findings if f.severity == "error"]
    assert not errors, [f.message for f in errors]


@pytest.mark.parametrize("name,gold", [c for c in CASES if "finding" in c[1]], ids=lambda v: v[:3] if isinstance(v, str) else "")
def test_anachronism_found_and_explained(name, gold):
    r = report(name)
    text = (SHARED / "seeds" / name).read_text(encoding="utf-8")
    spans = [(text.index(s), text.index(s) + len(s)) for s in gold["finding"]["spans"]]
    errors = [f for f in r.findings if f.severity == "error"]
    hits = [f for f in errors if any(f.span.start < e and f.span.end > s for s, e in spans)]
    assert hits, [f.message for f in errors]
    finding = hits[0]
    assert finding.rule.startswith("Tenure.")
    assert "former" in finding.message.lower() and "Trump" in finding.message
    assert finding.explanation and finding.facts
    assert all(f.source for f in finding.facts)
    assert text[finding.span.start:finding.span.end] == finding.text
