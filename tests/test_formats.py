"""The one table of formats (cvgen/formats.py): every writer it names exists, suffixes choose
formats, and `cvgen build` names its outputs from it."""

from __future__ import annotations

import pytest

from cvgen.formats import (
    BUILD_FORMATS,
    FORMATS,
    LISTING_FORMATS,
    default_name,
    format_of_path,
    get_format,
)
from cvgen.writers import REGISTRY


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_every_row_names_a_writer_that_exists(name: str) -> None:
    fmt = FORMATS[name]
    assert fmt.name == name and fmt.load() is not None
    if fmt.listing:
        assert callable(fmt.load(listing=True).write)
    assert fmt.writes_listings() == (fmt.kind in ("listing", "data") or fmt.listing is not None)


def test_document_formats_are_the_writer_registrys_own() -> None:
    documents = {name: f for name, f in FORMATS.items() if f.kind == "document"}
    for name, fmt in documents.items():
        assert REGISTRY[name] == fmt.writer, name


def test_a_suffix_names_the_first_format_that_has_it() -> None:
    listings = ("text", "markdown", "bibtex", "csl-json", "json")
    assert format_of_path("erc.BIB", listings, "text") == "bibtex"
    assert format_of_path("list.md", listings, "text") == "markdown"
    assert format_of_path("items.json", listings, "text") == "csl-json"
    assert format_of_path("no-suffix", listings, "markdown") == "markdown"


def test_build_outputs_have_default_names_and_the_bio_its_own() -> None:
    assert default_name("pdf", None) == "cv.pdf"
    assert default_name("html", "erc") == "cv-erc.html"
    assert default_name("bio", "short") == "bio-short.txt"
    assert set(BUILD_FORMATS) == {"pdf", "latex", "html", "docx", "markdown", "bio"}
    assert "markdown" in LISTING_FORMATS and "hugo" not in LISTING_FORMATS


def test_an_unknown_format_names_the_known_ones() -> None:
    with pytest.raises(KeyError, match=r"unknown format .pfd.; known: .*pdf"):
        get_format("pfd")
    with pytest.raises(KeyError, match="writes no listing"):
        FORMATS["pdf"].load(listing=True)
