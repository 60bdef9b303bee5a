"""An ORCID record fetched whole (public API v3.0, `/v3.0/ID/record`) and read as cv.yaml data.

One request gives the person and a summary of every activity; a funding's amount and the
owner's role in it are only in the full funding (`/funding/PUT-CODE`), fetched per funding.
"""

from __future__ import annotations

from typing import Any

from cvgen.errors import CvgenError
from cvgen.remote.http import ORCID, Client, NotFound
from cvgen.remote.orcid_career import (
    Career,
    add_appointments,
    add_custom,
    add_distinctions,
    add_educations,
    add_funding,
    add_peer_reviews,
    add_services,
)
from cvgen.remote.orcid_person import add_person
from cvgen.remote.orcid_shapes import field, items, json_object, put_code

JSON = "application/json"


def fetch_record(client: Client, orcid: str) -> dict:
    """The whole public record; NotFound names the iD."""
    try:
        response = client.get(ORCID, f"/v3.0/{orcid}/record", accept=JSON)
    except NotFound:
        raise NotFound(f"ORCID has no record {orcid}") from None
    return json_object(response, f"the record {orcid}")


def _funding_detail(client: Client, orcid: str, summary: dict, notes: list[str]) -> Any:
    code = put_code(summary)
    if code is None:
        return None
    try:
        response = client.get(ORCID, f"/v3.0/{orcid}/funding/{code}", accept=JSON)
        return json_object(response, f"funding {code}")
    except NotFound:
        return None
    except CvgenError as error:  # the summary still makes a grant, without amount and role
        notes.append(f"funding {code}: {error.message}")
        return None


def career_of(client: Client, record: dict, orcid: str) -> Career:
    """Every section of the record as cv.yaml data (the works aside)."""
    career = Career()
    add_person(career, field(record, "person"), orcid)
    activities = field(record, "activities-summary")
    add_educations(career, field(activities, "educations"))
    add_appointments(career, field(activities, "employments"), "employment", "employment")
    add_appointments(
        career, field(activities, "invited-positions"), "invited-position", "invited position"
    )
    add_distinctions(career, field(activities, "distinctions"))
    add_custom(career, field(activities, "memberships"), "membership", "Memberships", "Member")
    add_custom(career, field(activities, "qualifications"), "qualification", "Qualifications", None)
    add_services(career, field(activities, "services"))
    add_peer_reviews(career, field(activities, "peer-reviews"))
    for group in items(activities, "fundings", "group"):
        summary = next(iter(items(group, "funding-summary")), None)
        if summary is not None:
            detail = _funding_detail(client, orcid, summary, career.notes)
            add_funding(career, summary, detail, orcid)
    return career


def works_of(record: dict) -> dict | None:
    """The record's works summary: the same shape as `/works`, so the import needs no second
    request."""
    works = field(record, "activities-summary", "works")
    return works if isinstance(works, dict) else None
