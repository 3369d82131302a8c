"""Import UK cabinet offices from the Institute for Government Ministers Database (CC BY 4.0).

Input: the directory holding person.csv, post.csv, organisation.csv and appointment.csv.

* Only posts that news uses as titles are mapped (``POSTS``: post name -> office ids); renamed
  departments map to the same office (FCO and FCDO are both ``uk-foreign-secretary``).
* Appointments of one person to one office that touch or overlap (a reshuffle re-appointing the
  same minister) are merged into one term. ``end`` is the dataset's end date: the day the successor
  was appointed, so handovers happen on the same day. An empty end date means still serving.
* Person ids are ``ifg:<slug of the person's first name in the data>`` (stable across imports),
  or a Wikidata QID from ``QIDS`` where verified. Birth dates are not in the data (None).
"""
from __future__ import annotations

import csv
import datetime as dt
import re
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Any

SOURCE = "dataset:uk-ministers"

# id: (label, titles, wikidata source or None)
OFFICES: dict[str, tuple[str, list[str], str | None]] = {
    "uk-prime-minister": ("Prime Minister of the United Kingdom",
                          ["Prime Minister", "PM", "British Prime Minister", "UK Prime Minister", "Premier"], "Q14211"),
    "uk-deputy-prime-minister": ("Deputy Prime Minister of the United Kingdom", ["Deputy Prime Minister", "DPM"], None),
    "uk-chancellor-of-the-exchequer": ("Chancellor of the Exchequer", ["Chancellor", "Chancellor of the Exchequer"], None),
    "uk-foreign-secretary": ("Foreign Secretary of the United Kingdom",
                             ["Foreign Secretary", "British Foreign Secretary", "Foreign Minister",
                              "Secretary of State for Foreign and Commonwealth Affairs",
                              "Secretary of State for Foreign, Commonwealth and Development Affairs"], None),
    "uk-home-secretary": ("Home Secretary of the United Kingdom", ["Home Secretary"], None),
    "uk-defence-secretary": ("Secretary of State for Defence", ["Defence Secretary", "Defense Secretary"], None),
    "uk-health-secretary": ("Secretary of State for Health and Social Care", ["Health Secretary"], None),
    "uk-justice-secretary": ("Secretary of State for Justice", ["Justice Secretary"], None),
    "uk-lord-chancellor": ("Lord Chancellor", ["Lord Chancellor"], None),
    "uk-education-secretary": ("Secretary of State for Education", ["Education Secretary"], None),
    "uk-work-and-pensions-secretary": ("Secretary of State for Work and Pensions",
                                       ["Work and Pensions Secretary", "Work Secretary"], None),
    "uk-social-security-secretary": ("Secretary of State for Social Security", ["Social Security Secretary"], None),
    "uk-employment-secretary": ("Secretary of State for Employment", ["Employment Secretary"], None),
    "uk-business-secretary": ("Secretary of State for Business (Trade and Industry)",
                              ["Business Secretary", "Trade and Industry Secretary", "Business and Trade Secretary"], None),
    "uk-trade-secretary": ("Secretary of State for (International) Trade",
                           ["Trade Secretary", "International Trade Secretary"], None),
    "uk-transport-secretary": ("Secretary of State for Transport", ["Transport Secretary"], None),
    "uk-environment-secretary": ("Secretary of State for the Environment",
                                 ["Environment Secretary"], None),
    "uk-culture-secretary": ("Secretary of State for Culture, Media and Sport", ["Culture Secretary"], None),
    "uk-energy-secretary": ("Secretary of State for Energy", ["Energy Secretary"], None),
    "uk-science-secretary": ("Secretary of State for Science, Innovation and Technology",
                             ["Science Secretary", "Technology Secretary"], None),
    "uk-communities-secretary": ("Secretary of State for Housing, Communities and Local Government",
                                 ["Communities Secretary", "Housing Secretary", "Levelling Up Secretary",
                                  "Local Government Secretary"], None),
    "uk-brexit-secretary": ("Secretary of State for Exiting the European Union", ["Brexit Secretary"], None),
    "uk-international-development-secretary": ("Secretary of State for International Development",
                                               ["International Development Secretary", "Development Secretary"], None),
    "uk-northern-ireland-secretary": ("Secretary of State for Northern Ireland", ["Northern Ireland Secretary"], None),
    "uk-scotland-secretary": ("Secretary of State for Scotland", ["Scottish Secretary", "Scotland Secretary"], None),
    "uk-wales-secretary": ("Secretary of State for Wales", ["Welsh Secretary", "Wales Secretary"], None),
    "uk-attorney-general": ("Attorney General for England and Wales", ["Attorney General"], None),
    "uk-chancellor-of-the-duchy-of-lancaster": ("Chancellor of the Duchy of Lancaster",
                                                ["Chancellor of the Duchy of Lancaster"], None),
}

# post name (post.csv `name`) -> office ids. Only posts of rank PM, DPM or SoS are read.
POSTS: dict[str, list[str]] = {
    "Prime Minister": ["uk-prime-minister"],
    "Deputy Prime Minister": ["uk-deputy-prime-minister"],
    "Chancellor of the Exchequer": ["uk-chancellor-of-the-exchequer"],
    "Secretary of State for Foreign and Commonwealth Affairs": ["uk-foreign-secretary"],
    "Secretary of State for Foreign, Commonwealth and Development Affairs": ["uk-foreign-secretary"],
    "Secretary of State for the Home Department": ["uk-home-secretary"],
    "Secretary of State for Defence": ["uk-defence-secretary"],
    "Secretary of State for Health": ["uk-health-secretary"],
    "Secretary of State for Health and Social Care": ["uk-health-secretary"],
    "Secretary of State for Justice and Lord Chancellor": ["uk-justice-secretary", "uk-lord-chancellor"],
    "Secretary of State for Constitutional Affairs and Lord Chancellor": ["uk-lord-chancellor"],
    "Lord Chancellor": ["uk-lord-chancellor"],
    "Secretary of State for Education and Science": ["uk-education-secretary"],
    "Secretary of State for Education": ["uk-education-secretary"],
    "Secretary of State for Education and Employment": ["uk-education-secretary"],
    "Secretary of State for Education and Skills": ["uk-education-secretary"],
    "Secretary of State for Children, Schools and Families": ["uk-education-secretary"],
    "Secretary of State for Work and Pensions": ["uk-work-and-pensions-secretary"],
    "Secretary of State for Social Security": ["uk-social-security-secretary"],
    "Secretary of State for Employment": ["uk-employment-secretary"],
    "Secretary of State for Trade and Industry": ["uk-business-secretary"],
    "Secretary of State for Business, Enterprise and Regulatory Reform": ["uk-business-secretary"],
    "Secretary of State for Business, Innovation and Skills": ["uk-business-secretary"],
    "Secretary of State for Business, Energy and Industrial Strategy": ["uk-business-secretary"],
    "Secretary of State for Business and Trade": ["uk-business-secretary", "uk-trade-secretary"],
    "Secretary of State for International Trade": ["uk-trade-secretary"],
    "Secretary of State for Transport": ["uk-transport-secretary"],
    "Secretary of State for Transport, Local Government and the Regions": ["uk-transport-secretary"],
    "Secretary of State for the Environment, Transport and the Regions": ["uk-environment-secretary",
                                                                          "uk-transport-secretary"],
    "Secretary of State for the Environment": ["uk-environment-secretary"],
    "Secretary of State for Environment, Food and Rural Affairs": ["uk-environment-secretary"],
    "Secretary of State for National Heritage": ["uk-culture-secretary"],
    "Secretary of State for Culture, Media and Sport": ["uk-culture-secretary"],
    "Secretary of State for Culture, Olympics, Media and Sport": ["uk-culture-secretary"],
    "Secretary of State for Digital, Culture, Media and Sport": ["uk-culture-secretary"],
    "Secretary of State for Energy": ["uk-energy-secretary"],
    "Secretary of State for Energy and Climate Change": ["uk-energy-secretary"],
    "Secretary of State for Energy Security and Net Zero": ["uk-energy-secretary"],
    "Secretary of State for Science, Innovation and Technology": ["uk-science-secretary"],
    "Secretary of State for Communities and Local Government": ["uk-communities-secretary"],
    "Secretary of State for Housing, Communities and Local Government": ["uk-communities-secretary"],
    "Secretary of State for Levelling Up, Housing and Communities": ["uk-communities-secretary"],
    "Secretary of State for Exiting the European Union": ["uk-brexit-secretary"],
    "Secretary of State for International Development": ["uk-international-development-secretary"],
    "Secretary of State for Northern Ireland": ["uk-northern-ireland-secretary"],
    "Secretary of State for Scotland": ["uk-scotland-secretary"],
    "Secretary of State for Wales": ["uk-wales-secretary"],
    "Attorney General": ["uk-attorney-general"],
    "Chancellor of the Duchy of Lancaster": ["uk-chancellor-of-the-duchy-of-lancaster"],
}
RANKS = {"PM", "DPM", "SoS"}
# Deputy Prime Minister posts carry rank DPM; a few other posts share a name at a lower rank.

# IfG person id -> Wikidata QID, for ids verified against public Wikidata listings.
QIDS: dict[str, str] = {}

_PEER = re.compile(r"^(Lord|Baroness|Lady|Viscount|Earl|Sir|Dame)\s+", re.I)


def _slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _date(text: str) -> dt.date | None:
    text = (text or "").strip()
    return dt.date.fromisoformat(text) if text else None


def _read(directory: Path, name: str) -> list[dict[str, str]]:
    path = directory / name
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _names(rows: list[dict[str, str]]) -> tuple[str, list[str]]:
    """The name news uses most (the commoner name), and every other form."""
    rows = sorted(rows, key=lambda r: r.get("start_date") or "")
    commoner = [r for r in rows if not _PEER.match(r["display_name"] or r["name"])]
    main = (commoner[-1] if commoner else rows[-1])
    name = main["display_name"] or main["name"]
    forms: list[str] = []
    for r in rows:
        for key in ("name", "display_name", "normalized_name", "short_name"):
            value = (r.get(key) or "").strip()
            if value:
                forms.append(value)
                m = re.match(r"^(Lord|Baroness|Lady)\s+(.+?)\s+of\s+", value)
                if m:
                    forms.append(f"{m.group(1)} {m.group(2)}")  # "Lord Cameron of Chipping Norton" -> "Lord Cameron"
    aliases: list[str] = []
    for f in forms:
        if f != name and f not in aliases:
            aliases.append(f)
    return name, aliases


def _merge(spans: list[tuple[dt.date, dt.date | None, str]]) -> list[tuple[dt.date, dt.date | None, list[str]]]:
    merged: list[list[Any]] = []
    for start, end, app in sorted(spans, key=lambda s: s[0]):
        if merged:
            last = merged[-1]
            if last[1] is None or start <= last[1]:
                if last[1] is not None:
                    last[1] = None if end is None else max(last[1], end)
                last[2].append(app)
                continue
        merged.append([start, end, [app]])
    return [(s, e, a) for s, e, a in merged]


def _resolve_overlaps(terms: list[dict[str, Any]]) -> None:
    """One holder at a time: a term lying inside another's (cover during leave) is marked acting;
    a successor appointed a few days before the predecessor's recorded end takes over on that day."""
    by_office: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for t in terms:
        by_office[t["office"]].append(t)
    for items in by_office.values():
        current: dict[str, Any] | None = None
        for t in items:  # sorted by start
            if current is not None and (current["end"] is None or t["start"] < current["end"]):
                inside = t["end"] is not None and (current["end"] is None or t["end"] <= current["end"])
                if inside and t["start"] > current["start"]:
                    t["acting"] = True
                    continue
                current["end"] = t["start"]
            current = t


# The data starts in 1979 with Margaret Thatcher, the 49th prime minister on the numbered list
# (wikipedia:List of prime ministers of the United Kingdom); the list counts each person once.
FIRST_PRIME_MINISTER_ORDINAL = 49


def _number_prime_ministers(terms: list[dict[str, Any]]) -> None:
    numbers: dict[str, int] = {}
    for t in terms:  # in date order
        if t["office"] == "uk-prime-minister":
            t["ordinal"] = numbers.setdefault(t["person"], FIRST_PRIME_MINISTER_ORDINAL + len(numbers))


def import_uk_ministers(directory: Path, skip_people: set[str] | frozenset[str] = frozenset()) -> dict[str, Any]:
    directory = Path(directory)
    posts = {p["id"]: p for p in _read(directory, "post.csv")}
    people_rows: dict[str, list[dict[str, str]]] = defaultdict(list)
    for r in _read(directory, "person.csv"):
        people_rows[r["id"]].append(r)
    spans: dict[tuple[str, str], list[tuple[dt.date, dt.date | None, str]]] = defaultdict(list)
    for a in _read(directory, "appointment.csv"):
        post = posts.get(a["post_id"])
        if post is None or post["rank_equivalence"] not in RANKS:
            continue
        for office in POSTS.get(post["name"], []):
            start = _date(a["start_date"])
            if start is None:
                continue
            spans[(a["person_id"], office)].append((start, _date(a["end_date"]), a["id"]))

    ids: dict[str, str] = {}
    used: set[str] = set()
    for ifg_id in sorted({p for p, _ in spans}, key=lambda i: (sorted(r["name"] for r in people_rows[i]), i)):
        if ifg_id in QIDS:
            ids[ifg_id] = QIDS[ifg_id]
            continue
        rows = sorted(people_rows[ifg_id], key=lambda r: r.get("start_date") or "")
        base = f"ifg:{_slug(rows[0]['name']) if rows else ifg_id}"
        pid, n = base, 2
        while pid in used:
            pid, n = f"{base}-{n}", n + 1
        used.add(pid)
        ids[ifg_id] = pid

    people = []
    for ifg_id, pid in sorted(ids.items(), key=lambda kv: kv[1]):
        if pid in skip_people:
            continue
        name, aliases = _names(people_rows[ifg_id])
        people.append({"id": pid, "name": name, "aliases": aliases, "country": "GB",
                       "source": f"{SOURCE} person {ifg_id}"})
    terms = []
    for (ifg_id, office), items in spans.items():
        for start, end, apps in _merge(items):
            terms.append({"person": ids[ifg_id], "office": office, "start": start, "end": end,
                          "source": f"{SOURCE} appointment {apps[0]}"})
    terms.sort(key=lambda t: (t["office"], t["start"], t["person"]))
    _resolve_overlaps(terms)
    _number_prime_ministers(terms)
    used_offices = {t["office"] for t in terms}
    offices = []
    for oid, (label, titles, qid) in OFFICES.items():
        if oid in used_offices:
            offices.append({"id": oid, "label": label, "titles": titles, "country": "GB",
                            "source": f"wikidata:{qid}" if qid else f"{SOURCE} posts ({label})"})
    return {"offices": offices, "people": people, "terms": terms}
