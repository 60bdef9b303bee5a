"""Hostile text for the PDF engines: known TeX attacks, and a CV flooded with strings."""

from __future__ import annotations

import string

from hypothesis import strategies as st

from cvgen.model import CV, Author

ATTACKS = [
    r"\input{/etc/passwd}",
    r"\immediate\write18{touch pwned}",
    "^^5c^^5cinput",
    r"\catcode`\{=12 \def\x{",
    r"# $ % & _ { } ~ ^ \ [ ] |",
    "a--b---c ,,x<<y>> !`?`",
    "``quoted'' \"dq\" 'sq'",
    "$x^2$ 100% #1 \\\\ \\par",
    "Ünïcödé ñ ß ø Łódź",
]


# Printable ASCII and some Latin-1: what both engines set with Latin Modern alone.
ALPHABET = string.ascii_letters + string.digits + string.punctuation + " éüßñøÅ"


hostile = st.text(alphabet=ALPHABET, min_size=1, max_size=14).filter(lambda s: s.strip())


def flood(cv: CV, texts: list[str]) -> CV:
    """A copy of the CV with the texts spread over every free-text field, cycling."""
    pool = iter(texts * 3)
    data = cv.data
    person = data.person.model_copy(
        update={f: next(pool) for f in ("name", "position", "department", "affiliation", "address")}
    )

    def fill(item, *fields: str):
        return item.model_copy(update={f: next(pool) for f in fields})

    data = data.model_copy(
        update={
            "person": person,
            "research_statement": next(pool),
            "research_interests": [next(pool), next(pool)],
            "education": [
                fill(d, "degree", "field", "institution", "thesis") for d in data.education
            ],
            "appointments": [fill(a, "title", "institution") for a in data.appointments],
            "awards": [fill(a, "name", "organization", "note") for a in data.awards],
            "grants": [
                fill(g, "title", "funder", "program", "number", "note") for g in data.grants
            ],
            "students": [fill(s, "name", "thesis", "current_position") for s in data.students],
            "teaching": [fill(t, "course", "code", "institution") for t in data.teaching],
            "service": [fill(s, "role", "organization") for s in data.service],
            "talks": [fill(t, "title", "event", "location") for t in data.talks],
            "press": [fill(p, "title", "outlet") for p in data.press],
        }
    )
    pubs = [
        fill(p, "title", "venue").model_copy(
            update={"authors": [Author(first=next(pool), last=next(pool)), *p.authors]}
        )
        for p in cv.publications
    ]
    return cv.model_copy(update={"data": data, "publications": pubs})
