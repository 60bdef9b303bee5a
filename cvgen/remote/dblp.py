"""DBLP: a person's whole bibliography is one BibTeX file, $CVGEN_DBLP_URL/pid/PID.bib.

DBLP writes conference papers with a `crossref` to their proceedings volume and arXiv papers as
`@article` in the journal 'CoRR'; cvgen's loader already reads both as a CV means them. DBLP
tells namesakes apart with a number after the name ('Wei Wang 0003'), which is not part of
anyone's name and is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import quote

from cvgen.model import Author, Publication
from cvgen.remote.entries import read_service_bibtex
from cvgen.remote.http import DBLP, BadAnswer, Client, NotFound
from cvgen.remote.works import Work
from cvgen.util.ids import dblp_pid

_HOMONYM_NUMBER = re.compile(r"^\d{4}$")
_ENTRY = re.compile(r"@\s*[A-Za-z]+\s*[{(]")


def _without_homonym_number(author: Author) -> Author:
    """'Wei Wang 0003' parses as first 'Wei Wang', last '0003'."""
    if not (_HOMONYM_NUMBER.match(author.last) and author.first):
        return author
    *first, last = author.first.split()
    return author.model_copy(update={"first": " ".join(first), "last": last})


def _clean(pub: Publication) -> Publication:
    authors = [_without_homonym_number(a) for a in pub.authors]
    return pub.model_copy(update={"authors": authors}) if authors != pub.authors else pub


class DblpSource:
    def __init__(self, pid: str, is_own: Callable[[Publication], bool] | None = None):
        self.pid = dblp_pid(pid)
        self.label = f"DBLP {self.pid}"
        self.is_own = is_own
        self.warnings: list[str] = []
        self.fetches_each = False  # whether complete() makes a request per work

    def works(self, client: Client, track=iter) -> list[Work]:
        try:
            text = client.get_text(DBLP, f"/pid/{quote(self.pid)}.bib")
        except NotFound:
            raise NotFound(
                f"DBLP has no person {self.pid} (check the id after dblp.org/pid/)"
            ) from None
        if not _ENTRY.search(text):  # an error or notice page sent as text: no "0 papers"
            start = " ".join(text.split())[:60]
            raise BadAnswer(
                f"DBLP's answer for {self.pid} holds no BibTeX entry (it starts “{start}”); "
                "try again later"
            )
        pubs, self.warnings = read_service_bibtex(text, self.label, self.is_own)
        return [Work.from_publication(_clean(pub), native_key=pub.key) for pub in pubs]

    def complete(self, client: Client, work: Work) -> Publication | None:
        return work.publication
