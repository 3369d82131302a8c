"""`--format markdown`: a pull-request comment, one table per document."""
from __future__ import annotations

from chronos.format._common import one_line
from chronos.format.text import _anchor_line
from chronos.model import Report

ICONS = {"error": "🔴 error", "warning": "🟠 warning", "suggestion": "🔵 suggestion"}


def cell(text: str) -> str:
    """Table-cell safe: one line, no pipes, no raw HTML or Markdown links injected by article text."""
    text = one_line(text).replace("\\", "\\\\").replace("|", "\\|")
    for ch, ent in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("[", "&#91;"), ("]", "&#93;"), ("`", "&#96;"), ("*", "&#42;"), ("_", "&#95;")):
        text = text.replace(ch, ent)
    return text


def render(reports: list[Report], docs=None) -> str:
    totals = {"error": 0, "warning": 0, "suggestion": 0}
    for r in reports:
        for f in r.findings:
            totals[f.severity.value] += 1
    n = len(reports)
    out = ["## chronos", "",
           f"**{totals['error']}** errors, **{totals['warning']}** warnings, **{totals['suggestion']}** suggestions "
           f"in {n} document{'s' * (n != 1)}.", ""]
    for r in reports:
        out += [f"### `{r.document.replace('`', '')}`", "", f"_{cell(_anchor_line(r))}_", ""]
        if r.error:
            out += [f"> **could not check:** {cell(r.error)}", ""]
            continue
        if not r.findings:
            out += ["No findings.", ""]
            continue
        out += ["| Line | Severity | Rule | Finding |", "| ---: | --- | --- | --- |"]
        for f in r.findings:
            out.append(f"| {f.span.line}:{f.span.column} | {ICONS[f.severity.value]} | `{f.rule}` | {cell(f.message)} |")
        out.append("")
        explained = [f for f in r.findings if f.explanation or f.facts]
        if explained:
            out += ["<details><summary>Why</summary>", ""]
            for f in explained:
                out.append(f"- **{f.rule}** at line {f.span.line}")
                out += [f"  - {cell(step)}" for step in f.explanation]
                out += [f"  - fact: {cell(x.statement)} ({cell(x.source)})" for x in f.facts]
            out += ["", "</details>", ""]
    return "\n".join(out).rstrip("\n") + "\n"
