"""A day or month without a year takes the year that sets the time of its clause."""
from __future__ import annotations

import pytest

from chronos.extract import extract


def _values(text: str) -> dict[str, int | None]:
    return {t.text: t.year for t in extract(text, None).timexes}


@pytest.mark.parametrize("text, day, year", [
    ("In 2007, Macri took office on Dec. 10.", "Dec. 10", 2007),
    ("In early 2011, after weeks of protests, he resigned on Feb. 11.", "Feb. 11", 2011),
    ("She was elected in March 2019 and sworn in on May 20.", "May 20", 2019),
    ("The plant opened on Oct. 3, 1998 and closed in June.", "June", 1998),
    ("2009 - Elected to the senate, taking her seat on Jan. 6.", "Jan. 6", 2009),
    ("In 2020, it begins on April 23, and in 2021, April 12.", "April 12", 2021),
])
def test_day_takes_the_year_of_its_clause(text, day, year):
    assert _values(text)[day] == year


@pytest.mark.parametrize("text, day", [
    ("In 2007, he ran. He took office on Dec. 10.", "Dec. 10"),  # another sentence
    ("The stadium, which opened in 1994, will host the final on June 3.", "June 3"),  # a closed relative clause
    ("Prices are the highest since Oct. 3, 2007 on Dec. 10.", "Dec. 10"),  # a reference point
    ("Sales fell in 2019, and the shop closes on Jan. 5.", "Jan. 5"),  # another clause
    ("Profits fell in fiscal 2016 ended in September.", "September"),  # a fiscal year straddles two
    ("In 2019 the fee-free days include Christmas.", "Christmas"),  # a holiday keeps its own reading
])
def test_day_keeps_no_year_outside_that_clause(text, day):
    assert _values(text)[day] is None
