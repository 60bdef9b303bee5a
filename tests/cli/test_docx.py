"""`cvgen docx`: the tailored CV as Word, and reference documents refused with a clear error."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from cvgen.cli import main
from cvgen.model import CV
from tests.support.word_doc import (
    paragraphs,
    read,
    reference_docx,
)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not a zip at all", "not a Word document"),
        (b"", "not a Word document"),
    ],
)
def test_a_bad_reference_document_is_a_clear_error(tmp_path: Path, content, message) -> None:
    bad = tmp_path / "bad.docx"
    bad.write_bytes(content)
    out = tmp_path / "cv.docx"
    args = ["docx", "--reference-docx", str(bad), "-o", str(out)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1 and message in result.output and "Traceback" not in result.output
    assert not out.exists()


def test_a_macro_enabled_reference_is_refused(tmp_path: Path) -> None:
    reference = reference_docx(tmp_path / "ref.docx")
    data = io.BytesIO()
    with zipfile.ZipFile(reference) as src, zipfile.ZipFile(data, "w") as dst:
        for info in src.infolist():
            blob = src.read(info.filename)
            if info.filename == "[Content_Types].xml":
                blob = blob.replace(
                    b"wordprocessingml.document.main+xml", b"ms-word.document.macroEnabled.main+xml"
                )
            dst.writestr(info, blob)
    macro = tmp_path / "ref.docm"
    macro.write_bytes(data.getvalue())
    result = CliRunner().invoke(main, ["docx", "--reference-docx", str(macro), "-o", "x.docx"])
    assert result.exit_code == 1 and "macro-enabled" in result.output


def test_cvgen_docx_writes_the_tailored_cv(small_sources, small_cv: CV, tmp_path: Path) -> None:
    out = tmp_path / "out" / "cv.docx"
    args = ["docx", "--cv", str(small_sources.cv), "--since", "2020", "-o", str(out)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    doc = read(out.read_bytes())
    assert doc.core_properties.author == "Jonas Åberg"
    listed = [p.text for p in paragraphs(doc) if p.style.name == "CV Publication"]
    recent = [pub for pub in small_cv.publications if pub.year is None or pub.year >= 2020]
    assert 0 < len(listed) == len(recent) < len(small_cv.publications)
    assert all(any(pub.title.rstrip(".") in line for line in listed) for pub in recent)


def test_cvgen_docx_refuses_to_overwrite_its_reference(small_sources, tmp_path: Path) -> None:
    reference = reference_docx(tmp_path / "ref.docx")
    before = reference.read_bytes()
    args = ["docx", "--cv", str(small_sources.cv), "--reference-docx", str(reference)]
    result = CliRunner().invoke(main, [*args, "-o", str(reference)])
    assert result.exit_code == 2 and "overwrite the reference" in result.output
    assert reference.read_bytes() == before
