"""Small rules of written English that make generated prose read as if a person wrote it.

Kept apart from the bio logic so each rule is testable on its own: list joining, articles,
'the' before institution and event names, number words, and counting words the way editors
count them.
"""

from __future__ import annotations

import re

_NUMBER_WORDS = "zero one two three four five six seven eight nine ten".split()
# Letters whose spoken name starts with a vowel sound: 'an ERC grant', 'an NSF award'.
_VOWEL_SOUND_LETTERS = set("AEFHILMNORSX")
_CONSONANT_SOUND_VOWEL_STARTS = ("uni", "use", "usu", "eu", "one", "once")
_DEFINITE_MARKERS = re.compile(r"\b(of|for|on)\b")
_DEFINITE_HEADS = re.compile(
    r"\b(Society|Foundation|Council|Association|Trust|Academy|Agency|Commission|Institute|"
    r"Laboratory|Centre|Center|Network|Union|Federation|Consortium|Committee|Board|Chapter|"
    r"Division|Section|[Gg]roup|[Ll]ab|[Tt]eam|Unit|Clinic|Organi[sz]ation)$"
)
_PROPER_ADJECTIVE = re.compile(r"^[A-Z][a-z]+(ian|ean)$")
# Letters whose name starts with a vowel sound but which start a consonant when the acronym is
# read as a word ('ef' / 'FRIPRO' = 'fri-pro'), and the clusters that can open a spoken word.
_SPOKEN_DIFFERENTLY = _VOWEL_SOUND_LETTERS - set("AEIO")
_SPOKEN_ONSETS = ("FL", "FR", "SL", "SC", "SK", "SM", "SN", "SP", "ST", "SW")
_VOWELS = set("AEIOUY")
_EVENT_NOUN = re.compile(
    r"\b(Conference|Meeting|Symposium|Workshop|Congress|Colloquium|Summit|Forum|Convention|"
    r"School|Lecture)s?\b"
)
_SHORT_FORM_WORD = re.compile(r"^([A-Za-z]*[A-Z][a-z]*[A-Z][A-Za-z]*|\d+)$")
_ABBREVIATION = re.compile(r"\s*\(([A-Z][A-Za-z&-]*[A-Z])\)\s*$")


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def count_words(text: str) -> int:
    """Words as a word processor counts them: runs of non-space ('Adler-Katz' is one word),
    and each Chinese, Japanese or Korean character, which is written without spaces."""
    return len(_CJK.sub(" ", text).split()) + len(_CJK.findall(text))


def number_word(n: int) -> str:
    """'three' up to ten, digits above — the usual house style for prose."""
    return _NUMBER_WORDS[n] if 0 <= n < len(_NUMBER_WORDS) else str(n)


def join_list(items: list[str]) -> str:
    """'A', 'A and B', 'A, B and C'; a serial comma only when an item has its own 'and'.

    'optimisation, bias and regularisation and sparse recovery' would be ambiguous, so an item
    containing ' and ' or a comma switches to 'A, B, and C' (and 'A as well as B' for two).
    """
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    if len(items) == 2:
        joiner = " as well as " if any(" and " in item for item in items) else " and "
        return joiner.join(items)
    serial = "," if any(" and " in item or "," in item for item in items) else ""
    return ", ".join(items[:-1]) + f"{serial} and " + items[-1]


def indefinite(phrase: str) -> str:
    """'a Postdoctoral Fellow', 'an Associate Professor', 'an ERC Starting Grant'."""
    first = phrase.split()[0] if phrase.split() else ""
    letters = first.replace(".", "")
    spelt = first[1:2] == "." or (letters[:2].isupper() and letters[:2].isalnum())
    if first[:1].isupper() and spelt:  # ERC, MSc, R01, M.S.
        vowel = first[0] in _VOWEL_SOUND_LETTERS
    else:
        lower = first.lower()
        vowel = lower[:1] in "aeiou" and not lower.startswith(_CONSONANT_SOUND_VOWEL_STARTS)
        vowel = vowel or lower.startswith(("hour", "honour", "honor", "heir"))
    return f"{'an' if vowel else 'a'} {phrase}"


def ambiguous_article(phrase: str) -> bool:
    """Whether 'a' or 'an' depends on how the leading acronym is spoken, so callers rephrase.

    'FRIPRO' read as a word takes 'a', spelt out ('ef-ar-...') 'an'. Only acronyms of four or
    more capitals qualify, starting with F, H, L, M, N, R, S or X and pronounceable (a vowel
    second, or after FR-, ST- and the like): NSF, EPSRC, NSERC and ERC are spelt out.
    """
    first = phrase.split()[0] if phrase.split() else ""
    if len(first) < 4 or not (first.isalpha() and first.isupper()):
        return False
    if first[0] not in _SPOKEN_DIFFERENTLY:
        return False
    return first[1] in _VOWELS or (first[:2] in _SPOKEN_ONSETS and first[2] in _VOWELS)


def definite(name: str) -> str:
    """'the Yarden Institute of Science' but 'Carmel University', 'Helix Labs'.

    Names built as 'X of Y', 'X for Y' or 'X on Y' take 'the' in running text (the University of
    Oxford, the Max Planck Institute for ..., the Conference on Learning Theory), as do names
    ending in Society, Foundation, Council, Trust, Institute and the like (the Royal Society);
    names that already start with 'The' are lower-cased to 'the'.
    """
    if name.startswith("The "):
        return "the " + name[4:]
    bare = _ABBREVIATION.sub("", name)
    if _DEFINITE_MARKERS.search(bare) or _DEFINITE_HEADS.search(bare):
        return f"the {name}"
    return name


def event(name: str) -> str:
    """'the British Ecological Society Annual Meeting', but 'ICML 2023' and 'NeurIPS'.

    Short forms (every word an acronym or a number) take no article, as people say them;
    names built on an event noun (Meeting, Conference, Symposium, Workshop...) take 'the';
    others follow the rule for institutions (`definite`).
    """
    if all(_SHORT_FORM_WORD.match(word) for word in name.split()):
        return name
    if not name.startswith("The ") and _EVENT_NOUN.search(name):
        return f"the {name}"
    return definite(name)


def topic(text: str) -> str:
    """A research interest in running text: 'Sparse recovery' -> 'sparse recovery'.

    Only a plain capitalised first word is lowered; acronyms ('ML systems'), mixed case
    ('LaTeX'), proper adjectives ending in -ian/-ean ('Bayesian', 'Euclidean') and the first
    word of a name of two capitalised words ('Habsburg Monarchy', 'Central Europe') are kept.
    """
    first, _, rest = text.partition(" ")
    named = rest[:1].isupper()
    if (
        first[:1].isupper()
        and first[1:].islower()
        and not _PROPER_ADJECTIVE.match(first)
        and not named
    ):
        first = first.lower()
    return f"{first} {rest}".strip() if rest else first


def _named(text: str) -> bool:
    """'Habsburg Monarchy', 'Labor Economics': a plain capitalised word, then another."""
    first, _, rest = text.partition(" ")
    return first[1:].islower() and first[:1].isupper() and rest[:1].isupper()


def topics_as_written(items: list[str]) -> list[str]:
    """Interests in running text, consistently: lowered by `topic` unless one of them is
    written as a name ('Labor Economics'), in which case all keep the writer's capitals
    ('Labor Economics and Innovation', never 'Labor Economics and innovation')."""
    lowered = [topic(t) for t in items]
    if any(map(_named, items)) and any(a != b for a, b in zip(items, lowered, strict=True)):
        return [t[:1].upper() + t[1:] for t in items]
    return lowered


def sentence_case(title: str) -> str:
    """'editorial board member' from 'Editorial board member' (a role in sentence case reads
    as a common noun mid-sentence); 'Board Member' and 'ACM Fellow' are kept."""
    first, _, rest = title.partition(" ")
    if first[1:].islower() and rest and rest == rest.lower():
        return first.lower() + " " + rest
    return title


def capitalise(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]


def sentence(text: str) -> str:
    """Capitalise and end with a full stop (unless it already ends a sentence)."""
    text = capitalise(text.strip())
    return text if text.endswith((".", "!", "?")) else text + "."


def short_name(name: str) -> str:
    """The short form people use in prose: 'ICML 2023' from '... (ICML 2023), keynote'.

    A parenthesised abbreviation wins; otherwise the name up to its first comma.
    """
    match = re.search(r"\(([^()]+)\)", name)
    if match and any(c.isupper() for c in match.group(1)):
        return match.group(1)
    return name.split(",")[0].strip()


def abbreviation(name: str) -> str | None:
    """'EPSRC' from 'Engineering and Physical Sciences Research Council (EPSRC)'."""
    match = _ABBREVIATION.search(name)
    return match.group(1) if match else None


def without_abbreviation(name: str) -> str:
    """'Research Council of Norway' from 'The Research Council of Norway (RCN)': the name as
    it follows 'from the' in prose, where an acronym used only once says nothing."""
    return re.sub(r"^The ", "", _ABBREVIATION.sub("", name))
