"""Identifiers (util/ids.py): bare DOIs, arXiv ids, profile URLs reduced to their ids."""

from __future__ import annotations

import pytest

from cvgen.util.ids import arxiv_id, bare_doi, dblp_pid, openalex_author

# Old Wiley DOIs hold <, >, ; and :
SICI = "10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-O"


@pytest.mark.parametrize(
    ("text", "doi"),
    [
        ("10.1137/21M1412345", "10.1137/21M1412345"),
        ("https://doi.org/10.1137/21M1412345", "10.1137/21M1412345"),
        ("http://dx.doi.org/10.1137/21m1412345", "10.1137/21m1412345"),
        (f"doi: {SICI}", SICI),
        ("not a doi", None),
        ("10.1137", None),
    ],
)
def test_bare_doi(text, doi):
    assert bare_doi(text) == doi


@pytest.mark.parametrize(
    ("text", "arxiv"),
    [
        ("2402.05678v2", "2402.05678"),
        ("arXiv:2402.05678", "2402.05678"),
        ("https://arxiv.org/abs/2402.05678v1", "2402.05678"),
        ("10.48550/ARXIV.2402.05678", "2402.05678"),
        ("abs/2402.05678", "2402.05678"),  # DBLP's CoRR volume
        ("DBLP:journals/corr/abs-2402-05678", "2402.05678"),
        ("hep-th/9901001", "hep-th/9901001"),
        ("10.1137/21M1412345", None),
    ],
)
def test_arxiv_id(text, arxiv):
    assert arxiv_id(text) == arxiv


def test_profile_urls_reduce_to_ids():
    assert dblp_pid("https://dblp.org/pid/71/8342.html") == "71/8342"
    assert dblp_pid("h/GeoffreyEHinton") == "h/GeoffreyEHinton"
    assert openalex_author("https://openalex.org/a5023888391") == "A5023888391"
    with pytest.raises(ValueError, match="not a DBLP person id"):
        dblp_pid("Miriam Adler-Katz")
