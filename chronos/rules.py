"""Rules are data: rules/<Pack>/<Rule>.yaml, one rule per file, ids Pack.Rule (as Vale's styles)."""
from __future__ import annotations

import functools
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from chronos.lexicon import RULES_DIR
from chronos.yamlfile import read_yaml
from chronos.model import Severity


class RuleError(ValueError):
    """A rule file that cannot be read: the message names file and line."""


class Rule(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=r"^[A-Z][A-Za-z]+\.[A-Z][A-Za-z]+$")
    severity: Severity
    weight: int = Field(description="How far the claim is trusted: in a conflict the lowest weight gives way")
    summary: str = Field(description="One line: what the rule catches")
    message: str = Field(description="The finding's sentence; placeholders {claim} {evidence} {anchor} {fact} ...")
    help: str = ""
    enabled: bool = True

    @property
    def pack(self) -> str:
        return self.id.split(".")[0]


class RuleSet:
    def __init__(self, rules: dict[str, Rule]):
        self.rules = rules

    def get(self, rule_id: str) -> Rule | None:
        return self.rules.get(rule_id)

    def __iter__(self):
        return iter(sorted(self.rules.values(), key=lambda r: r.id))


def read_rule(path: Path) -> Rule:
    text, data = read_yaml(path, RuleError)
    if not isinstance(data, dict):
        raise RuleError(f"{path}:1: a rule file holds a mapping (id, severity, weight, summary, message)")
    try:
        rule = Rule.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        key = str(err["loc"][0]) if err["loc"] else ""
        line = next((n for n, l in enumerate(text.splitlines(), 1) if l.startswith(f"{key}:")), 1)
        raise RuleError(f"{path}:{line}: {key or 'rule'}: {err['msg']}") from None
    expected = f"{path.parent.name}.{path.stem}"
    if rule.id != expected:
        raise RuleError(f"{path}:1: id {rule.id!r} does not match its file (expected {expected!r})")
    return rule


def rule_files(dirs: tuple[Path, ...]) -> list[Path]:
    return sorted(p for d in dirs for p in Path(d).glob("[A-Z]*/*.yaml") if not p.name.endswith(".examples.yaml"))


@functools.cache
def load_rules(dirs: tuple[Path, ...] = (RULES_DIR,)) -> RuleSet:
    rules: dict[str, Rule] = {}
    for path in rule_files(dirs):
        rule = read_rule(path)
        rules[rule.id] = rule
    return RuleSet(rules)
