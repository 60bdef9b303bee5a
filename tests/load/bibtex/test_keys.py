"""Entry keys used twice (load/bibtex/keys.py): a second entry of one paper is left out, another
paper under a used key gets a key of its own, each with a warning naming the first."""

from __future__ import annotations

from cvgen.errors import Severity
from cvgen.load.bibtex.keys import distinct_keys
from cvgen.model import Author, Links, PubKind, Publication


def _pub(key: str, title: str, line: int, doi: str | None = None) -> Publication:
    return Publication(
        key=key,
        entry_type="article",
        kind=PubKind.JOURNAL,
        title=title,
        authors=[Author(first="Antoine", last="Moreau")],
        year=2019,
        venue="Physical Review B",
        links=Links(doi=doi) if doi else Links(),
        line=line,
    )


def test_distinct_keys_are_kept_as_they_are() -> None:
    pubs = [_pub("Moreau_2019", "Plasmonic gaps", 1), _pub("Moreau_2020", "Metasurfaces", 9)]
    assert distinct_keys(pubs, "x.bib") == (pubs, [])


def test_another_paper_under_a_used_key_gets_a_new_key() -> None:
    first, second = _pub("Moreau_2019", "Plasmonic gaps", 1), _pub("Moreau_2019", "Metasurfaces", 9)
    kept, problems = distinct_keys([first, second], "x.bib")
    assert [(p.key, p.title) for p in kept] == [
        ("Moreau_2019", "Plasmonic gaps"),
        ("Moreau_2019-2", "Metasurfaces"),
    ]
    assert [(p.file, p.line, p.field, p.severity) for p in problems] == [
        ("x.bib", 9, "Moreau_2019", Severity.WARNING)
    ]
    assert problems[0].message == (
        "the key Moreau_2019 is also used by another paper (line 1); this one is read as "
        "Moreau_2019-2: give it a key of its own"
    )


def test_the_same_paper_twice_is_left_out() -> None:
    first = _pub("Moreau_2019", "Plasmonic gaps", 1, doi="10.1103/PhysRevB.99.1")
    again = _pub("moreau_2019", "Plasmonic Gaps (preprint title)", 12, doi="10.1103/physrevb.99.1")
    kept, problems = distinct_keys([first, again], "x.bib")
    assert kept == [first]
    assert [p.message for p in problems] == [
        "the key moreau_2019 and this paper are already used (line 1); left out"
    ]


def test_a_new_key_is_one_no_entry_uses() -> None:
    pubs = [
        _pub("Moreau_2019", "Plasmonic gaps", 1),
        _pub("Moreau_2019-2", "Written by hand", 5),
        _pub("Moreau_2019", "Metasurfaces", 9),
        _pub("Moreau_2019", "Nonlinear optics", 0),  # no line: said as "earlier"
    ]
    kept, problems = distinct_keys(pubs, "x.bib")
    assert [p.key for p in kept] == [
        "Moreau_2019",
        "Moreau_2019-2",
        "Moreau_2019-3",
        "Moreau_2019-4",
    ]
    assert len(problems) == 2
