"""Sections of the user's own (compose/custom.py): generic entries, newest first."""

from __future__ import annotations

from cvgen.compose.context import Context, Settings
from cvgen.compose.custom import custom_entry, custom_groups, custom_heading
from cvgen.document import plain_text
from cvgen.model import CV, CustomEntry
from cvgen.words import load_words


def test_a_section_of_ones_own_lists_its_entries_newest_first(clinician_cv: CV) -> None:
    ctx = Context(Settings())
    assert custom_heading(clinician_cv, "clinical", ctx) == "Clinical Work"
    (group,) = custom_groups(clinician_cv, "clinical", ctx)
    assert [(plain_text(e.title), e.when) for e in group.entries] == [
        ("Senior Physician, Echocardiography Unit", "07/2013 – present"),
        ("Board certification in Cardiology", "17/04/2012"),
        ("Residency in Internal Medicine and Cardiology", "07/2003 – 06/2010"),
    ]


def test_a_heading_given_per_language_follows_the_cvs(clinician_cv: CV) -> None:
    german = Context(Settings(words=load_words("de")))
    section = clinician_cv.data.custom["languages"]
    assert custom_heading(clinician_cv, "languages", german) == section.heading_in(
        "de", "languages"
    )


def test_an_entry_shows_its_organisation_place_sentences_and_links() -> None:
    item = CustomEntry(title="Senior Member", organization="IEEE", location="Haifa",
                       start="2019", end="present", details="Since 2019.",
                       links={"code": "https://github.com/x"})  # fmt: skip
    entry = custom_entry(Context(Settings()), item)
    assert plain_text(entry.title) == "Senior Member"
    assert "IEEE" in plain_text(entry.qualifiers) and "Haifa" in plain_text(entry.qualifiers)
    assert entry.when == "2019 – present"
    assert [plain_text(d) for d in entry.details] == ["Since 2019."]
    assert [link.href for link in entry.links] == ["https://github.com/x"]
