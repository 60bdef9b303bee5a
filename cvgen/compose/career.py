"""The career sections as groups of entries: education, awards, teaching, service, talks,
press, and the research interests with their statement (appointments: positions.py).

Each function decides, once for every output, what an item shows and in which words:
its title, its qualifiers, its worded dates, and its details as sentences.
"""

from __future__ import annotations

from dataclasses import replace

from cvgen.compose.amounts import amount_text
from cvgen.compose.context import Context
from cvgen.compose.order import grouped_by
from cvgen.document import Entry, Group, Link, Span, in_language, plain_text
from cvgen.model import (
    CV,
    Award,
    AwardStage,
    Dated,
    Degree,
    Press,
    Service,
    Talk,
    Teaching,
)
from cvgen.util.dates import TERM_YEAR, Date

# A course's date column is as narrow as "2019 – present": it holds at most two terms, each
# short enough for one line of it; longer lists go in the entry, the column keeps their span.
_COLUMN_TERMS = 2
_COLUMN_TERM_CHARS = 12


def sentence(spans: list[Span]) -> list[Span]:
    """A detail as a sentence: first letter capital ('PhD' stays), one full stop at the end."""
    if not spans:
        return spans
    first = spans[0]
    spans = [replace(first, text=first.text[:1].upper() + first.text[1:]), *spans[1:]]
    if not spans[-1].text.rstrip().endswith((".", "?", "!")):
        spans.append(Span("."))
    return spans


def text_sentence(text: str | None) -> list[Span]:
    return sentence([Span(text.strip())]) if text and text.strip() else []


def details(*parts: list[Span]) -> list[list[Span]]:
    return [sentence(part) for part in parts if part]


def joined(*parts: str | None) -> list[Span]:
    """'A, B, C' from the parts present, as one span."""
    text = ", ".join(p for p in parts if p)
    return [Span(text)] if text else []


def in_own_language(ctx: Context, entry: Entry, named: str | None, *texts: str | None) -> Entry:
    """The entry's title and qualifiers (what the item itself says) marked with its language
    where it is not the CV's: the one it names, else its script's (Context.language_of); and
    each detail sentence written wholly in another script (a note) marked with that one."""
    language = ctx.language_of(named, *texts)
    details = [
        in_language(sentence, ctx.language_of_sentence(plain_text(sentence)))
        for sentence in entry.details
    ]
    return replace(
        entry,
        title=in_language(entry.title, language),
        qualifiers=in_language(entry.qualifiers, language),
        details=details,
    )


def dates(ctx: Context, start: Date | None, end: Date | None) -> str:
    """A period worded at the CV's date precision: as written, with months, or years."""
    precision = ctx.settings.dates or "as-written"
    return ctx.words.period(start, end, precision == "month", precision == "as-written")


def period(ctx: Context, item: Dated) -> str:
    return dates(ctx, item.start, item.end)


def period_ahead(ctx: Context, item: Dated) -> str:
    """A period whose end is still ahead of the CV's date says so: '2023 – expected 2027'."""
    end = item.end
    if end is None or not end.after(ctx.day):
        return period(ctx, item)
    ahead = ctx.words.fmt("expected", date=dates(ctx, end, None))
    if item.start is None:
        return ahead
    return ctx.words.fmt("period", start=dates(ctx, item.start, None), end=ahead)


def labelled_links(ctx: Context, pairs: list[tuple[str, str | None]]) -> list[Link]:
    """Links labelled in the CV's words ('Video'); a kind the table lacks (a custom entry's
    own label) is shown as written, its first letter capital."""
    words = ctx.words
    return [
        Link(words.get(f"links.{kind}") or kind[:1].upper() + kind[1:], href, kind)
        for kind, href in pairs
        if href
    ]


def plain(entries: list[Entry]) -> list[Group]:
    return [Group(None, entries)] if entries else []


def research_interests(cv: CV, ctx: Context) -> list[Group]:
    """The statement's paragraphs (blank lines in cv.yaml separate them), then the topics."""
    statement = cv.data.research_statement or ""
    paragraphs = [p.strip() for p in statement.split("\n\n") if p.strip()]
    groups = []
    if paragraphs:
        groups.append(Group(None, [Entry([Span(p)]) for p in paragraphs], layout="paragraphs"))
    if cv.data.research_interests:
        topics = [Entry([Span(topic)]) for topic in cv.data.research_interests]
        groups.append(Group(None, topics, layout="bullets"))
    return groups


def degree_entry(ctx: Context, degree: Degree) -> Entry:
    words = ctx.words
    head = degree.degree
    if degree.field:
        head = words.fmt("degree", degree=degree.degree, field=degree.field)
    language = ctx.language_of(degree.language, degree.thesis)
    thesis = degree.thesis and words.spans(
        "thesis", title=Span(degree.thesis, italic=True, lang=language)
    )
    advisors = degree.advisor and words.spans(
        "advisors" if len(degree.advisor) > 1 else "advisor", names=", ".join(degree.advisor)
    )
    honours = [Span(degree.honours)] if degree.honours else []
    track = degree.track and words.spans("track", track=degree.track)
    awarded = degree.awarded and words.spans("awarded", date=dates(ctx, degree.awarded, None))
    gpa = degree.gpa and words.spans("gpa", gpa=degree.gpa)
    entry = Entry(
        [Span(head)],
        joined(degree.institution, degree.location),
        period_ahead(ctx, degree),
        details(
            track or [],
            thesis or [],
            advisors or [],
            honours,
            awarded or [],
            gpa or [],
            text_sentence(degree.note),
        ),
    )
    texts = (degree.degree, degree.field, degree.institution, degree.thesis)
    return in_own_language(ctx, entry, degree.language, *texts)


def education(cv: CV, ctx: Context) -> list[Group]:
    return plain([degree_entry(ctx, degree) for degree in ctx.in_order(cv.data.education)])


def award_entry(ctx: Context, award: Award) -> Entry:
    """Name, giver (amount), dates; a declined award says so where a remark goes."""
    entry = in_own_language(
        ctx,
        Entry([Span(award.name)], joined(award.organization)),
        award.language,
        award.name,
        award.organization,
    )
    qualifiers = entry.qualifiers
    amount = amount_text(ctx.words, award)
    if amount:
        qualifiers = [*qualifiers, Span(f" ({amount})" if qualifiers else f"({amount})")]
    return replace(
        entry,
        qualifiers=qualifiers,
        when=period(ctx, award),
        details=details(text_sentence(award.note)),
        annotation=[Span(ctx.words("declined"))] if award.declined else [],
    )


# Career stages from the latest; design.awards_by_stage groups the awards in this order.
AWARD_STAGES: tuple[AwardStage | None, ...] = (
    "senior", "faculty", "mid-career", "early-career", "postdoc", "student", None,
)  # fmt: skip


def awards(cv: CV, ctx: Context) -> list[Group]:
    items = ctx.in_order(cv.data.awards)
    if not cv.data.design.awards_by_stage:
        return plain([award_entry(ctx, award) for award in items])
    headings = ctx.words.group("award_stages")
    return [
        Group(
            headings[stage or "none"],
            [award_entry(ctx, award) for award in members],
            id=ctx.ids(f"awards-{stage or 'other'}"),
        )
        for stage, members in grouped_by(items, lambda a: a.stage, AWARD_STAGES)
    ]


def course_period(ctx: Context, course: Teaching) -> tuple[str, list[str]]:
    """A course's date column and the terms still to list in its entry.

    Its dates when it has them; else its terms if they fit the column ('Fall 2021, Fall 2022',
    kept whole by no-break spaces), else the span of the years they name ('2014 – 2026').
    """
    if course.start or course.end:
        return dates(ctx, course.start, course.end), course.terms
    terms = course.terms
    if len(terms) <= _COLUMN_TERMS and all(len(term) <= _COLUMN_TERM_CHARS for term in terms):
        return ", ".join(term.replace(" ", "\u00a0") for term in terms), []
    years = [TERM_YEAR.findall(term) for term in terms]
    if not all(years):  # a term without a year: no span can be trusted
        return "", terms
    flat = [int(year) for found in years for year in found]
    return ctx.words.period(Date(min(flat)), Date(max(flat))), terms


def course_entry(ctx: Context, course: Teaching) -> Entry:
    words = ctx.words
    head = course.course + (f" ({course.code})" if course.code else "")
    level = course.level in ("undergraduate", "graduate", "mixed") and words(
        f"course_levels.{course.level}"
    )
    enrollment = course.enrollment and words.fmt("enrollment", count=course.enrollment)
    facts = joined(course.role, level or None, enrollment or None)
    when, terms = course_period(ctx, course)
    entry = Entry(
        [Span(head)],
        joined(course.institution),
        when,
        details(facts, joined(*terms), text_sentence(course.note)),
    )
    return in_own_language(ctx, entry, course.language, course.course, course.institution)


def teaching(cv: CV, ctx: Context) -> list[Group]:
    return plain([course_entry(ctx, course) for course in ctx.in_order(cv.data.teaching)])


def noted_entry(ctx: Context, head: str, qualifiers: list[str | None], item: Dated) -> Entry:
    """An item of a head, its qualifiers, its period and its note (service, memberships)."""
    note = getattr(item, "note", None)
    entry = Entry(
        [Span(head)], joined(*qualifiers), period(ctx, item), details(text_sentence(note))
    )
    return in_own_language(ctx, entry, item.language, head, *qualifiers)


def service_entry(ctx: Context, item: Service) -> Entry:
    return noted_entry(ctx, item.role, [item.organization], item)


def service(cv: CV, ctx: Context) -> list[Group]:
    headings = ctx.words.group("service_categories")
    items = ctx.in_order(cv.data.service)
    return [
        Group(
            headings[category],
            [service_entry(ctx, item) for item in members],
            id=ctx.ids(f"service-{category}"),
        )
        for category, members in grouped_by(items, lambda s: s.category.value, headings)
    ]


def talk_entry(ctx: Context, talk: Talk) -> Entry:
    """Title, event, place (count, language); an invitation without a title leads with the
    event, and a series is dated by its period."""
    words = ctx.words
    count = talk.count and words.fmt("talk_count", count=talk.count)
    foreign = talk.language and not ctx.is_own_language(talk.language)
    spoken = foreign and words.language_name(talk.language)
    language = spoken and words.fmt("talk_language", language=spoken)
    extra = ", ".join(part for part in (count, language) if part)
    if talk.title:
        title = [Span(talk.title)]
        qualifiers = [Span(talk.event, italic=True)]
        if talk.location:
            qualifiers.append(Span(f", {talk.location}"))
    else:
        title, qualifiers = [Span(talk.event)], joined(talk.location)
    own = in_own_language(ctx, Entry(title, qualifiers), talk.language, talk.title, talk.event)
    title, qualifiers = own.title, list(own.qualifiers)
    if extra:  # after the place, else after the head: 'Seminars in Israel (35 talks)'
        (qualifiers or title).append(Span(f" ({extra})"))
    when = dates(ctx, talk.date, talk.end) if talk.end else words.date(talk.date)
    return Entry(
        title,
        qualifiers,
        when,
        details(text_sentence(talk.note)),
        links=labelled_links(
            ctx, [("web", talk.url), ("video", talk.video), ("slides", talk.slides)]
        ),
        tags=list(talk.tags),
    )


def talks(cv: CV, ctx: Context) -> list[Group]:
    headings = ctx.words.group("talk_kinds")
    items = ctx.in_order(cv.data.talks)
    return [
        Group(headings[kind], [talk_entry(ctx, t) for t in members], id=ctx.ids(f"talks-{kind}"))
        for kind, members in grouped_by(items, lambda t: t.kind.value, headings)
    ]


def press_entry(ctx: Context, item: Press) -> Entry:
    kind = [] if item.kind == "article" else [Span(f" ({ctx.words(f'press_kinds.{item.kind}')})")]
    own = Entry([Span(item.title)], [Span(item.outlet, italic=True)])
    own = in_own_language(ctx, own, item.language, item.title, item.outlet)
    return Entry(
        own.title,
        [*own.qualifiers, *kind],
        ctx.words.date(item.date),
        details(text_sentence(item.note)),
        links=labelled_links(ctx, [("link", item.url)]),
    )


def press(cv: CV, ctx: Context) -> list[Group]:
    return plain([press_entry(ctx, item) for item in ctx.in_order(cv.data.press)])
