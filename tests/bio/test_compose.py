"""How the bio words its facts (bio/compose.py): grant labels one can lead, award phrases."""

from __future__ import annotations

import pytest

from cvgen.bio import english
from cvgen.bio.compose import award_phrase, grant_label
from cvgen.model import Award
from tests.support.researchers import pi_grant


@pytest.mark.parametrize(
    ("funder", "program", "expected"),
    [
        ("European Research Council (ERC)", "ERC Starting Grant", "an ERC Starting Grant"),
        ("European Research Council (ERC)", "Consolidator Grant", "an ERC Consolidator Grant"),
        (
            "Engineering and Physical Sciences Research Council (EPSRC)",
            "Standard Research Grant",
            "an EPSRC Standard Research Grant",
        ),
        ("National Science Foundation (NSF)", "CAREER", "an NSF CAREER grant"),
        (
            "Research Council of Norway",
            "FRIPRO",
            "a grant from the Research Council of Norway (FRIPRO)",
        ),
        ("Research Council of Norway (RCN)", "FRIPRO", "an RCN FRIPRO grant"),
        (
            "European Commission",
            "Marie Skłodowska-Curie Fellowship",
            "a Marie Skłodowska-Curie Fellowship from the European Commission",
        ),
        (
            "Deutsche Forschungsgemeinschaft (DFG)",
            "Emmy Noether Programme",
            "a DFG Emmy Noether grant",
        ),
        (
            "Israel Science Foundation (ISF)",
            "Personal Research Grant",
            "an ISF Personal Research Grant",
        ),
        ("Australian Research Council (ARC)", "Discovery Projects", "an ARC Discovery Project"),
        ("National Institutes of Health (NIH)", "R01", "an NIH R01 grant"),
        ("The Royal Society", "Research Grant", "a Royal Society Research Grant"),
        (
            "Natural Environment Research Council (NERC)",
            "Independent Research Fellowship",
            "an Independent Research Fellowship from the Natural Environment Research Council",
        ),
        (
            "Engineering and Physical Sciences Research Council (EPSRC)",
            None,
            "a grant from the Engineering and Physical Sciences Research Council",
        ),
    ],
)
def test_grant_labels_name_something_one_can_lead(funder, program, expected):
    assert english.indefinite(grant_label(pi_grant(funder, program))) == expected


def test_a_grant_label_keeps_the_project_acronym_with_the_programme():
    grant = pi_grant("Research Council of Norway", "FRIPRO", title="DEEP: Deep things")
    assert grant_label(grant) == "grant from the Research Council of Norway (FRIPRO; DEEP)"


def test_award_phrases():
    named = Award(name="Outstanding Paper Award, NeurIPS 2021", start=2021)
    generic = Award(name="Research Fellowship", organization="Science Foundation", start=2010)
    assert award_phrase(named) == "the Outstanding Paper Award at NeurIPS 2021"
    assert award_phrase(generic) == "a Research Fellowship from the Science Foundation (2010)"
