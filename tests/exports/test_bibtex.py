"""BibTeX out (exports/bibtex.py) re-loads to the same entries, for generated publications with
awkward text."""

from __future__ import annotations

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from cvgen.exports.bibtex import encode, to_bibtex
from cvgen.load.bibtex.file import parse_bibtex
from cvgen.load.bibtex.kinds import VENUE_FIELDS
from cvgen.load.bibtex.markup import has_web_markup
from cvgen.load.latex.text import latex_to_unicode
from cvgen.model import Author, Links, PubKind, Publication

# Letters from several scripts, digits, and every character BibTeX or LaTeX treats specially.
ALPHABET = "aZé Åøßł日本Ωω0129" + "&%$#_{}~^\\-–—'`\".,:;!?()[]/@*+=<>|"
word = st.text(alphabet=ALPHABET.replace(" ", ""), min_size=1, max_size=8)


def _balanced(value: str) -> bool:
    depth = 0
    for char in value:
        depth += (char == "{") - (char == "}")
        if depth < 0:
            return False
    return depth == 0


# BibTeX needs balanced braces; lone ones are written as \textbrace macros (tested below).
# Web markup in a value (`<b>`, `&amp;`, `[x](https://…)`) is read as markup by the loader,
# as exporters mean it (load/bibtex/markup.py): text that looks like it does not round-trip.
text = (
    st.lists(word, min_size=1, max_size=6)
    .map(" ".join)
    .filter(_balanced)
    .filter(lambda value: not has_web_markup(value))
)
optional_text = st.none() | text
# A mark after a part of a name (`Name*`, `Name#,`) is read as an author mark, not as part of
# the name, and a name needs a letter or a digit.
name_word = word.filter(lambda w: not {"*", "#"} & set(w) and any(c.isalnum() for c in w))

name_word = st.from_regex(r"[A-ZÅÉ][a-zéøü]{1,6}(-[A-Z][a-z]{1,5})?", fullmatch=True)
initial = st.from_regex(r"[A-Z]\.", fullmatch=True)
authors = st.builds(
    Author,
    first=st.lists(name_word | initial, max_size=2).map(" ".join),
    von=st.sampled_from(["", "van", "de la", "von", "d'"]),
    last=st.one_of(
        name_word,
        st.lists(name_word, min_size=2, max_size=2).map(" ".join),
        st.from_regex(r"O'[A-Z][a-z]{2,5}", fullmatch=True),
    ),
    jr=st.sampled_from(["", "", "Jr.", "III"]),
    equal_contribution=st.booleans(),
)


def _name(author: Author) -> tuple[str, str, str, str]:
    return (author.first, author.von, author.last, author.jr)


editors = authors.map(lambda a: a.model_copy(update={"equal_contribution": False}))
TYPES = [
    ("article", PubKind.JOURNAL),
    ("inproceedings", PubKind.CONFERENCE),
    ("phdthesis", PubKind.THESIS),
    ("mastersthesis", PubKind.THESIS),
    ("patent", PubKind.PATENT),
    ("misc", PubKind.OTHER),
    ("misc", PubKind.PREPRINT),
    ("article", PubKind.PREPRINT),
    ("unpublished", PubKind.PREPRINT),
    ("book", PubKind.BOOK),
    ("incollection", PubKind.CHAPTER),
    ("techreport", PubKind.REPORT),
]
# A link's trailing full stop or comma is the sentence's, not the address's: the loader drops it.
url = st.from_regex(r"https://example\.org/[a-z0-9_%#&~=?.-]{0,20}", fullmatch=True).filter(
    lambda address: not address.endswith((".", ",", ";"))
)


@st.composite
def publications(draw: st.DrawFn, index: int) -> Publication:
    entry_type, kind = draw(st.sampled_from(TYPES))
    venue = draw(
        text if kind in (PubKind.JOURNAL, PubKind.CONFERENCE, PubKind.CHAPTER) else optional_text
    )
    if kind is PubKind.JOURNAL:  # an arXiv "journal" makes an article a preprint
        assume(not venue.lower().startswith(("arxiv", "corr")))  # type: ignore[union-attr]
    if (entry_type, kind) == ("article", PubKind.PREPRINT):
        venue = None  # an @article in a real journal is a journal article, eprint or not
    publisher = None if kind is PubKind.BOOK else draw(optional_text)
    if venue is None and "publisher" in VENUE_FIELDS.get(kind, ()):
        publisher = None  # the loader would have taken the publisher as the venue
    # one person once: the loader reads a name repeated next to itself as an exporter's slip
    people = draw(st.lists(authors, min_size=1, max_size=4, unique_by=_name))
    if draw(st.booleans()):
        people.append(Author(last="et al."))
    return Publication(
        key=f"key{index}",
        entry_type=entry_type,
        kind=kind,
        title=draw(text),
        authors=people,
        year=draw(st.integers(1900, 2100)),
        month=draw(st.none() | st.integers(1, 12)),
        venue=venue,
        volume=draw(optional_text),
        number=draw(optional_text),
        pages=draw(st.none() | st.sampled_from(["1–10", "e1002", "S1–S7", "5"])),
        publisher=publisher,
        address=draw(optional_text),
        edition=draw(optional_text),
        editors=draw(st.lists(editors, max_size=2)) if kind is PubKind.CHAPTER else [],
        note=draw(optional_text),
        tags=draw(  # a keyword given twice is one tag
            st.lists(st.from_regex(r"[a-z][a-z0-9-]{0,6}", fullmatch=True), max_size=3, unique=True)
        ),
        presentation=draw(optional_text),
        acceptance_rate=draw(st.none() | st.sampled_from(["1.2%", "25%"])),
        award=draw(optional_text),
        impact_factor=draw(optional_text),
        annotation=draw(optional_text),
        status=draw(optional_text),
        links=Links(
            doi=draw(
                st.none() | st.from_regex(r"10\.\d{4}/[A-Za-z0-9._;()/-]{1,12}", fullmatch=True)
            ),
            url=draw(st.none() | url),
            pdf=draw(st.none() | url),
            arxiv="2401.00001" if kind is PubKind.PREPRINT and draw(st.booleans()) else None,
        ),
    )


@given(text)
@settings(max_examples=300, deadline=None)
def test_encoded_text_decodes_to_itself(value: str) -> None:
    assert latex_to_unicode(encode(value)) == value


@given(
    st.lists(st.integers(0, 0), max_size=4).flatmap(
        lambda slots: st.tuples(*(publications(i) for i in range(len(slots))))
    )
)
@settings(max_examples=150, deadline=None)
def test_bibtex_output_reloads_to_the_same_entries(pubs: tuple[Publication, ...]) -> None:
    reloaded, problems = parse_bibtex(to_bibtex(list(pubs)), "out.bib")
    assert [p for p in problems if p.is_error] == []
    assert [p.model_dump(exclude={"line"}) for p in reloaded] == [
        p.model_dump(exclude={"line"}) for p in pubs
    ]


def test_lone_braces_still_give_valid_bibtex() -> None:
    pub = Publication(
        key="k", entry_type="misc", kind=PubKind.OTHER, title="a } b { c #",
        authors=[Author(last="Aa")], year=2020,
    )  # fmt: skip
    reloaded, problems = parse_bibtex(to_bibtex([pub]), "out.bib")
    assert problems == [] and reloaded[0].key == "k"
