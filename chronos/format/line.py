"""`--format line`: one finding a line, `path:line:col:rule:message`, for editors and grep."""
from __future__ import annotations

from chronos.format._common import one_line
from chronos.model import Report


def render(reports: list[Report], docs=None) -> str:
    out: list[str] = []
    for r in reports:
        if r.error:
            out.append(f"{r.document}:1:1:chronos.Error:{one_line(r.error)}")
        for f in r.findings:
            out.append(f"{r.document}:{f.span.line}:{f.span.column}:{f.rule}:{one_line(f.message)}")
    return "".join(line + "\n" for line in out)
