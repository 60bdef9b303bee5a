"""Sentences of the posts held: the first sentence (position and place), the other posts held
now, offices held now and before, the earlier career at home and elsewhere, industry, visits
and posts to come. Each names a place in full once (Context.place) and keeps chronology: a
post listed after 'before joining X in YEAR' began before that year."""

from __future__ import annotations

import re

from cvgen.bio.context import Context, phrasings
from cvgen.bio.english import definite, indefinite, join_list, sentence
from cvgen.bio.facts import current_appointment, home_institution, joined_year, same_place
from cvgen.bio.ranking import leadership_rank, rank_positions
from cvgen.model import Appointment

_NO_ARTICLE_TITLES = re.compile(r"^(Professor|Director|Head|Chair|Dean|President|Provost|Rector)\b")
_VISITING_NOTE = re.compile(r"^(.+?)\s*\((visiting|Visiting)\)$")
_LOWER_NOTE = re.compile(r"\s*\((?![Vv]isiting)[a-z][^()]*\)$")  # '(full)', '(joint appointment)'
_ACADEMIC_UNIT = re.compile(r"^(the )?(Department|Division|School|Faculty|College) of\b", re.I)
_TRAINING = re.compile(r"\b(post-?doc\w*|research (fellow|associate))\b", re.I)
_FIELD_AFTER_COMMA = re.compile(r"^([A-Z][\w-]*(?: [A-Z][\w-]*)?), (.+)$")


def title_phrase(title: str) -> str:
    """'Visiting Assistant Professor' from 'Assistant Professor (Visiting)'; 'Resident in
    Internal Medicine' from 'Resident, Internal Medicine'; 'Director of the Brain Institute'
    from 'Director, Brain Institute'."""
    title = re.sub(r"\s*\|\s*", "、" if re.search(r"[\u3400-\u9fff]", title) else " / ", title)
    title = _LOWER_NOTE.sub("", title)
    visiting = _VISITING_NOTE.match(title)
    if visiting:
        return f"Visiting {visiting.group(1)}"
    split = _FIELD_AFTER_COMMA.match(title)
    if split:
        role, unit = split.groups()
        office = leadership_rank(role) is not None or definite(unit) != unit
        return f"{role} of {definite(unit)}" if office else f"{role} in {unit}"
    return title


def position_phrase(title: str, department: str | None, article: bool = True) -> str:
    """'Professor of Neurology', 'a Lecturer in the Department of ...'."""
    title = title_phrase(title)
    bare = _NO_ARTICLE_TITLES.match(title) or not article or leadership_rank(title) is not None
    phrase = title if bare else indefinite(title)
    if department and not re.search(r"\b(of|in)\b", title):
        joiner = "of" if leadership_rank(title) is not None else "in"
        phrase += f" {joiner} {definite(department)}"
    return phrase


def _post(ctx: Context, post: Appointment, article: bool = True, department: bool = False) -> str:
    """'a Postdoctoral Fellow at the University of Oxford'; at the home institution, no place
    unless `department` asks for the unit."""
    phrase = position_phrase(post.title, post.department if department else None, article)
    home = home_institution(ctx.cv)
    return (
        phrase
        if same_place(post.institution, home)
        else f"{phrase} at {ctx.place(post.institution)}"
    )


def _years(post: Appointment) -> str:
    if not post.start:
        return ""
    end = post.end.year if post.end and not post.end.present else None
    return (
        f" ({post.start.year})" if end in (None, post.start.year) else f" ({post.start.year}–{end})"
    )


def _titled(person) -> str:
    """'Prof. Jane Doe, MD, PhD,': the name with its title and letters, ready for a verb."""
    title, letters = person.titled_name()
    name = f"{title} {person.name}" if title else person.name
    return f"{name}, {letters}," if letters else name


def identity(ctx: Context) -> list[str]:
    person, v = ctx.cv.data.person, ctx.voice
    who = "I" if v.person == "first" else _titled(person)
    named = current_appointment(ctx.cv)
    position = person.position or (named.title if named else None)
    where = person.affiliation or (named.institution if named else None)
    place = f" at {ctx.place(where)}" if where else ""
    department = person.department or (named.department if named and not person.position else None)
    if position:
        phrase = position_phrase(position, department)
        return [sentence(f"{who} {v.verb('be', after_name=True)} {phrase}{place}")]
    if place:
        return [sentence(f"{who} {v.verb('work', after_name=True)}{place}")]
    return [sentence(f"{who} {v.verb('be', after_name=True)} a researcher")]


def current(ctx: Context) -> list[str]:
    """'She is also a Visiting Professor at X and an Educational Consultant at Y.'"""
    posts: list[Appointment] = ctx.items("current") + ctx.items("affiliation")
    if not posts:
        return []
    held = join_list([_post(ctx, p, department=True) for p in posts])
    return phrasings(ctx, f"{ctx.voice.verb('be')} also {held}", opener="at the same time")


def leadership(ctx: Context) -> list[str]:
    """'She also serves as Director of X, and previously served as Dean of Y (2012–2018).'"""
    posts: list[Appointment] = ctx.items("leadership")
    if not posts:
        return []
    v = ctx.voice
    now = [_post(ctx, p, article=False, department=True) for p in posts if p.current_on(ctx.today)]
    before = _offices_by_place(ctx, [p for p in posts if not p.current_on(ctx.today)])
    clauses = [f"{v.verb('serve')} as {join_list(now)}"] if now else []
    if before:
        clauses.append(f"previously served as {join_list(before)}")
    body = ", and ".join(clauses)
    return [
        sentence(f"{v.subj()} also {body}") if now else sentence(f"{v.subj()} {body}"),
        sentence(f"in addition, {v.subj()} {body}"),
    ]


def _home_posts(ctx: Context) -> list[Appointment]:
    """The earlier posts at the home institution, oldest first: the first one held there
    (when she joined, whether or not it is among the facts kept), then those kept."""
    home = home_institution(ctx.cv)
    kept = [p for p in ctx.items("position") if same_place(p.institution, home) and p.start]
    if not kept:
        return []
    every = [a for a in rank_positions(ctx.cv.data.appointments) if a.start]
    first = min(
        (a for a in every if same_place(a.institution, home) and not a.current_on(ctx.today)),
        key=lambda a: a.start,  # type: ignore[arg-type, return-value]
    )
    rest = [p for p in kept if p is not first]
    return [first, *sorted(rest, key=lambda p: p.start)]  # type: ignore[arg-type, return-value]


def _offices_by_place(ctx: Context, posts: list[Appointment]) -> list[str]:
    """'Dean of X (2012–2018), and Director (2014–2015) and Head of Y (2015–2019) at Drexel
    University': offices at home first, then those held at one place, naming it once; a lone
    office elsewhere puts its years last ('Head of the Stroke Unit at LUMC (2010–2012)')."""
    home, places = home_institution(ctx.cv), {}
    for post in sorted(posts, key=lambda p: not same_place(p.institution, home)):
        places.setdefault(post.institution, []).append(post)
    said = []
    for place, held in places.items():
        if same_place(place, home):
            said.extend(_office(p) + _years(p) for p in held)
        elif len(held) == 1:
            said.append(f"{_office(held[0])} at {ctx.place(place)}{_years(held[0])}")
        else:
            offices = join_list([_office(p) + _years(p) for p in held])
            said.append(f"{offices} at {ctx.place(place)}")
    return said


def _office(post: Appointment) -> str:
    return position_phrase(post.title, post.department, article=False)


def home_career(ctx: Context) -> list[str]:
    """'He joined Ursinus College in 2020 as a Visiting Assistant Professor, and was later ...'"""
    home, posts = home_institution(ctx.cv), _home_posts(ctx)
    if not posts or not home:
        return []
    v, first = ctx.voice, posts[0]
    title, year = indefinite(title_phrase(first.title)), first.start.year  # type: ignore[union-attr]
    joined = f"joined {ctx.place(home)} as {title}"
    later = [f"{indefinite(title_phrase(p.title))}{_years(p)}" for p in posts[1:]]
    tail = f" and {v.was()} later {join_list(later)}" if later else ""
    return [
        sentence(f"{v.subj()} {joined.replace(' as ', f' in {year} as ', 1)}{tail}"),
        sentence(f"in {year}, {v.subj()} {joined}{tail}"),
    ]


def _began_before(post: Appointment, joined: int) -> bool:
    return bool(post.start) and post.start.year < joined  # type: ignore[union-attr]


def _trained_with(post: Appointment) -> str:
    """' in the Condensed Matter Theory Group with Prof. X' for a postdoctoral post: where and
    with whom one trained says the field; a long or multiple unit is left out."""
    if not _TRAINING.search(post.title):
        return ""
    unit = post.department or ""
    unit = "" if _ACADEMIC_UNIT.match(unit) else unit  # a group or lab says the field
    where = f" in {definite(unit)}" if unit and ";" not in unit and len(unit.split()) <= 5 else ""
    return where + (f" with {post.host}" if post.host else "")


def _by_place(ctx: Context, posts: list[Appointment]) -> str:
    """'a Postdoctoral Researcher and a Research Assistant at the University of Bayreuth, and
    a Professor at X': posts at one place share it, the place said once."""
    places: dict[str, list[Appointment]] = {}
    for post in posts:
        places.setdefault(post.institution, []).append(post)
    groups = [
        join_list([f"{position_phrase(p.title, None)}{_trained_with(p)}" for p in held])
        + f" at {ctx.place(place)}"
        for place, held in places.items()
    ]
    return join_list(groups) if len(groups) < 3 else ", ".join(groups[:-1]) + ", and " + groups[-1]


def earlier_career(ctx: Context) -> list[str]:
    """'Before joining X in 2012, she was A at B and C at D', newest first; 'Before that' after
    the sentence of her posts at X; 'Previously' when a post began the year she joined or
    later, names X itself (a joint post), or the joining is not dated."""
    home, joined = home_institution(ctx.cv), joined_year(ctx.cv)
    posts = [p for p in ctx.items("position") if not same_place(p.institution, home)]
    if not posts:
        return []
    v = ctx.voice
    if _home_posts(ctx) and home:
        return [sentence(f"before that, {v.subj()} {v.was()} {_by_place(ctx, posts)}")]
    joint = home and any(home.casefold() in p.institution.casefold() for p in posts)
    if home and joined and not joint and all(_began_before(p, joined) for p in posts):
        back = ctx.place(home)
        held = _by_place(ctx, posts)
        return [sentence(f"before joining {back} in {joined}, {v.subj()} {v.was()} {held}")]
    return [sentence(f"previously, {v.subj()} {v.was()} {_by_place(ctx, posts)}")]


def industry(ctx: Context) -> list[str]:
    posts: list[Appointment] = ctx.items("industry")
    if not posts:
        return []
    roles = [f"{indefinite(title_phrase(p.title))} at {ctx.place(p.institution)}" for p in posts]
    worked = f"{ctx.voice.verb('have')} also worked in industry, as {join_list(roles)}"
    return phrasings(ctx, worked, opener="beyond academia")


def visits(ctx: Context) -> list[str]:
    posts: list[Appointment] = ctx.items("visit")
    if not posts:
        return []
    v = ctx.voice
    if len(posts) == 1 and posts[0].start:
        return [sentence(f"in {posts[0].start.year}, {v.subj()} {v.was()} {_post(ctx, posts[0])}")]
    places = join_list([ctx.place(p.institution) for p in posts])
    return [
        sentence(f"{v.subj()} {v.verb('have')} held visiting positions at {places}"),
        sentence(f"visiting positions have taken {v.obj()} to {places}"),
    ]


def future(ctx: Context) -> list[str]:
    """'She will be a Fellow at X from 2022 and a Lecturer at Y from 2023.'"""
    posts: list[Appointment] = ctx.items("future")
    if not posts:
        return []
    held = join_list([f"{_post(ctx, p)} from {p.start.year}" for p in posts if p.start])
    return phrasings(ctx, f"will be {held}", opener="next")
