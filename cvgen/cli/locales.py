"""`cvgen locales`: the languages --locale and `design: locale` accept."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import click


@click.command(name="locales")
@click.option(
    "--cv",
    "cv_path",
    type=click.Path(path_type=Path, dir_okay=False),
    default=Path("cv.yaml"),
    help="Your words/ folder is the one beside this file [default: ./cv.yaml].",
)
def command(cv_path: Path) -> None:
    """List the languages, one per line: code, its name in itself and in English, and its
    direction (ltr or rtl), in columns.

    Yours are listed too: a file words/CODE.yaml beside cv.yaml (a copy of a shipped table
    with the values changed; see the README).
    """
    from cvgen.build.presentation import user_languages
    from cvgen.errors import fail_on_errors
    from cvgen.load.sources import Sources
    from cvgen.words import language_listing
    from cvgen.words.check import check_words_file

    own = user_languages(Sources(cv=cv_path))  # inside the project, each checked before it is read
    fail_on_errors([problem for path in own.values() for problem in check_words_file(path)])
    rows = language_listing(own)
    widths = [max(_width(row[index]) for row in rows) for index in range(3)]
    for row in rows:
        cells = [
            text + " " * (width - _width(text)) for text, width in zip(row[:3], widths, strict=True)
        ]
        click.echo("  ".join([*cells, row[3]]))


def _width(text: str) -> int:
    """Columns a terminal gives the text: two for a wide (CJK) character."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
