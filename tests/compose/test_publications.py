"""The publication sections (compose/publications.py): a list per kind and the legend."""

from __future__ import annotations

from cvgen.compose.context import Context, Settings
from cvgen.compose.publications import legend, publication_entry, publication_groups
from cvgen.document import plain_text
from cvgen.model import CV, Author, Links, PubKind, Publication

PAPER = Publication(
    key="k", entry_type="article", kind=PubKind.JOURNAL, title="On Rivers",
    authors=[Author(first="A", last="Amos", is_self=True)], year=2020, venue="J. Rivers",
    presentation="Oral", links=Links(doi="10.1234/x"),
)  # fmt: skip


def test_a_publication_is_its_reference_annotation_links_and_an_id() -> None:
    entry = publication_entry(Context(Settings()), PAPER)
    assert plain_text(entry.title) == "A Amos. On Rivers. J. Rivers, 2020."
    assert plain_text(entry.annotation) == "Oral"
    assert [link.kind for link in entry.links] == ["doi"]
    assert (entry.id, entry.key, entry.number) == ("pub-k", "k", None)


def test_each_kind_is_a_group_headed_by_its_name_in_the_cvs_order(clinician_cv: CV) -> None:
    ctx = Context(Settings())
    groups = publication_groups(clinician_cv, "publications", ctx)
    kinds = {p.kind for p in clinician_cv.publications if p.kind is not PubKind.PATENT}
    assert len(groups) == len(kinds)
    assert groups[0].heading == ctx.words("publication_kinds.journal")
    assert sum(len(g.entries) for g in groups) == len(
        [p for p in clinician_cv.publications if p.kind is not PubKind.PATENT]
    )


def test_the_legend_explains_bold_underline_and_the_marks_shown(clinician_cv: CV) -> None:
    lines = [
        plain_text(x) for x in legend(clinician_cv, clinician_cv.publications, Context(Settings()))
    ]
    assert lines == [
        "Bold: Tamar Ben-Haim",
        "Underlined: supervised students and postdocs",
        "* Equal contribution",
    ]
