"""Project configuration: `[tool.chronos]` in pyproject.toml or a chronos.toml, found from the
working directory upward (a chronos.toml wins over a pyproject.toml in the same directory);
`--config FILE` names one directly.

    [tool.chronos]
    packs = ["Tenure", "Life", "Calendar"]   # only these rule packs report
    disable = ["Series.UnknownEvent"]        # rule ids (or whole packs) never reported
    min_level = "warning"                    # drop findings below this severity
    rules = ["house-rules"]                  # extra rule directories (<Pack>/<Rule>.yaml)
    kb = ["facts"]                           # extra knowledge-base directories

    [tool.chronos.severity]                  # per-rule severity; "off" disables
    "Tense.PastAboutFuture" = "suggestion"

Paths are relative to the file that names them.
"""
from __future__ import annotations

import dataclasses
import tomllib
from pathlib import Path

from chronos.model import Severity

KEYS = {"packs", "disable", "severity", "rules", "kb", "min_level"}
LEVELS = [s.value for s in Severity]


class ConfigError(ValueError):
    """A configuration that cannot be used; the message names the file."""


@dataclasses.dataclass(frozen=True)
class Config:
    path: Path | None = None
    packs: frozenset[str] | None = None
    disable: frozenset[str] = frozenset()
    severity: dict[str, Severity] = dataclasses.field(default_factory=dict)
    rules: tuple[Path, ...] = ()
    kb: tuple[Path, ...] = ()
    min_level: Severity | None = None

    def options(self, **overrides):
        """The pipeline Options this configuration asks for."""
        from chronos.pipeline import Options

        base = Options()
        return dataclasses.replace(
            base,
            rule_dirs=tuple(dict.fromkeys(base.rule_dirs + self.rules)),
            kb_dirs=tuple(dict.fromkeys(base.kb_dirs + self.kb)),
            packs=self.packs,
            disabled=self.disable,
            severity=dict(self.severity),
            min_level=self.min_level,
            **overrides,
        )


def find(start: Path | None = None) -> tuple[Path, dict] | None:
    """The nearest configuration from `start` (the cwd) upward: (file, the chronos table)."""
    here = (start or Path.cwd()).resolve()
    for d in (here, *here.parents):
        own = d / "chronos.toml"
        if own.is_file():
            return own, _table(own, _load(own))
        py = d / "pyproject.toml"
        if py.is_file():
            table = _load(py).get("tool", {}).get("chronos")
            if table is not None:
                return py, table
    return None


def _load(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None


def _table(path: Path, data: dict) -> dict:
    """The chronos settings of a file: `[tool.chronos]`, a `[chronos]` table, or (chronos.toml) the top level."""
    if "tool" in data or path.name == "pyproject.toml":
        return data.get("tool", {}).get("chronos", {})
    if set(data) == {"chronos"}:
        return data["chronos"]
    return data


def _strings(path: Path, key: str, value) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{path}: {key} is a list of strings")
    return value


def _level(path: Path, key: str, value) -> Severity:
    if value not in LEVELS:
        raise ConfigError(f"{path}: {key} = {value!r}: choose from {', '.join(LEVELS)}")
    return Severity(value)


def parse(path: Path, table: dict) -> Config:
    """Validate the chronos table of `path`. Unknown keys, rule ids and levels are errors, not ignored."""
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: the chronos settings are a table")
    unknown = set(table) - KEYS
    if unknown:
        raise ConfigError(f"{path}: unknown setting{'s' * (len(unknown) > 1)} {', '.join(sorted(unknown))}; known: {', '.join(sorted(KEYS))}")
    base = path.parent
    dirs = lambda key: tuple((base / p).resolve() for p in _strings(path, key, table.get(key, [])))  # noqa: E731
    rules, kb = dirs("rules"), dirs("kb")
    for d in rules + kb:
        if not d.is_dir():
            raise ConfigError(f"{path}: {d} is not a directory")
    severity: dict[str, Severity] = {}
    disable = set(_strings(path, "disable", table.get("disable", [])))
    raw = table.get("severity", {})
    if not isinstance(raw, dict):
        raise ConfigError(f"{path}: severity is a table of rule id = level")
    for rid, level in raw.items():
        if level == "off":
            disable.add(rid)
        else:
            severity[rid] = _level(path, f"severity.{rid}", level)
    packs = frozenset(_strings(path, "packs", table["packs"])) if "packs" in table else None
    cfg = Config(path=path, packs=packs, disable=frozenset(disable), severity=severity, rules=rules, kb=kb,
                 min_level=_level(path, "min_level", table["min_level"]) if "min_level" in table else None)
    _check_ids(cfg)
    return cfg


def _check_ids(cfg: Config) -> None:
    from chronos.rules import RuleError, load_rules

    try:
        known = {r.id for r in load_rules(cfg.options().rule_dirs)}
    except RuleError as exc:
        raise ConfigError(str(exc)) from None
    packs = {rid.split(".")[0] for rid in known}
    for rid in sorted(cfg.disable | set(cfg.severity)):
        if rid not in known and rid not in packs:
            raise ConfigError(f"{cfg.path}: no rule or pack {rid!r}")
    for pack in sorted(cfg.packs or ()):
        if pack not in packs:
            raise ConfigError(f"{cfg.path}: no rule pack {pack!r}; packs: {', '.join(sorted(packs))}")


def load(path: str | Path | None = None, start: Path | None = None) -> Config:
    """`path` if given, else the nearest configuration, else the defaults."""
    if path is not None:
        path = Path(path)
        if not path.is_file():
            raise ConfigError(f"{path}: no such configuration file")
        return parse(path, _table(path, _load(path)))
    found = find(start)
    return parse(*found) if found else Config()
