"""Escaping, links and spans as LaTeX, without running TeX: the fast half of the escaping tests.

The property test reads escape_latex's output back with a tiny model of what TeX does to it
and checks that nothing but the original text comes out; tests/writers/pdf/test_writer.py then
checks the same with a real engine on a few documents.
"""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from cvgen.document import Span
from cvgen.writers.latex.markup import (
    _GREEK,
    _MATH,
    _URL_BREAK,
    LIGATURE_PAIRS,
    _as_math,
    _escape,
    escape_latex,
    latex_url,
    spans_to_latex,
)

# What each escape sequence prints; `{}` and `{[}` only stop TeX reading on.
_PRINTS = {
    r"\textbackslash{}": "\\",
    r"\textasciitilde{}": "~",
    r"\textasciicircum{}": "^",
    r"\textasciigrave{}": "`",
    r"\{": "{",
    r"\}": "}",
    r"\$": "$",
    r"\&": "&",
    r"\#": "#",
    r"\%": "%",
    r"\_": "_",
    "{[}": "[",
    "{]}": "]",
    "{}": "",
    r"\kern0pt{}": "",
    "~": "\u00a0",
    r"\-": "\u00ad",
    r"\,": "\u202f",
    _URL_BREAK: "",  # a place where a URL may break across lines; prints nothing
    **{command: symbol for symbol, command in _MATH.items()},
    **{_as_math(letter, rf"\ensuremath{{{name}}}"): letter for letter, name in _GREEK.items()},
}
_TOKEN = re.compile("|".join(re.escape(t) for t in sorted(_PRINTS, key=len, reverse=True)))
_QUOTES = str.maketrans("“”‘’", "\"\"''")


# \cvemoji{UTF-16 hex}{emoji}: the emoji, with the same emoji as its ActualText
_EMOJI = re.compile(r"\\cvemoji\{([0-9A-F]+)\}\{(.)\}")


def _emoji(match: re.Match) -> str:
    hex_code, emoji = match.groups()
    return emoji if emoji.encode("utf-16-be").hex().upper() == hex_code else "<wrong ActualText>"


def printed(latex: str) -> str:
    """The text TeX prints for escape_latex output (quotes folded back to straight ones)."""
    latex = _EMOJI.sub(_emoji, latex)
    return _TOKEN.sub(lambda m: _PRINTS[m.group(0)], latex).translate(_QUOTES)


def expected(text: str) -> str:
    """The input as escape_latex promises to print it: NFC, spaces collapsed, invisibles and
    noncharacters gone; a character unassigned in this Python's tables (newer Unicode) kept."""
    text = re.sub(r"[^\S\u00a0\u202f]+", " ", unicodedata.normalize("NFC", text))
    keep = {"\u200c", "\u200d", "\u00ad"}
    noncharacters = {chr(c) for c in range(0xFDD0, 0xFDF0)} | {
        chr(plane + end) for plane in range(0, 0x110000, 0x10000) for end in (0xFFFE, 0xFFFF)
    }
    return "".join(
        c
        for c in text
        if c in keep
        or (unicodedata.category(c) not in {"Cc", "Cs", "Cf"} and c not in noncharacters)
    )


@settings(max_examples=2000, deadline=None)
@given(st.text())
def test_escaped_text_prints_the_text_and_nothing_else(text: str) -> None:
    latex = escape_latex(text)
    assert printed(latex) == expected(text).translate(_QUOTES)
    bare = _TOKEN.sub("\x00", _EMOJI.sub("\x00", latex))
    assert not set(bare) & set("\\{}$&#%_^~[]`\"'"), bare
    assert not [pair for pair in LIGATURE_PAIRS if pair in bare]


PLAIN_ALPHABET = "abcXYZ019 .,;:()!?/@+=*-éÅłœ"


@settings(max_examples=2000)
@given(st.text(alphabet=PLAIN_ALPHABET, max_size=30))
def test_the_fast_path_for_plain_text_escapes_as_the_full_one_would(text: str) -> None:
    assert escape_latex(text) == _escape(text)


def test_hostile_strings() -> None:
    assert escape_latex(r"\input{/etc/passwd}") == r"\textbackslash{}input\{/etc/passwd\}"
    assert escape_latex("^^5c") == r"\textasciicircum{}\textasciicircum{}5c"
    assert escape_latex("50% & $5 #1 a_b") == r"50\% \& \$5 \#1 a\_b"
    assert escape_latex("[1] *") == "{[}1{]} *"


def test_ligatures_are_broken_and_quotes_made_typographic() -> None:
    broken = escape_latex("1--2 ,,a'' <<b>> !‘").replace(r"\kern0pt{}", "|")
    assert broken == "1-|-2 ,|,a’|’ <|<b>|> !|‘"
    assert escape_latex("\"Deep\" 'magic' O'Brien") == "“Deep” ‘magic’ O’Brien"


def test_whitespace_and_invisible_characters() -> None:
    assert escape_latex("a\n\n b\tc\x00d\u200be") == "a b cde"
    assert escape_latex("10\u00a0km, 5\u202fm, co\u00adop") == r"10~km, 5\,m, co\-op"


def test_url_keeps_meaning_and_survives_macro_arguments() -> None:
    assert latex_url("doi:10.1000/x") == "https://doi.org/10.1000/x"
    assert latex_url("https://a.org/~u/p_q?x=1&y=%20#f") == r"https://a.org/~u/p_q?x=1\&y=\%20\#f"
    assert latex_url("https://a.org/a b{c}\\é") == r"https://a.org/a\%20b\%7Bc\%7D\%5C\%C3\%A9"


@given(st.text())
def test_urls_never_carry_tex_specials(url: str) -> None:
    bare = re.sub(r"\\[#%&]", "", latex_url(url))
    assert not set(bare) & set('\\{}^ #%&"<>|`') and bare.isascii()


def test_spans() -> None:
    spans = [
        Span("Ada & Co", bold=True),
        Span(", "),
        Span("Bo", underline=True),
        Span("*", superscript=True),
        Span(". In "),
        Span("J_1", italic=True, href="https://x.org/?a=1&b=2"),
    ]
    assert spans_to_latex(spans) == (
        r"\textbf{Ada \& Co}, \uline{Bo}\textsuperscript{*}. In "
        r"\href{https://x.org/?a=1\&b=2}{\textit{J\_1}}"
    )
    # A user's own document: LaTeX's \underline, needing no package; in a right-to-left CV, or
    # for a name in Hebrew, too (ulem would set its words left to right).
    assert r", \underline{Bo}\textsuperscript{*}" in spans_to_latex(spans, fragment=True)
    assert r", \underline{Bo}\textsuperscript{*}" in spans_to_latex(spans, rtl=True)
    assert spans_to_latex([Span("דנה רוזן", underline=True)]) == r"\underline{דנה רוזן}"


def test_a_range_is_one_box_and_a_title_keeps_its_name() -> None:
    spans = [Span("Prof.\u00a0Amnon Shalev, 212("), Span("1-2", nobreak=True), Span(")")]
    assert spans_to_latex(spans) == r"Prof.~Amnon Shalev, 212(\mbox{1-2})"
    assert spans_to_latex(spans, fragment=True) == r"Prof.~Amnon Shalev, 212(\mbox{1-2})"
