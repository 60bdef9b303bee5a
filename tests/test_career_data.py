"""Career data a real CV needs (issue 16), through the clinician-scientist who uses all of it.

Every item of her cv.yaml reaches the document tree in its own words (test_document.py then
shows that every writer prints the tree); tags select the sections that use them; a declined
award is printed as declined and never named in a bio or a biosketch; custom sections take
their place from `sections:`; personal details stay out of every output unless asked for.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from html_doc import parse, visible_text
from pydantic import BaseModel
from rendering import listing, render
from test_document import _pdf_sections_text, entry_words, group_words, words

from cvgen.cli import main
from cvgen.compose import compose
from cvgen.document import Document, Span, plain_text
from cvgen.load.cv import load_or_fail
from cvgen.load.sources import Sources
from cvgen.model import CV, Award, CustomEntry, Design, Grant, Person, Student, Talk
from cvgen.select import section_content
from cvgen.writers.pdf.tex import run_tex

FOLDER = Path(__file__).resolve().parent / "data" / "clinician"
SOURCES = Sources(cv=FOLDER / "cv.yaml", bib=FOLDER / "publications.bib")
ARGS = ["--cv", str(SOURCES.cv), "--bib", str(SOURCES.bib)]
DECLINED = "Alon Fellowship for Outstanding Young Researchers"


@pytest.fixture(scope="module")
def clinician() -> CV:
    return load_or_fail(SOURCES)[0]


@pytest.fixture(scope="module")
def clinician_document(clinician: CV) -> Document:
    return compose(clinician)


def run(*args: str) -> str:
    result = CliRunner().invoke(main, [*args, *ARGS])
    assert result.exit_code == 0, result.output
    return result.output


# --- the example uses every new field ---------------------------------------------------------

NEW_FIELDS: dict[str, tuple[str, ...]] = {
    "person": ("birth_date", "birth_place", "citizenship", "family_status", "other_details"),
    "education": ("track", "awarded", "gpa", "note"),
    "appointments": ("host", "note"),
    "awards": ("declined", "per", "amounts", "note", "stage"),
    "grants": ("role_kind", "per", "in_kind", "amounts", "tags", "note"),
    "students": ("role", "primary_supervisor", "previous_supervisor", "direct_track", "note"),
    "talks": ("language", "count", "end", "tags", "note"),
    "service": ("note",),
    "press": ("note",),
}
DESIGN_FIELDS = ("dates", "awards_by_stage", "personal_details", "personal_details_in_jsonld")


def test_the_clinician_uses_every_field_issue_16_added(clinician: CV) -> None:
    data = clinician.data
    for section, names in NEW_FIELDS.items():
        items = [data.person] if section == "person" else getattr(data, section)
        for name in names:
            default = type(items[0]).model_fields[name].get_default(call_default_factory=True)
            assert any(getattr(item, name) != default for item in items), (section, name)
    assert all(getattr(data.design, name) for name in DESIGN_FIELDS)
    assert any(talk.title is None for talk in data.talks)
    assert {talk.kind.value for talk in data.talks} >= {"colloquium", "panel", "tutorial", "other"}
    assert any(student.start is None for student in data.students)
    assert {award.stage for award in data.awards} >= {"postdoc", "faculty", None}
    assert any(grant.role_kind and grant.role != grant.role_kind.value for grant in data.grants)
    entries = [entry for section in data.custom.values() for entry in section.entries]
    for name in CustomEntry.model_fields:
        assert any(getattr(entry, name) for entry in entries), name
    headings = [section.heading for section in data.custom.values()]
    assert any(isinstance(h, str) for h in headings) and any(isinstance(h, dict) for h in headings)


# --- every item reaches the document ----------------------------------------------------------

# Fields that say how an item is printed (grouping, links, matching), not words it prints.
NOT_PRINTED = {
    "tags", "role_kind", "kind", "level", "status", "stage", "per", "currency", "amount",
    "name_variants", "major", "declined", "direct_track", "url", "video", "slides", "links",
    "start", "end", "date", "expected_end", "awarded", "birth_date", "role",
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
    clinician: CV, clinician_document: Document
) -> None:
    shown = [section.name for section in clinician_document.sections]
    assert shown == clinician.data.section_order
    for name in shown:
        if name in ("publications", "research_interests"):
            continue
        in_section = section_words(clinician_document, name)
        for item in section_content(clinician, name):
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
        "Departmental and hospital seminars in Israel | (22 talks, in Hebrew) | 2012 – 2024"
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
    assert [total.amount for total in competitive.totals] == ["€1,499,000", "ILS\u00a03,600,000"]


# --- custom sections take their place --------------------------------------------------------


def test_custom_sections_appear_in_the_order_sections_gives(clinician: CV) -> None:
    order = clinician.data.section_order
    page = parse(render(clinician, "html"))
    assert [section.get("id") for section in page.iter("section")] == order
    headings = [h.text() for h in page.iter("h2")]
    assert headings[order.index("memberships")] == "Professional Memberships"  # the `en` one
    assert headings[order.index("clinical")] == "Clinical Work"
    pdf = run_tex(render(clinician, "latex")).pdf
    lines = [
        line.strip().lower() for line in _pdf_sections_text(pdf, compose(clinician)).split("\n")
    ]
    places = [lines.index(heading.lower()) for heading in headings]
    assert places == sorted(places)


def test_sections_option_orders_custom_sections_too() -> None:
    printed = run("filter", "--sections", "languages,career_breaks,grants", "--format", "markdown")
    assert re.findall(r"^# (.+)$", printed, re.M) == [
        "Languages",
        "Career Breaks",
        "Research Funding",
    ]


def test_a_custom_heading_follows_the_language_of_the_words(clinician: CV) -> None:
    from cvgen.compose import Settings
    from cvgen.words import Words, load_words

    german = Words({**load_words().table, "language": "de"})
    headings = {s.name: s.heading for s in compose(clinician, Settings(words=german)).sections}
    assert headings["memberships"] == "Mitgliedschaften"
    assert headings["software"] == "Software and Datasets"  # only `en` given: English
    assert headings["clinical"] == "Clinical Work"


# --- tags select every tagged section ---------------------------------------------------------


def _titles(markdown: str) -> list[str]:
    return re.findall(r"^- (?:\\\[\d+\\\] )?\*\*(.+?)\*\*", markdown, re.M)


@pytest.mark.parametrize(
    "tag, grants",
    [
        ("erc", ["ECHO-AI: Learning Heart Failure from Routine Echocardiograms",
                 "Compute for Cardiac MRI Segmentation"]),
        ("isf", ["Strain Imaging for Early Heart Failure"]),
        ("magnet", ["Cardio-AI: Decision Support for Emergency Cardiology"]),
    ],
)  # fmt: skip
def test_filter_tag_sections_grants_lists_exactly_the_tagged_grants(
    tag: str, grants: list[str]
) -> None:
    printed = run("filter", "--tag", tag, "--sections", "grants", "--format", "markdown")
    assert _titles(printed) == grants


def test_a_variant_tags_grants_talks_custom_entries_and_publications(clinician: CV) -> None:
    printed = run("filter", "--variant", "erc", "--format", "markdown")
    assert re.findall(r"^# (.+)$", printed, re.M) == [
        "Research Funding",
        "Talks",
        "Software and Datasets",
        "Publications",
    ]
    titles = _titles(printed)
    assert "Strain Imaging for Early Heart Failure" not in titles  # tagged isf
    assert "Learning from Every Heartbeat" in titles  # a talk tagged erc
    assert "The Heart and the Algorithm" not in titles  # an untagged talk: talks use tags
    assert "HeartTrack triage app" not in titles  # tagged magnet
    assert "EchoSeg: open-source echocardiogram segmentation" in titles
    erc_papers = {p.key for p in clinician.publications if "erc" in p.tags}
    assert printed.count("[DOI]") + printed.count("[arXiv]") >= len(erc_papers)


def test_a_tag_leaves_sections_without_tags_whole() -> None:
    printed = run("filter", "--tag", "erc", "--sections", "languages,students", "--format", "text")
    assert "Hebrew" in printed and "Maya Levin" in printed and "Noam Friedman" in printed


# --- a declined award --------------------------------------------------------------------------


def test_a_declined_award_is_printed_as_declined_in_every_writer(clinician: CV) -> None:
    cv = clinician
    markdown = listing(cv, "markdown", ["awards"])
    line = next(line for line in markdown.splitlines() if DECLINED in line)
    assert line.endswith("*Declined.*")
    page = parse(render(cv, "html"))
    item = next(li for li in page.iter("li") if DECLINED in visible_text(li))
    assert [visible_text(note) for note in item.iter("span", "note")] == ["Declined"]
    tex = render(cv, "latex")
    assert re.search(DECLINED + r".*\\cvnote\{Declined\}", tex)


@pytest.mark.parametrize(
    "args",
    [
        ["bio"],
        ["bio", "--words", "400"],
        ["bio", "--person", "first", "--format", "markdown"],
        ["bio", "--format", "nsf"],
        ["bio", "--format", "nih"],
        ["bio", "--format", "erc"],
    ],
)
def test_a_declined_award_is_never_in_a_bio_or_a_sketch(args: list[str], tmp_path: Path) -> None:
    printed = run(*args)
    assert "Alon Fellowship" not in printed and "declined" not in printed.lower()
    if args[-1] == "nih":  # the NIH sketch lists honors: the others are there
        assert "Fellow of the European Society of Cardiology" in printed


def test_the_bio_names_awards_that_were_accepted(clinician: CV) -> None:
    from cvgen.bio.ranking import bio_awards

    named = [award.name for award in bio_awards(clinician.data.awards, clinician.data.person)]
    assert DECLINED not in named and "Ramon Prize for Clinician-Scientists" in named


# --- personal details ---------------------------------------------------------------------------


def _without_personal_design(cv: CV, **design: bool) -> CV:
    data = cv.data.model_copy(update={"design": Design(**design), "sections": []})
    return cv.model_copy(update={"data": data})


def test_personal_details_are_off_by_default_in_every_output(clinician: CV) -> None:
    cv = _without_personal_design(clinician)
    order = cv.data.section_order
    outputs = {
        "html": render(cv, "html"),
        "latex": render(cv, "latex"),
        "markdown": listing(cv, "markdown", order),
        "json": listing(cv, "json", order),
        "document": render(cv, "document"),
        "bio": run("bio", "--words", "400"),
    }
    for name, text in outputs.items():
        for secret in ("1976", "Born", "Citizenship", "three children", "Military", "licence"):
            assert secret not in str(text), (name, secret)


def test_personal_details_reach_the_web_data_only_when_asked(clinician: CV) -> None:
    def person_node(cv: CV) -> dict:
        page = render(cv, "html")
        graph = json.loads(re.search(r'ld\+json">\s*(.*?)\s*</script>', page, re.S).group(1))
        return graph["@graph"][0]

    printed_only = person_node(_without_personal_design(clinician, personal_details=True))
    assert "birthDate" not in printed_only and "nationality" not in printed_only
    asked = person_node(clinician)
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


@pytest.mark.parametrize(
    "role, kind",
    [
        ("PI", "PI"), ("Sole PI", "PI"), ("PI in a MAGNET consortium", "PI"),
        ("Principal investigator", "PI"), ("Co-PI", "co-PI"),
        ("co-principal investigator", "co-PI"),
        ("Co-investigator", "co-I"), ("co-I", "co-I"), ("Work package leader", "partner"),
        ("Collaborator", "collaborator"),
    ],
)  # fmt: skip
def test_a_free_text_grant_role_has_its_kind(role: str, kind: str) -> None:
    assert Grant(title="G", funder="F", role=role).role_kind == kind


def test_a_student_without_a_start_is_underlined_up_to_a_year_after_the_end(clinician: CV) -> None:
    by_key = {pub.key: pub for pub in clinician.publications}
    for key in ("katz2011strain", "katz2019speckle"):  # Dr. Omri Katz: no start, end 2019
        assert [a.last for a in by_key[key].authors if a.is_student] == ["Katz"]
    # A current student still needs a start: it decides which papers underline.
    with pytest.raises(ValueError, match="a current student needs a start date"):
        Student(name="A", level="phd", status="current")


def test_talk_series_and_invitations_need_no_title() -> None:
    talk = Talk(event="Departmental seminars", date="2012", end="2024", count=22, kind="seminar")
    assert talk.title is None and talk.count == 22
    with pytest.raises(ValueError, match="end: 2010 is before date 2012"):
        Talk(event="E", date="2012", end="2010")


def test_award_amounts_compound_per_year_and_in_kind() -> None:
    award = Award(
        name="A", amount=45000, currency="USD", per="year", amounts=[{"in_kind": "Travel"}]
    )
    assert [(p.amount, p.per, p.in_kind) for p in award.amount_parts] == [
        (45000, "year", None),
        (None, None, "Travel"),
    ]
    with pytest.raises(ValueError, match="an amount part needs an amount or in_kind"):
        Award(name="A", amounts=[{"currency": "EUR"}])


def test_entry_words_cover_every_entry_of_the_clinician(clinician_document: Document) -> None:
    """Each entry says something (no empty line in any writer)."""
    for entry in clinician_document.all_entries():
        assert entry_words(entry), entry


def test_the_period_windows_custom_sections_like_any_dated_section() -> None:
    printed = run("filter", "--since", "2022", "--sections", "career_breaks,languages,software")
    assert "Reserve military service" in printed and "Parental leave" not in printed
    assert "HeartTrack triage app" in printed and "EchoSeg" not in printed  # dated 2021
    assert "German" in printed  # undated entries are never windowed out


def test_the_schema_describes_every_new_field_for_editors() -> None:
    from cvgen.build.schema import cv_json_schema

    schema = cv_json_schema()
    models = {"CvData": schema, **schema["$defs"]}
    new = {
        "CvData": ["custom"],
        "Design": list(DESIGN_FIELDS),
        "CustomSection": ["heading", "entries"],
        "CustomEntry": list(CustomEntry.model_fields),
        "Amount": ["amount", "currency", "per", "in_kind"],
        "Person": list(NEW_FIELDS["person"]),
        "Degree": ["track", "awarded", "gpa", "note"],
        "Appointment": ["host", "note"],
        "Award": ["per", "in_kind", "amounts", "stage", "declined", "note"],
        "Grant": ["role", "role_kind", "per", "in_kind", "amounts", "tags", "note", "currency"],
        "Student": ["role", "primary_supervisor", "previous_supervisor", "direct_track", "note"],
        "Talk": ["title", "end", "kind", "count", "language", "tags", "note"],
        "Service": ["note"],
        "Press": ["note"],
    }
    undescribed = [
        f"{model}.{name}"
        for model, names in new.items()
        for name in names
        if not models[model]["properties"][name].get("description")
    ]
    assert undescribed == []
    sections = schema["properties"]["sections"]["items"]["anyOf"]
    assert "personal_details" in sections[0]["enum"] and sections[1]["pattern"]


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
    assert shown["de"][0] == "Historikertag (auf Deutsch)" and "auf Polnisch)" in shown["de"][1]
    assert shown["fr"][0] == "Historikertag (en allemand)"
    unknown = Talk(title="T", event="E", date="2020", language="Klingon (tlhIngan)")
    ctx = Context(Settings(words=load_words("de")))
    assert plain_text(talk_entry(ctx, unknown).qualifiers) == "E (auf Klingon (tlhIngan))"
