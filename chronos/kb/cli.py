"""`chronos kb ...`: import, validate, export and query the knowledge base.

The lead's chronos/cli.py registers this group with ``main.add_command(kb)``.
Errors print one line on stderr and exit with status 2; `validate` exits 1 when it finds problems.
"""
from __future__ import annotations

import datetime as dt
import functools
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click
import yaml

from chronos.kb.store import KB, KB_DIR, KBError, load_kb, read_kb_file
from chronos.lexicon import RULES_DIR

REPO_ROOT = RULES_DIR.parent
SHARED = REPO_ROOT.parent / "shared" / "kb-sources"
IMPORTED = KB_DIR / "imported"


class CLIError(Exception):
    """A user-facing error: printed as one line, exit status 2."""


def _errors(fn: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except click.exceptions.Exit:
            raise
        except click.ClickException:
            raise
        except BrokenPipeError:  # output piped into `head`
            sys.stderr.close()
            sys.exit(0)
        except (CLIError, KBError, OSError, ValueError, KeyError, TypeError, yaml.YAMLError) as exc:
            msg = str(exc) if not isinstance(exc, KeyError) else f"missing field {exc}"
            if isinstance(exc, OSError) and exc.filename:
                msg = f"{exc.filename}: {exc.strerror or exc}"
            click.echo(f"chronos kb: error: {' '.join(msg.split())}", err=True)
            sys.exit(2)

    return wrapper


def _load(kb_dirs: tuple[str, ...]) -> KB:
    dirs = tuple(Path(d).resolve() for d in kb_dirs) if kb_dirs else (KB_DIR,)
    for d in dirs:
        if not d.is_dir():
            raise CLIError(f"{d}: not a directory")
    return load_kb(dirs)


def _other_kb_files(exclude: Path) -> list[Path]:
    exclude = exclude.resolve()
    return [p for p in sorted(KB_DIR.rglob("*.yaml")) if ".cache" not in p.parts and p.resolve() != exclude]


def _hand_written_ids(exclude: Path) -> tuple[set[str], set[tuple[str, str]]]:
    """Person ids and (person, office) pairs of every KB file but `exclude`."""
    people: set[str] = set()
    pairs: set[tuple[str, str]] = set()
    for f in _other_kb_files(exclude):
        part = read_kb_file(f)
        people.update(p.id for p in part.people)
        pairs.update((t.person, t.office) for t in part.terms)
    return people, pairs


def _write(data: dict[str, Any], output: Path | None, header: str) -> None:
    from chronos.kb.importers.common import dump_kb_yaml

    text = dump_kb_yaml(data, header)
    if output is None:
        click.echo(text, nl=False)
        return
    output.parent.mkdir(parents=True, exist_ok=True)
    from chronos.cli import write_atomic

    write_atomic(str(output), text)
    counts = ", ".join(f"{len(data.get(k) or [])} {k}" for k in ("offices", "people", "terms") if data.get(k))
    click.echo(f"wrote {output}: {counts}", err=True)


@click.group("kb")
def kb() -> None:
    """The knowledge base of dated facts (rules/kb)."""


@kb.group("import")
def import_() -> None:
    """Import facts from public datasets into KB YAML."""


@import_.command("wikidata")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), help="Write YAML here (default: stdout).")
@click.option("--office", "offices", multiple=True, metavar="QID=ID",
              help="Map a Wikidata position to a KB office, e.g. Q11696=us-president (repeatable).")
@click.option("--kb", "kb_dirs", multiple=True, type=click.Path(file_okay=False), help="KB directory for office mapping.")
@_errors
def import_wikidata(file: Path, output: Path | None, offices: tuple[str, ...], kb_dirs: tuple[str, ...]) -> None:
    """Import SPARQL JSON results or Wikidata entity JSON (P39 positions, P569/P570)."""
    from chronos.kb.importers.wikidata import country_map_from, import_wikidata as run, office_map_from

    extra = {}
    for item in offices:
        qid, sep, oid = item.partition("=")
        if not sep or not qid.strip() or not oid.strip():
            raise CLIError(f"--office {item!r}: expected QID=OFFICE_ID")
        extra[qid.strip()] = oid.strip()
    kb_ = _load(kb_dirs)
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise CLIError(f"{file}:{exc.lineno}: not valid JSON: {exc.msg}") from None
    result = run(data, office_map_from(kb_.offices.values(), extra), country_map_from(kb_.countries.values()))
    for w in result.warnings:
        click.echo(f"warning: {w}", err=True)
    _write(result.as_kb(), output, f"Imported from Wikidata ({file.name}) by `chronos kb import wikidata`.")


@import_.command("us-executive")
@click.argument("path", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=IMPORTED / "us-executive.yaml",
              show_default=True)
@_errors
def import_us_executive(path: Path | None, output: Path) -> None:
    """US presidents and vice presidents from congress-legislators' executive.yaml."""
    from chronos.kb.importers.us_executive import import_us_executive as run

    path = path or SHARED / "us-executive" / "executive.yaml"
    people, pairs = _hand_written_ids(output)
    data = run(path, skip_people=people, skip_terms=pairs)
    _write(data, output, "US presidents and vice presidents. Generated by `chronos kb import us-executive`: do not edit.\n"
           "Source: unitedstates/congress-legislators executive.yaml (CC0); QIDs from Wikidata.")


@import_.command("uk-ministers")
@click.argument("directory", required=False, type=click.Path(file_okay=False, path_type=Path))
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=IMPORTED / "uk-ministers.yaml",
              show_default=True)
@_errors
def import_uk_ministers(directory: Path | None, output: Path) -> None:
    """UK cabinet ministers from the Institute for Government Ministers Database CSVs."""
    from chronos.kb.importers.uk_ministers import import_uk_ministers as run

    directory = directory or SHARED / "uk-ministers"
    if not directory.is_dir():
        raise CLIError(f"{directory}: not a directory")
    people, _ = _hand_written_ids(output)
    data = run(directory, skip_people=people)
    _write(data, output, "UK Prime Ministers and Secretaries of State. Generated by `chronos kb import uk-ministers`: "
           "do not edit.\nSource: Institute for Government Ministers Database (CC BY 4.0).")


@kb.command("validate")
@click.argument("dirs", nargs=-1, type=click.Path(path_type=Path))
@_errors
def validate_cmd(dirs: tuple[Path, ...]) -> None:
    """Check KB files (default rules/kb): schema, dates, overlaps, references, duplicate ids."""
    from chronos.kb.validate import kb_files, validate

    targets = dirs or (KB_DIR,)
    problems = validate(targets)
    for p in problems:
        click.echo(str(p))
    n_files = len(kb_files(t for t in targets if Path(t).exists()))
    if problems:
        click.echo(f"{len(problems)} problem(s) in {n_files} file(s)", err=True)
        sys.exit(1)
    click.echo(f"ok: {n_files} file(s), no problems", err=True)


def export_data(kb_: KB) -> dict[str, Any]:
    def d(x: dt.date | None) -> str | None:
        return x.isoformat() if x else None

    terms = []
    for t in sorted(kb_.terms, key=lambda t: (t.start, t.office, t.person)):
        person, office = kb_.people.get(t.person), kb_.offices.get(t.office)
        terms.append({
            "person": person.name if person else t.person,
            "aliases": list(person.aliases) if person else [],
            "office": office.label if office else t.office,
            "start": d(t.start), "end": d(t.end), "source": t.source,
            "person_id": t.person, "office_id": t.office, "elected": d(t.elected), "acting": t.acting,
        })
    people = [
        {"id": p.id, "name": p.name, "aliases": list(p.aliases), "born": d(p.born), "born_by": d(p.born_by), "died": d(p.died),
         "country": p.country, "source": p.source}
        for p in sorted(kb_.people.values(), key=lambda p: p.id)
    ]
    events = [
        {"id": e.id, "label": e.label, "date": d(e.date), "end": d(e.end), "kind": e.kind, "names": list(e.names),
         "source": e.source}
        for e in sorted(kb_.events.values(), key=lambda e: (e.date, e.id))
    ]
    return {"terms": terms, "people": people, "events": events}


@kb.command("export")
@click.option("--format", "fmt", type=click.Choice(["json"]), default="json", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), help="Write here (default: stdout).")
@click.option("--kb", "kb_dirs", multiple=True, type=click.Path(file_okay=False), help="KB directory (default rules/kb).")
@_errors
def export_cmd(fmt: str, output: Path | None, kb_dirs: tuple[str, ...]) -> None:
    """Export terms, people and events as JSON."""
    text = json.dumps(export_data(_load(kb_dirs)), ensure_ascii=False, indent=1)
    if output is None:
        click.echo(text)
    else:
        from chronos.cli import write_atomic

        write_atomic(str(output), text + "\n")


def _country_id(kb_: KB, text: str) -> str:
    if text.upper() in kb_.countries:
        return text.upper()
    cid = kb_.country_by_name.get(text.lower())
    if cid is None:
        raise CLIError(f"unknown country {text!r}")
    return cid


_OFFICE_NOISE = re.compile(r"['’]s\b|[.'’]|^the\s+")


def _office_key(text: str) -> str:
    """Spelling-neutral form of an office's name: "the U.S. Secretary-General" -> "us secretary general",
    "Russia's President" -> "russia president", "Japanese PM" -> "japanese prime minister"."""
    words = _OFFICE_NOISE.sub("", text.lower().strip()).replace("-", " ").split()
    return " ".join("prime minister" if w == "pm" else w for w in words)


# a state's formal name around its common one: "the French Republic", "Republic of Poland",
# "Federative Republic of Brazil", "United Mexican States", "Argentine Nation"
_FORMAL_STATE = re.compile(r"^(?:the\s+)?(?:united\s+)?(?:(?:(?:federal|federative|democratic|islamic|socialist|arab|bolivarian|"
                           r"hellenic|people)\s+)*(?:republic|kingdom|state|commonwealth|federation)\s+of\s+(?:the\s+)?)?"
                           r"|\s+(?:republic|federation|nation|states|arab\s+republic)$")


def _state_key(text: str) -> str:
    return _FORMAL_STATE.sub("", text)


def resolve_offices(kb_: KB, text: str, country: str | None = None) -> list[str]:
    """Office ids for an id, a label or a title, with the country before or after it
    ("Russian President", "King of Spain", "Secretary-General of NATO")."""
    query = " ".join(text.split())
    key = _office_key(query)
    cid = _country_id(kb_, country) if country else None
    by_title: dict[str, list[str]] = {}
    for title, ids in kb_.offices_by_title.items():
        by_title.setdefault(_office_key(title), []).extend(ids)
    countries = {_office_key(name): c for name, c in kb_.country_by_name.items()}
    countries.update({_state_key(k): c for k, c in list(countries.items()) if _state_key(k) not in countries})
    candidates: list[str] = []
    if query in kb_.offices:
        candidates = [query]
    if not candidates:
        candidates = [o.id for o in kb_.offices.values() if _office_key(o.label) == key]
    if not candidates:
        candidates = list(by_title.get(key, []))
    if not candidates:
        words = key.split()
        for i in range(len(words) - 1, 0, -1):
            head, tail = " ".join(words[:i]), " ".join(words[i:])
            # "Russian President" / "Russia's President"; "President of Russia"
            if head in countries and tail in by_title:
                qualifier, candidates = countries[head], by_title[tail]
            elif head.endswith(" of") and head[:-3] in by_title and (state := _state_key(tail)) in countries:
                qualifier, candidates = countries[state], by_title[head[:-3]]
            else:
                continue
            if cid is not None and cid != qualifier:
                raise CLIError(f"{query!r} names {qualifier}, not {cid}")
            cid = qualifier
            break
    if cid is not None:
        candidates = [o for o in candidates if kb_.offices[o].country == cid]
    return list(dict.fromkeys(candidates))


def _date_arg(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date:
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None


@kb.command("who")
@click.argument("office", nargs=-1, required=True)
@click.option("--on", "on", callback=_date_arg, metavar="YYYY-MM-DD", help="The day (default: today).")
@click.option("--country", "-c", help="Country id or name, when the title is shared (e.g. 'Prime Minister').")
@click.option("--kb", "kb_dirs", multiple=True, type=click.Path(file_okay=False), help="KB directory (default rules/kb).")
@_errors
def who(office: tuple[str, ...], on: dt.date, country: str | None, kb_dirs: tuple[str, ...]) -> None:
    """Who held OFFICE (an id, label or title like "Prime Minister") on a day."""
    kb_ = _load(kb_dirs)
    text = " ".join(office)
    ids = resolve_offices(kb_, text, country)
    if not ids:
        raise CLIError(f"no office matches {text!r}" + (f" in {country}" if country else ""))
    found = False
    for oid in ids:
        o = kb_.offices[oid]
        for t in sorted(kb_.holders(oid, on), key=lambda t: t.start):
            p = kb_.people.get(t.person)
            name = p.name if p else t.person
            acting = "acting " if t.acting else ""
            click.echo(f"{name}\t{acting}{o.label}\t{t.start} to {t.end or 'present'}")
            found = True
    if not found:
        labels = ", ".join(kb_.offices[o].label for o in ids)
        click.echo(f"nobody held {labels} on {on} (as far as the KB knows)", err=True)
        sys.exit(1)
