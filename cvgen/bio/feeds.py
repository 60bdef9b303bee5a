"""What fills a biosketch section: one function per `feed` name of a profile.

Entries are the document tree's own (cvgen.compose), so a degree or a paper reads the same in
a biosketch as in the CV and in `cvgen filter`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from cvgen.bio.english import join_list, topic
from cvgen.bio.facts import current_appointment
from cvgen.bio.profile import Section
from cvgen.bio.shortbio import DEFAULT_WORDS, generate
from cvgen.compose import ENTRIES, Context, Settings
from cvgen.compose.publications import publication_entry
from cvgen.document import Entry, Span
from cvgen.model import CV, Publication
from cvgen.model.publications import PubKind


@dataclass(frozen=True)
class Block:
    """A filled section: entries, paragraphs or sub-blocks.

    `units` is what an items limit counts: entries, or the parts' entries together, or (for
    contributions, which set `groups=True`) the number of groups.
    """

    heading: str
    entries: list[Entry] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    parts: list[Block] = field(default_factory=list)
    empty: str = "None."
    groups: bool = False
    emphasise: bool = True  # entries' titles in bold (career items; not references)

    @property
    def units(self) -> int:
        if self.groups:
            return len(self.parts)
        return len(self.entries) + sum(p.units for p in self.parts)

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


@dataclass(frozen=True)
class LeftOut:
    """Products a section had no room for: more were eligible than the form allows."""

    heading: str
    room: int
    keys: list[str]


@dataclass
class FeedContext:
    """The CV and what earlier sections took: a 'related' part leaves the rest to the next."""

    cv: CV
    related_tags: tuple[str, ...] = ()
    taken: set[str] = field(default_factory=set)
    today: dt.date = field(default_factory=dt.date.today)
    settings: Settings = field(default_factory=Settings)
    left_out: list[LeftOut] = field(default_factory=list)

    def composer(self, spec: Section) -> Context:
        """A composing context at the section's date precision (funders ask for months)."""
        return Context(replace(self.settings, dates=spec.dates))


def _when(item: Any) -> tuple[int, int]:
    """When an item began, else when it ended (a degree given with its year only)."""
    date = getattr(item, "date", None) or getattr(item, "start", None) or getattr(item, "end", None)
    return (date.year, date.month or 0) if date else (0, 0)


def _recent(item: Any, years: int | None, today: dt.date) -> bool:
    """Ongoing, undated, or ended (else started) in the last `years` calendar years."""
    if years is None or getattr(item, "ongoing", False):
        return True
    end = getattr(item, "end", None) or getattr(item, "start", None) or getattr(item, "date", None)
    return end is None or end.year > today.year - years


def _wanted(spec: Section, item: Any) -> bool:
    """What the profile asks for; never a declined award (a sketch lists what one holds)."""
    if getattr(item, "declined", False):
        return False
    checks = (
        (spec.categories, "category"),
        (spec.levels, "level"),
        (spec.talk_kinds, "kind"),
    )
    return all(not allowed or getattr(item, attr, None) in allowed for allowed, attr in checks)


def _cv_section(name: str, oldest_first: bool = False) -> Callable[[Section, FeedContext], Block]:
    """A feed listing one cv.yaml section, filtered by the profile, newest first."""

    def feed(spec: Section, ctx: FeedContext) -> Block:
        items = [
            i
            for i in getattr(ctx.cv.data, name)
            if _wanted(spec, i) and _recent(i, spec.last_years, ctx.today)
        ]
        items.sort(key=_when, reverse=not oldest_first)
        composer = ctx.composer(spec)
        entries = [ENTRIES[name](composer, item) for item in items]
        return Block(spec.heading, entries, empty=spec.empty)

    return feed


def identity(spec: Section, ctx: FeedContext) -> Block:
    person = ctx.cv.data.person
    current = current_appointment(ctx.cv)
    place = ", ".join(p for p in (person.affiliation, current.location if current else None) if p)
    rows = [
        ("Name", person.name),
        ("ORCID iD", person.orcid),
        ("Position Title", person.position),
        ("Organization and Location", place),
    ]
    entries = [Entry([Span(f"{label}: {value}")]) for label, value in rows if value]
    return Block(spec.heading, entries, empty=spec.empty, emphasise=False)


def _numbered(ctx: FeedContext, spec: Section, pubs: list[Publication]) -> list[Entry]:
    composer = ctx.composer(spec)
    composer.numbers = {pub.key: n for n, pub in enumerate(pubs, 1)}
    return [publication_entry(composer, pub) for pub in pubs]


def _candidates(spec: Section, ctx: FeedContext) -> list[Publication]:
    pubs = ctx.cv.publications
    if spec.related is False:
        pubs = [p for p in pubs if p.key not in ctx.taken]
    if spec.types:
        pubs = [p for p in pubs if p.kind in spec.types]
    if spec.tags:
        pubs = [p for p in pubs if p.has_any_tag(spec.tags)]
    return pubs


def _standing(pub: Publication, related: tuple[str, ...]) -> tuple:
    """Which products a form takes first when more are eligible than it allows: tagged
    `selected`, then related to the proposal, then with an award, then published (not a
    preprint or under review), then the newest."""
    unpublished = pub.kind is PubKind.PREPRINT or bool(pub.status)
    return (
        not pub.has_any_tag(("selected",)),
        not (related and pub.has_any_tag(related)),
        pub.award is None,
        unpublished,
        -pub.year,
        -(pub.month or 0),
    )


def _pick(spec: Section, ctx: FeedContext, pubs: list[Publication]) -> list[Publication]:
    """At most the section's items, the best standing first, kept in the list's order; the
    rest are recorded as left out (never a refusal)."""
    room = spec.limit.items if spec.limit else None
    if not room or len(pubs) <= room:
        return pubs
    ranked = sorted(pubs, key=lambda p: _standing(p, ctx.related_tags))
    kept = {p.key for p in ranked[:room]}
    ctx.left_out.append(LeftOut(spec.heading, room, [p.key for p in ranked[room:]]))
    return [p for p in pubs if p.key in kept]


def publications(spec: Section, ctx: FeedContext) -> Block:
    """Newest first. A `related: true` part takes the --related ones (without --related: the
    best ones, up to its limit) and leaves the rest to the parts after it; a part with more
    eligible than its limit takes the best (`_standing`) and says which it left out."""
    pubs = _candidates(spec, ctx)
    if spec.related and ctx.related_tags:
        pubs = [p for p in pubs if p.has_any_tag(ctx.related_tags)]
    pubs = _pick(spec, ctx, pubs)
    if spec.related:
        ctx.taken.update(p.key for p in pubs)
    return Block(spec.heading, _numbered(ctx, spec, pubs), empty=spec.empty, emphasise=False)


def heading(tag: str) -> str:
    """'implicit-bias' -> 'Implicit bias': a contribution's heading from its tag."""
    return tag.replace("-", " ").replace("_", " ").capitalize()


def contributions(spec: Section, ctx: FeedContext) -> Block:
    """Publications grouped by tags '<prefix><topic>', one group per contribution."""
    prefix = spec.tag_prefix or "contribution:"
    groups: dict[str, tuple[str, list[Publication]]] = {}  # by topic in any case
    for pub in _candidates(spec, ctx):
        for tag in pub.tags:
            if tag.casefold().startswith(prefix.casefold()):
                topic = tag[len(prefix) :]
                groups.setdefault(topic.casefold(), (topic, []))[1].append(pub)
    parts = [
        Block(heading(name), _numbered(ctx, spec, pubs), emphasise=False)
        for name, pubs in groups.values()
    ]
    return Block(spec.heading, parts=parts, empty=spec.empty, groups=True)


def research_statement(spec: Section, ctx: FeedContext) -> Block:
    statement = ctx.cv.data.research_statement
    return Block(spec.heading, paragraphs=[statement] if statement else [], empty=spec.empty)


def research_interests(spec: Section, ctx: FeedContext) -> Block:
    topics = [topic(t) for t in ctx.cv.data.research_interests]
    text = join_list(topics)
    paragraphs = [text[:1].upper() + text[1:] + "."] if topics else []
    return Block(spec.heading, paragraphs=paragraphs, empty=spec.empty)


def bio(spec: Section, ctx: FeedContext) -> Block:
    text = generate(ctx.cv, spec.person, spec.words or DEFAULT_WORDS)
    return Block(spec.heading, paragraphs=[text], empty=spec.empty)


FEEDS: dict[str, Callable[[Section, FeedContext], Block]] = {
    "identity": identity,
    "education": _cv_section("education", oldest_first=True),
    "appointments": _cv_section("appointments"),
    "awards": _cv_section("awards"),
    "grants": _cv_section("grants"),
    "service": _cv_section("service"),
    "students": _cv_section("students"),
    "talks": _cv_section("talks"),
    "publications": publications,
    "contributions": contributions,
    "research_statement": research_statement,
    "research_interests": research_interests,
    "bio": bio,
}
