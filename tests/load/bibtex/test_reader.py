"""Reading one entry (load/bibtex/reader.py): fields evaluated, decoded and located once; a
repeated field and a missing comma named."""

from __future__ import annotations

from cvgen.load.bibtex.reader import DEFAULT_MARKS, BibOptions, EntryReader
from tests.support.bib import entries, file_state, one_entry


def test_a_repeated_field_keeps_the_first_value_with_a_warning() -> None:
    pub, problems = one_entry(
        "@article{a,\n  author = {A B},\n  year = {2025},\n  title = {T},\n  year = {2024},\n"
        "  journal = {J}}"
    )
    assert pub.year == 2025
    (warning,) = problems
    assert (warning.line, warning.is_error) == (5, False)
    assert "lines 3 and 5" in warning.message and "{2025}" in warning.message


def test_a_missing_comma_is_named_and_both_fields_read() -> None:
    pub, problems = one_entry(
        "@article{a,\n  author = {A B},\n  title = {T},\n  journal = {J},\n"
        "  pages = {377--407}\n  year = {2017}\n}"
    )
    assert (pub.pages, pub.year) == ("377–407", 2017)
    assert [(p.line, p.message.split("?")[0]) for p in problems] == [
        (6, "missing comma before `year`")
    ]


def test_a_field_is_evaluated_decoded_and_located() -> None:
    (entry,) = entries(
        '@article{a,\n  title = {On {\\"o}ver} # jml,\n  url = {https://x.org/a\\_b},\n'
        "  note = {[code](https://github.com/a/b)},\n  year = 2020}"
    )
    reader = EntryReader(entry, file_state({"jml": " and ML"}), None)
    assert reader.raw("title") == 'On {\\"o}ver and ML'
    assert reader.text("booktitle", "title") == "On över and ML"
    assert reader.url("url") == "https://x.org/a_b"
    assert reader.url("note") == "https://github.com/a/b"
    assert (reader.line, reader.line_of("url"), reader.where("url")) == (1, 3, "a.url")
    assert reader.problems == []


def test_an_undefined_or_left_out_string_is_a_problem_of_its_field() -> None:
    (entry,) = entries("@article{a,\n  journal = jmlr,\n  publisher = gone,\n  year = 2020}")
    reader = EntryReader(entry, file_state(gone=7), None)
    assert reader.raw("journal") is None and reader.raw("publisher") is None
    assert [(p.line, p.field, p.message) for p in reader.problems] == [
        (2, "a.journal", "undefined @string macro 'jmlr'"),
        (3, "a.publisher", "uses @string 'gone', which was left out (line 7)"),
    ]


def test_a_crossref_parent_lends_its_fields_and_its_title_as_the_booktitle() -> None:
    child, parent = entries(
        "@inproceedings{p, title = {Paper}, crossref = {c}}\n"
        "@proceedings{c, title = {Proc. of Things}, year = 2015, publisher = {ACM}}"
    )
    reader = EntryReader(child, file_state(), parent)
    assert reader.inherits
    assert (reader.text("title"), reader.text("booktitle")) == ("Paper", "Proc. of Things")
    assert reader.raw("publisher") == "ACM"


def test_the_options_default_to_the_usual_marks_and_no_owner() -> None:
    options = BibOptions()
    assert options.owner is None and options.star_means_equal and options.macros == {}
    assert DEFAULT_MARKS == {"*": "Equal contribution", "†": "Corresponding author"}
