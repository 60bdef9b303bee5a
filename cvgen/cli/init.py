"""`cvgen init DIR`: start a new CV from small, valid starter files, or from an ORCID record."""

from __future__ import annotations

from pathlib import Path

import click

from cvgen.cli.report import note
from cvgen.errors import CvgenError
from cvgen.files.atomic import write_atomic
from cvgen.files.shipped import starter_dir

STARTER_FILES = ("cv.yaml", "publications.bib")
NEW_BIB = "% Your publications in BibTeX: cvgen import and cvgen sync append to this file.\n"


@click.command(name="init")
@click.argument("directory", type=click.Path(path_type=Path, file_okay=False), default=".")
@click.option(
    "--from-orcid",
    "orcid",
    metavar="ORCID-ID",
    help="Start from an ORCID record: the person, degrees, employments, distinctions, "
    "fundings, memberships and services into cv.yaml, the works into publications.bib, and "
    "the CV built into output/cv.pdf.",
)
def command(directory: Path, orcid: str | None) -> None:
    """Write a starter cv.yaml, publications.bib and cv.schema.json into DIRECTORY."""
    from cvgen.build.schema import schema_text

    existing = [name for name in STARTER_FILES if (directory / name).exists()]
    if existing:
        raise CvgenError(
            f"{', '.join(str(directory / n) for n in existing)} already exist; "
            "not overwriting them."
        )
    if orcid:
        _from_orcid(directory, _orcid(orcid))
        write_atomic(directory / "cv.schema.json", schema_text())
        return
    for name in STARTER_FILES:
        write_atomic(directory / name, (starter_dir() / name).read_text(encoding="utf-8"))
    write_atomic(directory / "cv.schema.json", schema_text(directory))
    note(f"Wrote {', '.join(STARTER_FILES)} and cv.schema.json into {directory}/.")
    click.echo(
        f"Next: cd {directory} && cvgen check" if directory != Path() else "Next: cvgen check"
    )


def _orcid(value: str) -> str:
    from cvgen.util.ids import orcid_id

    try:
        return orcid_id(value)
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--from-orcid") from None


def _from_orcid(directory: Path, orcid: str) -> None:
    """cv.yaml from the record, publications.bib from its works, then the PDF."""
    from cvgen.cli.career import new_cv
    from cvgen.cli.remote_context import context_for, run_import
    from cvgen.remote.http import Client
    from cvgen.remote.orcid import OrcidSource
    from cvgen.remote.orcid_record import career_of, fetch_record, works_of

    with Client(None) as client:
        record = fetch_record(client, orcid)
        found = career_of(client, record, orcid)
    proposal = {**found.data, "publications": {"bib": "publications.bib"}}
    proposal["publications"]["sources"] = {"orcid": orcid}
    cv_path = directory / "cv.yaml"
    new_cv(cv_path, proposal, f"cvgen init --from-orcid {orcid}", found.notes)
    write_atomic(directory / "publications.bib", NEW_BIB)
    context = context_for(cv_path)
    source = OrcidSource(orcid, context.owner, works_of(record))
    run_import(context, [source], f"cvgen init --from-orcid {orcid}", False, False)
    _build_pdf(cv_path, directory / "output" / "cv.pdf")
    click.echo(f"Next: cd {directory}, check cv.yaml against your record, and cvgen build")


def _build_pdf(cv_path: Path, output: Path) -> None:
    from cvgen.build.request import Request
    from cvgen.build.targets import Target
    from cvgen.cli.output import produce
    from cvgen.load.sources import Sources

    sources = Sources(cv=cv_path, bib=cv_path.parent / "publications.bib")
    produce(sources, Request(), "pdf", Target(output))
