"""Link fields as real files write them (load/bibtex/links.py): several addresses, Markdown,
\\url{}, escapes, spaces, `www.` without a scheme, Mendeley's NA, DOIs with labels."""

from __future__ import annotations

import pytest

from cvgen.load.bibtex.links import Link, first_address, repaired_doi, repaired_link

TANDF = "https://www.tandfonline.com/doi/full/10.1080/13876988.2018.1462604"


def test_several_addresses_link_the_first_with_a_warning() -> None:
    raw = f"{TANDF} https://doi.org/10.1080/13876988.2018.1462604"
    assert first_address(raw) == TANDF
    assert repaired_link(raw) == Link(TANDF, f"holds 2 links; the CV links the first, {TANDF}")


def test_markdown_links_of_a_website_link_the_first() -> None:
    raw = "[PubMed](https://pubmed.ncbi.nlm.nih.gov/31000000/) [PR](https://example.org/pr)"
    link = repaired_link(raw)
    assert link.url == "https://pubmed.ncbi.nlm.nih.gov/31000000/"
    assert link.warning is not None and link.warning.startswith("holds 2 links")


@pytest.mark.parametrize(
    ("raw", "url"),
    [
        ("\\url{https://arxiv.org/abs/2101.00001}", "https://arxiv.org/abs/2101.00001"),
        ("www.example.org/paper", "https://www.example.org/paper"),
        ("https://example.org/my paper.pdf", "https://example.org/my%20paper.pdf"),
        ("http://dx.doi.org/10.1037/met0000025 NA", "http://dx.doi.org/10.1037/met0000025"),
        ("https://example.org/a.pdf.", "https://example.org/a.pdf"),  # sentence's full stop
        (
            "http://www.scielo.cl/scielo.php?script=sci{\\_}arttext{\\&}pid=S0718",
            "http://www.scielo.cl/scielo.php?script=sci_arttext&pid=S0718",
        ),
    ],
)
def test_one_address_is_repaired_without_a_warning(raw: str, url: str) -> None:
    assert repaired_link(raw) == Link(url)


def test_an_unsafe_link_is_dropped_with_the_reason() -> None:
    assert repaired_link("javascript:alert(1)") == Link(
        None,
        "'javascript:alert(1)' is not a safe link: use http(s)://, mailto:, doi: or a relative "
        "path; the link is left out (the entry is shown)",
    )


@pytest.mark.parametrize(
    "raw",
    [
        "https://doi.org/10.1002/anie.201915678",
        "DOI: 10.1002/anie.201915678",
        "10.1002/anie.201915678",
    ],
)
def test_repaired_doi_is_the_bare_doi(raw: str) -> None:
    assert repaired_doi(raw) == Link("10.1002/anie.201915678")


def test_a_doi_beside_other_text_is_found() -> None:
    assert repaired_doi("see 10.5555/12345678, published") == Link("10.5555/12345678")


def test_a_doi_field_without_a_doi_is_dropped_with_a_warning() -> None:
    assert repaired_doi("not a doi") == Link(
        None, "'not a doi' is not a DOI (10.NNNN/...); it is left out (the entry is shown)"
    )
