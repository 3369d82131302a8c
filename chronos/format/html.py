"""`--format html`: the explanation report, one self-contained page per run.

Each article is shown with its time expressions highlighted (resolved value on hover) and the
findings underlined; an SVG timeline puts the resolved dates next to the publication anchor;
each finding lists its explanation chain and the facts it rests on. Templates are Jinja2 with
autoescaping on: article text is never trusted.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from chronos.document import Document
from chronos.format._common import docs_for, rule_set, version
from chronos.model import Anchor, Expression, Report

TEMPLATES = Path(__file__).parent / "templates"
SEVERITY_ORDER = ("error", "warning", "suggestion")


# --- TIMEX3 values -> calendar intervals -------------------------------------------------------

def value_range(value: str | None) -> tuple[dt.date, dt.date] | None:
    """The days a TIMEX3 date value covers (first, last), or None for what has no place on a calendar."""
    if not value:
        return None
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:T.*)?", value):
            d = dt.date(int(m[1]), int(m[2]), int(m[3]))
            return d, d
        if m := re.fullmatch(r"(\d{4})-W(\d{2})(?:-WE)?", value):
            first = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return first, first + dt.timedelta(days=6)
        if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
            y, mo = int(m[1]), int(m[2])
            return dt.date(y, mo, 1), dt.date(y, mo, calendar.monthrange(y, mo)[1])
        if m := re.fullmatch(r"(\d{4})-Q([1-4])", value):
            y, q = int(m[1]), int(m[2])
            last = dt.date(y, 3 * q, calendar.monthrange(y, 3 * q)[1])
            return dt.date(y, 3 * q - 2, 1), last
        if m := re.fullmatch(r"(\d{4})-H([12])", value):
            y, h = int(m[1]), int(m[2])
            return (dt.date(y, 1, 1), dt.date(y, 6, 30)) if h == 1 else (dt.date(y, 7, 1), dt.date(y, 12, 31))
        if m := re.fullmatch(r"(\d{4})", value):
            y = int(m[1])
            return dt.date(y, 1, 1), dt.date(y, 12, 31)
        if m := re.fullmatch(r"(\d{3})", value):  # a decade
            y = int(m[1]) * 10
            return dt.date(y, 1, 1), dt.date(y + 9, 12, 31)
    except ValueError:
        return None
    return None


def fmt_day(d: dt.date) -> str:
    return f"{d.day} {d:%b %Y}"


def fmt_interval(lo: dt.date, hi: dt.date) -> str:
    if lo == hi:
        return fmt_day(lo)
    if lo.year == hi.year and lo.month == hi.month:
        if lo.day == 1 and hi.day == calendar.monthrange(hi.year, hi.month)[1]:
            return f"{lo:%B %Y}"
        return f"{lo.day}–{hi.day} {hi:%b %Y}"
    if lo == dt.date(lo.year, 1, 1) and hi == dt.date(lo.year, 12, 31):
        return str(lo.year)
    if lo.year == hi.year:
        return f"{lo.day} {lo:%b} – {hi.day} {hi:%b %Y}"
    return f"{fmt_day(lo)} – {fmt_day(hi)}"


_REFS = {"PAST_REF": "some time before the article", "PRESENT_REF": "the time of writing", "FUTURE_REF": "some time after the article"}


def describe(e: Expression) -> str:
    """Tooltip text for a time expression: what chronos resolved it to."""
    if e.value is None:
        return f"{e.type.lower()}: not resolved"
    rng = value_range(e.value) if e.type in ("DATE", "TIME") else None
    if rng:
        human = fmt_interval(*rng)
    elif e.value in _REFS:
        human = _REFS[e.value]
    elif e.type == "DURATION":
        human = "a duration"
    elif e.type == "SET":
        human = "a recurring time"
    else:
        human = "partly resolved"
    mod = f", {e.mod.lower()}" if e.mod else ""
    return f"{human} — {e.type} {e.value}{mod}"


# --- the article with highlights ----------------------------------------------------------------

@dataclass
class Segment:
    text: str
    expr: dict | None = None
    sev: str | None = None           # worst severity of the findings whose span covers this piece
    findings: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    anchor: str | None = None        # element id: the first piece of a finding's span


def segments(text: str, report: Report, prefix: str, lo: int = 0) -> list[Segment]:
    """Cut the text at every boundary of an expression or finding span; each piece knows what covers it."""
    n = len(text)
    clamp = lambda x: max(lo, min(x, n))  # noqa: E731
    exprs = [(clamp(e.start), clamp(e.end), e) for e in report.expressions if e.end > e.start]
    hits = [(clamp(f.span.start), clamp(f.span.end), f"{prefix}-f{i}", f.severity.value)
            for i, f in enumerate(report.findings) if f.span.end > f.span.start]
    rel = [(clamp(s.start), clamp(s.end), f"{prefix}-f{i}")
           for i, f in enumerate(report.findings) for s in f.related if s.end > s.start]
    cuts = sorted({lo, n, *(x for a, b, *_ in exprs + hits + rel for x in (a, b))})
    out: list[Segment] = []
    seen: set[str] = set()
    for a, b in zip(cuts, cuts[1:]):
        if a >= b:
            continue
        seg = Segment(text[a:b])
        for s, e, ex in exprs:
            if s <= a and b <= e:
                seg.expr = {"title": describe(ex), "type": ex.type.lower(), "value": ex.value or ""}
                break
        for s, e, fid, sev in hits:
            if s <= a and b <= e:
                seg.findings.append(fid)
                if seg.sev is None or SEVERITY_ORDER.index(sev) < SEVERITY_ORDER.index(seg.sev):
                    seg.sev = sev
                if fid not in seen:
                    seen.add(fid)
                    seg.anchor = seg.anchor or f"{fid}-text"
        for s, e, fid in rel:
            if s <= a and b <= e and fid not in seg.findings:
                seg.related.append(fid)
        if out and not (seg.expr or seg.findings or seg.related) and not (out[-1].expr or out[-1].findings or out[-1].related):
            out[-1].text += seg.text
        else:
            out.append(seg)
    return out


# --- the timeline --------------------------------------------------------------------------------

LABEL_W, PLOT_W, RIGHT_W, ROW_H, TOP = 210, 640, 150, 26, 34


@dataclass
class Timeline:
    width: int
    height: int
    rows: list[dict]
    ticks: list[dict]
    anchor: dict | None
    best_x: float | None
    plot_left: int
    plot_right: int
    axis_y: int
    unplotted: int


def _ticks(lo: dt.date, hi: dt.date, x) -> list[dict]:
    days = (hi - lo).days
    out: list[dict] = []
    if days <= 21:
        d = lo
        while d <= hi:
            out.append({"x": x(d), "label": f"{d:%a} {d.day}" if days <= 10 else f"{d.day} {d:%b}", "major": True})
            d += dt.timedelta(days=1 if days <= 10 else 2)
    elif days <= 120:
        d = lo + dt.timedelta(days=(7 - lo.weekday()) % 7)  # Mondays
        while d <= hi:
            out.append({"x": x(d), "label": f"{d.day} {d:%b}", "major": True})
            d += dt.timedelta(days=7)
    elif days <= 800:
        y, m = lo.year, lo.month
        step = 1 if days <= 400 else 3
        while True:
            m += 1
            if m > 12:
                y, m = y + 1, 1
            d = dt.date(y, m, 1)
            if d > hi:
                break
            if (m - 1) % step == 0:
                out.append({"x": x(d), "label": f"{d:%b}" if m != 1 else f"{y}", "major": m == 1})
    else:
        span_years = days / 365.25
        step = next(s for s in (1, 2, 5, 10, 20, 50, 100, 1000) if span_years / s <= 12)
        y = (lo.year // step + 1) * step
        while dt.date(y, 1, 1) <= hi:
            out.append({"x": x(dt.date(y, 1, 1)), "label": str(y), "major": True})
            y += step
    return out


def _dated(report: Report) -> list[tuple[Expression, tuple[dt.date, dt.date]]]:
    items = []
    for e in report.expressions:
        rng = value_range(e.value) if e.type in ("DATE", "TIME") else None
        if rng:
            items.append((e, rng))
    return sorted(items, key=lambda it: (it[1][0], it[0].start))


def zoom_window(report: Report) -> tuple[dt.date, dt.date] | None:
    """Days around the anchor worth a closer look, when the full timeline squeezes them into a sliver."""
    a = report.anchor
    if a.earliest is None:
        return None
    latest = a.latest or a.earliest
    width = (latest - a.earliest).days
    lo, hi = a.earliest - dt.timedelta(days=max(35, 2 * width)), latest + dt.timedelta(days=max(10, width // 2))
    bounds = [d for _, rng in _dated(report) for d in rng] + [a.earliest, latest]
    full = (max(bounds) - min(bounds)).days
    inside = [e for e, (s, t) in _dated(report) if t >= lo and s <= hi]
    return (lo, hi) if full > 4 * (hi - lo).days and inside else None


def timeline(report: Report, max_rows: int = 24, window: tuple[dt.date, dt.date] | None = None) -> Timeline | None:
    items = _dated(report)
    if window:  # only what overlaps the window, clipped to it
        items = [(e, (max(s, window[0]), min(t, window[1]))) for e, (s, t) in items if t >= window[0] and s <= window[1]]
    unplotted = max(len(items) - max_rows, 0)
    items = items[:max_rows]
    a: Anchor = report.anchor
    bounds = [d for _, rng in items for d in rng] + [d for d in (a.earliest, a.latest, a.best) if d]
    if window:
        bounds += list(window)
    if not bounds:
        return None
    lo, hi = min(bounds), max(bounds) + dt.timedelta(days=1)
    pad = 0 if window else max((hi - lo).days * 0.04, 1.5)
    lo_o, hi_o = lo.toordinal() - pad, hi.toordinal() + pad
    plot_left, plot_right = LABEL_W, LABEL_W + PLOT_W

    def x(d: dt.date) -> float:
        return round(plot_left + (d.toordinal() - lo_o) / (hi_o - lo_o) * PLOT_W, 1)

    rows = []
    y = TOP + ROW_H * (1 if a.earliest else 0)
    for e, (s, t) in items:
        x0, x1 = x(s), x(t + dt.timedelta(days=1))
        label = e.text if len(e.text) <= 30 else e.text[:29] + "…"
        full = value_range(e.value) or (s, t)
        rows.append({"y": y, "x0": x0, "w": max(x1 - x0, 3.0), "point": full[0] == full[1], "cx": round((x0 + x1) / 2, 1),
                     "label": label, "text": e.text, "value": fmt_interval(*full), "raw": e.value,
                     "clipped": full != (s, t)})
        y += ROW_H
    anchor = None
    if a.earliest:
        x0, x1 = x(a.earliest), x((a.latest or a.earliest) + dt.timedelta(days=1))
        anchor = {"y": TOP, "x0": x0, "w": max(x1 - x0, 3.0), "given": a.given,
                  "label": "published" if a.given else "written",
                  "value": fmt_interval(a.earliest, a.latest or a.earliest) + (f", most likely {fmt_day(a.best)}" if a.best and not a.given and a.earliest != a.latest else "")}
    best_x = round((x(a.best) + x(a.best + dt.timedelta(days=1))) / 2, 1) if a.best else None
    axis_y = y + 6
    lo_d, hi_d = dt.date.fromordinal(int(lo_o) + 1), dt.date.fromordinal(int(hi_o))
    return Timeline(width=LABEL_W + PLOT_W + RIGHT_W, height=axis_y + 30, rows=rows,
                    ticks=_ticks(lo_d, hi_d, x), anchor=anchor, best_x=best_x,
                    plot_left=plot_left, plot_right=plot_right, axis_y=axis_y, unplotted=unplotted)


# --- the page ------------------------------------------------------------------------------------

def _anchor_summary(a: Anchor) -> str:
    if a.given and a.best:
        return f"published {fmt_day(a.best)} (given)"
    if a.earliest is None:
        return "no consistent date"
    if a.earliest == a.latest:
        return f"written {fmt_day(a.earliest)}"
    return f"written {fmt_interval(a.earliest, a.latest)}" + (f", most likely {fmt_day(a.best)}" if a.best else "")


def _display(doc: Document | None) -> str | None:
    if doc is None:
        return None
    # Markdown keeps its offsets (markup blanked in place), so the source itself can be shown.
    if doc.source is not None and doc.offset_map is None and len(doc.source) == len(doc.text):
        return doc.source
    return doc.text


# Bidirectional controls (Trojan Source, CVE-2021-42574) would silently reorder what the page shows:
# every printed value shows them as a visible [U+202E] instead.
_BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _visible_bidi(value):
    if isinstance(value, str) and _BIDI.search(value):
        shown = _BIDI.sub(lambda m: f"[U+{ord(m[0]):04X}]", str(value))
        return Markup(shown) if isinstance(value, Markup) else shown  # the marker holds no markup
    return value


def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=select_autoescape(default=True, default_for_string=True),
                      trim_blocks=True, lstrip_blocks=True, finalize=_visible_bidi)
    env.filters["day"] = fmt_day
    return env


def render(reports: list[Report], docs=None, rule_dirs=None) -> str:
    __version__ = version()
    rules = rule_set(reports, rule_dirs)
    helps = {r.id: {"summary": r.summary, "help": " ".join(r.help.split())} for r in rules} if rules is not None else {}
    totals = dict.fromkeys(SEVERITY_ORDER, 0)
    views = []
    for i, (r, doc) in enumerate(zip(reports, docs_for(reports, docs))):
        prefix = f"d{i}"
        counts = dict.fromkeys(SEVERITY_ORDER, 0)
        for f in r.findings:
            counts[f.severity.value] += 1
            totals[f.severity.value] += 1
        text = _display(doc)
        start = len(text) - len(text.lstrip()) if text else 0
        views.append({
            "id": f"doc-{i}", "prefix": prefix, "report": r, "counts": counts,
            "worst": next((s for s in SEVERITY_ORDER if counts[s]), None),
            "anchor": _anchor_summary(r.anchor),
            "segments": segments(text.rstrip(), r, prefix, start) if text else None,
            "timeline": timeline(r),
            "zoom": timeline(r, window=w) if (w := zoom_window(r)) else None,
            "zoom_window": fmt_interval(*w) if w else None,
            "findings": [{"id": f"{prefix}-f{j}", "f": f, "rule": helps.get(f.rule)} for j, f in enumerate(r.findings)],
            "expressions": [{"text": e.text, "type": e.type, "value": e.value, "human": describe(e).split(" — ")[0],
                             "dated": bool(e.type in ("DATE", "TIME") and value_range(e.value))} for e in r.expressions],
        })
    page = _environment().get_template("report.html.j2")
    return page.render(docs=views, totals=totals, version=__version__, n=len(reports),
                       generated=dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M"))
