"""BibTeX at the edges of an import: a service's BibTeX read with cvgen's own loader, and the
new entries written in cvgen's conventions.

Writing goes through cvgen's BibTeX writer (the only import of it in this package), so an
imported entry reloads as exactly the publication that was decided on; reading goes through
cvgen's loader, so DBLP's `crossref` volumes and CoRR preprints mean what they mean in a CV.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from cvgen.exports.bibtex import to_bibtex
from cvgen.load.bibtex.file import parse_bibtex
from cvgen.load.bibtex.preprints import server_named
from cvgen.load.identity import plain_text
from cvgen.model import PubKind, Publication

_CROSSREF = re.compile(r"\bcrossref\s*=\s*[{\"]\s*([^}\"\s]+)", re.I)


def read_service_bibtex(
    text: str, source: str, is_own: Callable[[Publication], bool] | None = None
) -> tuple[list[Publication], list[str]]:
    """A service's BibTeX as publications, plus a warning for each entry that had to be skipped.

    Volumes that papers `crossref` are left out on purpose, and a `crossref` to a volume the
    file lacks is no loss (DBLP repeats the booktitle), so only papers the loader could not
    read count.
    """
    publications, problems = parse_bibtex(text, source, is_own)
    volumes = {key.lower() for key in _CROSSREF.findall(text)}  # left out on purpose
    loaded = {pub.key for pub in publications}
    skipped: dict[str, str] = {}
    for problem in problems:
        key = problem.field.split(".")[0]
        wanted = key and key not in loaded and key.lower() not in volumes
        if problem.is_error and wanted and not problem.field.endswith(".crossref"):
            skipped.setdefault(key, f"{source}: skipped {key}: {problem.message}")
    return publications, list(skipped.values())


def _url_repeats_an_id(pub: Publication) -> bool:
    url = (pub.links.url or "").lower()
    ids = [i.lower() for i in (pub.links.doi, pub.links.arxiv) if i]
    return any(url.endswith(i) and ("doi.org/" in url or "arxiv.org/" in url) for i in ids)


def _names_arxiv(venue: str | None) -> bool:
    """'CoRR', 'arXiv', 'arXiv e-prints': a venue that only names arXiv, which the eprint says."""
    server = server_named(venue)
    return server is not None and server.name == "arXiv"


def cleaned(pub: Publication, key: str) -> Publication:
    """The entry as cvgen writes it: plain-text title and venue (services send HTML), no url
    that only repeats the DOI, no venue or publisher said twice, and an arXiv preprint as
    `@misc` with its eprint (cvgen's preprint convention) rather than DBLP's `@article`."""
    changes: dict = {"key": key, "title": plain_text(pub.title), "line": None}
    venue = plain_text(pub.venue) if pub.venue else None
    if pub.kind is PubKind.PREPRINT and pub.links.arxiv and _names_arxiv(venue):
        venue = None  # the eprint says it
    changes["venue"] = venue
    if pub.publisher and pub.publisher == venue:
        changes["publisher"] = None  # Crossref names a preprint server as both
    if _url_repeats_an_id(pub):
        changes["links"] = pub.links.model_copy(update={"url": None})
    if pub.kind is PubKind.PREPRINT and pub.entry_type == "article":
        changes["entry_type"] = "misc" if pub.links.arxiv else "unpublished"
    return pub.model_copy(update=changes)


def bibtex_text(publications: list[Publication]) -> str:
    return to_bibtex(publications)
