"""Importers that turn public datasets into KB YAML files (rules/kb/imported/).

Each importer returns a KBFile-shaped dict ({"people": [...], "offices": [...], "terms": [...]})
of plain values; `dump_kb_yaml` writes it in the one-record-per-line style of the hand-written files.
"""
from __future__ import annotations

from chronos.kb.importers.common import check_kb_dict, dump_kb_yaml

__all__ = ["check_kb_dict", "dump_kb_yaml"]
