"""Reading ORCID's JSON defensively (remote/orcid_shapes.py): an odd shape loses a value, a
date keeps what is valid, a put-code is digits only, an answer that is not a JSON object is one
clear error."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from cvgen.errors import CvgenError
from cvgen.remote.bodies import BadAnswer
from cvgen.remote.orcid_shapes import date, items, json_object, place, put_code, summaries, text


def answering(data: object) -> SimpleNamespace:
    """A client whose get_json gives `data`, or raises it when it is an exception (the real
    client raises BadAnswer for a body that is not JSON)."""

    def get_json(service: object, path: str) -> object:
        if isinstance(data, Exception):
            raise data
        return data

    return SimpleNamespace(get_json=get_json)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ({"year": {"value": "2014"}, "month": None}, 2014),
        ({"year": {"value": "1930"}, "month": {"value": "02"}, "day": {"value": "29"}}, "1930-02"),
        ({"year": {"value": "2014"}, "month": {"value": "13"}}, 2014),
        ({"year": {"value": "99999"}}, None),
        ({"year": {"value": "-44"}}, None),
        ({"year": 2014}, None),
        ("2014", None),
        (None, None),
    ],
)
def test_dates_keep_what_is_valid(given, expected):
    assert date(given) == expected


@pytest.mark.parametrize(
    ("summary", "code"),
    [
        ({"put-code": 4288}, "4288"),
        ({"put-code": "../../../etc/passwd"}, None),
        ({"put-code": True}, None),
        ({"put-code": "12/34"}, None),
        ({}, None),
    ],
)
def test_put_codes_are_digits_only(summary, code):
    assert put_code(summary) == code


def test_an_answer_that_is_not_a_json_object_is_one_error():
    assert json_object(answering({"a": 1}), "/record", "the record") == {"a": 1}
    with pytest.raises(CvgenError, match="ORCID answered the record with JSON of an unexpected"):
        json_object(answering([1, 2]), "/record", "the record")
    with pytest.raises(CvgenError, match="malformed JSON"):
        json_object(answering(BadAnswer("ORCID sent malformed JSON")), "/funding/7", "funding 7")


def test_text_is_wrapped_or_bare_and_anything_else_is_none():
    assert text({"title": {"title": {"value": "  Deep \n nets "}}}, "title", "title") == "Deep nets"
    assert text({"name": "Brown"}, "name") == "Brown"
    assert text({"name": 12}, "name") is None
    assert text({"name": "   "}, "name") is None
    assert text(["not", "a", "mapping"], "name") is None


def test_items_keep_the_mappings_of_a_list_only():
    assert items({"group": [{"a": 1}, "x", None, {"b": 2}]}, "group") == [{"a": 1}, {"b": 2}]
    assert items({"group": {"a": 1}}, "group") == []
    assert items(None, "group") == []


def test_summaries_read_v3_groups_and_v2_flat_lists():
    v3 = {"affiliation-group": [{"summaries": [{"employment-summary": {"id": 1}}, {"x": 2}]}]}
    v2 = {"employment-summary": [{"id": 2}, 3]}
    assert summaries(v3, "employment") == [{"id": 1}]
    assert summaries(v2, "employment") == [{"id": 2}]
    assert summaries({"affiliation-group": None}, "employment") == []


def test_a_place_is_the_parts_of_the_address_that_are_text():
    address = {"city": "Middletown", "region": "CT", "country": "US"}
    assert place({"address": address}) == "Middletown, CT, US"
    assert place({"address": {"city": "Milan", "region": "", "country": "IT"}}) == "Milan, IT"
    assert place({"address": {"city": None, "region": 4}}) is None
    assert place(None) is None
