"""What a command or a build output asks for: which part of the CV (the selection) and how to
show it (the presentation). A variant in cv.yaml may set both; the command line wins.

A request is resolved once (build/plan.py) into everything composing and writing need.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from cvgen.model import CvData, Numbering
from cvgen.select import Selection, resolve_variant


@dataclass(frozen=True)
class Presentation:
    """How to show the selected CV. None means "not asked": the variant's, else cv.yaml's
    design, else the theme's or the writer's default."""

    numbering: Numbering | None = None
    reverse: bool | None = None
    style: str | None = None  # a citation style: cvgen's own, a CSL name or a .csl file
    theme: str | None = None  # a theme name (cvgen themes)
    locale: str | None = None  # a language code
    paper: str | None = None  # a4 or letter
    engine: str = "auto"  # pdf: auto, pdflatex, lualatex, xelatex, typst or weasyprint
    fragment: bool = False  # html: only the body, for a site's own layout
    reference_docx: Path | None = None  # docx: the Word file whose styles and page to take
    missing_characters: str | None = None  # pdf: error or warn


# A variant's presentation settings, by their names in cv.yaml.
_FROM_VARIANT = {
    "numbering": "numbering",
    "reverse": "reverse",
    "style": "citation_style",
    "theme": "theme",
    "locale": "locale",
}


@dataclass(frozen=True)
class Request:
    selection: Selection = field(default_factory=Selection)
    presentation: Presentation = field(default_factory=Presentation)

    @property
    def variant(self) -> str | None:
        return self.selection.variant

    def resolved(self, data: CvData) -> Request:
        """The variant's selection and presentation under the command line's, and the CV's
        date (design.as_of) when none was given: --last counts back from it."""
        selection = resolve_variant(self.selection, data.variants)
        if selection.as_of is None and data.design.as_of is not None:
            selection = replace(selection, as_of=data.design.as_of)
        variant = data.variants.get(selection.variant or "")
        if variant is None:
            return Request(selection, self.presentation)
        unset = {
            name: getattr(variant, key)
            for name, key in _FROM_VARIANT.items()
            if getattr(self.presentation, name) is None
        }
        return Request(selection, replace(self.presentation, **unset))


PRESENTATION_FIELDS = frozenset(f.name for f in fields(Presentation))
