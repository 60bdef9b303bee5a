"""How the CV is made (model/design.py): section names with the nearest one, output paths that
stay in the output folder, and the design's checked values."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from cvgen.model.design import (
    Design,
    OutputSpec,
    inside_output_folder,
    no_repeats,
    unknown_section_message,
)


def test_an_unknown_section_names_the_nearest_and_the_custom_ones() -> None:
    assert unknown_section_message("grants", []) is None
    assert unknown_section_message("software", ["software"]) is None
    message = unknown_section_message("grnts", ["software"])
    assert message is not None
    assert message.startswith("unknown section 'grnts'; did you mean 'grants'? (sections: ")
    assert message.endswith("; custom: software)")
    assert "or the id of a custom section" in (unknown_section_message("zzz", []) or "")


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/etc/cv.pdf", "must be a file name inside the output folder"),
        ("../cv.pdf", "must be a file name inside the output folder"),
        ("C:/cv.pdf", "must be a file name inside the output folder"),
        ("sub/", "names a folder"),
        (".cvgen-build.json", "names starting with '.cvgen' are cvgen's own files"),
    ],
)
def test_an_output_path_stays_a_file_inside_the_output_folder(path: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        inside_output_folder(path)


def test_an_ordinary_path_is_kept_and_repeats_are_refused() -> None:
    assert inside_output_folder("erc/cv.pdf") == "erc/cv.pdf"
    assert no_repeats(["a", "b"]) == ["a", "b"]
    with pytest.raises(ValueError):
        no_repeats(["a", "b", "a"])


def test_an_output_field_its_format_ignores_is_an_error() -> None:
    assert OutputSpec(format="bio", words=60).words == 60
    with pytest.raises(ValidationError):
        OutputSpec(format="html", reference_docx="ref.docx")


def test_the_design_checks_colours_and_where_patents_go() -> None:
    assert Design(accent="#1d5c96").accent == "#1d5c96"
    with pytest.raises(ValidationError, match="is not a colour; write it as #RRGGBB"):
        Design(accent="blue")
    with pytest.raises(ValidationError, match="patents have a section of their own"):
        Design(publication_order=["journal", "patent"])
