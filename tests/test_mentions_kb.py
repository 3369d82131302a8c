"""Mentions read against the KB's groups and coined names."""
from __future__ import annotations

from chronos.extract.bodies import find_member_counts
from chronos.extract.coinages import find_coinages
from chronos.kb.store import load_kb


def test_member_counts_named_other_and_common_noun():
    kb = load_kb()
    found = find_member_counts("Britain and the EU's 27 other members met. NATO's 30 allies agreed. The 28-nation bloc split.", kb)
    # "other" counts the one left out; "bloc" is the EU, not the eurozone (never 28 strong)
    assert [(c.bodies, c.count) for c in found] == [(("eu",), 28), (("nato",), 30), (("eu",), 28)]


def test_common_noun_needs_a_named_group_at_a_size_it_had():
    kb = load_kb()
    assert find_member_counts("The 28-nation bloc of coffee exporters met.", kb) == []  # no group named
    assert find_member_counts("The 55-member bloc joins, after the European Union.", kb) == []  # never the EU's size


def test_coinages_first_use_only_and_case_counts():
    kb = load_kb()
    found = find_coinages("COVID-19 spread. More COVID-19 cases. A covid-19 test. Brexit loomed.", kb)
    assert [(c.text, c.coinage) for c in found] == [("COVID-19", "covid-19"), ("Brexit", "brexit")]


def test_rankings_apposition_verb_and_qualifier():
    from chronos.extract.rankings import find_rankings
    kb = load_kb()
    found = find_rankings("Relations with China, the world's most populous country, will be tested. Japan was the world's "
                          "second-largest economy. Japan is the world's second-largest economy after the United States.", kb)
    assert [(r.country, r.ranking, r.verb) for r in found] == [("CN", "most-populous-country", None), ("JP", "second-largest-economy", "was")]
