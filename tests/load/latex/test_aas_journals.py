"""The AAS journal macros NASA ADS writes (load/latex/aas_journals.py) name their journals."""

from __future__ import annotations

from cvgen.load.bibtex.file import BibOptions
from cvgen.load.latex.aas_journals import AAS_JOURNALS
from cvgen.load.latex.text import latex_to_unicode
from cvgen.model import PubKind
from tests.support.bib import one_entry


def test_aas_journal_macros_name_the_journal() -> None:
    pub, _ = one_entry(
        r"""@ARTICLE{2018ApJ, author = {{Sólymos}, P.}, title = "{Clusters}", journal = {\apj},
  year = 2018, eprint = {1804.09819}, archivePrefix = {arXiv}}"""
    )
    assert (pub.kind, pub.venue, pub.links.arxiv) == (
        PubKind.JOURNAL,
        "The Astrophysical Journal",
        "1804.09819",
    )
    user = BibOptions(owner="Péter Sólymos", macros={"apj": "ApJ"})
    abbreviated, _ = one_entry(
        r"@article{b, author={A B}, title={T}, journal={\apj}, year=2018}", user
    )
    assert abbreviated.venue == "ApJ"


def test_every_macro_names_a_journal_and_aliases_name_the_same_one() -> None:
    assert AAS_JOURNALS["apj"] == "The Astrophysical Journal"
    assert AAS_JOURNALS["astap"] == AAS_JOURNALS["aap"] == "Astronomy and Astrophysics"
    assert all(name.isalpha() and name.islower() for name in AAS_JOURNALS)
    assert all(journal and journal[0].isupper() for journal in AAS_JOURNALS.values())


def test_the_decoder_reads_a_journal_macro_as_its_name() -> None:
    assert latex_to_unicode(r"\mnras") == AAS_JOURNALS["mnras"]
