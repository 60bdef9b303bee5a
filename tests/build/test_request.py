"""A request: what to select and how to present it, a variant's settings under the command
line's, and the CV's date for --last."""

from __future__ import annotations

from cvgen.build.request import PRESENTATION_FIELDS, Presentation, Request
from cvgen.model import CvData, PubKind, Variant
from cvgen.select import Selection
from cvgen.util.dates import Date

VARIANTS = {
    "recent": Variant(
        last=5, types=[PubKind.JOURNAL], numbering="continuous", reverse=True, theme="compact"
    ),
}
DATA = CvData(person={"name": "A B"}, variants=VARIANTS, design={"as_of": "2023-01-05"})


def test_command_line_overrides_variant_presentation() -> None:
    asked = Request(Selection(variant="recent"), Presentation(reverse=False))
    resolved = asked.resolved(DATA)
    shown = resolved.presentation
    assert shown.numbering == "continuous" and shown.reverse is False
    assert shown.theme == "compact" and shown.locale is None
    assert resolved.selection.last == 5 and resolved.selection.types == (PubKind.JOURNAL,)


def test_the_cv_s_date_is_where_last_counts_from_unless_given() -> None:
    assert Request().resolved(DATA).selection.as_of == Date.parse("2023-01-05")
    given = Request(Selection(as_of=Date.parse("2020")))
    assert given.resolved(DATA).selection.as_of == Date.parse("2020")


def test_resolving_twice_changes_nothing() -> None:
    once = Request(Selection(variant="recent")).resolved(DATA)
    assert once.resolved(DATA) == once and once.variant == "recent"


def test_presentation_fields_are_what_commands_may_set() -> None:
    assert {"theme", "locale", "style", "paper", "engine", "fragment"} <= PRESENTATION_FIELDS
    assert "since" not in PRESENTATION_FIELDS
