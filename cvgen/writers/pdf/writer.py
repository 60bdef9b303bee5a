"""PDF by the best engine available: TeX (via the LaTeX writer), else Typst.

`options.engine` is auto, pdflatex, lualatex, xelatex, typst or weasyprint. With auto and no
TeX installed, the CV is typeset by Typst (a Python package, always there) instead, with a
notice saying so, and so is a CV in Chinese, Japanese or Korean; weasyprint prints the HTML
CV's look, when asked for.
"""

from __future__ import annotations

import io
import json
import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from cvgen.document import Document, to_json
from cvgen.formats import get_format
from cvgen.writers import WriteOptions, theme_of
from cvgen.writers.latex.writer import tex_source
from cvgen.writers.pdf.fonts import (
    MissingCharacters,
    document_texts,
    installed_coverage,
    missing_message,
    tex_missing,
    uncovered,
)
from cvgen.writers.pdf.tex import TexNotFound, run_tex
from cvgen.writers.typst.writer import typst_source

logger = logging.getLogger(__name__)


class EngineSource(Protocol):
    """What an engine typeset, as files to keep beside the PDF (`cvgen pdf --keep-source`)."""

    def files(self, pdf: Path) -> dict[Path, str]: ...


@dataclass(frozen=True)
class TexSource:
    """The LaTeX document a TeX engine typeset: NAME.tex beside NAME.pdf."""

    tex: str

    def files(self, pdf: Path) -> dict[Path, str]:
        return {pdf.with_suffix(".tex"): self.tex}


@dataclass(frozen=True)
class NoSource:
    """weasyprint prints the web page, which `cvgen html` writes: nothing of its own to keep."""

    def files(self, pdf: Path) -> dict[Path, str]:
        return {}


def _typst(document: Document, options: WriteOptions) -> tuple[bytes, str, EngineSource]:
    source = typst_source(document, options)
    _check_fonts("typst", document, options, json.loads(source.data))  # what Typst reads
    return source.compile(), "typst", source


def typeset(document: Document, options: WriteOptions) -> tuple[bytes, str, EngineSource]:
    """The PDF, a few words on how it was made (engine and TeX passes) and the engine's input.
    Characters no font of the engine has stop it (font_coverage.py), unless the options say
    to warn."""
    engine = options.engine
    if engine == "typst":
        return _typst(document, options)
    if engine == "weasyprint":
        _check_fonts(engine, document, options)
        pdf = get_format(engine).load().write(document, options)
        return pdf, engine, NoSource()
    tex, shown = tex_source(document, options)
    if engine == "auto" and _CJK.search(shown):
        logger.info("Chinese, Japanese or Korean text: typeset with Typst")
        return _typst(document, options)
    theme = theme_of(options)
    try:
        result = run_tex(tex, engine, shown, None if theme.is_shipped else theme.name)
    except TexNotFound as missing:
        if engine != "auto":
            raise
        logger.warning("%s\nUsing the Typst engine instead.", missing.message)
        return _typst(document, options)
    _report_missing(tex_missing(result.log), result.engine, document, options)
    return result.pdf, f"{result.engine}, {result.passes} passes", TexSource(tex)


# Han, kana and Hangul: LuaLaTeX needs more memory than cvgen grants an engine (1 GB) to load
# a CJK font's tables, so `auto` sets a CV whose text has them with Typst, which can.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def _check_fonts(
    engine: str, document: Document, options: WriteOptions, tree: Any | None = None
) -> None:
    """Typst and weasyprint take each character from any installed font that has it. `tree`:
    the document's JSON as the engine reads it, when the writer has made it already."""
    coverage = installed_coverage()
    if coverage is not None:
        texts = document_texts(to_json(document) if tree is None else tree)
        _report_missing(uncovered("".join(texts), coverage), engine, document, options, texts)


def _report_missing(
    chars: list[str],
    engine: str,
    document: Document,
    options: WriteOptions,
    texts: list[str] | None = None,
) -> None:
    if not chars:
        return
    message = missing_message(chars, engine, texts or document_texts(to_json(document)))
    if options.missing_characters == "warn":
        logger.warning("Warning: %s", message)
        return
    raise MissingCharacters(message + "\nNothing was written.")


class Typeset(bytes):
    """A PDF, how it was made ('pdflatex, 2 passes'), for the command to report, and the
    engine's input, for the command to keep when asked."""

    how: str
    source: EngineSource

    def __new__(cls, pdf: bytes, how: str, source: EngineSource) -> Typeset:
        made = super().__new__(cls, pdf)
        made.how = how
        made.source = source
        return made


def page_count(pdf: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


class PdfWriter:
    def write(self, document: Document, options: WriteOptions) -> Typeset:
        return Typeset(*typeset(document, options))


WRITER = PdfWriter()
