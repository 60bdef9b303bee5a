"""How wide a theme's date column is: the widest date the CV prints on one line.

The LaTeX themes (\\cvdatesample) and the Typst template (`date_sample` in its data) size the
column by this text, so "10/2006 – 08/2010" fits whole and the column is no wider.
"""

from __future__ import annotations

from cvgen.document import Document

_FITTED_DATE = len("00/0000 – 00/0000")  # longer dates (with days, lists of terms) wrap


def date_sample(document: Document) -> str:
    """The longest period or date of the CV that its date column fits on one line, which sets
    the column's width in a theme ('10/2018 – 09/2022'; a list of terms wraps in it instead)."""
    dates = [
        e.when
        for e in document.all_entries()
        if e.when and "," not in e.when and len(e.when) <= _FITTED_DATE
    ]
    return max(["0000 – 0000", *dates], key=len)
