"""Venues and pages as exporters mangle them.

Google Scholar writes journal names in sentence case ("Biophysical journal", "Physical review
letters"), which no journal uses in English: such a name is printed in title case. It also
gives bioRxiv preprints `pages = {2024--03}`, the year and month of posting, which are no pages.
"""

from __future__ import annotations

import re

# "795-804", "1 -- 10", "S1-S7", "xi-xv" -> "795–804"; an article number with a hyphen in it
# ("EGU2018-1234") is no range and keeps it.
_PAGE = r"(?:[A-Za-z]{0,2}\d+[a-z]?|[ivxlc]+)"
_PAGE_RANGE = re.compile(rf"(?<![\w-])({_PAGE})\s*[-‐‑‒–—]+\s*({_PAGE})(?![\w-])")
_YEAR_MONTH = re.compile(r"^\s*(\d{4})\s*[-‐‑‒–—]+\s*(\d{1,2})\s*$")
_YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")
_SMALL = frozenset(
    "a an and as at but by for from in into nor of on or per the to upon via vs with".split()
)
# Words of other languages' journal names, whose sentence case is their own.
_NOT_ENGLISH = frozenset(
    "de la le les des du et di del della delle da do dos das y e für und der die das van het "
    "en och og i sur pour dans zur zum am im bei".split()
)
_LOWER_WORD = re.compile(r"^[a-z][a-z'’-]*[.:,]?$")
_KEPT_WORD = re.compile(r"^(?:[A-Z0-9&]+|\W+|[A-Z])[.:,]?$")  # IEEE, D, A&A, 2, –


def journal_name(venue: str) -> str:
    """A journal name in sentence case ("Physical review letters") in title case."""
    words = venue.split()
    if len(words) < 2 or not words[0][:1].isupper() or not venue.isascii():
        return venue
    rest = words[1:]
    lowered = [w for w in rest if _LOWER_WORD.match(w)]
    if len(lowered) + sum(bool(_KEPT_WORD.match(w)) for w in rest) != len(rest):
        return venue  # a capitalised word: the name is written as its journal writes it
    bare = [w.rstrip(".:,").lower() for w in lowered]
    if not any(w not in _SMALL for w in bare) or any(w in _NOT_ENGLISH for w in bare):
        return venue
    if any(w.startswith(("d'", "l'")) for w in bare):
        return venue
    titled = [words[0]] + [
        w if not _LOWER_WORD.match(w) or w.rstrip(".:,") in _SMALL else w[0].upper() + w[1:]
        for w in rest
    ]
    return " ".join(titled)


def page_range(pages: str | None, raw_year: str | None) -> str | None:
    """Pages with an en dash between the ends of a range; Scholar's bioRxiv `2024--03` (the
    entry's year and a month) is no range of pages, and is dropped."""
    if not pages:
        return None
    posted = _YEAR_MONTH.match(pages)
    year = _YEAR.search(raw_year or "")
    if posted and year and _is_year_month(posted, int(year.group(1))):
        return None
    return _PAGE_RANGE.sub("\\1–\\2", pages) or None


def _is_year_month(posted: re.Match[str], year: int) -> bool:
    return abs(int(posted.group(1)) - year) <= 1 and 1 <= int(posted.group(2)) <= 12
