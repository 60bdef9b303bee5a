"""The shapes OpenAlex's answers must fit (remote/openalex_shapes.py): fields cvgen does not
read are ignored, numbers where text is expected become text, and a count below zero or a
list that is not one is refused before anything reads it."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from cvgen.remote.openalex_shapes import AuthorRecord, OpenAlexWork, WorksPage

WORK = {
    "id": "https://openalex.org/W1",
    "doi": "https://doi.org/10.1000/x",
    "title": "Deep rivers",
    "publication_year": 2020,
    "authorships": [{"author": {"display_name": "Miriam Adler", "orcid": None}}, {}],
    "primary_location": {"source": {"display_name": "Journal", "issn": ["1"]}},
    "locations": [None, {"pdf_url": "https://x/p.pdf"}],
    "biblio": {"volume": 12, "issue": "3", "first_page": 101, "last_page": "110"},
    "cited_by_count": 7,
    "abstract_inverted_index": {"Deep": [0]},  # not read: ignored
}


def test_a_work_keeps_what_cvgen_reads() -> None:
    work = OpenAlexWork.model_validate(WORK)
    assert work.title == "Deep rivers" and work.publication_year == 2020
    assert [a.author.display_name if a.author else None for a in work.authorships] == [
        "Miriam Adler",
        None,
    ]
    assert work.primary_location and work.primary_location.source
    assert work.primary_location.source.display_name == "Journal"
    assert work.locations[0] is None and work.locations[1].pdf_url == "https://x/p.pdf"
    assert work.biblio and (work.biblio.volume, work.biblio.first_page) == ("12", "101")
    assert not hasattr(work, "abstract_inverted_index")


def test_an_empty_answer_is_a_work_of_nothing() -> None:
    work = OpenAlexWork.model_validate({})
    assert work.authorships == [] and work.locations == [] and work.title is None


@pytest.mark.parametrize(
    ("answer", "field"),
    [
        ({"cited_by_count": -1}, "cited_by_count"),
        ({"authorships": "Adler"}, "authorships"),
        ({"publication_year": "soon"}, "publication_year"),
        ({"biblio": [1, 2]}, "biblio"),
    ],
)
def test_a_work_of_another_shape_is_refused_at_its_field(answer: dict, field: str) -> None:
    with pytest.raises(ValidationError) as refused:
        OpenAlexWork.model_validate(answer)
    assert refused.value.errors()[0]["loc"][0] == field


def test_a_page_of_works_and_its_cursor() -> None:
    page = WorksPage.model_validate({"results": [WORK, {}], "meta": {"next_cursor": "abc"}})
    assert len(page.results) == 2 and page.meta and page.meta.next_cursor == "abc"
    with pytest.raises(ValidationError, match="results"):
        WorksPage.model_validate({"results": {"id": "W1"}})


def test_an_author_and_their_counts() -> None:
    answer = {"id": "A1", "works_count": 40, "summary_stats": {"h_index": 12, "i10_index": 15,
              "2yr_mean_citedness": 1.5}}  # fmt: skip
    author = AuthorRecord.model_validate(answer)
    assert author.works_count == 40 and author.summary_stats
    assert (author.summary_stats.h_index, author.summary_stats.i10_index) == (12, 15)
    with pytest.raises(ValidationError, match="h_index"):
        AuthorRecord.model_validate({"summary_stats": {"h_index": -3}})


def test_a_shape_read_is_not_changed_afterwards() -> None:
    work = OpenAlexWork.model_validate(WORK)
    with pytest.raises(ValidationError, match="frozen"):
        work.title = "Other"  # type: ignore[misc]
