"""The sentences of training (bio/training.py): degrees in the order earned, one place named
once, a degree under way never 'received', doctoral advisors."""

from __future__ import annotations

from cvgen.bio.shortbio import generate
from cvgen.bio.training import advisor, education, finished
from cvgen.model import Degree, Person
from tests.support.careers import career, context_of


def test_degrees_in_order_each_place_once_and_one_field_shared():
    education = [
        Degree(
            degree="PhD", field="Mathematics", institution="University of North Carolina", end=1991
        ),
        Degree(
            degree="MSc", field="Mathematics", institution="University of North Carolina", end=1989
        ),
        Degree(degree="BA", field="Philosophy", institution="Princeton University", end=1984),
    ]
    assert generate(career(education=education), "first", 400) == (
        "I am a researcher. I received a BA in Philosophy (1984) from Princeton University as "
        "well as an MSc (1989) and a PhD (1991) in Mathematics from the University of North "
        "Carolina."
    )


def test_an_md_and_a_phd_are_stated_together_and_brackets_never_double():
    education = [
        Degree(
            degree="PhD (Dr. rer. nat.)",
            field="Neuroscience",
            institution="Yarden University",
            end=2005,
        ),
        Degree(degree="MD", institution="Yarden University", end=2001),
        Degree(degree="BSc", institution="Carmel University", end=1995),
    ]
    bio = generate(career(education=education), "third", 24)
    assert bio == (
        "Ada Quist is a researcher. Quist received an MD (2001) and a PhD in Neuroscience "
        "(2005) from Yarden University."
    )


def test_a_degree_under_way_is_expected_never_received():
    education = [
        Degree(degree="PhD", field="Economics", institution="Ohio State University", end=2025)
    ]
    person = Person(name="Ada Quist", position="PhD Candidate", affiliation="Ohio State University")
    bio = generate(career(person, education=education), "first", 400)
    assert bio == (
        "I am a PhD Candidate at Ohio State University. I am completing a PhD in Economics at "
        "Ohio State University, expected in 2025."
    )
    future = [Degree(degree="MSc", field="Statistics", institution="Carmel University", end=2027)]
    assert "Quist is completing an MSc in Statistics at Carmel University, expected in 2027." in (
        generate(career(education=future), "third", 400)
    )


def test_doctoral_advisors_are_named():
    education = [
        Degree(
            degree="Ph.D.",
            institution="Technion",
            end=2014,
            advisor=["Assa Auerbach", "Daniel Podolsky"],
        )
    ]
    assert "My doctoral advisors were Assa Auerbach and Daniel Podolsky." in generate(
        career(education=education), "first", 400
    )


def test_a_degree_ending_this_year_is_finished_unless_the_person_is_a_candidate():
    degree = Degree(degree="PhD", institution="Ohio State University", end=2025)
    done = context_of(career(education=[degree]))
    assert finished(done, degree)
    candidate = Person(name="Ada Quist", position="PhD Candidate")
    assert not finished(context_of(career(candidate, education=[degree])), degree)


def test_no_degree_no_sentence():
    ctx = context_of(career())
    assert education(ctx) == [] and advisor(ctx) == []
