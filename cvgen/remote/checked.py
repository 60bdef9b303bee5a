"""An imported entry as cvgen will write it, checked by cvgen's own loader first.

What a service says reaches the user's .bib, so it is held to what cvgen itself accepts:
control characters (ESC, BEL: a title could colour or clear the terminal that prints the
report, and the .bib would then fail `cvgen check`) are removed from every text, and the entry
is written as BibTeX and read back by the loader; one it would refuse (a year of 99999, an
author named " ") is left out with the loader's reason, never written.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from cvgen.exports.bibtex import to_bibtex
from cvgen.load.bibtex.file import parse_bibtex
from cvgen.model import Publication
from cvgen.util.characters import CONTROL


def _scrubbed(value: Any) -> Any:
    """`value` with control characters removed from every string inside it."""
    if isinstance(value, str):
        return CONTROL.sub("", value)
    if isinstance(value, list | tuple):
        return type(value)(_scrubbed(item) for item in value)
    if isinstance(value, dict):
        return {_scrubbed(key): _scrubbed(item) for key, item in value.items()}
    if isinstance(value, BaseModel):
        fields = {name: getattr(value, name) for name in type(value).model_fields}
        changed = {name: new for name, old in fields.items() if (new := _scrubbed(old)) != old}
        return value.model_copy(update=changed) if changed else value
    return value


def scrubbed(pub: Publication) -> Publication:
    """The publication without a control character in any of its texts."""
    return _scrubbed(pub)


def refusal(pub: Publication) -> str | None:
    """Why cvgen's loader would refuse the entry as written, or None."""
    pubs, problems = parse_bibtex(to_bibtex([pub]), "import")
    errors = [problem.message for problem in problems if problem.is_error]
    if errors:
        return errors[0]
    return None if len(pubs) == 1 else "it does not read back as one entry"
