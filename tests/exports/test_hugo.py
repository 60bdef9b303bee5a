"""Hugo Blox publication bundles (exports/hugo.py), as its own BibTeX importer writes them."""

from __future__ import annotations

import yaml

from cvgen.exports import listed_entries
from cvgen.exports.hugo import bundle_name, export, front_matter, index_md
from cvgen.model import HugoSite
from tests.support.exporting import SETTINGS, small


def test_a_bundle_is_named_by_its_key_and_says_what_the_importer_says() -> None:
    cv, document = small()
    pub, entry = listed_entries(cv, document)[0]
    assert bundle_name(pub) == "aberg-2020-learning"
    matter = front_matter(pub, cv, SETTINGS, HugoSite())
    assert matter["authors"] == ["Jonas Åberg", "Lina Chen", "Eva Müller"]
    assert matter["author_notes"] == ["Equal contribution", "Equal contribution", ""]
    assert (matter["publication"], matter["featured"]) == ("*Physical Review Letters*", True)
    head = index_md(pub, entry, cv, SETTINGS, HugoSite()).split("---\n")[1]
    assert yaml.safe_load(head)["doi"] == "10.1103/PhysRevLett.124.000001"


def test_each_bundle_has_its_page_and_its_citation() -> None:
    cv, document = small()
    files = export(cv, document, SETTINGS)
    names = {bundle_name(pub) for pub, _ in listed_entries(cv, document)}
    assert set(files) == {f"{n}/{part}" for n in names for part in ("index.md", "cite.bib")}
