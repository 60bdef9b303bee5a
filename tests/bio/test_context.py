"""What a sentence builder sees (bio/context.py): the facts of a kind in rank order, the day
the CV speaks from, places said in full once."""

from __future__ import annotations

import datetime as dt

from cvgen.bio.context import Context
from cvgen.model import Person, Pronouns
from tests.support.careers import career, context_of


def test_items_come_in_rank_order_and_places_in_full_once():
    person = Person(
        name="Ada Quist", pronouns=Pronouns(subject="she", object="her", possessive="her")
    )
    ctx: Context = context_of(career(person, research_interests=["Sparse recovery", "Optics"]))
    assert ctx.items("interest") == ["Sparse recovery", "Optics"]
    assert ctx.items("grant") == []
    assert ctx.today == dt.date(2025, 6, 1)
    assert ctx.place("University of Oslo") == "the University of Oslo"
    assert ctx.voice.subj() == "she"
