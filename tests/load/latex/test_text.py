"""LaTeX in BibTeX values decodes to Unicode; the fast path agrees with pylatexenc."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pylatexenc.latex2text import LatexNodes2Text

from cvgen.load.latex import tables
from cvgen.load.latex import text as latex_text
from cvgen.load.latex.literals import unescape_url
from cvgen.load.latex.text import decode, latex_to_unicode
from tests.support.bib import one_entry


@pytest.mark.parametrize(
    ("latex", "text"),
    [
        (r"M{\"u}ller", "Müller"),
        (r"M\"{u}ller", "Müller"),
        (r"Fran{\c{c}}ois", "François"),
        (r"Wi{\'{s}}niewski", "Wiśniewski"),
        (r"Garc{\'\i}a", "García"),
        (r"\v{S}imek", "Šimek"),
        (r"Gro{\ss}e {\O}stergaard {\aa}", "Große Østergaard å"),
        (r"{B}ayesian {SGD}", "Bayesian SGD"),
        (r"Rock \& Roll at 50\% -- 100\%", "Rock & Roll at 50% – 100%"),
        (r"snake\_case \#1", "snake_case #1"),
        (r"On $\ell_1$ and $O(n^{2})$", "On ℓ₁ and O(n²)"),
        (r"$\alpha$-nets", "α-nets"),
        (r"\textit{in vivo}", "in vivo"),
        ("Παπαδόπουλος", "Παπαδόπουλος"),
        (r"a\ \{set\}", "a {set}"),
        (r"x\textasciicircum{}y \^{}z", "x^y ^z"),
        (r"\textbraceleft x\textbraceright", "{x}"),
        (r"a\textbackslash{}input \textasciitilde", "a\\input ~"),
        (r"\textbackslash\textbackslash $\ell$", "\\\\ℓ"),  # TeX eats the space
    ],
)
def test_decodes(latex: str, text: str) -> None:
    assert latex_to_unicode(latex) == text


ACCENT_SAMPLES = st.builds(
    lambda accent, letter, braced: (
        f"{{\\{accent}{{{letter}}}}}" if braced else f"\\{accent}{letter}"
    ),
    st.sampled_from(list("\"'`^~=.")),
    st.sampled_from(list("aeiouAEIOUnNcCyY")),
    st.booleans(),
)


@given(st.lists(st.one_of(ACCENT_SAMPLES, st.sampled_from(["x", " ", "\\&", "--"])), max_size=6))
def test_fast_path_agrees_with_pylatexenc(parts: list[str]) -> None:
    latex = "".join(parts)
    reference = LatexNodes2Text(math_mode="text", strict_latex_spaces=True)
    expected = " ".join(reference.latex_to_text(latex).replace("\xa0", " ").split())
    assert latex_to_unicode(latex) == expected


def test_urls_lose_bibtex_escapes() -> None:
    assert unescape_url(r"https://x.org/a\_b\%20c") == "https://x.org/a_b%20c"


PIECES = st.sampled_from(
    [
        "word", " ", "x", "{", "}", "$", "^", "_", "\\", "~", "--", "`", "'", "%", "#", "&",
        "\\textbf{", "\\emph{", "\\href{https://x.org}{", "\\url{", "\\sqrt ", "\\frac{",
        "\\texorpdfstring{", "\\'", '\\"', "\\c{", "\\v", "\\noopsort{", "\\ensuremath{",
        "\\textsuperscript{", "\\dagger", "\\alpha", "$^*$", "\\apj", "\\\\", "\\&", "\\{", "\\}",
        "{\\bf ", "\\textdollar", "\\textbackslash", "\\mathrm{", "\\qzxmacro", "\\qzxmacro{",
        "\\qzxother ", "{" * 30, "}" * 30,
    ]
)  # fmt: skip


@given(st.lists(PIECES, max_size=40))
def test_decoding_never_raises_and_leaves_no_macro_names(parts: list[str]) -> None:
    """Whatever LaTeX a .bib holds, decoding ends, returns text, and prints neither a backslash
    (unless the input escaped one) nor the name of a macro glued to a word."""
    latex = "".join(parts)
    result = decode(latex)
    assert isinstance(result.text, str)
    if "textbackslash" not in latex:
        assert "\\" not in result.text
    assert "qzx" not in result.text
    assert "extbf" not in result.text and "mathrm" not in result.text


def test_unknown_macros_are_reported_and_their_arguments_kept() -> None:
    result = decode(r"\qzxmacro{kept} and \other")
    assert (result.text, result.unknown) == ("kept and", ("qzxmacro", "other"))


def test_a_failure_inside_falls_back_to_the_plain_reading() -> None:
    deep = "{" * 200 + r"\textbf{x}" + "}" * 200
    result = decode(deep)
    assert (result.text, bool(result.failed)) == ("x", True)


def test_href_and_sqrt_do_not_crash_and_the_link_is_kept() -> None:
    pub, problems = one_entry(
        r"""@misc{a, author = {Sólymos, P.}, title = {On $\sqrt 2$ and \sqrt{n+1}}, year = 2020,
  howpublished = {See \href{https://example.org/a\_b}{the site}}}"""
    )
    assert pub.title == "On √2 and √(n+1)"
    assert (pub.venue, pub.links.url) == ("See the site", "https://example.org/a_b")
    assert not problems


def test_tex_quotes_and_double_escaped_dblp_math() -> None:
    pub, _ = one_entry(
        r"""@article{a, author = {A B}, journal = {J}, year = 2020,
  title = {On `diagnostic classifiers' for {\textdollar}{\textbackslash}mathrm\{AC\}"""
        r"""{\^{}}0[{\textbackslash}oplus]{\textdollar}}}"""
    )
    assert pub.title == "On ‘diagnostic classifiers’ for AC⁰[⊕]"


def test_german_low_quotes_and_an_elided_year() -> None:
    # A new user's `,,{Bosniaken}``` printed ",,Bosniaken“"; `{JCDL} '21` printed "JCDL ‘21".
    from cvgen.writers.latex.markup import escape_latex

    pub, _ = one_entry(r"""@inproceedings{a, author = {Sólymos, P.}, year = 2021,
  title = {,,{Bosniaken}`` in Wien}, booktitle = {{JCDL} '21}}""")
    assert pub.title == "„Bosniaken“ in Wien"
    assert escape_latex(pub.venue) == "JCDL ’21" and escape_latex("'quoted'") == "‘quoted’"


@given(st.text(alphabet="Ab -`'~{}.é\ue000", max_size=30))
def test_values_without_latex_decode_as_the_full_reader_decodes_them(value: str) -> None:
    latex_text._decode.cache_clear()
    assert latex_text.decode(value) == latex_text._decode(value, latex_text.NO_MACROS)


def test_the_tables_the_decoder_reads_are_consistent() -> None:
    assert "2²".translate(tables.SUPERSCRIPTS) == "²²" and "x2".translate(tables.SUBSCRIPTS) == "ₓ₂"
    assert tables.DOUBLE_STRUCK["R"] == "ℝ"
    assert not tables.KEEP_ARGUMENT & tables.DROP  # a macro is kept or dropped, not both
    assert set("0123456789").issubset(tables.SUPERSCRIPT_CHARS & tables.SUBSCRIPT_CHARS)
    assert latex_to_unicode(r"$\mathbb{R}^2$, \textbf{bold} \cite{x}") == "ℝ², bold"
