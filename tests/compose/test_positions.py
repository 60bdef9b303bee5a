"""Appointments and administrative posts as sections (compose/positions.py): current posts
first (primary, concurrent, visiting), past ones by date; an end still ahead is 'expected'."""

from __future__ import annotations

import datetime as dt

import pytest

from cvgen.compose.context import Context, Settings
from cvgen.compose.positions import administration, appointment_entry, appointments
from cvgen.document import plain_text
from cvgen.model import CV, Appointment, CvData, Person

TODAY = dt.date(2025, 6, 1)
JOBS = [
    Appointment(title="Lecturer", institution="Old U", start="2005", end="2010"),
    Appointment(title="Visiting Professor", institution="V", start="2024", end="2026",
                kind="visiting"),
    Appointment(title="Adjunct", institution="W", start="2018", end="present"),
    Appointment(title="Professor", institution="U", department="Neurology", start="2015",
                end="present", primary=True, host="Prof. X"),
    Appointment(title="Reader", institution="U", start="2010", end="2015"),
    Appointment(title="Head of Department", institution="U", start="2020", end="present",
                kind="administrative"),
]  # fmt: skip
CAREER = CV(data=CvData(person=Person(name="Ada"), appointments=JOBS))


def titles(groups) -> list[str]:
    return [plain_text(entry.title) for group in groups for entry in group.entries]


def test_an_appointment_is_its_title_place_period_and_host() -> None:
    entry = appointment_entry(Context(Settings(today=TODAY)), JOBS[3])
    assert plain_text(entry.title) == "Professor"
    assert plain_text(entry.qualifiers) == "Neurology, U"
    assert entry.when == "2015 – present"
    assert [plain_text(line) for line in entry.details] == ["Host: Prof. X."]


def test_an_end_still_ahead_is_expected_and_once_past_it_is_not() -> None:
    visit = JOBS[1]
    ahead = appointment_entry(Context(Settings(today=TODAY)), visit).when
    assert ahead == "2024 – expected\u00a02026"  # never broken between the word and the year
    later = Context(Settings(today=dt.date(2027, 1, 1)))
    assert appointment_entry(later, visit).when == "2024 – 2026"


@pytest.mark.parametrize(
    ("today", "order", "expected"),
    [
        (TODAY, "newest-first",
         ["Professor", "Adjunct", "Visiting Professor", "Reader", "Lecturer"]),
        (TODAY, "oldest-first",
         ["Lecturer", "Reader", "Professor", "Adjunct", "Visiting Professor"]),
        (dt.date(2027, 1, 1), "newest-first",  # the visit is over: among the past, by date
         ["Professor", "Adjunct", "Visiting Professor", "Reader", "Lecturer"]),
    ],
)  # fmt: skip
def test_current_posts_come_first_primary_concurrent_visiting(today, order, expected) -> None:
    ctx = Context(Settings(today=today, order=order))
    assert titles(appointments(CAREER, ctx)) == expected


def test_the_past_visit_sorts_by_date_not_by_kind() -> None:
    ctx = Context(Settings(today=dt.date(2027, 1, 1)))
    older = Appointment(title="Visiting Fellow", institution="Z", start="2000", end="2001",
                        kind="visiting")  # fmt: skip
    cv = CV(data=CvData(person=Person(name="Ada"), appointments=[*JOBS, older]))
    assert titles(appointments(cv, ctx))[-1] == "Visiting Fellow"


def test_administrative_posts_have_their_own_section() -> None:
    ctx = Context(Settings(today=TODAY))
    assert titles(administration(CAREER, ctx)) == ["Head of Department"]
    assert "Head of Department" not in titles(appointments(CAREER, ctx))
    plain = CV(data=CvData(person=Person(name="Ada"), appointments=JOBS[:2]))
    assert administration(plain, ctx) == []
