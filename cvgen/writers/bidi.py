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


def _is_rtl(char: str) -> bool:
    return unicodedata.bidirectional(char) in _RTL


# What a right-to-left phrase holds besides its letters: 'עמ׳ 12–14', 'כרך 68', 'ו־'.
_IN_PHRASE = frozenset(" 0123456789–-/:.%׳״־\u00a0")


_ENDS = frozenset("0123456789%")  # a phrase may end in a number ('3.0%')


def phrases(text: str) -> list[tuple[str, bool]]:
    """`text` cut into (piece, is a right-to-left phrase): a phrase starts at a right-to-left
    letter and runs on through letters, digits, spaces and the dashes and marks numbers take,
    to its last letter, digit or per cent sign. Isolated, 'pp. 1–5' in Hebrew keeps its number
    beside it."""
    pieces: list[tuple[str, bool]] = []
    index = 0
    while index < len(text):
        if not _is_rtl(text[index]):
            end = index
            while end < len(text) and not _is_rtl(text[end]):
                end += 1
            pieces.append((text[index:end], False))
            index = end
            continue
        last = end = index
        while end < len(text) and (
            _is_rtl(text[end]) or text[end] in _IN_PHRASE or unicodedata.combining(text[end])
        ):
            if _is_rtl(text[end]) or text[end] in _ENDS or unicodedata.combining(text[end]):
                last = end
            end += 1
        pieces.append((text[index : last + 1], True))
        index = last + 1
    return pieces
