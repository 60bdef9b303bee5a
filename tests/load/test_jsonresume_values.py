"""A JSON Resume's values as people write them (load/jsonresume_values.py): dates in every
spelling, a string where a list belongs, and the Resume that keeps only what has a value."""

from __future__ import annotations

import pytest

from cvgen.load.jsonresume_values import Resume, listed, period, resume_date, strings, text


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("2017-05", "2017-05"),
        ("2024.02", "2024-02"),
        ("2024/2", "2024-02"),
        ("2017-06-01", "2017-06-01"),
        (2021, 2021),
        ("2021", 2021),
        ("Present", "present"),
        (" now ", "present"),
        ("ongoing", "present"),
        ("2019-13", 2019),  # no 13th month: the year is what is sure
        ("", None),
        ("   ", None),
        (None, None),
        (True, None),
        (["2019"], None),
    ],
)
def test_dates_as_people_write_them(written, read):
    notes: list[str] = []
    assert resume_date(written, "work[0].startDate", notes) == read
    assert notes == []


def test_a_second_period_in_one_field_is_noted_and_the_first_taken():
    notes: list[str] = []
    found = resume_date("2017-05 - 2019-04, 2025-02", "work[0].startDate", notes)
    assert found == "2017-05"
    assert notes == ["work[0].startDate: only 2017-05 of '2017-05 - 2019-04, 2025-02' taken"]


def test_what_is_no_date_is_noted_and_left_out():
    notes: list[str] = []
    assert resume_date("Spring term", "awards[2].date", notes) is None
    assert notes == ["awards[2].date: 'Spring term' is not a date; left out"]


def test_a_period_reads_start_or_date_and_a_present_start_is_no_start():
    notes: list[str] = []
    assert period({"startDate": "2020-01", "endDate": "Present"}, "work[0]", notes) == {
        "start": "2020-01",
        "end": "present",
    }
    assert period({"date": "2019"}, "projects[1]", notes) == {"start": 2019, "end": None}
    assert period({"startDate": "current"}, "work[1]", notes) == {"start": None, "end": None}
    assert period({"startDate": "soon", "endDate": "x"}, "work[2]", notes)["start"] is None
    assert notes == [
        "work[2].startDate: 'soon' is not a date; left out",
        "work[2].endDate: 'x' is not a date; left out",
    ]


def test_text_is_a_string_with_its_spaces_folded():
    assert text({"name": "  Ada \n Lovelace "}, "name") == "Ada Lovelace"
    assert text({"name": "   "}, "name") is None
    assert text({"name": 3}, "name") is None
    assert text({}, "name") is None
    assert text("not a mapping", "name") is None


def test_listed_keeps_the_objects_of_a_list():
    assert listed({"work": [{"a": 1}, "x", None, [], {"b": 2}]}, "work") == [{"a": 1}, {"b": 2}]
    assert listed({"work": {"a": 1}}, "work") == []
    assert listed(None, "work") == []


def test_strings_takes_one_string_or_a_list_of_them():
    assert strings({"highlights": "Relativity"}, "highlights") == ["Relativity"]
    assert strings({"highlights": ["  a  b ", "", 3, None, "c"]}, "highlights") == ["a b", "c"]
    assert strings({"highlights": ""}, "highlights") == []
    assert strings({"highlights": 7}, "highlights") == []
    assert strings(None, "highlights") == []


def test_a_resume_keeps_only_values_that_say_something():
    resume = Resume()
    resume.add("awards", {"name": "Prize", "note": "", "advisor": [], "location": {}, "end": None})
    resume.add("awards", {"name": "Medal", "start": 0})
    resume.add_custom("skills", "Skills", {"title": "Python", "note": None})
    resume.add_custom("skills", "Skills", {"title": "R", "details": ["stats"]})
    assert resume.data == {
        "awards": [{"name": "Prize"}, {"name": "Medal", "start": 0}],
        "custom": {
            "skills": {
                "heading": "Skills",
                "entries": [{"title": "Python"}, {"title": "R", "details": ["stats"]}],
            }
        },
    }
    assert resume.notes == []
