"""Measure `cvgen bio` against real researchers' own bios.

Each folder of tests/data/realworld/bios/ holds a researcher's bio as they wrote it (bio.md),
their structured career data transcribed into cv.yaml, the facts their bio states (facts.yaml)
and its word count and grammatical person (source.yaml). For each one this runs

    cvgen bio --cv cv.yaml --words N --person P

and scores the generated bio: which of the facts it states, whether it fits the word limit,
what it repeats, what it gets wrong about time, and how mechanical it reads. It only runs the
`cvgen` command and reads its output: it imports nothing of cvgen.

    python benchmarks/bio_corpus.py --cvgen /work/baseline/.venv/bin/cvgen --strip-new-keys
    python benchmarks/bio_corpus.py --json out.json --save-bios out/ --only rossi,tham

`--strip-new-keys` removes the cv.yaml keys a cvgen that predates them refuses (person.title
and postnominals, appointment kind and primary, certifications, memberships, student_counts,
short_names, grant declined/share/kind: internal) before running.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import yaml

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "data" / "realworld" / "bios"
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
CJK_PUNCT = re.compile(r"[\u3000-\u303f\uff00-\uffef]")

NEW_PERSON_KEYS = ("title", "postnominals")
NEW_TOP_KEYS = ("certifications", "memberships", "student_counts", "short_names")

# Lower-case words that may join the capitalised words of a proper noun.
JOINERS = {
    "of",
    "de",
    "du",
    "des",
    "la",
    "le",
    "and",
    "für",
    "for",
    "the",
    "von",
    "van",
    "der",
    "den",
    "di",
    "da",
    "del",
    "y",
    "e",
    "et",
    "und",
    "&",
}

# Finite verbs a bio sentence typically carries; a sentence with none of these and no -ed
# word is reported as verbless (an approximation).
VERBS = {
    "is",
    "are",
    "was",
    "were",
    "am",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "holds",
    "held",
    "hold",
    "leads",
    "lead",
    "led",
    "received",
    "receives",
    "receive",
    "serves",
    "serve",
    "served",
    "focuses",
    "focus",
    "include",
    "includes",
    "included",
    "joined",
    "joins",
    "works",
    "work",
    "worked",
    "studies",
    "study",
    "studied",
    "earned",
    "earns",
    "teaches",
    "teach",
    "taught",
    "completed",
    "became",
    "becomes",
    "directs",
    "heads",
    "won",
    "wins",
    "awarded",
    "supervised",
    "supervises",
    "supervise",
    "graduated",
    "obtained",
    "spent",
    "moved",
    "develops",
    "develop",
    "developed",
    "uses",
    "use",
    "used",
    "lies",
    "lie",
    "runs",
    "ran",
    "founded",
    "co-founded",
    "chairs",
    "chaired",
    "edits",
    "edited",
    "organised",
    "organized",
    "gave",
    "gives",
    "give",
    "mentored",
    "mentors",
    "collaborates",
    "investigates",
    "explores",
    "combines",
    "applies",
    "builds",
    "built",
    "remains",
    "continues",
    "began",
    "begins",
    "started",
    "starts",
    "returned",
    "spans",
    "covers",
    "centres",
    "centers",
    "examines",
    "addresses",
    "seeks",
    "aims",
    "brings",
    "bringing",
    "including",
    "ist",
    "bin",
    "war",
    "hat",
    "habe",
    "leitet",
    "forscht",
    "lehrt",
    "erhielt",
    "promovierte",
}

# Words ending in s that are not plurals (for "an article before a plural").
NOT_PLURAL = {
    "is",
    "was",
    "has",
    "this",
    "thus",
    "its",
    "his",
    "hers",
    "yours",
    "ours",
    "theirs",
    "as",
    "us",
    "gas",
    "bus",
    "plus",
    "thesis",
    "analysis",
    "basis",
    "synthesis",
    "diagnosis",
    "hypothesis",
    "series",
    "species",
    "status",
    "campus",
    "bonus",
    "census",
    "corpus",
    "focus",
    "genus",
    "virus",
    "class",
    "glass",
    "mass",
    "pass",
    "process",
    "progress",
    "address",
    "business",
    "success",
    "access",
    "congress",
    "less",
    "boss",
    "loss",
    "cross",
    "princess",
    "physics",
    "mathematics",
    "economics",
    "statistics",
    "politics",
    "genetics",
    "ethics",
    "linguistics",
    "robotics",
    "informatics",
    "electronics",
    "mechanics",
    "dynamics",
    "semantics",
    "logistics",
    "metrics",
    "optics",
    "acoustics",
    "bioinformatics",
    "news",
    "lens",
    "means",
    "various",
    "previous",
    "famous",
    "serious",
    "numerous",
    "obvious",
    "nervous",
    "anonymous",
    "autonomous",
    "ambitious",
    "prestigious",
    "continuous",
    "rigorous",
    "chorus",
    "octopus",
    "atlas",
    "canvas",
    "alias",
    "bias",
    "christmas",
    "texas",
    "kansas",
    "paris",
    "athens",
    "brussels",
    "wales",
    "lewis",
    "davis",
    "ross",
    "yes",
    "express",
}

# Initialisms whose first letter is said with a vowel sound ("an MSc", "an MD", "an NSF").
VOWEL_SOUND_LETTERS = set("AEFHILMNORSX")


@dataclass
class Result:
    """One researcher's scores."""

    slug: str
    name: str
    language: str
    person: str
    target_words: int
    words: int = 0
    in_range: bool = False
    facts_in_data: int = 0
    facts_stated: list[str] = field(default_factory=list)
    facts_missed: list[str] = field(default_factory=list)
    facts_not_in_data_stated: list[str] = field(default_factory=list)
    must_in_data: int = 0
    must_missing: list[str] = field(default_factory=list)
    must_not_in_data: list[str] = field(default_factory=list)
    must_not_hits: list[str] = field(default_factory=list)
    chronology: list[str] = field(default_factory=list)
    repetitions: list[str] = field(default_factory=list)
    mechanical: dict[str, list[str]] = field(default_factory=dict)
    error: str = ""
    bio: str = ""

    @property
    def recall(self) -> float | None:
        """Share of the facts the data holds that the generated bio states."""
        return len(self.facts_stated) / self.facts_in_data if self.facts_in_data else None

    @property
    def mechanical_count(self) -> int:
        return sum(len(v) for v in self.mechanical.values())


def count_words(text: str) -> int:
    """Whitespace-separated tokens with a letter or digit; each CJK character is one word."""
    total = 0
    for token in text.split():
        total += len(CJK.findall(token))
        rest = CJK_PUNCT.sub(" ", CJK.sub(" ", token))
        total += sum(1 for part in rest.split() if re.search(r"\w", part))
    return total


def strip_new_keys(data: dict[str, Any]) -> dict[str, Any]:
    """The cv.yaml without the keys being added to the schema (for an older cvgen)."""
    person = data.get("person") or {}
    for key in NEW_PERSON_KEYS:
        person.pop(key, None)
    for key in NEW_TOP_KEYS:
        data.pop(key, None)
    for appointment in data.get("appointments") or []:
        appointment.pop("kind", None)
        appointment.pop("primary", None)
    for grant in data.get("grants") or []:
        grant.pop("declined", None)
        grant.pop("share", None)
        if grant.get("kind") == "internal":
            grant.pop("kind")
    return data


def run_cvgen(cvgen: str, cv: Path, words: int, person: str, strip: bool) -> tuple[str, str]:
    """The generated bio (stdout) and any error, from a scratch copy of cv.yaml."""
    with tempfile.TemporaryDirectory(prefix="bio-corpus-") as tmp:
        target = Path(tmp) / "cv.yaml"
        if strip:
            data = yaml.safe_load(cv.read_text(encoding="utf-8"))
            target.write_text(
                yaml.safe_dump(strip_new_keys(data), allow_unicode=True, sort_keys=False),
                encoding="utf-8",
            )
        else:
            shutil.copyfile(cv, target)
        command = [
            cvgen,
            "bio",
            "--cv",
            str(target),
            "--words",
            str(words),
            "--person",
            person,
            "--no-cache",
        ]
        try:
            done = subprocess.run(
                command, capture_output=True, text=True, timeout=120, cwd=tmp, check=False
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            return "", f"{type(exc).__name__}: {exc}"
        if done.returncode != 0:
            return done.stdout.strip(), (done.stderr.strip().splitlines() or ["failed"])[-1]
        return done.stdout.strip(), ""


ABBREVIATIONS = {
    "dr.",
    "prof.",
    "st.",
    "mr.",
    "ms.",
    "mrs.",
    "e.g.",
    "i.e.",
    "no.",
    "vol.",
    "dept.",
    "univ.",
    "inc.",
    "ltd.",
    "co.",
    "jr.",
    "sr.",
    "vs.",
    "etc.",
    "al.",
}


def sentences(text: str) -> list[str]:
    """Sentences of a bio: split after . ! ? and 。, but not after initials ('William B.'),
    initialisms ('Ph.D.', 'M.S.') or common abbreviations ('Dr.', 'e.g.')."""
    out, start = [], 0
    for hit in re.finditer(r"[.!?。]+(?=\s+[A-Z\u00c0-\u024f\"'(\u4e00-\u9fff]|\s*$)|。", text):
        word = text[: hit.end()].split()[-1] if text[: hit.end()].split() else ""
        bare = word.lstrip("(\"'")
        if hit.group(0) == "." and (
            re.fullmatch(r"(?:[A-Z][a-z]?\.){1,3}", bare) or bare.lower() in ABBREVIATIONS
        ):
            continue
        out.append(text[start : hit.end()].strip())
        start = hit.end()
    out.append(text[start:].strip())
    return [s for s in out if s]


def matches(pattern: str, text: str) -> bool:
    return re.search(pattern, text, flags=re.IGNORECASE) is not None


# --- dates from cv.yaml -------------------------------------------------------------------


def year_of(value: Any) -> int | None:
    """The year of a cv.yaml date (2019, '2019-06', '2019-06-15'), or None for present/none."""
    if isinstance(value, int):
        return value
    if isinstance(value, (dt.date, dt.datetime)):
        return value.year
    if isinstance(value, str) and re.match(r"^\d{4}", value):
        return int(value[:4])
    return None


def is_present(value: Any) -> bool:
    return isinstance(value, str) and value.strip().lower() in {"present", "now", "ongoing"}


def as_of_year(data: dict[str, Any]) -> int:
    design = data.get("design") or {}
    return year_of(design.get("as_of")) or dt.date.today().year


# --- the checks ---------------------------------------------------------------------------


def date_key(value: Any) -> tuple[int, int | None] | None:
    """(year, month or None) of a cv.yaml date, for comparisons at the precision written."""
    year = year_of(value)
    if year is None:
        return None
    month = None
    if isinstance(value, (dt.date, dt.datetime)):
        month = value.month
    elif isinstance(value, str) and re.match(r"^\d{4}-\d{1,2}", value):
        month = int(value[5:].split("-")[0])
    return year, month


def check_before_joining(bio: str, data: dict[str, Any]) -> list[str]:
    """'Before joining X in YEAR, ... was T at I': a listed post that began after the joining.

    A post counts as later when it starts in a later year, or in the same year at a month on or
    after the month the data gives for joining X; a same-year start without months is not
    reported (the data cannot tell)."""
    problems = []
    appointments = data.get("appointments") or []
    for sentence in sentences(bio):
        found = re.search(r"Before joining (?:the )?(.+?) in (\d{4}),(.+)", sentence)
        if not found:
            continue
        joined, year, rest = found.group(1).lower(), int(found.group(2)), found.group(3).lower()
        joins = [
            date_key(a.get("start"))
            for a in appointments
            if year_of(a.get("start")) == year
            and (
                str(a.get("institution", "")).lower() in joined
                or joined in str(a.get("institution", "")).lower()
            )
        ]
        join_month = min((j[1] for j in joins if j and j[1]), default=None)
        for appointment in appointments:
            title = str(appointment.get("title", "")).lower()
            institution = str(appointment.get("institution", "")).lower()
            start = date_key(appointment.get("start"))
            if start is None or not title or not institution:
                continue
            if title not in rest or institution not in rest:
                continue
            later = start[0] > year or (
                start[0] == year
                and start[1] is not None
                and join_month is not None
                and start[1] >= join_month
            )
            if later:
                problems.append(
                    f"'Before joining ... in {year}' lists {appointment['title']} at "
                    f"{appointment['institution']}, which started in {start[0]}"
                )
    return problems


def degree_in(clause: str, degree: str) -> bool:
    return re.search(r"(?<![\w.])" + re.escape(degree) + r"(?![\w])", clause) is not None


def check_after_degrees(bio: str, data: dict[str, Any]) -> list[str]:
    """'After a D1 and a D2, ... received a D3 ... in YEAR': an earlier-named degree ends later."""
    problems = []
    education = data.get("education") or []
    for sentence in sentences(bio):
        found = re.search(r"^After (.+?), \S+ received (?:an? |the )?(.+?) in (\d{4})", sentence)
        if not found:
            continue
        clause, year = found.group(1), int(found.group(3))
        for degree in education:
            name = str(degree.get("degree", ""))
            end = year_of(degree.get("end")) or year_of(degree.get("awarded"))
            if name and end and end > year and degree_in(clause, name):
                problems.append(
                    f"'After ... {name} ...' but the {name} ended in {end}, "
                    f"after the degree of {year}"
                )
    return problems


def ended(entry: dict[str, Any], as_of: int) -> bool:
    """Whether a dated entry lies in the past: an end before as_of, or a lone start date."""
    if is_present(entry.get("end")):
        return False
    end = year_of(entry.get("end"))
    if end is not None:
        return end < as_of
    start = year_of(entry.get("start") or entry.get("date"))
    return start is not None and start < as_of


PRESENT = re.compile(r"\b(is|am|are|serves?( as)?|currently|now)\b", re.IGNORECASE)
PAST = re.compile(
    r"\b(was|were|had|previously|formerly|before|has held|have held|held)\b", re.IGNORECASE
)


def check_past_as_current(bio: str, data: dict[str, Any]) -> list[str]:
    """A post or role that ended, named in a present-tense sentence with no past marker
    ('I am the Dean of ...', 'I serve as A; and B' where B ended)."""
    problems = []
    as_of = as_of_year(data)
    entries = [(str(a.get("title", "")), a) for a in data.get("appointments") or []]
    entries += [(str(s.get("role", "")), s) for s in data.get("service") or []]
    current = {title.lower() for title, entry in entries if not ended(entry, as_of)}
    past = [
        title
        for title, entry in entries
        if len(title.split()) >= 2 and title.lower() not in current and ended(entry, as_of)
    ]
    for sentence in sentences(bio):
        lead = PRESENT.search(sentence)
        if not lead or PAST.search(sentence):
            continue
        tail = sentence[lead.start() :].lower()
        for title in past:
            if re.search(r"(?<!\w)" + re.escape(title.lower()) + r"(?!\w)", tail):
                problems.append(f"'{title}' ended but is stated as current")
    return sorted(set(problems))


def proper_noun_phrases(sentence: str) -> list[str]:
    """Runs of 3+ capitalised words, joined by lower-case joiners ('of', 'de', 'für'...)."""
    tokens = [
        t if re.fullmatch(r"(?:[A-Z][a-z]?\.)+", t) else t.rstrip(".")
        for t in re.findall(r"[\w][\w.'’\-]*|[,;:()]", sentence)
    ]
    phrases, run, capitals = [], [], 0

    def close() -> None:
        nonlocal run, capitals
        while run and run[-1].lower() in JOINERS:
            run.pop()
        if capitals >= 3:
            phrases.append(" ".join(run))
        run, capitals = [], 0

    for index, token in enumerate(tokens):
        if token[0].isupper() and not (
            index == 0
            and token
            in {"After", "Before", "Her", "His", "Their", "My", "I", "She", "He", "They", "The"}
        ):
            run.append(token)
            capitals += 1
        elif (
            run
            and token.lower() in JOINERS
            and not (
                (
                    token == "and"
                    and index + 1 < len(tokens)
                    and tokens[index + 1].lower() in {"the", "a", "an"}
                )
                or (token == "the" and run[-1].lower() != "of")
            )
        ):
            run.append(token)
        else:
            close()
    close()
    return phrases


def check_repetitions(bio: str) -> list[str]:
    """A proper-noun phrase said more than twice, or twice in one sentence."""
    problems, counts = [], {}
    for sentence in sentences(bio):
        phrases = proper_noun_phrases(sentence)
        for phrase in set(phrases):
            counts[phrase] = counts.get(phrase, 0) + phrases.count(phrase)
            if phrases.count(phrase) >= 2:
                problems.append(f"twice in one sentence: {phrase}")
    problems += [f"{n} times: {phrase}" for phrase, n in counts.items() if n > 2]
    return problems


def wrong_article(article: str, word: str) -> bool:
    """'a' before a vowel sound or 'an' before a consonant sound (rough, for bios)."""
    bare = word.strip("(\"'")
    if not bare or not bare[0].isalpha():
        return False
    initialism = bool(re.match(r"^[A-Z][A-Z.]*\.?$|^[A-Z]\.|^[A-Z][A-Z]", bare))
    if initialism:
        vowel_sound = bare[0] in VOWEL_SOUND_LETTERS
    else:
        low = bare.lower()
        vowel_sound = low[0] in "aeiou" and not re.match(r"^(uni|use|usu|eu|one|once|ur)", low)
        vowel_sound = vowel_sound or bool(re.match(r"^(hour|honou?r|honest|heir)", low))
    return vowel_sound if article.lower() == "a" else not vowel_sound


def check_mechanical(bio: str) -> dict[str, list[str]]:
    """Phrasing no person writes: '; and' lists, doubled brackets, repeated words..."""
    found: dict[str, list[str]] = {}

    def add(kind: str, text: str) -> None:
        found.setdefault(kind, []).append(text)

    for hit in re.finditer(r"[^;.]{0,40};\s+and\b[^;.]{0,30}", bio):
        add("'; and' in a list", hit.group(0).strip())
    for hit in re.finditer(r"\)\s*\(|\(\(", bio):
        add("doubled brackets", bio[max(0, hit.start() - 30) : hit.end() + 10].strip())
    for hit in re.finditer(r"\b(\w+)\s+\1\b", bio, flags=re.IGNORECASE):
        if not hit.group(1).isdigit():
            add("repeated word", hit.group(0))
    for hit in re.finditer(r"\b(an? [^\s,;]+(?: [^\s,;]+){0,5}?) and \1(?=[\s,;.]|$)", bio):
        add("same item twice", hit.group(0))
    for hit in re.finditer(r"\b(a|an|A|An) ([A-Za-z][\w.'\-]*)", bio):
        word = hit.group(2)
        low = word.lower()
        if (
            low.endswith("s")
            and not low.endswith(("ss", "us", "is", "ics"))
            and low not in NOT_PLURAL
            and word[:1].islower()
        ):
            add("article before a plural", hit.group(0))
        if low not in {"a", "an"} and wrong_article(hit.group(1), word):
            add("a/an", hit.group(0))
    if re.search(r"\bNone\.", bio):
        add("'None.'", "None.")
    for sentence in sentences(bio):
        if CJK.search(sentence) and not re.search(r"[A-Za-z]{3,}", sentence):
            continue
        tokens = [t.lower() for t in re.findall(r"[\w'’\-]+", sentence)]
        if tokens and not any(t in VERBS or t.endswith("ed") for t in tokens):
            add("sentence without a verb", sentence[:80])
    return found


def score(folder: Path, cvgen: str, strip: bool) -> Result:
    """Run cvgen for one researcher and score the bio it writes."""
    source = yaml.safe_load((folder / "source.yaml").read_text(encoding="utf-8"))
    facts = yaml.safe_load((folder / "facts.yaml").read_text(encoding="utf-8"))
    data = yaml.safe_load((folder / "cv.yaml").read_text(encoding="utf-8"))
    bio_meta = source["bio"]
    result = Result(
        slug=folder.name,
        name=source["name"],
        language=bio_meta["language"],
        person=bio_meta["person"],
        target_words=int(bio_meta["words"]),
    )
    bio, error = run_cvgen(cvgen, folder / "cv.yaml", result.target_words, result.person, strip)
    result.bio, result.error = bio, error
    result.words = count_words(bio)
    result.in_range = 0.85 * result.target_words <= result.words <= result.target_words
    for fact in facts.get("facts") or []:
        stated = all(matches(p, bio) for p in fact["patterns"])
        if fact.get("in_data"):
            result.facts_in_data += 1
            (result.facts_stated if stated else result.facts_missed).append(fact["id"])
            if fact.get("must"):
                result.must_in_data += 1
                if not stated:
                    result.must_missing.append(fact["id"])
        else:
            if stated:
                result.facts_not_in_data_stated.append(fact["id"])
            if fact.get("must"):
                result.must_not_in_data.append(fact["id"])
    result.must_not_hits = [p for p in facts.get("must_not") or [] if matches(p, bio)]
    result.chronology = (
        check_before_joining(bio, data)
        + check_after_degrees(bio, data)
        + check_past_as_current(bio, data)
    )
    result.repetitions = check_repetitions(bio)
    result.mechanical = check_mechanical(bio)
    return result


def percent(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.0f}%"


def markdown(results: list[Result]) -> str:
    """The per-researcher table and an overall line."""
    lines = [
        (
            "| researcher | lang | person | N | words | in [0.85N, N] | fact recall (in data) "
            "| must-have stated | must-have missing | false / chronology | repetitions "
            "| mechanical |"
        ),
        "|---|---|---|---:|---:|:---:|---:|---:|---|---:|---:|---:|",
    ]
    for r in results:
        must = f"{r.must_in_data - len(r.must_missing)}/{r.must_in_data}"
        if r.must_not_in_data:
            must += f" (+{len(r.must_not_in_data)} not in data)"
        lines.append(
            f"| {r.slug} | {r.language} | {r.person} | {r.target_words} "
            f"| {'error' if r.error else r.words} "
            f"| {'yes' if r.in_range else 'no'} "
            f"| {len(r.facts_stated)}/{r.facts_in_data} ({percent(r.recall)}) | {must} "
            f"| {', '.join(r.must_missing) or '–'} "
            f"| {len(r.must_not_hits) + len(r.chronology)} | {len(r.repetitions)} "
            f"| {r.mechanical_count} |"
        )
    overall = summary(results)
    lines.append("")
    lines.append(
        f"Overall: fact recall {percent(overall['fact_recall'])} "
        f"({overall['facts_stated']}/{overall['facts_in_data']} facts the data holds), "
        f"must-have facts {overall['must_stated']}/{overall['must_in_data']}, "
        f"{overall['in_range']}/{overall['researchers']} bios within [0.85N, N] "
        f"(mean length {percent(overall['mean_length_ratio'])} of N), "
        f"{overall['false_statements']} false or chronology errors, "
        f"{overall['repetitions']} repetitions, {overall['mechanical']} mechanical phrasings, "
        f"{overall['errors']} failed runs."
    )
    return "\n".join(lines)


def summary(results: list[Result]) -> dict[str, Any]:
    facts_in_data = sum(r.facts_in_data for r in results)
    facts_stated = sum(len(r.facts_stated) for r in results)
    ratios = [r.words / r.target_words for r in results if r.target_words]
    mechanical: dict[str, int] = {}
    for r in results:
        for kind, hits in r.mechanical.items():
            mechanical[kind] = mechanical.get(kind, 0) + len(hits)
    return {
        "researchers": len(results),
        "facts_in_data": facts_in_data,
        "facts_stated": facts_stated,
        "fact_recall": facts_stated / facts_in_data if facts_in_data else None,
        "mean_researcher_recall": (
            sum(r.recall for r in results if r.recall is not None)
            / max(1, sum(r.recall is not None for r in results))
        ),
        "must_in_data": sum(r.must_in_data for r in results),
        "must_stated": sum(r.must_in_data - len(r.must_missing) for r in results),
        "must_not_in_data": sum(len(r.must_not_in_data) for r in results),
        "in_range": sum(r.in_range for r in results),
        "mean_length_ratio": sum(ratios) / len(ratios) if ratios else None,
        "false_statements": sum(len(r.must_not_hits) + len(r.chronology) for r in results),
        "repetitions": sum(len(r.repetitions) for r in results),
        "mechanical": sum(mechanical.values()),
        "mechanical_by_kind": mechanical,
        "errors": sum(bool(r.error) for r in results),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cvgen", default="cvgen", help="the cvgen command [default: cvgen]")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="the bios folder")
    parser.add_argument(
        "--strip-new-keys",
        action="store_true",
        help="remove the keys an older cvgen does not accept before running",
    )
    parser.add_argument("--only", default="", help="comma-separated researcher folders")
    parser.add_argument("--json", type=Path, help="write the JSON summary here (default: stdout)")
    parser.add_argument("--save-bios", type=Path, help="write each generated bio to DIR/<slug>.txt")
    parser.add_argument("--details", action="store_true", help="list every finding under the table")
    args = parser.parse_args(argv)

    only = {s.strip() for s in args.only.split(",") if s.strip()}
    folders = sorted(
        p
        for p in args.corpus.iterdir()
        if (p / "cv.yaml").is_file() and (not only or p.name in only)
    )
    if not folders:
        print(f"no researchers under {args.corpus}", file=sys.stderr)
        return 2
    results = [score(folder, args.cvgen, args.strip_new_keys) for folder in folders]

    print(markdown(results))
    if args.details:
        for r in results:
            print(f"\n### {r.slug}\n\n{r.bio or '(no output)'}\n")
            if r.error:
                print(f"- error: {r.error}")
            for label, items in (
                ("missed (in data)", r.facts_missed),
                ("stated, not in data", r.facts_not_in_data_stated),
                ("must_not", r.must_not_hits),
                ("chronology", r.chronology),
                ("repetitions", r.repetitions),
            ):
                if items:
                    print(f"- {label}: {'; '.join(items)}")
            for kind, hits in r.mechanical.items():
                print(f"- {kind}: {'; '.join(hits)}")
    if args.save_bios:
        args.save_bios.mkdir(parents=True, exist_ok=True)
        for r in results:
            (args.save_bios / f"{r.slug}.txt").write_text(r.bio + "\n", encoding="utf-8")
    report = {
        "summary": summary(results),
        "researchers": [{**asdict(r), "recall": r.recall} for r in results],
    }
    text = json.dumps(report, ensure_ascii=False, indent=2)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    else:
        print("\n" + text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
