"""What kind of publication an entry is (load/bibtex/kinds.py): BibTeX's and biblatex's types,
Google Patents' @misc, a biblatex CV's @teaching and @award, unknown types."""

from __future__ import annotations

import pytest

from cvgen.load.bibtex.kinds import KIND_OF_TYPE, VENUE_FIELDS, kind_of, not_a_publication
from cvgen.load.bibtex.reader import EntryReader
from cvgen.model import PubKind
from tests.support.bib import entries, file_state, problem_messages


def reader(bib: str) -> EntryReader:
    return EntryReader(entries(bib)[0], file_state(), None)


@pytest.mark.parametrize(
    ("entry_type", "kind"),
    [
        ("article", PubKind.JOURNAL),
        ("InProceedings", PubKind.CONFERENCE),
        ("MastersThesis", PubKind.THESIS),
        ("techreport", PubKind.REPORT),
        ("incollection", PubKind.CHAPTER),
        ("unpublished", PubKind.PREPRINT),
        ("mvproceedings", PubKind.BOOK),
        ("dataset", PubKind.OTHER),
    ],
)
def test_entry_types_map_to_kinds(entry_type: str, kind: PubKind) -> None:
    entry = reader(f"@{entry_type}{{k, title={{Ecological network complexity}}, year=2022}}")
    assert kind_of(entry) is kind and entry.problems == []


@pytest.mark.parametrize(
    "fields",
    [
        "publisher={Google Patents}, note={US Patent App. 17/123,456}",  # Scholar's export
        "howpublished={US Patent 10,000,000}",
        "note={US Patent App. 16/555,555}",
    ],
)
def test_a_misc_that_says_patent_is_a_patent(fields: str) -> None:
    assert kind_of(reader(f"@misc{{k, title={{Method for X}}, {fields}, year=2021}}")) is (
        PubKind.PATENT
    )


def test_a_plain_misc_is_other() -> None:
    assert kind_of(reader("@misc{k, title={Slides}, publisher={Zenodo}}")) is PubKind.OTHER


def test_an_unknown_type_is_other_with_a_warning() -> None:
    entry = reader("@foo{k, title={T}}")
    assert kind_of(entry) is PubKind.OTHER
    assert problem_messages(entry.problems) == [
        "x.bib:1: k: warning: entry type @foo is not a BibTeX or biblatex type; listed under "
        "'Other'"
    ]


@pytest.mark.parametrize(
    ("entry_type", "section"),
    [
        ("teaching", "teaching"),
        ("Award", "awards"),
        ("grant", "grants"),
        ("position", "appointments"),
    ],
)
def test_a_biblatex_cv_entry_is_not_a_publication(entry_type: str, section: str) -> None:
    entry = reader(f"@{entry_type}{{k, title={{Statistics 101}}, year=2020}}")
    assert not_a_publication(entry)
    assert problem_messages(entry.problems) == [
        f"x.bib:1: k: warning: @{entry_type.lower()} is not a publication; left out (cv.yaml's "
        f"`{section}:` lists it in the CV)"
    ]


def test_publications_are_publications() -> None:
    entry = reader("@article{k, title={T}, journal={Nature}, year=2020}")
    assert not not_a_publication(entry) and entry.problems == []


def test_every_kind_has_venue_fields() -> None:
    assert set(KIND_OF_TYPE.values()) <= set(VENUE_FIELDS)
    assert VENUE_FIELDS[PubKind.JOURNAL] == ("journal", "journaltitle")
