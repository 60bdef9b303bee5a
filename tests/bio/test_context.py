"""What each sentence builder gets (bio/context.py): the facts of one kind, in their order."""

from __future__ import annotations

from cvgen.bio.context import Context
from cvgen.bio.facts import Fact
from cvgen.bio.voice import Voice
from cvgen.model import CV, CvData, Person

CV_OF_ADA = CV(data=CvData(person=Person(name="Ada Lovelace")))


def test_items_are_the_facts_of_one_kind_by_their_index() -> None:
    facts = {
        "award": [Fact("award", 2, "Medal"), Fact("award", 0, "Prize"), Fact("award", 1, "Chair")],
        "interest": [Fact("interest", 0, "rivers")],
    }
    ctx = Context(Voice("Ada Lovelace"), CV_OF_ADA, facts)
    assert ctx.items("award") == ["Prize", "Chair", "Medal"]
    assert ctx.items("interest") == ["rivers"]


def test_a_kind_without_facts_has_no_items() -> None:
    ctx = Context(Voice("Ada Lovelace"), CV_OF_ADA, {"award": []})
    assert ctx.items("award") == [] and ctx.items("degree") == []
