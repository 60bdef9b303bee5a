"""Selection: each option on the small researcher, variants, and errors the user can act on."""

from __future__ import annotations

import datetime as dt

import pytest

from cvgen.build.request import Presentation, Request
from cvgen.errors import CvgenError
from cvgen.model import CV, CustomEntry, CustomSection, CvData, PubKind, Variant
from cvgen.select import (
    Selection,
    apply_selection,
    emptied_message,
    period_of,
    resolve_variant,
    shown_sections,
)
from cvgen.util.dates import Date


def keys(cv: CV) -> set[str]:
    return {pub.key for pub in cv.publications}


def test_empty_selection_keeps_everything(small_cv: CV) -> None:
    assert apply_selection(small_cv, Selection()) == small_cv


def test_since_and_until_window_publications_by_year(small_cv: CV) -> None:
    tailored = apply_selection(small_cv, Selection(since=2016, until=2021))
    assert keys(tailored) == {"aberg2020learning", "chen2016phase", "aberg2021patent"}


def test_dated_sections_are_windowed_by_overlap(small_cv: CV) -> None:
    data = apply_selection(small_cv, Selection(since=2017)).data
    # The ERC grant ran 2016-2021: it overlaps 2017 on, so it stays.
    assert [g.title for g in data.grants] == ["Learning in Large Systems", "Sensor analytics"]
    assert [a.title for a in data.appointments] == ["Professor", "Assistant Professor"]
    assert [s.name for s in data.students] == ["Lina Chen", "Omar Haddad"]
    assert data.awards == []  # 2014 and 2010-2012 are both before 2017
    assert data.education == small_cv.data.education  # background, never windowed
    early = apply_selection(small_cv, Selection(until=2013)).data
    assert [s.name for s in early.students] == []  # Lina started in 2014
    assert [a.name for a in early.awards] == ["Research Fellowship"]
    assert early.talks == [] and early.press == [] and early.service == []


def test_current_student_and_present_end_are_ongoing(small_cv: CV) -> None:
    data = apply_selection(small_cv, Selection(since=2030)).data
    assert [s.name for s in data.students] == ["Omar Haddad"]  # current, no end
    assert [a.title for a in data.appointments] == ["Professor"]  # end: present
    assert [s.role for s in data.service] == ["Associate Editor"]


def test_teaching_terms_decide_and_are_trimmed(small_cv: CV) -> None:
    data = apply_selection(small_cv, Selection(since=2022)).data
    assert [t.terms for t in data.teaching] == [["Fall 2022"]]
    assert apply_selection(small_cv, Selection(until=2020)).data.teaching == []


def test_types_repeat_as_alternatives(small_cv: CV) -> None:
    tailored = apply_selection(small_cv, Selection(types=(PubKind.JOURNAL, PubKind.PATENT)))
    assert keys(tailored) == {"aberg2020learning", "aberg2021patent"}


def test_tags_selected_and_students(small_cv: CV) -> None:
    assert keys(apply_selection(small_cv, Selection(tags=("ERC",)))) == {"aberg2020learning"}
    assert keys(apply_selection(small_cv, Selection(selected=True))) == {"aberg2020learning"}
    with_students = apply_selection(small_cv, Selection(with_students=True))
    assert keys(with_students) == {"aberg2020learning", "chen2016phase", "aberg2024preprint"}
    # Different options narrow: selected AND conference leaves nothing.
    both = Selection(selected=True, types=(PubKind.CONFERENCE,))
    assert keys(apply_selection(small_cv, both)) == set()


def test_tags_select_the_sections_that_use_tags_and_leave_the_others_whole(small_cv: CV) -> None:
    tailored = apply_selection(small_cv, Selection(tags=("ERC",))).data
    assert [grant.title for grant in tailored.grants] == ["Learning in Large Systems"]
    # The talk has no tags, so the talks section does not use them; nor do the others.
    unchanged = small_cv.data.model_copy(update={"grants": tailored.grants})
    assert tailored == unchanged


def test_tags_select_talks_and_custom_entries_too(small_cv: CV) -> None:
    talk = small_cv.data.talks[0]
    custom = CustomSection(
        entries=[CustomEntry(title="A", tags=["erc"]), CustomEntry(title="B", tags=["nsf"])]
    )
    data = small_cv.data.model_copy(
        update={
            "talks": [talk.model_copy(update={"tags": ["nsf"]}), talk],
            "custom": {"software": custom},
        }
    )
    tailored = apply_selection(small_cv.model_copy(update={"data": data}), Selection(tags=("erc",)))
    assert tailored.data.talks == []  # the untagged talk of a section that uses tags goes too
    assert [entry.title for entry in tailored.data.custom["software"].entries] == ["A"]
    assert tailored.data.grants == [small_cv.data.grants[0]]


def test_last_counts_calendar_years_back_from_as_of(small_cv: CV) -> None:
    selection = Selection(last=5, as_of=Date(2024, 3))
    assert period_of(selection).first == 2020 and period_of(selection).last == 2024
    assert keys(apply_selection(small_cv, selection)) == {"aberg2021patent", "aberg2024preprint"}
    today = dt.date(2018, 1, 1)
    assert keys(apply_selection(small_cv, Selection(last=2), today)) == {"aberg2020learning"}


def test_last_intersects_with_since(small_cv: CV) -> None:
    assert period_of(Selection(since=2022, last=5, as_of=Date(2024))).first == 2022
    assert period_of(Selection(until=2021, last=5, as_of=Date(2024))).last == 2021


def test_sections_choose_and_order(small_cv: CV) -> None:
    tailored = apply_selection(small_cv, Selection(sections=("grants", "publications")))
    assert tailored.data.sections == ["grants", "publications"]


def test_unknown_section_lists_known_ones(small_cv: CV) -> None:
    with pytest.raises(CvgenError, match=r"unknown section 'grant'; did you mean 'grants'\?"):
        apply_selection(small_cv, Selection(sections=("grant",)))


def test_custom_sections_are_sections_of_the_selection(small_cv: CV) -> None:
    data = small_cv.data.model_copy(update={"custom": {"software": CustomSection()}})
    cv = small_cv.model_copy(update={"data": data})
    tailored = apply_selection(cv, Selection(sections=("software", "grants")))
    assert tailored.data.section_order == ["software", "grants"]
    with pytest.raises(CvgenError, match=r"'softwar'; did you mean 'software'\?.*custom: software"):
        apply_selection(cv, Selection(sections=("softwar",)))


VARIANTS = {
    "erc": Variant(tags=["erc"], since=2015, sections=["grants", "publications"]),
    "recent": Variant(last=5, types=[PubKind.JOURNAL], numbering="continuous", reverse=True),
}


def test_variant_fills_what_the_command_line_left_open() -> None:
    resolved = resolve_variant(Selection(variant="erc", types=(PubKind.JOURNAL,)), VARIANTS)
    assert resolved.tags == ("erc",) and resolved.since == 2015
    assert resolved.types == (PubKind.JOURNAL,)
    assert resolved.sections == ("grants", "publications")


def test_command_line_replaces_the_variant_period_as_a_whole() -> None:
    resolved = resolve_variant(Selection(variant="recent", since=2010), VARIANTS)
    assert (resolved.since, resolved.until, resolved.last) == (2010, None, None)


def test_command_line_overrides_variant_presentation() -> None:
    data = CvData(person={"name": "A B"}, variants=VARIANTS)
    asked = Request(Selection(variant="recent"), Presentation(reverse=False))
    resolved = asked.resolved(data)
    shown = resolved.presentation
    assert shown.numbering == "continuous" and shown.reverse is False
    assert resolved.selection.last == VARIANTS["recent"].last


def test_resolving_twice_changes_nothing() -> None:
    once = resolve_variant(Selection(variant="recent", tags=("x",)), VARIANTS)
    assert resolve_variant(once, VARIANTS) == once
    assert once.variant == "recent"


def test_unknown_variant_lists_known_variants() -> None:
    with pytest.raises(CvgenError, match="unknown variant 'ecr'; known variants: erc, recent"):
        resolve_variant(Selection(variant="ecr"), VARIANTS)


def test_variant_with_unknown_section_is_a_located_error() -> None:
    from cvgen.load.cv_yaml import validate_cv
    from cvgen.util.yaml_lines import parse_yaml

    problems: list = []
    text = "person: {name: A}\nvariants:\n  v:\n    sections: [publication]\n"
    data, lines = parse_yaml(text, "cv.yaml", problems)
    _, problems = validate_cv(data, "cv.yaml", lines)
    assert [str(p) for p in problems] == [
        "cv.yaml:4: variants.v.sections[0]: unknown section 'publication'; did you mean "
        "'publications'? (sections: personal_details, research_interests, education, "
        "certifications, appointments, administration, awards, grants, students, teaching, "
        "service, memberships, publications, patents, talks, press; or the id of a custom "
        "section)"
    ]


def test_emptied_message_says_what_was_selected(small_cv: CV) -> None:
    selection = Selection(since=2030, tags=("erc",))
    after = apply_selection(small_cv, selection)
    shown = shown_sections(after, selection, ["publications", "patents"])
    message = emptied_message(small_cv, after, selection, shown)
    assert message == (
        "nothing matches the selection (since 2030, tag erc); loaded 4 publications, 1 patents"
    )
    kept = apply_selection(small_cv, Selection(since=2017))
    assert emptied_message(small_cv, kept, Selection(since=2017), shown) is None


def test_contradictory_period_is_an_error(small_cv: CV) -> None:
    with pytest.raises(CvgenError, match=r"since 2020, until 2010\) is an empty period"):
        apply_selection(small_cv, Selection(since=2020, until=2010))
