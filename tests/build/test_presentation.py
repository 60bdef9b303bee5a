"""Layout settings under `design:` in cv.yaml as a request resolves them (build/presentation.py):
the order of the publication lists, oldest or newest first, the CV's date; checked with file
and line."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from cvgen.build.plan import load_plan
from cvgen.build.presentation import check_designs
from cvgen.build.request import Request
from cvgen.document import Document, plain_text
from cvgen.errors import CvgenError
from cvgen.load.cv import load_or_fail
from cvgen.load.cv_yaml import load_cv_yaml
from cvgen.load.sources import Sources
from cvgen.select import Selection
from tests.support.html_doc import parse
from tests.support.projects import designed

# A real Israeli résumé's layout (the kind the Technion and the Hebrew University ask for):
# numbered sections, publications oldest first with theses before journal articles, and a
# date the CV speaks from. Settings alone must reach it.
ISRAELI = """
design:
  numbered_sections: true
  order: oldest-first
  publication_order: [thesis, journal, conference]
  as_of: 2023-01-05
"""


def tailored_document(sources: Sources, selection: Selection | None = None) -> Document:
    return load_plan(sources, Request(selection or Selection())).document()


def test_the_israeli_resume_layout_from_settings_alone(tmp_path: Path, small_sources) -> None:
    sources = designed(tmp_path, small_sources, ISRAELI)
    document = tailored_document(sources)
    assert [s.number for s in document.sections] == list(range(1, len(document.sections) + 1))
    pubs = next(s for s in document.sections if s.name == "publications")
    assert [g.heading for g in pubs.groups][:3] == [
        "Theses",
        "Journal Articles",
        "Conference Papers",
    ]
    appointments = next(s for s in document.sections if s.name == "appointments")
    whens = [e.when for e in appointments.all_entries()]
    assert whens == ["2012 – 08/2019", "09/2019 – present"]  # oldest first, dates as written
    assert document.furniture["updated"] == "Updated January 2023"
    assert document.meta.date == "2023-01-05"
    plan = load_plan(sources, Request())
    tex = plan.render("latex")
    assert re.findall(r"\\cvsection\[(\d+)\]", tex)[:3] == ["1", "2", "3"]
    assert r"\newcommand*{\cvupdated}{Updated January 2023}" in tex
    assert tex.index(r"\cvsubsection{Theses}") < tex.index(r"\cvsubsection{Journal Articles}")
    page = parse(plan.render("html"))
    assert page.find("h2").text() == "1. Research Interests"
    assert page.find("p", "updated").text() == "Updated January 2023"


def test_oldest_first_numbers_in_print_order(example_sources, tmp_path: Path) -> None:
    text = example_sources.cv.read_text(encoding="utf-8") + "\ndesign: {order: oldest-first}\n"
    (tmp_path / "cv.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "publications.bib").write_bytes(example_sources.bib.read_bytes())
    document = tailored_document(Sources(cv=tmp_path / "cv.yaml", use_cache=False))
    for section in document.sections:
        for group in section.groups:
            entries = group.entries
            if group.layout == "references":
                assert [e.number for e in entries] == list(range(1, len(entries) + 1))
            years = [
                int(m.group()) for e in entries if e.when and (m := re.search(r"\d{4}", e.when))
            ]
            assert years == sorted(years), (section.name, group.heading)
    journals = next(s for s in document.sections if s.name == "publications").groups[0]
    first, last = journals.entries[0], journals.entries[-1]
    assert re.search(r"2009", plain_text(first.title)) and re.search(
        r"2025", plain_text(last.title)
    )


def test_headings_of_ones_own(tmp_path: Path, small_sources) -> None:
    sources = designed(tmp_path, small_sources, "design: {headings: {grants: Research Grants}}\n")
    document = tailored_document(sources)
    assert [s.heading for s in document.sections if s.name == "grants"] == ["Research Grants"]
    bad = designed(tmp_path, small_sources, "design:\n  headings: {grnts: Research Grants}\n")
    with pytest.raises(CvgenError) as raised:
        load_or_fail(bad)
    message = raised.value.format_message()
    assert "cv.yaml:" in message and "design.headings.grnts:" in message
    assert "did you mean 'grants'?" in message


def test_the_cv_date_is_where_last_and_expected_ends_count_from(tmp_path, small_sources):
    design = "design: {as_of: 2019-03-01}\n"
    sources = designed(tmp_path, small_sources, design)
    recent = tailored_document(sources, Selection(last=3))
    pubs = [e for s in recent.sections if s.name == "publications" for e in s.all_entries()]
    years = {int(y) for e in pubs for y in re.findall(r"\b(20\d\d)\.", plain_text(e.title))}
    assert years and years <= {2017, 2018, 2019}
    # Omar Haddad's expected end (2026) has not passed as of 2019: no warning then
    _, warnings = load_or_fail(sources)
    assert not any("expected end" in w.message for w in warnings)
    late = designed(tmp_path, small_sources, "design: {as_of: 2027-01-01}\n")
    _, warnings = load_or_fail(late)
    assert any("expected end 2026 has passed" in w.message for w in warnings)


def test_an_undated_cv_prints_no_date(small_cv) -> None:
    from cvgen.compose import Settings, compose

    assert "updated" not in compose(small_cv, Settings(today=dt.date(2024, 1, 1))).furniture


def test_numbered_sections_follow_the_design_over_the_theme(tmp_path, small_sources) -> None:
    off = designed(tmp_path, small_sources, "design: {theme: grant, numbered_sections: false}\n")
    assert {s.number for s in tailored_document(off).sections} == {None}
    on = designed(tmp_path, small_sources, "design: {theme: grant}\n")
    assert tailored_document(on).sections[0].number == 1


def test_design_citation_style_is_checked_with_a_hint(tmp_path: Path) -> None:
    cv = tmp_path / "cv.yaml"
    cv.write_text("person: {name: A B}\ndesign:\n  citation_style: ieeee\n", encoding="utf-8")
    data, problems = load_cv_yaml(cv)
    assert data is not None and not any(p.is_error for p in problems)  # names: checked below
    assert [str(p) for p in check_designs(data, Sources(cv=cv))] == [
        f"{cv}:3: design.citation_style: no citation style named 'ieeee'; did you mean "
        "'ieee' or 'ieee-pulse' or 'ieee-access'? (`cvgen styles --all` lists them)"
    ]
    cv.write_text("person: {name: A B}\ndesign: {citation_style: chicago}\n", encoding="utf-8")
    data, _ = load_cv_yaml(cv)
    assert data is not None and check_designs(data, Sources(cv=cv)) == []
