"""The switcher: what cv.yaml offers, and the page's choice read strictly."""

from __future__ import annotations

from pathlib import Path

import pytest

from cvgen.build.serve.choice import Choice, choice_from_json, offers_for
from cvgen.load.sources import Sources
from cvgen.model import CV
from tests.support.serving import example_project


@pytest.fixture
def offers(example_cv: CV, tmp_path: Path):
    cv = example_project(tmp_path)
    (tmp_path / "words").mkdir()
    (tmp_path / "words" / "la.yaml").write_text("language: la\n", encoding="utf-8")
    return offers_for(example_cv.data, Sources(cv=cv))


def test_the_offers_are_the_views_variants_themes_languages_and_styles(offers) -> None:
    assert dict(offers.view) == {
        "cv": "CV",
        "bio": "Short bio",
        "erc": "ERC biosketch",
        "nih": "NIH biosketch",
        "nsf": "NSF biosketch",
    }
    assert offers.variant == (("erc", "erc"), ("recent", "recent"))
    assert {("classic", "classic"), ("modern", "modern"), ("grant", "grant")} <= set(offers.theme)
    languages = dict(offers.locale)
    assert languages["de"] == "Deutsch (de)" and languages["he"] == "עברית (he)"  # by own name
    assert languages["la"] == "Latina (la)"  # from words/la.yaml beside cv.yaml
    assert {"cvgen", "apa", "ieee"} <= dict(offers.style).keys()
    assert dict(offers.defaults) == {"theme": "classic", "locale": "en", "style": "cvgen"}


def test_only_what_is_offered_can_be_chosen(offers) -> None:
    assert offers.refusal(Choice(view="nsf", variant="erc", theme="modern", locale="de")) is None
    assert offers.refusal(Choice(variant="old")) == "variant 'old' is not one cv.yaml offers"
    assert offers.refusal(Choice(style="../../secret.csl")) is not None
    assert offers.refusal(Choice(view="/etc/passwd.yaml")) is not None  # never a profile path


def test_a_citation_style_cv_yaml_names_is_offered(example_cv: CV, tmp_path: Path) -> None:
    data = example_cv.data.model_copy(
        update={"design": example_cv.data.design.model_copy(update={"citation_style": "my.csl"})}
    )
    offered = offers_for(data, Sources(cv=example_project(tmp_path)))
    assert ("my.csl", "my.csl") in offered.style
    assert dict(offered.defaults)["style"] == "my.csl"


def test_the_page_choice_is_read_strictly() -> None:
    assert choice_from_json({"view": "bio", "variant": "erc", "theme": ""}) == Choice(
        view="bio", variant="erc"
    )
    assert choice_from_json({}) == Choice()
    for bad in ([], "cv", {"view": 3}, {"path": "/etc"}, {"theme": ["modern"]}):
        with pytest.raises(ValueError):
            choice_from_json(bad)


def test_a_choice_becomes_a_request() -> None:
    request = Choice(variant="erc", theme="modern", locale="de", style="apa").request("typst")
    assert request.selection.variant == "erc"
    shown = request.presentation
    assert (shown.theme, shown.locale, shown.style) == ("modern", "de", "apa")
    assert shown.engine == "typst"
