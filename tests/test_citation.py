"""Backend-neutral citation text: the venue clause of chapters and proceedings."""

from __future__ import annotations

import pytest
from rendering import reference

from cvgen.compose.names import written_name
from cvgen.model import Author, PubKind, Publication


def chapter(*editors: str) -> Publication:
    return Publication(
        key="c",
        entry_type="incollection",
        kind=PubKind.CHAPTER,
        title="Sea ice",
        authors=[Author(first="Ana", last="Ruiz")],
        year=2017,
        venue="Sea Ice",
        editors=[written_name(name) for name in editors],
    )


@pytest.mark.parametrize(
    ("editors", "phrase"),
    [
        (["David N. Thomas"], "In Sea Ice (ed.\u00a0David N.\u00a0Thomas), 2017."),
        (
            ["David N. Thomas", "Gerhard Dieckmann"],
            "(eds.\u00a0David N.\u00a0Thomas and Gerhard Dieckmann)",
        ),
        ([], "In Sea Ice, 2017."),
    ],
)
def test_one_editor_is_ed_and_several_are_eds(editors: list[str], phrase: str) -> None:
    assert phrase in reference(chapter(*editors))
