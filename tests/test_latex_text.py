"""LaTeX in BibTeX values decodes to Unicode; the fast path agrees with pylatexenc."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pylatexenc.latex2text import LatexNodes2Text

from cvgen.load.latex_text import latex_to_unicode, unescape_url


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
