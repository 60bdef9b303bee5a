"""How a bio names a place: in full the first time, by its short form after.

A reader needs 'the University of North Carolina' once; after that 'UNC' (the short form the
user gives in `short_names`, or the abbreviation in the name's own brackets) reads better,
and a long name said a third time, or twice in one sentence, reads as a form filled in.
"""

from __future__ import annotations

import re
from collections import Counter

from cvgen.bio.english import abbreviation, definite, without_abbreviation

_INSTITUTION_NOUN = re.compile(
    r"\b(University|Institute|College|School|Laboratory|Centre|Center|Hospital)\b"
)


def _key(name: str) -> str:
    return re.sub(r"^the\s+", "", without_abbreviation(name).casefold())


class Names:
    """The places said so far in one bio, and in the sentence being written."""

    def __init__(self, short_names: dict[str, str] | None = None) -> None:
        self._short = {_key(full): short for full, short in (short_names or {}).items()}
        self._said: Counter[str] = Counter()
        self._sentence: set[str] = set()
        self._abbreviations: dict[str, str] = {}

    def sentence(self) -> None:
        """A new sentence begins: a name said in the last one may be said again in full."""
        self._sentence = set()

    def short(self, name: str) -> str | None:
        key = _key(name)
        return self._short.get(key) or abbreviation(name) or self._abbreviations.get(key)

    def place(self, name: str) -> str:
        """'the University of Oxford' the first time; then its short form ('Oxford', 'UCLA'),
        else the name again in another sentence, else 'the university'."""
        key = _key(name)
        if abbreviation(name):  # 'the Centre (MZES)' once makes 'MZES' its short form
            self._abbreviations[key] = abbreviation(name)  # type: ignore[assignment]
        said, here = self._said[key], key in self._sentence
        self._said[key] += 1
        self._sentence.add(key)
        if said == 0:
            return definite(name)
        short = self.short(name)
        if short:
            return short if short.casefold().startswith("the ") else definite(short)
        noun = _INSTITUTION_NOUN.search(name)
        if len(name.split()) < 3 or (said == 1 and not here) or not noun:
            return definite(name)
        return f"the {noun.group(1).lower()}"

    def said(self, name: str) -> bool:
        return self._said[_key(name)] > 0
