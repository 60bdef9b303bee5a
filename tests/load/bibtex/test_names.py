"""Author fields as their owner meant them (load/bibtex/names.py): markup and marks taken off
the names, the splits bibtexparser makes, an `and` too many."""

from __future__ import annotations

import pytest
from bibtexparser.middlewares.names import parse_single_name_into_parts
from hypothesis import given
from hypothesis import strategies as st

from cvgen.compose.marks import legend_for, symbols_used
from cvgen.document import plain_text
from cvgen.load.bibtex.names import name_parts
from tests.support.bib import one_entry, problem_messages
from tests.support.rendering import WORDS, reference

NAME_TEXT = st.text(alphabet="AbcÉé ,.-'{}\\~\tZz", max_size=24)


@pytest.mark.parametrize(
    "author",
    [
        r"Lele, S. and \textbf{Sólymos, P.} and Bayne, E.",
        r"Lele, S. and \underline{Sólymos, P.} and Bayne, E.",
        r"Lele, S. and {\bf S{\'o}lymos}, {\bf P.} and Bayne, E.",
        r"Lele, S. and \myname{S\'{o}lymos}, P. and Bayne, E.",
        r"Lele, S. and {\textbf{Sólymos}}, {\textbf{P.}} and Bayne, E.",
    ],
)
def test_hand_made_markup_around_names_is_dropped(author: str) -> None:
    bib = f"@article{{a, author = {{{author}}}, title = {{T}}, journal = {{J}}, year = 2020}}"
    pub, _ = one_entry(bib)
    assert [a.display for a in pub.authors] == ["S. Lele", "P. Sólymos", "E. Bayne"]


def test_noopsort_and_mendeley_accents_in_names() -> None:
    pub, _ = one_entry(
        r"""@article{a, author = {{\noopsort{araujo}}de Araujo, M. and Banderas-Carre\~{n}o, M.},
  title = {T}, journal = {J}, year = 2020}"""
    )
    assert [a.display for a in pub.authors] == ["M. de Araujo", "M. Banderas-Carreño"]


def test_author_marks_become_symbols_with_a_legend() -> None:
    pub, _ = one_entry(
        r"""@article{a, author = {Amos$^{\dagger}$, B. and Lee$^*$, C.
  and Kim\textsuperscript{*}, D. and Roe†, E. and Doe$^{*,\dagger}$, F.},
  title = {T}, journal = {J}, year = 2020}"""
    )
    marks = [(a.last, a.equal_contribution, a.marks) for a in pub.authors]
    assert marks == [
        ("Amos", False, ("†",)),
        ("Lee", True, ()),
        ("Kim", True, ()),
        ("Roe", False, ("†",)),
        ("Doe", True, ("†",)),
    ]
    assert "^" not in reference(pub)
    lines = [plain_text(line) for line in legend_for(symbols_used([pub]), WORDS)]
    assert lines == ["* Equal contribution", "† Corresponding author"]
    senior = legend_for(symbols_used([pub]), WORDS, {"†": "Senior author"})
    assert plain_text(senior[1]) == "† Senior author"


def test_an_empty_or_input_only_author_never_prints_as_commas() -> None:
    pub, problems = one_entry(
        r"@article{a, author = {{\input{/etc/passwd}} and Lee, K}, title={T}, journal={J},"
        " year=2020}"
    )
    text = reference(pub)
    assert ", ," not in text and not text.startswith(",")
    assert any("\\input" in p.message for p in problems)


def test_a_doubled_and_between_authors_is_one_and_a_warning() -> None:
    pub, problems = one_entry(
        "@article{a, author = {Zhu, W. and and Smith, J. and Sólymos, P.},"
        " title = {T}, journal = {J}, year = 2017}"
    )
    assert [a.display for a in pub.authors] == ["W. Zhu", "J. Smith", "P. Sólymos"]
    assert any("comes after `and and`" in message for message in problem_messages(problems))


@given(NAME_TEXT)
def test_plain_names_are_split_as_bibtexparser_splits_them(name: str) -> None:
    parts = parse_single_name_into_parts(name, strict=False)
    expected = tuple(" ".join(p) for p in (parts.first, parts.von, parts.last, parts.jr))
    assert name_parts(name) == expected
