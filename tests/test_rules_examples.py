"""Every example in rules/<Pack>/<Rule>.examples.md: `expect` must fire, `ok` must not, `gap` is xfail."""
from __future__ import annotations

import pytest

from chronos.lexicon import RULES_DIR
from chronos.rules import rule_files
from chronos.rules_test import EXAMPLES_SUFFIX, all_examples, read_examples, run_example

EXAMPLES = all_examples((RULES_DIR,))


@pytest.mark.parametrize("example", EXAMPLES, ids=[ex.id for ex in EXAMPLES])
def test_example(example):
    outcome = run_example(example)
    if outcome.status == "gap":
        pytest.xfail(f"known gap: {example.note}")
    assert outcome.status in ("passed", "fixed"), outcome.detail


def test_examples_are_not_rules():
    assert not [p for p in rule_files((RULES_DIR,)) if p.name.endswith(EXAMPLES_SUFFIX)]


def test_every_rule_with_claims_has_fire_ok_and_gap_examples():
    for path in sorted(RULES_DIR.glob(f"[A-Z]*/*{EXAMPLES_SUFFIX}")):
        kinds = {ex.kind for ex in read_examples(path)}
        assert {"expect", "ok"} <= kinds, path.name


def test_header_parsing(tmp_path):
    pack = tmp_path / "Tenure"
    pack.mkdir()
    f = pack / f"FormerWhileInOffice{EXAMPLES_SUFFIX}"
    f.write_text('# notes\n\n---\n<!-- expect published: 2025-05-22 span: "Former President Donald Trump" -->\n'
                 "Former President Donald Trump spoke on Monday.\n---\n<!-- ok: \"not in office\" -->\nText.\n"
                 "---\n<!-- gap: \"appositions\" published: 2025-06-10 -->\nTrump, the former president, spoke.\n")
    a, b, c = read_examples(f)
    assert (a.kind, a.rule, a.published, a.span) == ("expect", "Tenure.FormerWhileInOffice", "2025-05-22", "Former President Donald Trump")
    assert (b.kind, b.note, b.published) == ("ok", "not in office", None)
    assert (c.kind, c.note, c.published, c.line) == ("gap", "appositions", "2025-06-10", 10)
    assert a.line == 4
