"""What makes two records one paper (load/identity.py): DOIs, arXiv ids, the normalised title
and year, and whether it is a preprint; and the index that finds a paper by any of them."""

from __future__ import annotations

from cvgen.load.identity import (
    Identity,
    Index,
    identity_of,
    is_preprint_doi,
    normal_title,
    plain_text,
)
from cvgen.model import Author, Links, PubKind, Publication


def test_markup_accents_case_and_punctuation_make_no_new_title() -> None:
    assert plain_text("<i>In vivo</i> &amp;  <sub>2</sub>  imaging") == "In vivo & 2 imaging"
    assert normal_title("Édouard's <b>Théorème</b>: a proof!") == "edouard s theoreme a proof"
    assert normal_title("EDOUARD'S THEOREME -- A PROOF") == normal_title(
        "Édouard’s théorème, a proof"
    )


def test_preprint_servers_are_known_by_their_doi_prefix() -> None:
    assert is_preprint_doi("10.48550/arXiv.2103.04567") and is_preprint_doi("10.1101/2020.03.05")
    assert not is_preprint_doi("10.1038/nature12373") and not is_preprint_doi(None)


def test_an_identity_keeps_bare_lowercased_dois_and_finds_the_arxiv_id_in_one() -> None:
    identity = Identity.of("T", 2021, ["https://doi.org/10.48550/arXiv.2103.04567", None])
    assert identity.dois == {"10.48550/arxiv.2103.04567"}
    assert identity.arxiv == "2103.04567" and identity.preprint


def _pub(kind: PubKind, **links: str) -> Publication:
    return Publication(
        key="k",
        entry_type="article",
        kind=kind,
        title="Learning to Rank Rivers",
        authors=[Author(first="A", last="B")],
        year=2021,
        links=Links(**links),
    )


def test_only_a_preprint_is_identified_by_its_arxiv_id() -> None:
    preprint = identity_of(_pub(PubKind.PREPRINT, arxiv="2103.04567"))
    published = identity_of(_pub(PubKind.JOURNAL, arxiv="2103.04567", doi="10.1234/X"))
    assert (preprint.arxiv, preprint.preprint) == ("2103.04567", True)
    assert (published.arxiv, published.dois, published.preprint) == (None, {"10.1234/x"}, False)


def test_the_index_finds_a_paper_by_doi_or_by_title_and_year_and_its_other_version() -> None:
    index = Index()
    index.add(Identity.of("Learning to Rank Rivers", 2021, ["10.1234/X"]), "paper")
    index.add(Identity.of("Preface", 2021), "preface")
    assert index.same_paper(Identity.of("Another title", 2020, ["10.1234/x"])) == "paper"
    assert index.same_paper(Identity.of("learning to rank rivers.", 2021)) == "paper"
    assert index.same_paper(Identity.of("learning to rank rivers", 2022)) is None
    assert index.same_paper(Identity.of("Preface", 2021)) is None  # too short to tell
    preprint = Identity.of("Learning to rank rivers", 2020, preprint=True)
    assert index.same_paper(preprint) is None and index.other_version(preprint) == "paper"
