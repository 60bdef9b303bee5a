"""academicpages' `_publications/*.md` (exports/academicpages.py): named and shaped as its own
generators write them."""

from __future__ import annotations

import yaml

from cvgen.exports import listed_entries
from cvgen.exports.academicpages import export, front_matter, page, page_name
from cvgen.model import AcademicPagesSite
from tests.support.exporting import SETTINGS, small


def test_a_page_is_named_by_its_date_and_title_in_ascii() -> None:
    cv, document = small()
    pub, _ = listed_entries(cv, document)[0]
    assert page_name(pub) == "2017-06-01-Learning-at-50-capacity-the-l1-regime"


def test_the_front_matter_is_what_the_themes_templates_read() -> None:
    cv, document = small()
    pub, entry = listed_entries(cv, document)[0]
    matter = front_matter(pub, entry, page_name(pub), AcademicPagesSite())
    assert (matter["collection"], matter["category"]) == ("publications", "manuscripts")
    assert matter["permalink"] == f"/publication/{page_name(pub)}"
    assert (matter["date"], matter["venue"]) == ("2017-06-01", "Physical Review Letters")
    assert matter["paperurl"] == "https://doi.org/10.1103/PhysRevLett.124.000001"
    text = page(pub, entry, page_name(pub), AcademicPagesSite())
    head, _, _ = text.removeprefix("---\n").partition("\n---\n")
    assert yaml.safe_load(head) == matter


def test_every_listed_publication_has_a_page() -> None:
    cv, document = small()
    pages = export(cv, document, SETTINGS)
    assert len(pages) == len(listed_entries(cv, document))
    assert all(name.endswith(".md") for name in pages)
