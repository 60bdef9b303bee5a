"""Authors' names printed one consistent way, and long author lists cut around the researcher.

Exporters write names differently ("Shimon Marom" in one entry, "S Marom" in the next); a CV
prints them one way (design.author_names): initials (the default, "S. Marom", "L. F. Abbott"),
full (the full given names wherever any entry, or the researcher's own name, gives them) or
as-written. A collaboration paper's hundreds of authors are cut to the first
design.max_authors, then "…", the researcher in place, and "et al. (436 authors)".
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from cvgen.model import Author, AuthorNames, Publication
from cvgen.util.names import fold, given_tokens, initials, is_initials

ET_AL = "et al."
FullNames = Mapping[tuple[str, tuple[str, ...]], str]


@dataclass(frozen=True)
class NameStyle:
    """How names print: their form, the longest list shown whole, the full given names known."""

    form: AuthorNames = "initials"
    max_authors: int | None = 20
    full: FullNames = field(default_factory=dict)


# Composing without a design (a test, a tool's own rendering): names as written, every one;
# a CV's design (design.author_names, design.max_authors) says otherwise.
DEFAULT_STYLE = NameStyle("as-written", None)


def shown_name(author: Author, style: NameStyle) -> str:
    """The author's name as the CV prints it."""
    if not author.first or style.form == "as-written" or author.last == ET_AL:
        return author.display
    if style.form == "initials":
        first = initials(author.first)
    else:
        first = _full_given(author, style.full) or author.first
    name = " ".join(p for p in (first, author.von, author.last) if p)
    return f"{name}, {author.jr}" if author.jr else name


def _key(author: Author) -> str:
    return fold(f"{author.von}{author.last}")


def _full_given(author: Author, full: FullNames) -> str | None:
    """Full given names for an author written with initials, when exactly one full form with
    those initials is known for that surname."""
    if not is_initials(author.first):
        return None
    mine = given_tokens(author.first)
    found = {
        name
        for (surname, letters), name in full.items()
        if surname == _key(author) and letters[: len(mine)] == mine
    }
    return found.pop() if len(found) == 1 else None


def full_names(pubs: Iterable[Publication], own: Iterable[Author] = ()) -> dict:
    """Surname and initials -> the one full form of the given names the entries (or the
    researcher's own names) use; a surname and initials with two full forms has none."""
    forms: dict[tuple[str, tuple[str, ...]], set[str]] = defaultdict(set)
    people = [*own, *(a for pub in pubs for a in (*pub.authors, *pub.editors))]
    for author in people:
        if author.first and not is_initials(author.first):
            letters = tuple(token[0] for token in given_tokens(author.first))
            forms[(_key(author), letters)].add(author.first)
    return {key: names.pop() for key, names in forms.items() if len(names) == 1}


def written_name(name: str) -> Author:
    """A name as cv.yaml writes it ('Shimon Marom', 'Marom, Shimon', 'Pieter van Dijk') as an
    Author: its last word the surname, lower-case words before it the particle."""
    surname, comma, given = name.partition(",")
    if comma:
        return Author(first=given.strip(), last=surname.strip())
    words = name.split()
    cut = len(words) - 1
    while cut > 1 and words[cut - 1][:1].islower():
        cut -= 1
    return Author(first=" ".join(words[:cut]), von=" ".join(words[cut:-1]), last=words[-1])


class Cut:
    """Where a capped list leaves authors out: a gap ("…"), or its end ("et al. (N authors)",
    `et_al` False when the last author is among those shown)."""

    def __init__(self, total: int | None = None, et_al: bool = True):
        self.total, self.et_al = total, et_al


def capped(authors: list[Author], style: NameStyle) -> list[Author | Cut]:
    """The first max_authors authors, then "…" and the researcher where they come later (and
    their students, likewise), then "et al. (N authors)"; a list within the cap, whole."""
    limit = style.max_authors
    listed = [a for a in authors if a.last != ET_AL]
    if limit is None or len(listed) <= limit:
        return list(authors)
    shown: list[Author | Cut] = list(listed[:limit])
    last = limit - 1
    for index in range(limit, len(listed)):
        author = listed[index]
        if author.is_self or author.is_student:
            if index != last + 1:
                shown.append(Cut())
            shown.append(author)
            last = index
    shown.append(Cut(len(listed), et_al=last != len(listed) - 1))
    return shown
