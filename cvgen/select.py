"""Tailoring: pure CV -> CV transforms applied before composing (like a pandoc filter).

Every writer gets tailoring for free because the pipeline applies `apply_selection` between
loading and rendering. Different options narrow the result (they intersect); repeating one
option (`--type journal --type conference`) widens it. The period (--since/--until/--last)
windows publications by year and the dated CV sections (custom ones too) by overlap, so a
grant running 2015–2021 stays in a CV "since 2017". Education is background and is never
windowed. Tags select every section that uses them: publications always, and grants, talks
and custom sections when any of their items has tags.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields, replace
from typing import Any

from cvgen.errors import CvgenError
from cvgen.model import (
    CV,
    CvData,
    PubKind,
    Publication,
    Student,
    Teaching,
    Variant,
    unknown_section_message,
)
from cvgen.util.dates import TERM_YEAR, Date

Transform = Callable[[CV], CV]
PUBLICATION_SECTIONS = ("publications", "patents")
WINDOWED_SECTIONS = (
    "certifications",
    "appointments",
    "awards",
    "grants",
    "students",
    "teaching",
    "service",
    "memberships",
    "talks",
    "press",
)
TAGGED_SECTIONS = ("grants", "talks")  # besides publications and the custom sections


@dataclass(frozen=True)
class Selection:
    """What to keep. None / empty means "not asked", so a variant or the default applies.
    How to show it (numbering, style, theme, language) is the request's presentation
    (build/plan.py), which a variant may set too."""

    since: int | None = None
    until: int | None = None
    last: int | None = None
    as_of: Date | None = None
    types: tuple[PubKind, ...] = ()
    tags: tuple[str, ...] = ()
    selected: bool = False
    with_students: bool = False
    sections: tuple[str, ...] = ()
    variant: str | None = None

    def describe(self) -> str:
        """'since 2017, type journal, tag erc': what was selected against, for messages."""
        parts = [f"variant {self.variant}"] if self.variant else []
        parts += [f"since {self.since}"] if self.since is not None else []
        parts += [f"until {self.until}"] if self.until is not None else []
        if self.last is not None:
            parts.append(f"last {self.last} years" + (f" as of {self.as_of}" if self.as_of else ""))
        parts += [f"type {' or '.join(self.types)}"] if self.types else []
        parts += [f"tag {' or '.join(self.tags)}"] if self.tags else []
        parts += ["selected"] if self.selected else []
        parts += ["with students"] if self.with_students else []
        parts += [f"sections {','.join(self.sections)}"] if self.sections else []
        return ", ".join(parts) or "everything"


@dataclass(frozen=True)
class Period:
    """Inclusive calendar years; None is unbounded on that side."""

    first: int | None = None
    last: int | None = None

    def contains(self, year: int) -> bool:
        return (self.first is None or year >= self.first) and (
            self.last is None or year <= self.last
        )

    def overlaps(self, first: int, last: int | None) -> bool:
        """Does [first, last] (last None: ongoing) meet this period?"""
        return (self.last is None or first <= self.last) and (
            self.first is None or last is None or last >= self.first
        )

    @property
    def bounded(self) -> bool:
        return self.first is not None or self.last is not None


def period_of(selection: Selection, today: dt.date | None = None) -> Period:
    """--since/--until intersected with --last N: the N calendar years up to the as-of year."""
    first, last = selection.since, selection.until
    if selection.last is not None:
        end = selection.as_of.year if selection.as_of else (today or dt.date.today()).year
        first = max(first or 0, end - selection.last + 1)
        last = min(last, end) if last is not None else end
    if first is not None and last is not None and first > last:
        raise CvgenError(
            f"the selection ({selection.describe()}) is an empty period: {first} > {last}"
        )
    return Period(first, last)


# --- variants ------------------------------------------------------------------------------

_PERIOD_FIELDS = ("since", "until", "last")


def resolve_variant(selection: Selection, variants: dict[str, Variant]) -> Selection:
    """Fill what the command line left open from the named variant (command line wins).

    The period is one setting: giving any of --since/--until/--last replaces the variant's
    whole period rather than intersecting with it. Resolving twice changes nothing, and the
    result keeps the variant's name for messages.
    """
    if selection.variant is None:
        return selection
    if selection.variant not in variants:
        known = ", ".join(sorted(variants)) or "none (add `variants:` to cv.yaml)"
        raise CvgenError(f"unknown variant {selection.variant!r}; known variants: {known}")
    variant = variants[selection.variant]
    from_variant: dict[str, Any] = {
        "types": tuple(variant.types),
        "tags": tuple(variant.tags),
        "selected": variant.selected,
        "with_students": variant.with_students,
        "sections": tuple(variant.sections),
    }
    if not any(getattr(selection, name) is not None for name in _PERIOD_FIELDS):
        from_variant.update({name: getattr(variant, name) for name in _PERIOD_FIELDS})
    given = {
        f.name: getattr(selection, f.name)
        for f in fields(selection)
        if getattr(selection, f.name) != f.default
    }
    return replace(Selection(**from_variant), **given)


# --- transforms ----------------------------------------------------------------------------


def chain(*transforms: Transform) -> Transform:
    def apply(cv: CV) -> CV:
        for transform in transforms:
            cv = transform(cv)
        return cv

    return apply


def keep_publications(predicate: Callable[[Publication], bool]) -> Transform:
    def apply(cv: CV) -> CV:
        kept = [pub for pub in cv.publications if predicate(pub)]
        return cv.model_copy(update={"publications": kept})

    return apply


def of_types(kinds: Iterable[PubKind]) -> Transform:
    wanted = frozenset(kinds)
    return keep_publications(lambda pub: pub.kind in wanted)


def with_any_tag(tags: Iterable[str]) -> Transform:
    """Publications with any of `tags`, in whatever case either was written."""
    wanted = tuple(tags)
    return keep_publications(lambda pub: pub.has_any_tag(wanted))


def _tagged(items: list[Any], wanted: frozenset[str]) -> list[Any]:
    """The items with a wanted tag, when the section uses tags at all; else all of them."""
    if not any(item.tags for item in items):
        return items
    return [item for item in items if not wanted.isdisjoint(t.lower() for t in item.tags)]


def _with_custom(data: CvData, update: dict[str, Callable[[list[Any]], list[Any]]]) -> CvData:
    """`data` with each custom section's entries passed through `update`."""
    custom = {
        name: section.model_copy(update={"entries": update(section.entries)})
        for name, section in data.custom.items()
    }
    return data.model_copy(update={"custom": custom})


def with_any_tag_everywhere(tags: Iterable[str]) -> Transform:
    """--tag: publications with one of the tags, and in grants, talks and custom sections that
    use tags, the items with one of them (sections without tags stay whole)."""
    wanted = frozenset(tag.lower() for tag in tags)
    publications = with_any_tag(wanted)

    def apply(cv: CV) -> CV:
        update = {name: _tagged(getattr(cv.data, name), wanted) for name in TAGGED_SECTIONS}
        data = _with_custom(cv.data.model_copy(update=update), lambda e: _tagged(e, wanted))
        return publications(cv.model_copy(update={"data": data}))

    return apply


def with_students() -> Transform:
    return keep_publications(lambda pub: pub.has_student)


def _years(item: Any) -> tuple[int, int | None] | None:
    """An item's (first, last) years; last None means ongoing; None means undated."""
    start = getattr(item, "start", None) or getattr(item, "date", None)
    end = getattr(item, "end", None)
    if start is None and end is None:
        return None
    if isinstance(item, Student) and item.status == "current" and end is None:
        return start.year, None  # type: ignore[union-attr]
    if end is not None and end.present:
        return (start or end).year, None
    first = (start or end).year  # type: ignore[union-attr]
    return first, (end or start).year  # type: ignore[union-attr]


def _window_teaching(item: Teaching, period: Period) -> Teaching | None:
    """Terms that name a year decide (and are trimmed to the period); else the dates do."""
    dated = [(term, TERM_YEAR.search(term)) for term in item.terms]
    if any(match for _, match in dated):
        terms = [t for t, m in dated if m is None or period.contains(int(m.group()))]
        if not any(m and period.contains(int(m.group())) for _, m in dated):
            return None
        return item.model_copy(update={"terms": terms})
    return item if _in_window(item, period) else None


def _in_window(item: Any, period: Period) -> bool:
    years = _years(item)
    return years is None or period.overlaps(*years)


def in_period(period: Period) -> Transform:
    """Publications by year; appointments, awards, grants, ... by overlap with the period."""

    def apply(cv: CV) -> CV:
        if not period.bounded:
            return cv
        update: dict[str, list[Any]] = {}
        for name in WINDOWED_SECTIONS:
            items = getattr(cv.data, name)
            if name == "teaching":
                windowed = [_window_teaching(item, period) for item in items]
                update[name] = [item for item in windowed if item is not None]
            else:
                update[name] = [item for item in items if _in_window(item, period)]
        data = _with_custom(
            cv.data.model_copy(update=update),
            lambda entries: [item for item in entries if _in_window(item, period)],
        )
        pubs = [pub for pub in cv.publications if period.contains(pub.year)]
        return cv.model_copy(update={"data": data, "publications": pubs})

    return apply


def _check_sections(names: Iterable[str], custom: Iterable[str]) -> None:
    for name in names:
        message = unknown_section_message(name, list(custom))
        if message:
            raise CvgenError(message)


def only_sections(names: Iterable[str]) -> Transform:
    """Which sections the CV shows (built-in or custom), in this order."""
    order = list(names)

    def apply(cv: CV) -> CV:
        _check_sections(order, cv.data.custom)
        return cv.model_copy(update={"data": cv.data.model_copy(update={"sections": order})})

    return apply


def transforms_for(selection: Selection, today: dt.date | None = None) -> list[Transform]:
    """The transforms a (resolved) selection stands for, in application order."""
    chosen = [in_period(period_of(selection, today))]
    if selection.types:
        chosen.append(of_types(selection.types))
    if selection.tags:
        chosen.append(with_any_tag_everywhere(selection.tags))
    if selection.selected:
        chosen.append(with_any_tag(["selected"]))
    if selection.with_students:
        chosen.append(with_students())
    if selection.sections:
        chosen.append(only_sections(selection.sections))
    return chosen


def apply_selection(cv: CV, selection: Selection, today: dt.date | None = None) -> CV:
    """The tailored CV; a variant named in `selection` is resolved from cv.yaml first."""
    resolved = resolve_variant(selection, cv.data.variants)
    return chain(*transforms_for(resolved, today))(cv)


# --- what is left --------------------------------------------------------------------------


def section_content(cv: CV, name: str) -> list[Any]:
    """The items a section shows: publications by kind, a custom section's entries, the
    person when personal details are asked for, else the cv.yaml list of that name."""
    if name == "publications":
        return [pub for pub in cv.publications if pub.kind is not PubKind.PATENT]
    if name == "patents":
        return [pub for pub in cv.publications if pub.kind is PubKind.PATENT]
    if name in cv.data.custom:
        return list(cv.data.custom[name].entries)
    if name == "personal_details":
        details = cv.data.person.personal_details()
        return [details] if cv.data.design.personal_details and details else []
    if name in ("appointments", "administration"):
        leading = name == "administration"
        return [a for a in cv.data.appointments if (a.kind == "administrative") == leading]
    return list(getattr(cv.data, name))


def shown_sections(cv: CV, selection: Selection, default: Iterable[str] | None = None) -> list[str]:
    """The sections to show: the selection's, else `default` (or the CV's own order)."""
    if selection.sections:
        return list(selection.sections)
    order = cv.data.section_order
    return order if default is None else [name for name in order if name in set(default)]


def emptied_message(before: CV, after: CV, selection: Selection, shown: list[str]) -> str | None:
    """A warning when the selection leaves every shown section empty that had something."""
    had = [name for name in shown if section_content(before, name)]
    if not had or any(section_content(after, name) for name in shown):
        return None
    counts = ", ".join(f"{len(section_content(before, name))} {name}" for name in had)
    return f"nothing matches the selection ({selection.describe()}); loaded {counts}"
