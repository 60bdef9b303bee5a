"""Fuzzing every backend: arbitrary Unicode (right-to-left text, combining marks, emoji,
control characters, TeX and HTML syntax) in every string field of the CV.

The LaTeX source always renders and a sample of it always compiles; the HTML always parses with
no injected element, attribute or link; the Word file always reads back with the text in it;
the bio keeps its word limit; listings and the Jekyll export always render (and the export
parses as YAML). CI runs a bounded number of examples;
CVGEN_FUZZ_EXAMPLES=2000 runs a long campaign (compiles scale down from it). Only free-text
fields are fuzzed: fields with a fixed set of values are validated long before any backend.
"""

from __future__ import annotations

import os
from enum import Enum
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from cvgen.bio.english import count_words
from cvgen.bio.shortbio import generate
from cvgen.model import CV
from cvgen.writers.docx.runs import clean
from cvgen.writers.pdf.tex import run_tex
from tests.support.html_safety import assert_inert
from tests.support.rendering import is_choice, listing, render
from tests.support.word_doc import paragraphs, read

EXAMPLES = int(os.environ.get("CVGEN_FUZZ_EXAMPLES", "60"))
COMPILES = max(3, EXAMPLES // 20)
SPECIAL = [
    "\u202e", "\u200f", "שלום", "مرحبا", "e\u0301", "\u0308", "😀", "👩\u200d🔬", "\x00", "\x07",
    "\x1b[31m", "\t", "\n", "\\", "{", "}", "$", "&", "#", "^^5c", "%", "~", "_", "\\input{x}",
    "\\catcode`\\@=0", "<script>", '"', "'", "--", "Ω", "中文", "\ufeff",
]  # fmt: skip
TEXT = (
    st.lists(st.sampled_from(SPECIAL) | st.text(min_size=1, max_size=8), min_size=1, max_size=6)
    .map("".join)
    .filter(lambda text: text.strip())
)


IDENTIFIERS = {"key", "entry_type"}  # a BibTeX key and entry type, unique words by construction


def poison(value: Any, text: str) -> Any:
    """`value` with every free-text string in it (what a user can type) replaced by `text`."""
    if isinstance(value, BaseModel):
        fields = type(value).model_fields.items()
        return value.model_copy(
            update={
                name: poison(getattr(value, name), text)
                for name, field in fields
                if not is_choice(field.annotation) and name not in IDENTIFIERS
            }
        )
    if isinstance(value, list):
        return [poison(item, text) for item in value]
    if isinstance(value, dict):
        return {key: poison(item, text) for key, item in value.items()}
    return text if isinstance(value, str) and not isinstance(value, Enum) else value


FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))


@FUZZ
@given(text=TEXT)
def test_latex_source_always_renders(small_cv: CV, text: str) -> None:
    tex = render(poison(small_cv, text), "latex")
    assert tex.count(r"\begin{document}") == 1 and tex.rstrip().endswith(r"\end{document}")


@settings(max_examples=COMPILES, deadline=None, suppress_health_check=list(HealthCheck))
@given(text=TEXT)
def test_latex_always_compiles(small_cv: CV, text: str) -> None:
    tex = render(poison(small_cv, text), "latex")
    assert run_tex(tex).pdf.startswith(b"%PDF")


@FUZZ
@given(text=TEXT)
def test_html_always_parses_inert(small_cv: CV, text: str) -> None:
    assert_inert(render(poison(small_cv, text), "html"))


@FUZZ
@given(text=TEXT, words=st.integers(min_value=30, max_value=400))
def test_bio_keeps_its_word_limit(small_cv: CV, text: str, words: int) -> None:
    bio = generate(poison(small_cv, text), "third", words)
    assert 0 < count_words(bio) <= words


@FUZZ
@given(text=TEXT, fmt=st.sampled_from(["text", "markdown", "html", "latex", "bibtex", "csl-json"]))
def test_listings_always_render(small_cv: CV, text: str, fmt: str) -> None:
    printed = listing(poison(small_cv, text), fmt, ["publications", "patents"])
    assert printed.strip()


@FUZZ
@given(text=TEXT)
def test_jekyll_export_is_always_valid_yaml(small_cv: CV, text: str) -> None:
    records = yaml.safe_load(render(poison(small_cv, text), "jekyll"))
    assert len(records) == len(small_cv.publications)


@FUZZ
@given(text=TEXT)
def test_word_always_writes_a_document_that_reads_back(small_cv: CV, text: str) -> None:
    doc = read(render(poison(small_cv, text), "docx"))
    assert any(clean(text) in paragraph.text for paragraph in paragraphs(doc))


@pytest.mark.parametrize("engine", ["weasyprint", "typst"])
@settings(
    max_examples=max(2, COMPILES // 2), deadline=None, suppress_health_check=list(HealthCheck)
)
@given(text=TEXT)
def test_pdf_engines_without_tex_always_print(small_cv: CV, engine: str, text: str) -> None:
    pdf = render(poison(small_cv, text), engine)
    assert pdf.startswith(b"%PDF")
