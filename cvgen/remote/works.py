"""A paper as a service lists it (its identity: load/identity.py).

A listing (ORCID's works summary) may name a paper without giving its authors; `Work` then
carries what its source needs to fetch the full record later, for the new papers only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from cvgen.load.identity import Identity, identity_of, plain_text
from cvgen.model import Author, Publication
from cvgen.util.ids import bare_doi

_AND = re.compile(r"(?<!\S)(and|&)(?!\S)", re.I)


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
    BibTeX splits a name, so it is matched and written like any author in the .bib. A name
    with the word 'and' in it is an organisation's, kept whole (BibTeX would read two people)."""
    from bibtexparser.middlewares.names import parse_single_name_into_parts

    plain = " ".join(name.replace("{", "").replace("}", "").replace("\\", "").split())
    if _AND.search(plain):  # an organisation ('Ministry of Health and Welfare'): one name
        return Author(last=plain)
    parts = parse_single_name_into_parts(plain, strict=False)
    last = " ".join(parts.last) or plain
    return Author(
        first=" ".join(parts.first), von=" ".join(parts.von), last=last, jr=" ".join(parts.jr)
    )
