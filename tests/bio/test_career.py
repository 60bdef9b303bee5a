"""The sentences of posts held (bio/career.py): every current post, offices now and before,
the earlier career at home and elsewhere in the right order, industry and posts to come."""

from __future__ import annotations

import pytest

from cvgen.bio.career import title_phrase
from cvgen.bio.shortbio import generate
from cvgen.model import Appointment, Degree, Person, Pronouns
from tests.support.careers import career

SHE = Pronouns(subject="she", object="her", possessive="her")
PROFESSOR = Person(
    name="Ada Quist", position="Professor", affiliation="Carmel University", pronouns=SHE
)
POSTS = [
    Appointment(title="Professor", institution="Carmel University", start=2015, end="present"),
    Appointment(
        title="Director, Brain Institute",
        institution="Carmel University",
        kind="administrative",
        start=2020,
        end="present",
    ),
    Appointment(
        title="Dean of the Faculty of Science",
        institution="Carmel University",
        start=2012,
        end=2018,
    ),
    Appointment(title="Assistant Professor", institution="Carmel University", start=2008, end=2012),
    Appointment(
        title="Postdoctoral Fellow",
        institution="University of Oxford",
        department="Theory Group",
        host="Prof. Ben Ray",
        start=2005,
        end=2008,
    ),
    Appointment(
        title="Software Engineer", institution="Helix Labs", kind="industry", start=2001, end=2003
    ),
    Appointment(title="Lecturer", institution="Yarden University", start=2026, end=2027),
]


def post(title: str, institution: str, start: int, end: int | str = "present", **more):
    return Appointment(title=title, institution=institution, start=start, end=end, **more)


def test_offices_home_career_earlier_posts_industry_and_posts_to_come():
    bio = generate(career(PROFESSOR, appointments=POSTS), "third", 400)
    assert bio == (
        "Ada Quist is Professor at Carmel University. She also serves as Director of the Brain "
        "Institute, and previously served as Dean of the Faculty of Science (2012–2018). In 2008, "
        "she joined Carmel University as an Assistant Professor. Before that, she was a "
        "Postdoctoral Fellow in the Theory Group with Prof. Ben Ray at the University of "
        "Oxford. She has also worked in industry, as a Software Engineer at Helix Labs. Next, "
        "she will be a Lecturer at Yarden University from 2026."
    )


def test_concurrent_posts_follow_the_first_sentence_and_visits_come_last():
    lyon = post("Visiting Professor", "Université de Lyon", 2024)
    clinic = post("Attending Physician", "Carmel Hospital", 2016, department="Stroke Unit")
    posts = [*POSTS[:1], lyon, clinic.model_copy(update={"kind": "clinical"})]
    bio = generate(career(PROFESSOR, appointments=posts), "first", 400)
    assert bio == (
        "I am Professor at Carmel University. At the same time, I am also an Attending Physician "
        "in the Stroke Unit at Carmel Hospital and a Visiting Professor at Université de Lyon."
    )


def test_before_joining_only_lists_posts_that_began_earlier():
    posts = [
        Appointment(title="Lecturer", institution="Carmel University", start=2020, end="present"),
        Appointment(title="Research Fellow", institution="Yarden University", start=2016, end=2019),
    ]
    person = Person(name="Ada Quist", position="Lecturer", affiliation="Carmel University")
    assert "Before joining Carmel University in 2020, Quist was a Research Fellow at Yarden " in (
        generate(career(person, appointments=posts), "third", 400)
    )
    overlapping = [
        *posts,
        Appointment(title="Fellow", institution="Yarden University", start=2020, end=2021),
    ]
    bio = generate(career(person, appointments=overlapping), "third", 400)
    assert "Before joining" not in bio
    assert "Previously, Quist was a Fellow and a Research Fellow at Yarden University." in bio


def test_a_past_office_is_never_said_as_current():
    posts = [*POSTS[:1], POSTS[2]]
    bio = generate(career(PROFESSOR, appointments=posts), "first", 400)
    assert "I previously served as Dean of the Faculty of Science (2012–2018)." in bio
    assert "serve as" not in bio


@pytest.mark.parametrize(
    ("title", "phrase"),
    [
        ("Assistant Professor (Visiting)", "Visiting Assistant Professor"),
        ("Resident, Internal Medicine", "Resident in Internal Medicine"),
        (
            "Co-Director, Teaching and Learning Institute",
            "Co-Director of the Teaching and Learning Institute",
        ),
        ("Member, Research Ethics Committee", "Member of the Research Ethics Committee"),
        ("Teaching Professor (full)", "Teaching Professor"),
        ("讲师|硕士生导师", "讲师、硕士生导师"),
        ("Lecturer|Tutor", "Lecturer / Tutor"),
    ],
)
def test_titles_read_as_prose(title, phrase):
    assert title_phrase(title) == phrase


def test_the_person_position_and_its_appointment_are_one_post():
    person = Person(name="Tom Thor", position="Assistant Professor (Lecturer)", affiliation="UCL")
    posts = [
        Appointment(
            title="Lecturer (Assistant Professor)", institution="UCL", start=2022, end="present"
        )
    ]
    education = [Degree(degree="PhD", institution="SSSA", end=2019)]
    bio = generate(career(person, appointments=posts, education=education), "third", 400)
    assert bio == (
        "Tom Thor is an Assistant Professor (Lecturer) at UCL. Thor received a PhD (2019) from "
        "SSSA."
    )
