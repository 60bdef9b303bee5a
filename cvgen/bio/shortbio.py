"""The short bio: a handwritten one from cv.yaml when present, else one generated to fit.

Fitting drops the least important fact (ranking.TIERS) and composes again until the text fits
the word limit, so every sentence is whole and the limit always holds; when not even the
identity sentence fits, that is an error rather than a cut sentence.
"""

from __future__ import annotations

from dataclasses import dataclass

from cvgen.bio.compose import compose
from cvgen.bio.english import count_words
from cvgen.bio.facts import collect_facts
from cvgen.bio.voice import Grammatical, Voice
from cvgen.errors import CvgenError, Problem, Severity
from cvgen.model import CV

DEFAULT_WORDS = 150


@dataclass(frozen=True)
class Bio:
    text: str
    handwritten: bool = False

    @property
    def words(self) -> int:
        return count_words(self.text)


def generate(cv: CV, person: Grammatical = "third", words: int = DEFAULT_WORDS) -> str:
    """The richest generated bio of at most `words` words."""
    voice = Voice.for_person(cv.data.person, person)
    facts = sorted(collect_facts(cv), key=lambda f: f.importance)
    while True:
        text = " ".join(compose(cv, voice, facts))
        if count_words(text) <= words:
            return text
        if len(facts) == 1:
            raise CvgenError(
                f"even the one-sentence bio has {count_words(text)} words, over --words {words}: "
                "raise --words, or shorten person.position in cv.yaml"
            )
        facts = facts[:-1]


def short_bio(
    cv: CV, person: Grammatical = "third", words: int = DEFAULT_WORDS, generated: bool = False
) -> Bio:
    """cv.yaml's handwritten bio as is (unless `generated`), else a generated one."""
    if cv.data.bio and not generated:
        return Bio(cv.data.bio.strip(), handwritten=True)
    return Bio(generate(cv, person, words))


def over_limit(bio: Bio, words: int, cv_path: str) -> list[Problem]:
    """A handwritten bio is used as written: a warning when it is over the limit."""
    if not (bio.handwritten and bio.words > words):
        return []
    message = (
        f"the handwritten bio has {bio.words} words, over the limit of {words}; it is used as "
        "is (shorten it, or pass --generated)"
    )
    return [Problem(cv_path, None, "bio", message, Severity.WARNING)]
