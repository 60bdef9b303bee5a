"""Formatted references on disk (citations/cache.py): the cache returns what the engine made."""

from __future__ import annotations

import hashlib

import pytest

from cvgen.citations import cache as reference_cache
from cvgen.citations.style import CitationStyle, load_style
from cvgen.model import Author
from tests.support.paths import ROOT
from tests.support.researchers import STYLE_OWNER, article


def test_the_cache_returns_what_the_engine_made(monkeypatch: pytest.MonkeyPatch) -> None:
    pubs = [
        article([STYLE_OWNER, Author(first="Kai", last="Fuente", von="de la", is_student=True)])
    ]
    style = load_style("apa", ROOT)
    assert isinstance(style, CitationStyle)
    fresh = style.references(pubs)
    monkeypatch.setattr(CitationStyle, "engine", lambda self: pytest.fail("cache missed"))
    assert style.references(pubs) == fresh
    cache_file = reference_cache.ReferenceCache(style.file.fingerprint()).path
    _, _, body = cache_file.read_bytes().partition(b"\n")
    body = body.replace(b"Ruiz-Tagle", b"Forged")  # a forger can hash, but not sign
    cache_file.write_bytes(hashlib.sha256(body).hexdigest().encode() + b"\n" + body)
    monkeypatch.undo()
    assert style.references(pubs) == fresh
