"""Sentences of standing in a profession (bio/community.py): certifications, memberships,
service now and before, teaching."""

from __future__ import annotations

from cvgen.bio.community import certifications, teaching
from cvgen.bio.shortbio import generate
from cvgen.model import Certification, Membership, Service, ServiceCategory, Teaching
from tests.support.careers import career, context_of


def test_board_certifications_are_one_claim_and_certificates_merge():
    certifications = [
        Certification(name="Critical Care - Board Certified", date="2022-11"),
        Certification(name="Internal Medicine - Board Certified", date="2020-08"),
        Certification(name="Teaching Certificate in Mathematics", issuer="Pennsylvania", date=2007),
        Certification(
            name="Teaching Certificate in Computer Science", issuer="Pennsylvania", date=2021
        ),
    ]
    bio = generate(career(certifications=certifications), "third", 400)
    assert bio == (
        "Ada Quist is a researcher. Quist is board certified in Critical Care and Internal "
        "Medicine and holds a Teaching Certificate in Computer Science and Mathematics from "
        "Pennsylvania."
    )


def test_memberships_with_a_grade_first_and_one_grade_shared():
    memberships = [
        Membership(organization="Upsilon Pi Epsilon"),
        Membership(
            organization="Institute of Electrical and Electronics Engineers (IEEE)",
            role="Senior Member",
        ),
        Membership(organization="Association for Computing Machinery (ACM)", role="Senior Member"),
        Membership(organization="Old Society", start=2001, end=2005),
    ]
    assert generate(career(memberships=memberships), "first", 400) == (
        "I am a researcher. In addition, I am a Senior Member of the IEEE and of the ACM as "
        "well as a member of Upsilon Pi Epsilon."
    )


def test_service_ended_is_said_in_the_past_and_teaching_counted():
    service = [
        Service(
            role="Board Member",
            organization="Netherlandic Society",
            category=ServiceCategory.PROFESSIONAL,
            start=2016,
            end="present",
        ),
        Service(
            role="Workshop leader",
            organization="AANS Conference",
            category=ServiceCategory.ORGANISING,
            start=2012,
            end=2018,
        ),
    ]
    teaching = [
        Teaching(course="The Renaissance", institution="Virginia Tech", start=2021),
        Teaching(course="Modern Europe", institution="UCLA", start=2016),
    ]
    bio = generate(career(service=service, teaching=teaching), "first", 400)
    assert bio == (
        "I am a researcher. In addition, I serve as Board Member of the Netherlandic Society, "
        "and previously served as workshop leader at the AANS Conference. I have taught two "
        "courses at UCLA and Virginia Tech."
    )


def test_no_certification_or_teaching_no_sentence():
    ctx = context_of(career())
    assert certifications(ctx) == [] and teaching(ctx) == []
