"""Biosketches (bio/sketch.py): funder order, what feeds each section, and every limit's message."""

from __future__ import annotations

import datetime as dt

import pytest

from cvgen.bio.feeds import Block
from cvgen.bio.markup import sketch_text
from cvgen.bio.profile import load_profile
from cvgen.bio.sketch import build_sketch
from cvgen.document import plain_text
from cvgen.model import Award, Publication
from cvgen.writers.lists import entry_line
from tests.support.bio import ORDER

RELATED = "Products Most Closely Related to the Proposed Project"
OTHER = "Other Significant Products, Whether or Not Related to the Proposed Project"


def block(sketch, heading: str) -> Block:
    found = [b for top in sketch.blocks for b in (top, *top.parts) if b.heading == heading]
    assert found, heading
    return found[0]


def texts(b: Block) -> list[str]:
    return [plain_text(entry_line(e, b.emphasise)) for e in b.entries]


def with_data(cv, **update):
    return cv.model_copy(update={"data": cv.data.model_copy(update=update)})


def with_pubs(cv, pubs: list[Publication]):
    return cv.model_copy(update={"publications": pubs})


@pytest.mark.parametrize("name", ["nsf", "nih", "erc"])
def test_sections_come_out_in_the_funders_order(small_cv, name):
    sketch = build_sketch(small_cv, load_profile(name))
    assert [b.heading for b in sketch.blocks] == ORDER[name]
    markdown = sketch_text(sketch, "markdown")
    positions = [markdown.index(f"## {heading}") for heading in ORDER[name]]
    assert positions == sorted(positions)


def test_nsf_sections_hold_the_right_content(small_cv):
    sketch = build_sketch(small_cv, load_profile("nsf"))
    assert texts(block(sketch, "Identifying Information")) == [
        "Name: Jonas Åberg",
        "ORCID iD: 0000-0002-1825-0097",
        "Position Title: Professor of Physics & Data",
        "Organization and Location: Example University",
    ]
    assert texts(block(sketch, "Professional Preparation"))[0].startswith(
        "PhD in Physics, Uppsala University, 2005 – 2009."
    )
    positions = texts(block(sketch, "Appointments and Positions"))
    assert positions[0].startswith("Professor, Example University, Sep 2019 – present")  # months
    newest = [p.key for p in small_cv.publications]
    related, other = block(sketch, RELATED), block(sketch, OTHER)
    assert [e.number for e in related.entries] == [1, 2, 3, 4, 5]
    assert len(related.entries) == 5 and len(other.entries) == len(newest) - 5


def test_related_tags_choose_the_closely_related_products(small_cv):
    sketch = build_sketch(small_cv, load_profile("nsf"), related_tags=("erc",))
    erc = [p for p in small_cv.publications if "erc" in p.tags]
    assert len(block(sketch, RELATED).entries) == len(erc)
    assert len(block(sketch, OTHER).entries) == len(small_cv.publications) - len(erc)


def test_nih_supplement_sections(small_cv):
    sketch = build_sketch(small_cv, load_profile("nih"))
    assert block(sketch, "Personal Statement").paragraphs == ["I study how large systems learn."]
    assert len(block(sketch, "Honors").entries) == len(small_cv.data.awards)
    assert block(sketch, "Contributions to Science").parts == []
    assert sketch.notes == [
        "Contributions to Science is empty: tag the publications of each contribution with "
        "contribution:<topic> in publications.bib"
    ]


def test_contributions_are_groups_of_tagged_publications(small_cv):
    pubs = [
        p.model_copy(update={"tags": [f"contribution:topic-{i % 2}"]})
        for i, p in enumerate(small_cv.publications)
    ]
    sketch = build_sketch(with_pubs(small_cv, pubs), load_profile("nih"))
    groups = block(sketch, "Contributions to Science").parts
    assert [g.heading for g in groups] == ["Topic 0", "Topic 1"]


def test_erc_peer_recognition_and_additional_information(small_cv):
    sketch = build_sketch(small_cv, load_profile("erc"))
    prizes = texts(block(sketch, "Prizes, Awards and Fellowships"))
    assert prizes[0].startswith("Young Investigator Award, Physics Society")
    assert block(sketch, "Keynote and Plenary Talks").entries == []
    assert "Keynote and Plenary Talks\n~~~~~~~~~~~~~~~~~~~~~~~~~\n\nNone." in sketch_text(
        sketch, "text"
    )
    community = texts(block(sketch, "Contributions to the Research Community"))
    assert community == ["Associate Editor, Journal of Physics_Data, 2020 – present."]
    assert [t.split(",")[0] for t in texts(block(sketch, "Supervision"))] == ["Lina Chen"]


# --- limits ---------------------------------------------------------------------------------


def test_products_beyond_the_nsf_limit_are_picked_and_the_rest_named(example_cv):
    total = len(example_cv.publications)
    sketch = build_sketch(example_cv, load_profile("nsf"))
    assert sketch.violations == []
    assert [b.units for b in block(sketch, "Products").parts] == [5, 5]
    related, other = [n for n in sketch.notes if " picked of " in n]
    assert related.startswith(f"{RELATED}: 5 picked of {total} eligible (NSF allows 5: ")
    assert other.startswith(f"{OTHER}: 5 picked of {total - 5} eligible (NSF allows 5: ")


def test_products_tagged_selected_are_picked_first(example_cv):
    untagged = [
        p.model_copy(update={"tags": [t for t in p.tags if t != "selected"]})
        for p in example_cv.publications
    ]
    oldest = untagged[-1].model_copy(update={"tags": ["selected"]})
    cv = example_cv.model_copy(update={"publications": [*untagged[:-1], oldest]})
    sketch = build_sketch(cv, load_profile("nsf"))
    keys = [e.key for e in block(sketch, "Products").parts[0].entries]
    assert oldest.key in keys and len(keys) == 5
    assert all(oldest.key not in n for n in sketch.notes)


def test_related_products_beyond_their_own_limit_are_picked(example_cv):
    erc = [p.key for p in example_cv.publications if "erc" in p.tags]
    assert len(erc) > 5
    sketch = build_sketch(example_cv, load_profile("nsf"), related_tags=("erc",))
    keys = [e.key for e in block(sketch, "Products").parts[0].entries]
    assert len(keys) == 5 and set(keys) <= set(erc)
    assert any(n.startswith(f"{RELATED}: 5 picked of {len(erc)} eligible") for n in sketch.notes)


def test_erc_research_outputs_are_the_best_ten(example_cv):
    total = len(example_cv.publications)
    sketch = build_sketch(example_cv, load_profile("erc"))
    assert sketch.violations == []
    assert block(sketch, "Research Achievements").units == 10
    assert any(
        n.startswith(f"Research Achievements: 10 picked of {total} eligible (ERC allows 10: ")
        for n in sketch.notes
    )


def test_nih_honors_limit(small_cv):
    awards = [Award(name=f"Prize {i}", start=2000 + i) for i in range(16)]
    sketch = build_sketch(with_data(small_cv, awards=awards), load_profile("nih"))
    assert "Honors: 16 selected, NIH allows 15 — narrow with --since or --last" in sketch.violations


def test_nih_personal_statement_character_limit(small_cv):
    statement = ("I study learning. " * 200).strip()[:3501]
    sketch = build_sketch(with_data(small_cv, research_statement=statement), load_profile("nih"))
    assert sketch.violations == [
        "Personal Statement: 3,501 characters, NIH allows 3,500 — "
        "shorten research_statement in cv.yaml"
    ]


def test_nih_contributions_limit(small_cv):
    pubs = [
        small_cv.publications[0].model_copy(update={"key": f"k{i}", "tags": [f"contribution:t{i}"]})
        for i in range(6)
    ]
    sketch = build_sketch(with_pubs(small_cv, pubs), load_profile("nih"))
    assert (
        "Contributions to Science: 6 selected, NIH allows 5 — "
        "tag at most five contribution:<topic> groups in publications.bib"
    ) in sketch.violations


def test_truncate_keeps_the_first_entries_and_still_reports(small_cv):
    awards = [Award(name=f"Prize {i}", start=2000 + i) for i in range(16)]
    cv = with_data(small_cv, awards=awards)
    sketch = build_sketch(cv, load_profile("nih"), truncate=True)
    assert len(block(sketch, "Honors").entries) == 15
    assert "Honors: 16 selected, NIH allows 15 — narrow with --since or --last" in (
        sketch.violations
    )


def test_truncate_keeps_whole_sentences_of_a_long_statement(small_cv):
    statement = " ".join(f"Sentence number {i} is here." for i in range(200))
    cv = with_data(small_cv, research_statement=statement)
    text = block(build_sketch(cv, load_profile("nih"), truncate=True), "Personal Statement").text
    assert len(text) <= 3500 and text.endswith("is here.")


# --- user profiles --------------------------------------------------------------------------

CUSTOM = """
name: test
funder: TEST
title: Short CV
source: {document: Test Foundation guide, version: "2026"}
sections:
  - heading: About
    feed: bio
    words: 40
    person: first
  - heading: Statement
    feed: research_statement
    limit: {words: 5, source: Guide 2026 s. 2}
  - heading: Funding (last 5 years)
    feed: grants
    last_years: 5
"""


def test_a_user_profile_file_works_without_code_changes(small_cv, tmp_path):
    path = tmp_path / "my-funder.yaml"
    path.write_text(CUSTOM, encoding="utf-8")
    profile = load_profile(str(path))
    sketch = build_sketch(small_cv, profile, today=dt.date(2026, 6, 1))
    assert [b.heading for b in sketch.blocks] == ["About", "Statement", "Funding (last 5 years)"]
    about = block(sketch, "About").text
    assert about.startswith("I am Professor of Physics & Data") and len(about.split()) <= 40
    assert sketch.violations == [
        "Statement: 6 words, TEST allows 5 — shorten research_statement in cv.yaml"
    ]
    # 2022-2026: the 2020-2022 contract is in, the 2016-2021 grant is out
    assert [t.split(",")[0] for t in texts(block(sketch, "Funding (last 5 years)"))] == [
        "Sensor analytics"
    ]


# --- PDF ------------------------------------------------------------------------------------


def test_degrees_in_order_of_time_and_a_student_who_left_said_so(small_cv):
    # A new user's ERC sketch put a Habilitation given by its year alone before her first degree,
    # and listed a PhD student who left as though he had graduated.
    from cvgen.model import Degree, Student

    habilitation = Degree(degree="Habilitation", institution="Universität Wien", end="2016")
    first = Degree(degree="Mag. phil.", institution="Universität Wien", start="1999", end="2004")
    left = Student(name="Jonas Keller", level="phd", status="left", start="2019", end="2020")
    cv = with_data(small_cv, education=[habilitation, first], students=[left])
    sketch = build_sketch(cv, load_profile("erc"))
    degrees = texts(block(sketch, "Education and Key Qualifications"))
    assert [d.split(" ")[0].rstrip(",") for d in degrees] == ["Mag.", "Habilitation"]
    assert texts(block(sketch, "Supervision")) == [
        "Jonas Keller, PhD student, 2019 – 2020. Left before completion."
    ]
