"""The person section of an ORCID record as cv.yaml's person, interests and bio
(remote/orcid_person.py), from real `/person` answers of three researchers
(tests/data/remote/orcid-records/sections, SOURCES.md there) and small made-up ones."""

from __future__ import annotations

import json
from typing import Any

import pytest

from cvgen.remote.orcid_career import Career
from cvgen.remote.orcid_person import add_person, link_key, person_name, web_url
from tests.support.paths import DATA

SECTIONS = DATA / "remote" / "orcid-records" / "sections"


def person_of(orcid: str) -> Career:
    career = Career()
    add_person(career, json.loads((SECTIONS / f"{orcid}.person.json").read_text()), orcid)
    return career


def test_boettiger_primary_email_first_page_as_website_and_profiles_as_links():
    career = person_of("0000-0002-1642-628X")
    assert career.data["person"] == {
        "name": "Carl Boettiger",  # given and family names: no credit name
        "email": "cboettig@gmail.com",  # the primary address, though listed second
        "website": "http://www.carlboettiger.info",
        "orcid": "0000-0002-1642-628X",
        "links": {
            "twitter": "https://twitter.com/cboettig",
            "github": "https://github.com/cboettig",
            "keybase_io": "https://keybase.io/cboettig",
            "scopus_author_id": "http://www.scopus.com/inward/authorDetails.url"
            "?authorID=15753693500&partnerID=MN8TOARS",  # an external identifier
        },
    }
    # one keyword "Ecology, Evolution, Regime Shifts, Stochastic Dynamics" is four
    assert career.data["research_interests"] == [
        "Ecology",
        "Evolution",
        "Regime Shifts",
        "Stochastic Dynamics",
    ]
    assert career.notes == []


def test_chamberlain_credit_name_and_biography():
    career = person_of("0000-0003-1444-9135")
    person = career.data["person"]
    assert person["name"] == "Scott A Chamberlain"
    assert "email" not in person  # none public
    assert person["website"] == "http://ropensci.org/"
    assert list(person["links"]) == ["blog", "website", "github", "scopus_author_id"]
    assert career.data["research_interests"][-1] == "R"
    assert career.data["bio"].startswith("Co-founder at rOpenSci")


def test_a_nearly_empty_person_gives_the_name_and_the_id_only():
    career = person_of("0000-0003-1620-1408")
    assert career.data == {"person": {"name": "Thomas Johnson", "orcid": "0000-0003-1620-1408"}}


def test_a_record_without_a_public_name_is_named_by_its_id_and_noted():
    career = Career()
    add_person(career, {"name": None}, "0000-0002-1825-0097")
    assert career.data["person"] == {"name": "0000-0002-1825-0097", "orcid": "0000-0002-1825-0097"}
    assert career.notes == ["the record shows no public name: person.name is the ORCID iD"]


def urls(*pairs: tuple[str, str]) -> dict[str, Any]:
    return {"researcher-url": [{"url-name": n, "url": {"value": u}} for n, u in pairs]}


def test_made_up_person_variants_emails_pages_keywords_and_biography():
    person = {
        "name": {"given-names": {"value": "Ada"}, "family-name": {"value": "Lovelace"}},
        "other-names": {"other-name": [{"content": "Ada Lovelace"}, {"content": "A. King"}]},
        "emails": {
            "email": [{"email": "not an address", "primary": True}, {"email": "ada@example.org"}]
        },
        "researcher-urls": urls(
            ("Home", "javascript:alert(1)"),
            ("Home Page", "https://ada.example.org"),
            ("Copy", "https://ada.example.org"),
            ("Lab Site!", "https://lab.example.org/a b"),
            ("", "https://notes.example.org"),
        ),
        "keywords": {"keyword": [{"content": "engines; poetry"}, {"content": "poetry"}]},
        "biography": {"content": "First  line\r\nof one paragraph.\r\n\r\n\r\nSecond."},
    }
    career = Career()
    add_person(career, person, "0000-0001-0000-0001")
    assert career.data["person"] == {
        "name": "Ada Lovelace",
        "name_variants": ["A. King"],  # the name itself is no variant
        "email": "ada@example.org",  # the first that is an address
        "website": "https://ada.example.org",
        "orcid": "0000-0001-0000-0001",
        "links": {"website": "https://notes.example.org"},  # unnamed: 'website'
    }
    assert career.data["research_interests"] == ["engines", "poetry"]
    assert career.data["bio"] == "First line of one paragraph.\n\nSecond."


@pytest.mark.parametrize(
    ("url", "kept"),
    [
        ("https://example.org/a?b=1", True),
        ("HTTP://EXAMPLE.ORG", True),
        ("ftp://example.org", False),
        ("javascript:alert(1)", False),
        ("https://example.org/a b", False),
        ('https://example.org/"x"', False),
        ("https://example.org/<script>", False),
        ("", False),
        (None, False),
    ],
)
def test_a_web_url_is_absolute_http_with_nothing_a_link_refuses(url, kept):
    assert web_url(url) == (url if kept else None)


@pytest.mark.parametrize(
    ("name", "key"),
    [("Brown University Page", "brown_university_page"), ("keybase.io", "keybase_io"),
     ("  GitHub!  ", "github"), ("---", "link"), ("Ünï", "n")],
)  # fmt: skip
def test_a_link_key_is_lowercase_words_joined_by_underscores(name, key):
    assert link_key(name) == key


def test_the_credit_name_comes_first_then_given_and_family_names():
    names = {"credit-name": {"value": "J. Carberry"}, "given-names": {"value": "Josiah"},
             "family-name": {"value": "Carberry"}}  # fmt: skip
    assert person_name({"name": names}) == "J. Carberry"
    assert person_name({"name": {**names, "credit-name": None}}) == "Josiah Carberry"
    assert person_name({"name": {"family-name": {"value": "Carberry"}}}) == "Carberry"
    assert person_name({"name": {}}) is None
    assert person_name(None) is None
