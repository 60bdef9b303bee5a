"""A paper as a service lists it, and the identity that duplicate detection compares.

A listing (ORCID's works summary) may name a paper without giving its authors; `Work` then
carries what its source needs to fetch the full record later, for the new papers only.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from cvgen.model import Author, PubKind, Publication
from cvgen.remote.ids import arxiv_id, bare_doi, doi_key

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


@dataclass(frozen=True)
class Work:
    """One paper a service knows. `publication` is the full record when the listing gave it;
    otherwise `ref` is what its source needs to fetch it."""

    title: str
    year: int | None
    identity: Identity
    publication: Publication | None = None
    native_key: str | None = None  # the key the source gives it (DBLP's), for DBLP-style files
    doi: str | None = None  # as the source spells it (identities compare lowercased)
    ref: Any = field(default=None, compare=False)

    @classmethod
    def from_publication(
        cls, pub: Publication, native_key: str | None = None, ref: Any = None
    ) -> Work:
        doi = bare_doi(pub.links.doi) if pub.links.doi else None
        return cls(pub.title, pub.year, identity_of(pub), pub, native_key, doi, ref)

    def describe(self) -> str:
        """'2023  Sharpness-Aware Minimisation Revisited  (doi:10.5555/123)' for reports."""
        arxiv = self.identity.arxiv
        where = f"doi:{self.doi}" if self.doi else f"arXiv:{arxiv}" if arxiv else None
        text = f"{self.year or '----'}  {plain_text(self.title)}"
        return f"{text}  ({where})" if where else text


def author_from_name(name: str) -> Author:
    """'Miriam Adler-Katz' or 'Ludwig van Beethoven' as printed in a service's JSON, split as
    BibTeX splits a name, so it is matched and written like any author in the .bib."""
    from bibtexparser.middlewares.names import parse_single_name_into_parts

    plain = " ".join(name.replace("{", "").replace("}", "").replace("\\", "").split())
    parts = parse_single_name_into_parts(plain, strict=False)
    last = " ".join(parts.last) or plain
    return Author(
        first=" ".join(parts.first), von=" ".join(parts.von), last=last, jr=" ".join(parts.jr)
    )
