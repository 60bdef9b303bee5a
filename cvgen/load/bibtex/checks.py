"""Suspicious publication data, worth a warning with file and line: a year long before the
researcher's first degree (in their own papers: a reference library holds older work by
others) or after next year, marks whose meaning cv.yaml does not give, and one paper entered
twice (as `cvgen import` tells papers apart: DOI, arXiv id, title and year)."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

from cvgen.errors import Problem, Severity
from cvgen.load.identity import Index, identity_of, same_entry
from cvgen.model import CvData, Publication
from cvgen.model.marks import explained

YEARS_BEFORE_FIRST_DEGREE = 10


def suspicious_data(
    data: CvData, pubs: list[Publication], bib: Path, today: _dt.date | None = None
) -> list[Problem]:
    this_year = (today or _dt.date.today()).year
    starts = [d.start.year for d in data.education if d.start] + [
        d.end.year for d in data.education if d.end and not d.end.present
    ]
    first_degree = min(starts, default=None)
    problems = []
    earliest = first_degree - YEARS_BEFORE_FIRST_DEGREE if first_degree else None
    for pub in pubs:
        if pub.undated:
            continue
        where = f"{pub.key}.year"
        if earliest and pub.year < earliest and any(a.is_self for a in pub.authors):
            message = (
                f"{pub.year} is more than {YEARS_BEFORE_FIRST_DEGREE} years before your first "
                f"degree ({first_degree}); a typo?"
            )
            problems.append(Problem(str(bib), pub.line, where, message, Severity.WARNING))
        elif pub.year > this_year + 1:
            message = f"{pub.year} is after next year; a typo, or a status (in press)?"
            problems.append(Problem(str(bib), pub.line, where, message, Severity.WARNING))
    known = explained(data.publications.marks)
    seen: set[str] = set()
    for pub in pubs:
        marked = [a for a in pub.authors if a.marks]
        for mark in (m for a in marked for m in a.marks):
            if mark not in known and mark not in seen:
                seen.add(mark)
                message = (
                    f"the mark {mark} after an author's name has no meaning in cv.yaml; say what "
                    f"it means for the legend: publications: {{marks: {{'{mark}': '...'}}}}"
                )
                problems.append(
                    Problem(str(bib), pub.line, f"{pub.key}.author", message, Severity.WARNING)
                )
    return problems + _entered_twice(pubs, bib)


def _entered_twice(pubs: list[Publication], bib: Path) -> list[Problem]:
    """Two entries of one paper (a Zotero export merged with a DBLP one) print it twice."""
    index = Index()
    seen: dict[str, Publication] = {}
    problems = []
    for pub in sorted(pubs, key=lambda p: p.line or 0):
        identity = identity_of(pub)
        first = index.same_paper(identity)
        if first is None or not same_entry(seen[first], pub):
            label = f"{pub.key} (line {pub.line})" if pub.line else pub.key
            index.add(identity, label)
            seen.setdefault(label, pub)
            continue
        message = (
            f"the same paper as {first} (the same DOI, or the same title, year and venue), so "
            "the CV lists it twice; delete one of the two entries"
        )
        problems.append(Problem(str(bib), pub.line, pub.key, message, Severity.WARNING))
    return problems
