"""`cvgen import dblp|orcid|openalex|doi`: append a source's papers that the .bib lacks.

(`import` is a Python keyword, hence the module's name; the command is `cvgen import`.)
"""

from __future__ import annotations

from pathlib import Path

import click

from cvgen.cli.remote_context import RemoteContext, import_options, run_import
from cvgen.errors import CvgenError


@click.group(name="import")
def command() -> None:
    """Append publications from DBLP, ORCID, OpenAlex or Crossref to the .bib; bring a career
    from ORCID (orcid --career) or a JSON Resume (jsonresume) into cv.yaml.

    Papers already in the .bib (same DOI, arXiv id, or title and year) are never added twice;
    preprints of published papers are left out unless --include-preprints. The rest of the
    file is kept byte for byte. With no id, the one under publications: sources: is used.
    """


def _configured(given: str | None, context: RemoteContext, name: str) -> str:
    """The id given on the command line, else cv.yaml's, checked (ids.py) with a plain error."""
    from cvgen.util import ids

    value = given or getattr(context.sources, name)
    if not value:
        raise CvgenError(
            f"give the {name} id, or set publications: sources: {name}: in {context.cv_path}"
        )
    check = {"dblp": ids.dblp_pid, "orcid": ids.orcid_id, "openalex": ids.openalex_author}[name]
    try:
        return check(value)
    except ValueError as error:
        raise click.BadParameter(str(error)) from None


@command.command(name="dblp")
@click.argument("pid", required=False)
@import_options
def dblp(context: RemoteContext, pid: str | None, dry_run: bool, include_preprints: bool) -> None:
    """Papers of a DBLP person.

    PID is the part after dblp.org/pid/ (e.g. 71/8342), or the profile URL.
    """
    from cvgen.remote.dblp import DblpSource

    source = DblpSource(_configured(pid, context, "dblp"), context.is_own())
    run_import(context, [source], f"cvgen import dblp {source.pid}", dry_run, include_preprints)


@command.command(name="orcid")
@click.argument("orcid_id", metavar="ORCID-ID", required=False)
@click.option(
    "--career",
    is_flag=True,
    help="Also add to cv.yaml what the record holds and cv.yaml lacks: degrees, employments, "
    "distinctions, fundings, memberships, services, peer reviews (never changing what is there).",
)
@import_options
def orcid(
    context: RemoteContext,
    orcid_id: str | None,
    career: bool,
    dry_run: bool,
    include_preprints: bool,
) -> None:
    """Works on an ORCID record, and with --career the rest of it.

    Full records come from Crossref by DOI, else from ORCID (default: sources: orcid, else
    person.orcid).
    """
    from cvgen.remote.orcid import OrcidSource

    chosen = (
        orcid_id or context.sources.orcid or (context.data.person.orcid if context.data else None)
    )
    checked = _configured(chosen, context, "orcid")
    summary = _add_career(context, checked, dry_run) if career else None
    source = OrcidSource(checked, context.owner, summary)
    run_import(context, [source], f"cvgen import orcid {source.orcid}", dry_run, include_preprints)


def _add_career(context: RemoteContext, orcid: str, dry_run: bool) -> dict | None:
    """Add the record's career to cv.yaml; the record's works summary, for the works import."""
    from cvgen.cli.career import add_to_cv
    from cvgen.remote.orcid_record import career_of, fetch_record, works_of

    if context.data is None:
        raise CvgenError(
            f"{context.cv_path} not found: `cvgen init DIR --from-orcid {orcid}` starts a CV"
        )
    with context.client() as client:
        record = fetch_record(client, orcid)
        found = career_of(client, record, orcid)
    proposal = {**found.data, "publications": {"sources": {"orcid": orcid}}}
    own = context.data.person.orcid
    if own and own != orcid:  # another person's record: their activities only, if asked
        proposal.pop("person", None)
        found.notes.append(f"person: cv.yaml's ORCID iD is {own}; {orcid}'s details not added")
    heading = f"cvgen import orcid {orcid} --career"
    add_to_cv(context.cv_path, proposal, heading, found.notes, dry_run)
    return works_of(record)


@command.command(name="openalex")
@click.argument("author", metavar="AUTHOR-ID", required=False)
@import_options
def openalex(
    context: RemoteContext, author: str | None, dry_run: bool, include_preprints: bool
) -> None:
    """Works of an OpenAlex author.

    AUTHOR-ID is like A5023888391, or the openalex.org URL.
    """
    from cvgen.remote.openalex import OpenAlexSource

    source = OpenAlexSource(_configured(author, context, "openalex"))
    run_import(
        context, [source], f"cvgen import openalex {source.author}", dry_run, include_preprints
    )


def _dois(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> list[str]:
    from cvgen.util.ids import bare_doi

    dois = []
    for value in values:
        doi = bare_doi(value)
        if doi is None:
            raise click.BadParameter(f"{value!r} is not a DOI (10.1234/...)")
        dois.append(doi)
    return dois


@command.command(name="doi")
@click.argument("dois", metavar="DOI...", nargs=-1, required=True, callback=_dois)
@import_options
def doi(context: RemoteContext, dois: list[str], dry_run: bool, include_preprints: bool) -> None:
    """Papers by DOI (metadata from Crossref)."""
    from cvgen.remote.crossref import DoiSource

    source = DoiSource(dois)
    run_import(context, [source], f"cvgen import doi {' '.join(dois)}", dry_run, include_preprints)


@command.command(name="jsonresume")
@click.argument("resume", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.option(
    "--cv",
    "cv_path",
    type=click.Path(path_type=Path, dir_okay=False),
    default=Path("cv.yaml"),
    show_default=True,
    help="The cv.yaml to write (made when missing) or add to.",
)
@click.option("--dry-run", is_flag=True, help="Print what would be added; change nothing.")
def jsonresume(resume: Path, cv_path: Path, dry_run: bool) -> None:
    """A JSON Resume (resume.json) into cv.yaml: written when there is none, else only what it
    lacks is added (nothing it holds is changed). What cv.yaml has no place for is listed."""
    from cvgen.cli.career import add_to_cv, new_cv
    from cvgen.load.jsonresume import read_resume

    found = read_resume(resume)
    source = f"cvgen import jsonresume {resume.name}"
    if cv_path.exists():
        add_to_cv(cv_path, found.data, source, found.notes, dry_run)
    else:
        new_cv(cv_path, found.data, source, found.notes, dry_run)
