"""A PDF's text as pypdf and poppler read it, and a CV typeset by one engine."""

from __future__ import annotations

import io
import re
import subprocess
import unicodedata

import pypdf

from cvgen.model import CV
from cvgen.writers.pdf.tex import run_tex
from tests.support.rendering import render


def pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)


def squeeze(text: str) -> str:
    """Text compared regardless of line breaks, hyphenation, ligatures and quote style."""
    text = unicodedata.normalize("NFKC", text).translate(str.maketrans("“”‘’", "\"\"''"))
    return re.sub(r"[\s\-‐]+", "", text)


def typeset(cv: CV, engine: str, **options) -> bytes:
    """The CV's PDF from `engine`, with write options (a theme) by keyword."""
    if engine in ("pdflatex", "lualatex"):
        return run_tex(render(cv, "latex", **options), engine).pdf
    return render(cv, engine, **options)


def poppler_text(pdf: bytes) -> str:
    """What a reader copies: poppler (Evince, Okular, pdftotext) honours /ActualText."""
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()


def letters(text: str) -> str:
    return re.sub(r"\W+", "", unicodedata.normalize("NFKC", text)).lower()
