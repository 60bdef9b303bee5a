"""The .bib fields cvgen reads, the names people invent, and what it says of the rest
(model/fields.py)."""

from __future__ import annotations

from cvgen.model.fields import ALIASES, ALIASES_OF, is_extra, is_known, report_of


def test_standard_cvgen_and_bookkeeping_fields_are_known() -> None:
    for name in ("title", "journal", "keywords", "impactfactor", "author+an", "bdsk-url-1"):
        assert is_known(name), name
    assert not is_known("ccf") and not is_known("jornal")


def test_invented_names_map_to_cvgens_and_back() -> None:
    assert ALIASES["impact_factor"] == "impactfactor" and ALIASES["github"] == "code"
    assert "url_pdf" in ALIASES_OF["pdf"]


def test_a_misspelt_field_names_the_nearest_and_an_annotation_names_cvgens_fields() -> None:
    assert report_of("jornal") == "did you mean 'journal'?"
    assert report_of("ccf_rank") == (
        "to show it in the CV, use one of cvgen's fields "
        "(presentation, acceptance, award, impactfactor or cvnote)"
    )
    assert report_of("preview") is None and report_of("impact_factor") is None


def test_extra_fields_are_kept_for_the_exports_and_known_ones_are_not() -> None:
    assert is_extra("preview") and is_extra("abstract")
    assert not is_extra("title") and not is_extra("oral") and not is_extra("github")
