"""Legal but doubtful career data, reported by `cvgen check` as located warnings, never fatal.

A leadership post filed as a plain appointment or as service, a current student without a
start, a title already written into the name, administrative posts the CV's `sections:` leaves
out, and a section of one's own that cv.yaml now has a key for.
"""

from __future__ import annotations

from collections.abc import Callable

from cvgen.load.leadership import names_leadership
from cvgen.model import ADOPTED_SECTIONS, CvData, ServiceCategory
from cvgen.util.yaml_lines import Loc

Warn = Callable[[Loc, str], None]
# Service at one's own institution, where a dean or a head of department is a post held, not
# service given (a society's president or a programme chair stays service).
_INSTITUTIONAL = (ServiceCategory.DEPARTMENTAL, ServiceCategory.UNIVERSITY)
_ADMINISTRATIVE = "Administrative and Leadership Positions"


def career_warnings(cv: CvData, warn: Warn) -> None:
    _leadership_warnings(cv, warn)
    _title_warnings(cv, warn)
    for i, student in enumerate(cv.students):
        if student.status == "current" and student.start is None:
            message = (
                "a current student without a start date: their papers cannot be underlined by "
                "date, so every paper with them is; add start"
            )
            warn(("students", i, "start"), message)
    for name in ADOPTED_SECTIONS:
        if name in cv.custom:
            message = (
                f"cv.yaml now has a {name}: section of its own ({_FIELDS[name]}); move these "
                "entries there, so that bios and exports know them as such"
            )
            warn(("custom", name), message)


_FIELDS = {
    "certifications": "name, issuer, date, end, identifier, note",
    "memberships": "organization, role, start, end, note",
}


def _leadership_warnings(cv: CvData, warn: Warn) -> None:
    """Posts whose title names an office but that are not marked administrative."""
    for i, job in enumerate(cv.appointments):
        if "kind" not in job.model_fields_set and names_leadership(job.title):
            message = (
                f"{job.title!r} names a leadership post: add kind: administrative to list it "
                f"under {_ADMINISTRATIVE} (or kind: academic to keep it among the appointments)"
            )
            warn(("appointments", i, "title"), message)
    for i, item in enumerate(cv.service):
        if item.category in _INSTITUTIONAL and names_leadership(item.role):
            message = (
                f"{item.role!r} names a leadership post: if it is a post you held, list it "
                f"under appointments with kind: administrative ({_ADMINISTRATIVE})"
            )
            warn(("service", i, "role"), message)
    leading = any(job.kind == "administrative" for job in cv.appointments)
    if leading and cv.sections and "administration" not in cv.sections:
        message = (
            "appointments of kind administrative are printed in the administration section, "
            "which sections: leaves out; add administration where they belong"
        )
        warn(("sections",), message)


def _title_warnings(cv: CvData, warn: Warn) -> None:
    """A title or post-nominals written into the name as well: printed once, but said twice."""
    person = cv.person
    title, letters = person.titled_name()
    if person.title and title is None:
        warn(
            ("person", "title"),
            f"person.name already starts with {person.title!r}; leave it out of the name",
        )
    if person.postnominals and letters is None:
        message = (
            f"person.name already ends with {person.postnominals!r}; leave them out of the name"
        )
        warn(("person", "postnominals"), message)
