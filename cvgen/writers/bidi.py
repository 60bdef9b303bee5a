"""Which way a run of text reads, for writers of right-to-left CVs.

A Hebrew CV holds names, English titles and phone numbers. Set inside a right-to-left
paragraph, such a run keeps its letters in order but loses its punctuation to the paragraph
(".Learning Theory"), so writers isolate every run that reads left to right. The test is
HTML's dir="auto": the first letter with a strong direction decides; a run with none (a phone
number, an ORCID iD) reads left to right too.
"""

from __future__ import annotations

import unicodedata

_RTL = frozenset(("R", "AL"))


def reads_left_to_right(text: str) -> bool:
    for char in text:
        direction = unicodedata.bidirectional(char)
        if direction == "L":
            return True
        if direction in _RTL:
            return False
    return True
