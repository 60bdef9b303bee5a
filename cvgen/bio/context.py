"""What every sentence builder of a short bio gets: the voice, the CV, the facts kept, and the
places named so far (said in full once, then short)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from cvgen.bio.english import sentence
from cvgen.bio.facts import Fact, as_of_day
from cvgen.bio.names import Names
from cvgen.bio.voice import Voice
from cvgen.model import CV


@dataclass(frozen=True)
class Context:
    voice: Voice
    cv: CV
    facts: dict[str, list[Fact]]
    names: Names

    def items(self, kind: str) -> list:
        return [f.item for f in sorted(self.facts.get(kind, []), key=lambda f: f.index)]

    @property
    def today(self) -> dt.date:
        return as_of_day(self.cv)

    def place(self, name: str) -> str:
        return self.names.place(name)


Builder = Callable[[Context], list[str]]


def phrasings(ctx: Context, body: str, opener: str = "in addition") -> list[str]:
    """'She holds X.' and, for when the sentence before also opens with her, 'In addition,
    she holds X.' (or 'Moreover, she ...' when 'In addition' opened an earlier sentence)."""
    subject = ctx.voice.subj()
    openers = dict.fromkeys([opener, "in addition", "moreover"])
    return [sentence(f"{subject} {body}"), *(sentence(f"{o}, {subject} {body}") for o in openers)]
