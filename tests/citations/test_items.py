"""A publication as the CSL engine sees it (citations/items.py): names carrying sentinels, and
the marks and links put back after formatting."""

from __future__ import annotations

from cvgen.citations import sentinels
from cvgen.citations.csl_json import csl_item
from cvgen.citations.items import AuthorMarks, engine_item, marks_of
from tests.support.citing import PAPER


def test_the_marks_are_each_listed_authors_and_the_links_the_publications() -> None:
    marks = marks_of(PAPER, csl_item(PAPER))
    assert marks.authors == (
        AuthorMarks(bold=True),
        AuthorMarks(underline=True, star=True),
        AuthorMarks(),
    )
    assert (marks.doi_href, marks.url_href) == ("https://doi.org/10.1234/x", None)


def test_each_family_name_carries_its_authors_sentinel_and_the_doi_its_link() -> None:
    item = engine_item(csl_item(PAPER), PAPER, "id1")
    assert item["id"] == "id1"
    families = [name["family"] for name in item["author"]]
    assert [sentinels.id_of(f[0]) for f in families] == [
        ("family", 0),
        ("family", 1),
        ("family", 2),
    ]
    assert [sentinels.clean(f) for f in families] == ["Amos", "Lee", "Kim"]
    assert sentinels.clean(item["DOI"]) == "10.1234/x" and item["DOI"] != "10.1234/x"


def test_sentinels_a_user_typed_are_removed_before_any_are_added() -> None:
    typed = PAPER.model_copy(update={"title": "On " + sentinels.family_id(7) + "Rivers"})
    assert engine_item(csl_item(typed), typed, "x")["title"] == "On Rivers"
