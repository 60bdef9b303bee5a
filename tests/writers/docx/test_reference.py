"""A reference .docx from someone else (writers/docx/reference.py): macros, remote templates,
ActiveX and embedded objects never reach cv.docx, and every file that is not a Word document
cvgen can build on is one message, never a traceback."""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path

import docx
import pytest

from cvgen.errors import CvgenError
from cvgen.writers import WriteOptions
from cvgen.writers.docx import reference
from cvgen.writers.docx.reference import clean_package
from cvgen.writers.docx.writer import cv_docx
from tests.support.rendering import document

REMOTE = "http://tracker.example/template.dotm"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def blank_docx() -> bytes:
    out = io.BytesIO()
    docx.Document().save(out)
    return out.getvalue()


def rewritten(data: bytes, change) -> bytes:
    """The package with `change(parts)` applied to its {name: bytes}."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        parts = {info.filename: package.read(info) for info in package.infolist()}
    change(parts)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name, blob in parts.items():
            package.writestr(name, blob)
    return out.getvalue()


def with_macros_and_remote_template(parts: dict[str, bytes]) -> None:
    parts["word/vbaProject.bin"] = b"Attribute VB_Name = AutoOpen: Shell calc"
    parts["word/activeX/activeX1.bin"] = b"control"
    rels = parts["word/_rels/document.xml.rels"].decode()
    extra = (
        f'<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/'
        f'vbaProject" Target="vbaProject.bin"/>'
        f'<Relationship Id="rIdX" Type="{RELS}/control" Target="activeX/activeX1.bin"/>'
        f'<Relationship Id="rIdOle" Type="{RELS}/oleObject" Target="file:///C:/evil.bin" '
        f'TargetMode="External"/>'
    )
    parts["word/_rels/document.xml.rels"] = rels.replace(
        "</Relationships>", extra + "</Relationships>"
    ).encode()
    parts["word/_rels/settings.xml.rels"] = (
        f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats'
        f'.org/package/2006/relationships"><Relationship Id="rId1" Type="{RELS}/attachedTemplate" '
        f'Target="{REMOTE}" TargetMode="External"/></Relationships>'
    ).encode()
    settings = parts["word/settings.xml"].decode()
    head, _, tail = settings.partition(">")
    head2, _, rest = tail.partition(">")  # after the XML declaration, the w:settings element
    parts["word/settings.xml"] = f'{head}>{head2}><w:attachedTemplate r:id="rId1"/>{rest}'.encode()


def write(small_cv, reference: Path) -> bytes:
    return cv_docx(document(small_cv), WriteOptions(reference_docx=str(reference)))


def test_macros_remote_templates_and_controls_never_reach_the_cv(small_cv, tmp_path) -> None:
    reference = tmp_path / "ref.docx"
    reference.write_bytes(rewritten(blank_docx(), with_macros_and_remote_template))
    out = write(small_cv, reference)
    with zipfile.ZipFile(io.BytesIO(out)) as package:
        names = package.namelist()
        everything = b"".join(package.read(name) for name in names)
    assert not any("vba" in name.lower() or "activex" in name.lower() for name in names)
    assert REMOTE.encode() not in everything and b"attachedTemplate" not in everything
    assert b"oleObject" not in everything and b"evil.bin" not in everything
    assert docx.Document(io.BytesIO(out)).paragraphs  # still a Word document


def _encrypted_entry(data: bytes) -> bytes:
    """The zip with its first entry flagged as encrypted."""
    raw = bytearray(data)
    raw[6] |= 0x1  # general purpose flag of the first local header
    central = raw.rfind(b"PK\x01\x02", 0, raw.rfind(b"PK\x05\x06"))
    first = raw.find(b"PK\x01\x02")
    raw[first + 8] |= 0x1
    assert central >= first
    return bytes(raw)


def _compression(data: bytes, method: int) -> bytes:
    """The zip with every entry claiming compression `method` (9: deflate64)."""
    raw = bytearray(data)
    for signature, offset in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):
        start = raw.find(signature)
        while start != -1:
            struct.pack_into("<H", raw, start + offset, method)
            start = raw.find(signature, start + 4)
    return bytes(raw)


def _corrupt_stream(data: bytes) -> bytes:
    raw = bytearray(data)
    start = raw.find(b"word/document.xml") + len("word/document.xml") + 4
    raw[start : start + 40] = bytes(40)
    return bytes(raw)


def _without_body(parts: dict[str, bytes]) -> None:
    parts["word/document.xml"] = (
        b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
        b'wordprocessingml/2006/main"/>'
    )


def _entity_bomb(parts: dict[str, bytes]) -> None:
    parts["word/settings.xml"] = (
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;'
        b'&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]><w:settings xmlns:w="http://'
        b'schemas.openxmlformats.org/wordprocessingml/2006/main">&c;</w:settings>'
    )


CASES = {
    "encrypted (OLE)": (lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "encrypted"),
    "encrypted entry": (lambda: _encrypted_entry(blank_docx()), "password-protected"),
    "deflate64": (lambda: _compression(blank_docx(), 9), "unusual compression"),
    "bzip2": (lambda: _compression(blank_docx(), 12), "unusual compression"),
    "corrupt stream": (lambda: _corrupt_stream(blank_docx()), "not a Word document"),
    "truncated": (lambda: blank_docx()[:3000], "not a Word document"),
    "empty": (lambda: b"", "not a Word document"),
    "text": (lambda: b"just some text, not a zip", "not a Word document"),
    "zip of nothing": (lambda: rewritten(blank_docx(), lambda p: p.clear()), "no package"),
    "no body": (lambda: rewritten(blank_docx(), _without_body), "cvgen can build on"),
    "no content types": (
        lambda: rewritten(blank_docx(), lambda p: p.pop("[Content_Types].xml")),
        "no package structure",
    ),
    "broken rels": (
        lambda: rewritten(blank_docx(), lambda p: p.update({"_rels/.rels": b"<Rel"})),
        "not a Word document",
    ),
    "entity bomb": (lambda: rewritten(blank_docx(), _entity_bomb), "Word document"),
    "macro main part": (
        lambda: rewritten(
            blank_docx(),
            lambda p: p.update(
                {"[Content_Types].xml": p["[Content_Types].xml"].replace(
                    b"document.main+xml", b"document.macroEnabled.main+xml")}
            ),
        ),
        "macro-enabled",
    ),
}  # fmt: skip


@pytest.mark.parametrize("case", sorted(CASES))
def test_every_odd_file_is_one_message(small_cv, tmp_path: Path, case: str) -> None:
    make, expected = CASES[case]
    reference = tmp_path / "ref.docx"
    reference.write_bytes(make())
    with pytest.raises(CvgenError) as caught:
        write(small_cv, reference)
    message = caught.value.message
    assert expected in message and str(reference) in message and "\n" not in message


def names(data: bytes) -> set[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return set(package.namelist())


def part(data: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return package.read(name).decode("utf-8")


def test_the_clean_package_keeps_what_cvgen_takes_and_drops_the_rest() -> None:
    original = rewritten(blank_docx(), with_macros_and_remote_template)
    clean = clean_package(original, "ref.docx")
    kept = {"word/styles.xml", "word/numbering.xml", "word/theme/theme1.xml",
            "word/settings.xml", "word/fontTable.xml", "docProps/core.xml"}  # fmt: skip
    assert kept <= names(clean)
    dropped = names(original) - names(clean)
    assert {"word/vbaProject.bin", "word/activeX/activeX1.bin", "customXml/item1.xml"} <= dropped
    assert "attachedTemplate" not in part(clean, "word/settings.xml")
    rels = part(clean, "word/_rels/document.xml.rels")
    assert "styles.xml" in rels and "customXml" not in rels and "evil.bin" not in rels
    assert "/customXml/itemProps1.xml" not in part(clean, "[Content_Types].xml")
    assert clean_package(clean, "ref.docx") == clean_package(clean, "ref.docx")  # stable


def test_a_hyperlink_of_a_footer_stays_another_hosts_part_does_not() -> None:
    def footer_links(parts: dict[str, bytes]) -> None:
        rels = parts["word/_rels/document.xml.rels"].decode()
        extra = (
            f'<Relationship Id="rIdH" Type="{RELS}/hyperlink" Target="https://lab.example/" '
            f'TargetMode="External"/>'
            f'<Relationship Id="rIdI" Type="{RELS}/image" Target="https://tracker.example/p.png" '
            f'TargetMode="External"/>'
        )
        parts["word/_rels/document.xml.rels"] = rels.replace(
            "</Relationships>", extra + "</Relationships>"
        ).encode()

    clean = clean_package(rewritten(blank_docx(), footer_links), "ref.docx")
    rels = part(clean, "word/_rels/document.xml.rels")
    assert "https://lab.example/" in rels and "tracker.example" not in rels


def test_a_word_template_becomes_a_document() -> None:
    def as_template(parts: dict[str, bytes]) -> None:
        parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
            b"document.main+xml", b"template.main+xml"
        )

    clean = clean_package(rewritten(blank_docx(), as_template), "ref.dotx")
    types = part(clean, "[Content_Types].xml")
    assert "wordprocessingml.document.main+xml" in types and "template.main" not in types
    assert docx.Document(io.BytesIO(clean)).styles  # python-docx opens it


def test_a_package_too_large_or_of_too_many_parts_is_refused(monkeypatch) -> None:
    monkeypatch.setattr(reference, "MAX_UNPACKED", 1000)
    with pytest.raises(CvgenError, match=r"^ref.docx: unpacks to over 0 MB; not read$"):
        clean_package(blank_docx(), "ref.docx")
    monkeypatch.setattr(reference, "MAX_PARTS", 5)
    with pytest.raises(CvgenError, match=r"not a Word document cvgen can read \(17 parts\)"):
        clean_package(blank_docx(), "ref.docx")
