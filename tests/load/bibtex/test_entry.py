"""One entry as a Publication (load/bibtex/entry.py): kinds, fields, required ones, cvgen's own
annotations, editors and editions, as real-world .bib files write them."""

from __future__ import annotations

from cvgen.compose.citation import annotation_text
from cvgen.load.bibtex.entry import entry_to_publication
from cvgen.load.bibtex.file import parse_bibtex
from cvgen.model import PubKind
from cvgen.words import load_words
from tests.support.bib import entries, file_state, one_entry
from tests.support.rendering import WORDS, reference


def test_a_year_is_still_required_for_published_work() -> None:
    pubs, problems = parse_bibtex("@article{a, author={A B}, title={T}, journal={J}}", "x.bib")
    assert not pubs and [p.message for p in problems] == ["required field is missing"]


def test_cv_annotation_fields_people_invent() -> None:
    bib = "\n".join(
        [
            "@article{a, author={A B}, title={T}, journal={J}, year=2020, impact_factor={4.6},",
            "  acceptance_rate={21\\%}, oral={true}, award_name={Best Paper}, ccf={CCF A},",
            "  jornal={Nature}, preview={a.png}, abbr={Nat.}}",
            "@article{b, author={A B}, title={T2}, journal={J}, year=2020, ccf={CCF B}}",
        ]
    )
    pubs, problems = parse_bibtex(bib, "x.bib")
    a = next(p for p in pubs if p.key == "a")
    assert annotation_text(a, WORDS) == "Oral, Best Paper, 21% acceptance, Impact factor 4.6"
    assert a.extra == {"ccf": "CCF A", "jornal": "Nature", "preview": "a.png", "abbr": "Nat."}
    reports = sorted(p.message for p in problems)
    assert len(reports) == 2
    assert reports[0].startswith("field `ccf` (2 entries)") and "cvgen's fields" in reports[0]
    assert "`jornal` (1 entry)" in reports[1] and "did you mean 'journal'?" in reports[1]


def test_crossref_containers_without_editor_are_not_reported() -> None:
    pubs, problems = parse_bibtex(
        "@inproceedings{p, author={A B}, title={Paper}, crossref={conf}, year=2015}\n"
        "@proceedings{conf, title={Proc. of Things}, year={2015}}",
        "x.bib",
    )
    assert [p.venue for p in pubs] == ["Proc. of Things"] and not problems


def test_an_edited_volume_says_its_names_are_its_editors() -> None:
    # Reported by a new user: `@book{..., editor = {...}}` with no author read as authored.
    pub, problems = one_entry(
        r"""@book{ed, editor = {Wei{\ss}enb{\"o}ck, Johanna and S{\'o}lymos, P.},
  title = {Edited Volume Alone}, publisher = {Wallstein}, year = {2020}}"""
    )
    assert pub.edited and not problems
    assert reference(pub).startswith("Johanna Weißenböck and P.\u00a0Sólymos (eds.). Edited Volume")
    assert "Sólymos (Hrsg.). Edited" in reference(pub, load_words("de"))
    from cvgen.citations.csl_json import csl_item
    from cvgen.exports.bibtex import entry_fields

    assert [field.key for field in entry_fields(pub)][:1] == ["editor"]
    item = csl_item(pub)
    assert "author" not in item and [n["family"] for n in item["editor"]] == [
        "Weißenböck",
        "Sólymos",
    ]
    authored, _ = one_entry(
        "@book{b, author = {Sólymos, P.}, editor = {Other, O.}, title = {T},"
        " publisher = {P}, year = 2020}"
    )
    assert not authored.edited and "(ed" not in reference(authored)


def test_a_numbered_edition_is_an_ordinal_in_the_cvs_language() -> None:
    # A new user's `edition = {2}` printed "2 edition".
    pub, _ = one_entry(
        "@book{b, author = {Sólymos, P.}, title = {T}, publisher = {P}, year = 2020, edition = {2}}"
    )
    assert "P, 2nd edition, 2020." in reference(pub)
    assert "2. Auflage" in reference(pub, load_words("de"))
    assert "2e éd." in reference(pub, load_words("fr"))
    third, _ = one_entry(
        "@book{b, author = {Sólymos, P.}, title = {T}, publisher = {P},"
        " year = 2020,"
        " edition = {Revised}}"
    )
    assert "Revised edition" in reference(third)


def _publication(bib: str):
    (entry,) = entries(bib)
    return entry_to_publication(entry, file_state(), None)


def test_an_entry_becomes_a_publication_of_its_kind_with_its_fields() -> None:
    pub, problems = _publication(
        "@inproceedings{k, author = {Lee, K. and Roe, E.}, title = {{T}he {P}aper},"
        " booktitle = {Proc. X}, year = {2021}, month = mar, pages = {1-9}, doi = {10.1234/x},"
        " keywords = {erc, selected}}"
    )
    assert problems == []
    assert (pub.kind, pub.title, pub.venue, pub.year, pub.month) == (
        PubKind.CONFERENCE, "The Paper", "Proc. X", 2021, 3,
    )  # fmt: skip
    assert (pub.pages, pub.links.doi, pub.tags) == ("1–9", "10.1234/x", ["erc", "selected"])
    assert [a.display for a in pub.authors] == ["K. Lee", "E. Roe"] and pub.line == 1


def test_a_missing_title_is_a_located_error_and_no_publication() -> None:
    pub, problems = _publication("@article{k,\n  author = {A B},\n  year = 2020}")
    assert pub is None
    assert [(p.field, p.message) for p in problems] == [("k.title", "required field is missing")]


def test_a_missing_venue_is_a_warning_and_the_entry_is_shown() -> None:
    pub, [problem] = _publication("@article{k,\n  author = {A B},\n  title = {T}, year = 2020}")
    assert pub is not None and pub.venue is None and not problem.is_error
    assert (problem.field, problem.message) == (
        "k.journal",
        "no journal: the entry is shown without a venue",
    )


def test_an_entry_commented_out_with_percent_is_skipped_with_a_warning() -> None:
    pub, (problem,) = _publication("@article{k, %title = {T}, %year = 2020}")
    assert pub is None and not problem.is_error and "commented out with %" in problem.message
