"""`cvgen bio`: a short bio that fits a word limit, or a funder's biosketch from a profile."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import click

from cvgen.build.plan import load_plan
from cvgen.build.request import Request
from cvgen.build.targets import Target
from cvgen.cli.options import document_options
from cvgen.cli.output import STDOUT, write_output
from cvgen.cli.report import echo_warnings
from cvgen.errors import CvgenError
from cvgen.load.sources import EXAMPLE_NOTICE, Sources
from cvgen.util.characters import terminal_safe

BIO_FORMATS = ("text", "markdown", "latex", "html")
SKETCH_SUFFIXES = {
    ".pdf": "pdf", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".docx": "docx",
}  # fmt: skip
WORD = ".docx"


@click.command(name="bio")
@click.option(
    "--format",
    "-f",
    "fmt",
    default="text",
    show_default=True,
    metavar="FORMAT",
    help="A bio as text, markdown, latex or html; or a biosketch: nsf, nih, erc, or the path "
    "of your own profile (.yaml).",
)
@click.option(
    "--person",
    type=click.Choice(["third", "first"]),
    default="third",
    show_default=True,
    help="Third person uses person.pronouns from cv.yaml, else repeats the surname.",
)
@click.option(
    "--words",
    type=click.IntRange(min=1),
    default=150,
    show_default=True,
    help="The bio's hard word limit.",
)
@click.option(
    "--generated",
    is_flag=True,
    help="Generate the bio even when cv.yaml has a handwritten `bio:`.",
)
@click.option(
    "--related",
    "related",
    multiple=True,
    metavar="TAG",
    help="Biosketch: publications with this tag are the products related to the proposal.",
)
@click.option(
    "--truncate",
    is_flag=True,
    help="Biosketch: keep the first entries when a section is over its limit, instead of failing.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False, allow_dash=True),
    metavar="FILE",
    help="Write to FILE (`-` or none: stdout); .docx writes Word, and a biosketch's form "
    "follows the suffix (.pdf, .docx, .md, .html, else text).",
)
@document_options
def command(
    sources: Sources,
    request: Request,
    fmt: str,
    person: str,
    words: int,
    generated: bool,
    related: tuple[str, ...],
    truncate: bool,
    output: Path | None,
) -> None:
    """Write a short bio, or a funder's biographical sketch.

    The bio states the whole career, ranked: every current post and office, the highest held
    before, degrees, distinctions, interests, supervision, grants, earlier posts, then
    certifications, memberships and service; it takes the most important facts that fit
    --words (never part of a sentence). It needs no publication: a broken .bib entry is a
    warning. A biosketch with more products than the form allows picks the best and names
    the rest. Examples:

    \b
      cvgen bio --words 100 --person first
      cvgen bio --format nsf --tag erc -o sketch.pdf
      cvgen bio --format nih --related aging -o sketch.docx
      cvgen bio -o bio.docx
      cvgen bio --format ./my-funder.yaml -o sketch.md
    """
    from cvgen.bio.profile import builtin_profiles, is_profile_reference

    if fmt in BIO_FORMATS:
        _bio(sources, request, fmt, person, words, generated, output)
    elif is_profile_reference(fmt):
        _sketch(sources, request, fmt, related, truncate, output)
    else:
        known = ", ".join([*BIO_FORMATS, *builtin_profiles()])
        raise click.BadParameter(
            f"{fmt!r}: use one of {known}, or the path of a profile file (.yaml)",
            param_hint="'--format'",
        )


def _emit(content: str | bytes, output: Path | None, sources, plan, profile: str = "") -> None:
    """Print the bio (for no -o, or `-o -`; text made safe there: see output.to_stdout), or
    write it to -o unless that is one of the command's inputs."""
    read = (Path(profile),) if profile and Path(profile).is_file() else ()
    target = Target(output or Path(STDOUT))
    write_output(target, content, sources, plan.cv.data, plan.request, read)


# Options that shape a list of entries: a biosketch has them, a short bio (prose) has none.
LIST_ONLY = {
    "--style": "style",
    "--numbering": "numbering",
    "--reverse": "reverse",
    "--sections": "sections",
}


def _list_options_given(request: Request) -> list[str]:
    asked = {**vars(request.presentation), "sections": request.selection.sections}
    return [option for option, name in LIST_ONLY.items() if asked[name] not in (None, ())]


def _bio(sources, request, fmt, person, words, generated, output) -> None:
    from cvgen.bio.markup import bio_text
    from cvgen.bio.shortbio import over_limit, short_bio

    given = _list_options_given(request)
    if given:
        raise click.UsageError(
            f"{', '.join(given)}: for a biosketch (--format nsf|nih|erc), not a short bio"
        )

    # A short bio states no publication: a broken .bib entry is a warning, never a failure.
    plan = load_plan(replace(sources, skip_bad_entries=True), request, with_design=False)
    cv = plan.cv
    bio = short_bio(cv, person, words, generated)
    echo_warnings([*plan.warnings, *over_limit(bio, words, str(sources.cv))])
    if output is not None and output.suffix.lower() == WORD:
        from cvgen.bio.word import bio_docx

        text = f"{EXAMPLE_NOTICE}. {bio.text}" if sources.example else bio.text
        _emit(bio_docx(text, cv.data.person.name, plan.settings.words), output, sources, plan)
    else:
        notice = bio_text(f"{EXAMPLE_NOTICE}.", fmt) + "\n" if sources.example else ""
        _emit(notice + bio_text(bio.text, fmt), output, sources, plan)


def _sketch(sources, request, reference, related, truncate, output) -> None:
    from cvgen.bio.pdf import page_violations, sketch_pdf
    from cvgen.bio.profile import load_profile
    from cvgen.bio.sketch import build_sketch
    from cvgen.writers.pdf.writer import page_count

    profile = load_profile(reference)
    plan = load_plan(sources, request)
    echo_warnings(plan.warnings)
    settings = plan.settings
    sketch = build_sketch(
        plan.cv, profile, related, truncate, today=settings.today, settings=settings
    )
    _check(profile, sketch.violations, truncate, "truncated")
    kind = SKETCH_SUFFIXES.get(output.suffix.lower(), "text") if output else "text"
    content: str | bytes
    if kind == "pdf":
        content = sketch_pdf(sketch)
        over = page_violations(profile, page_count(content))
        _check(profile, over, truncate, "still over")
    else:
        content = _sketch_content(sketch, kind, settings.words)
        if profile.page.pages:
            click.echo(
                f"note: {profile.funder} allows {profile.page.pages} pages; write a PDF "
                "(-o sketch.pdf) to check the page count",
                err=True,
            )
    for note in [*sketch.notes, *([profile.notice] if profile.notice else [])]:
        click.echo(terminal_safe(f"note: {note}"), err=True)
    _emit(content, output, sources, plan, reference)


def _sketch_content(sketch, kind: str, words) -> str | bytes:
    if kind == "docx":
        from cvgen.bio.word import sketch_docx

        return sketch_docx(sketch, words)
    from cvgen.bio.markup import sketch_text

    return sketch_text(sketch, kind)


def _check(profile, over: list[str], truncate: bool, outcome: str) -> None:
    """Fail listing every limit exceeded, or (with --truncate) warn about each."""
    if over and not truncate:
        count = f"{len(over)} limit{'s' if len(over) != 1 else ''}"
        summary = (
            f"{count} of the {profile.funder} {profile.title} exceeded; nothing was written "
            "(--truncate keeps the first entries instead)"
        )
        raise CvgenError("\n".join([*over, summary]))
    for problem in over:
        click.echo(terminal_safe(f"warning: {outcome}: {problem}"), err=True)
