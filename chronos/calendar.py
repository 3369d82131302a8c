"""Gregorian calendar arithmetic on day numbers (date.toordinal()), in plain Python.

The Z3 encoding in chronos.solve.calendar mirrors these functions; property tests check
that both agree with the standard library.
"""
from __future__ import annotations

import datetime as dt

SEASON_MONTHS = {"SP": (3, 6), "SU": (6, 9), "FA": (9, 12), "WI": (12, 15)}  # [first month, month after)


def month_start(year: int, month: int) -> int:
    """First day of a month; months past 12 roll into the next years."""
    year += (month - 1) // 12
    month = (month - 1) % 12 + 1
    return dt.date(year, month, 1).toordinal()


def week_start(day: int) -> int:
    """The Monday of the ISO week holding `day`."""
    return day - (day - 1) % 7


def weekday(day: int) -> int:
    return (day - 1) % 7


INTERVAL_KINDS = ("date", "month", "year", "quarter", "season")  # the kinds `interval_of` reads, given their year


def interval_of(t) -> tuple[int, int]:
    """[first day, day after the last) of a time expression that names its year."""
    y = t.year
    if t.kind == "date":
        d = dt.date(y, t.month, t.day).toordinal()
        return d, d + 1
    if t.kind == "month":
        return month_start(y, t.month), month_start(y, t.month + 1)
    if t.kind == "year":
        return month_start(y, 1), month_start(y + 1, 1)
    if t.kind == "quarter":
        return month_start(y, 3 * t.quarter - 2), month_start(y, 3 * t.quarter + 1)
    if t.kind == "season":
        a, b = SEASON_MONTHS[t.season]
        return month_start(y, a), month_start(y, b)
    raise ValueError(f"{t.kind} has no fixed interval")


def valid_date(year: int | None, month: int, day: int) -> bool:
    try:
        dt.date(year or 2000, month, day)  # 2000 is a leap year: 29 Feb passes without a year
        return True
    except ValueError:
        return False
