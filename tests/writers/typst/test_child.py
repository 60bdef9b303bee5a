"""The Typst child's side (writers/typst/child.py), run in-process: a JSON request on stdin,
the PDF on stdout; a Typst error is its message on stderr and status 3; a template PDF/UA
refuses (a character no font has) is typeset without the claim."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from typing import ClassVar

import pytest

from cvgen.writers.typst import child
from cvgen.writers.typst.writer import STANDARDS

STAMP = 1_700_000_000


class Streams:
    """stdin holding the request, and what the child writes to stdout and stderr."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, request: dict) -> None:
        self.out, self.err = io.BytesIO(), io.StringIO()
        monkeypatch.setattr(sys, "stdin", io.StringIO(json.dumps(request)))
        monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(self.out))
        monkeypatch.setattr(sys, "stderr", self.err)

    def pdf(self) -> bytes:
        sys.stdout.flush()
        return self.out.getvalue()


def request(folder: Path, template: str, standards: list[str] = STANDARDS) -> dict:
    (folder / "packages").mkdir(exist_ok=True)
    (folder / "cv.typ").write_text(template, encoding="utf-8")
    return {"template": str(folder / "cv.typ"), "root": str(folder),
            "packages": str(folder / "packages"), "data": '{"name": "Ada Lovelace"}',
            "timestamp": STAMP, "standards": standards}  # fmt: skip


def test_the_template_gets_the_cv_and_the_pdf_is_written(monkeypatch, tmp_path: Path) -> None:
    import pypdf

    template = '#let cv = json(bytes(sys.inputs.cvgen))\n#set document(title: "CV")\n= #cv.name\n'
    streams = Streams(monkeypatch, request(tmp_path, template))
    assert child.main() == 0
    pdf = streams.pdf()
    assert pdf.startswith(b"%PDF") and streams.err.getvalue() == ""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert "Ada Lovelace" in reader.pages[0].extract_text()
    assert reader.metadata.creation_date.timestamp() == STAMP  # the build's date, not now


def test_a_typst_error_is_its_message_and_status_3(monkeypatch, tmp_path: Path) -> None:
    streams = Streams(monkeypatch, request(tmp_path, '#read("missing.txt")'))
    assert child.main() == child.TYPST_ERROR == 3
    assert streams.pdf() == b"" and "file not found" in streams.err.getvalue()


class FakeTypst:
    """A typst module whose compiler refuses PDF/UA (`ua`) or everything (`other`)."""

    class TypstError(Exception):
        def __init__(self, message: str) -> None:
            super().__init__(message)
            self.message = message

    refusal = ""
    calls: ClassVar[list[dict]] = []

    class Compiler:
        def __init__(self, template, **options) -> None:
            pass

        def compile(self, **options) -> bytes:
            FakeTypst.calls.append(options)
            if "pdf_standards" in options and FakeTypst.refusal:
                raise FakeTypst.TypstError(FakeTypst.refusal)
            return b"%PDF-fake"


@pytest.mark.parametrize(
    ("refusal", "status", "output", "tries"),
    [
        ("PDF/UA-1 error: the text was not mapped to a glyph", 0, b"%PDF-fake", 2),
        ("unknown variable: x", 3, b"", 1),
    ],
)
def test_only_a_pdf_ua_refusal_is_typeset_without_the_claim(
    monkeypatch, tmp_path: Path, refusal, status, output, tries
) -> None:
    monkeypatch.setitem(sys.modules, "typst", FakeTypst)
    monkeypatch.setattr(FakeTypst, "refusal", refusal)
    monkeypatch.setattr(FakeTypst, "calls", [])
    streams = Streams(monkeypatch, request(tmp_path, "x"))
    assert child.main() == status
    assert streams.pdf() == output
    assert [call.get("pdf_standards") for call in FakeTypst.calls] == [STANDARDS, None][:tries]
    assert streams.err.getvalue() == ("" if status == 0 else refusal)
