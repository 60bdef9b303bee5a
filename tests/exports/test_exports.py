"""The data exports (exports/__init__.py): found in the table of formats, over what the
document lists."""

from __future__ import annotations

import pytest

from cvgen.exports import hugo, jekyll, listed_entries, listed_publications
from cvgen.formats import get_format
from tests.support.exporting import small


def test_exports_are_found_by_their_format_name() -> None:
    assert get_format("jekyll").load() is jekyll.export
    assert get_format("hugo").load() is hugo.export
    assert get_format("hugo").is_export and not get_format("html").is_export
    with pytest.raises(KeyError):
        get_format("nope")


def test_the_listed_publications_are_the_documents_in_its_order_each_once() -> None:
    cv, document = small()
    keys = [e.key for e in document.all_entries() if e.key]
    listed = listed_publications(cv, document)
    assert [p.key for p in listed] == list(dict.fromkeys(keys))
    assert [(p.key, e.key) for p, e in listed_entries(cv, document)] == [
        (p.key, p.key) for p in listed
    ]
