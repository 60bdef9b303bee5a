"""Citation keys for imported entries, in the style the user's .bib already follows.

A style is evident when one template reproduces a good share of the existing keys from their
own entries (first author's surname, year, first significant title word); DBLP's keys
(`DBLP:conf/icml/Adler23`) are kept as DBLP gives them. Without an evident style new keys are
`surnameYEARword`, the form Google Scholar exports.
"""

from __future__ import annotations

import re
import string
import unicodedata
from collections import Counter
from collections.abc import Iterable

from cvgen.load.identity import plain_text
from cvgen.model import Publication

DBLP_STYLE = "dblp"
CROSSREF_STYLE = "{Surname}_{year}"
DEFAULT_STYLE = "{surname}{year}{word}"
TEMPLATES = (
    "{surname}{year}{word}",  # Google Scholar: adler2023sharpness
    "{Surname}{year}{Word}",
    "{surname}{year}",
    "{Surname}{year}",
    "{Surname}:{year}",  # ACM / Zotero's older default: Adler:2023
    "{surname}:{year}",
    CROSSREF_STYLE,  # Crossref's BibTeX: Adler_Katz_2023
    "{surname}{yy}",
    "{Surname}{yy}",
    "{Surname}:{year}:{Word}",
)
STOPWORDS = frozenset(
    "a an the on of in for to and towards toward with from at by is are do does how what when "
    "why via".split()
)
EVIDENT_SHARE = 0.4  # of the entries whose key a template must reproduce
EVIDENT_COUNT = 2  # one entry (a starter file's example) shows no habit


def _ascii(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", plain_text(text))
    return "".join(c for c in decomposed if c.isascii() and (c.isalnum() or c in " -'"))


def _surnames(pub: Publication) -> list[str]:
    """Ways a key may spell the first author's surname: 'AdlerKatz', 'Adler', 'vanDerBerg'."""
    if not pub.authors:
        return ["Anon"]
    author = pub.authors[0]
    whole = _ascii(author.last)
    parts = [p for p in re.split(r"[\s'-]+", whole) if p]
    joined = "".join(p[:1].upper() + p[1:] for p in parts) or "Anon"
    with_von = "".join(p[:1].upper() + p[1:] for p in _ascii(author.von).split()) + joined
    return list(dict.fromkeys([joined, parts[0] if parts else joined, with_von]))


def _words(pub: Publication) -> list[str]:
    words = [w for w in re.split(r"[^A-Za-z0-9]+", _ascii(pub.title)) if w]
    significant = [w for w in words if w.lower() not in STOPWORDS]
    return list(dict.fromkeys(significant[:1] + words[:1])) or ["untitled"]


def _render(template: str, pub: Publication, surname: str, word: str) -> str:
    fields = {
        "surname": surname.lower(),
        "Surname": surname,
        "year": str(pub.year),
        "yy": str(pub.year)[-2:],
        "word": word.lower(),
        "Word": word[:1].upper() + word[1:].lower(),
    }
    return template.format(**fields)


def _crossref_key(pub: Publication) -> str:
    """Crossref's own form: surname words joined by '_' (Pérez-Salinas -> P_rez_Salinas)."""
    last = pub.authors[0].last if pub.authors else "Anon"
    return re.sub(r"[^A-Za-z0-9]", "_", unicodedata.normalize("NFC", last)) + f"_{pub.year}"


def _reproduces(template: str, pub: Publication) -> bool:
    """Whether `template` gives this entry's key, allowing a letter after a year ('2023b')."""
    if template == CROSSREF_STYLE:
        candidates = {_crossref_key(pub)}
    else:
        candidates = {_render(template, pub, s, w) for s in _surnames(pub) for w in _words(pub)}
    return pub.key in candidates or re.sub(r"(?<=\d)[a-z]$", "", pub.key) in candidates


def detect_style(existing: list[Publication]) -> str:
    """The template most existing keys follow, if one is evident; else the default."""

    def evident(count: int) -> bool:
        return count >= max(EVIDENT_COUNT, EVIDENT_SHARE * len(existing))

    if evident(sum(p.key.startswith("DBLP:") for p in existing)):
        return DBLP_STYLE
    counts = Counter(t for p in existing for t in TEMPLATES if _reproduces(t, p))
    if not counts:
        return DEFAULT_STYLE
    template, count = max(counts.items(), key=lambda item: (item[1], -TEMPLATES.index(item[0])))
    return template if evident(count) else DEFAULT_STYLE


class KeyMaker:
    """Unique keys in one style; 'a', 'b', ... tell apart papers that would share one."""

    def __init__(self, style: str, taken: Iterable[str]) -> None:
        self.style = style
        self._taken = {key.lower() for key in taken}

    def key_for(self, pub: Publication, native_key: str | None = None) -> str:
        if self.style == DBLP_STYLE and native_key:
            base = native_key
        elif self.style == CROSSREF_STYLE:
            base = _crossref_key(pub)
        else:
            template = DEFAULT_STYLE if self.style == DBLP_STYLE else self.style
            base = _render(template, pub, _surnames(pub)[0], _words(pub)[0])
        key = base
        for suffix in string.ascii_lowercase:
            if key.lower() not in self._taken:
                break
            key = base + suffix
        else:
            key = f"{base}-{len(self._taken)}"
        self._taken.add(key.lower())
        return key
