"""Which facts a short bio names first (bio/ranking.py): major awards, competitive PI grants by
amount within one currency, never across currencies."""

from __future__ import annotations

import pytest

from cvgen.bio.compose import grant_label
from cvgen.bio.ranking import (
    bio_grants,
    certification_rank,
    importance,
    leadership_rank,
    rank_awards,
    rank_grants,
)
from cvgen.model import Award, Grant, Person
from cvgen.util.dates import Date
from tests.support.researchers import pi_grant


def test_major_awards_first_then_external_prizes_and_student_awards_last():
    person = Person(name="A B", affiliation="Home University")
    awards = [
        Award(name="Student Prize", kind="prize", stage="student", start=2003),
        Award(name="Teaching Award", organization="Home University", start=2023),
        Award(name="Best Paper Award, ICML 2019", start=2019, stage="early-career"),
        Award(name="Big Prize", kind="prize", major=True, start=2015),
        Award(name="Society Prize", kind="prize", organization="X Society", start=2021),
    ]
    ranked = [a.name for a in rank_awards(awards, person)]
    assert ranked == [
        "Big Prize",
        "Society Prize",
        "Best Paper Award, ICML 2019",
        "Student Prize",
        "Teaching Award",
    ]


def test_bio_grants_are_competitive_pi_grants_largest_first():
    grants = [
        Grant(title="a", funder="Industry Ltd", role="PI", kind="industrial", amount=9e6),
        Grant(title="b", funder="Council (RC)", role="co-I", amount=5e6),
        Grant(title="c", funder="Council (RC)", role="PI", amount=1e5, program="Small Grant"),
        Grant(title="d", funder="Council (RC)", role="PI", amount=2e6, program="RC Large Grant"),
    ]
    assert [g.title for g in bio_grants(grants)] == ["d", "c"]
    assert [grant_label(g) for g in bio_grants(grants)] == ["RC Large Grant", "RC Small Grant"]


def test_amounts_in_different_currencies_are_never_compared():
    """NOK 8M is about EUR 0.7M: across currencies the longer, then the newer grant ranks first."""
    nok = pi_grant("Research Council of Norway", "FRIPRO", title="nok", amount=8e6, currency="NOK")
    eur = pi_grant(
        "European Research Council (ERC)", "Starting Grant", title="eur", amount=2e6, currency="EUR"
    )

    def ranked(nok_years: tuple[int, int], eur_years: tuple[int, int]) -> list[str]:
        dated = [
            g.model_copy(update={"start": Date(a), "end": Date(b)})
            for g, (a, b) in ((nok, nok_years), (eur, eur_years))
        ]
        return [g.title for g in rank_grants(dated)]

    assert ranked((2018, 2021), (2019, 2023)) == ["eur", "nok"]  # EUR runs longer
    assert ranked((2018, 2023), (2019, 2023)) == ["nok", "eur"]  # NOK runs longer
    assert ranked((2015, 2018), (2019, 2022)) == ["eur", "nok"]  # as long: the newer


def test_within_one_currency_the_larger_grant_takes_the_better_place():
    grants = [
        pi_grant(
            "Council (RC)",
            "Small Grant",
            title="small",
            amount=1e5,
            currency="GBP",
            start=2010,
            end=2016,
        ),
        pi_grant(
            "European Research Council (ERC)",
            "Starting Grant",
            title="erc",
            amount=1.5e6,
            currency="EUR",
            start=2019,
            end=2023,
        ),
        pi_grant(
            "Council (RC)",
            "Large Grant",
            title="large",
            amount=2e6,
            currency="GBP",
            start=2020,
            end=2022,
        ),
    ]
    # by length: small (6 years), erc (5), large (3); GBP's places (1st, 3rd) go by amount
    assert [g.title for g in rank_grants(grants)] == ["large", "erc", "small"]


@pytest.mark.parametrize(
    ("title", "rank"),
    [
        ("President", 0),
        ("Executive Vice-President", 1),
        ("Vice President for Research", 1),
        ("Dean of the Graduate College", 2),
        ("Co-Director, Teaching and Learning Institute", 3),
        ("Associate Department Head of Undergraduate Affairs", 4),
        ("Department Chair", 4),
        ("Gruppenleiter Künstliche Intelligenz", 4),
        ("Doyen de la Faculté des sciences", 2),
        ("研究中心副主任", 4),
        ("Pearl Seiden Chair in Sciences", None),
        ("Head Teaching Assistant", None),
        ("Statistical Analyst", None),
    ],
)
def test_offices_are_recognised_by_title_in_every_language(title, rank):
    assert leadership_rank(title) == rank


def test_board_certifications_rank_before_licences_and_hobbies():
    names = [
        "Private Pilot",
        "Medical licence",
        "Critical Care - Board Certified",
        "Teaching Certificate",
    ]
    assert sorted(names, key=certification_rank) == [
        "Critical Care - Board Certified",
        "Medical licence",
        "Teaching Certificate",
        "Private Pilot",
    ]


def test_the_drop_order_weighs_each_further_fact_of_a_kind_more():
    assert importance("identity", 0) < importance("leadership", 0) < importance("degree", 0)
    assert importance("award", 1) > importance("degree", 0)
    assert importance("interest", 2) > importance("grant", 0)
