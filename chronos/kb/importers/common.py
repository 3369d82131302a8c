"""Helpers shared by the importers: YAML output and a schema check of the result."""
from __future__ import annotations

from typing import Any

import yaml

from chronos.kb.schema import KBFile

SECTIONS = ("countries", "offices", "people", "terms", "events", "series")
# Key order inside a record: the order of the schema's fields, so files read the same everywhere.
_ORDER = {
    name: list(KBFile.model_fields[name].annotation.__args__[0].model_fields)  # type: ignore[union-attr]
    for name in SECTIONS
}


def _clean(record: dict[str, Any], section: str) -> dict[str, Any]:
    """Drop empty optional values and order keys as the schema does."""
    out = {}
    for key in _ORDER[section]:
        if key not in record:
            continue
        value = record[key]
        if value is None or value == [] or (key == "acting" and value is False):
            continue
        if key == "single_holder" and value is True:
            continue
        out[key] = value
    return out


def check_kb_dict(data: dict[str, Any]) -> KBFile:
    """Validate an importer's output against the schema (raises pydantic.ValidationError)."""
    return KBFile.model_validate(data)


def _flow(record: dict[str, Any]) -> str:
    text = yaml.safe_dump(record, default_flow_style=True, sort_keys=False, allow_unicode=True, width=10**6)
    return text.strip()


def dump_kb_yaml(data: dict[str, Any], header: str = "") -> str:
    """The KB dict as YAML text, one flow-style record per line."""
    check_kb_dict(data)
    lines: list[str] = []
    for comment_line in header.strip().splitlines():
        lines.append(f"# {comment_line}".rstrip())
    for section in SECTIONS:
        records = data.get(section) or []
        if not records:
            continue
        lines.append(f"{section}:")
        for record in records:
            lines.append(f"  - {_flow(_clean(record, section))}")
    return "\n".join(lines) + "\n"
