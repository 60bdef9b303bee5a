"""Adding an import's proposal to cv.yaml: only what is missing, every byte of the user's text
kept, nothing that `cvgen check` would refuse."""

from __future__ import annotations

import pytest
import yaml

from cvgen.errors import CvgenError
from cvgen.files.shipped import starter_dir
from cvgen.load.cv_additions import add_to_cv_yaml

STARTER = (starter_dir() / "cv.yaml").read_text(encoding="utf-8")
PROPOSAL = {
    "person": {
        "name": "Someone Else",
        "orcid": "0000-0002-1825-0097",
        "links": {"x": "https://x.org"},
    },
    "education": [
        {"degree": "PhD", "field": "CS", "institution": "Example University", "start": 2014},
        {"degree": "MSc", "institution": "Other University", "start": 2012, "end": 2014},
    ],
    "awards": [{"name": "Best Paper", "start": 2020}],
    "custom": {"memberships": {"heading": "Memberships", "entries": [{"title": "Member"}]}},
}


def removed(text: str, original: str) -> bool:
    """Is `original` what remains of `text` with whole inserted lines taken out?"""
    lines = iter(text.splitlines())
    return all(any(line == kept for line in lines) for kept in original.splitlines())


def test_only_what_is_missing_is_added_and_the_text_is_kept():
    result = add_to_cv_yaml(STARTER, PROPOSAL, "Added by a test")
    assert removed(result.text, STARTER)
    data = yaml.safe_load(result.text)
    assert data["person"]["name"] == "Ada Example"  # never replaced
    assert data["person"]["orcid"] == "0000-0002-1825-0097"
    assert data["person"]["links"] == {"x": "https://x.org"}
    assert [d["degree"] for d in data["education"]] == ["PhD", "MSc"]  # the PhD was there
    assert result.already == 1
    assert data["custom"]["memberships"]["entries"] == [{"title": "Member"}]
    assert "# Added by a test\nawards:" in result.text
    again = add_to_cv_yaml(result.text, PROPOSAL, "Added again")
    assert again.added == [] and again.text == result.text


def test_a_flow_list_gets_items_in_its_style():
    text = "person: {name: A}\neducation: []  # none yet\n"
    result = add_to_cv_yaml(text, {"education": PROPOSAL["education"][:1]}, "c")
    assert result.text == (
        'person: {name: A}\neducation: [{"degree": "PhD", "field": "CS", "institution": '
        '"Example University", "start": 2014}]  # none yet\n'
    )


def test_an_item_cvgen_would_refuse_is_named_not_written():
    bad = {"appointments": [{"title": "Professor", "institution": "U", "start": 2020, "end": 2010}]}
    result = add_to_cv_yaml("person: {name: A}\n", bad, "c")
    assert result.added == []
    assert result.refused == ["appointments: Professor, U (cvgen would refuse it)"]


def test_a_path_through_a_scalar_is_a_clear_error():
    with pytest.raises(CvgenError, match="custom is not a mapping"):
        add_to_cv_yaml("person: {name: A}\ncustom: 5\n", {"custom": PROPOSAL["custom"]}, "c")


@pytest.mark.parametrize("none_yet", ["awards: ~\n", "awards: null  # none yet\n"])
def test_a_section_left_null_takes_the_import(none_yet):
    """`awards: null` once gave an import YAML it could not read back (a raw parser error)."""
    text = "person: {name: A}\n" + none_yet
    result = add_to_cv_yaml(text, {"awards": PROPOSAL["awards"]}, "c")
    assert yaml.safe_load(result.text)["awards"] == PROPOSAL["awards"]
    assert result.text.startswith("person: {name: A}\nawards:")
