"""The posts one holds or held: the appointments, and the administrative and leadership
positions (appointments of kind administrative), each a section of its own.

Current posts come first, as readers look for them: the primary one, then the concurrent ones,
then visiting posts (a semester's visit never above the chair one holds); past posts follow
by date. A post whose end is still ahead prints it as expected ('2024 – expected 2027').
"""

from __future__ import annotations

from cvgen.compose.career import (
    details,
    in_own_language,
    joined,
    period_ahead,
    plain,
    text_sentence,
)
from cvgen.compose.context import Context
from cvgen.document import Entry, Group, Span
from cvgen.model import CV, Appointment


def appointment_entry(ctx: Context, job: Appointment) -> Entry:
    host = job.host and ctx.words.spans("host", host=job.host)
    entry = Entry(
        [Span(job.title)],
        joined(job.department, job.institution, job.location),
        period_ahead(ctx, job),
        details(host or [], text_sentence(job.note)),
    )
    return in_own_language(ctx, entry, job.language, job.title, job.institution)


def career_order(ctx: Context, jobs: list[Appointment]) -> list[Appointment]:
    """Current posts (primary, concurrent, visiting; each newest first), then past ones by
    date; oldest first puts the past first and ends with what is current."""
    held, ended = [], []
    for job in jobs:
        (held if job.current_on(ctx.day) else ended).append(job)
    current = sorted(ctx.in_order(held), key=lambda job: (not job.primary, job.kind == "visiting"))
    past = ctx.in_order(ended)
    return current + past if ctx.settings.order == "newest-first" else past + current


def _posts(cv: CV, ctx: Context, administrative: bool) -> list[Group]:
    jobs = [job for job in cv.data.appointments if (job.kind == "administrative") == administrative]
    return plain([appointment_entry(ctx, job) for job in career_order(ctx, jobs)])


def appointments(cv: CV, ctx: Context) -> list[Group]:
    """Every post but the administrative ones, which have a section of their own."""
    return _posts(cv, ctx, administrative=False)


def administration(cv: CV, ctx: Context) -> list[Group]:
    """Administrative and leadership positions: head, dean, director, ..."""
    return _posts(cv, ctx, administrative=True)
