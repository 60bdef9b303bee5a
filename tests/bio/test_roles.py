"""Sentences of what one leads (bio/roles.py): offices held, current and past, and the people
supervised, from completions or from the totals the researcher states."""

from __future__ import annotations

import pytest

from cvgen.bio.context import Context
from cvgen.bio.facts import Fact, Supervision
from cvgen.bio.roles import leadership, position_phrase, supervision
from cvgen.bio.voice import Voice
from cvgen.model import CV, Appointment, CvData, Design, Person

SHE = Voice("Ada Lovelace", "third", "she", "her", "her")
THEY = Voice("Ada Lovelace", "third", "they", "them", "their")
ME = Voice("Ada Lovelace", "first")
DIRECTOR = Appointment(title="Director, Brain Institute", institution="Carmel University",
                       start="2019", end="present", kind="administrative")  # fmt: skip
DEAN = Appointment(title="Dean of Medicine", institution="University of Haifa", start="2012",
                   end="2018", kind="administrative")  # fmt: skip
CAREER = CV(
    data=CvData(
        person=Person(name="Ada Lovelace", affiliation="Carmel University"),
        appointments=[DIRECTOR, DEAN],
        design=Design(as_of="2025-06-01"),
    )
)


def context(voice: Voice, **facts: list) -> Context:
    found = {kind: [Fact(kind, i, item) for i, item in enumerate(items)]
             for kind, items in facts.items()}  # fmt: skip
    return Context(voice, CAREER, found)


@pytest.mark.parametrize(
    ("title", "department", "expected"),
    [
        ("Professor", "Neurology", "Professor in Neurology"),
        ("Lecturer", "Department of Physics", "a Lecturer in the Department of Physics"),
        ("Professor of History", "History", "Professor of History"),  # said once
        ("Associate Professor", None, "an Associate Professor"),
        ("Head", None, "Head"),
    ],
)
def test_a_title_takes_an_article_unless_it_names_an_office(title, department, expected) -> None:
    assert position_phrase(title, department) == expected


def test_current_and_past_offices_in_one_sentence() -> None:
    assert leadership(context(SHE, leadership=[DIRECTOR, DEAN])) == [
        "She also serves as Director of the Brain Institute, and previously served as Dean of "
        "Medicine at the University of Haifa (2012–2018).",
        "In addition, she serves as Director of the Brain Institute, and previously served as "
        "Dean of Medicine at the University of Haifa (2012–2018).",
    ]


def test_past_offices_alone_agree_with_the_voice() -> None:
    [first, _] = leadership(context(ME, leadership=[DEAN]))
    assert first == "I also have served as Dean of Medicine at the University of Haifa (2012–2018)."
    [first, _] = leadership(context(THEY, leadership=[DIRECTOR]))
    assert first == "They also serve as Director of the Brain Institute."


def test_without_facts_there_is_no_sentence() -> None:
    assert leadership(context(SHE)) == [] and supervision(context(SHE)) == []


@pytest.mark.parametrize(
    ("record", "placed", "voice", "expected"),
    [
        (Supervision(3, 1, 2), [2], SHE, "She has supervised three PhD students to completion "
         "and mentored one postdoctoral researcher, two of whom now hold faculty positions."),
        (Supervision(1, 0, 1), [1], SHE, "She has supervised one PhD student to completion, "
         "who now holds a faculty position."),
        (Supervision(2, 0, 1), [1], THEY, "They have supervised two PhD students to completion, "
         "one of whom now holds a faculty position."),
        (Supervision(0, 2, 0), [], ME, "I have mentored two postdoctoral researchers."),
    ],
)  # fmt: skip
def test_completions_and_placements(record, placed, voice, expected) -> None:
    sentences = supervision(context(voice, supervision=[record], placement=placed))
    subject, rest = expected.split(" ", 1)
    then = subject if subject == "I" else subject.lower()
    assert sentences == [expected, f"To date, {then} {rest}"]


def test_stated_totals_are_never_said_to_be_completions() -> None:
    record = Supervision(40, 5, 0, msc=88, stated=True)
    [first, second] = supervision(context(SHE, supervision=[record], placement=[3]))
    assert first == (
        "She has supervised 40 PhD and 88 MSc students and mentored five postdoctoral researchers."
    )  # no placement either: the totals are not the list of students
    assert second.startswith("To date, she has supervised 40 PhD")
