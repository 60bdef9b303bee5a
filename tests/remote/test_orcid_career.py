"""An ORCID record's activities as cv.yaml items (remote/orcid_career.py), one section at a time
from small v3.0-shaped summaries: what maps where, and what is noted instead of invented."""

from __future__ import annotations

from typing import Any

import pytest

from cvgen.remote.orcid_career import (
    Career,
    add_appointments,
    add_custom,
    add_distinctions,
    add_educations,
    add_funding,
    add_peer_reviews,
    add_services,
    funding_amount,
    funding_role,
)

ORCID = "0000-0002-1825-0097"


def day(year: int | None, month: int | None = None) -> dict[str, Any] | None:
    if year is None:
        return None
    return {"year": {"value": str(year)}, "month": {"value": f"{month:02d}"} if month else None}


def summary(role=None, org="Brown University", start=None, end=None, **extra) -> dict[str, Any]:
    organization = {"name": org, "address": {"city": "Providence", "region": "RI", "country": "US"}}
    return {
        "role-title": role,
        "organization": organization if org else None,
        "start-date": start,
        "end-date": end,
        **extra,
    }


def section(kind: str, *found: dict) -> dict:
    """A v3.0 activities section: affiliation groups of `<kind>-summary`."""
    return {"affiliation-group": [{"summaries": [{f"{kind}-summary": s}]} for s in found]}


def test_a_degree_is_split_into_degree_and_field():
    career = Career()
    add_educations(
        career,
        section(
            "education",
            summary("PhD, Physics", start=day(2005, 9), end=day(2009, 6)),
            summary("MSc in Chemistry", start=day(2003)),
            summary("BA", start=day(2000), **{"department-name": "History"}),
        ),
    )
    assert career.data["education"] == [
        {
            "degree": "PhD",
            "field": "Physics",
            "institution": "Brown University",
            "location": "Providence, RI, US",
            "start": "2005-09",
            "end": "2009-06",
        },
        {
            "degree": "MSc",
            "field": "Chemistry",
            "institution": "Brown University",
            "location": "Providence, RI, US",
            "start": 2003,
        },
        {
            "degree": "BA",
            "field": "History",  # the department, when the role names no field
            "institution": "Brown University",
            "location": "Providence, RI, US",
            "start": 2000,
        },
    ]
    assert career.notes == []


def test_a_degree_without_a_name_is_noted_not_invented():
    career = Career()
    add_educations(career, section("education", summary(None), summary("PhD", org=None)))
    assert "education" not in career.data
    assert career.notes == [
        "education at Brown University: no degree named",
        "education at an unnamed organization: no degree named",
    ]


def test_an_appointment_without_an_end_is_current_and_an_end_before_its_start_is_dropped():
    career = Career()
    jobs = section(
        "employment",
        summary("Professor", start=day(2019, 9), **{"department-name": "Psychoceramics"}),
        summary("Lecturer", start=day(2015), end=day(2012)),
        summary(None, org="Wesleyan University"),
    )
    add_appointments(career, jobs, "employment", "employment")
    first, second = career.data["appointments"]
    assert first == {
        "title": "Professor",
        "institution": "Brown University",
        "department": "Psychoceramics",
        "location": "Providence, RI, US",
        "start": "2019-09",
        "end": "present",
    }
    assert (second["start"], "end" in second) == (2015, False)
    assert career.notes == ["employment at Wesleyan University: no title"]


def test_a_distinction_is_an_award_given_once_unless_it_spans_years():
    career = Career()
    add_distinctions(
        career,
        section(
            "distinction",
            summary("Best Paper", start=day(2020), end=day(2020)),
            summary("Fellow", start=day(2018), end=day(2021)),
            summary(None, org="Royal Society"),
        ),
    )
    assert career.data["awards"] == [
        {"name": "Best Paper", "organization": "Brown University", "start": 2020},
        {"name": "Fellow", "organization": "Brown University", "start": 2018, "end": 2021},
    ]
    assert career.notes == ["distinction from Royal Society: no name"]


def test_memberships_and_qualifications_are_custom_sections_with_a_default_title():
    career = Career()
    add_custom(career, section("membership", summary(None, start=day(2014))), "membership",
               "Memberships", "Member")  # fmt: skip
    add_custom(career, section("qualification", summary(None)), "qualification",
               "Qualifications", None)  # fmt: skip
    assert career.data["custom"] == {
        "memberships": {
            "heading": "Memberships",
            "entries": [
                {
                    "title": "Member",
                    "organization": "Brown University",
                    "location": "Providence, RI, US",
                    "start": 2014,
                    "end": "present",
                }
            ],
        }
    }
    assert career.notes == ["qualification at Brown University: no title"]


def test_a_service_is_categorised_by_its_words():
    career = Career()
    add_services(
        career,
        section(
            "service",
            summary("Associate Editor", org="Journal of Ecology", start=day(2020)),
            summary(None, org="Senate"),
        ),
    )
    assert career.data["service"] == [
        {
            "role": "Associate Editor",
            "organization": "Journal of Ecology",
            "category": "editorial",
            "start": 2020,
            "end": "present",
        }
    ]
    assert career.notes == ["service at Senate: no role"]


def review(organization: str | None, year: int | None) -> dict:
    return {"convening-organization": {"name": organization}, "completion-date": day(year)}


def test_peer_reviews_are_one_reviewing_item_per_organization_over_its_years():
    def group(*found: dict) -> dict:
        return {"peer-review-group": [{"peer-review-summary": list(found)}]}

    reviews = {
        "group": [
            group(review("IEEE", 2019), review("IEEE", 2016)),
            group(review("PLOS", None), review(None, 2020)),  # no organization: not kept
            group(review("ACM", 2021)),
        ]
    }
    career = Career()
    add_peer_reviews(career, reviews)
    reviewing = {"role": "Reviewer", "category": "reviewing"}
    assert career.data["service"] == [
        {**reviewing, "organization": "IEEE", "start": 2016, "end": 2019},
        {**reviewing, "organization": "PLOS"},
        {**reviewing, "organization": "ACM", "start": 2021},
    ]


def contributor(orcid: str, role: str | None) -> dict:
    return {
        "contributor-orcid": {"path": orcid},
        "contributor-attributes": {"contributor-role": role},
    }


@pytest.mark.parametrize(
    ("role", "expected"),
    [("lead", "PI"), ("CO-LEAD", "co-PI"), ("supported-by", "collaborator"),
     ("consultant", "collaborator"), (None, None)],
)  # fmt: skip
def test_the_owners_funding_role_is_read_from_their_own_contributor_entry(role, expected):
    detail = {"contributors": {"contributor": [contributor("0000-0001-0000-0001", "lead"),
                                               contributor(ORCID, role)]}}  # fmt: skip
    assert funding_role(detail, ORCID) == expected


def test_no_role_when_the_owner_is_not_a_contributor():
    detail = {"contributors": {"contributor": [contributor("0000-0001-0000-0001", "lead")]}}
    assert funding_role(detail, ORCID) is None
    assert funding_role(None, ORCID) is None


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        ({"value": "1,250,000", "currency-code": "USD"}, {"amount": 1250000, "currency": "USD"}),
        ({"value": "9 500.50", "currency-code": "EUR"}, {"amount": 9500.5, "currency": "EUR"}),
        ({"value": "1250000", "currency-code": "usd"}, {}),
        ({"value": "1250000"}, {}),
        ({"value": "about a million", "currency-code": "USD"}, {}),
        ({"value": "1.234", "currency-code": "USD"}, {}),
        (None, {}),
    ],
)
def test_an_amount_is_kept_only_when_number_and_currency_are_clean(amount, expected):
    assert funding_amount({"amount": amount}) == expected


def funding(kind: str | None, title: str | None = "Learning in Large Systems", **extra) -> dict:
    return {
        "type": kind,
        "title": {"title": {"value": title}},
        "organization": {"name": "European Research Council"},
        "start-date": day(2016),
        "end-date": day(2021),
        "external-ids": {"external-id": [{"external-id-value": "ERC-123"}]},
        **extra,
    }


def test_a_grant_takes_role_and_amount_from_the_full_funding():
    detail = {
        "amount": {"value": "1500000", "currency-code": "EUR"},
        "contributors": {"contributor": [contributor(ORCID, "lead")]},
    }
    career = Career()
    add_funding(career, funding("GRANT"), detail, ORCID)
    assert career.data["grants"] == [
        {
            "title": "Learning in Large Systems",
            "funder": "European Research Council",
            "role": "PI",
            "number": "ERC-123",
            "start": 2016,
            "end": 2021,
            "amount": 1500000,
            "currency": "EUR",
        }
    ]
    assert career.notes == []


def test_a_grant_without_the_owners_role_is_written_as_pi_and_noted():
    career = Career()
    add_funding(career, funding("contract"), None, ORCID)
    assert career.data["grants"][0]["role"] == "PI"
    assert career.notes == [
        "grant “Learning in Large Systems”: your role is not on ORCID; written as PI, check"
    ]


def test_an_award_funding_is_an_award_and_a_salary_award_a_fellowship():
    career = Career()
    add_funding(career, funding("award", "Young Investigator"), None, ORCID)
    add_funding(career, funding("SALARY_AWARD", "Marie Curie Fellowship"), None, ORCID)
    assert career.data["awards"] == [
        {"name": "Young Investigator", "organization": "European Research Council",
         "start": 2016, "end": 2021},
        {"name": "Marie Curie Fellowship", "organization": "European Research Council",
         "start": 2016, "end": 2021, "kind": "fellowship"},
    ]  # fmt: skip
    assert "grants" not in career.data and career.notes == []


def test_a_funding_without_a_title_is_noted():
    career = Career()
    add_funding(career, funding("grant", None), None, ORCID)
    assert career.data == {}
    assert career.notes == ["funding from European Research Council: no title"]


def test_career_add_drops_empty_values():
    career = Career()
    career.add("awards", {"name": "Prize", "note": "", "tags": [], "extra": {}, "end": None})
    career.add_custom("memberships", "Memberships", {"title": "Member", "location": None})
    assert career.data == {
        "awards": [{"name": "Prize"}],
        "custom": {"memberships": {"heading": "Memberships", "entries": [{"title": "Member"}]}},
    }
