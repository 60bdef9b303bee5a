"""From sources to new .bib entries: survey what each source knows, decide what is new, fetch
the full record of the new ones only, key them in the file's style, check each with cvgen's
own loader (checked.py), and write them."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

from cvgen.load.identity import identity_of
from cvgen.model import Publication
from cvgen.remote.bibfile import BibFile
from cvgen.remote.checked import refusal, scrubbed
from cvgen.remote.dedup import Decision, IgnoreList, Verdict, decide
from cvgen.remote.entries import bibtex_text, cleaned
from cvgen.remote.http import Client
from cvgen.remote.keys import KeyMaker, detect_style
from cvgen.remote.works import Work

T = TypeVar("T")
Track = Callable[[Sequence[T], str], Iterable[T]]  # iterate, showing progress under a label


def no_progress(items: Sequence[T], label: str) -> Iterable[T]:
    return items


class Source(Protocol):
    label: str  # "DBLP 71/8342"
    warnings: list[str]  # what it skipped, said after the import
    fetches_each: bool  # whether complete() makes a request (worth a progress bar)

    def works(self, client: Client, track: Callable[[Sequence], Iterable]) -> list[Work]: ...

    def complete(self, client: Client, work: Work) -> Publication | None: ...


@dataclass(frozen=True)
class Survey:
    """What one source knows, each work decided against the .bib and the sources before it."""

    source: Source
    decisions: list[Decision]

    def having(self, verdict: Verdict) -> list[Decision]:
        return [d for d in self.decisions if d.verdict is verdict]


def survey(
    client: Client,
    sources: list[Source],
    bib: BibFile,
    ignore: IgnoreList,
    include_preprints: bool = False,
    track: Track = no_progress,
) -> list[Survey]:
    index = bib.index()
    found = []
    for source in sources:
        works = source.works(client, lambda items, label=source.label: track(items, label))
        found.append(Survey(source, decide(works, index, ignore, include_preprints)))
    return found


@dataclass(frozen=True)
class Addition:
    publication: Publication  # keyed and cleaned, as it will be written
    decision: Decision
    source: Source


def additions(
    client: Client, surveys: list[Survey], bib: BibFile, track: Track = no_progress
) -> list[Addition]:
    """The new works' full records, with keys in the .bib's style that clash with none."""
    pending = [(s.source, d) for s in surveys for d in s.having(Verdict.NEW)]
    maker = KeyMaker(detect_style(bib.publications), bib.keys)
    slow = any(source.fetches_each for source, _ in pending)
    known = bib.index()  # checked again on the full record: a summary may say too little
    added = []
    for source, decision in (track if slow else no_progress)(pending, "Fetching the new records"):
        pub = source.complete(client, decision.work)
        if pub is None:
            continue
        pub = scrubbed(pub)
        same = known.same_paper(identity_of(pub))
        if same:
            source.warnings.append(f"{source.label}: “{pub.title}” is {same}; not added again")
            continue
        key = maker.key_for(pub, decision.work.native_key)
        entry = cleaned(pub, key)
        refused = refusal(entry)
        if refused:
            source.warnings.append(f"{source.label}: skipped “{pub.title}”: {refused}")
            continue
        known.add(identity_of(pub), key)
        added.append(Addition(entry, decision, source))
    return added


def entries_text(added: list[Addition], heading: str) -> str:
    """The BibTeX to append, after a comment saying where it came from and when."""
    return f"% {heading}\n\n" + bibtex_text([a.publication for a in added])
