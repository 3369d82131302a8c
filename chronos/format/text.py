"""`--format text`: for people; colour on a terminal."""
from __future__ import annotations

from chronos.model import Report

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "suggestion": "\033[36m"}
_RESET, _DIM, _BOLD = "\033[0m", "\033[2m", "\033[1m"


def _anchor_line(r: Report) -> str:
    a = r.anchor
    if a.given:
        return f"published {a.best}"
    if a.earliest is None:
        return "no consistent date"
    if a.earliest == a.latest:
        return f"written {a.best}"
    return f"written {a.earliest} .. {a.latest}, most likely {a.best}"


def render(reports: list[Report], docs=None, *, color: bool = False) -> str:
    c = (lambda code, s: f"{code}{s}{_RESET}") if color else (lambda code, s: s)
    out: list[str] = []
    totals = {"error": 0, "warning": 0, "suggestion": 0}
    for r in reports:
        out.append(c(_BOLD, r.document) + c(_DIM, f"  ({_anchor_line(r)})"))
        if r.error:
            out.append(f"  {c(_COLORS['error'], 'error')}  {r.error}")
        for f in r.findings:
            sev = f.severity.value
            totals[sev] += 1
            out.append(f"  {f.span.line}:{f.span.column}  {c(_COLORS[sev], sev):<8}  {f.message}  {c(_DIM, f.rule)}")
            for step in f.explanation:
                out.append(c(_DIM, f"      - {step}"))
        if not r.findings and not r.error:
            out.append(c(_DIM, "  no findings"))
        out.append("")
    out.append(f"{totals['error']} errors, {totals['warning']} warnings, {totals['suggestion']} suggestions in {len(reports)} documents")
    return "\n".join(out) + "\n"
