"""Selection (select.py): each option on the small researcher, variants, errors the user can act
on, and properties over generated CVs built straight from the model."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cvgen.errors import CvgenError
from cvgen.model import (
    CV,
    Author,
    Award,
    CustomEntry,
    CustomSection,
    CvData,
    Grant,
    Person,
    PubKind,
    Publication,
    Student,
    Talk,
    Variant,
    tag_keys,
)
from cvgen.select import (
    Period,
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
        "appointments, awards, grants, students, teaching, service, publications, patents, "
        "talks, press; or the id of a custom section)"
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


TODAY = dt.date(2024, 6, 1)


YEARS = st.integers(1995, 2030)


TAGS = ("erc", "ERC", "selected", "Selected", "nsf")  # tags keep their case, match in any


@st.composite
def publications(draw: st.DrawFn) -> list[Publication]:
    count = draw(st.integers(0, 12))
    return [
        Publication(
            key=f"p{index}",
            entry_type="article",
            kind=draw(st.sampled_from(PubKind)),
            title=f"Paper {index}",
            authors=[
                Author(first="Ada", last="Lovelace", is_self=True),
                Author(first="Bo", last="Student", is_student=draw(st.booleans())),
            ],
            year=draw(YEARS),
            tags=draw(st.lists(st.sampled_from(TAGS), unique_by=str.casefold)),
        )
        for index in range(count)
    ]


@st.composite
def spans(draw: st.DrawFn) -> dict[str, Date]:
    """start and end of a dated item: a point, a range, or ongoing."""
    start = draw(YEARS)
    shape = draw(st.sampled_from(["point", "range", "present"]))
    if shape == "point":
        return {"start": Date(start)}
    if shape == "present":
        return {"start": Date(start), "end": Date.parse("present")}
    return {"start": Date(start), "end": Date(start + draw(st.integers(0, 8)))}


@st.composite
def cvs(draw: st.DrawFn) -> CV:
    grants = [
        Grant(title=f"G{i}", funder="F", role="PI", **draw(spans()))
        for i in range(draw(st.integers(0, 4)))
    ]
    awards = [Award(name=f"A{i}", **draw(spans())) for i in range(draw(st.integers(0, 3)))]
    students = [
        Student(name=f"S{i}", level="phd", status="current", start=Date(draw(YEARS)))
        for i in range(draw(st.integers(0, 2)))
    ]
    talks = [
        Talk(title=f"T{i}", event="E", date=Date(draw(YEARS)))
        for i in range(draw(st.integers(0, 3)))
    ]
    data = CvData(
        person=Person(name="Ada Lovelace"),
        grants=grants,
        awards=awards,
        students=students,
        talks=talks,
    )
    return CV(data=data, publications=draw(publications()))


def _years(item: Grant | Award | Student | Talk) -> tuple[int, int | None]:
    if isinstance(item, Talk):
        return item.date.year, item.date.year
    if isinstance(item, Student):
        return item.start.year, None  # type: ignore[union-attr]
    if item.end is None:
        return item.start.year, item.start.year  # type: ignore[union-attr]
    return item.start.year, None if item.end.present else item.end.year  # type: ignore[union-attr]


def _inside(period: Period, first: int, last: int | None) -> bool:
    """Some year of the item lies in the period (counted out, not reasoned about)."""
    return any(period.contains(year) for year in range(first, (last or 2100) + 1))


def _valid(selection: Selection) -> bool:
    """Contradictory periods are a user error (tested elsewhere), not a selection."""
    try:
        period_of(selection, TODAY)
    except CvgenError:
        return False
    return True


optional_year = st.none() | YEARS


selections = st.builds(
    Selection,
    since=optional_year,
    until=optional_year,
    last=st.none() | st.integers(1, 10),
    types=st.lists(st.sampled_from(PubKind), unique=True, max_size=3).map(tuple),
    tags=st.lists(st.sampled_from(TAGS), unique=True, max_size=2).map(tuple),
    selected=st.booleans(),
    with_students=st.booleans(),
    as_of=st.just(Date(2024)),
).filter(_valid)


@settings(max_examples=150, deadline=None)
@given(cvs(), selections)
def test_nothing_outside_the_window_and_nothing_inside_lost(cv: CV, selection: Selection) -> None:
    tailored = apply_selection(cv, selection, TODAY)
    period = period_of(selection, TODAY)
    for pub in tailored.publications:
        assert period.first is None or pub.year >= period.first
        assert period.last is None or pub.year <= period.last
        assert not selection.types or pub.kind in selection.types
        assert not selection.tags or tag_keys(pub.tags) & tag_keys(selection.tags)
        assert not selection.selected or "selected" in tag_keys(pub.tags)
        assert not selection.with_students or pub.has_student
    for name in ("grants", "awards", "students", "talks"):
        kept = getattr(tailored.data, name)
        assert all(_inside(period, *_years(item)) for item in kept)
        expected = [i for i in getattr(cv.data, name) if _inside(period, *_years(i))]
        assert kept == expected


@settings(max_examples=100, deadline=None)
@given(cvs(), st.lists(st.sampled_from(TAGS), min_size=1, max_size=2))
def test_a_tag_selects_every_publication_with_it_in_any_case(cv: CV, tags: list[str]) -> None:
    kept = apply_selection(cv, Selection(tags=tuple(tags)), TODAY).publications
    wanted = {tag.casefold() for tag in tags}
    assert kept == [p for p in cv.publications if wanted & {t.casefold() for t in p.tags}]


@settings(max_examples=150, deadline=None)
@given(cvs(), selections)
def test_applying_twice_equals_applying_once(cv: CV, selection: Selection) -> None:
    once = apply_selection(cv, selection, TODAY)
    assert apply_selection(once, selection, TODAY) == once


@settings(max_examples=150, deadline=None)
@given(cvs(), st.lists(YEARS, min_size=2, max_size=2).map(sorted))
def test_since_until_is_the_intersection(cv: CV, window: list[int]) -> None:
    since, until = window
    both = apply_selection(cv, Selection(since=since, until=until))
    from_since = apply_selection(cv, Selection(since=since))
    from_until = apply_selection(cv, Selection(until=until))
    assert apply_selection(from_since, Selection(until=until)) == both
    expected = [p for p in from_since.publications if p in from_until.publications]
    assert both.publications == expected
    for name in ("grants", "awards", "students", "talks"):
        in_until = getattr(from_until.data, name)
        assert getattr(both.data, name) == [
            i for i in getattr(from_since.data, name) if i in in_until
        ]


@settings(max_examples=100, deadline=None)
@given(cvs(), selections, selections)
def test_selections_compose_in_either_order(cv: CV, first: Selection, second: Selection) -> None:
    one = apply_selection(apply_selection(cv, first, TODAY), second, TODAY)
    other = apply_selection(apply_selection(cv, second, TODAY), first, TODAY)
    assert one == other
