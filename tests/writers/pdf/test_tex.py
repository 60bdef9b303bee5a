"""The TeX runner on hand-written documents: sandboxing, timeouts, error excerpts, the charset.

These documents bypass escaping on purpose: they check the second line of defence, what TeX
itself may do, should a template or a bug ever let raw TeX through.
"""

from __future__ import annotations

import stat
from pathlib import Path
from unicodedata import normalize

import pytest

from cvgen.errors import CvgenError
from cvgen.themes import load_theme
from cvgen.writers.latex.markup import escape_latex
from cvgen.writers.latex.preamble import fonts
from cvgen.writers.pdf import tex as tex_engine
from cvgen.writers.pdf.tex import PDFLATEX_CHARS, choose_engine, error_excerpt, run_tex


def document(body: str) -> str:
    return f"\\documentclass{{article}}\n\\begin{{document}}\n{body}\n\\end{{document}}\n"


def test_tex_error_is_quoted_from_the_log() -> None:
    with pytest.raises(CvgenError) as error:
        run_tex(document(r"\undefinedmacro"), "pdflatex")
    message = error.value.message
    assert "Undefined control sequence" in message
    assert "cv.tex line 3: \\undefinedmacro" in message
    assert "Here is how much" not in message


def test_tex_cannot_read_outside_or_run_commands(tmp_path: Path) -> None:
    with pytest.raises(CvgenError, match="passwd"):
        run_tex(document(r"\input{/etc/passwd}"), "pdflatex")
    marker = tmp_path / "pwned"
    run_tex(document(f"\\immediate\\write18{{touch {marker}}}x"), "pdflatex")
    assert not marker.exists()
    target = tmp_path / "out.txt"
    with pytest.raises(CvgenError, match="can't write"):
        run_tex(document(f"\\immediate\\openout1={target} \\immediate\\write1{{x}}x"), "pdflatex")
    assert not target.exists()


def test_runaway_tex_is_stopped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tex_engine, "TIMEOUT_SECONDS", 1)
    with pytest.raises(CvgenError, match="did not finish within 1 s"):
        run_tex(document(r"\def\x{\x}\x"), "pdflatex")


def test_every_character_auto_gives_pdflatex_compiles_with_it() -> None:
    # (three of them NFC-normalise to characters outside the set, e.g. OHM SIGN to OMEGA)
    chars = "".join(sorted(c for c in PDFLATEX_CHARS - set("\n\t") if normalize("NFC", c) == c))
    preamble = "\\usepackage{iftex}" + fonts(load_theme())  # T1 Latin Modern and \\cvmath
    tex = document(escape_latex(chars)).replace("\\begin", preamble + "\n\\begin", 1)
    assert choose_engine(tex) == "pdflatex"
    result = run_tex(tex)  # raises on "Unicode character ... not set up for use with LaTeX"
    assert result.engine == "pdflatex" and "Missing character" not in result.log
    assert choose_engine(tex + "ℓ") == "lualatex"


def test_a_tex_error_after_other_text_on_its_line_is_found() -> None:
    log = (
        "LaTeX Warning: Reference `LastPage' on page 1 undefined on input line 145.\n"
        "(lastpage)             ! on input line 98.\n"
        "[1{/var/lib/texmf/fonts/map/pdftex/updmap/pdftex.map}]! Undefined control sequence.\n"
        "l.12 \\cvnope\n"
    )
    excerpt = error_excerpt(log, "\n" * 11 + "\\cvnope{x}\n")
    assert excerpt is not None and excerpt.splitlines()[0] == "! Undefined control sequence."
    assert "cv.tex line 12: \\cvnope{x}" in excerpt and "LastPage" not in excerpt


def test_a_line_too_long_for_tex_is_shown_instead_of_the_log_tail() -> None:
    """The review's case: TeX prints this fatal error on the terminal only, after other text."""
    body = "word " * 60_000
    document = f"\\documentclass{{article}}\n\\begin{{document}}\n{body}\n\\end{{document}}\n"
    with pytest.raises(CvgenError) as error:
        run_tex(document, "pdflatex")
    lines = error.value.message.splitlines()
    assert lines[1] == "! Unable to read an entire line---bufsize=200000."
    assert "a text in the data is too long" in lines[2] and len(lines) == 3


def test_tex_works_in_a_private_folder_it_removes(work_folders, monkeypatch) -> None:
    cache, system = work_folders
    seen: list[Path] = []
    real = tex_engine._run_pass

    def spy(engine, directory, draft, tex):
        seen.append(directory)
        assert stat.S_IMODE(directory.stat().st_mode) == 0o700
        assert (directory / "cv.tex").read_text(encoding="utf-8") == tex
        return real(engine, directory, draft, tex)

    monkeypatch.setattr(tex_engine, "_run_pass", spy)
    assert tex_engine.run_tex(DOCUMENT, "pdflatex").pdf.startswith(b"%PDF")
    assert seen and all(d.parent == cache / "work" for d in seen)
    assert not seen[0].exists() and list(system.iterdir()) == []
    assert stat.S_IMODE((cache / "work").stat().st_mode) == 0o700


DOCUMENT = "\\documentclass{article}\n\\begin{document}\nx\n\\end{document}\n"
