"""Personal details as a section of sentences (compose/personal.py), only when cv.yaml asks."""

from __future__ import annotations

from cvgen.compose.context import Context, Settings
from cvgen.compose.personal import personal_details
from cvgen.document import plain_text
from cvgen.model import CV


def test_each_detail_is_one_sentence_in_the_cvs_words(clinician_cv: CV) -> None:
    (group,) = personal_details(clinician_cv, Context(Settings()))
    assert [plain_text(e.title) for e in group.entries] == [
        "Born 14 May 1976 in Haifa, Israel.",
        "Citizenship: Israel, Germany.",
        "Married, three children.",
        "Military service: Israel Defense Forces, Medical Corps, 1994–1996.",
        "Medical licence: Israel Ministry of Health, no. 1-23456.",
    ]


def test_a_person_without_details_has_none(small_cv: CV) -> None:
    assert personal_details(small_cv, Context(Settings())) == []
