"""The words of a document tree, and of the outputs read back, for comparing them."""

from __future__ import annotations

import io
import re
import unicodedata

import pypdf

from cvgen.document import Document, Entry, Group, plain_text
from cvgen.model import CV
from tests.support.paths import DATA

_WORD = re.compile(r"[^\W_]+")


def words(text: str) -> list[str]:
    text = unicodedata.normalize("NFKC", text).lower()
    return _WORD.findall(text)


def entry_words(entry: Entry) -> list[str]:
    parts = [entry.title, entry.qualifiers, *entry.cells, *entry.details, entry.annotation]
    text = " ".join(plain_text(part) for part in parts)
    return words(" ".join([text, entry.when or "", *(link.label for link in entry.links)]))


def group_words(group: Group) -> list[str]:
    found = words(group.heading or "")
    for entry in group.entries:
        found += entry_words(entry)
    for total in group.totals:
        found += words(f"{total.label or ''} {total.amount}")
    for sub in group.groups:
        found += group_words(sub)
    return found


def pdf_sections_text(pdf: bytes, document: Document) -> str:
    """The PDF's text after the header, without the running footer, hyphenation undone."""
    pages = [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages]
    footer = f"{document.meta.author} · {document.furniture['curriculum_vitae']}"
    page_of = re.escape(document.furniture["page_of"]).replace(r"\{page\}", r"\d+")
    page_of = page_of.replace(r"\{pages\}", r"\d+")
    text = "\n".join(re.sub(page_of, "", page.replace(footer, "")) for page in pages)
    start = text.lower().index(document.sections[0].heading.lower())
    return text[start:]


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for key, item in value.items() for s in (*_strings(key), *_strings(item))]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return [str(value)]


def data_words(cv: CV) -> set[str]:
    """Every word the user wrote (cv.yaml and the .bib), and the keys of profile links."""
    dumps = [cv.data.model_dump(mode="json"), *(p.model_dump(mode="json") for p in cv.publications)]
    return {word for text in _strings(dumps) for word in words(text.replace("_", " "))}


TRANSLATED = {
    line.strip()
    for line in (DATA / "words" / "translated-keys.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
}
