"""Biosketches as PDF (bio/pdf.py): the page limit's message, and a sketch typeset."""

from __future__ import annotations

import io

from pypdf import PdfReader

from cvgen.bio.pdf import page_violations, sketch_pdf
from cvgen.bio.profile import load_profile
from cvgen.bio.sketch import build_sketch
from cvgen.writers.pdf.writer import page_count
from tests.support.bio import ORDER


def test_erc_page_limit_message():
    profile = load_profile("erc")
    assert page_violations(profile, 4) == []
    assert page_violations(profile, 6) == [
        "Curriculum Vitae and Track Record: 6 pages, ERC allows 4 — "
        "narrow with --tag, --since or --last"
    ]


def test_the_nsf_sketch_as_pdf(small_cv):
    pdf = sketch_pdf(build_sketch(small_cv, load_profile("nsf")))
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert page_count(pdf) == 1
    for heading in ORDER["nsf"]:
        assert heading.upper() in text
    assert "Jonas Åberg" in text
