"""Citation metrics as `cvgen metrics` stores them in metrics.yaml (read in load/metrics.py)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from pydantic import Field

from cvgen.model.base import NonEmpty, Strict
from cvgen.util.bounds import MAX_COUNT

Count = Annotated[int, Field(ge=0, le=MAX_COUNT)]


class Metrics(Strict):
    """What one service counted on one day."""

    source: NonEmpty = Field(description="Who counted, e.g. OpenAlex.")
    author: str | None = Field(default=None, description="The source's id of the researcher.")
    fetched: date
    citations: Count
    h_index: Count
    i10_index: Count | None = None
    works: Count | None = None
    papers: dict[str, Count] = Field(
        default_factory=dict, description="Citations per .bib key, for the papers matched."
    )

    def citations_of(self, key: str) -> int | None:
        return self.papers.get(key)
