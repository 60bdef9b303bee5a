"""Text in several languages: read into Translations, each replaced by one language's text
after loading, the values that fell back reported."""

from __future__ import annotations

import pickle

import pytest
from pydantic import ValidationError

from cvgen.model import Appointment
from cvgen.model.person import Person
from cvgen.model.text import Fallback, Translations, localized

TITLES = {"en": "Professor of Physiology", "he": "פרופסור לפיזיולוגיה"}


def test_a_text_per_language_is_a_str_of_its_first_text_that_keeps_them_all():
    person = Person(name="Shimon Marom", position=TITLES)
    assert isinstance(person.position, Translations)
    assert person.position == "Professor of Physiology"
    assert person.position.texts == TITLES
    assert pickle.loads(pickle.dumps(person.position)).texts == TITLES  # the load cache


def test_a_text_per_language_is_written_back_as_its_mapping():
    dumped = Person(name="Shimon Marom", position=TITLES).model_dump(mode="json")
    assert dumped["position"] == TITLES
    assert Person.model_validate(dumped).position.texts == TITLES


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ({}, "give the text, or one per language"),
        ({"English": "Professor"}, "'English' is not a language code"),
        ({"en": "  "}, "en: the text in each language must be non-empty text"),
    ],
)
def test_a_bad_mapping_says_what_a_text_per_language_looks_like(value, message):
    with pytest.raises(ValidationError, match=message):
        Person(name="Shimon Marom", position=value)


def test_localized_picks_the_cvs_language_else_the_fallback_and_reports_it():
    job = Appointment(title=TITLES, institution={"he": "הטכניון"}, start="2010")
    shown, fell = localized(job, "he", ["en"])
    assert (shown.title, shown.institution) == ("פרופסור לפיזיולוגיה", "הטכניון")
    assert fell == []
    shown, fell = localized(job, "en-US", ["en"])
    assert (shown.title, shown.institution) == ("Professor of Physiology", "הטכניון")
    assert fell == [Fallback(("institution",), "he", ("he",))]
    assert not isinstance(shown.title, Translations)


def test_localized_returns_the_same_object_where_nothing_is_multilingual():
    job = Appointment(title="Professor", institution="Technion", start="2010")
    shown, fell = localized([job], "he", ["en"])
    assert shown[0] is job and fell == []


def test_the_fallback_order_is_followed_before_the_first_text():
    text = Translations({"de": "Professor", "fr": "Professeur", "en": "Professor (en)"})
    assert text.choose(["he", "fr", "en"]) == ("fr", "Professeur")
    assert text.choose(["he"]) == ("de", "Professor")
