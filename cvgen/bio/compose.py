"""Sentences from facts: the prose of a short bio.

Each builder returns its sentence in one or more phrasings; the composer takes the first
phrasing that does not open like the previous sentence, so the bio does not read
'She ... She ... She ...'. Sentences come in the order a reader expects (now, focus,
training, career, funding, honours, students, community), whatever the importance order.
"""

from __future__ import annotations

import re

from cvgen.bio import career, community, ranking, training
from cvgen.bio.context import Builder, Context
from cvgen.bio.english import (
    abbreviation,
    ambiguous_article,
    definite,
    event,
    indefinite,
    join_list,
    number_word,
    sentence,
    sentence_case,
    short_name,
    topics_as_written,
    without_abbreviation,
)
from cvgen.bio.facts import Fact, same_distinction
from cvgen.bio.names import Names
from cvgen.bio.roles import supervision
from cvgen.bio.voice import Voice
from cvgen.model import CV, Award, Grant, GrantRole, Service, Talk

_TITLE_HONOUR = re.compile(r"\b(Fellow|Member|Laureate)(\s+of\b.*)?$")
_YEAR = re.compile(r"\b(19|20)\d\d\b")
_GENERIC_AWARD_WORDS = set(
    "young early career new junior senior investigator researcher research scientist faculty "
    "fellowship fellow scholarship scholar award prize medal grant best outstanding "
    "distinguished paper poster student doctoral postdoctoral dissertation thesis teaching "
    "excellence achievement lecture project standard small large for in of the and".split()
)
# What one can lead: 'an ERC Starting Grant', 'an ARC Discovery Project'; a programme or
# scheme is what funds it ('a DFG Emmy Noether grant', not 'a DFG Emmy Noether Programme').
_LEADABLE = set(
    "grant award fellowship scholarship studentship project contract chair professorship "
    "prize centre center network hub consortium group".split()
)
_SCHEME = re.compile(r"\s+(Programme|Program|Scheme|Initiative|Actions?|Call)$", re.I)
_QUALIFIER = re.compile(r"\s+(?:for|of|in|on|at)\s+")
_TRAILING_NOTE = re.compile(r"\s*\([^()]*\)$")


def interests(ctx: Context) -> list[str]:
    topics = join_list(topics_as_written(ctx.items("interest")))
    if not topics:
        return []
    v = ctx.voice
    return [
        sentence(f"{v.poss()} research focuses on {topics}"),
        sentence(f"{v.subj()} {v.verb('work')} on {topics}"),
    ]


def grant_noun(program: str) -> str:
    """The programme as something one leads, so 'has led a ...' reads as English.

    'Starting Grant' stays; a plural head is made singular ('Discovery Projects' -> 'Discovery
    Project'); anything else names the scheme, not the grant, so it becomes a modifier of
    'grant' without its scheme word ('FRIPRO' -> 'FRIPRO grant', 'Emmy Noether Programme' ->
    'Emmy Noether grant').
    """
    note = _TRAILING_NOTE.search(program)
    name, tail = (program[: note.start()], note.group()) if note else (program, "")
    head_phrase = _QUALIFIER.split(name, maxsplit=1)[0]
    head = head_phrase.split()[-1].lower() if head_phrase.split() else ""
    if head in _LEADABLE:
        return program
    if head.endswith("s") and head[:-1] in _LEADABLE:
        return head_phrase[:-1] + program[len(head_phrase) :]
    return f"{_SCHEME.sub('', name)} grant{tail}"


def _unambiguous(program: str, giver: str) -> tuple[str, str | None]:
    """A label whose article does not hang on how an acronym is spoken, and what goes in
    brackets: 'Independent Research Fellowship from the ...' for 'NERC Independent ...',
    'grant from the Research Council of Norway' (FRIPRO) for 'FRIPRO'."""
    first, _, rest = program.partition(" ")
    rest = rest if ambiguous_article(first) else program
    if rest and grant_noun(rest) == rest and not ambiguous_article(rest):
        return f"{rest} from {giver}", None
    return f"grant from {giver}", program


def grant_label(grant: Grant) -> str:
    """'ERC Starting Grant (IMPLICIT)', 'NSF CAREER grant', 'Royal Society Research Grant'.

    The funder comes first when it is an abbreviation ('EPSRC', 'NSF') or a short name before
    a generic programme ('Royal Society Research Grant'), else after 'from' ('a Marie
    Skłodowska-Curie Fellowship from the European Commission'); a programme that is not
    itself a grant is made one (`grant_noun`); and a label opening with an acronym spoken
    either way ('a/an FRIPRO') is rephrased.
    """
    abbr = abbreviation(grant.funder)
    funder = abbr or re.sub(r"^The ", "", grant.funder)
    giver = definite(without_abbreviation(grant.funder))
    note = None
    if not grant.program:
        label = f"grant from {giver}"
    else:
        noun = grant_noun(grant.program)
        generic = set(noun.lower().split()) <= _GENERIC_AWARD_WORDS
        if funder in grant.program or (abbr and abbr in grant.program):
            label = noun
        elif abbr or funder.isupper() or (len(funder.split()) <= 3 and generic):
            label = f"{funder} {noun}"
        else:
            label = f"{noun} from {giver}"
        if ambiguous_article(label):
            label, note = _unambiguous(grant.program, giver)
    acronym = re.match(r"^([A-Z][A-Z0-9-]{2,}):", grant.title)
    notes = [n for n in (note, acronym.group(1) if acronym else None) if n]
    return f"{label} ({'; '.join(notes)})" if notes else label


def grants(ctx: Context) -> list[str]:
    kept: list[Grant] = ctx.items("grant")
    if not kept:
        return []
    v = ctx.voice
    every = ranking.bio_grants(ctx.cv.data.grants)
    led_as_pi = every[0].role_kind is GrantRole.PI
    role = "principal investigator" if led_as_pi else "co-principal investigator"
    named = join_list([indefinite(grant_label(g)) for g in kept])
    if len(every) > len(kept):
        led = f"led {number_word(len(every))} competitive grants"
        return [
            sentence(f"{v.subj()} {v.verb('have')} {led} as {role}, including {named}"),
            sentence(f"as {role}, {v.subj()} {v.verb('have')} {led}, including {named}"),
        ]
    return [
        sentence(f"{v.subj()} {v.verb('have')} led {named} as {role}"),
        sentence(f"as {role}, {v.subj()} {v.verb('have')} led {named}"),
    ]


def award_phrase(award: Award) -> str:
    """'the Whitcombe Prize in ... (2017)', 'the Outstanding Paper Award at NeurIPS 2021'.

    A generic name ('Research Fellowship') says nothing without its giver, so it becomes
    'a Research Fellowship from the Science Foundation (2010)'.
    """
    year = f" ({award.start.year})" if award.start and not _YEAR.search(award.name) else ""
    if award.organization and set(award.name.lower().split()) <= _GENERIC_AWARD_WORDS:
        return f"{indefinite(award.name)} from {definite(award.organization)}{year}"
    head, _, context = award.name.partition(", ")
    if context and _YEAR.search(context):
        name = f"{head} at {event(context)}"
    elif context:
        name = f"{head} ({context})"
    else:
        name = head
    return f"the {name}{year}"


def _giver_unsaid(award: Award) -> bool:
    """Whether a title honour ('Corresponding Member') needs its giver said; 'ELLIS Fellow'
    already says it (the initials of the European Laboratory for Learning and ...)."""
    giver = award.organization
    if not giver:
        return False
    initials = "".join(word[0] for word in giver.split() if word[:1].isupper())
    return giver not in award.name and initials not in award.name.split()


def awards(ctx: Context) -> list[str]:
    """Honours, less those the grants sentence already names (an ERC Starting Grant listed
    under both); when that grant is dropped for length, the award speaks for it."""
    granted: list[Grant] = ctx.items("grant")
    kept: list[Award] = [
        a for a in ctx.items("award") if not any(same_distinction(a, g) for g in granted)
    ]
    if not kept:
        return []
    v = ctx.voice
    titles = [a for a in kept if _TITLE_HONOUR.search(a.name)]
    listed = [award_phrase(a) for a in kept if a not in titles]
    prizes = join_list(listed)
    named = [  # 'a Corresponding Member of the Academy in 2021': the title means its giver
        indefinite(a.name)
        + (f" of {definite(a.organization)}" if _giver_unsaid(a) else "")
        + (f" in {a.start.year}" if a.start else "")
        for a in titles
    ]
    named_clause = f"{v.subj()} {v.was()} named {join_list(named)}" if named else ""
    if not prizes:
        return [sentence(named_clause)]
    tail = f", and {named_clause}" if named else ""
    return [
        sentence(f"{v.poss()} honours include {prizes}{tail}"),
        sentence(f"among {v.poss()} honours {'are' if len(listed) > 1 else 'is'} {prizes}{tail}"),
    ]


def _role(service: Service) -> str:
    return f"{sentence_case(service.role)} of {definite(service.organization)}"


def editorial(ctx: Context) -> list[str]:
    roles: list[Service] = ctx.items("editorial")
    talks: list[Talk] = ctx.items("keynote")
    if not roles and not talks:
        return []
    v, clauses = ctx.voice, []
    current = [_role(s) for s in roles if s.current_on(ctx.today)]
    past = [_role(s) for s in roles if not s.current_on(ctx.today)]
    if current:  # 'is an associate editor': never 'serves as' beside a finished role
        clauses.append(f"{v.verb('be')} {join_list([indefinite(r) for r in current])}")
    if past:
        clauses.append(f"{v.was()} previously {join_list([indefinite(r) for r in past])}")
    if talks:
        noun, events = _keynotes(talks)
        clauses.append(f"{v.verb('have')} given {noun} at {events}")
    if len(clauses) == 2 and not any(" and " in c for c in clauses):
        body = " and ".join(clauses)
    else:
        body = clauses[0] if len(clauses) == 1 else ", ".join(clauses[:-1]) + ", and " + clauses[-1]
    alternative = _community_alternative(v, current, past, talks)
    return [sentence(f"{v.subj()} {body}"), *([alternative] if alternative else [])]


def _keynotes(talks: list[Talk]) -> tuple[str, str]:
    """('keynote talks', 'the British Ecological Society Annual Meeting and ICML 2023')."""
    noun = "a keynote talk" if len(talks) == 1 else "keynote talks"
    return noun, join_list([event(short_name(t.event)) for t in talks])


def _community_alternative(v: Voice, current: list[str], past: list[str], talks: list[Talk]) -> str:
    """The same facts opening with something other than the subject, for variety."""
    noun, events = _keynotes(talks)
    if talks and (current or past):
        role = indefinite(join_list(current)) if current else f"a former {join_list(past)}"
        return sentence(f"{role}, {v.subj()} {v.verb('have')} given {noun} at {events}")
    if talks:
        return sentence(f"{v.poss()} keynote invitations include {events}")
    if current and past:
        return ""
    roles = join_list(current or past)
    return sentence(
        f"{v.poss()} editorial roles {'include' if current else 'have included'} {roles}"
    )


BUILDERS: tuple[Builder, ...] = (
    career.identity,
    career.current,
    career.leadership,
    interests,
    training.education,
    training.advisor,
    career.home_career,
    career.earlier_career,
    career.industry,
    career.visits,
    career.future,
    community.certifications,
    grants,
    awards,
    supervision,
    editorial,
    community.memberships,
    community.service,
    community.teaching,
)


def _opening(text: str) -> str:
    first = text.split()[0].casefold() if text.split() else ""
    return re.sub(r"'s?$", "", first.strip(",.;:"))


def compose(cv: CV, voice: Voice, facts: list[Fact]) -> list[str]:
    """The bio's sentences from the given facts, with varied openings: never the previous
    sentence's, and a connective ('In addition') once where another phrasing exists."""
    grouped: dict[str, list[Fact]] = {}
    for fact in facts:
        grouped.setdefault(fact.kind, []).append(fact)
    ctx = Context(voice, cv, grouped, Names(cv.data.short_names))
    sentences: list[str] = []
    for build in BUILDERS:
        ctx.names.sentence()
        phrasings = build(ctx)
        if not phrasings:
            continue
        previous = _opening(sentences[-1]) if sentences else ""
        fresh = [p for p in phrasings if _opening(p) != previous]
        used = {_opening(s) for s in sentences[:-1]} - {"i", voice.subj().casefold()}
        unused = [p for p in fresh if _opening(p) not in used]
        sentences.append((unused or fresh or phrasings)[0])
    return sentences
