"""The short bio: word limits, grammatical person, ranking, and prose that reads naturally."""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cvgen.bio import english
from cvgen.bio.compose import award_phrase, grant_label
from cvgen.bio.facts import collect_facts, same_distinction
from cvgen.bio.ranking import bio_grants, rank_awards, rank_grants
from cvgen.bio.shortbio import generate, short_bio
from cvgen.bio.voice import Voice, surname
from cvgen.errors import CvgenError
from cvgen.model import CV, Award, CvData, Degree, Grant, Person, Pronouns, Talk
from cvgen.util.dates import Date

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
    for words in range(30, 401):
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


# --- reading like a person wrote it ---------------------------------------------------------


@pytest.mark.parametrize("words", [80, 150, 250, 400])
@pytest.mark.parametrize("person", ["third", "first"])
def test_consecutive_sentences_open_differently(example_cv, words, person):
    starts = [s.split()[0] for s in sentences(generate(example_cv, person, words))]
    assert all(a != b for a, b in itertools.pairwise(starts)), starts


def test_no_year_chains_and_lists_are_capped(example_cv):
    text = generate(example_cv, "third", 400)
    assert len(re.findall(r"\bIn (19|20)\d\d,", text)) <= 1
    honours = re.search(r"honours include (.*?)(, and she|\.)", text).group(1)
    assert honours.count(" the ") <= 3


def test_join_list_reads_naturally():
    assert english.join_list(["A"]) == "A"
    assert english.join_list(["A", "B", "C"]) == "A, B and C"
    assert english.join_list(["A", "B and C", "D"]) == "A, B and C, and D"
    assert english.join_list(["A", "B and C"]) == "A as well as B and C"
    assert english.join_list(["A, x", "B"]) == "A, x; and B"


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


def test_topics_keep_proper_adjectives_and_acronyms():
    assert english.topic("Sparse recovery") == "sparse recovery"
    assert english.topic("Bayesian inference") == "Bayesian inference"
    assert english.topic("ML systems") == "ML systems"
    assert english.topic("Habsburg Monarchy, 1848–1918") == "Habsburg Monarchy, 1848–1918"
    assert english.topic("Central Europe in the press") == "Central Europe in the press"


# --- ranking --------------------------------------------------------------------------------


def test_major_awards_first_then_external_prizes_and_student_awards_last():
    person = Person(name="A B", affiliation="Home University")
    awards = [
        Award(name="Student Prize", kind="prize", stage="student", start=2003),
        Award(name="Teaching Award", organization="Home University", start=2023),
        Award(name="Best Paper Award, ICML 2019", start=2019, stage="early-career"),
        Award(name="Big Prize", kind="prize", major=True, start=2015),
        Award(name="Society Prize", kind="prize", organization="X Society", start=2021),
    ]
    ranked = [a.name for a in rank_awards(awards, person)]
    assert ranked == [
        "Big Prize",
        "Society Prize",
        "Best Paper Award, ICML 2019",
        "Student Prize",
        "Teaching Award",
    ]


def test_bio_grants_are_competitive_pi_grants_largest_first():
    grants = [
        Grant(title="a", funder="Industry Ltd", role="PI", kind="industrial", amount=9e6),
        Grant(title="b", funder="Council (RC)", role="co-I", amount=5e6),
        Grant(title="c", funder="Council (RC)", role="PI", amount=1e5, program="Small Grant"),
        Grant(title="d", funder="Council (RC)", role="PI", amount=2e6, program="RC Large Grant"),
    ]
    assert [g.title for g in bio_grants(grants)] == ["d", "c"]
    assert [grant_label(g) for g in bio_grants(grants)] == ["RC Large Grant", "RC Small Grant"]


def _pi(funder: str, program: str | None, **more) -> Grant:
    return Grant(
        title=more.pop("title", "A project"), funder=funder, program=program, role="PI", **more
    )


@pytest.mark.parametrize(
    ("funder", "program", "expected"),
    [
        ("European Research Council (ERC)", "ERC Starting Grant", "an ERC Starting Grant"),
        ("European Research Council (ERC)", "Consolidator Grant", "an ERC Consolidator Grant"),
        (
            "Engineering and Physical Sciences Research Council (EPSRC)",
            "Standard Research Grant",
            "an EPSRC Standard Research Grant",
        ),
        ("National Science Foundation (NSF)", "CAREER", "an NSF CAREER grant"),
        (
            "Research Council of Norway",
            "FRIPRO",
            "a grant from the Research Council of Norway (FRIPRO)",
        ),
        ("Research Council of Norway (RCN)", "FRIPRO", "an RCN FRIPRO grant"),
        (
            "European Commission",
            "Marie Skłodowska-Curie Fellowship",
            "a Marie Skłodowska-Curie Fellowship from the European Commission",
        ),
        (
            "Deutsche Forschungsgemeinschaft (DFG)",
            "Emmy Noether Programme",
            "a DFG Emmy Noether grant",
        ),
        (
            "Israel Science Foundation (ISF)",
            "Personal Research Grant",
            "an ISF Personal Research Grant",
        ),
        ("Australian Research Council (ARC)", "Discovery Projects", "an ARC Discovery Project"),
        ("National Institutes of Health (NIH)", "R01", "an NIH R01 grant"),
        ("The Royal Society", "Research Grant", "a Royal Society Research Grant"),
        (
            "Natural Environment Research Council (NERC)",
            "Independent Research Fellowship",
            "an Independent Research Fellowship from the Natural Environment Research Council",
        ),
        (
            "Engineering and Physical Sciences Research Council (EPSRC)",
            None,
            "a grant from the Engineering and Physical Sciences Research Council",
        ),
    ],
)
def test_grant_labels_name_something_one_can_lead(funder, program, expected):
    assert english.indefinite(grant_label(_pi(funder, program))) == expected


def test_a_grant_label_keeps_the_project_acronym_with_the_programme():
    grant = _pi("Research Council of Norway", "FRIPRO", title="DEEP: Deep things")
    assert grant_label(grant) == "grant from the Research Council of Norway (FRIPRO; DEEP)"


def test_the_grants_sentence_reads_with_programme_names():
    grants = [
        _pi("Research Council of Norway", "FRIPRO", start=2015, end=2019),
        _pi("European Research Council (ERC)", "Consolidator Grant", start=2020, end=2025),
    ]
    text = generate(researcher(grants=grants), "third", 400)
    assert (
        "Quist has led an ERC Consolidator Grant and a grant from the Research Council of Norway "
        "(FRIPRO) as principal investigator." in text
    )


def test_amounts_in_different_currencies_are_never_compared():
    """NOK 8M is about EUR 0.7M: across currencies the longer, then the newer grant ranks first."""
    nok = _pi("Research Council of Norway", "FRIPRO", title="nok", amount=8e6, currency="NOK")
    eur = _pi(
        "European Research Council (ERC)", "Starting Grant", title="eur", amount=2e6, currency="EUR"
    )

    def ranked(nok_years: tuple[int, int], eur_years: tuple[int, int]) -> list[str]:
        dated = [
            g.model_copy(update={"start": Date(a), "end": Date(b)})
            for g, (a, b) in ((nok, nok_years), (eur, eur_years))
        ]
        return [g.title for g in rank_grants(dated)]

    assert ranked((2018, 2021), (2019, 2023)) == ["eur", "nok"]  # EUR runs longer
    assert ranked((2018, 2023), (2019, 2023)) == ["nok", "eur"]  # NOK runs longer
    assert ranked((2015, 2018), (2019, 2022)) == ["eur", "nok"]  # as long: the newer


def test_within_one_currency_the_larger_grant_takes_the_better_place():
    grants = [
        _pi(
            "Council (RC)",
            "Small Grant",
            title="small",
            amount=1e5,
            currency="GBP",
            start=2010,
            end=2016,
        ),
        _pi(
            "European Research Council (ERC)",
            "Starting Grant",
            title="erc",
            amount=1.5e6,
            currency="EUR",
            start=2019,
            end=2023,
        ),
        _pi(
            "Council (RC)",
            "Large Grant",
            title="large",
            amount=2e6,
            currency="GBP",
            start=2020,
            end=2022,
        ),
    ]
    # by length: small (6 years), erc (5), large (3); GBP's places (1st, 3rd) go by amount
    assert [g.title for g in rank_grants(grants)] == ["large", "erc", "small"]


@pytest.mark.parametrize(
    ("award", "grant", "same"),
    [
        (
            Award(name="ERC Starting Grant"),
            _pi("European Research Council (ERC)", "Starting Grant"),
            True,
        ),
        (
            Award(name="Starting Grant", organization="European Research Council"),
            _pi("European Research Council (ERC)", "ERC Starting Grant"),
            True,
        ),
        (
            Award(name="erc starting-grant"),
            _pi("European Research Council (ERC)", "Starting Grant"),
            True,
        ),
        (
            Award(name="ERC Consolidator Grant"),
            _pi("European Research Council (ERC)", "Starting Grant"),
            False,
        ),
        (
            Award(name="Starting Grant", organization="Some Foundation"),
            _pi("European Research Council (ERC)", "Starting Grant"),
            False,
        ),
        (Award(name="ERC Starting Grant"), _pi("European Research Council (ERC)", None), False),
    ],
)
def test_an_award_recording_a_grant_is_the_same_distinction(award, grant, same):
    assert same_distinction(award, grant) is same


def test_a_distinction_listed_as_award_and_grant_is_mentioned_once():
    grant = _pi("European Research Council (ERC)", "ERC Starting Grant", start=2019, end=2024)
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


def test_award_phrases():
    named = Award(name="Outstanding Paper Award, NeurIPS 2021", start=2021)
    generic = Award(name="Research Fellowship", organization="Science Foundation", start=2010)
    assert award_phrase(named) == "the Outstanding Paper Award at NeurIPS 2021"
    assert award_phrase(generic) == "a Research Fellowship from the Science Foundation (2010)"


def test_identity_is_always_kept_and_facts_are_unique(example_cv):
    facts = collect_facts(example_cv)
    assert min(facts, key=lambda f: f.importance).kind == "identity"
    assert len({(f.kind, f.index) for f in facts}) == len(facts)


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
