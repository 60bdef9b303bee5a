"""TeX engines are sandboxed alike (writers/pdf/tex.py, tex_sandbox.py; files/children.py):
whatever a theme's TeX or Lua tries, it reads no file outside TeX's own and its work folder,
writes none, runs nothing, sees no secret of the environment, and takes bounded memory; the
engine is chosen by the CV's text, never by the theme."""

from __future__ import annotations

import contextlib
import io
import re
import shutil
import zlib
from pathlib import Path

import pytest

from cvgen.errors import CvgenError
from cvgen.files.children import can_confine
from cvgen.writers.pdf import tex_sandbox
from cvgen.writers.pdf.tex import choose_engine, run_tex
from tests.support.paths import DATA

SECRET = "SECRET-7f3a9c"
TOKEN = "ghp_TOKEN4e8d1b"
LANDLOCK = pytest.mark.skipif(not can_confine(), reason="no Landlock in this kernel")
needs = {engine: shutil.which(engine) for engine in ("pdflatex", "lualatex", "xelatex")}


def document(body: str, preamble: str = "") -> str:
    head = f"\\documentclass{{article}}\n{preamble}\n"
    return f"{head}\\begin{{document}}\nX\n{body}\n\\end{{document}}\n"


def pdf_holds(pdf: bytes, text: str) -> bool:
    """Whether `text` is anywhere in the PDF: its raw bytes, its streams, its extracted text."""
    import pypdf

    found = text.encode() in pdf
    for match in re.finditer(rb"stream\r?\n", pdf):
        end = pdf.find(b"endstream", match.end())
        with contextlib.suppress(zlib.error):
            found = found or text.encode() in zlib.decompress(pdf[match.end() : end])
    pages = pypdf.PdfReader(io.BytesIO(pdf)).pages
    shown = "".join("".join((page.extract_text() or "").split()) for page in pages)
    return found or text in shown


@pytest.fixture
def outside(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder of the user's outside every TeX folder: a secret to read, a file to delete."""
    (tmp_path / "secret.txt").write_text(SECRET + "\n")
    (tmp_path / "victim.txt").write_text("keep me\n")
    monkeypatch.setenv("CVGEN_TEST_TOKEN", TOKEN)
    return tmp_path


LUA_ATTEMPTS = DATA / "hostile" / "attempts.lua"


@pytest.mark.skipif(not needs["lualatex"], reason="lualatex is not installed")
def test_a_themes_lua_reaches_nothing_outside(outside: Path) -> None:
    lua = LUA_ATTEMPTS.read_text().replace("{secret}", str(outside / "secret.txt"))
    lua = "\n".join(line for line in lua.splitlines() if not line.startswith("--"))
    lua = lua.replace("{folder}", str(outside))
    pdf = run_tex(document(f"\\directlua{{{lua}}}"), "lualatex").pdf
    assert pdf_holds(pdf, "MARKER-OK")  # what the check can see, it sees
    assert not pdf_holds(pdf, SECRET) and not pdf_holds(pdf, TOKEN)
    assert not pdf_holds(pdf, "victim.txt")  # no listing of the folder either
    assert sorted(p.name for p in outside.iterdir()) == ["secret.txt", "victim.txt"]


FILE_PRIMITIVES = {
    "pdflatex": [r"\immediate\pdfobj file {SECRET}", r"\immediate\pdfobj stream file {SECRET}",
                 r"\input{SECRET}", r"\input{$CVGEN_TEST_TOKEN}", r"\openin1=SECRET \read1 to\x\x"],
    "lualatex": [r"\immediate\pdfextension obj file {SECRET}",
                 r"\directlua{luatexbase.add_to_callback('find_read_file', function() return "
                 r"'SECRET' end, 'steal')}\input{anything}",
                 r"\directlua{luatexbase.add_to_callback('open_read_file', function() return "
                 r"{reader = function() return io.open('SECRET'):read('*l') end} end, 'x')}"
                 r"\input{anything}"],
    "xelatex": [r"\XeTeXpdffile 'SECRET'", r"\special{pdf:fstream @x (SECRET)}"],
}  # fmt: skip
CASES = [(engine, body) for engine, bodies in FILE_PRIMITIVES.items() for body in bodies]


@LANDLOCK
@pytest.mark.parametrize(("engine", "body"), CASES)
def test_file_primitives_kpathsea_leaves_open_are_closed(outside: Path, engine, body) -> None:
    if not needs[engine]:
        pytest.skip(f"{engine} is not installed")
    tex = document(body.replace("SECRET", str(outside / "secret.txt")))
    try:
        pdf = run_tex(tex, engine).pdf
    except CvgenError as error:
        assert SECRET not in error.message and TOKEN not in error.message
        return
    assert not pdf_holds(pdf, SECRET) and not pdf_holds(pdf, TOKEN)


def test_the_engine_follows_the_cvs_text_not_the_theme() -> None:
    theme_macros = r"\newcommand{\cvsep}{ λ · 中 }"  # a theme's own characters
    tex = document("Plain Latin text", theme_macros)
    assert choose_engine(tex) == "lualatex"
    assert choose_engine("Plain Latin text") == "pdflatex"
    assert choose_engine("Ἀριστοτέλης") == "lualatex"


def test_the_engine_reads_only_the_cvs_shown_text(small_cv) -> None:
    from cvgen.writers import WriteOptions
    from cvgen.writers.latex.writer import tex_source
    from tests.support.rendering import document as composed

    tex, shown = tex_source(composed(small_cv), WriteOptions())
    assert "\\newcommand" in tex and "\\newcommand" not in shown  # the theme's macros are out
    assert "\\cvsection" in shown  # the body is in


def test_a_users_theme_runs_tex_only_where_it_can_be_confined(monkeypatch) -> None:
    monkeypatch.setattr(tex_sandbox, "can_confine", lambda: False)
    monkeypatch.delenv(tex_sandbox.TRUSTED_THEMES, raising=False)
    with pytest.raises(CvgenError, match="the theme 'sly' brings its own LaTeX") as refused:
        tex_sandbox.refuse_unconfined("sly")
    assert "--engine typst" in refused.value.message
    assert "CVGEN_TRUSTED_THEMES=sly" in refused.value.message
    monkeypatch.setenv(tex_sandbox.TRUSTED_THEMES, "other, sly")
    tex_sandbox.refuse_unconfined("sly")


def test_tex_folders_never_open_the_home_folder_whole(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setattr(Path, "home", staticmethod(lambda: tmp_path))
    found = [str(tmp_path), "/", str(tmp_path / "texmf")]
    monkeypatch.setattr(tex_sandbox, "_kpse_expand", lambda _: found)
    (tmp_path / "texmf").mkdir()
    tex_sandbox.tex_folders.cache_clear()
    try:
        assert tex_sandbox.tex_folders() == (str((tmp_path / "texmf").resolve()),)
    finally:
        tex_sandbox.tex_folders.cache_clear()


def test_a_trusted_theme_or_a_confinable_system_runs_its_tex(monkeypatch) -> None:
    monkeypatch.delenv(tex_sandbox.TRUSTED_THEMES, raising=False)
    monkeypatch.setattr(tex_sandbox, "can_confine", lambda: True)
    tex_sandbox.refuse_unconfined("sly")  # Landlock confines it: nothing to refuse
    monkeypatch.setattr(tex_sandbox, "can_confine", lambda: False)
    monkeypatch.setenv(tex_sandbox.TRUSTED_THEMES, "slyer")  # a name, not a prefix
    with pytest.raises(CvgenError, match="'sly' brings its own LaTeX"):
        tex_sandbox.refuse_unconfined("sly")


def test_the_font_cache_is_cvgens_own_seeded_once(monkeypatch, tmp_path: Path) -> None:
    system = tmp_path / "texmf-var"
    (system / "luatex-cache" / "generic").mkdir(parents=True)
    (system / "luatex-cache" / "generic" / "names.luc").write_text("names")
    monkeypatch.setattr(tex_sandbox, "cache_dir", lambda: tmp_path / "cvgen")
    monkeypatch.setattr(
        tex_sandbox, "_kpse_expand", lambda _: [str(tmp_path / "none"), str(system)]
    )
    folder = tex_sandbox.luaotfload_cache()
    assert folder == tmp_path / "cvgen" / "texmf-cache"
    assert (folder / "luatex-cache" / "generic" / "names.luc").read_text() == "names"
    (system / "luatex-cache" / "generic" / "names.luc").write_text("changed")
    assert tex_sandbox.luaotfload_cache() == folder  # seeded once: the copy is not refreshed
    assert (folder / "luatex-cache" / "generic" / "names.luc").read_text() == "names"
    assert sorted(p.name for p in (tmp_path / "cvgen").iterdir()) == ["texmf-cache"]


def test_without_a_system_cache_the_font_cache_starts_empty(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setattr(tex_sandbox, "cache_dir", lambda: tmp_path)
    monkeypatch.setattr(tex_sandbox, "_kpse_expand", lambda _: [])
    assert list(tex_sandbox.luaotfload_cache().iterdir()) == []


def test_without_kpathsea_no_folder_is_named(monkeypatch) -> None:
    monkeypatch.setattr(tex_sandbox.shutil, "which", lambda _: None)
    assert tex_sandbox._kpse_expand("$TEXMF") == []
