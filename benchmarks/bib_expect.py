"""What cvgen should show for an entry, decided independently of cvgen (for
benchmarks/bib_corpus.py): its category, its venue (as the text must hold it), and what counts
as markup left in the text; and the document tree's entries, texts and marked spans."""

from __future__ import annotations

import re
from typing import Any

from benchmarks.bib_reading import BibEntry, decode, words

STATUS_RE = re.compile(
    r"(?i)\b(in press|submitted|under review|under-review|accepted|in prep\w*|forthcoming|"
    r"to appear|manuscript|working paper|revise and resubmit|r&r|preprint|unpublished|"
    r"in revision|under revision|draft|prep|review|in progress|invited|proposal|tbd|"
    r"full submission|for publication|at)\b"
)
PREPRINT_RE = re.compile(
    r"(?i)arxiv|biorxiv|medrxiv|ssrn|chemrxiv|psyarxiv|socarxiv|osf|eartharxiv|techrxiv|"
    r"research ?square|authorea|preprints\.org|\bpreprint\b|corr\b|"
    r"electron(?:ic|\.) colloquium|\beccc\b|cryptology eprint|iacr"
)
AAS_MACROS = {
    "aj": ["AJ", "Astronomical Journal"],
    "apj": ["ApJ", "Astrophysical Journal"],
    "apjl": ["ApJL", "ApJ", "Astrophysical Journal Letters", "Astrophysical Journal"],
    "apjs": ["ApJS", "Astrophysical Journal Supplement"],
    "aap": ["A&A", "Astronomy and Astrophysics", "Astronomy & Astrophysics"],
    "mnras": ["MNRAS", "Monthly Notices of the Royal Astronomical"],
    "pasp": ["PASP", "Publications of the Astronomical Society of the Pacific"],
    "prd": ["PRD", "Phys. Rev. D", "Physical Review D"],
    "prl": ["PRL", "Phys. Rev. Lett", "Physical Review Letters"],
    "nat": ["Nature"],
    "araa": ["ARA&A", "Annual Review of Astronomy"],
    "icarus": ["Icarus"],
    "jcap": ["JCAP", "Journal of Cosmology and Astroparticle"],
    "aapr": ["A&A Rev", "Astronomy and Astrophysics Review"],
    "pasj": ["PASJ"],
    "aaps": ["A&AS", "Astronomy and Astrophysics Supplement"],
    "procspie": ["Proc. SPIE", "SPIE"],
    "psj": ["PSJ", "Planetary Science Journal"],
    "apss": ["Ap&SS", "Astrophysics and Space Sci"],
    "pasa": ["PASA", "Publications of the Astronomical Society of Australia"],
    "solphys": ["Sol. Phys", "Solar Physics"],
    "nar": ["NewAR", "New Astronomy Reviews"],
    "jgr": ["JGR", "Journal of Geophysical Research"],
    "grl": ["GRL", "Geophysical Research"],
    "planss": ["Planet. Space Sci", "Planetary and Space Science"],
    "physrep": ["Phys. Rep", "Physics Reports"],
    "qjras": ["QJRAS", "Quarterly Journal of the Royal Astronomical"],
}
PREPRINT_WORDS_RE = re.compile(
    r"(?i)arxiv|biorxiv|medrxiv|ssrn( electronic journal)?|chemrxiv|psyarxiv|socarxiv|"
    r"osf( preprints)?|eartharxiv|techrxiv|research ?square|authorea|preprints\.org|"
    r"e-?prints?|preprint|corr|abs|"
    r"electron(?:ic|\.) colloquium (?:on )?comput(?:ational|\.) complex(?:ity|\.)|eccc|"
    r"iacr cryptol(?:ogy|\.) eprint arch(?:ive|\.)|cryptology eprint archive|tr\d\d-\d+|"
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?|\([^()]*\)|"
    r"\b[a-z-]+(\.[a-z]{2})?/\d{7}\b|\b\d{4}\.\d{4,5}(v\d+)?\b"
)
EXPECTED = {
    "article": "journal",
    "inproceedings": "conference",
    "conference": "conference",
    "book": "book",
    "incollection": "chapter",
    "inbook": "chapter",
    "phdthesis": "thesis",
    "mastersthesis": "thesis",
    "thesis": "thesis",
    "techreport": "report",
    "report": "report",
    "patent": "patent",
    "unpublished": "preprint",
}
STATUS_GROUP_RE = re.compile(
    r"(?i)submitted|under review|in press|accepted|in prep|preparation|forthcoming|in progress"
)
KIND_WORDS = [  # cvgen group id / heading words -> category
    ("journal", "journal"),
    ("article", "journal"),
    ("conference", "conference"),
    ("proceeding", "conference"),
    ("chapter", "chapter"),
    ("book", "book"),
    ("thes", "thesis"),
    ("dissertation", "thesis"),
    ("patent", "patent"),
    ("preprint", "preprint"),
    ("report", "report"),
    ("other", "other"),
]
LEAK_RES = {
    "command": re.compile(r"\\[A-Za-z]+"),
    "brace": re.compile(r"[{}]"),
    "math": re.compile(r"\$[^$\s][^$]{0,80}\$|\$\^|\$_|\^\{|_\{"),
    "html-tag": re.compile(
        r"</?(b|i|u|em|strong|sup|sub|br|span|div|p|a|math|mml:\w+|inline-formula|ASTROBJ|"
        r"scp|sc|it|tt|font|mi|mo|mn|mrow|msub|msup)\b[^>]*>",
        re.IGNORECASE,
    ),
    "entity": re.compile(r"&(amp|lt|gt|quot|apos|nbsp|#\d+|#x[0-9a-fA-F]+);"),
    "markdown-link": re.compile(r"\[[^\]]+\]\((https?://|www\.)"),
}
WORDING_RE = re.compile(r"\band et al\b|(?<!\.)\.\.(?!\.)|\s[,.;:](?=\s|$)|,\s*[.,;]|\(\s*\)")


def tree_entries(doc: dict[str, Any]) -> list[dict[str, Any]]:
    """Every entry with a key in the document tree, with its section/group names attached."""
    out = []
    for sec in doc.get("sections", []):
        groups = sec.get("groups") or [
            {"entries": sec.get("entries", []), "id": None, "heading": None}
        ]
        for g in groups:
            for e in g.get("entries", []) or []:
                if isinstance(e, dict) and e.get("key"):
                    out.append(
                        {
                            **e,
                            "_section": sec.get("name") or "",
                            "_group": f"{g.get('id') or ''} {g.get('heading') or ''}",
                        }
                    )
    return out


def span_text(spans: Any) -> str:
    """Concatenated text of a list of spans (or a string)."""
    if isinstance(spans, str):
        return spans
    if isinstance(spans, list):
        return "".join(span_text(s) for s in spans)
    if isinstance(spans, dict):
        return span_text(spans.get("text", "")) + span_text(spans.get("children", []))
    return ""


def self_spans(spans: Any) -> list[str]:
    """Texts of spans marked self."""
    out: list[str] = []
    if isinstance(spans, list):
        for s in spans:
            out.extend(self_spans(s))
    elif isinstance(spans, dict):
        if spans.get("mark") == "self":
            out.append(span_text(spans.get("text", "")))
        out.extend(self_spans(spans.get("children", [])))
    return out


def entry_text(e: dict[str, Any]) -> str:
    """All visible text of a tree entry (citation spans and any other text fields)."""
    parts = [span_text(e.get(k)) for k in ("title", "text", "body", "note", "venue")]
    return " ".join(p for p in parts if p)


def category_of(section: str, group: str) -> str:
    """cvgen's category from its section name / group id and heading."""
    label = f"{section} {group}".lower()
    if "patent" in label:
        return "patent"
    for word, cat in KIND_WORDS:
        if word in group.lower():
            return cat
    return "other" if section == "publications" else section


# ----------------------------------------------------------------------------- expectations
def expected_category(e: BibEntry) -> str | None:
    """The category the entry's type calls for (None: no expectation)."""
    t = e.type
    f = e.fields
    if t == "misc" and (
        re.search(r"(?i)google patents", f.get("publisher", ""))
        or re.search(r"(?i)patent", f.get("note", "") + " " + f.get("howpublished", ""))
    ):
        return "patent"
    cat = EXPECTED.get(t)
    if cat == "journal":
        venue = f.get("journal", "") or f.get("journaltitle", "")
        if not re.search(r"\w", venue):  # no journal: a preprint if it says so, else unknown
            return "preprint" if preprint_signal(f) else None
        if preprint_venue(venue):
            return "preprint"
    return cat


PREPRINT_DOI_RE = re.compile(
    r"10\.(48550|1101|2139|31234|31235|31219|31222|31223|21203|22541|26434|20944|36227|31730)/"
)


def preprint_signal(f: dict[str, str]) -> bool:
    """eprint/archiveprefix, a preprint server's DOI prefix, URL or publisher."""
    if f.get("eprint") or f.get("archiveprefix") or f.get("arxiv"):
        return True
    if PREPRINT_DOI_RE.search(f.get("doi", "") + " " + f.get("url", "")):
        return True
    where = " ".join(f.get(k, "") for k in ("url", "publisher", "howpublished", "note"))
    return bool(
        re.search(
            r"(?i)arxiv|biorxiv|medrxiv|ssrn|psyarxiv|osf\.io|authorea|"
            r"cold spring harbor|research ?square|chemrxiv",
            where,
        )
    )


def preprint_venue(raw: str) -> bool:
    """A venue that is only a preprint server (arXiv preprint arXiv:1704.02343, bioRxiv)."""
    venue = decode(raw)
    if not PREPRINT_RE.search(venue):
        return False
    rest = PREPRINT_WORDS_RE.sub(" ", venue)
    rest = STATUS_RE.sub(" ", rest)
    return not re.sub(r"[\W\d_]+", " ", rest).strip()


def venue_of(e: BibEntry) -> tuple[str, str] | None:
    """(field, raw value) of the venue the output must show, or None."""
    f = e.fields
    order = ["journal", "journaltitle", "booktitle"]
    if e.type in ("inproceedings", "conference", "incollection", "inbook"):
        order = ["booktitle", "journal", "journaltitle"]
    if e.type in ("phdthesis", "mastersthesis", "thesis"):
        order += ["school", "institution"]
    if e.type in ("techreport", "report"):
        order += ["institution"]
    if e.type in ("book", "misc", "online"):
        order += ["publisher"]
    for k in order:
        v = f.get(k, "").strip()
        if v:
            if k == "publisher" and re.search(r"(?i)google patents", v):
                return None
            return k, v
    return None


def venue_candidates(raw: str) -> list[str]:
    """Acceptable shown forms of a venue (decoded; AAS macros expanded)."""
    m = re.fullmatch(r"\s*\\([A-Za-z]+)\s*", raw)
    if m and m.group(1).lower() in AAS_MACROS:
        return AAS_MACROS[m.group(1).lower()]
    if m:  # another macro: its expansion is unknown here, so nothing to compare
        return []
    return [decode(raw)]


def only_status(venue: str) -> bool:
    """True when nothing but status words, years and punctuation remain."""
    rest = STATUS_RE.sub(" ", venue)
    rest = re.sub(r"\b(19|20)\d\d\b|[\W_]+", " ", rest)
    return not rest.strip()


def shown(venue: str, text: str) -> bool:
    """The venue appears in the text: folded substring, or all its words present (status words
    such as "to appear in" aside); a preprint server counts as shown when the text names it."""
    if preprint_venue(venue):
        return bool(PREPRINT_RE.search(text))
    venue = STATUS_RE.sub(" ", venue)
    if PREPRINT_RE.search(venue):  # "arXiv:2111.02002, accepted by J.": the id is a link
        venue = PREPRINT_WORDS_RE.sub(" ", venue)
    v, t = " ".join(words(venue)), " ".join(words(text))
    if not v or v in t:
        return True
    tw = set(words(text))
    vw = [w for w in words(venue) if len(w) > 2 or w.isdigit()]
    return bool(vw) and all(w in tw for w in vw)
