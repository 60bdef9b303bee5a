"""A venue's badge for site themes (exports/venues.py): the .bib's shortjournal, the acronym a
venue ends with, a journal's initials, or nothing where initials would garble the name."""

from __future__ import annotations

import pytest

from cvgen.exports.venues import abbr
from cvgen.model import Author, PubKind, Publication


def pub(venue: str | None, kind: PubKind = PubKind.JOURNAL, **extra: str) -> Publication:
    return Publication(
        key="k",
        entry_type="article",
        kind=kind,
        title="A title",
        authors=[Author(first="Ada", last="Lovelace")],
        year=2020,
        venue=venue,
        extra=extra,
    )


@pytest.mark.parametrize(
    ("venue", "badge"),
    [
        ("Journal of Machine Learning Research", "JMLR"),
        ("IEEE Transactions on Signal Processing", "IEEE TSP"),  # capitals kept as a word
        ("Physical Review Letters", "PRL"),
        ("Proceedings of the National Academy of Sciences", "PNAS"),
        ("Revue de la Société des Études", "RSÉ"),  # French minor words too
        ("Nature", "Nature"),  # one short word: the name whole
        ("Interdisciplinarity", None),  # one long word: no badge
        ("Nature Physics", None),  # two words: 'NP' would garble it
        ("Science (AAAS)", "AAAS"),
    ],
)
def test_a_journals_badge(venue: str, badge: str | None):
    assert abbr(pub(venue)) == badge


@pytest.mark.parametrize(
    ("venue", "badge"),
    [
        ("Advances in Neural Information Processing Systems (NeurIPS)", "NeurIPS"),
        ("Proceedings of the International Conference on Machine Learning (ICML '23)", "ICML '23"),
        ("Proceedings of the Conference on Learning Theory (COLT 2021)", "COLT 2021"),
        ("Proceedings of the Conference on Learning Theory", None),  # no initials beyond journals
        ("Workshop on things (informal)", None),  # not an acronym
        ("Symposium (ACM) on Theory of Computing", None),  # not at the end
    ],
)
def test_a_conferences_badge_is_the_acronym_it_ends_with(venue: str, badge: str | None):
    assert abbr(pub(venue, PubKind.CONFERENCE)) == badge


def test_the_bibs_shortjournal_wins():
    assert (
        abbr(pub("Physical Review Letters", shortjournal="Phys. Rev. Lett.")) == "Phys. Rev. Lett."
    )
    assert abbr(pub("Neural Information Processing Systems (NeurIPS)", PubKind.CONFERENCE,
                    shortjournal="NIPS")) == "NIPS"  # fmt: skip


@pytest.mark.parametrize("kind", [PubKind.THESIS, PubKind.BOOK, PubKind.PREPRINT])
def test_other_kinds_get_no_initials(kind: PubKind):
    assert abbr(pub("Uppsala University Press and Library", kind)) is None


def test_no_venue_no_badge():
    assert abbr(pub(None)) is None
    assert abbr(pub("")) is None
