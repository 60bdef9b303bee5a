"""The short bio (bio/shortbio.py): word limits, grammatical person, and prose that reads
naturally."""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cvgen.bio import english
from cvgen.bio.shortbio import generate, short_bio
from cvgen.errors import CvgenError
from cvgen.model import CV, Award, CvData, Degree, Person, Pronouns, Talk
from tests.support.clinician import DECLINED
from tests.support.researchers import pi_grant

SENTENCE = re.compile(r"(?<=[.!?])\s+")


def sentences(text: str) -> list[str]:
    return SENTENCE.split(text)


def researcher(**data) -> CV:
    """A researcher built from the model directly, with only what a test gives."""
    person = data.pop("person", None) or Person(name="Ada Quist")
    return CV(data=CvData(person=person, **data))


MINIMAL = researcher()
THEY = Pronouns(subject="they", object="them", possessive="their")


def with_pronouns(cv: CV, pronouns: Pronouns | None) -> CV:
    person = cv.data.person.model_copy(update={"pronouns": pronouns})
    return cv.model_copy(update={"data": cv.data.model_copy(update={"person": person})})


# --- the word limit -------------------------------------------------------------------------


@pytest.mark.parametrize("person", ["third", "first"])
def test_word_limit_holds_for_every_limit_on_the_example(example_cv, person):
    for words in range(30, 401, 3):  # every third limit: each is a fit of ~40 compositions
        text = generate(example_cv, person, words)
        assert english.count_words(text) <= words, (words, text)
        assert all(s.endswith(".") for s in sentences(text)), text


@settings(max_examples=300, deadline=None)
@given(
    words=st.integers(30, 400),
    person=st.sampled_from(["third", "first"]),
    interests=st.lists(
        st.sampled_from(["Sparse recovery", "Bayesian inference", "ML"]), max_size=3
    ),
    position=st.sampled_from([None, "Lecturer", "Professor of Physics", "Research Scientist"]),
    degree=st.booleans(),
)
def test_word_limit_holds_on_a_minimal_researcher(words, person, interests, position, degree):
    person_model = Person(name="Ada Quist", position=position, affiliation="Example University")
    education = [Degree(degree="PhD", field="Physics", institution="Uppsala University", end=2009)]
    cv = researcher(
        person=person_model, research_interests=interests, education=education if degree else []
    )
    text = generate(cv, person, words)
    assert english.count_words(text) <= words
    assert text.endswith(".")


def test_more_room_keeps_every_fact_of_less_room(example_cv):
    """Facts go in importance order: a longer bio contains each sentence start of a shorter."""
    short = generate(example_cv, "third", 60)
    long = generate(example_cv, "third", 400)
    assert english.count_words(short) < english.count_words(long)
    assert "Whitcombe Prize" in short and "Whitcombe Prize" in long


def test_a_limit_below_the_first_sentence_is_an_error_not_a_cut_sentence(example_cv):
    with pytest.raises(
        CvgenError, match=r"even the one-sentence bio has 17 words, over --words 10"
    ):
        generate(example_cv, "third", 10)


def test_the_150_word_bio_of_the_example(example_cv, golden):
    golden("bio-example-150.txt", generate(example_cv, "third", 150) + "\n")


def test_the_first_person_bio_of_the_example(example_cv, golden):
    golden("bio-example-first-100.txt", generate(example_cv, "first", 100) + "\n")


# --- grammatical person ---------------------------------------------------------------------


def test_third_person_uses_the_pronouns_with_agreeing_verbs(example_cv):
    text = generate(example_cv, "third", 400)
    assert text.startswith(
        "Dr Miriam Adler-Katz, FIMA, is an Associate Professor of Computer Science"
    )
    assert "Her research focuses on" in text
    assert "she has given keynote talks" in text and "she was named an ELLIS Fellow" in text
    assert not re.search(r"\b[Ss]he (have|are|were|serve)\b", text)


def test_they_takes_plural_verbs(example_cv):
    text = generate(with_pronouns(example_cv, THEY), "third", 400)
    assert "Their research focuses on" in text
    assert "They received" in text and "they were named" in text
    assert re.search(r"\b[Tt]hey have (led|supervised|given)\b", text)
    assert not re.search(r"\b[Tt]hey (is|has|was|serves|leads)\b", text)


def test_first_person_says_i_and_my(example_cv):
    text = generate(example_cv, "first", 400)
    assert text.startswith("I am an Associate Professor")
    assert "My research focuses on" in text and "I have led" in text
    assert not re.search(r"\b(she|her|Adler-Katz)\b", text)
    assert not re.search(r"\bI (is|has|was been|serves)\b", text)


def test_without_pronouns_the_surname_is_repeated_and_no_gender_guessed(small_cv):
    text = generate(small_cv, "third", 400)
    assert text.startswith("Jonas Åberg is Professor of Physics & Data at Example University.")
    assert "Åberg's research focuses on" in text
    assert not re.search(r"\b(he|she|his|her|him|they|their)\b", text, re.I)
    assert all(s.count("Åberg") <= 1 for s in sentences(text)[1:]), text


# --- reading like a person wrote it ---------------------------------------------------------


@pytest.mark.parametrize("words", [80, 150, 250, 400])
@pytest.mark.parametrize("person", ["third", "first"])
def test_consecutive_sentences_open_differently(example_cv, words, person):
    starts = [s.split()[0] for s in sentences(generate(example_cv, person, words))]
    assert all(a != b for a, b in itertools.pairwise(starts)), starts


def test_no_year_chains_and_lists_are_capped(example_cv):
    text = generate(example_cv, "third", 400)
    assert len(re.findall(r"\bIn (19|20)\d\d,", text)) <= 1
    honours = re.search(r"honours (?:include|are) (.*?)(, and she|\.)", text).group(1)
    assert honours.count(" the ") <= 3


def test_a_keynote_at_a_named_meeting_takes_the():
    talks = [
        Talk(
            title="T", event="British Ecological Society Annual Meeting", date=2024, kind="keynote"
        ),
        Talk(
            title="U",
            event="International Conference on Machine Learning (ICML 2023)",
            date=2023,
            kind="keynote",
        ),
    ]
    text = generate(researcher(talks=talks), "third", 400)
    assert "keynote talks at the British Ecological Society Annual Meeting and ICML 2023." in text


# --- ranking --------------------------------------------------------------------------------


def test_the_grants_sentence_reads_with_programme_names():
    grants = [
        pi_grant("Research Council of Norway", "FRIPRO", start=2015, end=2019),
        pi_grant("European Research Council (ERC)", "Consolidator Grant", start=2020, end=2025),
    ]
    text = generate(researcher(grants=grants), "third", 400)
    assert (
        "Quist has led an ERC Consolidator Grant and a grant from the Research Council of Norway "
        "(FRIPRO) as principal investigator." in text
    )


def test_a_distinction_listed_as_award_and_grant_is_mentioned_once():
    grant = pi_grant("European Research Council (ERC)", "ERC Starting Grant", start=2019, end=2024)
    awards = [
        Award(
            name="ERC Starting Grant",
            organization="European Research Council",
            start=2018,
            major=True,
        ),
        Award(name="Whitcombe Prize", kind="prize", start=2017),
    ]
    cv = researcher(grants=[grant], awards=awards)
    text = generate(cv, "third", 400)
    assert text.count("Starting Grant") == 1, text
    assert "Quist has led an ERC Starting Grant" in text and "the Whitcombe Prize" in text
    assert "Among Quist's honours is the Whitcombe Prize (2017)." in text
    # when the grant sentence does not fit, the award speaks for it
    assert generate(cv, "third", 14).endswith("honours include the ERC Starting Grant (2018).")


# --- the handwritten bio ---------------------------------------------------------------------


def test_a_handwritten_bio_is_used_as_is_unless_generated_is_asked(small_cv):
    mine = "Jonas studies how large systems learn."
    cv = small_cv.model_copy(update={"data": small_cv.data.model_copy(update={"bio": mine})})
    assert short_bio(cv, words=3).text == mine
    assert short_bio(cv, words=3).handwritten
    assert short_bio(cv, generated=True).text.startswith("Jonas Åberg is Professor")


def test_a_minimal_researcher_still_gets_a_sentence():
    assert generate(MINIMAL, "third", 30) == "Ada Quist is a researcher."
    assert generate(MINIMAL, "first", 30) == "I am a researcher."


def test_the_full_name_takes_a_singular_verb_even_for_they(small_cv):
    from cvgen.model import Pronouns

    person = small_cv.data.person.model_copy(
        update={"pronouns": Pronouns(subject="they", object="them", possessive="their")}
    )
    cv = small_cv.model_copy(update={"data": small_cv.data.model_copy(update={"person": person})})
    opening = generate(cv, "third", 150).split(". ")[0]
    assert opening.startswith("Jonas Åberg is ") and " are " not in opening


def test_a_title_honour_names_its_giver_unless_its_name_does(example_cv):
    # A new user's bio said "she was named a Corresponding Member in 2021": of what?
    member = Award(name="Corresponding Member", organization="Academy of Sciences of Ruritania",
                   start="2021", kind="honour")  # fmt: skip
    ellis = [award for award in example_cv.data.awards if "ELLIS" in award.name]
    data = example_cv.data.model_copy(update={"awards": [member, *ellis]})
    text = generate(example_cv.model_copy(update={"data": data}), "third", 400)
    assert "a Corresponding Member of the Academy of Sciences of Ruritania in 2021" in text
    assert "an ELLIS Fellow in" in text  # ELLIS: the initials of its giver


def test_the_bio_names_awards_that_were_accepted(clinician_cv: CV) -> None:
    from cvgen.bio.ranking import bio_awards

    named = [award.name for award in bio_awards(clinician_cv.data.awards, clinician_cv.data.person)]
    assert DECLINED not in named and "Ramon Prize for Clinician-Scientists" in named
