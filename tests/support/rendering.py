"""Rendering helpers for tests: a CV through compose and one writer or export."""

from __future__ import annotations

import types
import typing
from dataclasses import fields
from typing import Any, Literal

from cvgen.build.plan import Plan
from cvgen.build.request import Request
from cvgen.compose import Settings, compose
from cvgen.compose.citation import reference_spans
from cvgen.compose.unbroken import kept_spans
from cvgen.document import Document, plain_text
from cvgen.model import CV, Publication
from cvgen.themes import BASE, available, load_theme
from cvgen.words import Words, load_words
from cvgen.writers import WriteOptions

SETTINGS = tuple(item.name for item in fields(Settings))


def settings_of(options: dict) -> Settings:
    return Settings(**{key: options.pop(key) for key in SETTINGS if key in options})


def render(cv: CV, target: str, **options) -> str | bytes:
    """`target` (a writer or export) over the CV; settings and write options by keyword."""
    settings = settings_of(options)
    return Plan(cv, Request(), settings, WriteOptions(**options), []).render(target)


def document(cv: CV, **settings) -> Document:
    return compose(cv, Settings(**settings))


def listing(cv: CV, fmt: str, sections: list[str], **settings) -> str:
    return Plan(cv, Request(), Settings(**settings), WriteOptions(), []).listing(fmt, sections)


def reference(pub: Publication, words: Words | None = None) -> str:
    """A publication's reference as plain text, as the CV prints it (initials tied to names)."""
    return plain_text(kept_spans(reference_spans(pub, words or load_words())))


WORDS = load_words()


def heading(section: str, cv: CV | None = None) -> str:
    """A section's heading in English: the words table's, or a custom section's own."""
    if cv is not None and section in cv.data.custom:
        return cv.data.custom[section].heading_in(WORDS.language, section)
    return WORDS(f"sections.{section}")


def kind_heading(kind: str) -> str:
    return WORDS(f"publication_kinds.{kind}")


def is_choice(annotation: Any) -> bool:
    """Literal-typed fields hold one of a few validated words, never free text."""
    if typing.get_origin(annotation) is Literal:
        return True
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return any(is_choice(arg) for arg in typing.get_args(annotation))
    return False


def themed(cv: CV, target: str, name: str, **options) -> str:
    return render(cv, target, theme=load_theme(name), **options)  # type: ignore[return-value]


# Every shipped theme, as `cvgen themes` lists them: a new theme is tested without a new line.
THEMES = tuple(available())
OTHER_THEMES = tuple(name for name in THEMES if name != BASE)  # those laid over classic
