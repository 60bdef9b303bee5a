"""The CV as a JSON Resume (exports/jsonresume.py): the small researcher's sections in the
schema's fields, the custom sections JSON Resume has, what the selection leaves out, and what
JSON Resume has no place for."""

from __future__ import annotations

import dataclasses
import json

import pytest

from cvgen.compose import compose
from cvgen.document import Document
from cvgen.exports.jsonresume import basics, export, iso, left_out, resume
from cvgen.load.cv import load_or_fail
from cvgen.load.sources import Sources
from cvgen.model import CV
from cvgen.util.dates import Date
from tests.support.exporting import SETTINGS, small

# A researcher with every custom section JSON Resume has, and one it has not.
CUSTOM_CV = """\
person:
  name: Ada Lovelace
  position: Analyst
  phone: "+44 20 7946 0000"
  address: 12 St James's Square, London
  links: {github: "https://github.com/ada", google_scholar: "https://scholar.example.org/ada"}
bio: I write programs for engines.
research_statement: Not shown when there is a bio.
appointments:
  - {title: Analyst, institution: Engine Works, department: Programs, location: London,
     start: 2013-07, end: present, note: Notes on the engine}
education:
  - {degree: BA, field: Mathematics, institution: Home, start: 2010, end: 2013, gpa: First}
custom:
  projects:
    heading: Projects
    entries:
      - {title: Note G, details: [An algorithm, for Bernoulli numbers], start: 2012, end: 2014,
         url: "https://example.org/g"}
  skills:
    heading: Skills
    entries:
      - {title: Mathematics, note: Expert, details: ["calculus, algebra", probability]}
  languages:
    heading: Languages
    entries:
      - {title: French, note: Fluent}
  certificates:
    heading: Certificates
    entries:
      - {title: Engine operator, organization: Babbage & Co, date: 2011-05,
         url: "https://example.org/c"}
  outreach:
    heading: Outreach
    entries:
      - {title: Salon talk}
      - {title: Letter to the press}
"""


@pytest.fixture(scope="module")
def custom(tmp_path_factory: pytest.TempPathFactory) -> tuple[CV, Document]:
    folder = tmp_path_factory.mktemp("jsonresume")
    (folder / "cv.yaml").write_text(CUSTOM_CV, encoding="utf-8")
    (folder / "publications.bib").write_text("", encoding="utf-8")
    cv = load_or_fail(Sources(cv=folder / "cv.yaml", bib=folder / "publications.bib"))[0]
    return cv, compose(cv, SETTINGS)


def only(document: Document, *names: str) -> Document:
    """The document as a selection of `names` composes it."""
    return dataclasses.replace(document, sections=[s for s in document.sections if s.name in names])


def test_basics_of_the_small_researcher():
    cv, _ = small()
    assert basics(cv) == {
        "name": "Jonas Åberg",
        "label": "Professor of Physics & Data",
        "email": "jonas@example.edu",
        "url": "https://example.edu/~jonas",
        "summary": "I study how large systems learn.",  # the research statement: no bio
        "profiles": [{"network": "ORCID", "url": "https://orcid.org/0000-0002-1825-0097"}],
    }


def test_work_service_education_awards_in_the_schemas_fields_and_iso_dates():
    data = resume(*small())
    assert data["work"] == [
        {"name": "Example University", "position": "Professor", "startDate": "2019-09"},
        {"name": "Example University", "position": "Assistant Professor",
         "startDate": "2012", "endDate": "2019-08"},
    ]  # fmt: skip
    assert data["volunteer"] == [
        {"organization": "Journal of Physics_Data", "position": "Associate Editor",
         "startDate": "2020"},
    ]  # fmt: skip
    assert data["education"] == [
        {"institution": "Uppsala University", "area": "Physics", "studyType": "PhD",
         "startDate": "2005", "endDate": "2009"},
    ]  # fmt: skip
    assert [(a["title"], a["date"]) for a in data["awards"]] == [
        ("Young Investigator Award", "2014"),
        ("Research Fellowship", "2010"),
    ]
    assert data["interests"] == [
        {"name": "Statistical physics"},
        {"name": "Inference at 100% scale"},
    ]


def test_grants_are_projects_of_type_grant():
    projects = resume(*small())["projects"]
    assert projects[0] == {
        "name": "Learning in Large Systems",
        "type": "grant",
        "entity": "European Research Council",
        "roles": ["PI"],
        "startDate": "2016",
        "endDate": "2021",
    }
    assert [p["entity"] for p in projects] == ["European Research Council", "Acme Corp"]


def test_publications_have_venue_date_main_link_and_authors():
    publications = resume(*small())["publications"]
    assert publications[0] == {
        "name": "Learning at 50% capacity: the ℓ₁ regime",
        "publisher": "Physical Review Letters",
        "releaseDate": "2017-06",
        "url": "https://doi.org/10.1103/PhysRevLett.124.000001",
        "summary": "Jonas Åberg, Lina Chen, Eva Müller",
    }
    conference = publications[1]
    assert conference["name"] == "Phase transitions in SGD & friends"
    assert "url" not in conference  # only code: no link to the paper itself
    assert len(publications) == 5


def test_a_section_the_selection_leaves_out_is_not_exported():
    cv, document = small()
    data = resume(cv, only(document, "education"))
    assert set(data) == {"basics", "education", "interests"}  # interests are not a selection


def test_custom_sections_json_resume_has_and_profiles_named_as_their_networks(custom):
    data = resume(*custom)
    assert data["basics"]["summary"] == "I write programs for engines."  # the bio first
    assert data["basics"]["location"] == {"address": "12 St James's Square, London"}
    assert data["basics"]["profiles"] == [
        {"network": "GitHub", "url": "https://github.com/ada"},
        {"network": "Google Scholar", "url": "https://scholar.example.org/ada"},
    ]
    assert data["work"] == [
        {
            "name": "Engine Works",
            "position": "Analyst",
            "location": "London",
            "description": "Programs",
            "startDate": "2013-07",
            "summary": "Notes on the engine",
        },
    ]  # ongoing: no endDate
    assert data["education"][0]["score"] == "First"
    assert data["projects"] == [
        {"name": "Note G", "description": "An algorithm for Bernoulli numbers",
         "startDate": "2012", "endDate": "2014", "url": "https://example.org/g"},
    ]  # fmt: skip
    assert data["skills"] == [
        {
            "name": "Mathematics",
            "level": "Expert",
            "keywords": ["calculus", "algebra", "probability"],
        }
    ]
    assert data["languages"] == [{"language": "French", "fluency": "Fluent"}]
    assert data["certificates"] == [
        {"name": "Engine operator", "issuer": "Babbage & Co", "date": "2011-05",
         "url": "https://example.org/c"},
    ]  # fmt: skip
    assert "outreach" not in data


def test_left_out_counts_what_json_resume_has_no_place_for(custom):
    assert left_out(small()[0]) == ["students (2)", "teaching (1)", "talks (1)", "press (1)"]
    assert left_out(custom[0]) == ["outreach (2)"]


def test_the_export_is_indented_json_with_the_text_as_written():
    text = export(*small(), SETTINGS)
    assert text.endswith("}\n") and '  "basics": {' in text
    assert "Åberg" in text  # not \u00c5
    assert json.loads(text) == resume(*small())


def test_iso_dates_and_no_end_for_present():
    assert iso(Date(2019, 6)) == "2019-06"
    assert iso(Date(2019)) == "2019"
    assert iso(None) is None
    assert iso(Date.parse("present")) is None
