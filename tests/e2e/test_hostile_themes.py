"""A stranger's theme through `cvgen pdf`, end to end: its LaTeX and Lua reach nothing outside,
and its own characters never choose the engine."""

from __future__ import annotations

import shutil
from pathlib import Path

import pypdf
import pytest
from click.testing import CliRunner

from cvgen.cli import main
from cvgen.files import confine
from tests.support.peak_memory import GB_IN_KB, run_measured

SMALL = Path(__file__).resolve().parents[1] / "data" / "small"
SECRET = "SECRET-theme-0c9d"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A CV with a theme 'sly' of its own; a secret and a file to keep beside the project."""
    folder = tmp_path / "cv"
    (folder / "themes" / "sly").mkdir(parents=True)
    shutil.copy(SMALL / "publications.bib", folder / "publications.bib")
    cv = (SMALL / "cv.yaml").read_text(encoding="utf-8")
    (folder / "cv.yaml").write_text(cv + "design: {theme: sly}\n", encoding="utf-8")
    (folder / "themes" / "sly" / "theme.yaml").write_text("description: a stranger's look\n")
    (tmp_path / "secret.txt").write_text(SECRET)
    (tmp_path / "victim.txt").write_text("keep me")
    return folder


def pdf(project: Path, latex: str, *args: str) -> tuple[int, str, str]:
    (project / "themes" / "sly" / "latex.tex").write_text(latex, encoding="utf-8")
    out = project / "cv.pdf"
    result = CliRunner().invoke(
        main, ["pdf", "--cv", str(project / "cv.yaml"), "-o", str(out), "--no-cache", *args]
    )
    text = ""
    if out.exists():
        text = "".join(page.extract_text() or "" for page in pypdf.PdfReader(out).pages)
    return result.exit_code, result.output, "".join(text.split())


CLASSIC = Path(__file__).resolve().parents[2] / "cvgen" / "themes" / "classic" / "latex.tex"


@pytest.mark.skipif(not confine.level(), reason="no Landlock in this kernel")
@pytest.mark.skipif(not shutil.which("lualatex"), reason="lualatex is not installed")
def test_a_themes_lua_and_tex_take_nothing_from_outside(project: Path) -> None:
    secret, victim = project.parent / "secret.txt", project.parent / "victim.txt"
    hostile = CLASSIC.read_text() + (
        f"\\directlua{{local f = io.open('{secret}'); if f then tex.print(f:read('*a')) end}}\n"
        f"\\directlua{{os.remove('{victim}')}}\n"
        f"\\AtBeginDocument{{\\immediate\\pdfextension obj file {{{secret}}}}}\n"
    )
    code, output, text = pdf(project, hostile, "--engine", "lualatex")
    assert SECRET not in output and SECRET not in text
    assert victim.read_text() == "keep me"
    assert code == 1 and "was refused" in output  # the obj file: refused, nothing written


@pytest.mark.skipif(not shutil.which("pdflatex"), reason="pdflatex is not installed")
def test_a_themes_own_characters_never_choose_the_engine(project: Path) -> None:
    macros = CLASSIC.read_text()
    themed = macros.replace(r"\newcommand{\cvsep}", "% λόγος 中文\n" + r"\newcommand{\cvsep}")
    assert themed != macros
    code, output, _ = pdf(project, themed)
    if not confine.level():
        assert code == 1 and "CVGEN_TRUSTED_THEMES" in output
        return
    assert code == 0, output
    assert "(pdflatex," in output


@pytest.mark.skipif(not confine.level(), reason="no Landlock in this kernel")
@pytest.mark.skipif(not shutil.which("lualatex"), reason="lualatex is not installed")
def test_a_greedy_theme_is_stopped_at_its_memory(project: Path) -> None:
    hog = r"\directlua{local t = {} for i = 1, 64 do t[i] = string.rep('x', 2^28) end}"
    (project / "themes" / "sly" / "latex.tex").write_text(CLASSIC.read_text() + hog + "\n")
    args = ["pdf", "--engine", "lualatex", "--no-cache", "-o", "out.pdf"]
    code, output, peak = run_measured(args, project)
    assert code == 1 and "lualatex failed" in output, output
    assert peak < GB_IN_KB * 1.2, f"{peak / 1024:.0f} MB"  # 1 GB of its own, and mapped fonts
