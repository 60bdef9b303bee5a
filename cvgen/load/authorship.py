"""A CV lists one's own work: the entries that do not name the researcher, said as precisely as
the file allows. Where the owner's name is nowhere, the spelling the file does use most; where
an entry names someone with the owner's surname only (a namesake, or another spelling), that
name; where many entries name only a collaboration, that, rather than "a reference library?".
"""

from __future__ import annotations

import heapq
import re
from collections import Counter
from pathlib import Path

from cvgen.errors import Problem, Severity
from cvgen.load.people import keys_for
from cvgen.model import Author, CvData, Publication
from cvgen.util.names import fold

PER_ENTRY_AUTHORSHIP_WARNINGS = 10  # beyond: one summary, as for a whole reference library
_COLLABORATION = re.compile(
    r"\b(?:collaboration|consortium|collaborators|team|group|network|investigators)\b", re.I
)


def _as_written(author: Author) -> str:
    """'Van Dijk, Pieter': the form to copy into person.name_variants."""
    surname = " ".join(p for p in (author.von, author.last) if p)
    return f"{surname}, {author.first}" if author.first else surname


def _most_frequent(pubs: list[Publication]) -> tuple[str, int] | None:
    """The author named in most entries, when they are in at least half of them."""
    counts = Counter(  # Counter keeps the first seen first among equals
        name
        for pub in pubs
        for name in dict.fromkeys(_as_written(a) for a in pub.authors if a.first)
    )
    if not counts:
        return None
    name, count = counts.most_common(1)[0]
    return (name, count) if count >= 2 and count * 2 >= len(pubs) else None


def _collaboration_only(pub: Publication) -> bool:
    """Authors that are a collaboration's name, or a list ending in 'and others'."""
    names = [a.display for a in pub.authors]
    return bool(names) and (names[-1] == "et al." or any(map(_COLLABORATION.search, names)))


def authorship_warnings(data: CvData, pubs: list[Publication], bib: Path) -> list[Problem]:
    """Entries that do not name the researcher: one by one when they are few, else one."""
    foreign = [pub for pub in pubs if not any(a.is_self for a in [*pub.authors, *pub.editors])]
    name = data.person.name
    if foreign and len(foreign) == len(pubs):
        frequent = _most_frequent(pubs)
        spelling = (
            f"; {frequent[0]!r} is an author of {frequent[1]} of the {len(pubs)} entries: if that "
            f"is you, add that spelling to person.name_variants"
            if frequent
            else "; add the spellings you publish under to person.name_variants"
        )
        message = f"{name!r} matches no author in any entry{spelling}"
        return [Problem(str(bib), None, "author", message, Severity.WARNING)]
    if len(foreign) > PER_ENTRY_AUTHORSHIP_WARNINGS:
        return [_summary(name, foreign, pubs, bib)]
    surnames = {s for key in keys_for(name, data.person.name_variants) for s in key.surnames}
    return [_one_entry(name, pub, surnames, bib) for pub in foreign]


def _summary(name: str, foreign: list[Publication], pubs: list[Publication], bib: Path):
    first = heapq.nsmallest(3, foreign, key=lambda p: p.line or 0)
    examples = ", ".join(f"{p.key} (line {p.line})" for p in first)
    head = (
        f"{len(foreign):,} of {len(pubs):,} entries name no author matching {name!r} "
        f"({examples}, ...), yet the CV lists them as yours"
    )
    collaboration = sum(map(_collaboration_only, foreign))
    if collaboration * 2 >= len(foreign):
        message = (
            f"{head}; {collaboration:,} of them name a collaboration or end in 'and others' "
            "without you. Add your name to their author field, or tag them "
            "(keywords = {mine}) and select them with --tag mine"
        )
    else:
        message = (
            f"{head}. A reference library? Tag your own papers (keywords = {{mine}}) and select "
            "them: --tag mine, or `tags: [mine]` in a variant. Papers of yours among them: add "
            "the spelling they use to person.name_variants"
        )
    where = f"{first[0].key}.author"
    return Problem(str(bib), first[0].line, where, message, Severity.WARNING)


def _one_entry(name: str, pub: Publication, surnames: set[str], bib: Path) -> Problem:
    namesake = next(
        (a for a in pub.authors if fold(a.von + a.last) in surnames or fold(a.last) in surnames),
        None,
    )
    if namesake is not None:
        message = (
            f"no author matches {name!r}: {_as_written(namesake)!r} has your surname but other "
            "given names; if that is you, add that spelling to person.name_variants"
        )
    else:
        message = (
            f"no author matches {name!r}, yet it is listed as yours; check the entry, or add "
            "the spelling used here to person.name_variants"
        )
    return Problem(str(bib), pub.line, f"{pub.key}.author", message, Severity.WARNING)
