"""The Gregorian calendar in Z3 linear integer arithmetic (division by constants only).

Day numbers are `date.toordinal()` (1 = Monday 1 January of year 1). `days_from_civil`
is Howard Hinnant's algorithm, valid for years >= 1.
"""
from __future__ import annotations

import z3

ORDINAL_OF_1970 = 719163  # date(1970, 1, 1).toordinal()
Num = int | z3.ArithRef


def _if(cond, a, b):
    return (a if cond else b) if isinstance(cond, bool) else z3.If(cond, a, b)


def days_from_civil(y: Num, m: Num, d: Num) -> Num:
    y2 = y - _if(m <= 2, 1, 0)
    era = y2 / 400 if not isinstance(y2, int) else y2 // 400
    yoe = y2 - era * 400
    mp = _if(m > 2, m - 3, m + 9)
    doy = ((153 * mp + 2) / 5 if not isinstance(mp, int) else (153 * mp + 2) // 5) + d - 1
    if isinstance(yoe, int):
        doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    else:
        doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146097 + doe - 719468 + ORDINAL_OF_1970


def is_leap(y: Num):
    return z3.Or(z3.And(y % 4 == 0, y % 100 != 0), y % 400 == 0)


def month_length(y: Num, m: Num):
    return z3.If(m == 2, z3.If(is_leap(y), 29, 28), z3.If(z3.Or(m == 4, m == 6, m == 9, m == 11), 30, 31))


def weekday(x: Num) -> Num:
    """Monday 0 ... Sunday 6, as date.weekday()."""
    return (x - 1) % 7


def week_start(x: Num) -> Num:
    return x - (x - 1) % 7


def civil(y: z3.ArithRef, m: z3.ArithRef, d: z3.ArithRef, x: Num) -> list:
    """Constraints making (y, m, d) the calendar date of day number x."""
    return [y >= 1, m >= 1, m <= 12, d >= 1, d <= month_length(y, m), days_from_civil(y, m, d) == x]


def month_start(y: Num, month_index: Num) -> Num:
    """First day of month `month_index` (0 = January) counted from January of year y; may run past 11."""
    yy = y + month_index / 12 if not isinstance(month_index, int) else y + month_index // 12
    mm = month_index % 12 + 1
    return days_from_civil(yy, mm, 1)
