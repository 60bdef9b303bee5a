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

from cvgen.load.identity import Identity, Index, id_keys, normal_title, plain_text
from cvgen.remote.works import Work
from cvgen.util.ids import arxiv_id, bare_doi


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


class IgnoreList:
    """`publications: sources: ignore:` in cv.yaml: DOIs, arXiv ids or titles never to import
    (a namesake's paper DBLP attributes to you, an erratum)."""

    def __init__(self, items: Iterable[str]) -> None:
        self._ids: set[str] = set()
        self._titles: set[str] = set()
        for item in items:
            doi, arxiv = bare_doi(item), arxiv_id(item)
            if doi or arxiv:
                self._ids |= id_keys(Identity.of("", None, [doi], arxiv))
            else:
                self._titles.add(normal_title(item))

    def __contains__(self, identity: Identity) -> bool:
        return bool(id_keys(identity) & self._ids) or identity.title in self._titles


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
