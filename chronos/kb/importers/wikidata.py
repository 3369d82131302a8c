"""Import positions held (P39) and birth/death dates from Wikidata JSON.

Two inputs are understood:

* SPARQL results (``{"head": ..., "results": {"bindings": [...]}}``) with the variables
  ``person``, ``personLabel``, ``position``, ``start``, ``end``, ``birth``, ``death`` and optionally
  ``personAltLabel`` (comma-separated aliases), ``country`` and ``startPrecision``/``endPrecision``/
  ``birthPrecision``/``deathPrecision`` (``wikibase:timePrecision`` of the value node).
* Entity JSON (``Special:EntityData/Q..json`` or ``wbgetentities``: ``{"entities": {"Q..": ...}}``).

Rules (documented in docs/knowledge-base.md):

* Statements of rank ``deprecated`` are ignored.
* A term needs a start (P580) of day precision (11). A term whose start is coarser (month,
  year, ...), unknown (``somevalue``) or missing is skipped with a warning: a guessed first day
  would make the checker flag or forgive the wrong days.
* An end (P582) of ``novalue``, or no P582 at all, means still serving (``end: None``).
  An end of ``somevalue`` (ended, day unknown) or of coarser than day precision skips the term.
* Birth (P569) and death (P570) are kept only at day precision, else left ``None``.
* Dates in the Julian calendar model are converted to the proleptic Gregorian calendar.
* A position becomes a term only when it maps to a KB office: offices whose ``source`` is
  ``wikidata:Q..`` map automatically, others through ``office_map`` (``{"Q11696": "us-president"}``).
  Unmapped positions are reported as warnings and skipped.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

DAY = 11
JULIAN = "Q1985786"
_ENTITY = re.compile(r"(Q\d+)$")
_TIME = re.compile(r"^([+-]?)(\d{1,16})-(\d\d)-(\d\d)")


class WikidataError(ValueError):
    """Input that is neither SPARQL results nor entity JSON."""


@dataclass
class WikidataImport:
    people: dict[str, dict[str, Any]] = field(default_factory=dict)
    terms: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def as_kb(self) -> dict[str, Any]:
        seen, terms = set(), []
        for t in sorted(self.terms, key=lambda t: (t["office"], t["start"], t["person"])):
            key = (t["person"], t["office"], t["start"])
            if key not in seen:
                seen.add(key)
                terms.append(t)
        people = [p for p in self.people.values()]
        return {"people": people, "terms": terms}


def qid(value: str | None) -> str | None:
    """'http://www.wikidata.org/entity/Q22686' or 'Q22686' -> 'Q22686'."""
    if not value:
        return None
    m = _ENTITY.search(value)
    return m.group(1) if m else None


def _julian_to_gregorian(y: int, m: int, d: int) -> dt.date:
    a = (14 - m) // 12
    yy, mm = y + 4800 - a, m + 12 * a - 3
    jdn = d + (153 * mm + 2) // 5 + 365 * yy + yy // 4 - 32083
    return dt.date.fromordinal(jdn - 1721425)


def parse_time(value: str, precision: int | None = DAY, calendar: str | None = None) -> dt.date | None:
    """A Wikidata time string as a date, or None unless it is of day precision."""
    if precision is not None and precision < DAY:
        return None
    m = _TIME.match(value.strip())
    if not m:
        return None
    sign, y, mo, d = m.group(1), int(m.group(2)), int(m.group(3)), int(m.group(4))
    if sign == "-" or y == 0 or mo == 0 or d == 0 or y > 9999:
        return None
    try:
        if calendar and calendar.endswith(JULIAN):
            return _julian_to_gregorian(y, mo, d)
        return dt.date(y, mo, d)
    except ValueError:
        return None


# --- entity JSON ------------------------------------------------------------------------------


def _statements(claims: dict[str, Any], prop: str) -> list[dict[str, Any]]:
    """Non-deprecated statements of a property, preferred ones first."""
    stmts = [s for s in claims.get(prop, []) if s.get("rank", "normal") != "deprecated"]
    return sorted(stmts, key=lambda s: s.get("rank") != "preferred")


def _snak_time(snak: dict[str, Any]) -> tuple[str, dt.date | None]:
    """('value', date-or-None) | ('somevalue', None) | ('novalue', None)."""
    kind = snak.get("snaktype", "value")
    if kind != "value":
        return kind, None
    v = snak.get("datavalue", {}).get("value", {})
    if not isinstance(v, dict) or "time" not in v:
        return "value", None
    return "value", parse_time(v["time"], v.get("precision", DAY), v.get("calendarmodel"))


def _first_date(claims: dict[str, Any], prop: str) -> dt.date | None:
    for s in _statements(claims, prop):
        kind, date = _snak_time(s.get("mainsnak", {}))
        if date is not None:
            return date
    return None


def _item(snak: dict[str, Any]) -> str | None:
    if snak.get("snaktype", "value") != "value":
        return None
    v = snak.get("datavalue", {}).get("value", {})
    return v.get("id") if isinstance(v, dict) else None


def import_entities(
    data: dict[str, Any], office_map: dict[str, str], country_map: dict[str, str] | None = None
) -> WikidataImport:
    out = WikidataImport()
    country_map = country_map or {}
    for key, ent in (data.get("entities") or {}).items():
        pid = ent.get("id", key)
        claims = ent.get("claims") or {}
        labels = ent.get("labels") or {}
        name = (labels.get("en") or labels.get("mul") or {}).get("value") or pid
        aliases = [a["value"] for a in (ent.get("aliases") or {}).get("en", []) if a.get("value") != name]
        country = next(
            (country_map[c] for s in _statements(claims, "P27") if (c := _item(s.get("mainsnak", {}))) in country_map),
            None,
        )
        out.people[pid] = {
            "id": pid,
            "name": name,
            "aliases": aliases,
            "born": _first_date(claims, "P569"),
            "died": _first_date(claims, "P570"),
            "country": country,
            "source": f"wikidata:{pid}",
        }
        for s in _statements(claims, "P39"):
            position = _item(s.get("mainsnak", {}))
            if position is None:
                continue
            office = office_map.get(position)
            if office is None:
                out.warnings.append(f"{pid}: position {position} maps to no KB office; skipped")
                continue
            quals = s.get("qualifiers") or {}
            starts = [_snak_time(q) for q in quals.get("P580", [])]
            ends = [_snak_time(q) for q in quals.get("P582", [])]
            _add_term(out, pid, office, position, starts, ends, s.get("id"))
    return out


def _add_term(
    out: WikidataImport,
    pid: str,
    office: str,
    position: str,
    starts: list[tuple[str, dt.date | None]],
    ends: list[tuple[str, dt.date | None]],
    statement: str | None = None,
) -> None:
    where = f"{pid} {position}" + (f" ({statement})" if statement else "")
    start = next((d for k, d in starts if d is not None), None)
    if start is None:
        why = "an unknown start" if any(k == "somevalue" for k, _ in starts) else (
            "a start coarser than a day" if starts else "no start"
        )
        out.warnings.append(f"{where}: {why}; skipped")
        return
    end: dt.date | None = None
    if ends:
        dated = [d for k, d in ends if d is not None]
        if dated:
            end = dated[0]
        elif all(k == "novalue" for k, _ in ends):
            end = None  # explicitly still serving
        else:
            why = "an unknown end" if any(k == "somevalue" for k, _ in ends) else "an end coarser than a day"
            out.warnings.append(f"{where}: {why}; skipped")
            return
    if end is not None and end < start:
        out.warnings.append(f"{where}: ends {end} before it starts {start}; skipped")
        return
    out.terms.append({"person": pid, "office": office, "start": start, "end": end, "source": f"wikidata:{pid}#P39"})


# --- SPARQL results ---------------------------------------------------------------------------


def _binding(row: dict[str, Any], name: str) -> dict[str, Any] | None:
    b = row.get(name)
    return b if isinstance(b, dict) and "value" in b else None


def _sparql_time(row: dict[str, Any], name: str) -> tuple[str, dt.date | None] | None:
    """None when unbound; ('somevalue', None) for a blank node; else ('value', date-or-None)."""
    b = _binding(row, name)
    if b is None:
        return None
    if b.get("type") == "bnode" or "/.well-known/genid/" in b["value"]:
        return "somevalue", None
    prec_b = _binding(row, f"{name}Precision")
    precision = int(prec_b["value"]) if prec_b else DAY
    return "value", parse_time(b["value"], precision)


def import_sparql(
    data: dict[str, Any], office_map: dict[str, str], country_map: dict[str, str] | None = None
) -> WikidataImport:
    out = WikidataImport()
    country_map = country_map or {}
    for n, row in enumerate(data["results"]["bindings"], 1):
        pb = _binding(row, "person")
        pid = qid(pb["value"]) if pb else None
        if pid is None:
            out.warnings.append(f"row {n}: no person; skipped")
            continue
        person = out.people.setdefault(
            pid, {"id": pid, "name": pid, "aliases": [], "born": None, "died": None, "country": None,
                  "source": f"wikidata:{pid}"}
        )
        label = _binding(row, "personLabel")
        if label and not re.fullmatch(r"Q\d+", label["value"]):
            person["name"] = label["value"]
        alt = _binding(row, "personAltLabel")
        if alt:
            for a in (x.strip() for x in alt["value"].split(",")):
                if a and a not in person["aliases"] and a != person["name"]:
                    person["aliases"].append(a)
        for var, key in (("birth", "born"), ("death", "died")):
            t = _sparql_time(row, var)
            if t and t[1] is not None and person[key] is None:
                person[key] = t[1]
        cb = _binding(row, "country")
        if cb and person["country"] is None and qid(cb["value"]) in country_map:
            person["country"] = country_map[qid(cb["value"])]
        pos_b = _binding(row, "position")
        if pos_b is None:
            continue
        position = qid(pos_b["value"]) or pos_b["value"]
        office = office_map.get(position)
        if office is None:
            out.warnings.append(f"{pid}: position {position} maps to no KB office; skipped")
            continue
        start, end = _sparql_time(row, "start"), _sparql_time(row, "end")
        _add_term(out, pid, office, position, [start] if start else [], [end] if end else [])
    return out


# --- entry point ------------------------------------------------------------------------------


def office_map_from(offices: Iterable[Any], extra: dict[str, str] | None = None) -> dict[str, str]:
    """{position QID: office id} from offices whose source is 'wikidata:Q..', plus `extra`."""
    mapping: dict[str, str] = {}
    for o in offices:
        m = re.fullmatch(r"wikidata:(Q\d+)", o.source.strip())
        if m:
            mapping.setdefault(m.group(1), o.id)
    mapping.update(extra or {})
    return mapping


def country_map_from(countries: Iterable[Any]) -> dict[str, str]:
    mapping = {}
    for c in countries:
        m = re.fullmatch(r"wikidata:(Q\d+)", c.source.strip())
        if m:
            mapping[m.group(1)] = c.id
    return mapping


def import_wikidata(
    data: Any, office_map: dict[str, str], country_map: dict[str, str] | None = None
) -> WikidataImport:
    """SPARQL results or entity JSON -> people and terms."""
    if not isinstance(data, dict):
        raise WikidataError("expected a JSON object")
    if isinstance(data.get("results"), dict) and "bindings" in data["results"]:
        return import_sparql(data, office_map, country_map)
    if isinstance(data.get("entities"), dict):
        return import_entities(data, office_map, country_map)
    raise WikidataError('neither SPARQL results ({"results": {"bindings": ...}}) nor entity JSON ({"entities": ...})')
