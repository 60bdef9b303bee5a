"""People's names compared and abbreviated: folded for comparison ('Yılmazoğlu' is
'yilmazoglu'), given names as tokens and as initials ('Jean-Pierre' is 'J.-P.', Scholar's
run-together 'LF' is 'L. F.'). Loading (who is the researcher) and composing (how names print)
both use these; stdlib only."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Letters Unicode does not decompose into a base letter and a mark: ı (Turkish dotless i),
# ł, ø, đ, ß, æ, œ, ð, þ, ŋ, ħ.
_UNDECOMPOSED = str.maketrans(
    {"ı": "i", "ȷ": "j", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss",
     "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th",
     "ŋ": "n", "Ŋ": "N", "ħ": "h", "Ħ": "H"}
)  # fmt: skip
_GIVEN_SEPARATORS = re.compile(r"[\s.]+")
_HYPHEN = re.compile(r"[-‐‑]")
_RUN_TOGETHER = re.compile(r"^[A-Z]{2,3}$")  # "LF Abbott", "Oo, MM": initials without dots
_NICKNAME = re.compile(r"\s*[(\"“][^()\"“”]*[)\"”]")  # William (Bill), Robert "Bob"
# Scripts whose names are written with initials: Latin, Greek, Cyrillic, Armenian, Georgian,
# Hebrew. Others (Chinese, Japanese, Korean, Devanagari, Thai, ...) are kept whole.
_ABBREVIATED = re.compile(
    r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff\u0370-\u058f\u05d0-\u05ea\u10a0-\u10ff]"
)


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Lower-case, accents and modifier letters removed, punctuation dropped: 'Lefèvre-Ngô' ->
    'lefevrengo', 'Yılmazoğlu' -> 'yilmazoglu', 'Chebʹshev' -> 'chebshev'."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSED))
    kept = "".join(
        c for c in decomposed if not unicodedata.combining(c) and unicodedata.category(c) != "Lm"
    )  # marks and modifier letters (ʹ, ʼ: primes and apostrophes) are no letters of a name
    return re.sub(r"[\W_]+", "", kept.casefold())


def _words(given: str) -> list[list[str]]:
    """Given names as words, each a list of its hyphenated parts; run-together initials
    ('LF', two or three capitals) as one word per letter."""
    words: list[list[str]] = []
    for word in _GIVEN_SEPARATORS.split(_NICKNAME.sub("", given)):
        parts = [part for part in _HYPHEN.split(word) if part]
        if _RUN_TOGETHER.match(word):
            words.extend([letter] for letter in word)
        elif parts and _HYPHEN.match(word) and words:
            words[-1].extend(parts)  # "J.-P.": the hyphen joins P to J
        elif parts:
            words.append(parts)
    return words


def given_tokens(given: str) -> tuple[str, ...]:
    """Folded given names, one per space-, dot- or hyphen-separated word, an initial as its
    letter: 'Jean-Pierre A.' -> ('jean', 'pierre', 'a'), 'LF' -> ('l', 'f')."""
    folded = (fold(part) for word in _words(given) for part in word)
    return tuple(token for token in folded if token)


def is_initials(given: str) -> bool:
    """Whether the given names are initials only ('S.', 'L. F.', 'LF', 'J.-P.')."""
    return all(len(fold(part)) <= 1 for word in _words(given) for part in word)


def initials(given: str) -> str:
    """'Shimon' -> 'S.', 'Jean-Pierre' -> 'J.-P.', 'LF' -> 'L. F.'; given names in a script
    that writes no initials (Chinese, Devanagari, Thai, ...) are kept whole."""
    first = next((c for c in given if c.isalpha()), "")
    if not first or not _ABBREVIATED.match(first):
        return given
    shown = []
    for word in _words(given):
        letters = [_first_letter(part) for part in word]
        shown.append("-".join(f"{letter}." for letter in letters if letter))
    return " ".join(part for part in shown if part)


def _first_letter(part: str) -> str:
    """The first letter of a name part (an apostrophe or a bracket before it is skipped)."""
    letter = next((c for c in part if c.isalpha()), "")
    return letter.upper() if letter else ""
