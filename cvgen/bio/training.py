"""Sentences of training: the degrees in the order they were earned, grouped by where, and the
doctoral advisors. Listing in order ('a BA from X (2005) and a PhD from Y (2011)') cannot
get chronology wrong, as 'After an MS ..., she received an MD' did."""

from __future__ import annotations

import re
from itertools import groupby

from cvgen.bio.context import Context
from cvgen.bio.english import indefinite, join_list, sentence
from cvgen.bio.ranking import degree_level
from cvgen.model import Degree
from cvgen.util.dates import Date

_TRAILING_NOTE = re.compile(r"\s*\([^()]*\)$")
_STILL_STUDYING = re.compile(r"\b(candidate|student|doctoral researcher|doktorand)", re.I)


def _name(degree: Degree) -> str:
    """'PhD' from 'PhD (Dr. rer. nat.)': the year's brackets follow, never two in a row."""
    return _TRAILING_NOTE.sub("", degree.degree).strip() or degree.degree


def finished(ctx: Context, degree: Degree) -> bool:
    """Awarded by the day the CV speaks from: never 'received' for one still under way (a
    'PhD Candidate' whose degree ends this year has not received it yet)."""
    end = degree.end or degree.awarded
    if end is None or end.present or end.after(ctx.today):
        return False
    position = ctx.cv.data.person.position or ""
    studying = end.year == ctx.today.year and end.month is None
    return not (studying and _STILL_STUDYING.search(position))


def _same_place(degrees: list[Degree]) -> str:
    """'a BSc in Physics (2008) and an MSc (2010) and a PhD (2014) in Mathematics': degrees in
    one field share it."""
    parts = []
    for field, run in groupby(degrees, key=lambda d: d.field):
        run = list(run)
        if len(run) == 1:
            where = f" in {field}" if field else ""
            parts.append(f"{indefinite(_name(run[0]))}{where}{_year(run[0])}")
            continue
        names = [f"{indefinite(_name(d))}{_year(d)}" for d in run]
        parts.append(f"{join_list(names)} in {field}" if field else join_list(names))
    if len(parts) == 2 and " and " in parts[1]:  # never 'A and B and C'
        return " as well as ".join(parts)
    if len(parts) < 3:
        return " and ".join(parts)
    return ", ".join(parts[:-1]) + ", and " + parts[-1]


def _year(degree: Degree) -> str:
    end = degree.end or degree.awarded
    return f" ({end.year})" if end and not end.present else ""


def education(ctx: Context) -> list[str]:
    degrees: list[Degree] = [d for group in ctx.items("degree") for d in group]
    if not degrees:
        return []
    v = ctx.voice
    done = sorted(
        (d for d in degrees if finished(ctx, d)), key=lambda d: d.end or d.awarded or Date(1900)
    )
    pending = [d for d in degrees if not finished(ctx, d)]
    clauses = []
    if done:
        places: dict[str, list[Degree]] = {}
        for degree in done:
            places.setdefault(degree.institution, []).append(degree)
        said = [f"{_same_place(ds)} from {ctx.place(p)}" for p, ds in places.items()]
        nested = len(said) == 2 and any(" as well as " in g for g in said)
        groups = ", and ".join(said) if nested else join_list(said)
        clauses.append(f"{v.subj()} received {groups}")
    for degree in pending:
        end = degree.end or degree.awarded
        expected = f", expected in {end.year}" if end and not end.present else ""
        what = indefinite(f"{_name(degree)} in {degree.field}" if degree.field else _name(degree))
        clauses.append(
            f"{v.subj()} {v.verb('be')} completing {what} at "
            f"{ctx.place(degree.institution)}{expected}"
        )
    return (
        [sentence("; ".join(clauses))] if len(clauses) < 3 else [sentence(c) for c in clauses[:1]]
    )


def advisor(ctx: Context) -> list[str]:
    """'My doctoral advisors were Prof. A and Prof. B.'"""
    degrees: list[Degree] = ctx.items("advisor")
    if not degrees:
        return []
    v, people = ctx.voice, degrees[0].advisor
    kind = "doctoral advisor" if degree_level(degrees[0]) == 0 else "advisor"
    said = f"{kind}s were" if len(people) > 1 else f"{kind} was"
    return [sentence(f"{v.poss()} {said} {join_list(people)}")]
