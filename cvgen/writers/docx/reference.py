"""A reference .docx made safe to build on: only what cvgen takes from it, or a clear refusal.

The reference document comes with a CV repository, so it is untrusted: it may carry a macro
project (vbaProject.bin), a remote `attachedTemplate` (Word fetches it on open: a tracking
request, or worse), ActiveX controls, embedded OLE objects, a mail-merge data source, or be
encrypted, compressed with a method Python cannot read, or simply broken. cvgen takes its
styles, numbering, theme, fonts, settings, page set-up, headers and footers (with their
images and links); the package is rebuilt from those parts alone, by following relationships
of the kinds in KEPT from the package's root, and any relationship to another host (but a
hyperlink's) is dropped. Every way the file can fail to be a Word document is one message.
"""

from __future__ import annotations

import io
import posixpath
import struct
import zipfile
import zlib

from lxml import etree

from cvgen.errors import CvgenError

MAX_UNPACKED = 64 * 2**20  # a reference document holds styles and a logo, not 64 MB
MAX_PARTS = 2000
CONTENT_TYPES = "[Content_Types].xml"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an encrypted .docx, or an old .doc
_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.{}.main+xml"
_MACROS = "macroEnabled"  # .docm and .dotm main parts
_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
# Relationship kinds (the last part of their type URI) whose parts cvgen uses or drops later.
KEPT = frozenset(
    {"officeDocument", "core-properties", "extended-properties", "thumbnail", "styles",
     "stylesWithEffects", "settings", "webSettings", "fontTable", "theme", "numbering", "header",
     "footer", "footnotes", "endnotes", "image", "hyperlink", "font"}
)  # fmt: skip
_SETTINGS_DROPPED = ("attachedTemplate", "mailMerge")  # they name dropped relationships
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
_BROKEN = (
    zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, zlib.error, OSError, ValueError,
    IndexError, TypeError, KeyError, struct.error, UnicodeDecodeError, etree.XMLSyntaxError,
)  # fmt: skip


def _not_word(name: str, why: str) -> CvgenError:
    return CvgenError(
        f"{name}: not a Word document cvgen can read ({why}); give a .docx or .dotx file "
        "saved by Word, LibreOffice or Pages"
    )


def _entries(package: zipfile.ZipFile, name: str) -> dict[str, bytes]:
    """Every part, once each entry is known to be plain, readable and small enough."""
    infos = package.infolist()
    if len(infos) > MAX_PARTS:
        raise _not_word(name, f"{len(infos)} parts")
    if sum(info.file_size for info in infos) > MAX_UNPACKED:
        raise CvgenError(f"{name}: unpacks to over {MAX_UNPACKED >> 20} MB; not read")
    for info in infos:
        if info.flag_bits & 0x1:
            raise CvgenError(
                f"{name}: it is password-protected (encrypted); save a copy without a password"
            )
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise _not_word(name, f"its part {info.filename} uses an unusual compression")
    return {info.filename: package.read(info) for info in infos}  # at most file_size each


def _rels_of(part: str) -> str:
    folder, file = posixpath.split(part)
    return posixpath.join(folder, "_rels", f"{file}.rels")


def _target(part: str, target: str) -> str:
    base = posixpath.dirname(part)
    joined = target.lstrip("/") if target.startswith("/") else posixpath.join(base, target)
    return posixpath.normpath(joined)


def _kept_rels(data: bytes) -> tuple[bytes, list[str]]:
    """A .rels part without the relationships cvgen drops, and the targets it keeps (as
    written, relative to their part)."""
    root = etree.fromstring(data, _PARSER)
    targets = []
    for rel in list(root):
        kind = (rel.get("Type") or "").rsplit("/", 1)[-1]
        external = (rel.get("TargetMode") or "").lower() == "external"
        if kind not in KEPT or (external and kind != "hyperlink"):
            root.remove(rel)
        elif not external:
            targets.append(rel.get("Target") or "")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True), targets


def _reachable(parts: dict[str, bytes]) -> dict[str, bytes]:
    """The parts reached from the package's root through kept relationships, with their
    .rels files cleaned."""
    kept: dict[str, bytes] = {CONTENT_TYPES: parts[CONTENT_TYPES]}
    pending = [""]  # the package itself: its rels are _rels/.rels
    while pending:
        part = pending.pop()
        rels = "_rels/.rels" if part == "" else _rels_of(part)
        if part:
            kept[part] = parts[part]
        if rels not in parts or rels in kept:
            continue
        kept[rels], targets = _kept_rels(parts[rels])
        for target in targets:
            name = _target(part, target)
            if name in parts and name not in kept and not name.startswith("../"):
                pending.append(name)
    return kept


def _without_dropped_settings(data: bytes) -> bytes:
    """settings.xml without the elements that name dropped relationships."""
    root = etree.fromstring(data, _PARSER)
    for local in _SETTINGS_DROPPED:
        for node in root.findall(f"{{{_W}}}{local}"):
            root.remove(node)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _types(data: bytes, parts: dict[str, bytes], name: str) -> bytes:
    """[Content_Types].xml for the kept parts, the template's main part retyped as a
    document's (as Word does to open a .dotx); a macro-enabled main part is refused."""
    text = data.decode("utf-8")
    if _MACROS in text:
        raise CvgenError(
            f"{name}: a macro-enabled Word file (.docm, .dotm) is not read; save it as .docx "
            "or .dotx"
        )
    retyped = text.replace(_MAIN.format("template"), _MAIN.format("document"))
    root = etree.fromstring(retyped.encode(), _PARSER)
    for override in root.findall(f"{{{_CT_NS}}}Override"):
        if (override.get("PartName") or "").lstrip("/") not in parts:
            root.remove(override)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def clean_package(data: bytes, name: str) -> bytes:
    """The reference document rebuilt with the parts cvgen uses; CvgenError if it is not a
    Word document cvgen can read."""
    if data.startswith(_OLE):
        raise CvgenError(
            f"{name}: an encrypted (password-protected) Word file or an old .doc; save a copy "
            "as .docx without a password"
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            parts = _entries(package, name)
        if CONTENT_TYPES not in parts or "_rels/.rels" not in parts:
            raise _not_word(name, "no package structure")
        kept = _reachable(parts)
        for part in [p for p in kept if p.endswith("/settings.xml")]:
            kept[part] = _without_dropped_settings(kept[part])
        kept[CONTENT_TYPES] = _types(kept[CONTENT_TYPES], kept, name)
    except CvgenError:
        raise
    except NotImplementedError:
        raise _not_word(name, "a compression Python cannot read") from None
    except RuntimeError:  # zipfile's "encrypted, password required"
        raise CvgenError(
            f"{name}: it is password-protected (encrypted); save a copy without a password"
        ) from None
    except _BROKEN as error:
        raise _not_word(name, type(error).__name__) from None
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for part, blob in kept.items():
            package.writestr(part, blob)
    return out.getvalue()
