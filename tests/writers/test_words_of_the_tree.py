"""The document tree: every output says what the tree says, in the words of its table.

The same CV rendered to the PDF (text read back with pypdf), the HTML page, the Markdown list
and the Word file (read back with python-docx) must hold the same words, entry by entry; a
pseudo-locale, whose every phrase is bracketed, must leave no unbracketed word in any output
that is not the user's own data.
"""

from __future__ import annotations

import io
import re
from collections import Counter

import pypdf
import pytest

from cvgen.compose import Settings, compose
from cvgen.document import Document, plain_text
from cvgen.model import CV
from cvgen.words import load_words
from cvgen.writers.pdf.tex import run_tex
from tests.support.html_doc import Element, parse, visible_text
from tests.support.rendering import listing, render
from tests.support.tree_words import data_words, entry_words, group_words, pdf_sections_text, words
from tests.support.word_doc import footer_text, heading_level, paragraphs, read, shown_numbers

OPEN, CLOSE = "«", "»"  # pdflatex's T1 fonts have both, and no fixture uses them


@pytest.fixture(scope="module")
def cvs(example_cv: CV, humanities_cv: CV, clinician_cv: CV, leadership_cv: CV) -> dict[str, CV]:
    return {
        "example": example_cv,
        "humanities": humanities_cv,
        "clinician": clinician_cv,
        "leadership": leadership_cv,
    }


CVS = ["example", "humanities", "clinician", "leadership"]


def columns(document: Document) -> set[str]:
    """Table column headings: a long table repeats them on every page, so they are furniture."""
    found = set()
    for section in document.sections:
        for group in section.groups:
            found |= {word for column in group.columns for word in words(column)}
    return found


def numbers(document: Document) -> Counter:
    """The publication numbers, which lists and the PDF print as '[n]' (HTML as list markers)."""
    return Counter(str(e.number) for e in document.all_entries() if e.number is not None)


def tree_words(document: Document) -> Counter:
    found: list[str] = []
    for section in document.sections:
        found += words(section.heading)
        for line in section.legend:
            found += words(plain_text(line))
        for group in section.groups:
            found += group_words(group)
    return Counter(found)


def _markdown_text(text: str) -> str:
    text = re.sub(r"\]\(<[^>]*>\)", "]", text)  # link targets are not shown
    return re.sub(r"</?(u|sup)>", "", text)


def _unhyphenate(text: str, vocabulary: set[str]) -> str:
    """'opti-' at a line's end and 'misation' on the next are one word if the CV has it."""

    def join(match: re.Match) -> str:
        whole = match.group(1) + match.group(2)
        return whole if whole.lower() in vocabulary else f"{match.group(1)}-{match.group(2)}"

    return re.sub(r"([^\W_]+)-\n([^\W_]+)", join, text)


def _differences(expected: Counter, found: Counter, furniture: set[str]) -> dict[str, int]:
    """Words whose count differs; `furniture` (table headings) only needs to be there."""
    for word in furniture:
        assert found[word], f"table heading word {word!r} is missing"
        expected.pop(word, None)
        found.pop(word, None)
    return {w: found[w] - expected[w] for w in expected | found if found[w] != expected[w]}


def _everything(cv: CV) -> CV:
    return cv.model_copy(update={"data": cv.data.model_copy(update={"sections": []})})


@pytest.fixture(scope="module", params=CVS)
def rendered(request, cvs: dict[str, CV]):
    cv = cvs[request.param]
    document = compose(cv)
    html = parse(render(cv, "html"))
    markdown = listing(cv, "markdown", cv.data.section_order)
    pdf = run_tex(render(cv, "latex")).pdf
    return document, html, markdown, pdf


def test_the_pdf_the_page_and_the_markdown_say_the_same_words(rendered) -> None:
    document, html, markdown, pdf = rendered
    expected = tree_words(document)
    furniture = columns(document)
    page = " ".join(visible_text(section) for section in html.iter("section"))
    assert _differences(expected.copy(), Counter(words(page)), furniture) == {}
    numbered = expected + numbers(document)
    md = Counter(words(_markdown_text(markdown)))  # a list names no table columns
    assert _differences(numbered.copy(), md + Counter(furniture), furniture) == {}
    text = _unhyphenate(pdf_sections_text(pdf, document), set(expected))
    assert _differences(numbered, Counter(words(text)), furniture) == {}


def _word_sections_text(data: bytes) -> tuple[str, Counter]:
    """The Word file's text from its first section heading on (the header is not a section),
    and the numbers its numbered lists show."""
    doc = read(data)
    body = list(paragraphs(doc))
    start = next(i for i, p in enumerate(body) if heading_level(p) == 1)
    shown = Counter(str(number) for _, number in shown_numbers(doc))
    return "\n".join(p.text for p in body[start:]), shown


@pytest.mark.parametrize("name", CVS)
def test_the_word_file_says_the_same_words(name: str, cvs: dict[str, CV]) -> None:
    cv = cvs[name]
    document = compose(cv)
    text, shown = _word_sections_text(render(cv, "docx"))
    expected = tree_words(document) + numbers(document)
    found = Counter(words(text)) + shown
    assert _differences(expected, found, columns(document)) == {}


def _html_entries(html: Element) -> dict[str, Element]:
    return {e.get("id"): e for e in html.iter() if (e.get("id") or "").startswith("pub-")}


def test_each_entry_has_its_words_in_the_page_and_in_the_markdown(rendered) -> None:
    document, html, markdown, _ = rendered
    by_id = _html_entries(html)
    lines = [line for line in markdown.splitlines() if line.startswith("- ")]
    entries = [
        entry
        for section in document.sections
        for group in section.groups
        if group.layout != "paragraphs"  # the statement is printed as paragraphs
        for entry in group.all_entries()
    ]
    assert len(lines) == len(entries)
    for entry, line in zip(entries, lines, strict=True):
        number = [str(entry.number)] if entry.number is not None else []
        assert Counter(words(_markdown_text(line))) == Counter(entry_words(entry) + number), line
        if entry.id in by_id:
            assert Counter(words(visible_text(by_id[entry.id]))) == Counter(entry_words(entry))


# --- the words table ------------------------------------------------------------------------


def pseudo() -> Settings:
    return Settings(words=load_words().transformed(lambda text: f"{OPEN}{text}{CLOSE}"))


def leftover_words(text: str, cv: CV) -> set[str]:
    """Words outside «…» that are not the user's: phrases cvgen did not take from the table."""
    outside = re.sub(f"{OPEN}[^{CLOSE}]*{CLOSE}", " ", text, flags=re.S)
    return {word for word in words(outside) if not word.isdigit()} - data_words(cv)


@pytest.mark.parametrize("name", CVS)
def test_every_phrase_of_the_page_and_the_markdown_comes_from_the_words_table(
    name: str, cvs: dict[str, CV]
) -> None:
    cv = _everything(cvs[name])
    page = parse(render(cv, "html", **vars(pseudo())))
    text = visible_text(page) + " " + page.find("title").text()
    assert leftover_words(text, cv) == set()
    markdown = listing(cv, "markdown", cv.data.section_order, **vars(pseudo()))
    assert leftover_words(_markdown_text(markdown), cv) == set()


def test_every_phrase_of_the_website_exports_comes_from_the_words_table(example_cv: CV) -> None:
    """What the site exports word themselves (citations, annotations, link labels, what the
    author marks mean) is the words table's; the rest of their text is the user's data."""
    from cvgen.formats import get_format

    settings = pseudo()
    cv = _everything(example_cv)
    document = compose(cv, settings)
    texts = [render(cv, "jekyll", **vars(settings)), render(cv, "al-folio", **vars(settings))]
    for target in ("hugo", "academicpages"):
        texts += get_format(target).load()(cv, document, settings).values()
    for text in texts:
        shown = re.sub(
            # a venue's short name (abbr, publication_short) is the venue's initials: data
            r"<[^>]+>|&[#\w]+;|https?://\S+|^#.*$|^permalink:.*$|@comment\{.*\}"
            r"|^\s*abbr = \{.*\}|^publication_short:.*$",
            " ",
            text,
            flags=re.M,
        )
        assert leftover_words(shown, cv) <= _SITE_KEYS, leftover_words(shown, cv) - _SITE_KEYS


# The keys and fixed values of the formats the site exports write (not CV phrases).
_SITE_KEYS = {
    part
    for key in (
        "langid english key title authors venue year kind link url display links label tags "
        "description "
        "citation author_notes date publication_types publication doi abstract featured "
        "url_pdf url_code url_slides url_video name true false article journal paper "
        "conference chapter thesis patent preprint report book document other manuscripts "
        "conferences books collection publications category permalink excerpt paperurl "
        "slidesurl abbr selected bibtex_show html pdf code video slides arxiv award award_name "
        "additional_info annotation misc inproceedings incollection phdthesis mastersthesis "
        "techreport booktitle school institution publisher address edition volume number "
        "pages month note pubstate eprint archiveprefix editor holder howpublished type "
        "jan feb mar apr may jun jul aug sep oct nov dec altmetric dimensions location "
        "website pmid pmcid isbn issn show_date publication_short summary projects image "
        "filename focal_point preview_only smart"
    ).split()
    for part in (key, *key.split("_"))
}


@pytest.mark.parametrize("name", CVS)
def test_every_phrase_of_the_word_file_comes_from_the_words_table(
    name: str, cvs: dict[str, CV]
) -> None:
    cv = _everything(cvs[name])
    doc = read(render(cv, "docx", **vars(pseudo())))
    text = "\n".join(p.text for p in paragraphs(doc)) + "\n" + footer_text(doc)
    assert leftover_words(text, cv) == set()
    assert doc.core_properties.title.startswith(OPEN)


@pytest.mark.parametrize("name", ["humanities", "clinician", "leadership"])
def test_every_phrase_of_the_pdf_comes_from_the_words_table(name: str, cvs: dict[str, CV]) -> None:
    cv = cvs[name]
    pdf = run_tex(render(cv, "latex", **vars(pseudo()))).pdf
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert leftover_words(text.replace("-\n", ""), cv) == set()
    assert reader.metadata.title.startswith(OPEN)


# --- the JSON form ----------------------------------------------------------------------------


# --- themes -------------------------------------------------------------------------------------


@pytest.mark.parametrize("theme", ["modern", "compact", "grant"])
def test_every_theme_says_the_words_of_the_tree_and_of_the_table(theme: str, example_cv: CV):
    from cvgen.themes import load_theme

    document = compose(example_cv)
    html = parse(render(example_cv, "html", theme=load_theme(theme)))
    page = " ".join(visible_text(section) for section in html.iter("section"))
    assert _differences(tree_words(document), Counter(words(page)), columns(document)) == {}
    cv = _everything(example_cv)
    pseudo_page = parse(render(cv, "html", theme=load_theme(theme), **vars(pseudo())))
    assert leftover_words(visible_text(pseudo_page), cv) == set()
