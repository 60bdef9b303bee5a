"""The supervision sentence (bio/roles.py): the researcher's own totals, never 'to completion'."""

from __future__ import annotations

from cvgen.bio.roles import supervision
from cvgen.model import StudentCounts
from tests.support.careers import career, context_of


def test_stated_totals_are_said_as_given():
    cv = career(student_counts=StudentCounts(phd=40, msc=88, postdoc=5))
    assert supervision(context_of(cv, "first")) == [
        "I have supervised 40 PhD and 88 MSc students and mentored five postdoctoral researchers.",
        "To date, I have supervised 40 PhD and 88 MSc students and mentored five postdoctoral "
        "researchers.",
    ]


def test_no_students_no_sentence():
    assert supervision(context_of(career())) == []
