"""Legal but doubtful career data (load/career_checks.py), and career data round two (issue 26)
as cv.yaml's reader takes it: the new keys validate, and `cvgen check` suggests kind:
administrative for a leadership post in every shipped language, but not for what only looks
like one (a committee's chair, a named chair, a thesis director)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cvgen.load.career_checks import career_warnings
from cvgen.load.cv import load_or_fail
from cvgen.load.cv_yaml import load_cv_yaml
from cvgen.load.leadership import names_leadership
from cvgen.load.sources import Sources
from cvgen.model import Appointment, CvData, Grant, Person, Student

DATA = Path(__file__).resolve().parent.parent / "data"
FIXTURE = Sources(cv=DATA / "leadership" / "cv.yaml", bib=DATA / "leadership" / "publications.bib")

# Titles of office in each shipped language (en, de, fr, es, it, pt, nl, he).
OFFICES = [
    "Head of Department", "Department Chair", "Dean of Medicine", "Associate Dean for Research",
    "Executive Vice-President", "Provost", "Director, Brain Institute", "Founder", "Rector",
    "Vice-Chancellor", "Institutsleiterin", "Dekan der Fakultät", "Vizepräsidentin",
    "Vorsitzender des Fachbereichs", "Directrice du laboratoire", "Doyenne de la faculté",
    "Chef de service de neurologie", "Decana", "Jefe de Servicio", "Vicerrector",
    "Direttore del Dipartimento", "Rettore", "Preside di Facoltà", "Reitora",
    "Diretor do Instituto", "Chefe de Departamento", "Decaan", "Afdelingshoofd",
    "Voorzitter van het departement",
    "ראש המחלקה", "דיקן הפקולטה", "נשיאת האוניברסיטה",
]  # fmt: skip
NOT_OFFICES = [
    "Professor", "Visiting Professor", "Canada Research Chair", "Chair in Robotics",
    "Programme Committee Chair", "Area Chair", "Principal Investigator", "Teaching Assistant",
    "Nachwuchsgruppenleiter", "Vorsitzender des Prüfungsausschusses", "Lehrstuhlinhaber",
    "Directeur de recherche CNRS", "Directrice de thèse", "Director de tesis",
    "Presidente della commissione", "Hoofddocent", "Groepsleider", "חוקר ראשי", "Postdoc",
]  # fmt: skip


@pytest.mark.parametrize("title", OFFICES)
def test_a_title_of_office_names_leadership(title: str) -> None:
    assert names_leadership(title)


@pytest.mark.parametrize("title", NOT_OFFICES)
def test_what_only_looks_like_an_office_does_not(title: str) -> None:
    assert names_leadership(title) is None


def test_the_fixture_with_every_new_key_checks_clean() -> None:
    cv, warnings = load_or_fail(FIXTURE)
    assert warnings == []
    data = cv.data
    assert {job.kind for job in data.appointments} == {
        "academic", "administrative", "clinical", "industry", "visiting", "affiliate",
    }  # fmt: skip
    assert [job.primary for job in data.appointments].count(True) == 1
    assert data.person.title == "Prof." and data.person.postnominals == "MD, PhD"
    assert {name for c in data.certifications for name, v in c if v} >= {
        "name", "issuer", "date", "end", "identifier", "note",
    }  # fmt: skip
    assert {name for m in data.memberships for name, v in m if v} >= {
        "organization", "role", "start", "end", "note",
    }  # fmt: skip
    assert data.student_counts and len(data.student_counts.given()) == 4
    assert {g.kind for g in data.grants} >= {"competitive", "internal"}
    assert any(g.declined for g in data.grants) and any(g.share for g in data.grants)
    assert data.short_names


def _warnings(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "cv.yaml"
    path.write_text("person: {name: Ada, email: ada@example.edu}\n" + text, encoding="utf-8")
    data, problems = load_cv_yaml(path)
    assert data is not None, problems
    return [f"{p.field}: {p.message}" for p in problems]


def test_an_explicit_kind_silences_the_suggestion(tmp_path: Path) -> None:
    text = (
        "appointments:\n"
        "  - {title: Dean, institution: U, kind: academic, start: 2020}\n"
        "  - {title: Dean of Studies, institution: U, kind: administrative, start: 2020}\n"
    )
    assert _warnings(tmp_path, text) == []


def test_a_leadership_service_item_outside_the_institution_stays_service(tmp_path: Path) -> None:
    text = (
        "service:\n"
        "  - {role: President, organization: Example Society, category: professional}\n"
        "  - {role: Founder, organization: Maths Club, category: outreach}\n"
        "  - {role: Dean of Students, organization: U, category: university}\n"
    )
    assert _warnings(tmp_path, text) == [
        "service[2].role: 'Dean of Students' names a leadership post: if it is a post you held, "
        "list it under appointments with kind: administrative (Administrative and Leadership "
        "Positions)"
    ]


def test_administrative_posts_left_out_of_sections_are_named(tmp_path: Path) -> None:
    text = (
        "appointments: [{title: Dean, institution: U, kind: administrative, start: 2020}]\n"
        "sections: [education, appointments]\n"
    )
    assert _warnings(tmp_path, text) == [
        "sections: appointments of kind administrative are printed in the administration "
        "section, which sections: leaves out; add administration where they belong"
    ]


def test_a_title_in_the_name_is_taken_once() -> None:
    person = Person(name="Prof. Dr. Jane Doe, MD, PhD", title="Prof. Dr.", postnominals="MD, PhD")
    assert person.titled_name() == (None, None)
    plain = Person(name="Jane Doe", title="Prof.", postnominals="MD, PhD")
    assert plain.titled_name() == ("Prof.", "MD, PhD")
    # letters that merely end the name's last word are no post-nominals written into it
    assert Person(name="Ahmad", postnominals="MD").titled_name() == (None, "MD")


def test_a_share_is_part_of_the_amount() -> None:
    grant = Grant(title="G", funder="F", role="partner", amount=2_500_000, share=400_000)
    assert grant.own_amount == 400_000
    assert Grant(title="G", funder="F", role="PI", amount=10).own_amount == 10
    with pytest.raises(ValueError, match="more than the amount"):
        Grant(title="G", funder="F", role="PI", amount=10, share=20)


def _warned(cv: CvData) -> list[tuple[tuple, str]]:
    found: list[tuple[tuple, str]] = []
    career_warnings(cv, lambda loc, message: found.append((loc, message)))
    return found


def test_a_clean_career_has_no_warning() -> None:
    cv = CvData(
        person=Person(name="Ada Lovelace", title="Prof.", postnominals="PhD"),
        appointments=[Appointment(title="Dean of Science", institution="U", kind="academic")],
        students=[Student(name="Bo", level="phd", status="current", start="2021")],
    )
    assert _warned(cv) == []


def test_each_doubt_is_warned_at_its_place() -> None:
    cv = CvData(
        person=Person(name="Prof. Ada Lovelace, PhD", title="Prof.", postnominals="PhD"),
        appointments=[
            Appointment(title="Dean of Science", institution="U", start="2020"),
            Appointment(title="Professor", institution="U", start="2010"),
        ],
        students=[
            Student(name="Bo", level="phd", status="current", start="2021"),
            Student(name="Cy", level="phd", status="current"),
            Student(name="Di", level="phd", status="completed", end="2019"),  # only while current
        ],
    )
    assert _warned(cv) == [
        (("appointments", 0, "title"), "'Dean of Science' names a leadership post: add kind: "
         "administrative to list it under Administrative and Leadership Positions (or kind: "
         "academic to keep it among the appointments)"),
        (("person", "title"), "person.name already starts with 'Prof.'; leave it out of the name"),
        (("person", "postnominals"),
         "person.name already ends with 'PhD'; leave them out of the name"),
        (("students", 1, "start"), "a current student without a start date: their papers "
         "cannot be underlined by date, so every paper with them is; add start"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "fields"),
    [("certifications", "name, issuer, date, end, identifier, note"),
     ("memberships", "organization, role, start, end, note")],
)  # fmt: skip
def test_a_custom_section_cv_yaml_now_has_a_key_for_is_named(name: str, fields: str) -> None:
    custom = {name: {"heading": "Mine", "entries": [{"title": "X"}]}, "hobbies": {"heading": "H"}}
    cv = CvData(person=Person(name="Ada"), custom=custom)
    assert _warned(cv) == [
        (("custom", name), f"cv.yaml now has a {name}: section of its own ({fields}); move "
         "these entries there, so that bios and exports know them as such"),
    ]  # fmt: skip
