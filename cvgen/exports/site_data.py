"""What every site export says about a publication, so Jekyll, Hugo, al-folio and academicpages
sites agree: the paper's main link and how it reads, the flags and .bib fields cv.yaml passes
through, page names, and text made safe for the Markdown a site renders.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import yaml
from anyascii import anyascii
from markupsafe import escape

from cvgen.compose.marks import legend_for
from cvgen.document import plain_text
from cvgen.errors import Problem, Severity
from cvgen.model import Author, PubKind, Publication, SiteExport, tag_keys
from cvgen.util.urls import safe_href
from cvgen.words import Words

# A `url` on these hosts is the code, not the paper: it never becomes the main link.
CODE_HOSTS = frozenset({"github.com", "gitlab.com", "bitbucket.org", "codeberg.org"})


@dataclass(frozen=True)
class MainLink:
    """The one link a site puts on a paper's title or "link" button."""

    kind: str  # doi, url, arxiv or pdf
    href: str


def _on_code_host(url: str) -> bool:
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    return host in CODE_HOSTS


def main_link(pub: Publication) -> MainLink | None:
    """The paper itself: its DOI, else the publisher's page, else arXiv, else the PDF; never
    the code, the slides or the video. None when there is none (left out, never empty)."""
    shown = dict(pub.links.items())  # the url only where it does not repeat the DOI or arXiv
    url = shown.get("url")
    for kind, href in (
        ("doi", shown.get("doi")),
        ("url", None if url and _on_code_host(url) else url),
        ("arxiv", shown.get("arxiv")),
        ("pdf", shown.get("pdf")),
    ):
        safe = safe_href(href)
        if safe:
            return MainLink(kind, safe)
    return None


def venue_text(pub: Publication) -> str | None:
    """Where it appeared, or what names a preprint that appeared nowhere: 'arXiv:2603.05521'."""
    if pub.venue:
        return pub.venue
    if pub.kind is PubKind.PREPRINT and pub.links.arxiv:
        return f"arXiv:{pub.links.arxiv}"
    return None


def link_display(pub: Publication) -> str:
    """The main link's text: 'Physical Review Letters, 2017', 'arXiv:2603.05521, 2026'."""
    when = pub.status if pub.undated else str(pub.year)
    return ", ".join(part for part in (venue_text(pub), when) if part)


def flag_values(pub: Publication, site: SiteExport) -> dict[str, bool]:
    """Each flag of cv.yaml: does the publication carry its tag (in any case)?"""
    return {name: pub.has_any_tag([tag]) for name, tag in site.flags.items()}


def passed_fields(pub: Publication, site: SiteExport) -> dict[str, str]:
    """The .bib fields cv.yaml lists, under the names it gives, where the entry has them."""
    return {name: value for name in site.fields if (value := pub.extra.get(name.lower()))}


def unused_settings(
    pubs: list[Publication], site: SiteExport, file: str, where: str
) -> list[Problem]:
    """Warnings for flags that no exported publication's tags raise and fields that none of
    them has: usually a typo in cv.yaml or the .bib. `where` is the settings' key path."""
    tags = tag_keys(tag for pub in pubs for tag in pub.tags)
    names = {name for pub in pubs for name in pub.extra}
    unused = [
        (f"{where}.flags.{flag}", f"no exported publication is tagged {tag!r}")
        for flag, tag in site.flags.items()
        if tag_keys([tag]).isdisjoint(tags)
    ]
    unused += [
        (f"{where}.fields", f"no exported publication has a {name!r} field")
        for name in site.fields
        if name.lower() not in names
    ]
    return [Problem(file, None, key, message, Severity.WARNING) for key, message in unused]


def author_marks(author: Author) -> list[str]:
    return ["*"] * author.equal_contribution + list(author.marks)


def mark_meanings(author: Author, words: Words, configured: dict[str, str]) -> str:
    """What an author's marks mean, without the marks: 'Equal contribution'."""
    marks = author_marks(author)
    lines = legend_for(marks, words, configured)
    return "; ".join(
        plain_text([span for span in line if span.text not in marks]).strip() for line in lines
    )


_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml: ten times faster


def yaml_text(data: Any) -> str:
    """YAML as a site reads it: Unicode as is, keys in the order given."""
    return yaml.dump(data, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=100)


def html_text(value: str | None) -> str:
    """Text for a page that prints values verbatim (Liquid): HTML-escaped."""
    return str(escape(value)) if value else ""


_HTML_TAGS = {"a", "b", "strong", "i", "em", "u", "br", "span", "sup", "sub", "small"}
_HTML_ATTRIBUTES = {"a": {"href", "title", "style"}, "span": {"style"}}
_HTML_STYLES = {"color", "background-color", "font-weight", "font-style", "text-decoration"}


def html_fragment(value: str | None) -> str:
    """A .bib field the user wrote as HTML for a page that prints it as HTML (the publist
    template's news1): kept, sanitised by Ammonia (nh3): links (http, https, mailto),
    emphasis and colour stay; scripts, event handlers, images and other tags go. Only the
    user's own fields pass here; text from anywhere else is escaped (html_text)."""
    if not value:
        return ""
    import nh3  # the sanitiser: only for exports that pass HTML

    return nh3.clean(
        value,
        tags=_HTML_TAGS,
        attributes=_HTML_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        filter_style_properties=_HTML_STYLES,
        link_rel="noopener noreferrer",
    )


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]])")
_ENTITIES = {"{": "&#123;", "}": "&#125;"}  # no Liquid tag or Hugo shortcode from data


def markdown_text(value: str) -> str:
    """Text for Markdown a site renders: no HTML, no emphasis, no links, no Liquid or Hugo
    shortcode; it reads exactly as written."""
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", html_text(value))
    return "".join(_ENTITIES.get(char, char) for char in text)


def key_slug(key: str) -> str:
    """A page's folder from its BibTeX key as Hugo Blox's importer names it
    (aberg2020learning -> aberg-2020-learning), so a site's addresses survive the switch; a
    key in another script is transliterated (anyascii)."""
    text = re.sub(r"[._:]", "-", anyascii(key))
    text = re.sub(r"(?<=\D)(?=\d)|(?<=\d)(?=\D)", "-", text)
    text = re.sub(r"(?<=[a-z])(?=[A-Z])|(?<!^)(?=[A-Z][a-z])", "-", text)
    text = "".join(char for char in text if char.isalnum() or char == "-")
    return re.sub("-{2,}", "-", text).strip("-").lower() or "publication"


# Scripts written without spaces, one syllable a character: a word each (学习 -> Xue-Xi).
_SYLLABLES = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def title_slug(title: str, limit: int = 80) -> str:
    """A page's name from its title as academicpages' generator names it, in ASCII
    ('Learning at 50% capacity' -> 'Learning-at-50-capacity'), cut at a word. Every script
    is transliterated by anyascii (Ł → L, ß → ss, 学习 → Xue-Xi, Ελληνικά → Ellinika), so a
    Chinese or Greek title names its page rather than 'publication-2'."""
    spaced = re.sub(r"[-‐‑–—/]", " ", title)  # dashes part words
    letters = "".join(  # symbols (€, ©) are no words of a title: never 'EUR'
        " " if unicodedata.category(char)[0] == "S" else char
        for char in unicodedata.normalize("NFC", spaced)
    )
    ascii_text = anyascii(_SYLLABLES.sub(r" \g<0> ", letters))
    words = re.sub(r"[^A-Za-z0-9_\s-]", "", ascii_text).split()
    slug = re.sub("-{2,}", "-", "-".join(words)).strip("-")
    if len(slug) > limit:
        slug = slug[:limit].rsplit("-", 1)[0]
    return slug or "publication"


def own_slug(pub: Publication) -> str | None:
    """A `slug` field in the .bib names the page itself (in safe characters)."""
    given = pub.extra.get("slug")
    return title_slug(given) if given else None


MAX_NAME_BYTES = 100  # a page's file or folder name: far under every disk's 255 bytes


def short_name(name: str, limit: int = MAX_NAME_BYTES) -> str:
    """`name` cut to `limit` UTF-8 bytes at a '-', with a short hash of the whole name so two
    long names that share a beginning stay apart (a 300-character key names no file)."""
    if len(name.encode()) <= limit:
        return name
    digest = hashlib.sha256(name.encode()).hexdigest()[:8]
    cut = name.encode()[: limit - len(digest) - 1].decode(errors="ignore")
    head = cut.rsplit("-", 1)[0] if "-" in cut[len(cut) // 2 :] else cut
    return f"{head.rstrip('-')}-{digest}"


def unique_name(name: str, taken: set[str]) -> str:
    """`name` (shortened when long), or `name-2`, `name-3`, ... when another page has it
    already, in any case (two keys with one slug, one title twice in a month, 'Deep-Nets' and
    'Deep-nets', one file on macOS and Windows disks); adds it to `taken`."""
    name = short_name(name)
    candidate, number = name, 1
    while candidate.casefold() in taken:
        number += 1
        candidate = f"{name}-{number}"
    taken.add(candidate.casefold())
    return candidate
