"""Publications back to BibTeX that cvgen's loader reads as the same entries.

The model holds decoded Unicode, so writing is the loader in reverse: each value is encoded
so that cvgen.load.latex.text gives the same text back (specials escaped, dashes as -- and
---, runs that the decoder would join kept apart with {}), and every field goes where the
loader looks for it (load/bibtex.py's tables decide both ways). Unicode letters stay as
UTF-8, which biber and bibtex8 read. Other non-standard fields are not written.
"""

from __future__ import annotations

import re

import bibtexparser
from bibtexparser.model import Entry, Field
from bibtexparser.writer import BibtexFormat

from cvgen.compose import Settings
from cvgen.document import Document
from cvgen.exports import listed_publications
from cvgen.load.bibtex.kinds import KIND_OF_TYPE, VENUE_FIELDS
from cvgen.load.bibtex.values import MONTH_MACROS
from cvgen.model import CV, Author, PubKind, Publication
from cvgen.util.languages import langid

# Identifiers the loader keeps for exports (model/fields.py), written back so that ORCID,
# Zotero and NIH's tools receive them (and the abstract, beside the citation); `location` and
# `website` are written as address and url.
KEPT_IDENTIFIERS = ("pmid", "pmcid", "isbn", "issn", "language")
_MONTHS = {int(number): name for name, number in MONTH_MACROS.items()}
_ESCAPES = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "%": r"\%",
    "&": r"\&",
    "#": r"\#",
    "_": r"\_",
    "$": r"\$",
    "~": r"\textasciitilde{}",
    "^": r"\string^",  # \textasciicircum decodes to the modifier letter ˆ, not ^
    "`": r"\textasciigrave{}",  # a lone ` is TeX's opening quote
}
_LONE_BRACES = {"{": r"\textbraceleft{}", "}": r"\textbraceright{}"}
_DASHES = frozenset("-–—")
_TEX_DASH = {"–": "--", "—": "---"}
_LIGATURE_PAIRS = frozenset({"--", "''", "``", "?`", "!`", ",,"})  # TeX ligatures (,, is „)


def _balanced(text: str) -> bool:
    depth = 0
    for char in text:
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0


def encode(text: str) -> str:
    """Unicode text as a BibTeX value body that decodes back to exactly `text`.

    BibTeX counts every brace, escaped or not, so `\\{` works only in balanced pairs; a lone
    brace is written as \\textbrace..., valid for BibTeX and LaTeX alike.
    """
    braces = {} if _balanced(text) else _LONE_BRACES
    out = []
    for index, char in enumerate(text):
        before = text[index - 1] if index else ""
        after = text[index + 1] if index + 1 < len(text) else ""
        if char in _TEX_DASH:
            dash = _TEX_DASH[char]
            out.append(f"{{{dash}}}" if before in _DASHES or after in _DASHES else dash)
        elif char + after in _LIGATURE_PAIRS and char not in _ESCAPES:
            out.append(char + "{}")
        else:
            out.append(braces.get(char) or _ESCAPES.get(char, char))
    return "".join(out)


# Words like SGD or NeurIPS keep their capitals in sentence-case bibliography styles.
_ACRONYM = re.compile(r"(?<![\\\w{])([^\W_]*[A-Z][^\W_]*[A-Z][^\W_]*)(?![\w}])")
_PLAIN_WORD = re.compile(r"[^\W\d_][^\W_]*\.?(?:[-'][^\W_]+\.?)*")


def _protect(part: str, *, lowercase_ok: bool = True) -> str:
    """Brace a name part the name splitter would otherwise cut up or reassign."""
    plain = _PLAIN_WORD.fullmatch(part) and (lowercase_ok or not part[0].islower())
    return (
        encode(part) if plain and part.lower() not in ("and", "others") else f"{{{encode(part)}}}"
    )


def bibtex_name(author: Author) -> str:
    """'von Last, Jr, First' — the BibTeX form that keeps each part where it was."""
    if author.last == "et al." and not (author.first or author.von or author.jr):
        return "others"
    von = " ".join(
        encode(w) if "," not in w and w.lower() not in ("and", "others") else f"{{{encode(w)}}}"
        for w in author.von.split()
    )
    last = _protect(author.last, lowercase_ok=False)
    first = " ".join(_protect(word) for word in author.first.split())
    head = f"{von} {last}" if von else last
    if author.jr:
        return f"{head}, {_protect(author.jr)}, {first or '{}'}"
    if von:  # without a comma, a lone von would be read as a first name
        return f"{head}, {first or '{}'}"
    return f"{head}, {first}" if first else head


def _venue_field(pub: Publication) -> str:
    if pub.kind is PubKind.PREPRINT and pub.entry_type == "article":
        return "journal"
    return VENUE_FIELDS[pub.kind][0]


def _encoded(pairs: list[tuple[str, str | None]]) -> list[tuple[str, str | None]]:
    return [(name, encode(value) if value else None) for name, value in pairs]


def _braced(pairs: list[tuple[str, str | None]]) -> list[Field]:
    return [Field(name, f"{{{value}}}") for name, value in pairs if value]


def _people(pub: Publication, cv_fields: bool) -> list[Field]:
    equal = [str(i) for i, a in enumerate(pub.authors, 1) if a.equal_contribution]
    return _braced(
        [
            ("editor" if pub.edited else "author", " and ".join(map(bibtex_name, pub.authors))),
            ("author+an", "; ".join(f"{i}=equal" for i in equal) if cv_fields else None),
            ("editor", " and ".join(map(bibtex_name, pub.editors))),
        ]
    )


def _texts(pub: Publication) -> list[Field]:
    title = _ACRONYM.sub(r"{\1}", encode(pub.title))
    texts = [
        (_venue_field(pub), pub.venue),
        ("volume", pub.volume),
        ("number", pub.number),
        ("pages", pub.pages),
        ("publisher", pub.publisher),
        ("address", pub.address),
        ("edition", pub.edition),
    ]
    language = [("langid", langid(pub.language) if pub.language else None)]
    return _braced([("title", title), *_encoded(texts), *language])


def _date(pub: Publication) -> list[Field]:
    date = [] if pub.undated else [Field("year", str(pub.year))]
    if pub.month:
        date.append(Field("month", _MONTHS[pub.month]))
    return date


def _notes_and_links(pub: Publication, cv_fields: bool) -> list[Field]:
    notes = [("note", pub.note), ("pubstate", pub.status)]
    links = [  # as they are: the loader only strips braces from links
        ("doi", pub.links.doi),
        ("eprint", pub.links.arxiv),
        ("url", pub.links.url),
    ]
    if cv_fields:
        notes += [
            ("keywords", ("; " if any("," in tag for tag in pub.tags) else ", ").join(pub.tags)),
            ("presentation", pub.presentation),
            ("acceptance", pub.acceptance_rate),
            ("award", pub.award),
            ("impactfactor", pub.impact_factor),
            ("cvnote", pub.annotation),
        ]
        links += [(name, getattr(pub.links, name)) for name in ("pdf", "code", "video", "slides")]
    if pub.kind is PubKind.PREPRINT and KIND_OF_TYPE.get(pub.entry_type) is not PubKind.PREPRINT:
        links.append(("archiveprefix", "arXiv"))
    return _braced(_encoded(notes) + links + _encoded(_kept(pub, cv_fields)))


def entry_fields(pub: Publication, *, cv_fields: bool = True) -> list[Field]:
    """The entry's fields, written where the loader looks for them, in a familiar order.

    Without `cv_fields`, only what a citation needs: no tags, annotations or material links
    (for a site's "cite" button, where impactfactor = {4.6} has no business)."""
    return [
        *_people(pub, cv_fields),
        *_texts(pub),
        *_date(pub),
        *_notes_and_links(pub, cv_fields),
    ]


def _kept(pub: Publication, cv_fields: bool) -> list[tuple[str, str | None]]:
    """The identifiers the .bib gave, and its abstract beside a full entry."""
    kept = [(name, pub.extra.get(name)) for name in KEPT_IDENTIFIERS]
    return [*kept, ("abstract", pub.extra.get("abstract") if cv_fields else None)]


def write_entries(entries: list[Entry]) -> str:
    """BibTeX entries as text, in cvgen's layout (two-space indent, a blank line between)."""
    if not entries:
        return ""
    style = BibtexFormat()
    style.indent = "  "
    style.block_separator = "\n"
    library = bibtexparser.Library(entries)
    return bibtexparser.write_string(library, unparse_stack=[], bibtex_format=style)


def to_bibtex(pubs: list[Publication], *, cv_fields: bool = True) -> str:
    """A .bib file of exactly these entries, in this order."""
    return write_entries(
        [Entry(pub.entry_type, pub.key, entry_fields(pub, cv_fields=cv_fields)) for pub in pubs]
    )


def export(cv: CV, document: Document, settings: Settings) -> str:
    return to_bibtex(listed_publications(cv, document))
