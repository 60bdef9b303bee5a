"""BibTeX loading (load/bibtex/file.py): types, macros, months, equal contribution,
annotations, crossref, real-world and hostile files."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given

from cvgen.load.bibtex.file import parse_bibtex
from cvgen.model import PubKind
from tests.support.fuzz import ENTRY_TYPES, HOSTILE, fuzz

FUZZ = fuzz(150)

BIB = r"""
@string{jmlr = "Journal of Machine Learning Research"}
@string{short = "JMLR"}

@article{a1,
  author = {Soudry, Daniel and M{\"u}ller, J. and others},
  author+an = {1=equal; 2=equal},
  title = {On $\ell_1$ \& stuff},
  journal = jmlr # " (" # short # ")",
  year = 2019, month = jun,
  keywords = {ERC; selected},
  presentation = {Oral}, acceptance = {1.2\%}, award = {Best Paper},
  impactfactor = {4.6}, cvnote = {Invited},
  doi = {10.1/xyz}, pdf = {https://x.org/a\_b.pdf}, code = {https://github.com/x/y},
}
@misc{p1, author = {A. B}, title = {Pre}, year = {2024}, eprint = {2401.1}, archiveprefix = {arXiv}}
@unpublished{u1, author = {A. B}, title = {Under review}, year = {2025}, note = {Submitted}}
@phdthesis{t1, author = {A. B}, title = {Thesis}, school = {MIT}, year = {2010}}
@mastersthesis{t2, author = {A. B}, title = {MSc}, school = {MIT}, year = {2006}}
@patent{pa1, author = {A. B}, title = {Widget}, number = {US 1}, year = {2020}}
@book{b1, author = {A. B}, title = {Book}, publisher = {MIT Press}, year = {2021}}
@incollection{c1, author = {A. B}, title = {Chap}, booktitle = {Handbook}, publisher = {P},
  year = {2022}}
@techreport{r1, author = {A. B}, title = {Rep}, institution = {MIT}, year = {2008}}
@inproceedings{i1, author = {A. B}, title = {Conf}, booktitle = {ICML}, year = {2018}}
"""


@pytest.fixture(scope="module")
def pubs():
    publications, problems = parse_bibtex(BIB, "x.bib")
    assert not problems
    return {p.key: p for p in publications}


def test_every_entry_type_maps_to_its_cv_kind(pubs) -> None:
    kinds = {key: pub.kind for key, pub in pubs.items()}
    assert kinds == {
        "a1": PubKind.JOURNAL,
        "p1": PubKind.PREPRINT,
        "u1": PubKind.PREPRINT,
        "t1": PubKind.THESIS,
        "t2": PubKind.THESIS,
        "pa1": PubKind.PATENT,
        "b1": PubKind.BOOK,
        "c1": PubKind.CHAPTER,
        "r1": PubKind.REPORT,
        "i1": PubKind.CONFERENCE,
    }


def test_macros_concatenation_and_months(pubs) -> None:
    a1 = pubs["a1"]
    assert a1.venue == "Journal of Machine Learning Research (JMLR)"
    assert (a1.year, a1.month) == (2019, 6)
    assert a1.title == "On ℓ₁ & stuff"


def test_authors_split_decoded_and_marked_equal(pubs) -> None:
    authors = pubs["a1"].authors
    assert [a.display for a in authors] == ["Daniel Soudry", "J. Müller", "et al."]
    assert [a.equal_contribution for a in authors] == [True, True, False]


def test_cv_annotation_fields(pubs) -> None:
    a1 = pubs["a1"]
    assert a1.tags == ["ERC", "selected"]  # as written: a website shows them so
    assert a1.has_any_tag(["erc"]) and a1.has_any_tag(["Selected"])
    fields = (a1.presentation, a1.award, a1.acceptance_rate, a1.impact_factor, a1.annotation)
    assert fields == ("Oral", "Best Paper", "1.2%", "4.6", "Invited")
    assert a1.links.doi_url == "https://doi.org/10.1/xyz"
    assert a1.links.pdf == "https://x.org/a_b.pdf"
    assert pubs["p1"].links.arxiv_url == "https://arxiv.org/abs/2401.1"


def test_entry_lines_are_one_based(pubs) -> None:
    assert pubs["a1"].line == 5


def test_crossref_fields_are_inherited() -> None:
    bib = """
@inproceedings{child, author = {A. B}, title = {Paper}, crossref = {conf}}
@proceedings{conf, title = {Proc. of Things}, year = {2015}, editor = {C. D}}
"""
    pubs, problems = parse_bibtex(bib, "x.bib")
    child = next(p for p in pubs if p.key == "child")
    assert (child.venue, child.year) == ("Proc. of Things", 2015)
    assert [p.message for p in problems if p.is_error] == []


XAMPL = Path("/usr/share/texlive/texmf-dist/bibtex/bib/base/xampl.bib")


@pytest.mark.skipif(not XAMPL.exists(), reason="TeX Live's xampl.bib is not installed")
def test_xampl_torture_file_gives_a_clear_result() -> None:
    pubs, problems = parse_bibtex(XAMPL.read_text(encoding="utf-8"), "xampl.bib")
    assert len(pubs) >= 25
    assert all(p.line for p in problems if p.field != "@string")
    assert {p.key for p in pubs} >= {"article-full", "inproceedings-crossref", "book-full"}
    book = next(p for p in pubs if p.key == "book-full")
    assert book.year == 1981  # {\noopsort{1973c}}1981


def test_non_ascii_digits_are_not_numbers() -> None:
    bib = "@article{a, author={A B}, author+an={\u00b2=equal}, title={t}, journal={j},"
    bib += " year={2020}, month={\u00b2}}"
    _, problems = parse_bibtex(bib, "x.bib")
    assert {p.field for p in problems} == {"a.author+an", "a.month"}


def test_exports_quirks_read_as_a_person_would() -> None:
    bib = r"""
@article{corr, author = {A. B}, title = {Pre}, journal = {CoRR}, volume = {abs/2301.01234},
  year = {2023}, url = {https://doi.org/10.48550/arXiv.2301.01234},
  doi = {10.48550/arXiv.2301.01234}}
@misc{cran, author = {A. B}, title = {popSSM}, year = {2022},
  howpublished = {\url{https://cran.r-project.org/package=popSSM}}}
"""
    pubs, problems = parse_bibtex(bib, "x.bib")
    assert not problems
    corr, cran = sorted(pubs, key=lambda p: p.key)
    assert (corr.kind, corr.venue, corr.volume, corr.links.arxiv) == (
        PubKind.PREPRINT,
        None,
        None,
        "2301.01234",
    )
    assert [kind for kind, _ in corr.links.items()] == ["doi", "arxiv"]  # url repeats the DOI
    assert (cran.venue, cran.links.url) == (None, "https://cran.r-project.org/package=popSSM")


@FUZZ
@given(HOSTILE)
def test_any_text_as_bibtex(text: str) -> None:
    _, problems = parse_bibtex(text, "x.bib")
    assert all(p.file == "x.bib" for p in problems)


@FUZZ
@given(ENTRY_TYPES, HOSTILE, HOSTILE, HOSTILE)
def test_hostile_field_values_in_bibtex(entry_type: str, title: str, author: str, extra: str):
    bib = (
        f"@{entry_type}{{k1,\n  title = {{{title}}},\n  author = {{{author}}},\n"
        f"  journal = {{{extra}}},\n  booktitle = {{{extra}}},\n  year = {{2020}},\n"
        f"  author+an = {{{extra}}},\n  url = {{{extra}}},\n}}\n"
    )
    publications, _ = parse_bibtex(bib, "x.bib")
    for publication in publications:
        assert publication.title and publication.year == 2020


def test_a_venue_macro_is_counted_once_per_entry() -> None:
    bib = "\n".join(
        f"@article{{a{i}, author={{A B}}, title={{T}}, journal={{\\joss}}, year=2020}}"
        for i in range(3)
    )
    pubs, problems = parse_bibtex(bib, "x.bib")
    assert [p.venue for p in pubs] == ["JOSS"] * 3
    (report,) = problems
    assert "\\joss (here and 2 more entries)" in report.message  # was "11": read 4 times each
