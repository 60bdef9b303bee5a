"""The writer registry and the options every writer reads (writers/__init__.py)."""

from __future__ import annotations

import pytest

from cvgen.errors import CvgenError
from cvgen.themes import load_theme
from cvgen.writers import REGISTRY, WriteOptions, get_writer, theme_of


@pytest.mark.parametrize("name", sorted(REGISTRY))
def test_every_registered_writer_has_its_name_suffix_and_write(name: str) -> None:
    writer = get_writer(name)
    assert writer.name == name and writer.suffix.startswith(".") and callable(writer.write)


def test_an_unknown_writer_names_the_known_ones() -> None:
    with pytest.raises(KeyError, match="unknown format 'pfd'; known: "):
        get_writer("pfd")


def test_paper_is_checked_and_read_whatever_its_case() -> None:
    assert WriteOptions(paper="Letter").paper == "letter"  # type: ignore[arg-type]
    assert WriteOptions().paper is None
    with pytest.raises(CvgenError, match="unknown paper size 'a5'; use one of: a4, letter"):
        WriteOptions(paper="a5")  # type: ignore[arg-type]


def test_the_theme_is_the_one_asked_for_else_classic() -> None:
    assert theme_of(WriteOptions()).name == "classic"
    assert theme_of(WriteOptions(theme=load_theme("modern"))).name == "modern"
