"""Dating news without its date, false alarms with it, and recycled stories.

For each article of a JSONL file ({"id", "published", "title"?, "text"}):
- hidden: `published` is withheld; does the inferred interval contain the true date, is
  the best day in the right year and within a day, how wide is the interval?
- given: checked with its true date; does any error finding fire (a false alarm)?
- recycled: checked with a date two years after the true one; does chronos say the text
  belongs to an earlier time (an error finding)?
"""
from __future__ import annotations

import datetime as dt
import json
import statistics
from dataclasses import dataclass
from multiprocessing import Pool

RECYCLE_DAYS = 730


@dataclass
class Outcome:
    id: str
    truth: str
    best: str | None
    contains: bool
    year_ok: bool
    day_ok: bool
    width: int
    false_alarm: bool
    false_alarm_rules: list[str]
    recycled_caught: bool


def article_text(rec: dict) -> str:
    title = (rec.get("title") or "").strip()
    return f"{title}\n\n{rec['text']}" if title else rec["text"]


def evaluate_one(rec: dict) -> Outcome:
    from chronos.document import Document
    from chronos.pipeline import check_document

    text = article_text(rec)
    truth = dt.date.fromisoformat(rec["published"][:10])
    hidden = check_document(Document(text=text, name=rec["id"])).anchor
    contains = hidden.earliest is not None and hidden.earliest <= truth <= hidden.latest
    width = (hidden.latest - hidden.earliest).days + 1 if hidden.earliest else 10**6
    given = check_document(Document(text=text, name=rec["id"], published=truth))
    errors = [f.rule for f in given.findings if f.severity == "error"]
    recycled = check_document(Document(text=text, name=rec["id"], published=truth + dt.timedelta(days=RECYCLE_DAYS)))
    caught = any(f.severity == "error" for f in recycled.findings)
    return Outcome(
        id=rec["id"], truth=truth.isoformat(), best=hidden.best.isoformat() if hidden.best else None, contains=contains,
        year_ok=hidden.best is not None and hidden.best.year == truth.year,
        day_ok=hidden.best is not None and abs((hidden.best - truth).days) <= 1,
        width=width, false_alarm=bool(errors), false_alarm_rules=errors, recycled_caught=caught,
    )


def evaluate(records: list[dict], workers: int = 1) -> list[Outcome]:
    if workers <= 1:
        return [evaluate_one(r) for r in records]
    with Pool(workers) as pool:
        return pool.map(evaluate_one, records, chunksize=4)


def summary(outcomes: list[Outcome]) -> dict[str, float]:
    n = len(outcomes) or 1
    return {
        "documents": len(outcomes),
        "interval contains true date %": 100 * sum(o.contains for o in outcomes) / n,
        "best date right year %": 100 * sum(o.year_ok for o in outcomes) / n,
        "best date within 1 day %": 100 * sum(o.day_ok for o in outcomes) / n,
        "median interval width (days)": statistics.median([o.width for o in outcomes]) if outcomes else 0,
        "false alarms (error with true date) %": 100 * sum(o.false_alarm for o in outcomes) / n,
        "recycled +2y caught %": 100 * sum(o.recycled_caught for o in outcomes) / n,
    }


def read_jsonl(path: str, limit: int | None = None) -> list[dict]:
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                out.append(json.loads(line))
            if limit and len(out) >= limit:
                break
    return out


def print_summary(outcomes: list[Outcome], echo) -> None:
    for key, value in summary(outcomes).items():
        echo(f"{key:42} {value:8.1f}" if isinstance(value, float) else f"{key:42} {value:8}")
