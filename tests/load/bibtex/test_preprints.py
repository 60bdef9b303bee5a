"""Preprints however a .bib says so (load/bibtex/preprints.py): arXiv written the common ways
and the other servers."""

from __future__ import annotations

import pytest

from cvgen.load.bibtex.preprints import Preprint, arxiv_id, find_preprint, server_named
from cvgen.model import PubKind
from tests.support.bib import one_entry


@pytest.mark.parametrize(
    "fields",
    [
        "url = {https://arxiv.org/abs/2103.04567v2}",
        "journal = {arXiv preprint arXiv:2103.04567}",
        "doi = {10.48550/arXiv.2103.04567}",
        "journal = {CoRR}, volume = {abs/2103.04567}",
        "eprint = {2103.04567}, archivePrefix = {arXiv}",
    ],
)
def test_arxiv_preprints_written_the_common_ways(fields: str) -> None:
    for entry_type in ("misc", "article"):
        pub, _ = one_entry(
            f"@{entry_type}{{a, author = {{A B}}, title = {{T}}, year = 2021, {fields}}}"
        )
        assert (pub.kind, pub.venue, pub.links.arxiv) == (PubKind.PREPRINT, None, "2103.04567")


@pytest.mark.parametrize(
    ("fields", "server"),
    [
        ("doi = {10.1101/2020.03.05.979260}", "bioRxiv"),
        ("doi = {10.1101/2020.04.14.20065177}, journal = {medRxiv}", "medRxiv"),
        ("url = {https://papers.ssrn.com/sol3/papers.cfm?abstract_id=1}", "SSRN"),
        ("doi = {10.31234/osf.io/jbzw3}", "PsyArXiv"),
    ],
)
def test_other_preprint_servers_with_their_link(fields: str, server: str) -> None:
    pub, _ = one_entry(f"@misc{{a, author = {{A B}}, title = {{T}}, year = 2021, {fields}}}")
    assert (pub.kind, pub.venue) == (PubKind.PREPRINT, server)
    assert pub.links.items()


def test_a_venue_names_its_server() -> None:
    assert server_named("arXiv preprint arXiv:2103.04567").name == "arXiv"
    assert server_named("CoRR").name == "arXiv"
    assert server_named("bioRxiv").name == "bioRxiv"
    assert server_named("Nature") is None and server_named(None) is None


def test_the_arxiv_id_without_its_version_from_any_text() -> None:
    assert arxiv_id(None, "see https://arxiv.org/abs/2103.04567v3") == "2103.04567"
    assert arxiv_id("hep-th/9901001v2") == "hep-th/9901001"
    assert arxiv_id("10.1038/nature12373", "no id") is None


@pytest.mark.parametrize(
    ("fields", "preprint"),
    [
        ({"eprint": "arXiv:2103.04567", "archive": "arXiv"}, Preprint("arXiv", "2103.04567")),
        ({"doi": "10.48550/arXiv.2103.04567"}, Preprint("arXiv", "2103.04567")),
        ({"venue": "CoRR", "volume": "abs/2103.04567"}, Preprint("arXiv", "2103.04567")),
        ({"doi": "10.1101/2020.04.14.20065177", "venue": "medRxiv"}, Preprint("medRxiv")),
        ({"urls": ["https://www.biorxiv.org/content/1"]}, Preprint("bioRxiv")),
        ({"venue": "Nature", "doi": "10.1038/x"}, None),
    ],
)
def test_the_server_an_entrys_fields_point_to(fields: dict, preprint: Preprint | None) -> None:
    found = find_preprint(
        fields.get("venue"),
        fields.get("doi"),
        fields.get("urls", []),
        fields.get("eprint"),
        fields.get("archive"),
        fields.get("volume"),
    )
    assert found == preprint
