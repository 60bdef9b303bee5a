"""Suspicious data warned of with file and line (load/bibtex/checks.py): years, unexplained
marks, one paper entered twice."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from cvgen.load.bibtex.checks import YEARS_BEFORE_FIRST_DEGREE, suspicious_data
from cvgen.load.cv import load
from cvgen.load.sources import Sources
from cvgen.model import Author, CvData, PubKind, Publication


def test_suspicious_data_is_warned_with_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "cv.yaml").write_text(
        "person: {name: A B, email: a@b.org}\n"
        "education: [{degree: PhD, institution: U, start: 2006, end: 2010}]\n",
        "utf-8",
    )
    (tmp_path / "publications.bib").write_text(
        "@article{old, author={B, A}, title={T}, journal={J}, year=1960}\n"
        "@article{late, author={B, A}, title={T}, journal={J}, year=2099}\n"
        "@article{odd, author={B, A and Smith (Jr), J and and Lee, K}, title={T}, journal={J},"
        " year=2020}\n",
        "utf-8",
    )
    _, problems = load(Sources(tmp_path / "cv.yaml", use_cache=False))
    found = {(p.line, p.field, p.message.split(";")[0]) for p in problems}
    assert (1, "old.year", "1960 is more than 10 years before your first degree (2006)") in found
    assert any(line == 2 and "after next year" in m for line, _, m in found)
    assert any(line == 3 and "contains parentheses" in m for line, _, m in found)


def test_one_paper_entered_twice_is_warned_of_but_a_preprint_and_its_paper_are_not(tmp_path):
    # As a Zotero export merged with a DBLP one gives (limaye.bib holds an arXiv and an ECCC
    # report of one paper); the doi of the second is only in a doi.org url (Google Scholar).
    (tmp_path / "cv.yaml").write_text("person: {name: A B, email: a@b.org}\n", "utf-8")
    (tmp_path / "publications.bib").write_text(
        "@article{zotero, author={B, A}, title={Rivers and the Sea}, journal={J}, year=2020,"
        " doi={https://doi.org/10.1234/RIVERS}}\n"
        "@article{dblp, author={B, A}, title={Rivers and the sea.}, journal={J. Rivers},"
        " year=2021, url={https://dx.doi.org/10.1234/rivers}}\n"
        "@article{pre, author={B, A}, title={Rivers and the Sea}, journal={arXiv preprint"
        " arXiv:2001.01234}, year=2020}\n"
        "@article{eccc, author={B, A}, title={Lower bounds at length}, year=2024,"
        " journal={Electron. Colloquium Comput. Complex.}, volume={TR24-021}}\n",
        "utf-8",
    )
    cv, problems = load(Sources(tmp_path / "cv.yaml", use_cache=False))
    kinds = {p.key: p.kind for p in cv.publications}
    assert kinds["pre"] is PubKind.PREPRINT and kinds["eccc"] is PubKind.PREPRINT
    assert {p.key: p.links.doi for p in cv.publications}["dblp"] == "10.1234/rivers"
    twice = [str(p) for p in problems if "the same paper as" in p.message]
    assert twice == [
        f"{tmp_path / 'publications.bib'}:2: dblp: warning: the same paper as zotero (line 1) "
        "(the same DOI, or the same title and year), so the CV lists it twice; delete one of "
        "the two entries"
    ]


def _mine(key: str, year: int, line: int, **fields) -> Publication:
    author = Author(first="A", last="B", is_self=True, **fields.pop("author", {}))
    values = {"entry_type": "article", "kind": PubKind.JOURNAL, "title": f"Title of {key}"}
    return Publication(key=key, year=year, line=line, authors=[author], **{**values, **fields})


def test_years_long_before_the_first_degree_or_after_next_year_are_questioned() -> None:
    data = CvData(person={"name": "A B"}, education=[{"degree": "PhD", "institution": "U",
                                                      "start": 2006, "end": 2010}])  # fmt: skip
    pubs = [_mine("old", 1990, 1), _mine("ok", 2001, 2), _mine("late", 2030, 3)]
    problems = suspicious_data(data, pubs, Path("x.bib"), today=dt.date(2026, 1, 1))
    assert [(p.line, p.field, p.is_error) for p in problems] == [
        (1, "old.year", False),
        (3, "late.year", False),
    ]
    assert problems[0].message.startswith(
        f"1990 is more than {YEARS_BEFORE_FIRST_DEGREE} years before your first degree (2006)"
    )


def test_a_mark_cv_yaml_does_not_explain_is_asked_about_once() -> None:
    data = CvData(person={"name": "A B"})
    pubs = [_mine(k, 2020, i, author={"marks": ("‡",)}) for i, k in enumerate("ab", 1)]
    (problem,) = suspicious_data(data, pubs, Path("x.bib"), today=dt.date(2026, 1, 1))
    assert problem.field == "a.author" and "publications: {marks: {'‡': '...'}}" in problem.message
    explained = CvData(person={"name": "A B"}, publications={"marks": {"‡": "Senior author"}})
    assert suspicious_data(explained, pubs, Path("x.bib"), today=dt.date(2026, 1, 1)) == []
