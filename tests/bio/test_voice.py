"""Grammatical person (bio/voice.py): verbs that agree, surnames with their particles."""

from __future__ import annotations

from cvgen.bio.voice import Voice, surname


def test_voice_conjugates_regular_and_irregular_verbs():
    she = Voice("A B", "third", "she", "her", "her")
    they = Voice("A B", "third", "they", "them", "their")
    me = Voice("A B", "first")
    assert [she.verb(v) for v in ("be", "have", "focus", "study", "serve")] == [
        "is",
        "has",
        "focuses",
        "studies",
        "serves",
    ]
    assert [they.verb("be"), they.verb("have"), they.was()] == ["are", "have", "were"]
    assert [me.verb("be"), me.verb("have"), me.was(), me.poss()] == ["am", "have", "was", "my"]


def test_surname_keeps_particles_and_hyphens():
    assert surname("Miriam Adler-Katz") == "Adler-Katz"
    assert surname("Anna van Dijk") == "van Dijk"
    assert Voice("Thomas Bayes").poss() == "Bayes'"
