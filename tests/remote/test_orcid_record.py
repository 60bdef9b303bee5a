"""An ORCID record read as cv.yaml data: real records of several researchers (the demo persona,
a sandbox account, an astrophysicist's v2.1 record and its v3.0 form), and odd shapes that must
lose a value, never raise (tests/data/remote/orcid-records/SOURCES.md says where each is from).
"""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from cvgen.errors import CvgenError
from cvgen.model import CvData
from cvgen.remote.bodies import BadAnswer
from cvgen.remote.http import NotFound
from cvgen.remote.orcid_record import career_of

RECORDS = Path(__file__).parent.parent / "data" / "remote" / "orcid-records"
CARBERRY = RECORDS / "v3" / "0000-0002-1825-0097.record.json"
PEARSON = RECORDS / "v3" / "0000-0003-4997-3076.sandbox.record.json"
ACCOMAZZI_V2 = RECORDS / "v2" / "0000-0002-4110-3511.record.v2.1.json"
ACCOMAZZI_V3 = RECORDS / "constructed" / "0000-0002-4110-3511.record.json"


class Offline:
    """A client that has no full fundings: the summaries must do."""

    def __init__(self, answers: dict[str, object] | None = None):
        self.answers = answers or {}
        self.paths: list[str] = []

    def get_json(self, service, path, **kwargs):
        self.paths.append(path)
        answer = self.answers.get(path)
        if isinstance(answer, Exception):
            raise answer
        if answer is None:
            raise NotFound(f"no {path}")
        return answer


def career(path: Path, orcid: str, client: Offline | None = None):
    return career_of(client or Offline(), json.loads(path.read_text()), orcid)


def test_the_demo_persona_gives_person_appointments_and_reviews():
    found = career(CARBERRY, "0000-0002-1825-0097")
    data = found.data
    assert data["person"]["name"] == "Josiah Carberry"
    assert data["person"]["name_variants"] == [
        "Josiah Stinkney Carberry",
        "J. Carberry",
        "J. S. Carberry",
    ]
    assert data["person"]["website"] == "http://library.brown.edu/about/hay/carberry.php"
    assert data["research_interests"] == ["psychoceramics", "ionian philology"]
    assert "\r" not in data["bio"] and data["bio"].count("\n\n") == 1
    # 1930-02-29 is no calendar date: the month is what a CV shows anyway
    assert [(a["institution"], a["start"], a["end"]) for a in data["appointments"]] == [
        ("Wesleyan University", "1930-02", "present"),
        ("Brown University", "1929-02", "present"),
    ]
    assert data["service"] == [
        {
            "role": "Reviewer",
            "organization": "The Psychoceramics Society",
            "category": "reviewing",
            "start": 2004,
        }
    ]
    CvData.model_validate(data)  # what cvgen check accepts


def test_a_v2_record_and_its_v3_form_give_the_same_career():
    old = career(ACCOMAZZI_V2, "0000-0002-4110-3511").data
    new = career(ACCOMAZZI_V3, "0000-0002-4110-3511").data
    assert (
        old["education"]
        == new["education"]
        == [
            {
                "degree": "PhD",
                "field": "Physics",  # role-title "PhD, Physics"
                "institution": "University of Milan",
                "location": "Milan, IT",  # an empty region left out
                "start": "1983-09",
                "end": "1988-11",
            }
        ]
    )
    assert old["appointments"] == new["appointments"]
    assert [a["department"] for a in new["appointments"]][2] == "High Energy Astrophuysics"
    assert [g["number"] for g in new["grants"]] == ["80NSSC21M0056", "NNX16AC86A"]
    assert new["awards"] == [
        {"name": "role-title", "organization": "common:name", "start": "1948-02"}
    ]  # ORCID's documented sample, kept verbatim
    CvData.model_validate(new)


def test_a_grant_role_and_amount_come_from_the_full_funding():
    detail = {
        "amount": {"value": "1,250,000", "currency-code": "USD"},
        "contributors": {
            "contributor": [
                {
                    "contributor-orcid": {"path": "0000-0002-4110-3511"},
                    "contributor-attributes": {"contributor-role": "co-lead"},
                }
            ]
        },
    }
    client = Offline({"/v3.0/0000-0002-4110-3511/funding/1671433": detail})
    found = career(ACCOMAZZI_V3, "0000-0002-4110-3511", client)
    first, second = found.data["grants"]
    assert (first["role"], first["amount"], first["currency"]) == ("co-PI", 1250000, "USD")
    assert second["role"] == "PI" and "amount" not in second
    assert any("written as PI, check" in note for note in found.notes)
    assert client.paths == [
        "/v3.0/0000-0002-4110-3511/funding/1671433",
        "/v3.0/0000-0002-4110-3511/funding/1671434",
    ]


def test_the_sandbox_record_gives_memberships_as_a_section_of_their_own():
    data = career(PEARSON, "0000-0003-4997-3076").data
    assert data["custom"]["memberships"]["entries"] == [
        {
            "title": "employee",
            "organization": "Lawrence Berkeley National Laboratory",
            "location": "Berkeley, US",
            "start": 2014,
            "end": "present",
        }
    ]
    assert data["person"]["email"] == "eaptest40@mailinator.com"
    CvData.model_validate(data)


def test_a_broken_funding_answer_is_a_note_not_a_failure():
    broken = BadAnswer("ORCID sent malformed JSON (line 1, column 1: Expecting value)")
    client = Offline({"/v3.0/0000-0002-4110-3511/funding/1671433": broken})
    found = career(ACCOMAZZI_V3, "0000-0002-4110-3511", client)
    assert len(found.data["grants"]) == 2
    assert any("malformed JSON" in note for note in found.notes)


JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=5),
    lambda children: st.lists(children, max_size=3)
    | st.dictionaries(
        st.sampled_from(
            ["person", "activities-summary", "educations", "employments", "affiliation-group",
             "summaries", "employment-summary", "education-summary", "role-title",
             "organization", "name", "start-date", "year", "value", "fundings", "group",
             "funding-summary", "title", "peer-reviews", "distinctions", "put-code"]
        ),
        children,
        max_size=4,
    ),
    max_leaves=20,
)  # fmt: skip


@given(JSONISH)
def test_any_shape_loses_values_never_raises(record):
    try:
        found = career_of(
            Offline(), record if isinstance(record, dict) else {}, "0000-0002-1825-0097"
        )
    except CvgenError:
        return
    assert found.data["person"]["name"]  # the iD when the record names nobody
