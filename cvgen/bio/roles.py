"""Sentences of what one leads: the offices held (administrative posts) and the people
supervised, from the list of students or from the totals the researcher states."""

from __future__ import annotations

import re

from cvgen.bio.context import Context
from cvgen.bio.english import definite, indefinite, join_list, number_word, sentence
from cvgen.bio.facts import Supervision, as_of_day, home_institution, same_place
from cvgen.model import Appointment

_NO_ARTICLE_TITLES = re.compile(r"^(Professor|Director|Head|Chair|Dean|President|Provost|Rector)\b")


def position_phrase(title: str, department: str | None) -> str:
    """'Professor of Neurology', 'a Lecturer in the Department of ...'."""
    phrase = title if _NO_ARTICLE_TITLES.match(title) else indefinite(title)
    if department and not re.search(r"\b(of|in)\b", title):
        phrase += f" in {definite(department)}"
    return phrase


def _office(post: Appointment, home: str | None) -> str:
    """'Director of the Brain Institute' (also from 'Director, Brain Institute'), 'Dean of the
    School of Medicine at X'."""
    office, comma, unit = post.title.partition(", ")
    title = (
        f"{office} of {definite(unit)}"
        if comma and _NO_ARTICLE_TITLES.match(office)
        else post.title
    )
    phrase = position_phrase(title, post.department).replace(" in the ", " of the ", 1)
    return (
        phrase
        if same_place(post.institution, home)
        else f"{phrase} at {definite(post.institution)}"
    )


def leadership(ctx: Context) -> list[str]:
    """'She also serves as Director of X, and previously served as Dean of Y (2012–2018).'"""
    posts: list[Appointment] = ctx.items("leadership")
    if not posts:
        return []
    v, home = ctx.voice, home_institution(ctx.cv)
    now = [_office(p, home) for p in posts if p.current_on(as_of_day(ctx.cv))]
    before = [
        _office(p, home) + (f" ({p.start.year}–{p.end.year})" if p.start and p.end else "")
        for p in posts
        if not p.current_on(as_of_day(ctx.cv))
    ]
    clauses = [f"{v.verb('serve')} as {join_list(now)}"] if now else []
    if before:
        clauses.append(
            f"{'previously served' if now else v.verb('have') + ' served'} as {join_list(before)}"
        )
    body = ", and ".join(clauses)
    return [sentence(f"{v.subj()} also {body}"), sentence(f"in addition, {v.subj()} {body}")]


def _stated_supervision(record: Supervision) -> list[str]:
    """'supervised 40 PhD and 88 MSc students', 'mentored 5 postdoctoral researchers': the
    researcher's own totals (completed or not, so never 'to completion')."""
    levels = [
        (record.phd, "PhD"),
        (record.msc, "MSc"),
        (record.undergraduate, "undergraduate"),
    ]
    named = [f"{number_word(n)} {label}" for n, label in levels if n]
    done = []
    if named:
        total = sum(n for n, _ in levels)
        done.append(f"supervised {join_list(named)} {'student' if total == 1 else 'students'}")
    if record.postdoc:
        researchers = "researcher" if record.postdoc == 1 else "researchers"
        done.append(f"mentored {number_word(record.postdoc)} postdoctoral {researchers}")
    return done


def supervision(ctx: Context) -> list[str]:
    records: list[Supervision] = ctx.items("supervision")
    if not records:
        return []
    v, record = ctx.voice, records[0]
    if record.stated:
        body = f"{v.verb('have')} {' and '.join(_stated_supervision(record))}"
        return [sentence(f"{v.subj()} {body}"), sentence(f"to date, {v.subj()} {body}")]
    done = []
    if record.phd:
        students = "student" if record.phd == 1 else "students"
        done.append(f"supervised {number_word(record.phd)} PhD {students} to completion")
    if record.postdoc:
        researchers = "researcher" if record.postdoc == 1 else "researchers"
        done.append(f"mentored {number_word(record.postdoc)} postdoctoral {researchers}")
    placed = ctx.items("placement")
    tail = ""
    if placed:
        count = placed[0]
        total = record.phd + record.postdoc
        tail = (
            f", {number_word(count)} of whom now hold faculty positions"
            if count > 1
            else (
                ", who now holds a faculty position"
                if total == 1
                else ", one of whom now holds a faculty position"
            )
        )
    body = f"{v.verb('have')} {join_list(done)}{tail}"
    return [sentence(f"{v.subj()} {body}"), sentence(f"to date, {v.subj()} {body}")]
