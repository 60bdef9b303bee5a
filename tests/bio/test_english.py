"""English for the bio (bio/english.py): lists, articles, and topics that keep their capitals."""

from __future__ import annotations

import pytest

from cvgen.bio import english


def test_join_list_reads_naturally():
    assert english.join_list(["A"]) == "A"
    assert english.join_list(["A", "B", "C"]) == "A, B and C"
    assert english.join_list(["A", "B and C", "D"]) == "A, B and C, and D"
    assert english.join_list(["A", "B and C"]) == "A as well as B and C"
    assert english.join_list(["A, x", "B"]) == "A, x and B"
    assert english.join_list(["A, x", "B", "C"]) == "A, x, B, and C"


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("MSc", "an MSc"),
        ("ERC Starting Grant", "an ERC Starting Grant"),
        ("NSF CAREER award", "an NSF CAREER award"),
        ("BSc", "a BSc"),
        ("Associate Professor", "an Associate Professor"),
        ("University Fellow", "a University Fellow"),
        ("Postdoctoral Fellow", "a Postdoctoral Fellow"),
        ("R01 grant", "an R01 grant"),
    ],
)
def test_indefinite_article(phrase, expected):
    assert english.indefinite(phrase) == expected


@pytest.mark.parametrize(
    ("phrase", "ambiguous"),
    [
        ("FRIPRO grant", True),  # 'fri-pro' or 'ef-ar-...'
        ("NERC Fellowship", True),
        ("SIAM", True),
        ("NSF CAREER grant", False),  # no vowel: spelt out
        ("EPSRC", False),  # E is a vowel either way
        ("NSERC", False),  # 'ns-' opens no English word
        ("STFC", False),
        ("UKRI", False),  # U is 'you' either way
        ("NIH", False),  # three letters: spelt out
        ("Fripro grant", False),  # not an acronym: the ordinary rule applies
    ],
)
def test_ambiguous_article(phrase, ambiguous):
    assert english.ambiguous_article(phrase) is ambiguous


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Yarden Institute of Science", "the Yarden Institute of Science"),
        ("Carmel University", "Carmel University"),
        ("The Royal Society", "the Royal Society"),
        ("Physics Society", "the Physics Society"),
        ("Helix Labs", "Helix Labs"),
    ],
)
def test_definite_article_for_institutions(name, expected):
    assert english.definite(name) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "British Ecological Society Annual Meeting",
            "the British Ecological Society Annual Meeting",
        ),
        ("Conference on Learning Theory", "the Conference on Learning Theory"),
        (
            "IEEE International Symposium on Information Theory",
            "the IEEE International Symposium on Information Theory",
        ),
        ("ICML 2023 Workshop", "the ICML 2023 Workshop"),
        ("Joint Statistical Meetings", "the Joint Statistical Meetings"),
        ("The Royal Society Summer Meeting", "the Royal Society Summer Meeting"),
        ("ICML 2023", "ICML 2023"),
        ("NeurIPS", "NeurIPS"),
        ("SIAM MDS 2022", "SIAM MDS 2022"),
        ("Interspeech 2023", "Interspeech 2023"),
    ],
)
def test_definite_article_for_events(name, expected):
    assert english.event(name) == expected


def test_topics_keep_proper_adjectives_and_acronyms():
    assert english.topic("Sparse recovery") == "sparse recovery"
    assert english.topic("Bayesian inference") == "Bayesian inference"
    assert english.topic("ML systems") == "ML systems"
    assert english.topic("Habsburg Monarchy, 1848–1918") == "Habsburg Monarchy, 1848–1918"
    assert english.topic("Central Europe in the press") == "Central Europe in the press"
