"""The recursive reader of LaTeX in .bib values (load/latex/reader.py): each kind of macro read
by its handler, math as Unicode, links of \\href and \\url collected, unknown macros listed,
and values too deep or expanding without end refused."""

from __future__ import annotations

import pytest

from cvgen.load.latex.macros import NO_MACROS, MacroTable
from cvgen.load.latex.reader import (
    Reader,
    Trouble,
    apply_accent,
    argument,
    arguments,
    group,
    library_symbol,
    script,
)


def read(src: str, macros: MacroTable = NO_MACROS) -> tuple[str, list[str], list[str]]:
    reader = Reader(macros)
    return reader.render(src, 0, math=False), reader.unknown, reader.links


@pytest.mark.parametrize(
    ("latex", "text"),
    [
        ('Schr\\"odinger', "Schrödinger"),
        ("\\'{e}t\\'e", "été"),
        ("\\v{S}imek", "Šimek"),
        ("Gar\\'{\\i}a", "Garía"),
        ("\\textbf{Bold} and \\emph{In vivo}", "Bold and In vivo"),
        ("\\uppercase{abc}", "ABC"),
        ("pages 1--2 and A---B", "pages 1–2 and A—B"),
        ("``quoted''", "“quoted”"),
        ("Smith~J", "Smith J"),
        ("A\\&B at 50\\%", "A&B at 50%"),
        ("\\cite{abc}: see", ": see"),  # a citation prints nothing
        ("5\\textsuperscript{th}", "5ᵗʰ"),
        ("\\unicode{x2013}", "–"),  # MathJax's character by number
        ("\\unicode{8211}", "–"),
        ("\\apj", "The Astrophysical Journal"),  # AAS journal macro
        ("{unclosed", "unclosed"),
    ],
)
def test_text_macros_accents_and_ligatures(latex: str, text: str) -> None:
    assert read(latex) == (text, [], [])


@pytest.mark.parametrize(
    ("latex", "text"),
    [
        ("$\\bar{t}$ quarks", "t\u0304 quarks"),
        ("$\\overline{D}$ mesons", "D\u0305 mesons"),
        ("$H_2O$", "H₂O"),
        ("$x^{2}$", "x²"),
        ("$\\alpha$-helix", "α-helix"),
        ("$\\frac{1}{2}$", "1/2"),
        ("$\\sqrt{2}$", "√2"),
        ("$\\mathbb{R}^n$", "ℝⁿ"),
        ("$\\sin x$", "sin x"),
        ("$$E=mc^2$$", "E=mc²"),
        ("$x$ and a lone $", "x and a lone "),
    ],
)
def test_math_as_unicode(latex: str, text: str) -> None:
    assert read(latex)[0] == text


def test_links_of_href_and_url_are_collected() -> None:
    assert read("\\href{https://x.org/a\\_b}{the site}") == ("the site", [], ["https://x.org/a_b"])
    url = "https://arxiv.org/abs/2101.00001"
    assert read(f"\\url{{{url}}}") == (url, [], [url])


def test_an_unknown_macro_prints_nothing_and_is_listed() -> None:
    assert read("\\mymacro{Nature} \\ApJ") == ("Nature ", ["mymacro", "ApJ"], [])


def test_a_bad_unicode_code_is_shown_as_written() -> None:
    assert read("\\unicode{zz}")[0] == "zz"


def test_user_macros_expand_with_their_arguments() -> None:
    macros = MacroTable.from_config({"gene": "\\textit{#1}", "me": "Sólymos, P."})
    assert read("\\gene{BRCA1} by \\me", macros) == ("BRCA1 by Sólymos, P.", [], [])


def test_a_macro_that_expands_without_end_is_trouble() -> None:
    with pytest.raises(Trouble, match="nested too deeply"):
        read("\\loop", MacroTable.from_config({"loop": "\\loop"}))
    tenfold = {"a": "\\b" * 10, "b": "\\c" * 10, "c": "x" * 10}  # 111 expansions, 1000 x
    assert read("\\a", MacroTable.from_config(tenfold))[0] == "x" * 1000
    with pytest.raises(Trouble, match="a macro expands without end"):
        read("\\a\\a\\a\\a\\a", MacroTable.from_config(tenfold))  # 555 expansions


def test_a_value_nested_too_deeply_is_trouble() -> None:
    with pytest.raises(Trouble, match="nested too deeply"):
        read("{" * 50 + "x" + "}" * 50)


def test_group_and_arguments() -> None:
    assert group("{a{b}c}d", 0) == ("a{b}c", 7)
    assert group("{a\\}b}c", 0) == ("a\\}b", 6)  # an escaped brace closes nothing
    assert group("{ab", 0) == ("ab", 3)  # unclosed: to the end
    assert argument("  {x}y", 0) == ("x", 5)
    assert argument("\\alpha b", 0) == ("\\alpha", 6)
    assert argument("xy", 0) == ("x", 1)
    assert argument("", 0) == ("", 0)
    assert arguments("{a}{b}c", 0, 2) == (["a", "b"], 6)


def test_apply_accent() -> None:
    assert apply_accent('"', "o") == "ö"
    assert apply_accent('"', "ı") == "ï"  # on a dotless i, as \"\i writes it
    assert apply_accent("'", "eclair") == "éclair"
    assert apply_accent('"', "") == ""


@pytest.mark.parametrize(
    ("mark", "text", "shown"),
    [
        ("^", "2", "²"),
        ("_", "ij", "ᵢⱼ"),
        ("^", "*", "*"),  # a footnote mark stands for itself
        ("^", "†, ‡", "†,‡"),
        ("^", "q", "^q"),  # no superscript q in Unicode
        ("_", "eff", "_(eff)"),
        ("^", "", ""),
    ],
)
def test_script(mark: str, text: str, shown: str) -> None:
    assert script(mark, text) == shown


def test_library_symbol_asks_pylatexenc_for_symbols() -> None:
    assert library_symbol("textperthousand") == "‰"
    assert library_symbol("nosuchmacroatall") is None
