"""`cvgen metrics`: citation counts and h-index from OpenAlex, written to a dated metrics.yaml.

OpenAlex is open (CC0 data, no scraping, unlike Google Scholar badges that keep breaking) and
computes the h-index itself (`summary_stats`). Per-paper counts are matched to .bib keys here,
once, so a CV build only looks keys up. Semantic Scholar was left out: its counts are close to
OpenAlex's for most fields and its API wants a key for any steady use.
"""

from __future__ import annotations

from datetime import date

import yaml
from pydantic import ValidationError

from cvgen.errors import CvgenError
from cvgen.model import Metrics
from cvgen.remote.bibfile import BibFile
from cvgen.remote.http import Client
from cvgen.remote.openalex import OpenAlexSource, author_record
from cvgen.util.ids import openalex_author

HEADER = (
    "# Citation metrics, written by `cvgen metrics` (run it again to refresh them).\n"
    "# cvgen never fetches these while building a CV; cv.yaml's publications: metrics: decides\n"
    "# whether the CV shows them.\n"
)


def fetch_metrics(client: Client, author: str, bib: BibFile, today: date) -> Metrics:
    """`author` is an OpenAlex id or 'orcid:0000-...'; per-paper counts are keyed by .bib key."""
    record = author_record(client, author)
    stats = record.summary_stats
    if record.cited_by_count is None or stats is None or stats.h_index is None:
        raise CvgenError(f"OpenAlex's record of {author} has no citation counts")
    author_id = openalex_author((record.id or author).rsplit("/", 1)[-1])
    index = bib.index()
    keys = {pub.key for pub in bib.publications}
    papers: dict[str, int] = {}
    for work in OpenAlexSource(author_id).works(client):
        key = index.same_paper(work.identity) or index.other_version(work.identity)
        count = work.ref.cited_by_count
        if key in keys and count is not None:
            papers[key] = max(papers.get(key, 0), count)  # a paper OpenAlex holds twice
    try:
        return Metrics(
            source="OpenAlex",
            author=author_id,
            fetched=today,
            citations=record.cited_by_count,
            h_index=stats.h_index,
            i10_index=stats.i10_index,
            works=record.works_count,
            papers=dict(sorted(papers.items())),
        )
    except ValidationError as error:
        raise CvgenError(
            f"OpenAlex sent counts cvgen cannot keep: {error.errors()[0]['msg']}"
        ) from None


def metrics_yaml(metrics: Metrics) -> str:
    data = metrics.model_dump(exclude_none=True)
    return HEADER + yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
