"""An imported entry is held to cvgen's own loader before it reaches the user's .bib
(remote/checked.py): control characters are scrubbed from every text, and an entry the loader
would refuse is named with the loader's reason."""

from __future__ import annotations

from cvgen.model import Author, Publication
from cvgen.remote.checked import refusal, scrubbed
from tests.support.researchers import article


def pub(**fields) -> Publication:
    authors = fields.pop("authors", [Author(first="Miriam", last="Adler")])
    return article(authors, key="adler2020deep", **fields)


def test_control_characters_leave_every_text() -> None:
    dirty = pub(
        title="Deep\x1b[2J rivers\x07",
        authors=[Author(first="Mi\x00riam", last="Adler\x9b")],
        tags=["river\x08s"],
        note="tab\tand newline\n stay",
    )
    clean = scrubbed(dirty)
    assert clean.title == "Deep[2J rivers"
    assert clean.authors == [Author(first="Miriam", last="Adler")]
    assert clean.tags == ["rivers"] and clean.note == "tab\tand newline\n stay"
    assert dirty.title == "Deep\x1b[2J rivers\x07"  # a new entry; the old one is left as it was


def test_a_clean_entry_is_returned_as_it_is() -> None:
    entry = pub()
    assert scrubbed(entry) is entry


def test_an_entry_the_loader_accepts_has_no_refusal() -> None:
    assert refusal(pub()) is None
    assert refusal(pub(pages="1--10", volume="3", number="2")) is None


def test_an_entry_the_loader_refuses_is_named_with_its_reason() -> None:
    assert refusal(pub(year=99999)) == "expected a four-digit year, got '99999'"
    assert refusal(pub(authors=[Author(last=" ")])) == "required field is missing"
    assert refusal(pub(title="")) == "required field is missing"
