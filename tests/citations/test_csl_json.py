"""Publications as CSL-JSON items (citations/csl_json.py), as styles and reference managers
read them."""

from __future__ import annotations

from cvgen.citations.csl_json import csl_item, csl_name, listed_authors, to_csl_json
from cvgen.model import Author
from tests.support.citing import AUTHORS, PAPER


def test_names_keep_their_particle_and_suffix() -> None:
    assert [csl_name(a) for a in AUTHORS] == [
        {"family": "Amos", "given": "Ada"},
        {"family": "Lee", "given": "Bo", "non-dropping-particle": "van"},
        {"family": "Kim", "given": "Cy", "suffix": "Jr"},
    ]


def test_an_item_holds_the_fields_a_style_formats() -> None:
    item = csl_item(PAPER)
    assert item == {
        "id": "k",
        "type": "article-journal",
        "title": "On Rivers",
        "author": [csl_name(a) for a in AUTHORS],
        "issued": {"date-parts": [[2020]]},
        "container-title": "J. Rivers",
        "volume": "3",
        "issue": "2",
        "page": "1–9",
        "DOI": "10.1234/x",
    }
    assert to_csl_json([PAPER, PAPER]) == [item, item]


def test_et_al_is_not_an_author_a_style_could_name() -> None:
    others = PAPER.model_copy(update={"authors": [*AUTHORS, Author(last="et al.")]})
    assert listed_authors(others) == AUTHORS
