"""al-folio's `_bibliography/papers.bib` (exports/al_folio.py): a clean citation per paper and
the fields al-folio's layout turns into badges."""

from __future__ import annotations

from cvgen.exports import listed_entries
from cvgen.exports.al_folio import HEADER, al_folio_entry, al_folio_fields, export
from cvgen.load.bibtex.file import parse_bibtex
from cvgen.model import AlFolioSite
from tests.support.exporting import SETTINGS, small


def test_the_layouts_fields_come_from_cvgens_data() -> None:
    cv, document = small()
    pub, _ = listed_entries(cv, document)[0]
    site = AlFolioSite(flags={"highlight": "erc"})
    fields = {f.key: f.value for f in al_folio_fields(pub, SETTINGS, site, {})}
    assert fields == {
        "abbr": "{PRL}",  # the journal's initials as the venue badge
        "additional_info": "{, Impact factor 8.1}",
        "annotation": "{* Equal contribution}",
        "html": "{https://doi.org/10.1103/PhysRevLett.124.000001}",
        "bibtex_show": "{true}",
        "selected": "{true}",  # tagged selected
        "highlight": "{true}",  # tagged erc, as cv.yaml's flag asks
        "altmetric": "{true}",  # badges for a paper with a DOI
        "dimensions": "{true}",
    }
    entry = al_folio_entry(pub, SETTINGS, AlFolioSite(), {})
    assert entry.key == pub.key and entry.entry_type == "article"


def test_the_file_reads_back_as_the_same_publications() -> None:
    cv, document = small()
    text = export(cv, document, SETTINGS)
    assert HEADER.strip().splitlines()[0] in text
    pubs, problems = parse_bibtex(text, "papers.bib")
    assert not [p for p in problems if p.is_error]
    listed = {p.key: p.title for p, _ in listed_entries(cv, document)}
    assert {p.key: p.title for p in pubs} == listed
