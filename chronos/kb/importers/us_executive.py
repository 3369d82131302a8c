"""Import US presidents and vice presidents from unitedstates/congress-legislators' executive.yaml (CC0).

* One Person per entry, id = Wikidata QID where verified (table below or the file's own
  ``id.wikidata``), else ``bioguide:X`` / ``govtrack:N``.
* Consecutive terms of the same office are merged into one continuous term. ``end`` is the first
  day out of office (the successor's first day: handover on the same day). An end after today is
  a scheduled end of a current term and is written as ``None`` (still serving).
* ``elected`` (election day, for "President-elect") on the first term of a run that began by
  election in 1988 or later; US presidential elections fall on the Tuesday after the first Monday
  of November of the year before the January inauguration.
* People and (person, office) pairs already present in hand-written KB files are left out, so
  ids never clash (``skip_people`` / ``skip_terms``).
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml

OFFICES = {"prez": "us-president", "viceprez": "us-vice-president"}

# govtrack id -> Wikidata QID, checked against public lists of presidents' QIDs
# (and the file's own id.wikidata where present).
QIDS: dict[int, str] = {
    410956: "Q11613",  # Harry S. Truman
    412366: "Q9916",  # Dwight D. Eisenhower
    406274: "Q9696",  # John F. Kennedy
    406058: "Q9640",  # Lyndon B. Johnson
    408200: "Q9588",  # Richard Nixon
    404212: "Q9582",  # Gerald Ford
    412371: "Q23685",  # Jimmy Carter
    412372: "Q9960",  # Ronald Reagan
    402108: "Q23505",  # George H. W. Bush
    404679: "Q19673",  # Al Gore
    412374: "Q1124",  # Bill Clinton
    402484: "Q48259",  # Dick Cheney
    412375: "Q207",  # George W. Bush
    300008: "Q6279",  # Joe Biden
    400629: "Q76",  # Barack Obama
    400315: "Q24313",  # Mike Pence
    412733: "Q22686",  # Donald Trump
    412678: "Q10853588",  # Kamala Harris
    456876: "Q28935729",  # JD Vance
}

# Names as news writes them, where "first last" is not it; and deaths (not in the file).
NAMES: dict[int, tuple[str, list[str]]] = {
    402108: ("George H. W. Bush", ["George H.W. Bush", "George Bush", "Bush", "George Herbert Walker Bush", "Bush Sr."]),
    412375: ("George W. Bush", ["George Bush", "Bush", "George Walker Bush", "Dubya"]),
    410956: ("Harry S. Truman", ["Harry Truman", "Truman"]),
    412366: ("Dwight D. Eisenhower", ["Dwight Eisenhower", "Eisenhower", "Ike"]),
    406274: ("John F. Kennedy", ["JFK", "Kennedy", "John Kennedy"]),
    406058: ("Lyndon B. Johnson", ["LBJ", "Lyndon Johnson", "Johnson"]),
    412364: ("Franklin D. Roosevelt", ["FDR", "Franklin Roosevelt", "Roosevelt"]),
    412733: ("Donald Trump", ["Trump", "Donald J. Trump"]),
    456876: ("JD Vance", ["Vance", "J.D. Vance"]),
}
DIED: dict[int, dt.date] = {
    410956: dt.date(1972, 12, 26),
    412366: dt.date(1969, 3, 28),
    406274: dt.date(1963, 11, 22),
    406058: dt.date(1973, 1, 22),
    408200: dt.date(1994, 4, 22),
    404212: dt.date(2006, 12, 26),
    412371: dt.date(2024, 12, 29),
    412372: dt.date(2004, 6, 5),
    402108: dt.date(2018, 11, 30),
    407824: dt.date(2021, 4, 19),  # Walter Mondale
    402484: dt.date(2025, 11, 3),  # Dick Cheney
    412593: dt.date(1996, 9, 17),  # Spiro Agnew
}
FIRST_ELECTED_YEAR = 1988


def election_day(year: int) -> dt.date:
    """The Tuesday after the first Monday of November."""
    nov1 = dt.date(year, 11, 1)
    first_monday = nov1 + dt.timedelta(days=(0 - nov1.weekday()) % 7)
    return first_monday + dt.timedelta(days=1)


def _person_id(entry: dict[str, Any]) -> str:
    ids = entry["id"]
    gt = ids.get("govtrack")
    if gt in QIDS:
        return QIDS[gt]
    if ids.get("wikidata"):
        return ids["wikidata"]
    if ids.get("bioguide"):
        return f"bioguide:{ids['bioguide']}"
    return f"govtrack:{gt}"


def _source(entry: dict[str, Any]) -> str:
    ids = entry["id"]
    key = f"bioguide {ids['bioguide']}" if ids.get("bioguide") else f"govtrack {ids['govtrack']}"
    return f"dataset:us-executive {key}"


def _names(entry: dict[str, Any]) -> tuple[str, list[str]]:
    n = entry["name"]
    first, last = n.get("first", ""), n["last"]
    given = n.get("nickname") or first
    name = f"{given} {last}"
    aliases = [last]
    if n.get("middle"):
        aliases.append(f"{first} {n['middle']} {last}")
        aliases.append(f"{first} {n['middle'][0]}. {last}")
    if n.get("nickname"):
        aliases.append(f"{first} {last}")
    if n.get("official_full"):
        aliases.append(n["official_full"])
    if n.get("suffix"):
        aliases.append(f"{name} {n['suffix']}")
    override = NAMES.get(entry["id"].get("govtrack"))
    if override:
        name, extra = override
        aliases = extra + aliases
    seen: list[str] = []
    for a in aliases:
        if a != name and a not in seen:
            seen.append(a)
    return name, seen


def _date(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def _tenures(entry: dict[str, Any]) -> list[dict[str, Any]]:
    """Each unbroken stretch in one office (consecutive terms merge), with the term that opened it."""
    runs: list[dict[str, Any]] = []
    for t in sorted(entry.get("terms", []), key=lambda t: str(t["start"])):
        office = OFFICES.get(t.get("type"))
        if office is None:
            continue
        start, end = _date(t["start"]), _date(t["end"])
        prev = runs[-1] if runs else None
        if prev and prev["office"] == office and start <= prev["end"]:
            prev["end"] = max(prev["end"], end)
        else:
            runs.append({"office": office, "start": start, "end": end, "first": t})
    return runs


def _ordinals(entries: list[dict[str, Any]]) -> dict[tuple[str, dt.date], int]:
    """The dataset lists every president and vice president since 1789, so a tenure's rank among
    its office's tenures is the number news gives it (Cleveland the 22nd and 24th)."""
    counts: dict[str, int] = {}
    ordinals = {}
    for office, start in sorted((run["office"], run["start"]) for entry in entries for run in _tenures(entry)):
        counts[office] = counts.get(office, 0) + 1
        ordinals[office, start] = counts[office]
    return ordinals


def import_us_executive(
    path: Path,
    skip_people: set[str] | frozenset[str] = frozenset(),
    skip_terms: set[tuple[str, str]] | frozenset[tuple[str, str]] = frozenset(),
    today: dt.date | None = None,
) -> dict[str, Any]:
    today = today or dt.date.today()
    entries = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    if not isinstance(entries, list):
        raise ValueError(f"{path}: expected a list of people")
    people, terms = [], []
    ordinals = _ordinals(entries)  # hand-written terms are skipped below but still counted
    for entry in entries:
        pid, source = _person_id(entry), _source(entry)
        runs: list[dict[str, Any]] = []
        for tenure in _tenures(entry):
            office, start = tenure["office"], tenure["start"]
            elected = None
            if tenure["first"].get("how") == "election" and start.year - 1 >= FIRST_ELECTED_YEAR:
                elected = election_day(start.year - 1)
            runs.append({"person": pid, "office": office, "start": start, "end": tenure["end"], "elected": elected,
                         "ordinal": ordinals[office, start], "source": source})
        kept = []
        for run in runs:
            if run["end"] is not None and run["end"] > today:
                run["end"] = None  # the scheduled end of a current term
            if (pid, run["office"]) not in skip_terms:
                kept.append(run)
        if pid not in skip_people and runs:  # a hand-written person keeps their id; their other terms come from here
            name, aliases = _names(entry)
            born = entry.get("bio", {}).get("birthday")
            people.append({
                "id": pid, "name": name, "aliases": aliases,
                "born": _date(born) if born else None,
                "died": DIED.get(entry["id"].get("govtrack")),
                "country": "US", "source": source,
            })
        terms.extend(kept)
    terms.sort(key=lambda t: (t["office"], t["start"]))
    return {"people": people, "terms": terms}
