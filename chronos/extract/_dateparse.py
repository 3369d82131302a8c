"""Absolute numeric dates through dateparser, imported only when one occurs (it is slow to load)."""
from __future__ import annotations

import datetime as dt
import functools


@functools.cache
def _parser():
    import dateparser

    return dateparser.DateDataParser(languages=["en"], settings={"DATE_ORDER": "MDY", "PREFER_DAY_OF_MONTH": "first"})


def parse_numeric(text: str) -> dt.date | None:
    data = _parser().get_date_data(text)
    if data is None or data.date_obj is None or data.period != "day":
        return None
    return data.date_obj.date()
