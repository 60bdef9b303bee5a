"""Career data round two (issue 26) in the document tree: what each new key becomes, in the
words of the CV's language, once for every writer."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from cvgen.compose import Settings, compose
from cvgen.compose.amounts import totals_by_currency
from cvgen.document import Document, Entry, Section, plain_text
from cvgen.load.cv import load_or_fail
from cvgen.load.sources import Sources
from cvgen.model import CV, Appointment, Grant
from cvgen.select import Selection, apply_selection, section_content
from cvgen.words import load_words, shipped_languages

DATA = Path(__file__).resolve().parent.parent / "data" / "leadership"
DAY = dt.date(2026, 12, 1)  # the fixture's design.as_of


@pytest.fixture(scope="module")
def cv() -> CV:
    return load_or_fail(Sources(cv=DATA / "cv.yaml", bib=DATA / "publications.bib"))[0]


@pytest.fixture(scope="module")
def document(cv: CV) -> Document:
    return compose(cv, Settings(today=DAY))


def section(document: Document, name: str) -> Section:
    return next(s for s in document.sections if s.name == name)


def titles(entries: list[Entry]) -> list[str]:
    return [plain_text(entry.title) for entry in entries]


def test_administrative_posts_are_a_section_of_their_own(document: Document) -> None:
    names = [s.name for s in document.sections]
    assert names.index("appointments") + 1 == names.index("administration")
    leading = section(document, "administration")
    assert leading.heading == "Administrative and Leadership Positions"
    assert titles(leading.all_entries()) == [
        "Director, Lakeshore Brain Institute",
        "Dean, School of Medicine",
        "Head of the Stroke Unit",
    ]
    assert not {"Dean, School of Medicine"} & set(
        titles(section(document, "appointments").all_entries())
    )


def test_current_posts_come_first_primary_then_concurrent_then_visiting(document: Document):
    shown = titles(section(document, "appointments").all_entries())
    assert shown == [
        "Professor of Neurology",  # primary, though not the newest
        "Scientific Advisor",
        "Adjunct Professor",
        "Attending Neurologist, Stroke Unit",
        "Visiting Professor",  # current, but a visit: after the other current posts
        "Associate Professor of Neurology",
        "Assistant Professor of Neurology",
    ]


def test_oldest_first_ends_with_what_is_current(cv: CV) -> None:
    document = compose(cv, Settings(today=DAY, order="oldest-first"))
    shown = titles(section(document, "appointments").all_entries())
    assert shown[:2] == ["Assistant Professor of Neurology", "Associate Professor of Neurology"]
    assert shown[2] == "Professor of Neurology" and shown[-1] == "Visiting Professor"


def test_an_end_still_ahead_prints_as_expected(document: Document, cv: CV) -> None:
    degree = section(document, "education").all_entries()[0]
    assert degree.when == "10/2024 – expected\u00a009/2030"
    adjunct = next(
        e for e in section(document, "appointments").all_entries() if "Adjunct" in e.title[0].text
    )
    assert adjunct.when == "01/2020 – expected\u00a012/2029"
    later = compose(cv, Settings(today=dt.date(2031, 1, 1)))
    assert section(later, "education").all_entries()[0].when == "10/2024 – 09/2030"
    german = compose(cv, Settings(today=DAY, words=load_words("de")))
    assert (
        section(german, "education").all_entries()[0].when
        == "10/2024 – voraussichtlich\u00a009/2030"
    )


def test_an_end_in_the_same_year_is_not_said_to_be_ahead() -> None:
    job = Appointment(title="T", institution="I", start="2020", end="2026")
    assert not job.end.after(DAY) and job.current_on(DAY) is False
    assert Appointment(title="T", institution="I", start="2020", end="2027").current_on(DAY)


def test_certifications_and_memberships_are_sections(document: Document) -> None:
    certified = section(document, "certifications")
    assert certified.heading == "Certifications and Licences"
    board = next(e for e in certified.all_entries() if "Board" in e.title[0].text)
    assert (
        plain_text(board.qualifiers)
        == "American Board of Psychiatry and Neurology, no.\u00a0ABPN 61240"
    )
    licence = next(e for e in certified.all_entries() if e.title[0].text == "Medical licence")
    assert licence.when == "07/2001 – 06/2031" and licence.details
    members = section(document, "memberships")
    assert members.heading == "Professional Memberships"
    first = members.all_entries()[0]
    assert titles([first]) == ["European Stroke Organisation"]
    assert plain_text(first.qualifiers) == "President"


def test_the_counts_sentence_heads_supervision(document: Document) -> None:
    groups = section(document, "students").groups
    assert groups[0].layout == "paragraphs" and groups[0].heading is None
    assert plain_text(groups[0].entries[0].title) == (
        "Supervised in total: 24 PhD students, 31 MSc students, 9 postdoctoral researchers, "
        "and 40 undergraduate researchers."
    )
    assert [g.heading for g in groups[1:]] == ["Current", "Completed"]


@pytest.mark.parametrize("code", shipped_languages())
def test_a_count_of_one_is_singular_in_every_language(code: str) -> None:
    """The count in the language's digits ('۱' in Persian), and a singular noun where the
    language has one: not in Japanese, Korean, Chinese or Turkish after a numeral, nor in
    Danish 'ph.d.-studerende', which does not change."""
    words = load_words(code)
    one, many = words.counted("student_counts.phd", 1), words.counted("student_counts.phd", 40)
    assert words.number(1) in one and words.number(40) in many
    if code not in {"ja", "ko", "zh", "tr", "da", "fa", "ar"}:
        assert one.replace(words.number(1), "") != many.replace(words.number(40), "")


def test_grants_declined_shared_and_internal(document: Document) -> None:
    funding = section(document, "grants")
    assert [g.heading for g in funding.groups] == ["Competitive funding", "Internal funding"]
    competitive = funding.groups[0]
    shared = next(e for e in competitive.entries if e.title[0].text.startswith("ACUTE"))
    assert plain_text(shared.cells[1]) == "€2,500,000 (own share €400,000)"
    declined = next(e for e in competitive.entries if e.title[0].text.startswith("Stroke"))
    assert plain_text(declined.details[0]) == "Declined."
    # the share counts, the declined grant does not: €400,000 and $1,800,000
    assert [t.amount for t in competitive.totals] == ["€400,000", "$1,800,000"]
    assert [t.amount for t in funding.groups[1].totals] == ["$25,000"]


def test_totals_never_count_a_declined_grant() -> None:
    grants = [
        Grant(title="A", funder="F", role="PI", amount=100, currency="EUR"),
        Grant(title="B", funder="F", role="PI", amount=50, currency="EUR", declined=True),
        Grant(title="C", funder="F", role="co-I", amount=1000, share=10, currency="EUR"),
    ]
    assert totals_by_currency(grants) == [("EUR", 110)]


def test_the_header_holds_title_and_post_nominals_once(document: Document, cv: CV) -> None:
    head = document.header
    assert (head.title, head.name, head.postnominals) == ("Prof.", "Helena Marković", "MD, PhD")
    assert document.meta.title == "Curriculum Vitae: Prof. Helena Marković, MD, PhD"
    assert document.meta.author == "Helena Marković"
    assert document.furniture["page_title"].startswith("Prof. Helena Marković, MD, PhD")
    person = document.schema_org["@graph"][0]
    assert person["honorificPrefix"] == "Prof." and person["honorificSuffix"] == "MD, PhD"
    assert {"@type": "Organization", "name": "World Stroke Organization"} in person["memberOf"]
    doubled = cv.data.person.model_copy(update={"name": "Prof. Helena Marković, MD, PhD"})
    data = cv.data.model_copy(update={"person": doubled})
    again = compose(cv.model_copy(update={"data": data}), Settings(today=DAY))
    assert (again.header.title, again.header.postnominals) == (None, None)
    assert again.meta.title == "Curriculum Vitae: Prof. Helena Marković, MD, PhD"


def test_sections_and_since_select_the_new_sections(cv: CV) -> None:
    chosen = apply_selection(
        cv, Selection(sections=("administration", "certifications", "memberships"), since=2020)
    )
    document = compose(chosen, Settings(today=DAY))
    assert [s.name for s in document.sections] == [
        "administration",
        "certifications",
        "memberships",
    ]
    assert titles(section(document, "administration").all_entries()) == [
        "Director, Lakeshore Brain Institute"
    ]
    assert len(section_content(chosen, "memberships")) == 2  # joined 2005 with no end: left out
    assert titles(section(document, "certifications").all_entries()) == [
        "Good Clinical Practice", "Medical licence",
    ]  # fmt: skip
