"""Knowledge base: importers, validation, export and `chronos kb who`."""
from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from chronos.kb.cli import export_data, kb, resolve_offices
from chronos.kb.importers.common import dump_kb_yaml
from chronos.kb.importers.uk_ministers import import_uk_ministers
from chronos.kb.importers.us_executive import election_day, import_us_executive
from chronos.kb.importers.wikidata import import_wikidata, parse_time
from chronos.kb.schema import KBFile
from chronos.kb.store import KB_DIR, load_kb
from chronos.kb.validate import validate

FIX = Path(__file__).parent / "fixtures" / "kb"
SHARED = KB_DIR.parent.parent.parent / "shared" / "kb-sources"
D = dt.date.fromisoformat
OFFICES = {"Q11696": "us-president", "Q11699": "us-vice-president", "Q191954": "fr-president",
           "Q1370482": "ru-prime-minister", "Q12132498": "ua-president", "Q218295": "ru-president"}


def run(*args: str):
    return CliRunner().invoke(kb, list(args))


# --- Wikidata ---------------------------------------------------------------------------------


def test_parse_time_precision_and_calendar():
    assert parse_time("+2017-01-20T00:00:00Z", 11) == D("2017-01-20")
    assert parse_time("+2017-00-00T00:00:00Z", 9) is None
    assert parse_time("+2017-05-00T00:00:00Z", 10) is None
    assert parse_time("-0044-03-15T00:00:00Z", 11) is None
    # Julian 1582-10-05 is Gregorian 1582-10-15
    assert parse_time("+1582-10-05T00:00:00Z", 11, "http://www.wikidata.org/entity/Q1985786") == D("1582-10-15")


def test_wikidata_sparql_fixture():
    res = import_wikidata(json.loads((FIX / "sparql.json").read_text()), OFFICES, {"Q30": "US"})
    data = res.as_kb()
    KBFile.model_validate(data)
    people = {p["id"]: p for p in data["people"]}
    assert people["Q22686"]["name"] == "Donald Trump"
    assert people["Q22686"]["born"] == D("1946-06-14")
    assert people["Q22686"]["country"] == "US"
    assert "Donald J. Trump" in people["Q22686"]["aliases"]
    assert people["Q23505"]["died"] == D("2018-11-30")
    terms = [(t["person"], t["office"], t["start"], t["end"]) for t in data["terms"]]
    assert ("Q22686", "us-president", D("2017-01-20"), D("2021-01-20")) in terms
    assert ("Q22686", "us-president", D("2025-01-20"), None) in terms  # no end: still serving
    assert not any(p == "Q23505" for p, *_ in terms)  # year-precision start; somevalue end; unmapped
    text = " ".join(res.warnings)
    assert "coarser than a day" in text and "unknown end" in text and "Q1234567" in text


def test_wikidata_entity_fixture():
    res = import_wikidata(json.loads((FIX / "entity.json").read_text()), OFFICES, {"Q142": "FR"})
    data = res.as_kb()
    (person,) = data["people"]
    assert person["name"] == "Jane Example" and person["born"] == D("1950-03-15")  # deprecated 1950-01-01 ignored
    assert person["country"] == "FR" and person["aliases"] == ["Example", "J. Example"]
    terms = {t["office"]: t for t in data["terms"]}
    assert set(terms) == {"fr-president", "ru-president"}  # somevalue end and year-only start skipped
    assert terms["fr-president"]["start"] == D("2030-05-14") and terms["fr-president"]["end"] is None  # novalue end
    assert terms["ru-president"]["end"] == D("1994-07-01")
    assert all(t["start"] != D("2001-01-01") for t in data["terms"])  # deprecated statement
    assert any("unknown end" in w for w in res.warnings)
    assert any("coarser than a day" in w for w in res.warnings)


def test_cli_import_wikidata_writes_yaml(tmp_path):
    out = tmp_path / "wd.yaml"
    r = run("import", "wikidata", str(FIX / "entity.json"), "--output", str(out))
    assert r.exit_code == 0, r.output
    part = KBFile.model_validate(yaml.safe_load(out.read_text()))
    assert {t.office for t in part.terms} == {"fr-president", "ru-president"}


def test_cli_errors_are_one_line_exit_2(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    r = run("import", "wikidata", str(bad))
    assert r.exit_code == 2 and "not valid JSON" in r.output and "Traceback" not in r.output
    r = run("import", "wikidata", str(tmp_path / "missing.json"))
    assert r.exit_code == 2 and "Traceback" not in r.output
    (tmp_path / "list.json").write_text("[]")
    r = run("import", "wikidata", str(tmp_path / "list.json"))
    assert r.exit_code == 2
    r = run("who", "Grand Vizier", "--on", "2019-06-01")
    assert r.exit_code == 2 and "no office matches" in r.output
    r = run("who", "President", "--on", "not-a-date")
    assert r.exit_code == 2


# --- US executive -------------------------------------------------------------------------------


def test_election_day():
    assert election_day(2016) == D("2016-11-08")
    assert election_day(2020) == D("2020-11-03")
    assert election_day(2024) == D("2024-11-05")
    assert election_day(1988) == D("1988-11-08")


def test_us_executive_fixture():
    data = import_us_executive(FIX / "executive.yaml", today=D("2026-11-22"))
    KBFile.model_validate(data)
    terms = {(t["person"], t["office"]): t for t in data["terms"]}
    bush_vp = terms[("Q23505", "us-vice-president")]
    assert (bush_vp["start"], bush_vp["end"]) == (D("1981-01-20"), D("1989-01-20"))  # two terms merged
    assert bush_vp["elected"] is None  # 1980: before the verified range
    assert terms[("Q23505", "us-president")]["elected"] == D("1988-11-08")
    assert terms[("bioguide:Q000007", "us-vice-president")]["elected"] == D("1988-11-08")
    trump = [t for t in data["terms"] if t["person"] == "Q22686"]
    assert [(t["start"], t["end"]) for t in trump] == [(D("2017-01-20"), D("2021-01-20")), (D("2025-01-20"), None)]
    people = {p["id"]: p for p in data["people"]}
    assert people["bioguide:Q000007"]["name"] == "Dan Quayle"
    assert people["Q23505"]["name"] == "George H. W. Bush" and people["Q23505"]["died"] == D("2018-11-30")


def test_us_executive_numbers_tenures_in_date_order():
    # the fixture's whole list: Bush 1 as president, Trump 2 and 3 (a returning president is numbered again)
    data = import_us_executive(FIX / "executive.yaml", today=D("2026-11-22"))
    numbers = [(t["person"], t["ordinal"]) for t in sorted(data["terms"], key=lambda t: t["start"]) if t["office"] == "us-president"]
    assert numbers == [("Q23505", 1), ("Q22686", 2), ("Q22686", 3)]
    skipped = import_us_executive(FIX / "executive.yaml", skip_terms={("Q23505", "us-president")})
    assert [t["ordinal"] for t in skipped["terms"] if t["office"] == "us-president"] == [2, 3]  # still counted


def test_us_executive_skips_hand_written():
    data = import_us_executive(FIX / "executive.yaml", skip_people={"Q22686"},
                               skip_terms={("Q22686", "us-president")})
    assert "Q22686" not in {p["id"] for p in data["people"]}
    assert not any(t["person"] == "Q22686" for t in data["terms"])


# --- UK ministers -----------------------------------------------------------------------------------


def test_uk_ministers_fixture():
    data = import_uk_ministers(FIX / "uk-ministers")
    KBFile.model_validate(data)
    people = {p["id"]: p for p in data["people"]}
    cam = people["ifg:david-cameron"]
    assert cam["name"] == "David Cameron"
    assert {"Cameron", "Lord Cameron of Chipping Norton", "Lord Cameron"} <= set(cam["aliases"])
    terms = [(t["person"], t["office"], t["start"], t["end"], t.get("acting", False)) for t in data["terms"]]
    assert ("ifg:david-cameron", "uk-prime-minister", D("2010-05-11"), D("2016-07-13"), False) in terms  # merged
    assert ("ifg:theresa-may", "uk-prime-minister", D("2016-07-13"), D("2019-07-24"), False) in terms
    assert ("ifg:david-cameron", "uk-foreign-secretary", D("2023-11-13"), D("2024-07-05"), False) in terms  # FCDO
    assert ("ifg:cover-minister", "uk-home-secretary", D("2012-01-10"), D("2012-02-10"), True) in terms  # cover
    assert not any(t[2] == D("2005-01-01") for t in terms)  # junior posts are not imported
    assert {o["id"] for o in data["offices"]} == {"uk-prime-minister", "uk-foreign-secretary", "uk-home-secretary"}


def test_uk_prime_ministers_numbered_from_thatcher():
    data = import_uk_ministers(FIX / "uk-ministers")
    numbers = {t["person"]: t.get("ordinal") for t in data["terms"] if t["office"] == "uk-prime-minister"}
    first = min(numbers.values())
    assert numbers["ifg:theresa-may"] == numbers["ifg:david-cameron"] + 1 and first >= 49
    assert all("ordinal" not in t for t in data["terms"] if t["office"] != "uk-prime-minister")


@pytest.mark.skipif(not (SHARED / "uk-ministers").is_dir(), reason="shared kb-sources not present")
def test_uk_ministers_real_data_size():
    data = import_uk_ministers(SHARED / "uk-ministers")
    assert 100 < len(data["people"]) < 1000 and len(data["terms"]) < 2000


def test_dump_kb_yaml_round_trips():
    data = import_uk_ministers(FIX / "uk-ministers")
    text = dump_kb_yaml(data, "header")
    assert text.startswith("# header\n")
    again = KBFile.model_validate(yaml.safe_load(text))
    assert len(again.terms) == len(data["terms"])


# --- validate ---------------------------------------------------------------------------------------


def test_validate_finds_every_kind_with_file_and_line():
    problems = validate([FIX / "invalid"])
    got = {(Path(p.file).name, p.line): p.message for p in problems}
    msgs = [str(p) for p in problems]
    assert all(":" in m and m.split(":")[1].isdigit() for m in msgs)
    assert "unknown country 'XX'" in got[("bad.yaml", 4)]
    assert "duplicate person id 'P1'" in got[("bad.yaml", 5)]
    assert "dies" in got[("bad.yaml", 6)]
    assert "ends" in got[("bad.yaml", 11)] and "before it starts" in got[("bad.yaml", 11)]
    assert "overlaps term of P1" in got[("bad.yaml", 12)]
    assert "unknown person 'P9'" in got[("bad.yaml", 13)]
    assert "unknown office 'office-z'" in got[("bad.yaml", 14)]
    assert ("bad.yaml", 15) not in got  # same-day handover is fine
    assert "unknown person 'P404'" in got[("bad.yaml", 17)]
    assert "duplicate office id 'office-a'" in got[("other.yaml", 4)]
    assert "event e1 ends" in got[("other.yaml", 6)]
    assert "not valid YAML" in got[("broken.yaml", 3)]


def test_validate_office_numbers(tmp_path):
    (tmp_path / "a.yaml").write_text(
        "offices:\n  - {id: pm, label: PM, titles: [Prime Minister], source: t}\n"
        "people:\n" + "".join(f"  - {{id: {p}, name: {p}, source: t}}\n" for p in "ABCD") +
        "terms:\n"
        "  - {person: A, office: pm, start: 2000-01-01, end: 2001-01-01, ordinal: 5, source: t}\n"
        "  - {person: B, office: pm, start: 2001-01-01, end: 2002-01-01, ordinal: 6, source: t}\n"
        "  - {person: A, office: pm, start: 2002-01-01, end: 2003-01-01, ordinal: 5, source: t}\n"  # a returning holder
        "  - {person: C, office: pm, start: 2003-01-01, end: 2004-01-01, ordinal: 6, source: t}\n"  # B's number
        "  - {person: D, office: pm, start: 2004-01-01, ordinal: 4, source: t}\n")  # below 6
    got = {p.line: p.message for p in validate([tmp_path])}
    assert set(got) == {12, 13}
    assert "the number of B" in got[12] and "below B's 6" in got[13]


def test_validate_cli_exit_codes(tmp_path):
    r = run("validate", str(FIX / "invalid"))
    assert r.exit_code == 1 and "bad.yaml:12:" in r.output
    good = tmp_path / "good"
    good.mkdir()
    (good / "a.yaml").write_text("countries:\n  - {id: US, name: United States, names: [US], source: t}\n")
    r = run("validate", str(good))
    assert r.exit_code == 0, r.output


def test_whole_kb_validates_clean():
    problems = validate([KB_DIR])
    assert problems == [], "\n".join(map(str, problems[:20]))


def test_kb_size_is_modest():
    k = load_kb()
    assert len(k.terms) < 10_000
    assert len(k.people) > 300


# --- export and who ---------------------------------------------------------------------------------


def test_export_shape():
    data = export_data(load_kb())
    assert set(data) == {"terms", "people", "events"}
    t = next(t for t in data["terms"] if t["person"] == "Theresa May" and t["office"] == "Prime Minister of the United Kingdom")
    assert {"person", "aliases", "office", "start", "end", "source"} <= set(t)
    assert t["start"] == "2016-07-13" and t["end"] == "2019-07-24"
    assert any(e["id"] == "russian-invasion-of-ukraine-2022" and e["date"] == "2022-02-24" for e in data["events"])
    r = run("export", "--format", "json")
    assert r.exit_code == 0 and json.loads(r.output)["people"]


@pytest.mark.parametrize("args, expected", [
    (["President", "--country", "US", "--on", "2019-06-01"], "Donald Trump"),
    (["us-president", "--on", "2019-06-01"], "Donald Trump"),
    (["President of the United States", "--on", "2021-06-01"], "Joe Biden"),
    (["Prime Minister", "--country", "GB", "--on", "2016-07-20"], "Theresa May"),
    (["British", "Prime", "Minister", "--on", "2016-07-20"], "Theresa May"),
    (["Chancellor", "-c", "Germany", "--on", "2010-01-01"], "Angela Merkel"),
    (["Pope", "--on", "2014-01-01"], "Francis"),
    (["Russian President", "--on", "2010-01-01"], "Dmitry Medvedev"),
    (["UN Secretary-General", "--on", "2000-01-01"], "Kofi Annan"),
    (["Vice President", "-c", "US", "--on", "1990-01-01"], "Dan Quayle"),
    # the office written as news and reference works write it: title of country, hyphens, periods, possessives
    (["King of Spain", "--on", "2015-01-01"], "Felipe VI"),
    (["Secretary-General of NATO", "--on", "2015-01-01"], "Jens Stoltenberg"),
    (["U.S. Secretary of State", "--on", "2015-01-01"], "John Kerry"),
    (["Russia's President", "--on", "2010-01-01"], "Dmitry Medvedev"),
    (["Foreign Minister of China", "--on", "2015-01-01"], "Wang Yi"),
    # a state's formal name, and titles reference works use
    (["President of the Federative Republic of Brazil", "--on", "2015-01-01"], "Dilma Rousseff"),
    (["President of the French Republic", "--on", "2015-01-01"], "François Hollande"),
    (["Chairman of the Government of the Russian Federation", "--on", "2015-01-01"], "Dmitry Medvedev"),
    (["Monarch of Sweden", "--on", "2015-01-01"], "Carl XVI Gustaf"),
    (["Japanese", "PM", "--on", "2010-06-15"], "Naoto Kan"),
])
def test_who(args, expected):
    r = run("who", *args)
    assert r.exit_code == 0, r.output
    assert expected in r.output


def test_who_nobody_exits_1():
    r = run("who", "Pope", "--on", "2013-03-05")  # sede vacante
    assert r.exit_code == 1


def test_resolve_offices_ambiguous_title():
    k = load_kb()
    ids = resolve_offices(k, "Prime Minister")
    assert {"uk-prime-minister", "jp-prime-minister"} <= set(ids)
    assert resolve_offices(k, "Prime Minister", "Japan") == ["jp-prime-minister"]


def test_who_with_fixture_kb(tmp_path):
    kb_dir = tmp_path / "kb"
    kb_dir.mkdir()
    (kb_dir / "a.yaml").write_text(
        "people:\n  - {id: P1, name: One, source: t}\n  - {id: P2, name: Two, source: t}\n"
        "offices:\n  - {id: office-a, label: Office A, titles: [Chief], source: t}\n"
        "terms:\n  - {person: P1, office: office-a, start: 2000-01-01, end: 2005-01-01, source: t}\n"
        "  - {person: P2, office: office-a, start: 2005-01-01, source: t}\n")
    r = run("who", "Chief", "--on", "2005-01-01", "--kb", str(kb_dir))
    assert r.exit_code == 0 and "Two" in r.output and "One" not in r.output  # handover day: the successor
    shutil.copytree(FIX / "invalid", tmp_path / "bad")
    r = run("who", "office-a", "--on", "2001-01-01", "--kb", str(tmp_path / "bad"))
    assert r.exit_code == 2 and "bad.yaml" in r.output  # a broken KB is reported, not a traceback


@pytest.mark.parametrize("records, line", [
    ("people:\n"
     "  - {id: a, name: A, qid: Q42, source: 'wikipedia:A'}\n"
     "  - {id: b, name: B, source: 'wikidata:Q42'}\n"
     "  - {id: c, name: C, qid: Q7, source: 'wikipedia:C'}\n", 3),
    ("people:\n"
     "  - {id: a, name: A, qid: Q42, source: 'wikipedia:A'}\n"
     "events:\n"
     "  - {id: e, label: E, date: 2001-01-01, kind: summit, qid: Q42, source: 'wikipedia:E'}\n", 4),
])
def test_validate_finds_one_wikidata_item_on_two_records(tmp_path, records, line):
    (tmp_path / "a.yaml").write_text(records)
    problems = validate([tmp_path])
    assert [p.line for p in problems] == [line]
    assert problems[0].message.startswith("Wikidata item Q42 also names person 'a' (") and problems[0].message.endswith("a.yaml:2)")


def test_who_names_the_one_leaving_when_no_successor_starts():
    r = run("who", "Pope", "--on", "2005-04-02")  # John Paul II died that evening; the conclave came later
    assert r.exit_code == 0 and "John Paul II" in r.output


def test_validate_body_counts_in_order(tmp_path):
    (tmp_path / "a.yaml").write_text(
        "bodies:\n  - {id: b, label: B, names: [B], counts: [{count: 9, start: 2001-01-01, source: t},"
        " {count: 6, start: 2000-01-01, source: t}], source: t}\n")
    problems = validate([tmp_path])
    assert len(problems) == 1 and "in order of their start" in problems[0].message
