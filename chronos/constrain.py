"""Stage 2: mentions + facts + rules -> constraints, as plain data (no Z3 here).

Unknowns are integer day numbers (`date.toordinal()`): `P` the publication day, `S{i}`/`E{i}`
the first day and the day after the last of time expression i. Every claim an article makes
(a title, an age, an ordinal, a weekday beside a date) is a `Claim`: a formula, the rule that
fires when it has to be dropped, a weight saying how much it is trusted, and the spans and
facts that explain it. Reading conventions ("a past-tense weekday is in the week before
publication") are weighted `Soft` constraints.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from chronos.calendar import interval_of
from chronos.extract import Mentions, Timex
from chronos.kb import KB
from chronos.rules import Rule, RuleSet

Term = tuple[str | None, int]  # variable (None: a constant) plus an offset in days


def var(name: str, k: int = 0) -> Term:
    return (name, k)


def const(day: int) -> Term:
    return (None, day)


@dataclass(frozen=True)
class Cmp:
    a: Term
    op: str  # '<=', '<', '=='
    b: Term


@dataclass(frozen=True)
class InAny:
    """x lies in one of the half-open day intervals [a, b) (b None: open-ended)."""

    x: Term
    intervals: tuple[tuple[int, int | None], ...]


@dataclass(frozen=True)
class Overlaps:
    """[s, e) shares a day with one of the intervals."""

    s: Term
    e: Term
    intervals: tuple[tuple[int, int | None], ...]


@dataclass(frozen=True)
class WeekdayIs:
    x: Term
    weekday: int  # Monday 0


@dataclass(frozen=True)
class Not:
    f: "Formula"


@dataclass(frozen=True)
class And:
    fs: tuple["Formula", ...]


@dataclass(frozen=True)
class Or:
    fs: tuple["Formula", ...]


Formula = Cmp | InAny | Overlaps | WeekdayIs | Not | And | Or


@dataclass(frozen=True)
class FactRef:
    statement: str
    source: str


@dataclass(frozen=True)
class Claim:
    id: str
    rule: Rule
    formula: Formula
    spans: tuple[tuple[int, int], ...]  # the mention first
    says: str  # what the text claims, in words
    facts: tuple[FactRef, ...] = ()
    event_var: str | None = None  # a day variable whose resolved value explains the claim
    context: dict = field(default_factory=dict, hash=False, compare=False)

    @property
    def weight(self) -> int:
        return self.rule.weight


@dataclass(frozen=True)
class Soft:
    formula: Formula
    weight: int
    why: str
    prior: bool = False  # a prior only picks the best day; conventions also bound the interval


@dataclass
class Problem:
    text: str
    timexes: list[Timex]
    tenses: list[str]
    claims: list[Claim]
    soft: list[Soft]
    window: tuple[int, int]  # bounds on P
    extra_vars: list[str] = field(default_factory=list)


# Publication can be anywhere in this window unless the text says otherwise.
WINDOW = (dt.date(1902, 1, 1).toordinal(), dt.date(2030, 12, 31).toordinal())
KB_AS_OF = dt.date(2025, 11, 1)  # facts are complete to this day: alive, in office, ledgers
DATELINE_CHARS = 400  # a full date this close to the top is the article's dateline
VAR_KINDS = {"date", "month", "year", "quarter", "season", "weekday", "rel"}
DAY_KINDS = {"date", "weekday"}


def has_var(t: Timex) -> bool:
    return t.kind in VAR_KINDS


def is_day_level(t: Timex) -> bool:
    return t.kind in DAY_KINDS or (t.kind == "rel" and t.unit in ("D", "W", "WE"))


def fmt_date(d: dt.date | int) -> str:
    if isinstance(d, int):
        d = dt.date.fromordinal(d)
    return f"{d.day} {d:%b %Y}"


def _intervals(terms) -> tuple[tuple[int, int | None], ...]:
    return tuple(sorted((t.start.toordinal(), t.end.toordinal() if t.end else None) for t in terms))


class Builder:
    def __init__(self, mentions: Mentions, kb: KB | None, rules: RuleSet):
        self.m = mentions
        self.kb = kb
        self.rules = rules
        self.claims: list[Claim] = []
        self.soft: list[Soft] = []
        self.extra_vars: list[str] = []
        self.published: dt.date | None = None  # the given publication date, if any

    def claim(self, rule_id: str, formula: Formula, spans, says: str, facts=(), event_var=None, **context) -> None:
        rule = self.rules.get(rule_id)
        if rule is None or not rule.enabled:
            return
        self.claims.append(Claim(f"c{len(self.claims)}", rule, formula, tuple(spans), says, tuple(facts), event_var, context))

    # -- the time an event in a sentence happened -------------------------------------------
    def sentence_timex(self, start: int, end: int, *, day_level: bool = False, exclude: tuple[int, int] | None = None) -> int | None:
        """The time expression nearest to [start, end) in its sentence that says when the clause
        happened: a day ("on Thursday", "last week") or a period after a preposition ("in 2010"),
        not a modifier ("its 2014 borders")."""
        sent = self.m.sentences.sentence_of(start)
        best = None
        for i, t in enumerate(self.m.timexes):
            if not (sent.start <= t.start < sent.end) or not has_var(t):
                continue
            if day_level and not is_day_level(t):
                continue
            if not is_day_level(t) and not _ADVERBIAL.search(self.m.text[max(0, t.start - 20):t.start]):
                continue
            if exclude and exclude[0] <= t.start < exclude[1]:
                continue
            dist = abs(t.start - start)
            if best is None or dist < best[0]:
                best = (dist, i)
        return best[1] if best else None

    def reference(self, start: int, end: int) -> tuple[str, int | None]:
        """When a mention's clause happens: a time expression of its sentence, else its tense."""
        i = self.sentence_timex(start, end)
        if i is not None:
            return "timex", i
        return self.m.tense_of(start, end), None

    # -- conventions for reading each time expression ---------------------------------------
    def expression_conventions(self) -> None:
        for i, (t, tense) in enumerate(zip(self.m.timexes, self.m.tenses)):
            S, E = f"S{i}", f"E{i}"
            if t.kind == "weekday" and t.offset == 0:
                if tense == "future":
                    self.soft.append(Soft(And((Cmp(var("P"), "<=", var(S)), Cmp(var(S), "<=", var("P", 6)))), 2, f"'{t.text}' in the future tense: the coming week"))
                else:
                    self.soft.append(Soft(And((Cmp(var("P", -6), "<=", var(S)), Cmp(var(S), "<=", var("P")))), 2, f"'{t.text}' in the past tense: the week before publication"))
            elif t.kind in ("date", "month", "season") and t.year is None and t.offset == 0 and t.direction is None:
                if tense == "future" or _FUTURE_CUE.search(self.m.text, max(0, t.start - 40), t.start) or _FUTURE_AFTER.match(self.m.text, t.end):
                    self.soft.append(Soft(Cmp(var("P"), "<", var(E)), 2, f"'{t.text}' in the future tense: not yet over"))
                elif tense == "present" and self.published is not None:
                    # no tense to go by: the occurrence nearest publication
                    self.soft.append(Soft(And((Cmp(var("P", -183), "<=", var(S)), Cmp(var(S), "<=", var("P", 183)))), 2,
                                          f"'{t.text}': the nearest one to publication"))
                else:
                    self.soft.append(Soft(Cmp(var(S), "<=", var("P")), 2, f"'{t.text}' in the past tense: already begun"))
                # of the readings the tense allows, the one nearest publication (with a given date only:
                # it adds nothing to dating a text and slows the anchor search)
                if self.published is not None:
                    self.soft.append(Soft(And((Cmp(var("P", -300), "<=", var(S)), Cmp(var(S), "<=", var("P", 300)))), 1,
                             f"'{t.text}': within the year around publication"))
            if t.kind == "month" and t.direction and t.year is None and t.offset == 0:
                # "earlier in June": June is the current or the previous month
                self.soft.append(Soft(Cmp(var("P", -62), "<=", var(S)), 1, f"'{t.text}': a recent month"))

    def priors(self) -> None:
        """Where news usually sits relative to the dates it gives: these pick the best day
        inside the interval, never narrow it."""
        dated = [(t, i) for i, (t, tense) in enumerate(zip(self.m.timexes, self.m.tenses))
                 if t.kind in ("date", "month", "year", "quarter", "season") and t.year is not None and tense != "future"]
        head = [(t, i) for t, i in dated if t.kind == "date" and t.start < DATELINE_CHARS]
        if head:  # a dateline: the article's own date, or the day before
            t, i = head[0]
            self.soft.append(Soft(And((Cmp(var(f"S{i}"), "<=", var("P")), Cmp(var("P"), "<=", var(f"S{i}", 2)))), 8,
                                  f"'{t.text}' opens the article: its dateline", prior=True))
        if dated:  # written in, or the year after, the latest year it speaks of
            t, i = max(dated, key=lambda ti: (interval_of(ti[0])[1], ti[1]))
            self.soft.append(Soft(Cmp(var("P"), "<", var(f"E{i}", 366)), 2, f"'{t.text}' is the latest date the article gives", prior=True))
            self.soft.append(Soft(Cmp(var(f"S{i}"), "<=", var("P")), 2, f"'{t.text}' is the latest date the article gives", prior=True))
        for i, (t, tense) in enumerate(zip(self.m.timexes, self.m.tenses)):
            if t.kind == "date" and t.year is None and tense == "past":  # news reports recent days
                self.soft.append(Soft(Cmp(var("P"), "<=", var(f"S{i}", 14)), 1, f"'{t.text}': a recent day", prior=True))

    # -- claims ------------------------------------------------------------------------------
    def calendar_claims(self) -> None:
        for i, t in enumerate(self.m.timexes):
            if t.kind == "date" and t.weekday is not None:
                self.claim("Calendar.WeekdayMismatch", WeekdayIs(var(f"S{i}"), t.weekday), [(t.start, t.end)],
                           f"'{t.text}' names a {_WEEKDAYS[t.weekday]}", weekday=t.weekday, timex=i)

    def tense_claims(self) -> None:
        for i, (t, tense) in enumerate(zip(self.m.timexes, self.m.tenses)):
            if t.kind not in ("date", "month", "year") or t.year is None or t.value:
                continue
            if tense == "future":
                self.claim("Tense.FutureAboutPast", Cmp(var("P"), "<", var(f"E{i}")), [(t.start, t.end)],
                           f"'{t.text}' is spoken of in the future tense", timex=i)
            elif tense == "past":
                self.claim("Tense.PastAboutFuture", Cmp(var(f"S{i}"), "<=", var("P")), [(t.start, t.end)],
                           f"'{t.text}' is spoken of in the past tense", timex=i)

    def title_claims(self) -> None:
        kb = self.kb
        for tm in self.m.titles:
            terms = [t for pid in tm.people for t in kb.terms_of(pid) if t.office in tm.offices]
            if not terms:
                continue
            person = kb.people[tm.people[0]]
            office = kb.offices[tm.offices[0]]
            ivs = _intervals(terms)
            facts = tuple(FactRef(f"{person.name} was {office.label} from {fmt_date(t.start)}" + (f" to {fmt_date(t.end)}" if t.end else ""), t.source) for t in terms)
            span = [(tm.start, tm.end)]
            ctx = dict(person=person.name, office=office.label, title=tm.title, terms=[(t.start, t.end) for t in terms])
            if tm.modifier == "former":
                was_before = Cmp(const(min(t.end.toordinal() for t in terms if t.end) if any(t.end for t in terms) else WINDOW[1] + 1), "<=", var("P"))
                self.claim("Tenure.FormerWhileInOffice", And((Not(InAny(var("P"), ivs)), was_before)), span,
                           f"'{tm.text}' says {person.name} no longer held the office", facts, **ctx)
            elif tm.modifier == "late":
                died = person.died or KB_AS_OF
                self.claim("Life.LateButAlive", Cmp(const(died.toordinal()), "<=", var("P")), span,
                           f"'{tm.text}' says {person.name} had died",
                           (FactRef(f"{person.name} died on {fmt_date(person.died)}" if person.died else f"{person.name} was alive on {fmt_date(KB_AS_OF)}", person.source),), **ctx)
            elif tm.modifier == "elect":
                windows = tuple((t.elected.toordinal(), t.start.toordinal()) for t in terms if t.elected)
                if windows:
                    self._at_reference("Tenure.ElectOutsideTransition", tm, windows,
                                       f"'{tm.text}' says {person.name} had been elected but not yet sworn in", facts, ctx)
            elif tm.modifier in (None, "acting", "outgoing", "incoming"):
                self._at_reference("Tenure.TitleOutOfOffice", tm, ivs, f"'{tm.text}' says {person.name} held the office", facts, ctx)
            elif tm.modifier == "then":
                self.claim("Tenure.TitleOutOfOffice", Cmp(const(ivs[0][0]), "<=", var("P")), span,
                           f"'{tm.text}' says {person.name} had held the office", facts, **ctx)

    def _at_reference(self, rule: str, tm, ivs, says: str, facts, ctx) -> None:
        how, i = self.reference(tm.start, tm.end)
        span = [(tm.start, tm.end)]
        if how == "timex":
            t = self.m.timexes[i]
            self.claim(rule, Overlaps(var(f"S{i}"), var(f"E{i}"), ivs), span + [(t.start, t.end)], says, facts, event_var=f"S{i}", **ctx)
        elif how == "present":
            self.claim(rule, InAny(var("P"), ivs), span, says, facts, **ctx)
        elif how == "past":
            self.claim(rule, Cmp(const(ivs[0][0]), "<=", var("P")), span, says, facts, **ctx)
        elif how == "future" and all(b is not None for _, b in ivs):
            self.claim(rule, Cmp(var("P"), "<", const(max(b for _, b in ivs))), span, says, facts, **ctx)

    def age_claims(self) -> None:
        for am in self.m.ages:
            options = []
            facts = []
            for pid in am.people:
                p = self.kb.people[pid]
                if p.born is None:
                    continue
                options.append((_birthday(p.born, am.age).toordinal(), _birthday(p.born, am.age + 1).toordinal()))
                facts.append(FactRef(f"{p.name} was born on {fmt_date(p.born)}", p.source))
            if options:
                name = self.kb.people[am.people[0]].name
                self.claim("Life.AgeMismatch", InAny(var("P"), tuple(sorted(options))), [(am.start, am.end)],
                           f"'{am.text}' says {name} was {am.age}", facts, person=name, age=am.age)

    def series_claims(self) -> None:
        kb = self.kb
        for k, sm in enumerate(self.m.series):
            series = kb.series[sm.series]
            dates = [e.date.toordinal() for e in series.events]
            lo, hi = series.complete_from.toordinal(), series.complete_to.toordinal()
            i = self.sentence_timex(sm.start, sm.end, day_level=sm.ordinal is None, exclude=sm.since_span and (sm.since_span[0], sm.sentence[1]))
            if sm.ordinal is not None:
                candidates = self._nth_since(sm, series, dates)
                if not candidates:
                    continue
                ev = f"V{k}"
                self.extra_vars.append(ev)
                options = tuple(Cmp(var(ev), "==", const(c)) if c is not None else Cmp(const(hi), "<", var(ev)) for c in candidates)
                parts: list[Formula] = [Or(options), Cmp(var(ev), "<=", var("P"))]
                spans = [(sm.start, sm.end)]
                if i is not None:
                    t = self.m.timexes[i]
                    parts += [Cmp(var(f"S{i}"), "<=", var(ev)), Cmp(var(ev), "<", var(f"E{i}"))]
                    spans.append((t.start, t.end))
                known = [c for c in candidates if c is not None]
                facts = [FactRef(f"{series.label}: " + ", ".join(fmt_date(d) for d in dates if d >= (min(known) - 400 if known else 0))[:400], series.source)]
                self.claim("Series.OrdinalMismatch", And(tuple(parts)), spans,
                           f"'{_ordinal_phrase(self.m.text, sm)}' counts the {_nth(sm.ordinal)} {series.label.split(' between')[0].replace('publicly disclosed ', '')}",
                           facts, event_var=ev, series=series.label, ordinal=sm.ordinal)
            elif i is not None:
                t = self.m.timexes[i]
                ivs = tuple((d, d + 1) for d in dates) + ((WINDOW[0] - 400, lo), (hi + 1, None))
                facts = [FactRef(f"{series.label}, {fmt_date(lo)} to {fmt_date(hi)}: " + ", ".join(fmt_date(d) for d in dates), series.source)]
                self.claim("Series.UnknownEvent", Overlaps(var(f"S{i}"), var(f"E{i}"), ivs), [(t.start, t.end), (sm.start, sm.end)],
                           f"'{t.text}' dates one of the {series.label}", facts, event_var=f"S{i}", series=series.label)

    def _nth_since(self, sm, series, dates: list[int]) -> list[int | None]:
        """Candidate days of the n-th event after each possible start of the count (None: after the ledger ends)."""
        starts: list[int] = []
        if sm.since_people:
            starts = sorted({t.start.toordinal() for pid in sm.since_people for t in self.kb.terms_of(pid)})
        else:
            sent_start, sent_end = sm.since_span[0], sm.sentence[1]
            for t in self.m.timexes:
                if sent_start <= t.start < sent_end and t.kind in ("year", "month", "date") and t.year is not None:
                    starts = [interval_of(t)[1]]
                    break
        out: list[int | None] = []
        hi = series.complete_to.toordinal()
        for s in starts:
            after = [d for d in dates if d >= s]
            if s < series.complete_from.toordinal():
                continue  # the ledger cannot count from before it starts
            out.append(after[sm.ordinal - 1] if len(after) >= sm.ordinal and after[sm.ordinal - 1] <= hi else None)
        return out

    def event_claims(self) -> None:
        for em in self.m.events:
            i = self.sentence_timex(em.start, em.end)
            if i is None:
                continue
            evs = [self.kb.events[e] for e in em.events]
            ivs = tuple(sorted((e.date.toordinal(), (e.end or e.date).toordinal() + 1) for e in evs))
            t = self.m.timexes[i]
            facts = [FactRef(f"{e.label}: {fmt_date(e.date)}" + (f" to {fmt_date(e.end)}" if e.end else ""), e.source) for e in evs]
            self.claim("Events.DateMismatch", Overlaps(var(f"S{i}"), var(f"E{i}"), ivs), [(t.start, t.end), (em.start, em.end)],
                       f"'{t.text}' dates the {em.text}", facts, event_var=f"S{i}")


# Words before a day or month that put it ahead of the writing: deadlines, payments, schedules.
_FUTURE_CUE = re.compile(r"\b(?:by|until|till|through|payable|expires?|expiring|effective|deadline|scheduled(?:\s+for)?|due|record|"
                         r"starting|beginning|slated(?:\s+for)?|set\s+for|planned\s+for|extended\s+to|postponed\s+(?:to|until)|"
                         r"will|expected(?:\s+(?:in|on|by))?)\s+(?:on\s+|about\s+|around\s+|in\s+)?(?:(?:early|late|mid)[\s-]+)?$",
                         re.IGNORECASE)
_FUTURE_AFTER = re.compile(r"\s+(?:deadline|record\s+date|expiration)\b", re.IGNORECASE)

_ADVERBIAL = re.compile(r"\b(?:in|on|during|by|until|till|through|throughout|from|between|at|since|early|late|mid|of|around)\s+(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?$", re.IGNORECASE)

_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _nth(n: int) -> str:
    return {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth", 7: "seventh", 8: "eighth", 9: "ninth", 10: "tenth"}.get(n, f"{n}th")


def _ordinal_phrase(text: str, sm) -> str:
    sent = text[sm.sentence[0]:sm.sentence[1]]
    lo = sent.lower()
    for word in ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"):
        j = lo.find(word)
        if j >= 0:
            start = lo.rfind(" ", 0, max(0, j - 1))
            end = sm.since_span[1] - sm.sentence[0] if sm.since_span else sm.end - sm.sentence[0]
            tail = sent[end:].split(",")[0].split(" – ")[0].rstrip(".;:”\" \n")
            return (sent[start + 1:end] + tail).strip()
    return sm.text


def _birthday(born: dt.date, age: int) -> dt.date:
    try:
        return born.replace(year=born.year + age)
    except ValueError:  # 29 February
        return dt.date(born.year + age, 3, 1)


def build(mentions: Mentions, kb: KB | None, rules: RuleSet, published: dt.date | None) -> Problem:
    b = Builder(mentions, kb, rules)
    b.published = published
    b.expression_conventions()
    if published is None:
        b.priors()
    b.calendar_claims()
    b.tense_claims()
    if kb is not None:
        b.title_claims()
        b.age_claims()
        b.series_claims()
        b.event_claims()
    return Problem(mentions.text, mentions.timexes, mentions.tenses, b.claims, b.soft, WINDOW, b.extra_vars)
