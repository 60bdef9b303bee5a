"""Themes (themes/__init__.py): a user's theme of a shipped name wins, a broken theme.yaml is
reported with file and line, the grant theme is black in one family."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cvgen.errors import CvgenError
from cvgen.model import CV
from cvgen.themes import available, load_theme
from tests.support.rendering import themed


def test_the_grant_theme_is_black_in_one_serif_family(small_cv: CV) -> None:
    tex = themed(small_cv, "latex", "grant")
    colours = re.findall(r"\\definecolor\{cv\w+\}\{(\w+)\}\{([^}]*)\}", tex)
    assert colours and set(colours) == {("gray", "0.00")}
    assert r"\usepackage{tgpagella}" in tex and r"\setmainfont{TeX Gyre Pagella}" in tex
    assert r"\textcolor" not in load_theme("grant").text("latex.tex")


# --- a theme of one's own ----------------------------------------------------------------------


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
