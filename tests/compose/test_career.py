"""Career data a real CV needs (compose/career.py), through the clinician-scientist who uses all
of it: every item of her cv.yaml reaches the document tree in its own words."""

from __future__ import annotations

import json
import re
from collections import Counter
from typing import Any

import pytest
from pydantic import BaseModel

from cvgen.compose import compose
from cvgen.document import Document, Span, plain_text
from cvgen.model import CV, Design, Person, Talk
from cvgen.select import section_content
from cvgen.writers.pdf.tex import run_tex
from tests.support.clinician import DECLINED, NEW_FIELDS, run_clinician
from tests.support.html_doc import parse, visible_text
from tests.support.rendering import listing, render
from tests.support.tree_words import entry_words, group_words, pdf_sections_text, words


@pytest.fixture(scope="module")
def clinician_document(clinician_cv: CV) -> Document:
    return compose(clinician_cv)


# --- the example uses every new field ---------------------------------------------------------


# --- every item reaches the document ----------------------------------------------------------

# Fields that say how an item is printed (grouping, links, matching), not words it prints.
NOT_PRINTED = {
    "tags", "role_kind", "kind", "level", "status", "stage", "per", "currency", "amount",
    "name_variants", "major", "declined", "direct_track", "url", "video", "slides", "links",
    "start", "end", "date", "expected_end", "awarded", "birth_date", "role", "primary", "share",
    "language",  # named only where it is not the CV's
}  # fmt: skip


def printed_words(item: Any) -> list[str]:
    """The words of every free-text value of an item (its amounts' in-kind parts too)."""
    if isinstance(item, dict):  # personal details, as JSON data
        item = Person(name="x", **item)
    names = NEW_FIELDS["person"] if isinstance(item, Person) else type(item).model_fields
    found: list[str] = []
    for name in names:
        value = getattr(item, name)
        if name in NOT_PRINTED or value in (None, "", [], {}):
            continue
        if isinstance(value, list):
            for part in value:
                found += printed_words(part) if isinstance(part, BaseModel) else words(str(part))
        elif isinstance(value, dict):
            found += [w for key, text in value.items() for w in words(f"{key} {text}")]
        else:
            found += words(str(value))
    return found


def section_words(document: Document, name: str) -> Counter:
    section = next(s for s in document.sections if s.name == name)
    return Counter(word for group in section.groups for word in group_words(group))


def test_every_item_of_every_section_is_in_the_document(
    clinician_cv: CV, clinician_document: Document
) -> None:
    shown = [section.name for section in clinician_document.sections]
    assert shown == clinician_cv.data.section_order
    for name in shown:
        if name in ("publications", "research_interests"):
            continue
        in_section = section_words(clinician_document, name)
        for item in section_content(clinician_cv, name):
            missing = Counter(printed_words(item)) - in_section
            assert not missing, (name, item, missing)


def test_new_fields_are_worded_from_the_words_table(clinician_document: Document) -> None:
    def line(section: str, head: str) -> str:
        found = next(s for s in clinician_document.sections if s.name == section)
        entry = next(e for e in found.all_entries() if text(e.title).startswith(head))
        parts = [entry.title, entry.qualifiers, *entry.cells, *entry.details, entry.annotation]
        texts = [*map(text, parts), entry.when or ""]
        return " | ".join(part for part in texts if part)

    def text(spans: list[Span]) -> str:
        return plain_text(spans).replace("\u00a0", " ")  # no-break spaces read as spaces

    assert line("awards", "Alon") == (
        "Alon Fellowship for Outstanding Young Researchers | Council for Higher Education (ILS "
        "100,000 per year) | Declined on taking up a clinical appointment. | Declined | "
        "2013 – 2016"
    )
    assert line("grants", "Compute") == (
        "Compute for Cardiac MRI Segmentation | Nimbus Cloud, Research Credits | Principal "
        "investigator | 20,000 GPU credits in kind | 04/2023 – 03/2024"
    )
    assert line("grants", "Bedside").endswith("| PI | ILS 150,000 + $20,000 + Echo machine time "
                                              "in kind | 2016 – 2017")  # fmt: skip
    assert line("talks", "Departmental and") == (
        "Departmental and hospital seminars in Israel (22 talks, in Hebrew) | 2012 – 2024"
    )
    assert line("students", "Adam") == (
        "Adam Shapiro | Thesis: Uncertainty in Ejection Fraction Estimates. | Co-supervisor; "
        "primary supervisor: Prof. Dana Ron. | 10/2020 – 09/2022"
    )
    assert line("students", "Maya").startswith("Maya Levin | Direct track. |")
    assert line("students", "Dr. Omri").endswith("| 08/2019")  # no known start
    assert line("appointments", "Postdoctoral") == (
        "Postdoctoral Fellow | Cardiovascular Institute, Stanbridge University, Palo Alto, CA, "
        "USA | Host: Prof. Helen Marsh. | Fulbright Postdoctoral Fellow. | 09/2010 – 08/2012"
    )
    assert "Degree awarded 21/06/2010." in line("education", "PhD")
    assert "Track: Combined MD-PhD programme, research track. | " in line("education", "MD")
    assert line("clinical", "Board").endswith("| 17/04/2012")


def test_competitive_totals_add_sums_given_once(clinician_document: Document) -> None:
    grants = next(s for s in clinician_document.sections if s.name == "grants")
    competitive = grants.groups[0]
    # The NIH subaward's $60,000 per year is no sum: its years are not whole, so no USD total.
    # one form for every total: ILS has no symbol here, so all are ISO codes
    assert [t.amount for t in competitive.totals] == ["EUR\u00a01,499,000", "ILS\u00a03,600,000"]


# --- custom sections take their place --------------------------------------------------------


def test_custom_sections_appear_in_the_order_sections_gives(clinician_cv: CV) -> None:
    order = clinician_cv.data.section_order
    page = parse(render(clinician_cv, "html"))
    assert [section.get("id") for section in page.iter("section")] == order
    headings = [h.text() for h in page.iter("h2")]
    assert headings[order.index("memberships")] == "Professional Memberships"  # the `en` one
    assert headings[order.index("clinical")] == "Clinical Work"
    pdf = run_tex(render(clinician_cv, "latex")).pdf
    lines = [
        line.strip().lower() for line in pdf_sections_text(pdf, compose(clinician_cv)).split("\n")
    ]
    places = [lines.index(heading.lower()) for heading in headings]
    assert places == sorted(places)


def test_a_custom_heading_follows_the_language_of_the_words(clinician_cv: CV) -> None:
    from cvgen.compose import Settings
    from cvgen.words import Words, load_words

    german = Words({**load_words().table, "language": "de"})
    headings = {s.name: s.heading for s in compose(clinician_cv, Settings(words=german)).sections}
    assert headings["memberships"] == "Mitgliedschaften"
    assert headings["software"] == "Software and Datasets"  # only `en` given: English
    assert headings["clinical"] == "Clinical Work"


# --- tags select every tagged section ---------------------------------------------------------


# --- a declined award --------------------------------------------------------------------------


def test_a_declined_award_is_printed_as_declined_in_every_writer(clinician_cv: CV) -> None:
    cv = clinician_cv
    markdown = listing(cv, "markdown", ["awards"])
    line = next(line for line in markdown.splitlines() if DECLINED in line)
    assert line.endswith("*Declined.*")
    page = parse(render(cv, "html"))
    item = next(li for li in page.iter("li") if DECLINED in visible_text(li))
    assert [visible_text(note) for note in item.iter("span", "note")] == ["Declined"]
    tex = render(cv, "latex")
    assert re.search(DECLINED + r".*\\cvnote\{Declined\}", tex)


# --- personal details ---------------------------------------------------------------------------


def _without_personal_design(cv: CV, **design: bool) -> CV:
    data = cv.data.model_copy(update={"design": Design(**design), "sections": []})
    return cv.model_copy(update={"data": data})


def test_personal_details_are_off_by_default_in_every_output(clinician_cv: CV) -> None:
    cv = _without_personal_design(clinician_cv)
    order = cv.data.section_order
    outputs = {
        "html": render(cv, "html"),
        "latex": render(cv, "latex"),
        "markdown": listing(cv, "markdown", order),
        "json": listing(cv, "json", order),
        "document": render(cv, "document"),
        "bio": run_clinician("bio", "--words", "400"),
    }
    for name, text in outputs.items():
        for secret in ("1976", "Born", "Citizenship", "three children", "Military", "licence"):
            assert secret not in str(text), (name, secret)


def test_personal_details_reach_the_web_data_only_when_asked(clinician_cv: CV) -> None:
    def person_node(cv: CV) -> dict:
        page = render(cv, "html")
        graph = json.loads(re.search(r'ld\+json">\s*(.*?)\s*</script>', page, re.S).group(1))
        return graph["@graph"][0]

    printed_only = person_node(_without_personal_design(clinician_cv, personal_details=True))
    assert "birthDate" not in printed_only and "nationality" not in printed_only
    asked = person_node(clinician_cv)
    assert asked["birthDate"] == "1976-05-14"
    assert asked["birthPlace"] == {"@type": "Place", "name": "Haifa, Israel"}
    assert [country["name"] for country in asked["nationality"]] == ["Israel", "Germany"]


def test_personal_details_printed_when_asked_are_worded_from_the_table(
    clinician_document: Document,
) -> None:
    section = clinician_document.sections[0]
    assert section.name == "personal_details" and section.heading == "Personal Details"
    assert [plain_text(e.title) for e in section.all_entries()] == [
        "Born 14 May 1976 in Haifa, Israel.",
        "Citizenship: Israel, Germany.",
        "Married, three children.",
        "Military service: Israel Defense Forces, Medical Corps, 1994–1996.",
        "Medical licence: Israel Ministry of Health, no. 1-23456.",
    ]


# --- the model ------------------------------------------------------------------------------------


def test_entry_words_cover_every_entry_of_the_clinician(clinician_document: Document) -> None:
    """Each entry says something (no empty line in any writer)."""
    for entry in clinician_document.all_entries():
        assert entry_words(entry), entry


def test_a_talks_language_is_named_in_the_cvs_language() -> None:
    # A new user's German CV said "(auf German)"; an untitled talk had no parentheses.
    from cvgen.compose.career import talk_entry
    from cvgen.compose.context import Context, Settings
    from cvgen.words import load_words

    titled = Talk(
        title="Wer gehört dazu?", event="Historikertag", date="2023-09", language="German"
    )
    untitled = Talk(event="Kolloquium", location="Tübingen", date="2022", language="pl", count=2)
    shown = {}
    for language in ("en", "de", "fr"):
        ctx = Context(Settings(words=load_words(language)))
        shown[language] = [plain_text(talk_entry(ctx, t).qualifiers) for t in (titled, untitled)]
    assert shown["en"] == ["Historikertag (in German)", "Tübingen (2 talks, in Polish)"]
    # the CV's own language is not named (a German talk in a German CV)
    assert shown["de"][0] == "Historikertag" and "auf Polnisch)" in shown["de"][1]
    assert shown["fr"][0] == "Historikertag (en allemand)"
    unknown = Talk(title="T", event="E", date="2020", language="Klingon (tlhIngan)")
    ctx = Context(Settings(words=load_words("de")))
    assert plain_text(talk_entry(ctx, unknown).qualifiers) == "E (auf Klingon (tlhIngan))"
