"""Themes through the command line: listed, chosen, a user's own, the design's accent, font size
and paper, a file linked out of its folder."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from cvgen.cli import main
from tests.support.projects import small_project
from tests.support.rendering import THEMES


def test_cvgen_themes_lists_names_and_aligned_descriptions() -> None:
    result = CliRunner().invoke(main, ["themes"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert [line.split(" ", 1)[0] for line in lines] == sorted(THEMES)
    assert all(re.fullmatch(r"[a-z]+ +\S.{10,}", line) for line in lines)
    starts = {len(line) - len(line.split(" ", 1)[1].lstrip()) for line in lines}
    assert starts == {max(map(len, THEMES)) + 2}  # every description in one column


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


def test_a_users_theme_is_listed_used_and_only_says_what_differs(
    tmp_path: Path, small_sources
) -> None:
    cv = small_project(tmp_path, small_sources, "design: {theme: mine}\n")
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


def test_accent_font_size_and_paper_from_the_design(tmp_path: Path, small_sources) -> None:
    design = "design: {accent: '#aa3300', font_size: 12, paper: letter}\n"
    cv = small_project(tmp_path, small_sources, design)
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
    cv = small_project(tmp_path, small_sources, "design: {theme: sly}\n")
    folder = tmp_path / "themes" / "sly"
    folder.mkdir(parents=True)
    (folder / "theme.yaml").write_text("description: Reads a file it should not\n")
    secret = tmp_path / "secret.txt"
    secret.write_text("not for the CV")
    (folder / "cv.css").symlink_to(secret)
    page = tmp_path / "cv.html"
    result = CliRunner().invoke(main, ["html", "--cv", str(cv), "-o", str(page)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert re.search(r"sly/cv\.css leads out of \S+/themes/sly through a symbolic", result.output)
    assert not page.exists()
