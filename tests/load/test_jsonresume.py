"""A resume.json read as cv.yaml data (load/jsonresume.py): real researchers' files
(tests/data/jsonresume/resumes, SOURCES.md there) section by section, small made-up resumes for
what they lack, and files that are no JSON Resume."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cvgen.errors import CvgenError
from cvgen.load.jsonresume import read_resume
from cvgen.load.jsonresume_values import Resume
from tests.support.paths import DATA

RESUMES = DATA / "jsonresume" / "resumes"


def read(name: str) -> Resume:
    return read_resume(RESUMES / f"{name}.resume.json")


def written(tmp_path: Path, data: object) -> Resume:
    path = tmp_path / "resume.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return read_resume(path)


def test_basics_are_the_person_the_summary_the_bio_and_the_location_an_address():
    resume = read("AOS55")
    assert resume.data["person"] == {
        "name": "Alexander Quessy",
        "position": "Scientist",
        "email": "aq15777@bristol.ac.uk",
        "phone": "+44 07825 628 885",
        "website": "https://AOS55.github.io",
        "address": "104 Taybridge Road, London, London SW11 5PZ, UK",
    }
    assert resume.data["bio"].startswith("A PhD Student developing Reinforcement Learning")
    assert resume.notes == []  # empty sections say nothing


def test_work_and_education_keep_full_dates_and_the_score_as_gpa():
    resume = read("AOS55")
    assert resume.data["appointments"] == [
        {
            "title": "Commercial Fixed Wing Flying Instructor",
            "institution": "Aeros Flight Training Gloucester",
            "start": "2017-06-01",
            "end": "2020-01-31",
            "note": "Instructing at Aeros Flight Trainining Gloucester. I tought a variety of "
            "courses from aerobatics to multi-engine instrument ratings.",
        }
    ]
    assert [(e["degree"], e["field"], e.get("gpa")) for e in resume.data["education"]] == [
        ("MEng", "Aerospace Engineering", "First"),
        ("PhD", "Reinforcement Learning", None),  # "score": "" is no score
    ]


def test_profiles_are_links_and_the_orcid_profile_the_orcid():
    person = read("ABelonovskii").data["person"]
    assert person["orcid"] == "https://orcid.org/0000-0003-4817-1135"
    assert person["links"] == {
        "linkedin": "https://www.linkedin.com/in/aleksei-belonovskii/",
        "github": "https://github.com/ABelonovskii",
        "researchgate": "https://www.researchgate.net/profile/Aleksei-Belonovskii",
        "google_scholar": "https://scholar.google.com/citations?user=QpnCWXoAAAAJ",
    }
    assert person["address"] == "Germany, DE"  # empty address and city left out


def test_skills_and_languages_are_sections_of_their_own():
    custom = read("ABelonovskii").data["custom"]
    assert custom["skills"]["heading"] == "Skills"
    assert custom["skills"]["entries"][0] == {
        "title": "Programming Languages",
        "details": ["C#, Python, C++"],
        "note": "Expert",
    }
    assert custom["languages"]["entries"] == [{"title": "Russian"}, {"title": "English"}]


def test_empty_location_and_profile_and_a_blank_end_say_nothing_and_highlights_are_noted():
    resume = read("444thLiao")
    assert resume.data["person"] == {
        "name": "Tianhua Liao",
        "position": "Scientist",
        "email": "l0404th@gmail.com",
        "website": "https://github.com/444thLiao",
    }
    assert resume.data["bio"] == "an bioinformatic"  # its trailing space folded
    job = resume.data["appointments"][0]
    assert (job["start"], "end" in job) == ("2025-02", False)
    assert resume.notes == ["work[0]: 1 highlights have no place in cv.yaml; left out"]


def test_keys_beyond_the_schema_that_cv_yaml_has_are_kept():
    resume = read("AZhou00")
    phd, duke, rome = resume.data["education"]
    assert phd["advisor"] == ["Prof. Scott Dodelson"] and phd["end"] == "present"
    assert duke["advisor"] == [
        "Prof. Michael Troxel (Cosmology)",
        "Prof. Shailesh Chandrasekharan (QFT)",
    ]
    assert duke["thesis"].startswith("Galaxy clustering statistics")
    assert duke["honours"] == "magna cum laude & with the highest departmental honor"
    assert rome["honours"] == "GPA: 4.0/4.0"
    assert [a["start"] for a in resume.data["awards"]][:2] == ["2024-02", "2023-09"]  # "2024.02"
    assert resume.notes == ["basics: 'preferred name' not in JSON Resume; left out"]


def test_volunteering_is_service_with_a_category_and_an_item_without_names_is_noted():
    resume = read("AHolliday")
    assert resume.data["service"] == [
        {
            "role": "Session Chair for session on Public Transport Modelling",
            "organization": "IEEE Intelligent Transportation Systems Conference",
            "category": "organising",
            "start": "2023-09-24",  # its `date`, as no startDate is given
        }
    ]
    assert resume.data["person"]["address"] == "Montreal, Quebec, Canada"
    assert "volunteer[1]: no position or organization; left out" in resume.notes


def test_the_template_leftover_says_what_has_no_place():
    notes = read("20001LastOrder.template-leftover").notes
    assert notes == [
        "work[0]: 1 highlights have no place in cv.yaml; left out",
        "volunteer[0]: 2 highlights have no place in cv.yaml; left out",
        "education[0]: courses have no place in cv.yaml; left out",
        "publications: 3 left out: keep them in the .bib (cvgen import doi ...)",
        "references: 2 left out: cvgen has no references section",
    ]


def test_grant_projects_are_grants_and_other_projects_a_section(tmp_path: Path):
    projects = [
        {"name": "Learning in Large Systems", "type": "Grant", "entity": "ERC",
         "roles": ["PI", "coordinator"], "description": "ERC-123", "startDate": "2016"},
        {"name": "A grant without a funder", "type": "grant"},
        {"name": "cvgen", "description": "A CV compiler", "url": "https://example.org/cvgen",
         "startDate": "2024-01", "endDate": "present"},
        {"description": "no name"},
    ]  # fmt: skip
    resume = written(tmp_path, {"projects": projects})
    assert resume.data["grants"] == [
        {"title": "Learning in Large Systems", "funder": "ERC", "role": "PI", "start": 2016,
         "number": "ERC-123"},
    ]  # fmt: skip
    assert resume.data["custom"]["projects"] == {
        "heading": "Projects",
        "entries": [
            {"title": "A grant without a funder"},
            {"title": "cvgen", "details": ["A CV compiler"], "start": "2024-01",
             "end": "present", "url": "https://example.org/cvgen"},
        ],
    }  # fmt: skip


def test_certificates_interests_and_profiles_that_are_no_links(tmp_path: Path):
    data = {
        "basics": {
            "name": "Ada",
            "profiles": [
                {"network": "Mastodon", "url": "mastodon.social/@ada"},
                {"network": "Home Page", "url": "https://ada.example.org/a b"},
                {"network": "Code Berg", "url": "https://codeberg.org/ada"},
                {"url": "https://example.org/ada"},
            ],
        },
        "certificates": [
            {"name": "Carpentries instructor", "issuer": "The Carpentries", "date": "2022.3"},
            {"issuer": "nobody"},
        ],
        "interests": [{"name": "inference"}, {"keywords": ["x"]}, {"name": " physics "}],
    }
    resume = written(tmp_path, data)
    assert resume.data["person"] == {
        "name": "Ada",
        "links": {"code_berg": "https://codeberg.org/ada", "profile": "https://example.org/ada"},
    }
    assert resume.data["custom"]["certificates"]["entries"] == [
        {"title": "Carpentries instructor", "organization": "The Carpentries", "date": "2022-03"}
    ]
    assert resume.data["research_interests"] == ["inference", "physics"]


def test_items_without_their_required_names_are_noted_per_section(tmp_path: Path):
    data = {
        "work": [{"name": "Acme"}],
        "education": [{"studyType": "PhD"}],
        "awards": [{"awarder": "Somebody"}],
    }
    resume = written(tmp_path, data)
    assert "appointments" not in resume.data and "education" not in resume.data
    assert resume.notes == [
        "work[0]: no position or name; left out",
        "education[0]: no studyType or institution; left out",
        "awards[0]: no title; left out",
    ]


def test_a_resume_with_nothing_gives_an_empty_person(tmp_path: Path):
    assert written(tmp_path, {}).data == {"person": {}}
    assert written(tmp_path, {"basics": "Ada", "work": "none"}).data == {"person": {}}


def test_a_file_that_is_not_json_names_its_line(tmp_path: Path):
    path = tmp_path / "resume.json"
    path.write_text('{\n  "basics": {"name": "A",}\n}\n', encoding="utf-8")
    with pytest.raises(CvgenError, match=r"resume\.json:2: not JSON: Expecting property name"):
        read_resume(path)


@pytest.mark.parametrize("data", [[{"basics": {}}], "resume", 3, None])
def test_json_that_is_no_object_is_one_error(tmp_path: Path, data: object):
    with pytest.raises(CvgenError, match=r"a JSON Resume is an object with basics, work, \.\.\.$"):
        written(tmp_path, data)


def test_a_file_in_another_encoding_says_to_save_it_as_utf8(tmp_path: Path):
    path = tmp_path / "resume.json"
    path.write_bytes('{"basics": {}}'.encode("utf-16"))
    with pytest.raises(CvgenError, match=r"UTF-16 .*; save it as UTF-8"):
        read_resume(path)
