"""A synthetic reference library: the whole .bib a researcher keeps (Zotero, JabRef, BibDesk),
mostly other people's papers, of which the CV selects its owner's by tag.

    python -m benchmarks.library OUTDIR 50000

Entries vary as a real library's do: eleven entry types, tens of thousands of distinct authors
(LaTeX accents, UTF-8, particles, corporate authors), protected capitals and math in titles,
@string journals, DOIs, URLs, ISBNs, reading tags, the odd note. One entry in a hundred is the
owner's (cv.yaml is benchmarks.synthetic's researcher), tagged `mine`.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from benchmarks.synthetic import synthetic_yaml
from cvgen.load.sources import Sources

OWNER = "Adler-Katz, Miriam"
_ONSETS = "b c d f g h j k l m n p r s t v w z br ch dr gr kr sh st th tr".split()
_VOWELS = "a e i o u ai ei ou ia".split()
_CODAS = ["", "", "n", "r", "s", "l", "m", "nd", "rt", "k"]
_ACCENTED = [
    'M{\\"u}ller',
    "Lef{\\`e}vre",
    "Fran{\\c{c}}ois",
    "Wi{\\'{s}}niewski",
    "Garc{\\'\\i}a",
    "Pe{\\~n}a",
    "{\\O}stergaard",
    "Dvo{\\v{r}}{\\'a}k",
    "Gro{\\ss}mann",
    'Sch{\\"o}nberg',
    "Jiménez",
    "Çelik",
    "Łukasiewicz",
    "Ødegård",
    "Nguyễn",
]
_PARTICLES = ["van der", "de", "von", "da", "van", "di", "le", "del"]
_TOPICS = (
    "learning inference sparse robust stochastic convex optimisation regression kernel "
    "graph network neural causal Bayesian estimation bounds generalisation adversarial "
    "privacy federated manifold spectral clustering embedding attention sampling variational "
    "diffusion transport entropy matrix tensor online bandit reinforcement policy control "
    "climate protein genome cell imaging survey cohort trial evidence model analysis"
).split()
_GLUE = "of for with in on via under and the a towards beyond".split()
_PROTECTED = ["{DNA}", "{GPU}", "{M}arkov", "{G}aussian", "{E}uler", "{SGD}", "{RNA}", "{MRI}"]
_MATH = ["$\\ell_1$", "$O(n \\log n)$", "$k$", "$\\alpha$", "$p$-values"]
_STRINGS = {
    "jmlr": "Journal of Machine Learning Research",
    "tpami": "IEEE Transactions on Pattern Analysis and Machine Intelligence",
    "aos": "Annals of Statistics",
    "nature": "Nature",
    "pnas": "Proceedings of the National Academy of Sciences",
    "plosone": "PLOS ONE",
}
_JOURNALS = [
    "{Journal of the American Statistical Association}",
    "{Biometrika}",
    "{Nature Communications}",
    "{Physical Review E}",
    "{Bioinformatics}",
    "{SIAM Journal on Optimization}",
    "{Journal of Econometrics}",
    "{The Lancet}",
    "{Ecology Letters}",
    "{Machine Learning}",
    *_STRINGS,
]
_CONFERENCES = [
    "{Advances in Neural Information Processing Systems}",
    "{Proceedings of the International Conference on Machine Learning}",
    "{Proceedings of the {AAAI} Conference on Artificial Intelligence}",
    "{Proceedings of {COLT}}",
    "{Proceedings of the {ACM} {SIGKDD} Conference}",
]
_PUBLISHERS = ["{Springer}", "{Cambridge University Press}", "{MIT Press}", "{Wiley}", "{CRC}"]
_MONTHS = {"jan", "mar", "jun", "sep", "dec"}
_TAGS = ["to-read", "read", "review", "methods", "teaching", "grant-2024", "important"]
_TYPES = [
    ("article", 58),
    ("inproceedings", 18),
    ("misc", 7),
    ("book", 4),
    ("incollection", 4),
    ("phdthesis", 2),
    ("techreport", 3),
    ("online", 1),
    ("unpublished", 1),
    ("mastersthesis", 1),
    ("inbook", 1),
]


def _surname(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.08:
        return rng.choice(_ACCENTED)
    name = "".join(
        rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS)
        for _ in range(rng.choice((1, 2, 2, 3)))
    ).capitalize()
    return f"{rng.choice(_PARTICLES)} {name}" if roll > 0.96 else name


class _People:
    """A fixed population of authors, cited unevenly (a few prolific, most once or twice)."""

    def __init__(self, rng: random.Random, size: int):
        initials = "ABCDEFGHIJKLMNOPRSTVWY"
        self.names = []
        for _ in range(size):
            given = rng.choice(initials) + (rng.choice("aeiou") + rng.choice("nlrs")) * rng.choice(
                (0, 1, 2)
            )
            given = given + "." if len(given) == 1 else given
            self.names.append(f"{_surname(rng)}, {given}")
        self.rng = rng

    def authors(self) -> list[str]:
        count = min(int(self.rng.paretovariate(1.3)), 40)
        size = len(self.names)
        return [self.names[int(size * self.rng.random() ** 3)] for _ in range(count)]


def _title(rng: random.Random) -> str:
    words = [rng.choice(_TOPICS if i % 2 == 0 else _GLUE) for i in range(rng.randint(4, 12))]
    if rng.random() < 0.15:
        words.insert(rng.randrange(len(words)), rng.choice(_PROTECTED))
    if rng.random() < 0.05:
        words.insert(rng.randrange(len(words)), rng.choice(_MATH))
    title = " ".join(words)
    return title[0].upper() + title[1:]


def _entry(index: int, rng: random.Random, people: _People, entry_type: str) -> str:
    authors = people.authors()
    tags = [rng.choice(_TAGS)] if rng.random() < 0.3 else []
    year = rng.randint(1950, 2026)
    if index % 100 == 0:
        authors.insert(rng.randint(0, len(authors)), OWNER)
        tags.append("mine")
        year = rng.randint(2006, 2026)  # the owner's career
    elif not authors or rng.random() < 0.005:
        authors = ["{World Health Organization}"]
    fields = [("author", " and ".join(authors)), ("title", _title(rng))]
    if entry_type == "article":
        venue = rng.choice(_JOURNALS)
        fields += [("journal", venue), ("volume", str(rng.randint(1, 120)))]
        if rng.random() < 0.6:
            fields.append(("number", str(rng.randint(1, 12))))
    elif entry_type in ("inproceedings", "incollection", "inbook"):
        fields.append(("booktitle", rng.choice(_CONFERENCES)))
    elif entry_type in ("book", "techreport"):
        key = "publisher" if entry_type == "book" else "institution"
        fields.append((key, rng.choice(_PUBLISHERS)))
    elif entry_type in ("phdthesis", "mastersthesis"):
        fields.append(("school", "{University of " + rng.choice(_TOPICS).capitalize() + "}"))
    else:
        fields.append(("howpublished", "{arXiv preprint}"))
        fields.append(("eprint", f"{{{year % 100:02d}{rng.randint(1, 12):02d}.{index:05d}}}"))
    fields.append(("year", str(year)))
    if rng.random() < 0.3:
        fields.append(("month", rng.choice(["jan", "mar", "jun", "sep", "dec", "{May}"])))
    if entry_type in ("article", "inproceedings", "incollection") and rng.random() < 0.8:
        first = rng.randint(1, 2000)
        fields.append(("pages", f"{{{first}--{first + rng.randint(1, 30)}}}"))
    if rng.random() < 0.5:
        fields.append(("doi", f"{{10.{rng.randint(1000, 9999)}/lib.{index}}}"))
    elif rng.random() < 0.3:
        fields.append(("url", f"{{https://example.org/paper/{index}}}"))
    if entry_type == "book" and rng.random() < 0.5:
        fields.append(("isbn", f"{{978-{rng.randint(0, 9)}-{rng.randint(1000, 99999)}}}"))
    if tags:
        fields.append(("keywords", "{" + ", ".join(tags) + "}"))
    if rng.random() < 0.03:
        fields.append(("note", "{Cited in chapter " + str(rng.randint(1, 9)) + "}"))
    body = ",\n".join(f"  {name} = {_braced(value)}" for name, value in fields)
    return f"@{entry_type}{{lib{index},\n{body}\n}}"


def _braced(value: str) -> str:
    """Numbers and @string names bare; anything else braced once."""
    bare = value.isdigit() or value in _STRINGS or value in _MONTHS
    if bare or (value.startswith("{") and value.endswith("}")):
        return value
    return "{" + value + "}"


def library_bib(entries: int, seed: int = 11) -> str:
    rng = random.Random(seed)
    people = _People(rng, max(200, entries // 2))
    types = rng.choices([t for t, _ in _TYPES], [w for _, w in _TYPES], k=entries)
    header = [f'@string{{{key} = "{value}"}}' for key, value in _STRINGS.items()]
    body = (_entry(i, rng, people, types[i]) for i in range(entries))
    return "\n\n".join([*header, *body]) + "\n"


def write_library(directory: Path, entries: int) -> Sources:
    """cv.yaml (the synthetic researcher) and publications.bib, a library of `entries`."""
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "cv.yaml").write_text(synthetic_yaml(), encoding="utf-8")
    (directory / "publications.bib").write_text(library_bib(entries), encoding="utf-8")
    return Sources(cv=directory / "cv.yaml", bib=directory / "publications.bib")


if __name__ == "__main__":
    write_library(Path(sys.argv[1]), int(sys.argv[2]))
