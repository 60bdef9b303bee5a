"""The supervision section (compose/supervision.py): by status, then level, newest first."""

from __future__ import annotations

from cvgen.compose.context import Context, Settings
from cvgen.compose.supervision import (
    LEVELS,
    STATUSES,
    student_entry,
    students,
    supervision_role,
    tenure,
)
from cvgen.document import plain_text
from cvgen.model import CV, Student

CTX = Context(Settings())
CO = Student(name="Ann Lee", level="phd", status="current", start="2021", expected_end="2026",
             role="co", primary_supervisor="Prof. X")  # fmt: skip


def test_a_current_students_period_runs_to_present_with_the_expected_end_said() -> None:
    assert tenure(CTX, CO) == "2021 – present"
    entry = student_entry(CTX, CO, with_level=True)
    assert plain_text(entry.qualifiers) == "PhD student"
    assert [plain_text(d) for d in entry.details] == [
        "Co-supervisor; primary supervisor: Prof. X.",
        "Expected to complete 2026.",
    ]
    assert student_entry(CTX, CO).qualifiers == []  # the group's heading says the level


def test_the_supervisors_part_in_the_cvs_words() -> None:
    sole = CO.model_copy(update={"role": "sole", "primary_supervisor": None})
    assert plain_text(supervision_role(CTX, sole)) == "Sole supervisor"
    unsaid = CO.model_copy(update={"role": None})
    assert plain_text(supervision_role(CTX, unsaid)) == "Primary supervisor: Prof. X"
    assert supervision_role(CTX, unsaid.model_copy(update={"primary_supervisor": None})) == []


def test_groups_run_by_status_then_level(example_cv: CV) -> None:
    groups = students(example_cv, CTX)
    seen = {(s.status, s.level) for s in example_cv.data.students}
    statuses = [s for s in STATUSES if any(status == s for status, _ in seen)]
    assert [g.heading for g in groups] == [
        CTX.words.group("student_status")[status] for status in statuses
    ]
    for group, status in zip(groups, statuses, strict=True):
        levels = [level for level in LEVELS if (status, level) in seen]
        assert len(group.groups) == len(levels)
