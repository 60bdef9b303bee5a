"""The short bio: a handwritten one from cv.yaml when present, else one generated to fit.

Fitting takes the facts in order of importance (ranking.WEIGHTS), keeping each one with which
the whole bio still fits the word limit, so every sentence is whole, the limit always holds and
the room left is used; when not even the identity sentence fits, that is an error rather than a
cut sentence.
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
    """The richest generated bio of at most `words` words: facts are taken in order of
    importance, each one kept if the bio with it still fits, so a long fact that does not fit
    leaves room for shorter, less important ones after it."""
    voice = Voice.for_person(cv.data.person, person)
    facts = sorted(collect_facts(cv), key=lambda f: f.importance)
    kept, text = facts[:1], " ".join(compose(cv, voice, facts[:1]))
    if count_words(text) > words:
        raise CvgenError(
            f"even the one-sentence bio has {count_words(text)} words, over --words {words}: "
            "raise --words, or shorten person.position in cv.yaml"
        )
    every = " ".join(compose(cv, voice, facts))
    if count_words(every) <= words:  # room for everything: no need to weigh fact by fact
        return every
    for fact in facts[1:]:
        trial = " ".join(compose(cv, voice, [*kept, fact]))
        if count_words(trial) <= words:
            kept, text = [*kept, fact], trial
    return text


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
