"""Citation metrics as `cvgen metrics` stores them in metrics.yaml (read in load/metrics.py)."""

from __future__ import annotations

from datetime import date

from pydantic import Field, NonNegativeInt

from cvgen.model.base import NonEmpty, Strict


class Metrics(Strict):
    """What one service counted on one day."""

    source: NonEmpty = Field(description="Who counted, e.g. OpenAlex.")
    author: str | None = Field(default=None, description="The source's id of the researcher.")
    fetched: date
    citations: NonNegativeInt
    h_index: NonNegativeInt
    i10_index: NonNegativeInt | None = None
    works: NonNegativeInt | None = None
    papers: dict[str, NonNegativeInt] = Field(
        default_factory=dict, description="Citations per .bib key, for the papers matched."
    )

    def citations_of(self, key: str) -> int | None:
        return self.papers.get(key)
