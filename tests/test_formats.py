"""The one table of formats: every row's writer exists and writes, suffixes name formats, and
the commands, the build and cv.yaml's schema read the table rather than lists of their own."""

from __future__ import annotations

import typing

import pytest

from cvgen.build.schema import cv_json_schema
from cvgen.formats import (
    BIO,
    BUILD_FORMATS,
    ENGINES,
    FORMATS,
    LISTING_FORMATS,
    PAPERS,
    Paper,
    default_name,
    format_of_path,
    get_format,
)


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_every_row_names_a_writer_that_exists(name: str) -> None:
    form = FORMATS[name]
    writer = form.load()
    assert callable(writer) if form.is_export else callable(writer.write)
    if form.listing:
        assert callable(form.load(listing=True).write)


def test_suffixes_name_formats_among_those_a_command_writes() -> None:
    assert format_of_path("erc.bib", LISTING_FORMATS, "text") == "bibtex"
    assert format_of_path("list.HTM", LISTING_FORMATS, "text") == "html"
    assert format_of_path("papers.json", LISTING_FORMATS, "text") == "json"
    assert format_of_path("notes.xyz", LISTING_FORMATS, "text") == "text"
    assert format_of_path("site/papers.bib", ("al-folio",), "jekyll") == "al-folio"


def test_build_outputs_and_their_default_names() -> None:
    assert BUILD_FORMATS == ("pdf", "latex", "html", "docx", BIO, "markdown")
    assert default_name("pdf", "erc") == "cv-erc.pdf"
    assert default_name("markdown", None) == "publications.md"
    assert default_name(BIO, "short") == "bio-short.txt"


def test_papers_and_engines_are_defined_once() -> None:
    assert typing.get_args(Paper) == PAPERS
    schema = cv_json_schema()
    output = schema["$defs"]["OutputSpec"]["properties"]
    assert output["format"]["enum"] == list(BUILD_FORMATS)
    assert output["engine"]["enum"] == list(ENGINES)
    with pytest.raises(KeyError, match="unknown format 'rtf'"):
        get_format("rtf")


def test_commands_offer_the_table_s_formats_and_engines() -> None:
    from cvgen.cli.filter import command as filter_command
    from cvgen.cli.pdf import command as pdf_command

    def choices(command, name: str) -> tuple[str, ...]:
        return tuple(next(p for p in command.params if p.name == name).type.choices)

    assert choices(filter_command, "fmt") == LISTING_FORMATS
    assert choices(pdf_command, "engine") == ENGINES
    assert choices(pdf_command, "paper") == PAPERS


def test_an_unknown_format_names_the_known_ones() -> None:
    with pytest.raises(KeyError, match=r"unknown format .pfd.; known: .*pdf"):
        get_format("pfd")
    with pytest.raises(KeyError, match="writes no listing"):
        FORMATS["pdf"].load(listing=True)
