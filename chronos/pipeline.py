"""The straight pipeline: document -> mentions -> constraints -> Z3 -> anchor + findings."""
from __future__ import annotations

import dataclasses
from collections import Counter
import datetime as dt
from collections.abc import Callable
from pathlib import Path

from chronos.calendar import INTERVAL_KINDS, interval_of, valid_date
from chronos.constrain import DATELINE_CHARS, NEAR_MISS_DAYS, Problem, build, fmt_range, is_dateline
from chronos.document import Document
from chronos.explain import _join, conflict_finding
from chronos.extract import Mentions, extract
from chronos.kb import load_kb
from chronos.kb.store import KB_DIR
from chronos.lexicon import RULES_DIR
from chronos.model import Anchor, Expression, Finding, Report, Severity
from chronos.normalize import timex_value
from chronos.rules import load_rules
from chronos.solve import Solution, date_of_text, solve

DEFAULT_TIMEOUT_MS = 10000  # a backstop: Z3 work is bounded by solve.RESOURCE_LIMIT
STALE_DAYS = 180  # a text this much older than its given date is reported as recycled
STALE_TIMEOUT_MS = 4000  # a backstop: the second look is bounded by solve.STALE_RESOURCE_LIMIT


@dataclasses.dataclass(frozen=True)
class Options:
    rule_dirs: tuple[Path, ...] = (RULES_DIR,)
    kb_dirs: tuple[Path, ...] = (KB_DIR,)
    timeout_ms: int = DEFAULT_TIMEOUT_MS
    use_kb: bool = True
    # Which findings are reported (chronos.config): only these packs (None: all), never these rule
    # ids or packs, per-rule severity overrides, and the lowest severity kept.
    packs: frozenset[str] | None = None
    disabled: frozenset[str] = frozenset()
    severity: dict[str, Severity] = dataclasses.field(default_factory=dict, hash=False)
    min_level: Severity | None = None
    suppress_inline: bool = True  # honour <!-- chronos-disable --> regions in the document


def _impossible_dates(doc: Document, mentions: Mentions, rules) -> tuple[Mentions, list[Finding]]:
    rule = rules.get("Calendar.ImpossibleDate")
    findings, keep, tenses = [], [], []
    for t, tense in zip(mentions.timexes, mentions.tenses):
        year = t.year if t.year is not None else _leap_day_year(t, doc.published)
        if t.kind == "date" and not valid_date(year, t.month, t.day):
            if rule is not None and rule.enabled:
                reason = f"{t.month:02d}/{t.day:02d} does not occur" + (f" in {year}" if year else "")
                findings.append(Finding(rule=rule.id, severity=rule.severity, text=t.text, span=doc.span(t.start, t.end),
                                        message=rule.message.format(text=t.text, reason=reason),
                                        explanation=[f"'{t.text}' names day {t.day} of month {t.month}, which has fewer days."]))
            continue
        keep.append(t)
        tenses.append(tense)
    return dataclasses.replace(mentions, timexes=keep, tenses=tenses), findings


def _leap_day_year(t, published: dt.date | None) -> int | None:
    """'The talks collapsed on Feb. 29' in an article of 1 March 2019: a yearless leap day within
    weeks of a publication date in a common year can only be of that year, which has none."""
    if published is None or t.kind != "date" or (t.month, t.day) != (2, 29) or valid_date(published.year, 2, 29):
        return None
    return published.year if abs((dt.date(published.year, 3, 1) - published).days) <= NEAR_MISS_DAYS else None


def check_document(doc: Document, options: Options = Options()) -> Report:
    rules = load_rules(options.rule_dirs)
    kb = load_kb(options.kb_dirs) if options.use_kb else None
    mentions = extract(doc.text, kb, doc.published)
    mentions, findings = _impossible_dates(doc, mentions, rules)
    problem = build(mentions, kb, rules, doc.published)
    sol = solve(problem, doc.published, options.timeout_ms)
    if sol.timed_out:
        rule = rules.get("Solver.Timeout")
        if rule is not None:
            findings.append(Finding(rule=rule.id, severity=rule.severity, text="", span=doc.span(0, 0),
                                    message=rule.message.format(limit=options.timeout_ms)))
    findings += [conflict_finding(doc, c, sol, problem) for c in sol.conflicts]
    stale = rules.get("Stale.EarlierText")
    if doc.published is not None and stale is not None and stale.enabled:
        recycled = _stale(doc, lambda: build(mentions, kb, rules, None), sol, stale, options) if sol.conflicts and not sol.timed_out else []
        findings += recycled or _stale_future(doc, mentions, problem, sol, stale) or _stale_dateline(doc, mentions, stale)
    expressions = [
        Expression(text=t.text, start=t.start, end=t.end, type=t.type, value=timex_value(t, sol.values, i), mod=t.mod)
        for i, t in enumerate(mentions.timexes)
    ]
    findings = _select(doc, findings, options)
    findings.sort(key=lambda f: (f.span.start, f.rule))
    return Report(document=doc.name, anchor=_anchor(sol), expressions=expressions, findings=findings)


def _select(doc: Document, findings: list[Finding], options: Options) -> list[Finding]:
    """Apply the configuration and inline suppressions to the findings (after solving, so the anchor is unchanged)."""
    from chronos.suppress import regions, suppressed

    regs = regions(doc.source if doc.source is not None else doc.text) if options.suppress_inline else []
    out = []
    for f in findings:
        pack = f.rule.split(".")[0]
        if f.rule in options.disabled or pack in options.disabled:
            continue
        if options.packs is not None and pack not in options.packs:
            continue
        if f.rule in options.severity or pack in options.severity:
            f = f.model_copy(update={"severity": options.severity.get(f.rule, options.severity.get(pack))})
        if options.min_level is not None and f.severity.rank < options.min_level.rank:
            continue
        if regs and suppressed(regs, doc.source_offset(f.span.start), f.rule):
            continue
        out.append(f)
    return out


def _anchor(sol: Solution) -> Anchor:
    day = lambda n: dt.date.fromordinal(n) if n is not None else None  # noqa: E731
    return Anchor(earliest=day(sol.earliest), latest=day(sol.latest), best=day(sol.best), given=sol.given)


def _gap_text(days: int) -> str:
    years, months = divmod(round(days / 30.44), 12)
    return (f"{years} year{'s' * (years != 1)}" if years else "") + (" and " if years and months else "") + (f"{months} month{'s' * (months != 1)}" if months or not years else "")


def _stale_finding(doc: Document, rule, span: tuple[int, int], evidence: list[str], anchor: str, gap: int,
                   explanation: list[str], related: list[tuple[int, int]] = (), at_least: bool = True) -> Finding:
    """Stale.EarlierText: the text says it was written `gap` days (`at_least`: or more) before its given date."""
    published = doc.published.toordinal()
    s, e = span
    return Finding(
        rule=rule.id, severity=rule.severity, text=doc.text[s:e], span=doc.span(s, e),
        message=rule.message.format(published=fmt_range(published, published), evidence=_join(evidence),
                                    dates="dates" if len(set(evidence)) == 1 else "date", anchor=anchor, gap=("at least " if at_least else "") + _gap_text(gap)),
        explanation=explanation,
        related=[doc.span(a, b) for a, b in related if (a, b) != span],
    )


def _stale_dateline(doc: Document, mentions: Mentions, rule) -> list[Finding]:
    """A dateline (a full date at the top of the text) long before the given date: a recycled story."""
    for t, tense in zip(mentions.timexes, mentions.tenses):
        if t.start >= DATELINE_CHARS:
            break
        if t.kind == "date" and t.year is not None and str(t.year) in t.text and tense != "future" and is_dateline(doc.text, t.start, t.end):
            day = dt.date(t.year, t.month, t.day).toordinal()
            published = doc.published.toordinal()
            if published - day < STALE_DAYS:
                return []
            return [_stale_finding(doc, rule, (t.start, t.end), [f"its dateline '{t.text}'"], fmt_range(day, day), published - day,
                                   [f"'{t.text}' opens the article: its dateline.", f"The given publication date is {fmt_range(published, published)}."],
                                   at_least=False)]
    return []


def _stale_future(doc: Document, mentions: Mentions, problem: Problem, given: Solution, rule) -> list[Finding]:
    """Dates told as still to come that were long past by the given date: the text was written
    before them. Believed only when no date the text tells in the past tense comes after them (a
    history told in the future of its own time, 'he would win in 1998', names later days as done)."""
    published = doc.published.toordinal()
    past_starts = [interval_of(t)[0] for t, tense in zip(problem.timexes, problem.tenses)
                   if tense == "past" and t.year is not None and t.kind in INTERVAL_KINDS]
    told = []  # (the last day of the date, its claim)
    for c in given.conflicts:
        claim = c.victim
        i = claim.context.get("timex")
        if claim.rule.id != "Tense.FutureAboutPast" or i is None or problem.timexes[i].year is None:
            continue
        end = interval_of(problem.timexes[i])[1]
        if all(day < end for day in past_starts):
            told.append((end - 1, claim))
    if len({mentions.sentences.sentence_of(c.spans[0][0]).start for _, c in told}) < 2:
        return []  # one reading of tense is too weak to call a story recycled
    latest = max(day for day, _ in told)  # of several, the one that dates the text least
    if published - latest < STALE_DAYS:
        return []
    claims = sorted((c for _, c in told), key=lambda c: c.spans[0][0])
    times = Counter(doc.text[slice(*c.spans[0])] for c in claims)
    evidence = [f"'{quote}' {({1: '', 2: 'twice '}).get(n, f'{n} times ')}in the future tense" for quote, n in times.items()]
    anchor = f"{fmt_range(latest, latest)} or earlier"
    return [_stale_finding(doc, rule, claims[0].spans[0], evidence[:3], anchor, published - latest,
                           list(dict.fromkeys(f"{c.says}: still to come when it was written." for c in claims))
                           + [f"The text is therefore from {anchor}; the given publication date is {fmt_range(published, published)}."],
                           [c.spans[0] for c in claims])]


def _own_anchor(own: Solution) -> str:
    if own.latest - own.earliest <= 62:
        return fmt_range(own.earliest, own.latest)
    return f"{fmt_range(own.earliest, own.latest)}, most likely around {fmt_range(own.best, own.best)}"


def _stale(doc: Document, undated_problem: Callable[[], Problem], given: Solution, rule, options: Options) -> list[Finding]:
    """With a given date the text contradicts, ask when the text itself says it was written
    (`undated_problem` builds the claims without the date: only when a conflict is firm)."""
    # Only an error-level conflict (a title, an age, a weekday beside its date) is firm enough:
    # tense and ledger warnings are too weak to call a story recycled.
    trusted = [c for c in given.conflicts if c.victim.rule.severity == Severity.error]
    if not trusted:
        return []
    # When does the text itself say it was written? Its whole evidence, without the date.
    published = doc.published.toordinal()
    own = date_of_text(undated_problem(), min(options.timeout_ms, STALE_TIMEOUT_MS), before=published - STALE_DAYS)
    if own is None:
        return []
    gap = published - own.latest  # at least this much older: the latest day the text allows
    victims = [c.victim for c in trusted]
    first = min(victims, key=lambda c: c.spans[0][0])
    quotes = [f"'{doc.text[s:e]}'" for c in victims for s, e in c.spans[:1]]
    return [_stale_finding(doc, rule, first.spans[0], quotes[:3], _own_anchor(own), gap,
                           [f"{c.says}." for c in victims] + [f"Without the given date the text dates itself to {_own_anchor(own)}."],
                           [c.spans[0] for c in victims], at_least=own.earliest != own.latest)]
