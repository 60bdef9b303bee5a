"""Sentences of standing in a profession: certifications, memberships, service beyond
editorial boards, and teaching. Like roles held, service ended is said in the past
('previously served as'), never as current."""

from __future__ import annotations

import re

from cvgen.bio import english
from cvgen.bio.career import title_phrase
from cvgen.bio.context import Context, phrasings
from cvgen.model import Certification, Membership, Service, ServiceCategory

_BOARD = re.compile(r"\s*(-|–|,)?\s*\bboard[- ]certifi\w*\b(\s+in\b)?\s*", re.I)
_CERTIFICATE_WORD = re.compile(r"\b(certifi|licen|diplom|registration|qualification)", re.I)


def _certificates(certs: list[Certification]) -> list[str]:
    """'a Teaching Certificate in Mathematics and Computer Science from the Board': those
    that differ only after their last ' in ' and share an issuer are said as one."""
    heads: dict[tuple[str, str | None], list[str]] = {}
    for cert in certs:
        name = cert.name if _CERTIFICATE_WORD.search(cert.name) else f"{cert.name} certification"
        head, sep, tail = name.rpartition(" in ")
        heads.setdefault((head if sep else name, cert.issuer), []).append(tail if sep else "")
    said = []
    for (head, issuer), tails in heads.items():
        name = f"{head} in {english.join_list(tails)}" if all(tails) else head
        given = f" from {english.definite(issuer)}" if issuer and issuer not in name else ""
        said.append(f"{english.indefinite(name)}{given}")
    return said


def certifications(ctx: Context) -> list[str]:
    """'He is board certified in Internal Medicine and Critical Care, and holds a ...'."""
    certs: list[Certification] = [c for group in ctx.items("certification") for c in group]
    if not certs:
        return []
    v = ctx.voice
    board = [_BOARD.sub(" ", c.name).strip(" -–,") for c in certs if _BOARD.search(c.name)]
    other = _certificates([c for c in certs if not _BOARD.search(c.name)])
    clauses = [f"{v.verb('be')} board certified in {english.join_list(board)}"] if board else []
    if other:
        clauses.append(f"{v.verb('hold')} {english.join_list(other)}")
    return phrasings(ctx, " and ".join(clauses))


def _body(organization: str) -> str:
    short = english.abbreviation(organization)
    return f"the {short}" if short else english.definite(organization)


def memberships(ctx: Context) -> list[str]:
    """'She is a Fellow of the Royal Society and a member of the ACM.'"""
    kept: list[Membership] = [
        m
        for m in ctx.items("membership")
        if m.end is None or m.end.present or m.current_on(ctx.today)
    ]
    if not kept:
        return []
    v = ctx.voice
    roles: dict[str, list[str]] = {}
    for membership in kept:
        roles.setdefault(membership.role or "member", []).append(_body(membership.organization))
    named = [
        f"{english.indefinite(role) if role[:1].islower() or role.endswith('Member') else role} of "
        + " and of ".join(bodies)
        for role, bodies in roles.items()
    ]
    return phrasings(ctx, f"{v.verb('be')} {english.join_list(named)}")


def _role(ctx: Context, service: Service) -> str:
    """'member of the Ethics Committee of NBIT' (from 'Member, Ethics Committee'), 'leader of
    a workshop at the AANS Conference'; the organisation said in full once (Context.place)."""
    role = english.sentence_case(title_phrase(service.role))
    if service.organization.casefold() in service.role.casefold():
        return role
    if service.category is ServiceCategory.ORGANISING:  # 'at the AANS Conference', 'at ICML'
        return f"{role} at {english.event(service.organization)}"
    return f"{role} of {ctx.place(service.organization)}"


def service(ctx: Context) -> list[str]:
    """'She serves as X, and previously served as Y.'"""
    roles: list[Service] = ctx.items("service")
    if not roles:
        return []
    v = ctx.voice
    now = [_role(ctx, s) for s in roles if s.current_on(ctx.today)]
    before = [_role(ctx, s) for s in roles if not s.current_on(ctx.today)]
    clauses = [f"{v.verb('serve')} as {english.join_list(now)}"] if now else []
    if before:
        clauses.append(f"previously served as {english.join_list(before)}")
    return phrasings(ctx, ", and ".join(clauses))


def teaching(ctx: Context) -> list[str]:
    """'He has taught 13 courses at UCLA, Loyola Marymount University and Virginia Tech.'"""
    courses = ctx.items("teaching")[0] if ctx.items("teaching") else []
    places: list[str] = []
    for course in sorted(courses, key=lambda c: c.start.year if c.start else 0):
        if course.institution and course.institution not in places:
            places.append(course.institution)
    if not courses:
        return []
    v = ctx.voice
    count = f"{english.number_word(len(courses))} courses" if len(courses) > 1 else "a course"
    where = f" at {english.join_list([ctx.place(p) for p in places])}" if places else ""
    return [
        english.sentence(f"{v.subj()} {v.verb('have')} taught {count}{where}"),
        english.sentence(f"{v.poss()} teaching includes {count}{where}"),
    ]
