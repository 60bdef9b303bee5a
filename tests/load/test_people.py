"""Own name and students are recognised whatever the spelling, students only in their period."""

from __future__ import annotations

import pytest

from cvgen.load.bibtex.file import parse_bibtex
from cvgen.load.cv import resolve_people
from cvgen.load.people import NameKey
from cvgen.model import CV, CvData, Student

ME = NameKey.from_text("Daniel Soudry")


@pytest.mark.parametrize(
    "spelling",
    [
        "Daniel Soudry",
        "D. Soudry",
        "Soudry, D.",
        "Soudry, Daniel",
        "Soudry, Daniel S.",
        "SOUDRY, D",
    ],
)
def test_own_name_matches_any_spelling(spelling: str) -> None:
    assert ME.matches(NameKey.from_text(spelling))


@pytest.mark.parametrize("other", ["E. Soudry", "Daniel Soudri", "Soudry-Cohen, Daniel", "Daniel"])
def test_other_people_do_not_match(other: str) -> None:
    assert not ME.matches(NameKey.from_text(other))


def test_accents_are_folded() -> None:
    assert NameKey.from_text("Zoë Lefèvre").matches(NameKey.from_text("Z. Lefevre"))
    assert NameKey.from_text("Jonas Åberg").matches(NameKey.from_text("Aberg, J."))


def test_von_particles_are_part_of_the_surname() -> None:
    key = NameKey.from_text("van der Berg, Anouk")
    assert key.matches(NameKey.from_text("A. van der Berg"))
    assert not key.matches(NameKey.from_text("Anouk Berg"))


def _cv(students: list[dict]) -> CvData:
    return CvData.model_validate(
        {"person": {"name": "Ada Example", "name_variants": ["Ada Sample"]}, "students": students}
    )


BIB = """
@article{p{year}, author = {Example, A. and Student, Sam}, title = {T}, journal = {J},
  year = {year}}
"""


def _roles(data: CvData, year: int) -> dict[str, tuple[bool, bool]]:
    pubs, problems = parse_bibtex(BIB.replace("{year}", str(year)), "x.bib")
    assert not problems
    (pub,) = resolve_people(data, pubs)
    return {a.display: (a.is_self, a.is_student) for a in pub.authors}


@pytest.mark.parametrize(
    ("year", "underlined"),
    [(2014, False), (2015, True), (2019, True), (2020, True), (2021, False)],
)
def test_student_underlined_only_during_supervision_plus_grace(year: int, underlined: bool) -> None:
    data = _cv(
        [{"name": "Sam Student", "level": "phd", "status": "completed", "start": 2015, "end": 2019}]
    )
    roles = _roles(data, year)
    assert roles["A. Example"] == (True, False)
    assert roles["Sam Student"] == (False, underlined)


def test_current_student_is_underlined_from_start_on() -> None:
    data = _cv([{"name": "S. Student", "level": "msc", "status": "current", "start": 2024}])
    assert _roles(data, 2023)["Sam Student"] == (False, False)
    assert _roles(data, 2026)["Sam Student"] == (False, True)


def test_example_student_before_supervision_is_not_underlined(example_cv) -> None:
    pub = next(p for p in example_cv.publications if p.key == "rahman2018wasserstein")
    rahman = next(a for a in pub.authors if a.last == "Rahman")
    assert not rahman.is_student


def test_example_marks_self_in_every_paper(example_cv) -> None:
    assert all(any(a.is_self for a in p.authors) for p in example_cv.publications)


DBLP = """
@inproceedings{paper, author = {Ada Example and Sam Student}, title = {A Paper},
  booktitle = {ICML}, crossref = {icml2022}, year = {2022}}
@proceedings{icml2022, editor = {Kamalika Chaudhuri and Sivan Sabato},
  title = {Proceedings of ICML 2022}, publisher = {PMLR}, year = {2022}}
@inproceedings{mine, author = {Ada Example}, title = {Another}, crossref = {x2023}}
@proceedings{x2023, editor = {A. Example and B. Other}, title = {Proceedings of X 2023},
  publisher = {ACM}, year = {2023}}
@article{nobody, author = {Smith, John}, title = {Not mine}, journal = {J}, year = {2021}}
"""


def test_crossref_volumes_are_containers_unless_you_edited_them(tmp_path) -> None:
    from cvgen.load.cv import load
    from cvgen.load.sources import Sources

    (tmp_path / "cv.yaml").write_text("person:\n  name: Ada Example\n  email: a@b.c\n")
    (tmp_path / "publications.bib").write_text(DBLP)
    cv, problems = load(Sources(tmp_path / "cv.yaml", use_cache=False))
    assert sorted(p.key for p in cv.publications) == ["mine", "nobody", "paper", "x2023"]
    warnings = [str(p) for p in problems]
    assert (
        len(warnings) == 1
        and "nobody.author: warning: no author matches 'Ada Example'" in (warnings[0])
    )


def test_a_student_without_a_start_is_underlined_up_to_a_year_after_the_end(
    clinician_cv: CV,
) -> None:
    by_key = {pub.key: pub for pub in clinician_cv.publications}
    for key in ("katz2011strain", "katz2019speckle"):  # Dr. Omri Katz: no start, end 2019
        assert [a.last for a in by_key[key].authors if a.is_student] == ["Katz"]
    # A current student still needs a start: it decides which papers underline.
    with pytest.raises(ValueError, match="a current student needs a start date"):
        Student(name="A", level="phd", status="current")
