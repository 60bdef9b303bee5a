"""Researchers built from the model for bio tests, speaking from a fixed day (design.as_of)."""

from __future__ import annotations

from cvgen.bio.context import Context
from cvgen.bio.facts import collect_facts
from cvgen.bio.names import Names
from cvgen.bio.shortbio import generate
from cvgen.bio.voice import Voice
from cvgen.model import CV, CvData, Person
from cvgen.model.design import Design

AS_OF = "2025-06-01"


def career(person: Person | None = None, **data) -> CV:
    """A researcher with only what a test gives, as of AS_OF."""
    design = Design.model_validate({"as_of": AS_OF})
    return CV(data=CvData(person=person or Person(name="Ada Quist"), design=design, **data))


def sentences_of(cv: CV, person: str = "third", words: int = 400) -> list[str]:
    """The generated bio's sentences (room for every fact by default)."""
    text = generate(cv, person, words)  # type: ignore[arg-type]
    return [s if s.endswith(".") else s + "." for s in text.split(". ") if s]


def context_of(cv: CV, person: str = "third") -> Context:
    """Every fact of `cv` grouped by kind, as the sentence builders see them."""
    grouped: dict[str, list] = {}
    for fact in collect_facts(cv):
        grouped.setdefault(fact.kind, []).append(fact)
    voice = Voice.for_person(cv.data.person, person)  # type: ignore[arg-type]
    return Context(voice, cv, grouped, Names(cv.data.short_names))
