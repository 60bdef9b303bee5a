"""Themes: listed, each a folder every writer reads, each typeset cleanly; a user's own theme
beside cv.yaml; the design's accent, font size and paper."""

from __future__ import annotations

import io
import re
import unicodedata
from pathlib import Path

import pypdf
import pytest
from click.testing import CliRunner
from html_doc import parse, visible_text
from rendering import render

from cvgen.cli import main
from cvgen.compose import compose
from cvgen.errors import CvgenError
from cvgen.model import CV
from cvgen.themes import available, load_theme
from cvgen.writers.pdf.tex import run_tex

THEMES = ("classic", "modern", "compact", "grant")


def themed(cv: CV, target: str, name: str, **options) -> str:
    return render(cv, target, theme=load_theme(name), **options)  # type: ignore[return-value]


def test_cvgen_themes_lists_names_and_aligned_descriptions() -> None:
    result = CliRunner().invoke(main, ["themes"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert [line.split(" ", 1)[0] for line in lines] == sorted(THEMES)
    assert all(re.fullmatch(r"[a-z]+ +\S.{10,}", line) for line in lines)
    starts = {len(line) - len(line.split(" ", 1)[1].lstrip()) for line in lines}
    assert starts == {max(map(len, THEMES)) + 2}  # every description in one column


@pytest.mark.parametrize("name", THEMES[1:])
def test_golden_small_per_theme(name: str, small_cv: CV, golden) -> None:
    golden(f"small-{name}.tex", themed(small_cv, "latex", name))
    golden(f"small-{name}.html", themed(small_cv, "html", name))


def _normal(text: str) -> str:
    return re.sub(r"\W+", "", unicodedata.normalize("NFKC", text)).lower()


@pytest.mark.parametrize("name", THEMES)
def test_each_theme_typesets_the_example_with_every_title_and_no_overfull_box(
    name: str, example_cv: CV
) -> None:
    result = run_tex(themed(example_cv, "latex", name))
    assert not re.findall(r"^Overfull .*$", result.log, re.M)
    assert "Missing character" not in result.log
    reader = pypdf.PdfReader(io.BytesIO(result.pdf))
    text = _normal("".join(page.extract_text() for page in reader.pages).replace("-\n", ""))
    document = compose(example_cv)
    for section in document.sections:
        assert _normal(section.heading) in text
    for pub in example_cv.publications:
        assert _normal(pub.title) in text, pub.title


@pytest.mark.parametrize("name", THEMES[1:])
def test_each_theme_typesets_a_latin_cv_with_pdflatex(name: str, small_cv: CV) -> None:
    """The fast engine gets each theme's own family (tgtermes, tgpagella, lmodern sans)."""
    result = run_tex(themed(small_cv, "latex", name))
    assert result.engine == "pdflatex"
    assert not re.findall(r"^Overfull .*$", result.log, re.M)
    fonts = re.findall(r"/(\w+)\.pfb", result.log)
    family = {"modern": "lmss", "compact": "qtm", "grant": "qpl"}[name]
    assert any(font.startswith(family) for font in fonts), fonts


@pytest.mark.parametrize("name", THEMES)
def test_each_theme_page_has_every_title(name: str, example_cv: CV) -> None:
    page = parse(themed(example_cv, "html", name))
    text = _normal(visible_text(page))
    assert all(_normal(pub.title) in text for pub in example_cv.publications)
    assert page.find("style") is not None


def test_the_grant_theme_is_black_in_one_serif_family(small_cv: CV) -> None:
    tex = themed(small_cv, "latex", "grant")
    colours = re.findall(r"\\definecolor\{cv\w+\}\{(\w+)\}\{([^}]*)\}", tex)
    assert colours and set(colours) == {("gray", "0.00")}
    assert r"\usepackage{tgpagella}" in tex and r"\setmainfont{TeX Gyre Pagella}" in tex
    assert r"\textcolor" not in load_theme("grant").text("latex.tex")


def test_theme_and_its_defaults_through_the_command_line(small_sources, tmp_path: Path) -> None:
    out = tmp_path / "cv.tex"
    args = ["latex", "--cv", str(small_sources.cv), "--theme", "grant", "-o", str(out)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    tex = out.read_text(encoding="utf-8")
    assert r"\cvsection[1]{\pdfbookmark[0]{1. Research Interests}" in tex  # numbered sections
    assert r"\usepackage{tgpagella}" in tex
    page = tmp_path / "cv.html"
    args = ["html", "--cv", str(small_sources.cv), "--theme", "modern", "-o", str(page)]
    assert CliRunner().invoke(main, args).exit_code == 0
    assert "--hint:" in page.read_text(encoding="utf-8")


def test_unknown_theme_names_the_choices(small_sources) -> None:
    result = CliRunner().invoke(main, ["html", "--cv", str(small_sources.cv), "--theme", "modrn"])
    assert result.exit_code == 1
    assert "unknown theme 'modrn'; did you mean 'modern'?" in result.output
    assert "classic, compact, grant, modern" in result.output


# --- a theme of one's own ----------------------------------------------------------------------


def _project(tmp_path: Path, small_sources, design: str = "") -> Path:
    text = small_sources.cv.read_text(encoding="utf-8") + design
    (tmp_path / "cv.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "publications.bib").write_bytes(small_sources.bib.read_bytes())
    return tmp_path / "cv.yaml"


def test_a_users_theme_is_listed_used_and_only_says_what_differs(
    tmp_path: Path, small_sources
) -> None:
    cv = _project(tmp_path, small_sources, "design: {theme: mine}\n")
    folder = tmp_path / "themes" / "mine"
    (folder / "html").mkdir(parents=True)
    (folder / "theme.yaml").write_text(
        "description: My department's look\ncolours: {accent: '#0a7f3f'}\n", encoding="utf-8"
    )
    (folder / "cv.css").write_text('{% include "html/classic.css" %}\nh2 { color: teal; }\n')
    (folder / "html" / "header.html").write_text("<header class='mine'>{{ header.name }}</header>")
    listed = CliRunner().invoke(main, ["themes", "--cv", str(cv)])
    assert "mine     My department's look" in listed.output.splitlines()
    runner = CliRunner()
    tex, page = tmp_path / "cv.tex", tmp_path / "cv.html"
    assert runner.invoke(main, ["latex", "--cv", str(cv), "-o", str(tex)]).exit_code == 0
    assert runner.invoke(main, ["html", "--cv", str(cv), "-o", str(page)]).exit_code == 0
    latex = tex.read_text(encoding="utf-8")
    assert r"\definecolor{cvaccent}{rgb}{0.04,0.50,0.25}" in latex  # its colour
    assert r"\newcommand{\cvdated}" in latex  # classic's layout, which it did not replace
    html = page.read_text(encoding="utf-8")
    assert "h2 { color: teal; }" in html and "<header class='mine'>Jonas Åberg</header>" in html
    # a templates/ folder beside cv.yaml still overrides file by file, on top of the theme
    (tmp_path / "templates" / "html").mkdir(parents=True)
    (tmp_path / "templates" / "html" / "header.html").write_text("<header>mine too</header>")
    assert runner.invoke(main, ["html", "--cv", str(cv), "-o", str(page)]).exit_code == 0
    assert "<header>mine too</header>" in page.read_text(encoding="utf-8")


def test_a_users_theme_of_a_shipped_name_takes_precedence(tmp_path: Path) -> None:
    folder = tmp_path / "themes" / "compact"
    folder.mkdir(parents=True)
    (folder / "theme.yaml").write_text("description: Mine, not cvgen's\n", encoding="utf-8")
    assert available(tmp_path)["compact"] == folder
    assert load_theme("compact", tmp_path).description == "Mine, not cvgen's"
    assert load_theme("compact").description != "Mine, not cvgen's"


def test_a_broken_theme_yaml_is_reported_with_file_and_line(tmp_path: Path) -> None:
    folder = tmp_path / "themes" / "broken"
    folder.mkdir(parents=True)
    (folder / "theme.yaml").write_text(
        "description: Broken\ncolours:\n  accent: blue\nfont_size: 9\n"
        "typst:\n  dates: middle\n  margins: {left: wide}\n",
        encoding="utf-8",
    )
    with pytest.raises(CvgenError) as raised:
        load_theme("broken", tmp_path)
    message = raised.value.format_message()
    assert "theme.yaml:3: colours.accent: 'blue' is not a colour" in message
    assert "theme.yaml:4: font_size: must be one of 10, 11, 12" in message
    assert "theme.yaml:6: typst.dates: must be one of right, left" in message
    assert "theme.yaml:7: typst.margins.left: 'wide' is not a length" in message


# --- design settings the writers read -----------------------------------------------------------


def test_accent_font_size_and_paper_from_the_design(tmp_path: Path, small_sources) -> None:
    design = "design: {accent: '#aa3300', font_size: 12, paper: letter}\n"
    cv = _project(tmp_path, small_sources, design)
    runner = CliRunner()
    tex, page = tmp_path / "cv.tex", tmp_path / "cv.html"
    assert runner.invoke(main, ["latex", "--cv", str(cv), "-o", str(tex)]).exit_code == 0
    latex = tex.read_text(encoding="utf-8")
    assert latex.startswith(r"\documentclass[12pt]{article}")
    assert r"\definecolor{cvaccent}{rgb}{0.67,0.20,0.00}" in latex and "letterpaper" in latex
    args = ["latex", "--cv", str(cv), "--paper", "a4", "-o", str(tex)]
    assert runner.invoke(main, args).exit_code == 0
    assert "a4paper" in tex.read_text(encoding="utf-8")  # the command line wins
    assert runner.invoke(main, ["html", "--cv", str(cv), "-o", str(page)]).exit_code == 0
    html = page.read_text(encoding="utf-8")
    assert "--accent: #aa3300;" in html and "font-size: 12pt;" in html


def test_a_theme_file_linked_out_of_its_folder_is_refused(tmp_path: Path, small_sources) -> None:
    cv = _project(tmp_path, small_sources, "design: {theme: sly}\n")
    folder = tmp_path / "themes" / "sly"
    folder.mkdir(parents=True)
    (folder / "theme.yaml").write_text("description: Reads a file it should not\n")
    secret = tmp_path / "secret.txt"
    secret.write_text("not for the CV")
    (folder / "cv.css").symlink_to(secret)
    page = tmp_path / "cv.html"
    result = CliRunner().invoke(main, ["html", "--cv", str(cv), "-o", str(page)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert re.search(r"sly/cv\.css is a symbolic link out of \S+/themes/sly", result.output)
    assert not page.exists()
