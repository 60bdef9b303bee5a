"""Never import a paper twice: match by DOI, arXiv id, and normalised title + year.

A preprint and its published version share a title but rarely a year or an identifier. A CV
lists the published paper, so a preprint whose title matches a published version (in the .bib
or in the same import) is reported and left out unless asked for; a published version of a
preprint already in the file is added, with a note that the preprint may now go.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from cvgen.remote.ids import arxiv_id, bare_doi
from cvgen.remote.works import Identity, Work, normal_title, plain_text

MIN_TITLE = 12  # characters: "Preface" or "Erratum" alone says nothing about sameness


class Verdict(StrEnum):
    NEW = "new"
    DUPLICATE = "duplicate"
    PREPRINT = "preprint of a published version"
    IGNORED = "ignored"


@dataclass(frozen=True)
class Decision:
    work: Work
    verdict: Verdict
    match: str | None = None  # the entry (key or description) it matched
    note: str | None = None  # said of new papers that relate to another


def _id_keys(identity: Identity) -> set[str]:
    return {f"doi:{d}" for d in identity.dois} | (
        {f"arxiv:{identity.arxiv}"} if identity.arxiv else set()
    )


class Index:
    """The papers known so far (the .bib's, then each one accepted), by every identity."""

    def __init__(self) -> None:
        self._ids: dict[str, str] = {}
        self._title_year: dict[tuple[str, int | None, bool], str] = {}
        self._titles: dict[bool, dict[str, str]] = {True: {}, False: {}}

    def add(self, identity: Identity, label: str) -> None:
        for key in _id_keys(identity):
            self._ids.setdefault(key, label)
        if len(identity.title) >= MIN_TITLE:
            self._title_year.setdefault((identity.title, identity.year, identity.preprint), label)
            self._titles[identity.preprint].setdefault(identity.title, label)

    def same_paper(self, identity: Identity) -> str | None:
        for key in sorted(_id_keys(identity)):
            if key in self._ids:
                return self._ids[key]
        return self._title_year.get((identity.title, identity.year, identity.preprint))

    def other_version(self, identity: Identity) -> str | None:
        """The published version of a preprint, or the preprint of a published paper."""
        if len(identity.title) < MIN_TITLE:
            return None
        return self._titles[not identity.preprint].get(identity.title)


class IgnoreList:
    """`publications: sources: ignore:` in cv.yaml: DOIs, arXiv ids or titles never to import
    (a namesake's paper DBLP attributes to you, an erratum)."""

    def __init__(self, items: Iterable[str]) -> None:
        self._ids: set[str] = set()
        self._titles: set[str] = set()
        for item in items:
            doi, arxiv = bare_doi(item), arxiv_id(item)
            if doi or arxiv:
                self._ids |= _id_keys(Identity.of("", None, [doi], arxiv))
            else:
                self._titles.add(normal_title(item))

    def __contains__(self, identity: Identity) -> bool:
        return bool(_id_keys(identity) & self._ids) or identity.title in self._titles


def decide(
    works: list[Work], index: Index, ignore: IgnoreList, include_preprints: bool = False
) -> list[Decision]:
    """One decision per work, in the works' order. Published works are decided first, so a
    preprint listed before its published version (as DBLP lists them) is still caught."""
    decisions: dict[int, Decision] = {}
    order = sorted(range(len(works)), key=lambda i: works[i].identity.preprint)
    for i in order:
        work = works[i]
        decisions[i] = _decide(work, index, ignore, include_preprints)
        if decisions[i].verdict is Verdict.NEW:
            index.add(work.identity, f"“{plain_text(work.title)}” (in this import)")
    return [decisions[i] for i in range(len(works))]


def _decide(work: Work, index: Index, ignore: IgnoreList, include_preprints: bool) -> Decision:
    identity = work.identity
    if identity in ignore:
        return Decision(work, Verdict.IGNORED)
    same = index.same_paper(identity)
    if same:
        return Decision(work, Verdict.DUPLICATE, same)
    other = index.other_version(identity)
    if other and identity.preprint:
        if include_preprints:
            return Decision(work, Verdict.NEW, other, f"a preprint of {other}")
        return Decision(work, Verdict.PREPRINT, other)
    if other:
        return Decision(work, Verdict.NEW, other, f"the published version of preprint {other}")
    return Decision(work, Verdict.NEW)
