"""Properties of selection over generated CVs built straight from the model (no files)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from cvgen.errors import CvgenError
from cvgen.model import (
    CV,
    Author,
    Award,
    CvData,
    Grant,
    Person,
    PubKind,
    Publication,
    Student,
    Talk,
    tag_keys,
)
from cvgen.select import Period, Selection, apply_selection, period_of
from cvgen.util.dates import Date

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
