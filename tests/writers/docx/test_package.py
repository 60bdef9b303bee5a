"""The .docx package (writers/docx/package.py): the base document, its properties, a reference
document's checks, and bytes that depend only on the content and SOURCE_DATE_EPOCH."""

from __future__ import annotations

import datetime as dt
import zipfile
from io import BytesIO
from pathlib import Path

import pytest

from cvgen.errors import CvgenError
from cvgen.writers.docx.package import (
    PROPERTY_LIMIT,
    Properties,
    blank,
    build_time,
    has_footer,
    package_bytes,
    reference,
)
from tests.support.word_doc import read, reference_docx

PROPS = Properties("CV: Ada", "Ada Example", "Curriculum Vitae", ("learning", "physics"))


def test_the_build_time_is_source_date_epoch_else_todays_midnight(monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert build_time() == dt.datetime(2023, 11, 14, 22, 13, 20, tzinfo=dt.UTC)
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert build_time().time() == dt.time(0, 0)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "soon")
    with pytest.raises(CvgenError, match="SOURCE_DATE_EPOCH='soon' is not a number of seconds"):
        build_time()


def test_the_same_document_and_epoch_give_the_same_bytes(monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    first, second = package_bytes(blank(), PROPS), package_bytes(blank(), PROPS)
    assert first == second
    with zipfile.ZipFile(BytesIO(first)) as package:
        assert {info.date_time for info in package.infolist()} == {(2023, 11, 14, 22, 13, 20)}
        assert "docProps/thumbnail.jpeg" not in package.namelist()
    properties = read(first).core_properties
    assert (properties.title, properties.author, properties.keywords) == (
        "CV: Ada", "Ada Example", "learning, physics",
    )  # fmt: skip
    assert PROPERTY_LIMIT == 255


def test_a_reference_document_is_emptied_and_its_footer_noticed(tmp_path: Path) -> None:
    doc = reference(reference_docx(tmp_path / "ref.docx", footer="Institute"))
    assert [p.text for p in doc.paragraphs if p.text] == [] and has_footer(doc)
    assert not has_footer(reference(reference_docx(tmp_path / "plain.docx")))
    assert not has_footer(blank())


def test_a_file_that_is_not_a_word_document_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "ref.docx").write_bytes(b"not a zip")
    with pytest.raises(CvgenError, match=r"ref\.docx: not a Word document cvgen can read"):
        reference(tmp_path / "ref.docx")
