"""`--format github`: GitHub Actions workflow commands, so findings show as annotations on the diff.

https://docs.github.com/actions/reference/workflow-commands-for-github-actions
"""
from __future__ import annotations

from chronos.format._common import docs_for, region, relative_path
from chronos.model import Report

LEVELS = {"error": "error", "warning": "warning", "suggestion": "notice"}


def escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(s: str) -> str:
    return escape_data(s).replace(":", "%3A").replace(",", "%2C")


def command(level: str, message: str, **props: object) -> str:
    params = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items() if v is not None)
    return f"::{level}{' ' + params if params else ''}::{escape_data(message)}"


def render(reports: list[Report], docs=None) -> str:
    out: list[str] = []
    for r, doc in zip(reports, docs_for(reports, docs)):
        path = relative_path(r.document)
        if r.error:
            out.append(command("error", r.error, file=path, title="chronos"))
        for f in r.findings:
            reg = region(f.span, doc)
            props: dict[str, object] = {"file": path, "line": reg.start_line, "col": reg.start_column}
            if reg.end_line == reg.start_line:  # GitHub reads endColumn only on single-line annotations
                props.update(endLine=reg.end_line, endColumn=max(reg.end_column - 1, reg.start_column))
            else:
                props.update(endLine=reg.end_line)
            props["title"] = f.rule
            out.append(command(LEVELS[f.severity.value], f.message, **props))
    return "".join(line + "\n" for line in out)
