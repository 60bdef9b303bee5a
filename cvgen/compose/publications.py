"""The publication sections: one numbered list per kind, and the legend of their marks."""

from __future__ import annotations

from cvgen.compose.citation import annotation_text, publication_links, reference_spans
from cvgen.compose.context import Context
from cvgen.compose.marks import legend_for, symbols_used
from cvgen.compose.numbering import kind_groups
from cvgen.document import Entry, Group, Span, in_language
from cvgen.model import CV, Publication


def publication_entry(ctx: Context, pub: Publication) -> Entry:
    """A publication as every output lists it: reference, annotation, links, number, id.

    A citation style's reference may print the DOI or URL itself: those links are not
    repeated after it. The reference is in its own language (see Context.language_of), in
    that language's words; its annotation and links are the CV's remarks, in the CV's."""
    annotation = annotation_text(pub, ctx.words)
    cited = _citations(ctx, pub)
    annotation = ", ".join(part for part in (annotation, cited) if part)
    language = ctx.language_of(pub.language, pub.title)
    reference = ctx.settings.references.get(pub.key) or reference_spans(
        pub, ctx.words_in(language), ctx.settings.names
    )
    reference = in_language(reference, language)
    shown = {span.href for span in reference if span.href}
    return Entry(
        reference,
        annotation=[Span(annotation)] if annotation else [],
        links=[link for link in publication_links(pub.links, ctx.words) if link.href not in shown],
        number=ctx.numbers.get(pub.key),
        id=ctx.ids("pub-" + pub.key),
        key=pub.key,
        tags=list(pub.tags),
    )


def _citations(ctx: Context, pub: Publication) -> str:
    """'123 citations' (per metrics.yaml) when the CV shows per-paper counts."""
    metrics = ctx.settings.metrics
    if metrics is None or not ctx.settings.metrics_per_paper:
        return ""
    count = metrics.citations_of(pub.key)
    return "" if count is None else ctx.words.fmt("metrics.paper", count=ctx.words.number(count))


def publication_groups(cv: CV, section: str, ctx: Context) -> list[Group]:
    """The kinds of a publication section; "Publications" heads each kind, "Patents" not."""
    headed = section == "publications"
    return [
        Group(
            ctx.words(f"publication_kinds.{kind.value}") if headed else None,
            [publication_entry(ctx, pub) for pub in pubs],
            layout="references",
            id=ctx.ids(f"{section}-{kind.value}") if headed else None,
        )
        for kind, pubs in kind_groups(cv, section, ctx.settings)
    ]


def legend(cv: CV, pubs: list[Publication], ctx: Context) -> list[list[Span]]:
    """The key to the marks the shown publications use: bold, underline, star."""
    words = ctx.words
    lines = []
    if any(author.is_self for pub in pubs for author in pub.authors):
        mark = Span(words("legend.self"), bold=True, mark="self")
        lines.append(words.spans("legend.self_means", mark=mark, name=cv.data.person.name))
    if any(pub.has_student for pub in pubs):
        mark = Span(words("legend.student"), underline=True, mark="student")
        lines.append(words.spans("legend.student_means", mark=mark))
    return lines + legend_for(symbols_used(pubs), words, cv.data.publications.marks)
