"""Publications as read from BibTeX (model/publications.py): authors, links, tags, statuses;
the loader's publications validate as they are."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from benchmarks.library import library_bib
from cvgen.load.bibtex.file import parse_bibtex
from cvgen.model.publications import Author, Links, PubKind, Publication, tag_keys


def test_publications_built_by_the_loader_validate_as_they_are(tmp_path: Path) -> None:
    pubs, _ = parse_bibtex(library_bib(500), "x.bib")
    assert [Publication.model_validate(p.model_dump()) for p in pubs] == pubs


def _pub(**fields) -> Publication:
    values = {"key": "k", "entry_type": "article", "kind": PubKind.JOURNAL, "title": "T"}
    return Publication(**{**values, "authors": [Author(last="B")], "year": 2020, **fields})


def test_an_author_reads_first_von_last_jr() -> None:
    assert Author(first="Ludwig", von="van", last="Beethoven", jr="Jr").display == (
        "Ludwig van Beethoven, Jr"
    )
    assert Author(last="Plato").display == "Plato"


def test_links_are_listed_in_order_with_ids_encoded_and_a_repeated_url_left_out() -> None:
    sici = "10.1002/(SICI)1097-4636(199812)43:4<338::AID-JBM1>3.0.CO;2-O"
    links = Links(
        doi=sici, arxiv="2103.04567", url="https://arxiv.org/abs/2103.04567v2", code="x/y"
    )
    assert links.items() == [
        ("doi", "https://doi.org/10.1002/(SICI)1097-4636(199812)43:4%3C338::AID-JBM1%3E3.0.CO;2-O"),
        ("arxiv", "https://arxiv.org/abs/2103.04567"),
        ("code", "x/y"),
    ]
    assert Links(url="https://example.org/p").items() == [("url", "https://example.org/p")]
    assert Links(doi="10.1/Ab", url="https://doi.org/10.1/ab").items() == [
        ("doi", "https://doi.org/10.1/Ab")
    ]


def test_an_unsafe_link_is_refused_when_the_model_is_made() -> None:
    with pytest.raises(ValidationError, match="not a safe link"):
        Links(url="javascript:alert(1)")
    with pytest.raises(ValidationError, match="write a space as %20"):
        Links(pdf="my paper.pdf")


def test_tags_match_whatever_their_case_and_space() -> None:
    assert tag_keys([" ERC ", "Selected"]) == {"erc", "selected"}
    pub = _pub(tags=["ERC"])
    assert pub.has_any_tag(["erc "]) and not pub.has_any_tag(["nsf"])


def test_status_annotations_and_the_year_shown() -> None:
    pending = _pub(status="in press", undated=True, award="Best paper")
    assert pending.forthcoming and pending.has_annotations and pending.shown_year is None
    granted = _pub(kind=PubKind.PATENT, status="granted", month=3)
    assert not granted.forthcoming and not granted.has_annotations
    assert (granted.shown_year, granted.date.iso()) == (2020, "2020-03")
    roles = _pub(authors=[Author(last="A", is_student=True, equal_contribution=True)])
    assert roles.has_student and roles.has_equal_contribution
