"""TIMEX3 values for time expressions once the article is anchored."""
from __future__ import annotations

import datetime as dt

from chronos.extract import Timex

_SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def timex_value(t: Timex, values: dict[str, int], i: int) -> str | None:
    """The TIMEX3 value of expression i, from its resolved first day S{i} and end E{i}."""
    if t.value is not None and t.kind in ("duration", "ref", "set", "decade"):
        return t.value
    if t.value is not None and t.kind == "year":  # fiscal years keep their FY form
        return t.value
    s, e = values.get(f"S{i}"), values.get(f"E{i}")
    if s is None or e is None:
        return None
    d = dt.date.fromordinal(s)
    length = e - s
    if t.kind == "date" or t.kind == "weekday" or (t.kind == "rel" and t.unit in ("D", "H", "MIN", "S")):
        value = d.isoformat()
        if t.clock:
            value += t.clock
        elif t.part:
            value += f"T{t.part}"
        return value
    if t.kind == "rel" and t.unit == "W":
        iso = d.isocalendar()
        return f"{iso.year}-W{iso.week:02d}"
    if t.kind == "rel" and t.unit == "WE":
        iso = d.isocalendar()
        return f"{iso.year}-W{iso.week:02d}-WE"
    if t.kind == "month" or (t.kind == "rel" and t.unit == "M"):
        return f"{d.year:04d}-{d.month:02d}"
    if t.kind == "quarter" or (t.kind == "rel" and t.unit == "Q"):
        return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
    if t.kind == "season":
        return f"{d.year:04d}-{t.season}"
    if t.kind == "year" or (t.kind == "rel" and t.unit == "Y"):
        return f"{d.year:04d}"
    if t.kind == "rel" and t.unit == "DE":
        return f"{d.year // 10:03d}"
    if t.kind == "rel" and t.unit == "CE":
        return f"{d.year // 100:02d}"
    return d.isoformat() if length == 1 else None
