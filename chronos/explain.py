"""Stage 4: a conflicting set of claims -> a finding an editor can read in one sentence."""
from __future__ import annotations

import datetime as dt
from collections import defaultdict

from chronos.calendar import valid_date
from chronos.constrain import Claim, Problem, birthday, fmt_date, fmt_range, full_years
from chronos.document import Document
from chronos.model import Fact, Finding
from chronos.solve import Conflict, Solution

_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _quote(doc: Document, span: tuple[int, int]) -> str:
    return f"'{doc.text[span[0]:span[1]]}'"


def _claim_evidence(doc: Document, c: Claim, values: dict[str, int], show_day: bool = False) -> str:
    text = _quote(doc, c.spans[0])
    if c.rule.id.startswith("Series.OrdinalMismatch"):
        text = f"'{c.says.split(chr(39))[1]}'" if "'" in c.says else text
    if c.event_var and c.event_var in values and (show_day or not c.event_var.startswith("S")):
        text += f" ({fmt_date(values[c.event_var])})"
    return text


def _evidence_day(others: list[Claim], sol: Solution) -> int | None:
    """The day the other claims of a conflict resolve to, when one of them names a day."""
    days = [sol.values[c.event_var] for c in others if c.event_var in sol.values]
    return max(days) if days else None


def _join(items: list[str]) -> str:
    items = list(dict.fromkeys(items))
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _term_fact(c: Claim, day: int) -> str:
    person, office = c.context.get("person", "?"), c.context.get("office", "?")
    terms = c.context.get("terms", [])
    for start, end in terms:
        if start.toordinal() <= day and (end is None or day < end.toordinal()):
            return f"{person} was {office} (since {fmt_date(start)})"
    spans = "; ".join(f"{fmt_date(s)} to {fmt_date(e) if e else 'now'}" for s, e in terms)
    return f"{person} was not {office} (in office {spans})"


def _age(born: dt.date, day: int) -> int:
    return full_years(born, dt.date.fromordinal(day))


def _fact(c: Claim, sol: Solution, doc: Document, evidence_day: int | None = None) -> str:
    rule = c.rule.id
    day = evidence_day if evidence_day is not None else sol.best if sol.best is not None else 0
    if rule == "Tenure.LengthMismatch":
        first, last = c.context["first"], c.context["last"]
        at = min(filter(None, (evidence_day if evidence_day is not None else sol.best, last.toordinal() if last else None)), default=None)
        held = f"{c.context['person']} was {c.context['office']} from {fmt_date(first)}" + (f" to {fmt_date(last)}" if last else "")
        return held if at is None else f"{held}: {_age(first, at)} full years by {fmt_date(at)}"
    if rule.startswith("Tenure."):
        if rule == "Tenure.ElectOutsideTransition":
            windows = " and ".join(f"from {fmt_date(a)} to {fmt_date(b)}" for a, b in c.context.get("elect", []))
            return f"{c.context.get('person')} was {c.context.get('title', '')}-elect only {windows}" if windows else \
                f"{c.context.get('person')} was not between election and inauguration"
        return _term_fact(c, day)
    if rule == "Stale.MajorityMismatch":
        holders = [f"the {party} party (from {fmt_date(start)})" for party, start, end in c.context.get("holders", [])
                   if start.toordinal() <= day and (end is None or day < end.toordinal())]
        return f"{' or '.join(holders)} held it" if holders else (c.facts[0].statement if c.facts else "")
    if rule == "Stale.RankMismatch":
        holders = [f"{name} (from {fmt_date(start)})" for name, start, end in c.context.get("holders", [])
                   if start.toordinal() <= day and (end is None or day < end.toordinal())]
        return f"{c.context['ranking']} was {' or '.join(holders)}" if holders else (c.facts[0].statement if c.facts else "")
    if rule == "Series.MemberCountMismatch":
        for count, start, end in c.context.get("counts", []):
            if start.toordinal() <= day and (end is None or day < end.toordinal()):
                return f"{c.context['body']} had {count} members (from {fmt_date(start)})"
        return c.facts[0].statement if c.facts else ""
    if rule == "Events.AnniversaryMismatch":
        return f"the anniversary falls {c.context['when']}"
    if rule == "Life.LateButAlive":
        return c.facts[0].statement if c.facts else "the person was alive"
    if rule == "Life.AgeMismatch":
        born = c.context.get("born") or []
        died = (c.context.get("died") or [None])[0]
        if len(born) > 1 and len(c.context.get("names") or []) == len(born) and (evidence_day is not None or sol.earliest is not None):
            at = evidence_day if evidence_day is not None else sol.earliest
            return _join([f"{n} (born {fmt_date(b)}) {'had died' if d and d.toordinal() < at else 'was ' + str(_age(b, at))}"
                          for n, b, d in zip(c.context["names"], born, c.context.get("died") or [None] * len(born))][:3])
        if len(born) != 1:
            return c.facts[0].statement if c.facts else ""
        births = [born[0]] + [b for b in (c.context.get("born_by") or [None])[:1] if b and b != born[0]]
        who = f"{c.context.get('person')} (born {' or '.join(map(fmt_date, births))})"

        def ages(*days: int) -> str:
            return " or ".join(map(str, sorted({_age(b, d) for b in births for d in days})))

        if evidence_day is not None:  # the clause's date: its first and last day
            last = sol.values.get("E" + c.event_var[1:], evidence_day + 1) - 1 if c.event_var else evidence_day
            if c.context.get("turns"):  # "who turns 92 this week": the birthday itself
                age = c.context["age"]
                return f"{who} was {ages(evidence_day, last)} ({age} from {fmt_date(birthday(born[0], age))})"
            return f"{who} was {ages(evidence_day, last)}"
        if died is not None and sol.earliest is not None and died.toordinal() < sol.earliest:
            return f"{who} had died on {fmt_date(died)}, aged {ages(died.toordinal())}"
        if sol.earliest is not None:
            return f"{who} was {ages(sol.earliest, sol.latest if sol.latest is not None else sol.earliest)}"
        return c.facts[0].statement if c.facts else ""
    if rule == "Series.OfficeNumberMismatch" and c.context.get("begins") and sol.earliest is not None:
        when = "the publication date" if sol.given else "the date the article gives itself"
        return f"{c.facts[0].statement}, after {when} ({fmt_range(sol.earliest, sol.latest)})"
    if rule == "Series.OfficeNumberMismatch":  # the number names another holder
        return ", and ".join(f.statement for f in c.facts)
    if rule == "Series.UnknownEvent" and c.context.get("ledger") and f"S{c.context.get('timex')}" in sol.values:
        s = sol.values[f"S{c.context['timex']}"]
        near = [d for d in c.context["ledger"] if abs(d - s) <= 62] or \
            sorted(c.context["ledger"], key=lambda d: abs(d - s))[:2]
        lo, hi = c.context.get("complete", (None, None))
        span = f" (complete from {fmt_date(lo)} to {fmt_date(hi)})" if lo is not None else ""
        return f"the nearest on record{span} are on {_join([fmt_date(d) for d in sorted(near)])}"
    if c.context.get("event_days") and len(c.facts) > 1 and c.event_var in sol.values:
        # a name many events share ("the NATO summit"), a person's several terms: the ones nearest the day the text gives
        s = sol.values[c.event_var]
        nearest = sorted(zip(c.context["event_days"], c.facts), key=lambda df: min(abs(df[0][0] - s), abs(df[0][1] - s)))[:2]
        return f"the nearest on record are {_join([f.statement for _, f in sorted(nearest, key=lambda df: df[0])])}"
    if rule.startswith("Series.") or rule.startswith("Events."):
        return c.facts[0].statement if c.facts else ""
    return c.facts[0].statement if c.facts else ""


def _timex_date(c: Claim, sol: Solution, key: str = "timex") -> str:
    """The resolved days of the time expression a claim is about (context 'timex', or `key`)."""
    if (years := c.context.get("years_before")) and sol.best is not None:  # "ten years ago today": the same day then
        day = dt.date.fromordinal(sol.best)
        return fmt_date(birthday(day, -years).toordinal())
    i = c.context.get(key)
    s, e = sol.values.get(f"S{i}"), sol.values.get(f"E{i}")
    if i is None or s is None:
        return ""
    return fmt_range(s, e - 1) if e is not None and e > s else fmt_date(s)


def conflict_finding(doc: Document, conflict: Conflict, sol: Solution, problem: Problem) -> Finding:
    victim = conflict.victim
    others = [c for c in conflict.core if c is not victim]
    anchor = fmt_range(sol.earliest, sol.latest) if sol.earliest is not None else "no consistent date"
    # A wide anchor says little: then name the day the evidence itself resolves to.
    day = _evidence_day(others, sol) if not sol.given and sol.earliest is not None and sol.latest - sol.earliest > 62 else None
    dated = "the article"
    if day is not None:
        anchor = f"around {fmt_date(day)}"
    evidence = [_claim_evidence(doc, c, sol.values, show_day=day is not None) for c in others]
    if victim.rule.id.startswith(("Tenure.", "Life.AgeMismatch", "Series.MemberCountMismatch", "Stale.RankMismatch")) and len(victim.spans) > 1 and victim.event_var in sol.values:
        # 'Emperor Naruhito visited Kyoto on April 1, 2019': the title (or age) is read on its clause's date
        s = sol.values[victim.event_var]
        e = sol.values.get("E" + victim.event_var[1:], s + 1)
        day, anchor, dated = s, fmt_range(s, e - 1) if e > s + 1 else fmt_date(s), "the clause"
        evidence = [f"'{doc.text[victim.spans[1][0]:victim.spans[1][1]]}'"] + evidence
    elif sol.given and sol.best is not None:
        evidence.insert(0, "the publication date")  # the anchor names the day
    ctx = defaultdict(str, victim.context)
    joined = _join(evidence)
    ctx.update(
        claim=victim.says[0].upper() + victim.says[1:],
        evidence=joined or "the article's other dates",
        dates="dates" if joined and len(dict.fromkeys(evidence)) == 1 else "date",  # the verb agreeing with {evidence}
        event_date=fmt_date(sol.values[victim.event_var]) if victim.event_var in sol.values else anchor,
        timex_date=_timex_date(victim, sol),
        anchor=anchor,
        fact=_fact(victim, sol, doc, day),
        text=doc.text[victim.spans[0][0]:victim.spans[0][1]],
    )
    if "other_timex" in victim.context:  # two days told so far apart: where the calendar puts them
        ctx["other_date"] = _timex_date(victim, sol, "other_timex")
        a, b = sol.values.get(f"S{victim.context['timex']}"), sol.values.get(f"S{victim.context['other_timex']}")
        ctx["gap"] = "?" if a is None or b is None else f"{abs(a - b)} day" + ("" if abs(a - b) == 1 else "s")
    if victim.rule.id == "Calendar.WeekdayMismatch":
        i = victim.context["timex"]
        s = sol.values.get(f"S{i}")
        t = problem.timexes[i]
        if s is None and t.month and t.day:  # no model (too many conflicts, or time ran out)
            # the date as written, else the occurrence nearest the article's date
            near = sol.best if sol.best is not None else doc.published.toordinal() if doc.published else None
            years = [t.year] if t.year is not None else [] if near is None else [dt.date.fromordinal(near).year + k for k in (-1, 0, 1)]
            days = [dt.date(y, t.month, t.day).toordinal() for y in years if valid_date(y, t.month, t.day)]
            s = min(days, key=lambda d: abs(d - (near or d)), default=None)
        if s is not None:
            ctx["anchor_date"] = fmt_date(s)
            ctx["actual_weekday"] = _WEEKDAYS[(s - 1) % 7]
    message = victim.rule.message.format_map(ctx)
    explanation = [f"{victim.says}."]
    for c in others:
        line = c.says
        if c.event_var and c.event_var in sol.values:
            line += f" (resolved to {fmt_date(sol.values[c.event_var])})"
        explanation.append(line + ".")
    if others or sol.given:
        explanation.append(f"Together they date {dated} to {anchor}; {ctx['fact'] or 'the claims cannot all hold'}.")
    elif ctx["fact"] or ctx["actual_weekday"]:
        explanation.append(f"{ctx['fact'] or ctx['anchor_date'] + ' is a ' + ctx['actual_weekday']}.")
    facts = [Fact(statement=f.statement, source=f.source) for c in conflict.core for f in c.facts]
    start, end = victim.spans[0]
    related = [doc.span(s, e) for c in conflict.core for s, e in c.spans if (s, e) != (start, end)]
    return Finding(
        rule=victim.rule.id,
        severity=victim.rule.severity,
        message=message,
        text=doc.text[start:end],
        span=doc.span(start, end),
        explanation=explanation,
        related=list(dict.fromkeys(related)),
        facts=list(dict.fromkeys(facts)),
    )
