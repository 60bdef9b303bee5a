"""How a bio names a place (bio/names.py): in full once, then its short form."""

from __future__ import annotations

from cvgen.bio.names import Names


def test_a_place_is_said_in_full_once_then_by_the_short_form_given():
    names = Names({"University of California, Los Angeles": "UCLA", "Technion": "the Technion"})
    assert names.place("University of California, Los Angeles") == (
        "the University of California, Los Angeles"
    )
    assert names.place("University of California, Los Angeles") == "UCLA"
    assert names.place("Technion") == "Technion"
    assert names.place("Technion") == "the Technion"


def test_an_abbreviation_in_the_name_is_its_short_form():
    names = Names()
    assert names.place("Mannheim Centre for European Social Research (MZES)") == (
        "the Mannheim Centre for European Social Research (MZES)"
    )
    assert names.place("Mannheim Centre for European Social Research") == "MZES"


def test_without_a_short_form_a_long_name_is_said_twice_then_by_its_noun():
    names = Names()
    assert names.place("University of Bayreuth") == "the University of Bayreuth"
    names.sentence()
    assert names.place("University of Bayreuth") == "the University of Bayreuth"
    assert names.place("University of Bayreuth") == "the university"
    assert names.place("Hof University") == "Hof University"
    assert names.place("Hof University") == "Hof University"  # two words: never ambiguous


def test_twice_in_one_sentence_is_never_in_full():
    names = Names()
    assert names.place("Imperial College London") == "Imperial College London"
    assert names.place("Imperial College London") == "the college"
