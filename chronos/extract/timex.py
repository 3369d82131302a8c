"""Time expressions in English news: a regex grammar built from the lexicon.

Each match becomes a `Timex`: its TimeML extent (prepositions such as "on" stay
outside, as the TimeML guidelines draw them), its TIMEX3 type and what it means
relative to an unknown publication day. Values are filled in once the article is
anchored (see chronos.normalize).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from chronos.lexicon import alternation, lexicon


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    kind: str  # how it is resolved: see KINDS
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    offset: int = 0  # for relative kinds: -1 last, 0 this, +1 next, -N "N days ago"
    unit: str | None = None  # D W M Y Q ... for relative and duration kinds
    quarter: int | None = None
    season: str | None = None
    part: str | None = None  # MO AF EV NI: part of day
    value: str | None = None  # already known values: durations, refs, decades
    mod: str | None = None
    direction: str | None = None  # 'past' / 'future' when the words say so
    clock: str | None = None  # 'T15:00'


# kind -> meaning
KINDS = {
    "date": "a calendar day; year may be missing",
    "month": "a calendar month; year may be missing",
    "year": "a calendar year",
    "decade": "a decade (value set)",
    "season": "a season of a year; year may be relative",
    "quarter": "a quarter of a year",
    "weekday": "a day named by its weekday near publication",
    "rel": "offset units from publication (today, last week, two years ago)",
    "duration": "a length of time (value set)",
    "ref": "PRESENT_REF / PAST_REF / FUTURE_REF (value set)",
    "set": "a recurring time (value set)",
}


@functools.cache
def _grammar() -> list[tuple[str, re.Pattern[str]]]:
    lx = lexicon()
    month_words = list(lx["months"])
    ambiguous = set(lx["ambiguous_months"])
    # Abbreviations take an optional period; full names never do.
    def month_alt(words: list[str]) -> str:
        parts = []
        for w in sorted(set(words), key=lambda w: (-len(w), w)):
            full = lx["months"][w] and len(w) > 3 and w not in ("sept",)
            parts.append(re.escape(w) + ("" if full else r"\.?"))
        return "|".join(parts)

    MON = rf"(?P<mon>{month_alt(month_words)})"
    MON_SAFE = rf"(?P<mon>{month_alt([w for w in month_words if w not in ambiguous])})"
    wd_words = [w for w in lx["weekdays"] if w not in lx["ambiguous_weekdays"]]
    WD = rf"(?P<wd>{alternation(wd_words)}|(?:{alternation(lx['ambiguous_weekdays'])})\.)"
    DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
    YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
    NUM = rf"(?P<num>\d+(?:\.\d+)?|{alternation(list(lx['numbers']))})"
    UNIT = rf"(?P<unit>{alternation(list(lx['units']))})s?"
    PART = rf"(?P<part>{alternation(list(lx['parts_of_day']))})"
    SEASON = rf"(?P<season>{alternation(list(lx['seasons']))})"
    DMOD = rf"(?:(?P<dmod>{alternation(list(lx['duration_mods']))})\s+)?"
    PMOD = rf"(?:(?P<pmod>{alternation(list(lx['point_mods']))})[\s-]+)?"
    REL = r"(?P<rel>last|this|next|past|coming|previous|following|current)"
    ORD = rf"(?P<ord>{alternation(list(lx['quarters']))})"

    rules = [
        # Tuesday, Nov. 5, 2019 / Tuesday, Nov. 5 / Tuesday, 5 November
        ("wd_date", rf"{WD},?\s+{MON}\s+{DAY}(?:,?\s+{YEAR})?\b"),
        ("wd_date_dmy", rf"{WD},?\s+{DAY}\s+{MON}(?:,?\s+{YEAR})?\b"),
        ("mdy", rf"{PMOD}{MON}\s+{DAY}(?:,?\s+{YEAR})?(?![\d:])\b"),
        ("dmy", rf"{DAY}(?:\s+of)?\s+{MON}(?:,?\s+{YEAR})?\b"),
        ("iso", r"(?P<year>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<day>[0-3]\d)\b"),
        ("numeric", r"(?<![\d/.])(?P<a>[01]?\d)/(?P<b>[0-3]?\d)/(?P<y>\d{4}|\d{2})(?![\d/])"),
        ("month_year", rf"{PMOD}{MON},?\s+(?:of\s+)?{YEAR}\b"),
        ("month_rel", rf"{PMOD}(?P<rel>last|this|next|past)\s+{MON}\b"),
        ("earlier_in_month", rf"(?P<dir>earlier|later)\s+in\s+{MON}\b"),
        ("month_prep", rf"(?P<prep>in|since|until|by|from|through|of|during|before|after|to)\s+{PMOD}{MON}\b(?![\s-]*\d)"),
        ("month_pmod", rf"(?P<pmod2>early|late|mid)[\s-]+{MON}\b"),
        ("month_safe", rf"{MON_SAFE}\b(?![\s-]*\d)"),
        ("fiscal", rf"fiscal(?:\s+year)?\s+{YEAR}\b"),
        ("quarter", rf"the\s+{ORD}\s+quarter(?:\s+of\s+{YEAR}|(?:\s+of\s+)?\s*(?P<rel>this|last|next)\s+year)?"),
        ("season_year", rf"{PMOD}{SEASON}(?:\s+of)?\s+{YEAR}\b"),
        ("season_rel", rf"{PMOD}(?P<rel>last|this|next|past)\s+{SEASON}\b"),
        ("decade", r"(?:the\s+)?(?P<century>1[89]|20)(?P<decade>\d)0s\b|(?:the\s+)?['’](?P<short>\d)0s\b"),
        ("year_prep", rf"{PMOD}{YEAR}(?!\s*(?:%|percent|per cent)|[\d,.]\d|-\d)\b"),
        # today / yesterday / tomorrow (+ part of day)
        ("today", r"(?P<w>today|yesterday|tomorrow|tonight)(?:\s+(?P<part>morning|afternoon|evening|night))?\b"),
        ("rel_wd", rf"(?P<rel>last|this|next|this\s+past|this\s+coming)\s+{WD}(?:\s+{PART})?\b"),
        ("wd", rf"{WD}(?:['’]s)?(?:\s+{PART})?\b"),
        ("ago", rf"{NUM}\s+{UNIT}\s+(?P<dir>ago|earlier|before|later|from\s+now|hence)\b"),
        ("in_n", rf"(?<=\bin )(?:(?:about|nearly|around|just)\s+)?{NUM}\s+{UNIT}(?!\s+(?:of|old|after|before|since))\b"),
        ("earlier_this", rf"(?P<dir>earlier|later)\s+(?P<rel>this|last|next)\s+{UNIT}\b"),
        ("rel_unit", rf"{PMOD}(?:the\s+)?{REL}\s+{UNIT}\b"),
        ("the_past_n", rf"the\s+(?P<rel>past|last|next|coming|previous|following)\s+{NUM}\s+{UNIT}\b"),
        ("this_weekend", r"(?P<rel>this\s+past|this|last|next)\s+weekend\b"),
        ("duration", rf"{DMOD}{NUM}(?:[\s-]+|\s+(?:and\s+a\s+half\s+)?){UNIT}(?:[\s-]+(?:long|old))?\b"),
        ("a_unit", rf"{DMOD}(?P<art>a|an|one)\s+(?P<unit>year|month|week|decade|century|day)\b(?!\s+(?:after|before|ago|later|earlier))"),
        ("units_plural", r"(?P<unit>years|months|weeks|decades|days|hours|minutes)\b(?=\s+(?:of|ago|later|earlier|before|after))"),
        ("set", rf"(?P<every>every|each|per)\s+{UNIT}\b|(?P<adv>daily|weekly|monthly|annually|yearly)\b"),
        ("ref", rf"(?P<ref>{alternation(lx['present_refs'] + lx['past_refs'] + lx['future_refs'])})\b"),
        ("clock", r"(?P<h>[01]?\d)(?::(?P<min>[0-5]\d))?\s*(?P<ampm>a\.m\.|p\.m\.|am\b|pm\b)"),
    ]
    return [(name, re.compile(r"(?<![\w-])(?:" + rx + ")", re.IGNORECASE)) for name, rx in rules]


def _num(word: str) -> float | str:
    lx = lexicon()["numbers"]
    w = word.lower()
    if w in lx:
        return lx[w]
    try:
        return float(word) if "." in word else int(word)
    except ValueError:
        return "X"


def _unit(word: str) -> str:
    units = lexicon()["units"]
    w = word.lower()
    return units.get(w[:-1] if w.endswith("s") and w[:-1] in units else w, "D")


def _month(word: str) -> int:
    return lexicon()["months"][word.lower().rstrip(".")]


def _weekday(word: str) -> int:
    return lexicon()["weekdays"][word.lower().rstrip(".")]


_POINT_MOD = {"early": "START", "late": "END", "mid": "MID", "the end of": "END",
              "the beginning of": "START", "the start of": "START", "the middle of": "MID"}


def _build(name: str, m: re.Match[str], text: str) -> Timex | None:
    g = m.groupdict()
    s, e = m.span()
    mod = None
    if g.get("pmod"):
        mod = _POINT_MOD.get(g["pmod"].lower())
    elif g.get("pmod2"):
        mod = _POINT_MOD.get(g["pmod2"].lower())
    if g.get("prep"):  # the preposition is context, outside the TimeML extent
        s = m.start("pmod") if g.get("pmod") else m.start("mon")
    base = dict(start=s, end=e, text=text[s:e], mod=mod)
    year = int(g["year"]) if g.get("year") else None
    if name in ("wd_date", "wd_date_dmy", "mdy", "dmy", "iso"):
        day = int(g["day"])
        month = _month(g["mon"]) if g.get("mon") else int(g["m"])
        if not 1 <= day <= 31 or not 1 <= month <= 12:
            return None
        wd = _weekday(g["wd"]) if g.get("wd") else None
        return Timex(type="DATE", kind="date", year=year, month=month, day=day, weekday=wd, **base)
    if name == "numeric":
        return _numeric(g, base)
    if name in ("month_year", "month_prep", "month_safe", "month_pmod"):
        return Timex(type="DATE", kind="month", year=year, month=_month(g["mon"]), **base)
    if name == "month_rel":
        rel = g["rel"].lower()
        direction = {"last": "past", "past": "past", "next": "future"}.get(rel)
        return Timex(type="DATE", kind="month", month=_month(g["mon"]), direction=direction,
                     offset={"last": -1, "past": -1, "next": 1}.get(rel, 0), **base)
    if name == "earlier_in_month":
        # "earlier in June": June of the current year, before publication; the extent is the month.
        ms = m.start("mon")
        return Timex(start=ms, end=e, text=text[ms:e], type="DATE", kind="month", month=_month(g["mon"]),
                     direction="past" if g["dir"].lower() == "earlier" else "future", offset=0, mod=None)
    if name == "fiscal":
        return Timex(type="DATE", kind="year", year=year, value=f"FY{year}", **base)
    if name == "quarter":
        q = lexicon()["quarters"][g["ord"].lower()]
        rel = (g.get("rel") or "").lower()
        return Timex(type="DATE", kind="quarter", quarter=q, year=year,
                     offset={"last": -1, "next": 1}.get(rel, 0), **base)
    if name in ("season_year", "season_rel"):
        season = lexicon()["seasons"][g["season"].lower()]
        rel = (g.get("rel") or "").lower()
        return Timex(type="DATE", kind="season", season=season, year=year,
                     offset={"last": -1, "past": -1, "next": 1}.get(rel, 0), **base)
    if name == "decade":
        if g.get("short"):
            value = f"19{g['short']}"
        else:
            value = f"{g['century']}{g['decade']}"
        return Timex(type="DATE", kind="decade", value=value, **base)
    if name == "year_prep":
        before = text[max(0, s - 2):s]
        if before[-1:] in "$£€#" or re.search(r"[\d.,]\s?$", before):
            return None
        return Timex(type="DATE", kind="year", year=year, **base)
    if name == "today":
        w = g["w"].lower()
        off = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[w]
        part = lexicon()["parts_of_day"][g["part"].lower()] if g.get("part") else ("NI" if w == "tonight" else None)
        return Timex(type="TIME" if part else "DATE", kind="rel", unit="D", offset=off, part=part, **base)
    if name in ("rel_wd", "wd"):
        rel = (g.get("rel") or "").lower()
        direction = "past" if rel.startswith("last") or rel == "this past" else "future" if rel in ("next", "this coming") else None
        part = lexicon()["parts_of_day"][g["part"].lower()] if g.get("part") else None
        if name == "wd" and text[e - 2:e] in ("'s", "’s"):
            e -= 2
            base.update(end=e, text=text[s:e])
        return Timex(type="TIME" if part else "DATE", kind="weekday", weekday=_weekday(g["wd"]),
                     direction=direction, part=part, offset=-1 if rel == "last" else 1 if rel == "next" else 0, **base)
    if name == "ago":
        n = _num(g["num"])
        unit = _unit(g["unit"])
        d = g["dir"].lower()
        sign = -1 if d in ("ago", "earlier", "before") else 1
        if d in ("earlier", "before", "later"):
            # "two days later" counts from a narrative time, not publication: keep it a duration.
            return Timex(type="DURATION", kind="duration", value=_duration_value(n, unit), **base)
        if isinstance(n, str) or not float(n).is_integer():
            return Timex(type="DATE", kind="ref", value="PAST_REF" if sign < 0 else "FUTURE_REF", **base)
        return Timex(type="DATE", kind="rel", unit=unit, offset=sign * int(n), **base)
    if name == "in_n":
        n = _num(g["num"])
        unit = _unit(g["unit"])
        if isinstance(n, str) or not float(n).is_integer() or unit in ("S", "MIN", "H"):
            return Timex(type="DURATION", kind="duration", value=_duration_value(n, unit), **base)
        return Timex(type="DATE", kind="rel", unit=unit, offset=int(n), direction="future", **base)
    if name == "earlier_this":
        unit = _unit(g["unit"])
        rel = g["rel"].lower()
        return Timex(type="DATE", kind="rel", unit=unit, offset={"last": -1, "next": 1}.get(rel, 0),
                     direction="past" if g["dir"].lower() == "earlier" else "future", **base)
    if name == "rel_unit":
        unit = _unit(g["unit"])
        rel = g["rel"].lower()
        if rel in ("past", "coming", "following") and unit in "DWMYQ":
            # "the past week" is a span ending now, TimeML's DURATION
            return Timex(type="DURATION", kind="duration", value=_duration_value(1, unit), **base)
        if unit in ("S", "MIN", "H"):
            return Timex(type="DURATION", kind="duration", value=_duration_value(1, unit), **base)
        return Timex(type="DATE", kind="rel", unit=unit, offset={"last": -1, "previous": -1, "next": 1}.get(rel, 0), **base)
    if name == "the_past_n":
        n = _num(g["num"])
        return Timex(type="DURATION", kind="duration", value=_duration_value(n, _unit(g["unit"])), **base)
    if name == "this_weekend":
        rel = g["rel"].lower()
        return Timex(type="DATE", kind="rel", unit="WE", offset=-1 if rel in ("last", "this past") else 1 if rel == "next" else 0, **base)
    if name == "duration":
        n = _num(g["num"])
        unit = _unit(g["unit"])
        if isinstance(n, float) and n > 1000 or isinstance(n, int) and n > 1000:
            return None
        mod = lexicon()["duration_mods"].get((g.get("dmod") or "").lower())
        base["mod"] = mod
        return Timex(type="DURATION", kind="duration", value=_duration_value(n, unit), **base)
    if name == "a_unit":
        mod = lexicon()["duration_mods"].get((g.get("dmod") or "").lower())
        base["mod"] = mod
        return Timex(type="DURATION", kind="duration", value=_duration_value(1, _unit(g["unit"])), **base)
    if name == "units_plural":
        return Timex(type="DURATION", kind="duration", value=_duration_value("X", _unit(g["unit"])), **base)
    if name == "set":
        if g.get("adv"):
            unit = {"daily": "D", "weekly": "W", "monthly": "M", "annually": "Y", "yearly": "Y"}[g["adv"].lower()]
        else:
            unit = _unit(g["unit"])
        return Timex(type="SET", kind="set", value=_duration_value(1, unit), **base)
    if name == "ref":
        w = g["ref"].lower()
        lx = lexicon()
        value = "PRESENT_REF" if w in lx["present_refs"] else "PAST_REF" if w in lx["past_refs"] else "FUTURE_REF"
        return Timex(type="DATE", kind="ref", value=value, **base)
    if name == "clock":
        h = int(g["h"]) % 12 + (12 if g["ampm"].lower().startswith("p") else 0)
        minute = g.get("min") or "00"
        return Timex(type="TIME", kind="rel", unit="D", offset=0, clock=f"T{h:02d}:{minute}", **base)
    return None


def _numeric(g: dict[str, str], base: dict) -> Timex | None:
    """11/02/89 and the like: parsed with dateparser, US month-first order as US news writes it."""
    from chronos.extract._dateparse import parse_numeric

    parsed = parse_numeric(f"{g['a']}/{g['b']}/{g['y']}")
    if parsed is None:
        return None
    return Timex(type="DATE", kind="date", year=parsed.year, month=parsed.month, day=parsed.day, **base)


def _duration_value(n: float | int | str, unit: str) -> str:
    if isinstance(n, float) and n.is_integer():
        n = int(n)
    if unit == "DE":
        n, unit = (n * 10 if not isinstance(n, str) else "X"), "Y"
    if unit == "CE":
        n, unit = (n * 100 if not isinstance(n, str) else "X"), "Y"
    if unit in ("H", "S", "MIN"):
        return f"PT{n}{unit[0]}"
    return f"P{n}{unit}"


_PRIORITY = {name: i for i, name in enumerate(
    ["wd_date", "wd_date_dmy", "iso", "numeric", "mdy", "dmy", "month_year", "quarter", "season_year",
     "fiscal", "earlier_in_month", "month_rel", "month_pmod", "month_prep", "month_safe", "season_rel",
     "decade", "today", "rel_wd", "ago", "earlier_this", "the_past_n", "this_weekend", "rel_unit", "in_n",
     "year_prep", "wd", "duration", "a_unit", "units_plural", "set", "clock", "ref"])}


def find_timexes(text: str) -> list[Timex]:
    """All time expressions, leftmost-longest, without overlaps, in text order."""
    candidates: list[tuple[int, int, int, Timex]] = []
    for name, rx in _grammar():
        for m in rx.finditer(text):
            tx = _build(name, m, text)
            if tx is not None and tx.end > tx.start:
                candidates.append((tx.start, -(tx.end - tx.start), _PRIORITY[name], tx))
    candidates.sort(key=lambda c: c[:3])
    chosen: list[Timex] = []
    last_end = -1
    for start, _neg_len, _prio, tx in candidates:
        if start >= last_end:
            chosen.append(tx)
            last_end = tx.end
    return chosen
