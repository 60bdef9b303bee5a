"""Which .bib fields cvgen reads, which names people invent for them, and what it says about the
rest: no field that looks like a CV annotation is dropped without a word.

A field is one of: standard BibTeX/biblatex; cvgen's own (README, "CV fields"); a plain alias
of one of those (`impact_factor` for `impactfactor`); the bookkeeping of a reference manager or
an exporter (ADS, DBLP, BibDesk, JabRef, Zotero, Mendeley, Scopus, Web of Science); or other.
Other fields are kept as decoded text on Publication.extra for exporters (an al-folio site's
`abbr`, `preview`); those that look like CV annotations, or like a typo of a known field, are
also reported once per name, with a count.
"""

from __future__ import annotations

import difflib
import re
from functools import lru_cache

STANDARD = frozenset(
    # BibTeX
    "address annote author booktitle chapter crossref edition editor howpublished institution "
    "journal key month note number organization pages publisher school series title type "
    "volume year "
    # biblatex
    "abstract addendum afterword annotation annotator authortype bookauthor bookpagination "
    "booksubtitle booktitleaddon commentator date doi editora editorb editorc editortype "
    "editoratype editorbtype editorctype eid entrysubtype eprint eprintclass eprinttype "
    "eventdate eventtitle eventtitleaddon file foreword holder indextitle introduction isan isbn "
    "ismn isrn issn issue issuesubtitle issuetitle iswc journalsubtitle journaltitle label "
    "language library location mainsubtitle maintitle maintitleaddon nameaddon origdate "
    "origlanguage origlocation origpublisher origtitle pagetotal pagination part pubstate "
    "reprinttitle shortauthor shorteditor shorthand shorthandintro shortjournal shortseries "
    "shorttitle subtitle titleaddon translator url urldate venue version volumes entryset "
    "execute gender langid langidopts ids indexsorttitle keywords options presort related "
    "relatedoptions relatedtype relatedstring sortkey sortname sortshorthand sorttitle sortyear "
    "xdata xref archiveprefix primaryclass".split()
)
CVGEN = frozenset(
    "presentation acceptance award impactfactor cvnote pdf code video slides status "
    "assignee".split()
)
# Fields reference managers and exporters add for their own use; never printed, never reported.
BOOKKEEPING = frozenset(
    "adsurl adsnote adscomment timestamp biburl bibsource date-added date-modified owner groups "
    "ranking readstatus priority qualityassured printed relevance mendeley-groups mendeley-tags "
    "mendeley-group citeulike-article-id citeulike-linkout-0 citeulike-linkout-1 posted-at "
    "read rating pmid pmcid mesh nlm document_type source art_number affiliation affiliations "
    "correspondence_address correspondence_address1 funding_details funding_text "
    "funding_text1 references chemicals_cas tradenames manufacturers coden abbrev_source_title "
    "publication_stage author_keywords unique-id da research-areas web-of-science-categories "
    "number-of-cited-references times-cited usage-count-last-180-days usage-count-since-2013 "
    "journal-iso doc-delivery-number eissn orcid-numbers researcherid-numbers "
    "funding-acknowledgement acmid numpages articleno issue_date reportnumber collaboration "
    "slaccitation copyright fjournal mrclass mrnumber mrreviewer zblnumber lccn oclc "
    "abstractnote extra accessdate accessed day arxivid keyword-plus earlyaccessdate "
    "article-number cited-references times-cited-wos".split()
)
_BOOKKEEPING_PATTERN = re.compile(r"^(bdsk-(url|file)-\d+|comment-.*|file-\d+|.*-url-\d+)$")
# Names people give cvgen's fields (and al-folio's) whose meaning is plain.
ALIASES = {
    **dict.fromkeys(
        "impact_factor impact-factor if jif journal_impact_factor journalimpactfactor".split(),
        "impactfactor",
    ),
    **dict.fromkeys(
        "acceptance_rate acceptancerate acceptance-rate acceptance_ratio".split(), "acceptance"
    ),
    **dict.fromkeys("award_name awards best_paper bestpaper".split(), "award"),
    **dict.fromkeys("cv_note cv-note".split(), "cvnote"),
    **dict.fromkeys("keyword tags".split(), "keywords"),
    **dict.fromkeys("url_pdf pdf_url pdfurl paper_url url_paper".split(), "pdf"),
    **dict.fromkeys("code_url url_code codeurl github source_code".split(), "code"),
    **dict.fromkeys("video_url url_video youtube".split(), "video"),
    **dict.fromkeys("slides_url url_slides".split(), "slides"),
    **dict.fromkeys("html website".split(), "url"),
    **dict.fromkeys("arxiv arxiv_id".split(), "eprint"),
}
ALIASES_OF: dict[str, tuple[str, ...]] = {
    target: tuple(alias for alias, to in ALIASES.items() if to == target)
    for target in set(ALIASES.values())
}
# Yes/no flags whose meaning is plain: `oral = {true}` is presentation = Oral.
FLAGS = {"oral": ("presentation", "Oral"), "spotlight": ("presentation", "Spotlight")}
INVENTED = frozenset(ALIASES) | frozenset(FLAGS)  # the names an entry may use instead
TRUE_WORDS = frozenset({"true", "yes", "1", "y", "x"})
# Words that make an unknown field look like an annotation meant for the CV.
_ANNOTATION_WORDS = frozenset(
    "if jif ccf jcr core h5 sci oral spotlight award awards prize presentation talk poster rate "
    "rank ranking quartile cited citations citation highlight equal corresponding status review "
    "best invited keynote note notes".split()
)
_ANNOTATION_STEMS = ("impact", "accept", "award", "presentation")
_KNOWN_NAMES = sorted(STANDARD | CVGEN | {"keywords", "author+an"})


def is_known(name: str) -> bool:
    return (
        name in STANDARD
        or name in CVGEN
        or name in BOOKKEEPING
        or name.endswith("+an")
        or bool(_BOOKKEEPING_PATTERN.match(name))
    )


# Fields cvgen prints nowhere but keeps on Publication.extra for the exports: the abstract, the
# identifiers NIH's My Bibliography and al-folio's badges use, and the language; also
# `location` and `website`, read as address and url, because al-folio reads them by these names.
KEPT_FOR_EXPORTS = frozenset(
    {"abstract", "pmid", "pmcid", "isbn", "issn", "language", "location", "website", "shortjournal"}
)
# Fields that must never reach a website, whatever cv.yaml asks, and why.
NEVER_EXPORTED = {
    "file": "holds the local paths of a reference manager's attachments (Zotero, JabRef)",
}


@lru_cache(maxsize=1024)
def is_extra(name: str) -> bool:
    """Kept on Publication.extra: neither read by cvgen nor an exporter's bookkeeping (and
    the few standard fields kept for exports)."""
    if name in KEPT_FOR_EXPORTS:
        return True
    return not is_known(name) and name not in ALIASES and name not in FLAGS


@lru_cache(maxsize=1024)
def report_of(name: str) -> str | None:
    """What to tell the user about an unknown field, or None to keep it quietly."""
    if name in ALIASES or name in FLAGS or is_known(name):
        return None
    close = difflib.get_close_matches(name, _KNOWN_NAMES, n=1, cutoff=0.8)
    if close:
        return f"did you mean '{close[0]}'?"
    words = set(re.split(r"[_\-+.:]", name.lower()))
    if words & _ANNOTATION_WORDS or any(stem in name.lower() for stem in _ANNOTATION_STEMS):
        fields = "presentation, acceptance, award, impactfactor or cvnote"
        return f"to show it in the CV, use one of cvgen's fields ({fields})"
    return None
