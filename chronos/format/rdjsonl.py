"""`--format rdjsonl`: reviewdog diagnostic format, one JSON object a line (`reviewdog -f=rdjsonl`).

https://github.com/reviewdog/reviewdog/tree/master/proto/rdf
"""
from __future__ import annotations

import json

from chronos.format._common import docs_for, region, relative_path
from chronos.model import Report

SEVERITIES = {"error": "ERROR", "warning": "WARNING", "suggestion": "INFO"}


def render(reports: list[Report], docs=None) -> str:
    out: list[str] = []
    for r, doc in zip(reports, docs_for(reports, docs)):
        path = relative_path(r.document)
        if r.error:
            out.append({"message": r.error, "location": {"path": path}, "severity": "ERROR",
                        "source": {"name": "chronos"}})
        for f in r.findings:
            reg = region(f.span, doc)
            start_col, end_col = reg.utf8()
            out.append({
                "message": f.message,
                "location": {"path": path, "range": {"start": {"line": reg.start_line, "column": start_col},
                                                     "end": {"line": reg.end_line, "column": end_col}}},
                "severity": SEVERITIES[f.severity.value],
                "source": {"name": "chronos"},
                "code": {"value": f.rule},
            })
    return "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in out)
