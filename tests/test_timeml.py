"""TimeML reading/writing, the TempEval-3 scorer, `chronos eval te3`, and grammar cases as data."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from chronos.cli import main
from chronos.evaluate import score_doc
from chronos.timeml import Tag, parse, plain_document, read, render, tag, text_of

DATA = Path(__file__).parent / "data"
TBAQ = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "tbaq" / "TimeBank"

SAMPLE = """<?xml version="1.0" ?>
<TimeML>
<DOCID>X1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" temporalFunction="false" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
<TEXT>
AT&amp;T <EVENT eid="e1" class="OCCURRENCE">fell</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-01-07">Wednesday</TIMEX3> after <TIMEX3 tid="t2" type="DURATION" value="P3Y">three years</TIMEX3> of gains.
</TEXT>
<TLINK lid="l1" relType="BEFORE" eventInstanceID="ei1" relatedToTime="t0" />
</TimeML>
"""


def test_read_gold():
    doc = parse(SAMPLE)
    assert doc.dct == dt.date(1998, 1, 8)
    assert doc.text == "\nAT&T fell Wednesday after three years of gains.\n"
    assert [(t.text, t.type, t.value) for t in doc.timexes] == [("Wednesday", "DATE", "1998-01-07"), ("three years", "DURATION", "P3Y")]
    for t in doc.timexes:
        assert doc.text[t.start:t.end] == t.text


def test_round_trip_keeps_text_and_header():
    doc = parse(SAMPLE)
    out = render(doc, doc.timexes)
    assert text_of(out) == text_of(SAMPLE)  # what the TE3 scorer compares
    assert out.startswith(SAMPLE[: SAMPLE.index("<TEXT>")])  # DOCID, DCT t0 untouched
    assert "<EVENT" not in out and "TLINK" not in out
    again = parse(out)
    assert [(t.start, t.end, t.type, t.value) for t in again.timexes] == [(t.start, t.end, t.type, t.value) for t in doc.timexes]


def test_te3input_and_plain_text():
    te3input = SAMPLE.replace('<TIMEX3 tid="t1" type="DATE" value="1998-01-07">Wednesday</TIMEX3>', "Wednesday")
    doc = parse(te3input)
    assert len(doc.timexes) == 1
    tags = tag(doc)
    assert ("Wednesday", "1998-01-07") in [(t.text, t.value) for t in tags]
    assert text_of(render(doc, tags)) == text_of(te3input)
    plain = plain_document("Profits & losses rose <sharply> last year.", "p.txt", dt.date(1989, 10, 27))
    out = render(plain, tag(plain))
    assert 'value="1988"' in out and ">last year</TIMEX3>" in out and "&amp; losses rose &lt;sharply&gt;" in out


def _t(start, end, type_="DATE", value="X"):
    return Tag(start=start, end=end, text="x" * (end - start), type=type_, value=value)


def test_scorer_known_counts():
    gold = [_t(0, 10, value="A"), _t(20, 25, "DURATION", "P1D"), _t(40, 45, value="C"), _t(60, 70, value="D")]
    system = [_t(0, 10, value="A"), _t(22, 25, "DATE", "P1D"), _t(40, 45, value="WRONG"), _t(80, 85)]
    sc = score_doc(gold, system)
    assert (sc.gold, sc.system, sc.strict, sc.relaxed, sc.type_match, sc.value_match) == (4, 4, 2, 3, 2, 2)
    assert sc.strict_p == sc.strict_r == pytest.approx(0.5)
    assert sc.relaxed_f1 == pytest.approx(0.75)
    assert sc.value_accuracy == pytest.approx(2 / 3)
    assert sc.value_f1 == pytest.approx(0.5)  # accuracy x relaxed F1, as the TE3 scorer defines it
    assert sc.type_f1 == pytest.approx(0.5)
    assert sorted(e.kind for e in sc.errors) == ["FN", "FP", "extent", "type", "value"]


def test_scorer_one_to_one():
    # "Sunday morning" in gold, "Sunday" and "morning" from the system: one relaxed match, one spurious
    sc = score_doc([_t(0, 14)], [_t(0, 6), _t(7, 14)])
    assert (sc.relaxed, sc.strict, sc.system) == (1, 0, 2)


CASES = yaml.safe_load((DATA / "timex_cases.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:40] for c in CASES])
def test_grammar_case(case):
    doc = plain_document(case["text"], "case", case["dct"])
    got = [(t.text, t.type, t.value) for t in tag(doc)]
    if case["extent"] is None:
        assert got == []
    else:
        assert (case["extent"], case["type"], case["value"]) in got


@pytest.mark.skipif(not TBAQ.is_dir(), reason="TBAQ corpus not available")
def test_eval_te3_cli(tmp_path):
    gold = tmp_path / "gold"
    gold.mkdir()
    for f in sorted(TBAQ.glob("*.tml"))[:5]:
        (gold / f.name).write_bytes(f.read_bytes())
    runner = CliRunner()
    res = runner.invoke(main, ["eval", "te3", str(gold)])
    assert res.exit_code == 0, res.output
    assert "Strict match" in res.output and "Relaxed match" in res.output and "Value" in res.output
    table = res.output
    system = tmp_path / "system"
    res = runner.invoke(main, ["tag", str(gold), "--format", "timeml", "--output", str(system)])
    assert res.exit_code == 0, res.output
    for f in gold.iterdir():
        assert text_of((system / f.name).read_text()) == text_of(f.read_text())
    res2 = runner.invoke(main, ["eval", "te3", str(gold), str(system)])
    assert res2.exit_code == 0 and res2.output.splitlines()[:7] == table.splitlines()[:7]
    assert read(system / f.name).dct == read(f).dct


def test_eval_te3_missing_dir():
    res = CliRunner().invoke(main, ["eval", "te3", "/nonexistent/gold"])
    assert res.exit_code == 2
