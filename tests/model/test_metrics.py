"""Citation metrics as stored in metrics.yaml (model/metrics.py)."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from cvgen.model.metrics import Metrics


def test_a_papers_count_is_found_by_its_key() -> None:
    metrics = Metrics(
        source="OpenAlex", fetched=dt.date(2026, 1, 5), citations=120, h_index=6,
        papers={"aberg2020learning": 42},
    )  # fmt: skip
    assert metrics.citations_of("aberg2020learning") == 42
    assert metrics.citations_of("unknown") is None


def test_counts_are_never_negative_and_the_source_is_named() -> None:
    with pytest.raises(ValidationError):
        Metrics(source="X", fetched="2026-01-05", citations=-1, h_index=0)
    with pytest.raises(ValidationError):
        Metrics(source="", fetched="2026-01-05", citations=1, h_index=0)
