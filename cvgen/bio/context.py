"""What every sentence builder of a short bio gets: the voice, the CV and the facts kept."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from cvgen.bio.facts import Fact
from cvgen.bio.voice import Voice
from cvgen.model import CV


@dataclass(frozen=True)
class Context:
    voice: Voice
    cv: CV
    facts: dict[str, list[Fact]]

    def items(self, kind: str) -> list:
        return [f.item for f in sorted(self.facts.get(kind, []), key=lambda f: f.index)]


Builder = Callable[[Context], list[str]]
