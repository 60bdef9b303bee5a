"""PDF through Typst: the document tree handed to a Typst template as JSON data.

The `typst` package from PyPI bundles the compiler and its fonts, so this engine needs no
system install, and it typesets a long CV in a fraction of TeX's or weasyprint's time. The
template never sees user text as markup: the whole tree travels in `sys.inputs` as JSON and
the template only places its strings as text, so no escaping is needed and none can fail.
The PDF is tagged (PDF/UA-1), with one bookmark per section and the CV's language.
"""

from __future__ import annotations

import json
import signal
import string
import subprocess
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from cvgen.document import Document, to_json
from cvgen.errors import CvgenError
from cvgen.files.children import confined, environment, python_folders
from cvgen.files.copies import copy_folder
from cvgen.files.private import work_folder
from cvgen.themes import Fonts, confinement
from cvgen.util.languages import primary
from cvgen.util.progress import step
from cvgen.words import text_direction
from cvgen.writers import WriteOptions, theme_of
from cvgen.writers.date_column import date_sample
from cvgen.writers.pdf.tex import source_date_epoch
from cvgen.writers.typst.child import TYPST_ERROR
from cvgen.writers.typst.sections import TypstSections

PAPERS = {"a4": "a4", "letter": "us-letter"}
STANDARDS = ["ua-1"]
CHILD = Path(__file__).resolve().with_name("child.py")
MAX_MEMORY = 1 << 30  # bytes of data (heap): Typst sets 5,000 publications in about 600 MB
TIMEOUT_SECONDS = 120


def template_path(options: WriteOptions) -> Path:
    """The theme's Typst template; themes without one of their own take classic's, which lays
    out any theme from its `typst:` block (theme_style)."""
    return theme_of(options).file("typst.typ")


def page_of_parts(template: str) -> list[dict[str, str]]:
    """'Page {page} of {pages}' as literal texts and named fields, for the footer."""
    parts: list[dict[str, str]] = []
    for literal, name, _, _ in string.Formatter().parse(template):
        if literal:
            parts.append({"text": literal})
        if name:
            parts.append({"field": name})
    return parts


# Where the theme's own fonts lack a script: Noto and DejaVu (fonts-noto-core, -cjk).
SCRIPT_FONTS = ("Noto Serif", "DejaVu Serif")
# Each script with fonts of its own, and the theme's font of it (theme.yaml fonts:), for that
# script's characters only: the theme's Latin font may have a few of them (New Computer Modern
# has Hebrew, in a lighter design and a slanted italic) but not their bold.
SCRIPTS = {
    "hebrew": r"[\p{Hebrew}]",
    "arabic": r"[\p{Arabic}]",
    "cjk": r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Bopomofo}\u3000-\u303f\uff00-\uffef]",
}
CJK_SLOTS = {"ja": "japanese", "ko": "korean"}  # other languages: the Chinese face


def _cjk_font(fonts: Fonts, language: str) -> str:
    return getattr(fonts, CJK_SLOTS.get(primary(language), "chinese"))


def script_fonts(fonts: Fonts, language: str) -> list[Any]:
    """The fonts of the scripts that have their own, each for its characters only; CJK in the
    face of `language` (Japanese forms for a Japanese text, Chinese ones otherwise)."""
    slots = {"hebrew": fonts.hebrew, "arabic": fonts.arabic, "cjk": _cjk_font(fonts, language)}
    return [{"name": slots[name], "covers": covers} for name, covers in SCRIPTS.items()]


def theme_style(options: WriteOptions, language: str = "en") -> dict[str, Any]:
    """The look the template lays out: the theme's `typst:` block (fonts, page margins in
    points, where the dates stand, the headings), its colours with the design's accent, and
    the font size (the design's, else the theme's)."""
    config = theme_of(options).config
    block = config.typst
    accent = options.accent or config.colours.accent
    fonts = [*script_fonts(config.fonts, language), *block.fonts, *SCRIPT_FONTS]
    return {
        **block.model_dump(exclude={"margins", "fonts"}),
        "fonts": fonts,
        "margins": block.margins.points(),
        "font_size": options.font_size or config.font_size,
        "colours": {**config.colours.model_dump(), "accent": accent},
    }


def _languages(tree: Any) -> set[str]:
    """Every run language of the tree's JSON."""
    if isinstance(tree, dict):
        own = {tree["lang"]} if isinstance(tree.get("lang"), str) and "text" in tree else set()
        return own.union(*(_languages(value) for value in tree.values()))
    if isinstance(tree, list):
        return set().union(*(_languages(value) for value in tree))
    return set()


def language_data(tree: Any, options: WriteOptions, language: str) -> dict[str, Any]:
    """Each run language's direction, and its fonts where its CJK face is not the CV's."""
    used = _languages(tree)
    fonts = theme_of(options).config.fonts
    own = _cjk_font(fonts, language)
    return {
        "directions": {lang: text_direction(lang) for lang in sorted(used)},
        "language_fonts": {
            primary(lang): theme_style(options, lang)["fonts"]
            for lang in sorted(used)
            if _cjk_font(fonts, lang) != own
        },
    }


def template_data(document: Document, options: WriteOptions) -> dict[str, Any]:
    """Everything the template reads: the tree (without the web page's JSON-LD, half its
    size at 5000 publications), its sections as the walk set them, the paper, the theme's
    look, the footer's parts and the widest date (the date column's width, as in the LaTeX
    themes)."""
    tree = to_json(replace(document, schema_org={}))
    sections = TypstSections(document, tree)
    sections.walk(document.sections)
    language = document.meta.lang
    return {
        "document": tree,
        "sections": sections.sections,
        **language_data(tree, options, language),
        "paper": PAPERS[options.paper or "a4"],
        "style": theme_style(options, language),
        "page_of": page_of_parts(document.furniture["page_of"]),
        "date_sample": date_sample(document),
    }


def typeset_typst(document: Document, options: WriteOptions) -> bytes:
    """The PDF; a Typst error (a bug in a template, never in the data) as a CvgenError."""
    return typst_source(document, options).compile()


def typst_pages(document: Document, options: WriteOptions) -> list[bytes]:
    """Each page as an SVG image, as the PDF shows it (for `cvgen serve`'s preview), from the
    same confined child."""
    pages = typst_source(document, options).compile("svg")
    return [page.encode("utf-8") for page in json.loads(pages)]


# The template's one line that reads the data cvgen hands it; a kept source reads a file instead.
DATA_LINE = "#let data = json(bytes(sys.inputs.cvgen))"


@dataclass(frozen=True)
class TypstSource:
    """The exact input of a Typst PDF: the theme's template and the JSON data it reads, and
    the folder the template's theme must stay in (see themes.confinement)."""

    template: Path
    data: str
    theme_root: Path | None = None

    def compile(self, form: str = "pdf") -> bytes:
        """The PDF, or the SVG pages as a JSON list (`form`), from the template.

        The template is code a user's theme may have written, so it compiles in a confined
        child process (child.py) on a private copy of the theme's folder: it reads nothing
        else, reaches no network (no `@preview` package is downloaded), and is stopped past
        its memory and time. A Typst error (a bug in a template, never in the data) is a
        CvgenError. PDF/UA-1 refuses a character no installed font has (an emoji, say): such
        a CV is still typeset, tagged, without the PDF/UA claim."""
        folder = self.template.parent
        with step("Typesetting with Typst"), work_folder("typst") as work:
            root = copy_folder(folder, work / "theme", confinement(folder, self.theme_root))
            packages = work / "packages"
            packages.mkdir()
            request = {
                "template": str(root / self.template.name),
                "root": str(root),
                "packages": str(packages),
                "data": self.data,
                "timestamp": int(source_date_epoch()),
                "standards": STANDARDS,
                "format": form,
            }
            made = _compile(request, read=[root, packages, *_typst_folders()])
        return _without_false_suspects(made) if form == "pdf" else made

    def files(self, pdf: Path) -> dict[Path, str]:
        """The source to keep beside `pdf` (`cvgen pdf --keep-source`): the template as
        NAME.typ, reading its data from NAME-data.json beside it instead of from cvgen, so
        that `typst compile NAME.typ` typesets the same PDF on its own."""
        text = self.template.read_text(encoding="utf-8")
        if DATA_LINE not in text:
            raise CvgenError(
                f"{self.template} does not read its data with `{DATA_LINE}`, so its source "
                "cannot be kept to compile on its own"
            )
        data = pdf.with_name(f"{pdf.stem}-data.json")
        reads = f"#let data = json({json.dumps(data.name, ensure_ascii=False)})"
        return {pdf.with_suffix(".typ"): text.replace(DATA_LINE, reads, 1), data: self.data}


def typst_source(document: Document, options: WriteOptions) -> TypstSource:
    """The template of the options' theme and the tree's data for it."""
    data = json.dumps(template_data(document, options), ensure_ascii=False)
    return TypstSource(template_path(options), data, theme_of(options).root)


NO_NETWORK = "http://127.0.0.1:9"  # a closed port: a package download fails at once


def _typst_folders() -> list[str]:
    import typst

    return [*python_folders(), str(Path(typst.__file__).resolve().parent), str(CHILD.parent)]


def _compile(request: dict, read: list) -> bytes:
    """Run child.py confined; its PDF, or its Typst error as a CvgenError."""
    command = confined([sys.executable, "-I", str(CHILD)], read, [], MAX_MEMORY, TIMEOUT_SECONDS)
    proxies = {name: NO_NETWORK for name in ("HTTPS_PROXY", "HTTP_PROXY", "ALL_PROXY")}
    env = environment(proxies)
    try:
        done = subprocess.run(
            command, input=json.dumps(request).encode(), capture_output=True,
            timeout=TIMEOUT_SECONDS, env=env, check=False,
        )  # fmt: skip
    except subprocess.TimeoutExpired:
        raise CvgenError(
            f"Typst did not finish within {TIMEOUT_SECONDS} s; nothing was written."
        ) from None
    if done.returncode == 0 and done.stdout.startswith((b"%PDF", b"[")):
        return done.stdout
    message = done.stderr.decode("utf-8", "replace").strip()
    if done.returncode != TYPST_ERROR:
        message = _crash(done.returncode, message)
    raise CvgenError(f"Typst could not typeset the CV: {message}")


def _crash(status: int, stderr: str) -> str:
    """What stopped the child: its memory or time limit, or a crash (its last line)."""
    if status in (-signal.SIGKILL, -signal.SIGXCPU) or "MemoryError" in stderr:
        return "it ran out of the memory or time cvgen gives it (a loop in the template?)"
    last = stderr.splitlines()[-1] if stderr else f"it stopped with status {status}"
    return last


def _without_false_suspects(pdf: bytes) -> bytes:
    """The PDF without Typst's `/Suspects false` in its /MarkInfo, which poppler (pdfinfo,
    pdftoppm) misreads as 'Suspects object is wrong type (boolean)' on every run: it is the
    default, and spaces of the same length keep every offset of the file."""
    entry = b"/Suspects false"
    return pdf.replace(entry, b" " * len(entry), 1) if pdf.count(entry) == 1 else pdf


class TypstWriter:
    walk = TypstSections

    def write(self, document: Document, options: WriteOptions) -> bytes:
        return typeset_typst(document, options)


WRITER = TypstWriter()
