"""`--format sarif`: SARIF 2.1.0, for GitHub code scanning (github/codeql-action/upload-sarif).

https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html
"""
from __future__ import annotations

import hashlib
import json
from urllib.parse import quote

from chronos.format._common import docs_for, region, relative_path, rule_set, version
from chronos.model import Report

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
# Used when the installed package declares no home page ([project.urls] in pyproject.toml).
FALLBACK_URI = "https://github.com/chronos-news/chronos"
LEVELS = {"error": "error", "warning": "warning", "suggestion": "note"}


def _version() -> str:
    return version()


def _information_uri() -> str:
    try:
        from importlib.metadata import metadata

        meta = metadata("chronos")
        for entry in meta.get_all("Project-URL") or []:
            label, _, url = entry.partition(",")
            if url.strip().startswith("https://"):
                return url.strip()
        if (meta.get("Home-page") or "").startswith("https://"):
            return meta["Home-page"]
    except Exception:
        pass
    return FALLBACK_URI


def _rule_descriptor(rule_id: str, rule) -> dict:
    if rule is None:  # a finding from a rule the formatter was not given
        return {"id": rule_id, "name": rule_id.replace(".", ""), "shortDescription": {"text": rule_id},
                "defaultConfiguration": {"level": "warning"}}
    full = " ".join((rule.help or rule.summary).split())
    return {
        "id": rule.id,
        "name": rule.id.replace(".", ""),
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": full},
        "help": {"text": full, "markdown": f"**{rule.summary}**\n\n{full}"},
        "defaultConfiguration": {"level": LEVELS[rule.severity.value], "enabled": rule.enabled},
        "properties": {"tags": ["chronos", rule.pack], "weight": rule.weight},
    }


def _fingerprint(rule: str, text: str) -> str:
    return hashlib.sha256(f"{rule}\0{text}".encode()).hexdigest()[:32]


def build(reports: list[Report], docs=None, rule_dirs=None) -> dict:
    rules = rule_set(reports, rule_dirs)
    known = {r.id: r for r in rules} if rules is not None else {}
    ids = sorted(set(known) | {f.rule for r in reports for f in r.findings})
    index = {rid: i for i, rid in enumerate(ids)}
    results, notes, artifacts = [], [], {}
    for r, doc in zip(reports, docs_for(reports, docs)):
        uri = quote(relative_path(r.document), safe="/")
        artifacts.setdefault(uri, {"location": {"uri": uri, "uriBaseId": "%SRCROOT%"}})
        if r.error:
            notes.append({"level": "error", "message": {"text": r.error},
                          "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri, "uriBaseId": "%SRCROOT%"}}}]})
        for f in r.findings:
            reg = region(f.span, doc)
            start_col, end_col = reg.utf16()
            location = {"physicalLocation": {
                "artifactLocation": {"uri": uri, "uriBaseId": "%SRCROOT%", "index": list(artifacts).index(uri)},
                "region": {"startLine": reg.start_line, "startColumn": start_col, "endLine": reg.end_line,
                           "endColumn": max(end_col, start_col), "snippet": {"text": f.text}},
            }}
            result = {
                "ruleId": f.rule,
                "ruleIndex": index[f.rule],
                "level": LEVELS[f.severity.value],
                "message": {"text": f.message},
                "locations": [location],
                "partialFingerprints": {"chronosFinding/v1": _fingerprint(f.rule, f.text)},
                "properties": {"severity": f.severity.value},
            }
            if f.explanation:
                result["properties"]["explanation"] = list(f.explanation)
            if f.facts:
                result["properties"]["facts"] = [x.model_dump() for x in f.facts]
            if f.related and doc is not None:
                related = []
                for i, s in enumerate(f.related):
                    rr = region(s, doc)
                    a, b = rr.utf16()
                    related.append({"id": i, "physicalLocation": {
                        "artifactLocation": {"uri": uri, "uriBaseId": "%SRCROOT%"},
                        "region": {"startLine": rr.start_line, "startColumn": a, "endLine": rr.end_line, "endColumn": max(a, b)}},
                        "message": {"text": doc.text[s.start:s.end]}})
                result["relatedLocations"] = related
            results.append(result)
    driver = {
        "name": "chronos",
        "version": _version(),
        "semanticVersion": _version(),
        "informationUri": _information_uri(),
        "rules": [_rule_descriptor(rid, known.get(rid)) for rid in ids],
    }
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": driver},
            "originalUriBaseIds": {"%SRCROOT%": {"description": {"text": "The directory chronos ran in (the repository root)."}}},
            "artifacts": list(artifacts.values()),
            "invocations": [{"executionSuccessful": not notes, "toolExecutionNotifications": notes}],
            "columnKind": "utf16CodeUnits",
            "results": results,
        }],
    }


def render(reports: list[Report], docs=None, rule_dirs=None) -> str:
    return json.dumps(build(reports, docs, rule_dirs), ensure_ascii=False, indent=2) + "\n"
