"""Who the bio speaks about, and the verb forms that agree with it.

Third person uses the pronouns in cv.yaml when given; without them the bio never guesses a
gender and repeats the surname instead ('Åberg's research ...'). 'They' takes plural verbs
('they are', 'they have'), as does first person ('I have') — except 'I am'.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from bibtexparser.middlewares.names import parse_single_name_into_parts

from cvgen.model import Person

Grammatical = Literal["first", "third"]
_IRREGULAR_THIRD = {"have": "has", "be": "is", "do": "does", "go": "goes"}
_PAST_BE = {"first": "was", "singular": "was", "plural": "were"}


def surname(name: str) -> str:
    """'Adler-Katz' from 'Miriam Adler-Katz', 'van Dijk' from 'Anna van Dijk'."""
    parts = parse_single_name_into_parts(name, strict=False)
    return " ".join([*parts.von, *parts.last]) or name


@dataclass(frozen=True)
class Voice:
    """Subject, possessive and verb agreement for one person in one grammatical person."""

    full_name: str
    person: Grammatical = "third"
    subject: str | None = None  # she/he/they/xe...; None: repeat the surname
    object_word: str | None = None
    possessive_word: str | None = None

    @classmethod
    def for_person(cls, person: Person, grammatical: Grammatical) -> Voice:
        pronouns = person.pronouns
        return cls(
            full_name=person.name,
            person=grammatical,
            subject=pronouns.subject.strip().lower() if pronouns else None,
            object_word=pronouns.object.strip().lower() if pronouns else None,
            possessive_word=pronouns.possessive.strip().lower() if pronouns else None,
        )

    @property
    def _number(self) -> Literal["first", "singular", "plural"]:
        if self.person == "first":
            return "first"
        return "plural" if (self.subject or "").lower() == "they" else "singular"

    def subj(self) -> str:
        """The subject of a sentence after the first: 'she', 'I', or the surname."""
        if self.person == "first":
            return "I"
        return self.subject or surname(self.full_name)

    def obj(self) -> str:
        """'her', 'me', or the surname."""
        if self.person == "first":
            return "me"
        return self.object_word or surname(self.full_name)

    def poss(self) -> str:
        """'her', 'my', or "Åberg's"."""
        if self.person == "first":
            return "my"
        if self.possessive_word:
            return self.possessive_word
        name = surname(self.full_name)
        return f"{name}'" if name.endswith("s") else f"{name}'s"

    def verb(self, base: str, *, after_name: bool = False) -> str:
        """Present tense agreeing with the subject: verb('lead') -> 'leads' / 'lead'.

        `after_name`: the subject is the full name, singular even for someone who is 'they'.
        """
        number = "singular" if after_name and self.person == "third" else self._number
        if base == "be":
            return {"first": "am", "singular": "is", "plural": "are"}[number]
        if number != "singular":
            return base
        if base in _IRREGULAR_THIRD:
            return _IRREGULAR_THIRD[base]
        if base.endswith(("s", "sh", "ch", "x", "z")):
            return base + "es"
        if base.endswith("y") and base[-2:-1] not in "aeiou":
            return base[:-1] + "ies"
        return base + "s"

    def was(self) -> str:
        return _PAST_BE[self._number]
