"""How a publication reads in a CV: its reference as styled Spans, in the CV's words.

Own name bold, students underlined, equal contribution starred, venue in italics; the
annotations (oral, acceptance rate, award, impact factor) and links come apart, so a writer can
set them as the CV's theme wants. Every word ("In", "vol.", "PhD thesis") is from the words
table.
"""

from __future__ import annotations

import re

from cvgen.compose.marks import mark_span
from cvgen.compose.names import DEFAULT_STYLE, ET_AL, Cut, NameStyle, capped, shown_name
from cvgen.document import Link, Span, merged
from cvgen.model import Author, Links, PubKind, Publication
from cvgen.model.marks import EQUAL_MARK
from cvgen.words import Words


def author_spans(author: Author, style: NameStyle = DEFAULT_STYLE) -> list[Span]:
    mark = "self" if author.is_self else "student" if author.is_student else None
    name = shown_name(author, style)
    spans = [Span(name, bold=author.is_self, underline=author.is_student, mark=mark)]
    if author.equal_contribution:
        spans.append(mark_span(EQUAL_MARK))
    spans.extend(mark_span(symbol) for symbol in author.marks)  # †, ...
    return spans


def _cut_spans(cut: Cut, words: Words) -> list[Span]:
    if cut.total is None:
        return [Span("…")]
    count = words.fmt("citation.author_count", count=words.number(cut.total))
    return [Span(f"{words('citation.et_al')} ({count})" if cut.et_al else f"({count})")]


def authors_spans(
    authors: list[Author], words: Words, style: NameStyle = DEFAULT_STYLE
) -> list[Span]:
    """'A, B, and C' and 'A and B', in the language's words (an Oxford comma in English); a
    list ending in 'and others' as 'A, B, et al.'; a list over the cap cut around the
    researcher (names.py)."""
    shown = capped(authors, style)
    names = [
        _cut_spans(item, words) if isinstance(item, Cut) else author_spans(item, style)
        for item in shown
    ]
    if len(names) < 2:
        return names[0] if names else []
    last = shown[-1]
    if isinstance(last, Cut) or last.last == ET_AL:
        if isinstance(last, Author):
            names[-1] = [Span(words("citation.et_al"))]
        head: list[Span] = list(names[0])
        for name in names[1:-1]:
            head += [Span(", "), *name]
        joint = " " if len(names) == 2 and not isinstance(last, Cut) else ", "
        return merged([*head, Span(joint), *names[-1]])
    if len(names) == 2:
        return words.spans("and", first=names[0], second=names[1])
    others: list[Span] = list(names[0])
    for name in names[1:-1]:
        others += [Span(", "), *name]
    return words.spans("list_and", others=others, last=names[-1])


_SINGLE_PAGE = re.compile(r"[A-Za-z]{0,2}\d+[a-z]?|[ivxlc]+")


def _details(pub: Publication, words: Words) -> list[str]:
    """Volume, number, pages and the like, after the venue."""
    parts = []
    if pub.volume and pub.number:
        parts.append(f"{pub.volume}({pub.number})")
    elif pub.volume:
        parts.append(words.fmt("citation.volume", volume=pub.volume))
    elif pub.number and pub.kind not in (PubKind.PATENT, PubKind.REPORT):
        parts.append(words.fmt("citation.number", number=pub.number))  # patents: up front
    if pub.pages:
        if any(c in pub.pages for c in "–,"):  # ranges, as the loader writes them
            parts.append(words.fmt("citation.pages", pages=pub.pages))
        elif _SINGLE_PAGE.fullmatch(pub.pages):
            parts.append(words.fmt("citation.page", pages=pub.pages))
        else:  # an article number such as EGU2018-1234
            parts.append(pub.pages)
    if pub.kind is PubKind.CHAPTER and pub.publisher:
        parts.append(pub.publisher)
    return parts


def _with_venue(label: str, venue: str | None) -> list[Span]:
    return [Span(label + (f", {venue}" if venue else ""))]


def _editors(pub: Publication, words: Words, style: NameStyle) -> list[Span]:
    """' (eds. A and B)': the editors of the book a chapter is in, or of an entry the
    researcher edited."""
    if not pub.editors:
        return []
    key = "citation.editor" if len(pub.editors) == 1 else "citation.editors"
    return [Span(" "), *words.spans(key, names=authors_spans(pub.editors, words, style))]


def _where(pub: Publication, words: Words, style: NameStyle) -> list[Span]:
    """The venue clause, which depends on the kind of publication."""
    venue = pub.venue
    match pub.kind:
        case PubKind.CONFERENCE | PubKind.CHAPTER if venue:
            spans = words.spans("citation.in", venue=Span(venue, italic=True))
            return spans + _editors(pub, words, style)
        case PubKind.CONFERENCE | PubKind.CHAPTER:
            return _editors(pub, words, style)
        case PubKind.THESIS:
            key = "masters_thesis" if "master" in pub.entry_type else "phd_thesis"
            return _with_venue(words(f"citation.{key}"), venue)
        case PubKind.PATENT:
            label = words.fmt("citation.patent_number", number=pub.number) if pub.number else None
            return _with_venue(label or words("citation.patent"), venue)
        case PubKind.REPORT:
            label = words.fmt("citation.report_number", number=pub.number) if pub.number else None
            return _with_venue(label or words("citation.report"), venue)
        case PubKind.PREPRINT if not venue and pub.links.arxiv:
            return [Span(f"arXiv:{pub.links.arxiv}")]
        case PubKind.BOOK:  # the venue of a book is its publisher; the title is the italic part
            return [Span(venue)] if venue else []
        case _:
            spans = [Span(venue, italic=True)] if venue else []
            return spans + _editors(pub, words, style)


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:].rstrip(".")


def reference_spans(pub: Publication, words: Words, style: NameStyle = DEFAULT_STYLE) -> list[Span]:
    """The reference: authors. Title. Venue, details, date. Status. Note."""
    spans = authors_spans(pub.authors, words, style)
    if spans and pub.edited:  # an edited volume: its editors, said to be its editors
        spans += [Span(" "), Span(words("citation.volume_editors" if len(pub.authors) > 1
                                        else "citation.volume_editor"))]  # fmt: skip
    if spans:  # a manual or a website may have no author at all ("et al." has its full stop)
        spans.append(Span(" " if spans[-1].text.endswith(".") else ". "))
    title = pub.title.rstrip(".")
    end = "" if title.endswith(("?", "!")) else "."
    spans.append(Span(title, italic=pub.kind is PubKind.BOOK))
    spans.append(Span(end))
    where = _where(pub, words, style)
    tail = _details(pub, words)
    if pub.kind is PubKind.BOOK and pub.edition:
        edition = words.ordinal(int(pub.edition)) if pub.edition.isdigit() else pub.edition
        tail.insert(0, words.fmt("citation.edition", edition=edition))
    if not pub.undated:
        tail.append(words.date(pub.date, short=False))
    if where or tail:  # an undated entry without a venue ends with its title
        spans += [Span(" "), *where]
        ends = where[-1].text.rstrip()[-1:] if where else ""  # "… Volume 1: ICPRAM,"
        comma = (" " if ends in ",;:" else ", ") if where and tail else ""
        joined = ", ".join(tail)
        stop = "" if (joined or ends).endswith(".") else "."  # 'июль 2026 г.' has its full stop
        spans.append(Span(comma + joined + stop))
    said = pub.note and pub.status and pub.status.lower() in pub.note.lower()  # "Submitted, ..."
    status = None if said or not pub.status else words.get(f"pub_status.{pub.status.lower()}")
    extra = [_sentence(e) for e in (status or (None if said else pub.status), pub.note) if e]
    if extra:
        spans.append(Span(" " + ". ".join(extra) + "."))
    return merged(spans)


def annotation_text(pub: Publication, words: Words) -> str:
    """'Oral, 1.2% acceptance, Impact factor 4.6' or ''."""
    notes = [pub.presentation, pub.award]
    if pub.acceptance_rate:
        notes.append(words.fmt("citation.acceptance", rate=pub.acceptance_rate))
    if pub.impact_factor:
        notes.append(words.fmt("citation.impact_factor", value=pub.impact_factor))
    notes.append(pub.annotation)
    return ", ".join(n for n in notes if n)


def publication_links(links: Links, words: Words) -> list[Link]:
    """DOI, arXiv, URL (unless it repeats an id), PDF, code, video, slides."""
    return [Link(words(f"links.{kind}"), href, kind) for kind, href in links.items()]
