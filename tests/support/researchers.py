"""Researchers made for a test: latin-only, with co-authors in other scripts, a PI grant, a
CSL author."""

from __future__ import annotations

from cvgen.model import CV, Author, Grant, PubKind, Publication


def latin_only(cv: CV) -> CV:
    """The small researcher without the one paper whose title has a math ℓ."""
    return cv.model_copy(
        update={"publications": [p for p in cv.publications if "ℓ" not in p.title]}
    )


def with_coauthors(cv: CV, *names: tuple[str, str]) -> CV:
    pub = cv.publications[0]
    authors = [*pub.authors, *(Author(first=f, last=last) for f, last in names)]
    return cv.model_copy(update={"publications": [pub.model_copy(update={"authors": authors})]})


def pi_grant(funder: str, program: str | None, **more) -> Grant:
    return Grant(
        title=more.pop("title", "A project"), funder=funder, program=program, role="PI", **more
    )


def article(authors: list[Author], key: str = "a1", **fields: object) -> Publication:
    values = {
        "title": "A title",
        "venue": "Journal of Tests",
        "volume": "3",
        "pages": "1–9",
        "year": 2020,
        **fields,
    }
    return Publication(
        key=key, entry_type="article", kind=PubKind.JOURNAL, authors=authors, **values
    )  # type: ignore[arg-type]


STYLE_OWNER = Author(first="Ana María", last="Ruiz-Tagle", is_self=True)
