"""`chronos kb validate`: every problem in the KB files, each as "file:line: message".

Checks: YAML and schema errors (each record on its own, so one bad record does not hide the
rest), a term, event or life that ends before it starts, an election after the term it won,
overlapping terms of a single-holder office (a same-day handover, end == next start, is fine;
acting terms may overlap),
the same person holding one office twice at once, office numbers out of the terms' order or
shared by two people, references to unknown people, offices or countries, and ids defined twice
(within a file or across files).
"""
from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from chronos.kb.schema import Body, Coinage, Country, Event, Majority, Office, Person, Ranking, Series, Term
from chronos.kb.store import KB_DIR

MODELS: dict[str, type[BaseModel]] = {
    "people": Person, "offices": Office, "terms": Term, "countries": Country, "events": Event, "series": Series,
    "bodies": Body, "coinages": Coinage, "rankings": Ranking, "majorities": Majority,
}
KINDS = {"people": "person", "offices": "office", "countries": "country", "events": "event", "series": "series", "bodies": "body", "coinages": "coinage", "rankings": "ranking", "majorities": "majority"}


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


@dataclass
class _Rec:
    obj: Any
    file: str
    line: int


def _display(path: Path) -> str:
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive
        return str(path)
    return rel if not rel.startswith(".." + os.sep + "..") else str(path)


def _item_lines(node: yaml.Node, key: str) -> list[int]:
    """1-based line of each list item under top-level `key`."""
    if not isinstance(node, yaml.MappingNode):
        return []
    for k, v in node.value:
        if isinstance(k, yaml.ScalarNode) and k.value == key and isinstance(v, yaml.SequenceNode):
            return [item.start_mark.line + 1 for item in v.value]
    return []


def _series_event_lines(node: yaml.Node, index: int) -> list[int]:
    if not isinstance(node, yaml.MappingNode):
        return []
    for k, v in node.value:
        if isinstance(k, yaml.ScalarNode) and k.value == "series" and isinstance(v, yaml.SequenceNode):
            if index < len(v.value) and isinstance(v.value[index], yaml.MappingNode):
                for kk, vv in v.value[index].value:
                    if kk.value == "events" and isinstance(vv, yaml.SequenceNode):
                        return [e.start_mark.line + 1 for e in vv.value]
    return []


def _error_text(exc: ValidationError) -> str:
    parts = []
    for err in exc.errors():
        where = ".".join(str(x) for x in err["loc"])
        msg = err["msg"].removeprefix("Value error, ")
        parts.append(f"{where}: {msg}" if where else msg)
    return "; ".join(parts)


def _read(path: Path, problems: list[Problem], records: dict[str, list[_Rec]]) -> None:
    name = _display(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(Problem(name, 1, f"cannot read: {exc}"))
        return
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problems.append(Problem(name, mark.line + 1 if mark else 1, f"not valid YAML: {getattr(exc, 'problem', exc)}"))
        return
    if data is None:
        return
    if not isinstance(data, dict):
        problems.append(Problem(name, 1, "expected a mapping of sections (people:, offices:, terms: ...)"))
        return
    for key, items in data.items():
        key_line = next((k.start_mark.line + 1 for k, _ in node.value if getattr(k, "value", None) == key), 1)
        if key not in MODELS:
            problems.append(Problem(name, key_line, f"unknown section {key!r} (expected one of {', '.join(MODELS)})"))
            continue
        if items is None:
            continue
        if not isinstance(items, list):
            problems.append(Problem(name, key_line, f"{key}: expected a list"))
            continue
        lines = _item_lines(node, key)
        for i, item in enumerate(items):
            line = lines[i] if i < len(lines) else key_line
            try:
                obj = MODELS[key].model_validate(item)
            except ValidationError as exc:
                if key == "series":
                    line = _series_line(node, i, exc, line)
                problems.append(Problem(name, line, f"{KINDS.get(key, 'term')}: {_error_text(exc)}"))
                continue
            records[key].append(_Rec(obj, name, line))


def _series_line(node: yaml.Node, index: int, exc: ValidationError, default: int) -> int:
    loc = exc.errors()[0]["loc"]
    if len(loc) >= 2 and loc[0] == "events" and isinstance(loc[1], int):
        lines = _series_event_lines(node, index)
        if loc[1] < len(lines):
            return lines[loc[1]]
    return default


def _fmt(t: Term) -> str:
    return f"{t.start}..{t.end or 'now'}"


def _check(records: dict[str, list[_Rec]], problems: list[Problem]) -> None:
    # duplicate ids
    ids: dict[str, dict[str, _Rec]] = {k: {} for k in KINDS}
    for key in KINDS:
        for rec in records[key]:
            first = ids[key].get(rec.obj.id)
            if first is not None:
                problems.append(Problem(rec.file, rec.line,
                                        f"duplicate {KINDS[key]} id {rec.obj.id!r} (first defined at {first.file}:{first.line})"))
            else:
                ids[key][rec.obj.id] = rec
    people, offices, countries = ids["people"], ids["offices"], ids["countries"]
    # one Wikidata item names one person or one event
    qids: dict[str, tuple[str, _Rec]] = {}
    for key in ("people", "events"):
        for rec in records[key]:
            qid = rec.obj.qid or (rec.obj.source.split(":", 1)[1].split("#")[0] if rec.obj.source.startswith("wikidata:") else None)
            if qid is None:
                continue
            first_key, first = qids.setdefault(qid, (key, rec))
            if (first_key, first.obj.id) != (key, rec.obj.id):
                problems.append(Problem(rec.file, rec.line, f"Wikidata item {qid} also names {KINDS[first_key]} "
                                                            f"{first.obj.id!r} ({first.file}:{first.line})"))

    def country_ref(rec: _Rec, code: str | None, what: str) -> None:
        if code is not None and code not in countries:
            problems.append(Problem(rec.file, rec.line, f"{what} refers to unknown country {code!r}"))

    for rec in records["people"]:
        p = rec.obj
        if p.born_by and (p.born is None or p.born_by < p.born):
            problems.append(Problem(rec.file, rec.line, f"person {p.id} has born_by ({p.born_by}) without an earlier born"))
        if p.born and p.died and p.died < p.born:
            problems.append(Problem(rec.file, rec.line, f"person {p.id} dies ({p.died}) before being born ({p.born})"))
        country_ref(rec, p.country, f"person {p.id}")
    for rec in records["offices"]:
        country_ref(rec, rec.obj.country, f"office {rec.obj.id}")
    for rec in records["events"]:
        e = rec.obj
        if e.end is not None and e.end < e.date:
            problems.append(Problem(rec.file, rec.line, f"event {e.id} ends ({e.end}) before it starts ({e.date})"))
        country_ref(rec, e.country, f"event {e.id}")
    for rec in records["series"]:
        s = rec.obj
        if s.complete_to < s.complete_from:
            problems.append(Problem(rec.file, rec.line, f"series {s.id}: complete_to before complete_from"))
        for party in s.parties:
            if party.person is not None and party.person not in people:
                problems.append(Problem(rec.file, rec.line, f"series {s.id}: party refers to unknown person {party.person!r}"))
            country_ref(rec, party.country, f"series {s.id}: party")
    for rec in records["rankings"]:
        for h in rec.obj.holders:
            country_ref(rec, h.country, f"ranking {rec.obj.id}: holder")
    for rec in records["majorities"]:
        country_ref(rec, rec.obj.country, f"majority {rec.obj.id}")
        for h in rec.obj.holders:
            if h.party not in rec.obj.parties:
                problems.append(Problem(rec.file, rec.line, f"majority {rec.obj.id}: holder's party {h.party!r} is not one of its parties"))
    by_office: dict[str, list[_Rec]] = defaultdict(list)
    for rec in records["terms"]:
        t = rec.obj
        if t.person not in people:
            problems.append(Problem(rec.file, rec.line, f"term refers to unknown person {t.person!r}"))
        if t.office not in offices:
            problems.append(Problem(rec.file, rec.line, f"term refers to unknown office {t.office!r}"))
        if t.elected is not None and t.elected > t.start:
            problems.append(Problem(rec.file, rec.line,
                                    f"term of {t.person} as {t.office}: elected ({t.elected}) after it starts ({t.start})"))
        p = people.get(t.person)
        if p is not None and p.obj.born is not None and t.start < p.obj.born:
            problems.append(Problem(rec.file, rec.line, f"term of {t.person} as {t.office} starts before {t.person} is born"))
        by_office[t.office].append(rec)
    for office, recs in by_office.items():
        single = offices[office].obj.single_holder if office in offices else True
        # An acting holder (cover during the holder's leave, an interim) may overlap the holder.
        substantive = [r for r in recs if not r.obj.acting]
        groups = [substantive] if single else list(_group_by_person(recs))
        for group in groups:
            _overlaps(sorted(group, key=lambda r: (r.obj.start, r.file, r.line)), office, problems)
        _ordinals(sorted((r for r in recs if r.obj.ordinal is not None), key=lambda r: r.obj.start), office, problems)


def _group_by_person(recs: list[_Rec]) -> Iterable[list[_Rec]]:
    groups: dict[str, list[_Rec]] = defaultdict(list)
    for r in recs:
        groups[r.obj.person].append(r)
    return groups.values()


def _overlaps(recs: list[_Rec], office: str, problems: list[Problem]) -> None:
    """Report each term that starts before an earlier-starting term has ended."""
    reach: _Rec | None = None  # the term reaching furthest so far
    for rec in recs:
        t = rec.obj
        if reach is not None:
            r = reach.obj
            if r.end is None or t.start < r.end:
                problems.append(Problem(
                    rec.file, rec.line,
                    f"{office}: term of {t.person} ({_fmt(t)}) overlaps term of {r.person} ({_fmt(r)}) "
                    f"at {reach.file}:{reach.line}"))
        if reach is None or reach.obj.end is not None and (t.end is None or t.end > reach.obj.end):
            reach = rec


def _ordinals(recs: list[_Rec], office: str, problems: list[Problem]) -> None:
    """An office's new numbers follow its terms' order, and one number belongs to one person (a
    term split in two keeps its number, and so does a returning holder where the list counts
    people: Kevin Rudd is Australia's 26th prime minister twice)."""
    holder: dict[int, _Rec] = {}
    top: _Rec | None = None  # the highest-numbered term so far
    for rec in recs:
        t = rec.obj
        first = holder.setdefault(t.ordinal, rec)
        if first.obj.person != t.person:
            problems.append(Problem(rec.file, rec.line, f"{office}: {t.person} is numbered {t.ordinal}, "
                                                        f"the number of {first.obj.person} at {first.file}:{first.line}"))
        elif first is rec and top is not None and t.ordinal < top.obj.ordinal:
            problems.append(Problem(rec.file, rec.line, f"{office}: {t.person} ({t.start}) is numbered {t.ordinal}, "
                                                        f"below {top.obj.person}'s {top.obj.ordinal} ({top.obj.start})"))
        if top is None or t.ordinal > top.obj.ordinal:
            top = rec


def kb_files(dirs: Iterable[Path]) -> list[Path]:
    files: list[Path] = []
    for d in dirs:
        d = Path(d)
        if d.is_file():
            files.append(d)
        else:
            files.extend(p for p in d.rglob("*.yaml") if ".cache" not in p.parts)
    return sorted(set(files))


def validate(dirs: Iterable[Path | str] = (KB_DIR,)) -> list[Problem]:
    """All problems in the YAML files under `dirs` (directories or single files)."""
    problems: list[Problem] = []
    records: dict[str, list[_Rec]] = defaultdict(list)
    paths = [Path(d) for d in dirs]
    for d in paths:
        if not d.exists():
            problems.append(Problem(_display(d), 1, "no such file or directory"))
    for f in kb_files(p for p in paths if p.exists()):
        _read(f, problems, records)
    _check(records, problems)
    return sorted(set(problems), key=lambda p: (p.file, p.line, p.message))
