"""The largest (and earliest) values a CV may hold: the model refuses others, and every writer
must render every value inside them, so what `cvgen check` accepts is what every output shows.

Each bound is far beyond any real CV, and well inside what the number and date libraries
handle: an amount of 1e28 made Babel's currency formatting fail, a count of 1e31 did too.
"""

from __future__ import annotations

MAX_AMOUNT = 10**15  # a sum of money: a thousand times the largest research grant there is
MAX_COUNT = 10**9  # citations, an h-index, students taught, talks in a series
FIRST_YEAR, LAST_YEAR = 1900, 2200  # of any date in a CV, full dates included
MAX_YEARS = LAST_YEAR - FIRST_YEAR  # a span of years (`last: N`, a grace period)


def within_years(year: int) -> bool:
    return FIRST_YEAR <= year <= LAST_YEAR
