"""Macros the user defines (load/latex/macros.py): in cv.yaml or the .bib's @preamble, and the
warning for unknown ones."""

from __future__ import annotations

from cvgen.load.bibtex.file import BibOptions, parse_bibtex
from cvgen.load.latex.macros import (
    MAX_EXPANSION,
    NO_MACROS,
    MacroDef,
    MacroTable,
    expand_raw,
    preamble_macros,
)
from tests.support.bib import OWNER, one_entry


def test_unknown_macros_are_one_warning_each_naming_the_fix() -> None:
    bib = "\n".join(
        rf"@article{{a{i}, author = {{\studentname{{Kemencei, Z.}} and Lele, S.}}, title = {{T}},"
        rf" journal = {{J}}, year = 2020}}"
        for i in range(3)
    )
    pubs, problems = parse_bibtex(bib, "x.bib", options=OWNER)
    assert [a.display for a in pubs[0].authors] == ["Z. Kemencei", "S. Lele"]
    (warning,) = problems
    assert warning.line == 1 and "\\studentname" in warning.message
    assert "2 more entries" in warning.message and "macros: {studentname: '...'}" in warning.message


def test_a_macro_standing_for_an_author() -> None:
    bib = r"@article{a, author = {{\psolymos} and Lele, S. R.}, title={T}, journal={J}, year=2015}"
    defined = BibOptions(owner="Péter Sólymos", macros={"psolymos": "Sólymos, P."})
    pub, problems = one_entry(bib, defined)
    assert [a.display for a in pub.authors] == ["P. Sólymos", "S. R. Lele"] and not problems
    guessed, problems = one_entry(bib)  # undefined, but it holds the owner's surname
    assert [a.display for a in guessed.authors] == ["Péter Sólymos", "S. R. Lele"]
    assert "read as Péter Sólymos" in problems[0].message
    stranger, problems = one_entry(bib.replace("psolymos", "coauthor"))
    assert [a.display for a in stranger.authors] == ["S. R. Lele"]
    assert "\\coauthor" in problems[0].message and "left out" in problems[0].message


def test_preamble_definitions_are_read() -> None:
    bib = r"""@preamble{ "\newcommand{\me}{Sólymos, P.} \def\hl#1{\textbf{#1}}" }
@article{a, author = {\me and \hl{Lele}, S.}, title = {T}, journal = {J}, year = 2020}"""
    pub, problems = one_entry(bib)
    assert [a.display for a in pub.authors] == ["P. Sólymos", "S. Lele"] and not problems


def test_cv_yaml_macros_take_as_many_arguments_as_their_highest_parameter() -> None:
    table = MacroTable.from_config({"\\me": "Sólymos, P.", "hl": "\\textbf{#1}", "two": "#2-#1"})
    assert table.get("me") == MacroDef(0, "Sólymos, P.")
    assert table.get("hl").nargs == 1 and table.get("two").expand(["a", "b"]) == "b-a"
    assert not NO_MACROS and NO_MACROS.get("me") is None
    assert table == MacroTable.from_config(
        {"two": "#2-#1", "hl": "\\textbf{#1}", "me": "Sólymos, P."}
    )


def test_preamble_definitions_are_read_and_cv_yaml_wins_over_them() -> None:
    preamble = preamble_macros(
        [r"\newcommand{\me}{Sólymos, P.} \renewcommand*\hl[1]{\textbf{#1}} \def\x#1#2{#1+#2}"]
    )
    assert preamble.get("me") == MacroDef(0, "Sólymos, P.")
    assert preamble.get("hl") == MacroDef(1, r"\textbf{#1}")
    assert preamble.get("x") == MacroDef(2, "#1+#2")
    mine = MacroTable.from_config({"me": "Me, Myself"}).over(preamble)
    assert mine.get("me").body == "Me, Myself" and mine.get("hl") is not None


def test_macros_expand_as_tex_would_and_unknown_ones_stay() -> None:
    table = MacroTable.from_config({"me": "Sólymos, P.", "hl": "\\textbf{#1}"})
    assert expand_raw(r"\me and \hl{Lele}, S. and \other{X}", table) == (
        r"Sólymos, P. and \textbf{Lele}, S. and \other{X}"
    )
    looping = MacroTable.from_config({"a": "\\a\\a"})
    assert len(expand_raw(r"\a", looping)) <= MAX_EXPANSION + 10  # bounded, never endless
