"""What makes two records one paper: the identity duplicate detection compares (DOIs, arXiv
id, normalised title and year, preprint or not), and an index of the papers known so far.

The loader warns about a paper entered twice in the .bib with it; `cvgen import` decides with
it which papers a service knows that the .bib lacks (remote/dedup.py).
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from cvgen.model import PubKind, Publication
from cvgen.util.ids import arxiv_id, bare_doi, doi_key

# Preprint servers' DOI prefixes: arXiv (DataCite), bioRxiv and medRxiv, Research Square,
# Preprints.org, ChemRxiv, OSF Preprints, PsyArXiv, SocArXiv.
PREPRINT_DOI_PREFIXES = frozenset(
    {"10.48550", "10.1101", "10.21203", "10.20944", "10.26434", "10.31219", "10.31234", "10.31235"}
)
_TAG = re.compile(r"<[^<>]{1,200}>")


def plain_text(text: str) -> str:
    """Service titles carry HTML and MathML ('<i>in vivo</i>', '&amp;'): keep the words."""
    return " ".join(html.unescape(_TAG.sub("", text)).split())


def normal_title(text: str) -> str:
    """The title as compared: accents, case, punctuation and markup do not make a new paper."""
    decomposed = unicodedata.normalize("NFKD", plain_text(text))
    letters = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return " ".join(re.sub(r"[\W_]+", " ", letters).split())


def is_preprint_doi(doi: str | None) -> bool:
    return doi is not None and doi.split("/", 1)[0] in PREPRINT_DOI_PREFIXES


@dataclass(frozen=True)
class Identity:
    """Everything that can show two records are one paper (or a preprint of it)."""

    dois: frozenset[str]  # lowercased
    arxiv: str | None
    title: str  # normalised
    year: int | None
    preprint: bool

    @classmethod
    def of(
        cls,
        title: str,
        year: int | None,
        dois: Sequence[str | None] = (),
        arxiv: str | None = None,
        preprint: bool = False,
    ) -> Identity:
        """`arxiv` is given for preprints only: a published paper's arXiv version is another
        record (matched to it by title), not the same one."""
        found = [d for d in (bare_doi(x) for x in dois if x) if d]
        arxiv = arxiv or next((arxiv_id(d) for d in found if d.startswith("10.48550/")), None)
        return cls(
            dois=frozenset(doi_key(d) for d in found),
            arxiv=arxiv,
            title=normal_title(title),
            year=year,
            preprint=preprint or any(is_preprint_doi(d) for d in found),
        )


def identity_of(pub: Publication) -> Identity:
    links = pub.links
    arxiv = next((a for a in (arxiv_id(x) for x in (links.arxiv, links.url) if x) if a), None)
    return Identity.of(
        pub.title,
        pub.year,
        [links.doi],
        arxiv if pub.kind is PubKind.PREPRINT else None,
        preprint=pub.kind is PubKind.PREPRINT,
    )


def _agree(mine: object, theirs: object) -> bool:
    if mine is None or theirs is None:
        return True
    if isinstance(mine, str) and isinstance(theirs, str):
        return normal_title(mine) == normal_title(theirs)
    return mine == theirs


def same_entry(first: Publication, second: Publication) -> bool:
    """Two entries of one paper: the same DOI; or, neither giving another DOI, the same title,
    year and kind at the same venue, month and place (where both say). A talk of one title
    given at five events is five entries."""
    one, two = identity_of(first), identity_of(second)
    if one.dois & two.dois:
        return True
    if (one.dois and two.dois) or one.title != two.title or first.year != second.year:
        return False
    pairs = ((first.venue, second.venue), (first.month, second.month))
    return (
        first.kind is second.kind
        and all(_agree(a, b) for a, b in pairs)
        and _agree(first.address, second.address)
    )


MIN_TITLE = 12  # characters: "Preface" or "Erratum" alone says nothing about sameness


def id_keys(identity: Identity) -> set[str]:
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
        for key in id_keys(identity):
            self._ids.setdefault(key, label)
        if len(identity.title) >= MIN_TITLE:
            self._title_year.setdefault((identity.title, identity.year, identity.preprint), label)
            self._titles[identity.preprint].setdefault(identity.title, label)

    def same_paper(self, identity: Identity) -> str | None:
        for key in sorted(id_keys(identity)):
            if key in self._ids:
                return self._ids[key]
        return self._title_year.get((identity.title, identity.year, identity.preprint))

    def other_version(self, identity: Identity) -> str | None:
        """The published version of a preprint, or the preprint of a published paper."""
        if len(identity.title) < MIN_TITLE:
            return None
        return self._titles[not identity.preprint].get(identity.title)
