"""`chronos rules test`: every rule's examples file is its test suite.

Each rule `rules/<Pack>/<Rule>.yaml` has `rules/<Pack>/<Rule>.examples.md` beside it (as
Duckling's corpora or semgrep's `ruleid:`/`ok:` comments): short articles separated by lines of
three dashes, each opened by one HTML comment of directives:

    <!-- expect published: 2023-03-14 span: "Prime Minister Boris Johnson" -->
    Prime Minister Boris Johnson said on Tuesday that ...
    ---
    <!-- ok published: 2019-03-01 -->
    Prime Minister Boris Johnson ...
    ---
    <!-- gap: "the title sits in a quote about 2010" published: 2024-06-01 -->
    ...

* `expect` (or `expect: Pack.Rule`, another rule): the rule must fire; with `span: "..."` a
  finding of it must cover exactly that text, with `message: "..."` its message must contain it.
* `ok` (or `ok: "why"`): the rule must not fire.
* `gap: "why"`: a known gap: the rule should fire but does not yet; reported, never failed (and
  reported as fixed when it starts firing, so it can become an `expect`).
* `published: YYYY-MM-DD` gives the publication date; without it the article is dated from its text.
* `timeout: MS` gives the solver only this many milliseconds (to exercise `Solver.Timeout`).
"""
from __future__ import annotations

import dataclasses
import functools
import re
import shlex
import sys
from pathlib import Path

import click

from chronos.lexicon import RULES_DIR

EXAMPLES_SUFFIX = ".examples.md"
KINDS = ("expect", "ok", "gap")
_SEPARATOR = re.compile(r"^-{3,}\s*$", re.MULTILINE)
_HEADER = re.compile(r"\A\s*<!--(?P<body>.*?)-->[ \t]*\n?", re.DOTALL)
_KEY = re.compile(r"^(?P<key>[a-z]+):(?P<rest>.*)$", re.DOTALL)
_RULE_ID = re.compile(r"^[A-Z][A-Za-z]+\.[A-Z][A-Za-z]+$")


class ExampleError(ValueError):
    """An examples file that cannot be read: the message names file and line."""


@dataclasses.dataclass(frozen=True)
class Example:
    rule: str  # the rule this example tests (the file's rule, or the one `expect:` names)
    kind: str  # expect | ok | gap
    text: str
    path: Path
    line: int  # of the header
    published: str | None = None
    span: str | None = None
    message: str | None = None
    note: str = ""
    timeout_ms: int | None = None  # `timeout: 1`: the solver's time for this example

    @property
    def id(self) -> str:
        return f"{self.path.name.removesuffix(EXAMPLES_SUFFIX)}:{self.line}:{self.kind}"


@dataclasses.dataclass
class Outcome:
    example: Example
    status: str  # passed | failed | gap | fixed (a gap that now fires)
    detail: str = ""


def _tokens(header: str, where: str) -> list[str]:
    try:
        return shlex.split(header, posix=True)
    except ValueError as exc:
        raise ExampleError(f"{where}: cannot read the directives ({exc})") from None


def parse_header(header: str, rule_id: str, where: str) -> dict:
    """`expect: Pack.Rule published: 2025-05-22 span: "..."` -> a dict of directives."""
    out: dict = {}
    key = None
    for tok in _tokens(header, where):
        m = _KEY.match(tok)
        if m and m.group("key") in ("expect", "ok", "gap", "published", "span", "message", "note", "rule", "timeout"):
            key, rest = m.group("key"), m.group("rest")
            if key in KINDS:
                if "kind" in out:
                    raise ExampleError(f"{where}: two of expect/ok/gap in one header")
                out["kind"] = key
            out.setdefault(key, "")
            if rest:
                out[key] = (out[key] + " " + rest).strip()
            continue
        if tok in KINDS and key is None and "kind" not in out:
            out["kind"] = tok
            out[tok] = ""
            continue
        if key is None:
            raise ExampleError(f"{where}: expected 'expect', 'ok' or 'gap' first, got {tok!r}")
        out[key] = (out[key] + " " + tok).strip()
    if "kind" not in out:
        raise ExampleError(f"{where}: the header names none of expect / ok / gap")
    rule = rule_id
    if out["kind"] == "expect" and out["expect"]:
        rule = out["expect"]
    elif out.get("rule"):
        rule = out["rule"]
    if not _RULE_ID.match(rule):
        raise ExampleError(f"{where}: {rule!r} is not a rule id (Pack.Rule)")
    out["rule"] = rule
    if out.get("published") and not re.fullmatch(r"\d{4}-\d\d-\d\d", out["published"]):
        raise ExampleError(f"{where}: published {out['published']!r} is not YYYY-MM-DD")
    return out


def read_examples(path: Path) -> list[Example]:
    path = Path(path)
    rule_id = f"{path.parent.name}.{path.name.removesuffix(EXAMPLES_SUFFIX)}"
    source = path.read_text(encoding="utf-8")
    out: list[Example] = []
    pos = 0
    chunks = []
    for m in _SEPARATOR.finditer(source):
        chunks.append((pos, source[pos:m.start()]))
        pos = m.end()
    chunks.append((pos, source[pos:]))
    for offset, chunk in chunks:
        h = _HEADER.match(chunk)
        if not h:
            if chunk.strip() and not chunk.lstrip().startswith("#"):
                line = source.count("\n", 0, offset) + 1
                raise ExampleError(f"{path}:{line}: an example starts with a <!-- expect/ok/gap ... --> header")
            continue  # a title or notes before the first example
        line = source.count("\n", 0, offset + h.start("body")) + 1
        where = f"{path}:{line}"
        d = parse_header(" ".join(h.group("body").split()), rule_id, where)
        text = chunk[h.end():].strip("\n")
        if not text.strip():
            raise ExampleError(f"{where}: the example has no text")
        if d.get("span") and d["span"] not in text:
            raise ExampleError(f"{where}: span {d['span']!r} is not in the example's text")
        note = d.get("note") or (d[d["kind"]] if d["kind"] != "expect" else "")
        out.append(Example(rule=d["rule"], kind=d["kind"], text=text, path=path, line=line,
                           published=d.get("published") or None, span=d.get("span") or None,
                           message=d.get("message") or None, note=note,
                           timeout_ms=int(d["timeout"]) if d.get("timeout") else None))
    return out


def examples_files(dirs: tuple[Path, ...]) -> list[Path]:
    """Examples files under rule directories, pack directories or named directly."""
    out: list[Path] = []
    for d in dirs:
        d = Path(d)
        if d.is_file():
            out.append(d if d.name.endswith(EXAMPLES_SUFFIX) else d.with_name(d.stem + EXAMPLES_SUFFIX))
        elif any(d.glob(f"*{EXAMPLES_SUFFIX}")):
            out += sorted(d.glob(f"*{EXAMPLES_SUFFIX}"))
        else:
            out += sorted(d.glob(f"[A-Z]*/*{EXAMPLES_SUFFIX}"))
    return list(dict.fromkeys(out))


def rules_without_examples(dirs: tuple[Path, ...]) -> list[str]:
    from chronos.rules import rule_files

    return [f"{p.parent.name}.{p.stem}" for p in rule_files(dirs) if not p.with_name(p.stem + EXAMPLES_SUFFIX).exists()]


@functools.lru_cache(maxsize=512)
def _report(text: str, published: str | None, rule_dirs: tuple[Path, ...], timeout_ms: int | None = None):
    import datetime as dt

    from chronos.document import Document
    from chronos.pipeline import Options, check_document

    doc = Document(text=text, name="example", published=dt.date.fromisoformat(published) if published else None)
    options = Options(rule_dirs=rule_dirs)
    return check_document(doc, options if timeout_ms is None else dataclasses.replace(options, timeout_ms=timeout_ms))


_BAD_MESSAGE = re.compile(r"\{\w*\}|\s{2,}|\s[,.;:]|\(\s*\)|''|\bNone\b")


def run_example(ex: Example, rule_dirs: tuple[Path, ...] = (RULES_DIR,)) -> Outcome:
    report = _report(ex.text, ex.published, rule_dirs, ex.timeout_ms)
    if report.error:
        return Outcome(ex, "failed", f"the pipeline failed: {report.error}")
    hits = [f for f in report.findings if f.rule == ex.rule]
    if ex.span:
        matching = [f for f in hits if f.text == ex.span]
    else:
        matching = hits
    if ex.message:
        matching = [f for f in matching if ex.message in f.message]
    fired = bool(matching)
    found = "; ".join(f"{f.rule} at {f.text!r}: {f.message}" for f in report.findings) or "no findings"
    if ex.kind == "ok":
        return Outcome(ex, "failed", f"{ex.rule} fired: " + " | ".join(f.message for f in hits)) if hits else Outcome(ex, "passed")
    if ex.kind == "gap":
        return Outcome(ex, "fixed", f"now fires: {matching[0].message}") if fired else Outcome(ex, "gap", ex.note)
    if not fired:
        want = ex.rule + (f" at {ex.span!r}" if ex.span else "") + (f" saying {ex.message!r}" if ex.message else "")
        return Outcome(ex, "failed", f"expected {want}; got {found}")
    bad = [f.message for f in matching if _BAD_MESSAGE.search(f.message)]
    if bad:
        return Outcome(ex, "failed", f"the message reads badly: {bad[0]!r}")
    return Outcome(ex, "passed")


def all_examples(dirs: tuple[Path, ...]) -> list[Example]:
    return [ex for path in examples_files(dirs) for ex in read_examples(path)]


def _rule_dirs(dirs: tuple[Path, ...]) -> tuple[Path, ...]:
    """The rule directories to load: the bundled rules, overridden by the directories tested."""
    roots = []
    for d in dirs:
        d = Path(d).resolve()
        if d.is_file():
            d = d.parent.parent
        elif any(d.glob(f"*{EXAMPLES_SUFFIX}")) or any(d.glob("*.yaml")) and not any(d.glob("[A-Z]*/*.yaml")):
            d = d.parent
        roots.append(d)
    return tuple(dict.fromkeys([RULES_DIR.resolve(), *roots]))


@click.group(name="rules")
def rules_group() -> None:
    """Work with rules: rules/<Pack>/<Rule>.yaml and their examples."""


@rules_group.command(name="test")
@click.argument("dirs", nargs=-1, type=click.Path(exists=True))
@click.option("--verbose", "-v", is_flag=True, help="List every example, not only failures and gaps.")
def test_command(dirs: tuple[str, ...], verbose: bool) -> None:
    """Run every rule's examples (<Rule>.examples.md): exit 1 if an `expect` does not fire or an `ok` does."""
    paths = tuple(Path(d) for d in dirs) or (RULES_DIR,)
    rule_dirs = _rule_dirs(paths)
    try:
        examples = all_examples(paths)
    except ExampleError as exc:
        click.echo(f"chronos: {exc}", err=True)
        sys.exit(2)
    by_rule: dict[str, list[Outcome]] = {}
    for ex in examples:
        by_rule.setdefault(f"{ex.path.parent.name}.{ex.path.name.removesuffix(EXAMPLES_SUFFIX)}", []).append(run_example(ex, rule_dirs))
    totals = dict(passed=0, failed=0, gap=0, fixed=0)
    width = max((len(r) for r in by_rule), default=10)
    for rule, outcomes in sorted(by_rule.items()):
        counts = {k: sum(o.status == k for o in outcomes) for k in totals}
        for k in totals:
            totals[k] += counts[k]
        mark = "FAIL" if counts["failed"] else "ok  "
        extra = f", {counts['fixed']} gap fixed" if counts["fixed"] else ""
        click.echo(f"{mark} {rule:<{width}}  {counts['passed']} passed, {counts['failed']} failed, {counts['gap']} gaps{extra}")
        for o in outcomes:
            if o.status == "passed" and not verbose:
                continue
            where = f"{o.example.path.name}:{o.example.line}"
            label = {"passed": "pass", "failed": "FAIL", "gap": "gap ", "fixed": "FIXED"}[o.status]
            click.echo(f"     {label} {where} ({o.example.kind}{' ' + o.example.rule if o.example.rule != rule else ''})"
                       + (f": {o.detail}" if o.detail else ""))
    missing = [r for r in rules_without_examples(rule_dirs[1:] or rule_dirs) if r not in by_rule]
    if missing and not dirs:
        click.echo(f"rules without examples: {', '.join(missing)}")
    click.echo(f"{len(examples)} examples in {len(by_rule)} rules: {totals['passed']} passed, {totals['failed']} failed, "
               f"{totals['gap']} known gaps" + (f", {totals['fixed']} gaps now fire" if totals["fixed"] else ""))
    sys.exit(1 if totals["failed"] else 0)
