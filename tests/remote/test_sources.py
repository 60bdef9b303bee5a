"""The services one at a time (remote/dblp.py, orcid.py, openalex.py, metrics.py) against the
local stand-ins of tests/support/remote_server.py."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from cvgen.remote.bibfile import read_bib
from cvgen.remote.dblp import DblpSource
from cvgen.remote.http import Client, NotFound
from cvgen.remote.metrics import fetch_metrics, metrics_yaml
from cvgen.remote.openalex import OpenAlexSource, author_record
from cvgen.remote.orcid import OrcidSource
from tests.support.remote_server import REMOTE, FakeServices

OWNER = "Miriam Adler-Katz"


def test_dblp_gives_every_paper_of_the_person_as_a_full_record(services: FakeServices) -> None:
    source = DblpSource("https://dblp.org/pid/71/8342.html")
    with Client("a@b.org") as client:
        works = source.works(client)
        assert source.pid == "71/8342" and not source.fetches_each
        assert len(works) == 7 and all(w.publication is not None for w in works)
        assert works[0].title == "Federated Optimisation with Heterogeneous Clients: Tight Rates"
        assert source.complete(client, works[0]) is works[0].publication
        with pytest.raises(NotFound, match="DBLP has no person 99/9999"):
            DblpSource("99/9999").works(client)


def test_orcid_lists_the_works_and_fetches_each_new_ones_record(services: FakeServices) -> None:
    source = OrcidSource("0000-0002-7134-5861", OWNER)
    with Client("a@b.org") as client:
        works = source.works(client)
        assert source.fetches_each and len(works) == 5
        assert all(w.publication is None for w in works)  # the listing holds summaries only
        assert works[0].title == "Lower bounds for decentralised stochastic optimisation"


def test_openalex_follows_the_cursor_and_gives_the_authors_counts(services: FakeServices) -> None:
    source = OpenAlexSource("https://openalex.org/A5023888391")
    with Client("a@b.org") as client:
        works = source.works(client)
        assert len(works) == 4 and len(services.requested("/openalex/works")) == 3
        record = author_record(client, "A5023888391")
        assert record.summary_stats is not None and record.summary_stats.h_index == 45


def test_metrics_are_dated_counted_per_bib_key_and_written_as_yaml(services: FakeServices) -> None:
    bib = read_bib(REMOTE / "existing.bib")
    with Client("a@b.org") as client:
        metrics = fetch_metrics(client, "A5023888391", bib, dt.date(2026, 1, 5))
    assert (metrics.source, metrics.citations, metrics.h_index) == ("OpenAlex", 12345, 45)
    assert metrics.papers == {"qiao2023sharpness": 120}
    text = metrics_yaml(metrics)
    assert text.startswith("# Citation metrics, written by `cvgen metrics`")
    assert yaml.safe_load(text)["fetched"] == dt.date(2026, 1, 5)
