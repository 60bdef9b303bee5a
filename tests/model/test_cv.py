"""The root of cv.yaml and the whole career (model/cv.py): the sections a CV shows, and
variants and outputs that name only what exists."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from cvgen.model import SECTION_NAMES
from cvgen.model.cv import CV, CvData

PERSON = {"name": "Ada Example"}


def test_the_order_is_sections_if_given_else_the_built_in_one_with_custom_sections_last() -> None:
    plain = CvData(person=PERSON, custom={"software": {"entries": []}})
    assert plain.section_order[-1] == "software"
    assert "personal_details" not in plain.section_order
    assert set(plain.section_order) == set(SECTION_NAMES) - {"personal_details"} | {"software"}
    chosen = CvData(person=PERSON, sections=["publications", "grants"])
    assert chosen.section_order == ["publications", "grants"]
    shown = CvData(person=PERSON, design={"personal_details": True})
    assert "personal_details" in shown.section_order


def test_a_variant_names_only_sections_that_exist() -> None:
    with pytest.raises(ValidationError, match=r"variants.erc.sections\[1\]: unknown section"):
        CvData(person=PERSON, variants={"erc": {"sections": ["grants", "grnts"]}})


def test_an_output_names_only_variants_that_exist_and_a_bare_name_is_a_format() -> None:
    data = CvData(person=PERSON, variants={"erc": {"since": 2015}}, outputs=["pdf"])
    assert data.outputs[0].format == "pdf" and data.outputs[0].variant is None
    with pytest.raises(ValidationError, match=r"variant 'nsf' is not in variants \(erc\)"):
        CvData(person=PERSON, variants={"erc": {}}, outputs=[{"format": "pdf", "variant": "nsf"}])


def test_a_cv_holds_the_data_and_its_publications() -> None:
    cv = CV(data=CvData(person=PERSON))
    assert cv.publications == [] and cv.data.person.name == "Ada Example"
