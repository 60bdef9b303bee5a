"""The facts a bio may state (bio/facts.py): one distinction once, the identity always."""

from __future__ import annotations

import pytest

from cvgen.bio.facts import collect_facts, same_distinction
from cvgen.model import Award
from tests.support.researchers import pi_grant


@pytest.mark.parametrize(
    ("award", "grant", "same"),
    [
        (
            Award(name="ERC Starting Grant"),
            pi_grant("European Research Council (ERC)", "Starting Grant"),
            True,
        ),
        (
            Award(name="Starting Grant", organization="European Research Council"),
            pi_grant("European Research Council (ERC)", "ERC Starting Grant"),
            True,
        ),
        (
            Award(name="erc starting-grant"),
            pi_grant("European Research Council (ERC)", "Starting Grant"),
            True,
        ),
        (
            Award(name="ERC Consolidator Grant"),
            pi_grant("European Research Council (ERC)", "Starting Grant"),
            False,
        ),
        (
            Award(name="Starting Grant", organization="Some Foundation"),
            pi_grant("European Research Council (ERC)", "Starting Grant"),
            False,
        ),
        (
            Award(name="ERC Starting Grant"),
            pi_grant("European Research Council (ERC)", None),
            False,
        ),
    ],
)
def test_an_award_recording_a_grant_is_the_same_distinction(award, grant, same):
    assert same_distinction(award, grant) is same


def test_identity_is_always_kept_and_facts_are_unique(example_cv):
    facts = collect_facts(example_cv)
    assert min(facts, key=lambda f: f.importance).kind == "identity"
    assert len({(f.kind, f.index) for f in facts}) == len(facts)
