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


_CUMULATIVE = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]  # days before each month


def days_from_civil(y: Num, m: Num, d: Num) -> Num:
    """Day number of a calendar date: exact for integers; for a Z3 year, the lean form that
    holds from 1901 to 2099 (every fourth year a leap year), which keeps the solver fast."""
    if isinstance(y, int) and isinstance(m, int):
        return _exact_days_from_civil(y, m, d)
    cum = _CUMULATIVE[m - 1] if isinstance(m, int) else _table(m, _CUMULATIVE)
    leap_day = z3.If(z3.And(m > 2, y % 4 == 0), 1, 0) if not (isinstance(m, int) and m <= 2) else 0
    return 365 * (y - 1) + (y - 1) / 4 - 15 + cum + leap_day + d


def _table(m, values: list[int]):
    expr = values[-1]
    for k in range(len(values) - 2, -1, -1):
        expr = z3.If(m == k + 1, values[k], expr)
    return expr


def _exact_days_from_civil(y: int, m: int, d) -> Num:
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
    if isinstance(y, int):
        return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    return y % 4 == 0  # 1901-2099, as days_from_civil


def month_length(y: Num, m: Num):
    if isinstance(y, int) and isinstance(m, int):
        return [31, 29 if is_leap(y) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
    return z3.If(m == 2, z3.If(is_leap(y), 29, 28), z3.If(z3.Or(m == 4, m == 6, m == 9, m == 11), 30, 31))


def weekday(x: Num) -> Num:
    """Monday 0 ... Sunday 6, as date.weekday()."""
    return (x - 1) % 7


def week_start(x: Num) -> Num:
    return x - (x - 1) % 7


def civil(y: z3.ArithRef, m: z3.ArithRef, d: z3.ArithRef, x: Num) -> list:
    """Constraints making (y, m, d) the calendar date of day number x."""
    return [y >= 1901, y <= 2099, m >= 1, m <= 12, d >= 1, d <= month_length(y, m), days_from_civil(y, m, d) == x]


def month_start(y: Num, month_index: Num) -> Num:
    """First day of month `month_index` (0 = January) counted from January of year y; may run past 11."""
    yy = y + month_index / 12 if not isinstance(month_index, int) else y + month_index // 12
    mm = month_index % 12 + 1
    return days_from_civil(yy, mm, 1)
