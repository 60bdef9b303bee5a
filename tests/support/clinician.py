"""The clinician-scientist of tests/data/clinician, who uses every field of issue 16."""

from __future__ import annotations

from click.testing import CliRunner

from cvgen.cli import main
from cvgen.load.sources import Sources
from tests.support.paths import DATA

FOLDER = DATA / "clinician"
SOURCES = Sources(cv=FOLDER / "cv.yaml", bib=FOLDER / "publications.bib")
ARGS = ["--cv", str(SOURCES.cv), "--bib", str(SOURCES.bib)]


def run_clinician(*args: str) -> str:
    """A command on the clinician's files; its output, after checking it succeeded."""
    result = CliRunner().invoke(main, [*args, *ARGS])
    assert result.exit_code == 0, result.output
    return result.output


DECLINED = "Alon Fellowship for Outstanding Young Researchers"


NEW_FIELDS: dict[str, tuple[str, ...]] = {
    "person": ("birth_date", "birth_place", "citizenship", "family_status", "other_details"),
    "education": ("track", "awarded", "gpa", "note"),
    "appointments": ("host", "note"),
    "awards": ("declined", "per", "amounts", "note", "stage"),
    "grants": ("role_kind", "per", "in_kind", "amounts", "tags", "note"),
    "students": ("role", "primary_supervisor", "previous_supervisor", "direct_track", "note"),
    "talks": ("language", "count", "end", "tags", "note"),
    "service": ("note",),
    "press": ("note",),
}


DESIGN_FIELDS = ("dates", "awards_by_stage", "personal_details", "personal_details_in_jsonld")
