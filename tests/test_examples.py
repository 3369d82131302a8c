"""The articles in examples/ give the results examples/expected.yaml promises (what `make run` shows)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from chronos.pipeline import check_document
from chronos.readers import read_document

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
EXPECTED = yaml.safe_load((EXAMPLES / "expected.yaml").read_text())


def _report(name: str):
    path = EXAMPLES / name
    return path.read_text(encoding="utf-8"), check_document(read_document(str(path), path.read_bytes(), None))


def test_every_example_has_expectations():
    files = {p.name for p in EXAMPLES.iterdir() if p.name != "expected.yaml"}
    assert files == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_error_findings(name):
    _, report = _report(name)
    errors = {f.rule for f in report.findings if f.severity == "error"}
    assert errors == set(EXPECTED[name]["errors"])


@pytest.mark.parametrize("name", sorted(n for n in EXPECTED if "anchor" in EXPECTED[n]))
def test_anchor(name):
    _, report = _report(name)
    lo, hi = (d if isinstance(d, dt.date) else dt.date.fromisoformat(d) for d in EXPECTED[name]["anchor"]["within"])
    assert lo <= report.anchor.earliest <= report.anchor.best <= report.anchor.latest <= hi


@pytest.mark.parametrize("name", sorted(n for n in EXPECTED if "values" in EXPECTED[n]))
def test_values(name):
    text, report = _report(name)
    for phrase, value in EXPECTED[name]["values"].items():
        start = text.index(phrase)
        found = [e for e in report.expressions if e.start <= start < e.end]
        assert found and found[0].value == value, (phrase, found)
