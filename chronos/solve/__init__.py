"""Stage 3: constraints -> Z3 -> anchor, expression values and minimal conflicts.

1. Every claim is tracked by an assumption literal. While the claims conflict, the unsat
   core is shrunk to a minimal one (deletion) and its least trusted claim (lowest rule
   weight) gives way: that claim, with the rest of its core, becomes a finding.
2. The claims left standing are hard; reading conventions are weighted soft constraints.
   The anchor is every publication day that reaches the optimal soft score: its earliest
   and latest day, and a best day inside it.
"""
from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass, field

import z3

from chronos.constrain import (Claim, Cmp, Formula, InAny, Not, And, Or, Overlaps, Problem, Term, WeekdayIs,
                               has_var)
from chronos.calendar import interval_of
from chronos.solve import calendar as cal

MAX_CONFLICTS = 8


@dataclass
class Conflict:
    victim: Claim
    core: list[Claim]  # the victim first


@dataclass
class Solution:
    earliest: int | None
    latest: int | None
    best: int | None
    given: bool
    values: dict[str, int] = field(default_factory=dict)
    conflicts: list[Conflict] = field(default_factory=list)
    timed_out: bool = False


class _Budget:
    def __init__(self, ms: int):
        self.deadline = time.monotonic() + ms / 1000

    def ms_left(self) -> int:
        return max(1, int((self.deadline - time.monotonic()) * 1000))


class _Encoder:
    """Z3 terms for one problem: P, S/E per expression, helper calendar variables."""

    def __init__(self, problem: Problem, published: dt.date | None = None, only: set[int] | None = None):
        self.p = problem
        # A given publication day is a plain integer: every calendar term built from it folds
        # to a constant, and Z3 is left with small finite choices.
        self.vars: dict[str, z3.ArithRef | int] = {"P": published.toordinal() if published else z3.Int("P")}
        self.base: list = []
        self._p_civil: tuple | None = None
        lo, hi = problem.window
        P = self.vars["P"]
        if not isinstance(P, int):
            self.base += [P >= lo, P <= hi]
        for i, t in enumerate(problem.timexes):
            if has_var(t) and (only is None or i in only):
                self._define(i, t)
        for name in problem.extra_vars:
            self.vars[name] = z3.Int(name)

    def v(self, name: str) -> z3.ArithRef:
        return self.vars[name]

    def covers(self, f: Formula) -> bool:
        return _vars_of(f, set()) <= self.vars.keys()

    def term(self, t: Term):
        name, k = t
        return k if name is None else self.vars[name] + k

    def p_civil(self):
        """(year, month, day) of P, introduced on first use."""
        if self._p_civil is None:
            P = self.vars["P"]
            if isinstance(P, int):
                day = dt.date.fromordinal(P)
                self._p_civil = (day.year, day.month, day.day)
            else:
                y, m, d = z3.Ints("yP mP dP")
                self.base += cal.civil(y, m, d, P)
                self._p_civil = (y, m, d)
        return self._p_civil

    def _near_year(self, i: int, S, first_day) -> None:
        """S = first_day(Y) for Y the year of P, the year before or the year after."""
        y = self.p_civil()[0]
        Y = z3.Int(f"Y{i}")
        options = [(y + k, first_day(y + k)) for k in (-1, 0, 1)]
        self.base.append(z3.Or([z3.And(Y == yy, S == day) for yy, day in options]))

    def p_quarter(self):
        """The quarter of P, 0..3, as its own variable (keeps the arithmetic linear)."""
        if "qP" not in self.vars:
            q = z3.Int("qP")
            _, m, _ = self.p_civil()
            self.base += [q >= 0, q <= 3, 3 * q <= m - 1, m - 1 <= 3 * q + 2]
            self.vars["qP"] = q
        return self.vars["qP"]

    def _define(self, i: int, t) -> None:
        P = self.vars["P"]
        S, E = z3.Int(f"S{i}"), z3.Int(f"E{i}")
        self.vars[f"S{i}"], self.vars[f"E{i}"] = S, E
        add = self.base.extend
        if t.kind in ("date", "month", "year", "quarter", "season") and t.year is not None:
            a, b = interval_of(t)
            add([S == a, E == b])
            return
        if t.kind == "date":
            Y = z3.Int(f"Y{i}")
            if getattr(t, "floating", False):  # Thanksgiving: the first Thursday on or after Nov. 22
                def first_day(y):
                    d = cal.days_from_civil(y, t.month, t.day)
                    return d + (t.weekday - cal.weekday(d)) % 7
                self._near_year(i, S, first_day)
            else:
                self._near_year(i, S, lambda y: cal.days_from_civil(y, t.month, t.day))
            add([E == S + 1, S >= P - 366, S <= P + 366])
            if t.direction == "past":  # "last Thanksgiving"
                add([S <= P])
            elif t.direction == "future":
                add([S > P])
            if (t.month, t.day) == (2, 29):
                add([cal.is_leap(Y)])
        elif t.kind == "month":
            self._near_year(i, S, lambda y: cal.days_from_civil(y, t.month, 1))
            add([E == cal.month_start(z3.Int(f"Y{i}"), t.month)])
            if t.offset < 0 or t.direction == "past":
                add([S <= P, S >= P - 366])
            elif t.offset > 0 or t.direction == "future":
                add([E > P, S <= P + 366])
            else:
                add([S <= P + 366, E >= P - 366])
        elif t.kind == "weekday":
            # "last Friday": the latest Friday before publication; "next Friday": the first after
            lo, hi = {-1: (-7, -1), 1: (1, 7)}.get(t.offset, (-7, 7))
            if t.direction == "past" and t.offset == 0:
                lo, hi = -7, -1
            elif t.direction == "reported" and t.offset == 0:
                lo, hi = -6, 0  # "Thursday's ruling": a day already reported, publication day included
            add([E == S + 1, S >= P + lo, S <= P + hi])
            if isinstance(P, int):
                add([z3.Or([S == P + k for k in range(lo, hi + 1) if cal.weekday(P + k) == t.weekday])])
            else:
                add([cal.weekday(S) == t.weekday])
        elif t.kind == "rel":
            self._define_rel(t, S, E)
        elif t.kind in ("quarter", "season", "year"):
            y, m, _ = self.p_civil()
            yy = y + t.offset
            if t.kind == "quarter":
                add([S == cal.days_from_civil(yy, 3 * t.quarter - 2, 1), E == cal.month_start(yy, 3 * t.quarter)])
            elif t.kind == "season":
                a, b = cal_season(t.season)
                add([S == cal.days_from_civil(yy, a, 1), E == cal.month_start(yy, b - 1)])
            else:
                add([S == cal.days_from_civil(yy, 1, 1), E == cal.days_from_civil(yy + 1, 1, 1)])

    def _define_rel(self, t, S, E) -> None:
        P = self.vars["P"]
        add = self.base.extend
        unit, k = t.unit, t.offset
        if unit in ("D", "H", "MIN", "S"):
            add([S == P + k, E == S + 1])
        elif unit == "W":
            add([S == cal.week_start(P) + 7 * k, E == S + 7])
        elif unit == "WE" and t.direction == "near":
            add([S == cal.week_start(P - 3) + 5, E == S + 2])  # Mon-Wed: the one just gone; Thu-Sun: this one
        elif unit == "WE":
            add([S == cal.week_start(P) + 5 + 7 * k, E == S + 2])
        elif unit in ("M", "Y", "Q", "DE", "CE"):
            y, m, _ = self.p_civil()
            if unit == "M":
                idx = m - 1 + k
                add([S == cal.month_start(y, idx), E == cal.month_start(y, idx + 1)])
            elif unit == "Q":
                q0 = 3 * self.p_quarter() + 3 * k  # first month index of the quarter k quarters from P's
                add([S == cal.month_start(y, q0), E == cal.month_start(y, q0 + 3)])
            else:
                span = {"Y": 1, "DE": 10, "CE": 100}[unit]
                first = y - y % span + span * k if span > 1 else y + k
                add([S == cal.days_from_civil(first, 1, 1), E == cal.days_from_civil(first + span, 1, 1)])
        else:
            add([S == P, E == S + 1])

    # formulas ------------------------------------------------------------------------------
    def formula(self, f: Formula):
        if isinstance(f, Cmp):
            a, b = self.term(f.a), self.term(f.b)
            return {"<=": lambda: a <= b, "<": lambda: a < b, "==": lambda: a == b}[f.op]()
        if isinstance(f, InAny):
            x = self.term(f.x)
            return z3.Or([z3.And(x >= a, x < b) if b is not None else x >= a for a, b in f.intervals])
        if isinstance(f, Overlaps):
            s, e = self.term(f.s), self.term(f.e)
            return z3.Or([z3.And(s < b, e > a) if b is not None else e > a for a, b in f.intervals])
        if isinstance(f, WeekdayIs):
            return cal.weekday(self.term(f.x)) == f.weekday
        if isinstance(f, Not):
            return z3.Not(self.formula(f.f))
        if isinstance(f, And):
            return z3.And([self.formula(g) for g in f.fs])
        if isinstance(f, Or):
            return z3.Or([self.formula(g) for g in f.fs])
        raise TypeError(f)


def cal_season(code: str) -> tuple[int, int]:
    from chronos.calendar import SEASON_MONTHS

    return SEASON_MONTHS[code]


class _Timeout(Exception):
    pass


def _check(s, budget: _Budget, *assumptions):
    s.set("timeout", budget.ms_left())
    r = s.check(*assumptions)
    if r == z3.unknown:
        raise _Timeout
    return r


def _vars_of(f: Formula, out: set[str]) -> set[str]:
    if isinstance(f, Cmp):
        out.update(v for v, _ in (f.a, f.b) if v)
    elif isinstance(f, (InAny, WeekdayIs)):
        if f.x[0]:
            out.add(f.x[0])
    elif isinstance(f, Overlaps):
        out.update(v for v, _ in (f.s, f.e) if v)
    elif isinstance(f, Not):
        _vars_of(f.f, out)
    else:
        for g in f.fs:
            _vars_of(g, out)
    return out


def _needed_for_anchor(problem: Problem) -> set[int]:
    """Expressions that can move the publication day: those a claim refers to, and those whose
    reading conventions restrict P itself ("earlier in June"). The others can always be read
    to fit any day, so the anchor is solved without them."""
    names: set[str] = set()
    for c in problem.claims:
        _vars_of(c.formula, names)
    for sc in problem.soft:
        vs = _vars_of(sc.formula, set())
        if sc.prior:
            names |= vs
        elif "P" in vs and len(vs) == 2 and any(problem.timexes[int(v[1:])].kind == "month" for v in vs if v[0] in "SE"):
            names |= vs
    return {int(n[1:]) for n in names if n[0] in "SE" and n[1:].isdigit()}


def solve(problem: Problem, published: dt.date | None, timeout_ms: int = 3000) -> Solution:
    budget = _Budget(timeout_ms)
    claims = sorted(problem.claims, key=lambda c: c.id)
    conflicts: list[Conflict] = []
    try:
        if published is None:
            # Pass 1: the anchor, from the expressions that can move it.
            enc = _Encoder(problem, None, only=_needed_for_anchor(problem))
            active = _drop_conflicts(enc, claims, conflicts, budget)
            if active is None:
                return Solution(None, None, None, False)
            lo, hi, best = _anchor_interval(enc, active, problem, budget)
            published = dt.date.fromordinal(best)
            given = False
        else:
            given = True
        # Pass 2: every expression, read with the publication day fixed.
        enc = _Encoder(problem, published)
        if given:
            active = _drop_conflicts(enc, claims, conflicts, budget)
            if active is None:
                return Solution(None, None, None, True)
            lo = hi = best = published.toordinal()
        else:
            victims = {c.victim.id for c in conflicts}
            active = [c for c in claims if c.id not in victims]
        values = _values(enc, active, problem, budget)
        return Solution(lo, hi, best, given, values, conflicts)
    except _Timeout:
        return Solution(None, None, None, published is not None, conflicts=conflicts, timed_out=True)


def _drop_conflicts(enc: "_Encoder", claims: list[Claim], conflicts: list[Conflict], budget) -> list[Claim] | None:
    """Drop the least trusted claim of each minimal conflicting set until the rest agree."""
    lits = {c.id: z3.Bool(f"claim_{c.id}") for c in claims}
    by_lit = {str(lits[c.id]): c for c in claims}
    s = z3.Solver()
    s.add(enc.base)
    for c in claims:
        s.add(z3.Implies(lits[c.id], enc.formula(c.formula)))
    if _check(s, budget) == z3.unsat:
        return None  # the definitions alone conflict: nothing can be anchored
    active = list(claims)
    while len(conflicts) < MAX_CONFLICTS and _check(s, budget, *[lits[c.id] for c in active]) == z3.unsat:
        core = _minimize(s, [by_lit[str(l)] for l in s.unsat_core()], lits, budget)
        victim = min(core, key=lambda c: (c.weight, -c.spans[0][0]))
        conflicts.append(Conflict(victim, [victim] + [c for c in core if c is not victim]))
        active = [c for c in active if c is not victim]
    return active


def _minimize(s, core: list[Claim], lits, budget) -> list[Claim]:
    """Deletion-based: drop each claim whose removal keeps the set unsatisfiable."""
    core = sorted(core, key=lambda c: (c.weight, c.id))
    i = 0
    while i < len(core):
        trial = core[:i] + core[i + 1:]
        if trial and _check(s, budget, *[lits[c.id] for c in trial]) == z3.unsat:
            core = trial
        else:
            i += 1
    return core


def _optimal(enc: "_Encoder", active: list[Claim], problem: Problem, budget, prior: bool = False, hard: list | None = None) -> list:
    """Hard constraints that hold exactly in the optimal readings: claims plus soft cost at its minimum."""
    if hard is None:
        hard = enc.base + [enc.formula(c.formula) for c in active]
    softs = [sc for sc in problem.soft if sc.prior == prior and enc.covers(sc.formula)]
    if not softs:
        return hard
    wanted = [enc.formula(sc.formula) for sc in softs]
    s = z3.Solver()
    s.add(hard + wanted)
    if _check(s, budget) == z3.sat:  # the usual case: every convention can hold at once
        return hard + wanted
    cost = z3.Sum([z3.If(f, 0, sc.weight) for f, sc in zip(wanted, softs)])
    opt = z3.Optimize()
    opt.set("timeout", budget.ms_left())
    opt.add(hard)
    opt.minimize(cost)
    if opt.check() != z3.sat:
        raise _Timeout
    best_cost = opt.model().eval(cost, model_completion=True).as_long()
    return hard + [cost <= best_cost]


def _anchor_interval(enc, active, problem, budget) -> tuple[int, int, int]:
    hard = _optimal(enc, active, problem, budget)
    P = enc.v("P")
    lo = _extreme(hard, P, budget, minimize=True)
    hi = _extreme(hard, P, budget, minimize=False)
    likely = _optimal(enc, active, problem, budget, prior=True, hard=hard)
    best = _best_day(_extreme(likely, P, budget, minimize=True), _extreme(likely, P, budget, minimize=False))
    s = z3.Solver()
    s.set("timeout", budget.ms_left())
    s.add(likely + [P == best])
    if s.check() != z3.sat:  # the best day may fall in a gap of the interval
        best = _extreme(likely, P, budget, minimize=True)
    return lo, hi, best


def _values(enc, active, problem, budget) -> dict[str, int]:
    s = z3.Solver()
    s.set("timeout", budget.ms_left())
    s.add(_optimal(enc, active, problem, budget))
    if s.check() != z3.sat:
        raise _Timeout
    m = s.model()
    values = {}
    for name, v in enc.vars.items():
        if isinstance(v, int):
            values[name] = v
        elif name in problem.extra_vars:  # an event day only a dropped claim spoke of has no value (not day 0)
            val = m.eval(v, model_completion=False)
            if z3.is_int_value(val):
                values[name] = val.as_long()
        else:
            values[name] = m.eval(v, model_completion=True).as_long()
    return values


def _extreme(hard, P, budget, minimize: bool) -> int:
    opt = z3.Optimize()
    opt.set("timeout", budget.ms_left())
    opt.add(hard)
    (opt.minimize if minimize else opt.maximize)(P)
    if opt.check() != z3.sat:
        raise _Timeout
    return opt.model().eval(P).as_long()


def _best_day(lo: int, hi: int) -> int:
    """News is mostly published the day after the latest day it reports: with a narrow
    interval take the second day, with a wide one its middle."""
    if hi - lo <= 31:
        return min(lo + 1, hi)
    return (lo + hi) // 2
