"""The .docx package: the base document cvgen writes into, its properties, reproducible bytes.

The base is python-docx's blank document, or a user's reference document (.docx or .dotx),
as pandoc's --reference-doc: its styles, numbering, page set-up, header and footer are kept and
its body is emptied. Saving fixes everything that would differ between two runs: the zip
entries' timestamps (SOURCE_DATE_EPOCH, as for PDFs), the document's dates; the thumbnail
and the application statistics of the base (python-docx's, or the template's first page) are
left out, so nothing in the file describes another document.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import OpcError
from docx.oxml.ns import qn
from lxml.etree import XMLSyntaxError

from cvgen.errors import CvgenError
from cvgen.files.reading import MAX_REFERENCE_DOCX, UnreadableFile, read_bytes
from cvgen.writers.docx.reference import clean_package
from cvgen.writers.docx.runs import clean
from cvgen.writers.pdf.tex import source_date_epoch

PROPERTY_LIMIT = 255  # characters python-docx lets a core property hold
# What the emptied body no longer refers to: its images, links, comments, embedded objects.
_BODY_RELS = {RT.IMAGE, RT.HYPERLINK, RT.COMMENTS, RT.CHART, RT.OLE_OBJECT, RT.PACKAGE}
_BODY_RELS |= {RT.DIAGRAM_DATA, RT.DIAGRAM_LAYOUT, RT.DIAGRAM_QUICK_STYLE, RT.DIAGRAM_COLORS}
_BODY_RELS |= {RT.VIDEO}
_DROPPED_PACKAGE_RELS = {RT.THUMBNAIL, RT.EXTENDED_PROPERTIES}
# Word 2010's copy of the styles, which it would read instead of the ones cvgen wrote.
_STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
_ZIP_EPOCH = dt.datetime(1980, 1, 1, tzinfo=dt.UTC)  # the earliest time a zip entry can hold
# What python-docx raises on a package that is a zip of XML but not laid out as Word's.
_ODD = (
    KeyError, ValueError, IndexError, TypeError, AttributeError, zipfile.BadZipFile,
    XMLSyntaxError, OpcError,
)  # fmt: skip


@dataclass(frozen=True)
class Properties:
    """The document properties Word shows under File > Info."""

    title: str
    author: str
    subject: str = ""
    keywords: tuple[str, ...] = ()
    description: str = ""
    language: str = "en"


def build_time() -> dt.datetime:
    """SOURCE_DATE_EPOCH (reproducible-builds.org), else today's midnight UTC, as for PDFs."""
    value = source_date_epoch()
    try:
        moment = dt.datetime.fromtimestamp(int(value), dt.UTC)
    except (ValueError, OverflowError, OSError):
        raise CvgenError(f"SOURCE_DATE_EPOCH={value!r} is not a number of seconds") from None
    return max(moment, _ZIP_EPOCH)


def blank() -> DocxDocument:
    return docx.Document()


def reference(path: Path) -> DocxDocument:
    """The user's reference document, rebuilt with only the parts cvgen takes from it
    (reference.py), its body emptied; a clear error if it is not one."""
    try:  # a regular file of bounded size: a named pipe would never end
        data = read_bytes(path, MAX_REFERENCE_DOCX)
    except UnreadableFile as error:
        raise CvgenError(f"cannot read the reference document {path}: {error}") from None
    cleaned = clean_package(data, str(path))
    try:
        doc = docx.Document(io.BytesIO(cleaned))
        _empty_body(doc)
        has_footer(doc)  # a document without a section is no template to build on
    except _ODD as error:
        raise CvgenError(
            f"{path}: not a Word document cvgen can build on ({type(error).__name__}); give a "
            ".docx or .dotx file saved by Word, LibreOffice or Pages"
        ) from None
    return doc


def _empty_body(doc: DocxDocument) -> None:
    """Everything but the last section's properties (page size, margins, header, footer)."""
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    used = {value for node in body.iter() for key, value in node.attrib.items() if "}" in key}
    rels = doc.part.rels
    for rid in [rid for rid, rel in rels.items() if rel.reltype in _BODY_RELS]:
        if rid not in used:
            rels.pop(rid)


def has_footer(doc: DocxDocument) -> bool:
    """Whether the (reference) document brings its own footer."""
    section = doc.sections[0]
    return not section.footer.is_linked_to_previous


def _fit(text: str) -> str:
    """Text a core property can hold: XML characters only, at most 255 of them (cut at a word,
    with an ellipsis)."""
    text = clean(text)
    if len(text) <= PROPERTY_LIMIT:
        return text
    return text[: PROPERTY_LIMIT - 1].rsplit(" ", 1)[0].rstrip(",;: ") + "…"


def _keywords(keywords: tuple[str, ...]) -> str:
    """As many whole keywords as fit."""
    kept: list[str] = []
    for keyword in map(_fit, keywords):
        if len(", ".join([*kept, keyword])) > PROPERTY_LIMIT:
            break
        kept.append(keyword)
    return ", ".join(kept)


def _set_properties(doc: DocxDocument, props: Properties, when: dt.datetime) -> None:
    core = doc.core_properties
    core.title, core.author = _fit(props.title), _fit(props.author)
    core.subject, core.keywords = _fit(props.subject), _keywords(props.keywords)
    core.comments, core.language = _fit(props.description), _fit(props.language)
    core.last_modified_by, core.revision = core.author, 1
    core.category = core.content_status = core.identifier = core.version = ""
    core.created = core.modified = when.replace(tzinfo=None)
    printed = core._element.find(qn("cp:lastPrinted"))
    if printed is not None:
        core._element.remove(printed)


def _repacked(data: bytes, when: dt.datetime) -> bytes:
    """The package with every entry stamped `when`, in the order written, deflated alike."""
    stamp = when.timetuple()[:6]
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as target,
    ):
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 3
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()


def package_bytes(doc: DocxDocument, props: Properties) -> bytes:
    """The finished .docx; the same document and SOURCE_DATE_EPOCH give the same bytes."""
    when = build_time()
    _set_properties(doc, props, when)
    package_rels = doc.part.package.rels
    for rid in [rid for rid, rel in package_rels.items() if rel.reltype in _DROPPED_PACKAGE_RELS]:
        package_rels.pop(rid)
    document_rels = doc.part.rels
    for rid in [rid for rid, rel in document_rels.items() if rel.reltype == _STYLES_WITH_EFFECTS]:
        document_rels.pop(rid)
    buffer = io.BytesIO()
    doc.save(buffer)
    return _repacked(buffer.getvalue(), when)
