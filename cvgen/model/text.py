"""Text in several languages: any text value of cv.yaml may be one text per language.

`title: {en: Professor of Physiology, he: פרופסור לפיזיולוגיה}` is read into a `Translations`,
a str (the first text given, so code that never localizes still sees text) that keeps every
language's text. One pure transform right after loading, `localized`, replaces each by the
text of the CV's language, else the first of the design's fallback languages it has, else its
first: nothing downstream (selection, composition, writers, bios) ever sees a mapping. Each
value that falls back is reported (`cvgen check --locale he` lists them).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any, TypeVar

from pydantic import (
    BaseModel,
    Field,
    PlainSerializer,
    ValidatorFunctionWrapHandler,
    WithJsonSchema,
    WrapValidator,
)

from cvgen.util.languages import primary

_LANGUAGE_KEY = re.compile(r"^[a-z]{2,3}([-_][A-Za-z0-9]{2,8})*$")
T = TypeVar("T")
_KEY_PATTERN = r"^[a-z]{2,3}([-_][A-Za-z0-9]{2,8})*$"


class Translations(str):
    """A text given in several languages: the str is the first one, `texts` all of them."""

    texts: dict[str, str]

    def __new__(cls, texts: dict[str, str]) -> Translations:
        made = super().__new__(cls, next(iter(texts.values())))
        made.texts = dict(texts)
        return made

    def __reduce__(self) -> tuple[Any, ...]:
        return (Translations, (self.texts,))

    def choose(self, order: list[str]) -> tuple[str, str]:
        """(language, text) of the first language of `order` given, by its tag or its base
        language ('en' for en-US); else the first given."""
        by_tag = {key.lower().replace("_", "-"): key for key in self.texts}
        by_base = {primary(key): key for key in reversed(self.texts)}
        for wanted in order:
            key = by_tag.get(wanted.lower().replace("_", "-")) or by_base.get(primary(wanted))
            if key:
                return key, self.texts[key]
        key = next(iter(self.texts))
        return key, self.texts[key]


def _translations(value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
    if not isinstance(value, dict):
        return handler(value)
    if not value:
        raise ValueError("give the text, or one per language: {en: ..., he: ...}")
    for key, text in value.items():
        if not isinstance(key, str) or not _LANGUAGE_KEY.match(key):
            raise ValueError(
                f"{key!r} is not a language code: give the text, or one per language keyed by "
                "its code, e.g. {en: Professor of Physiology, he: פרופסור לפיזיולוגיה}"
            )
        if not isinstance(text, str) or not text.strip():
            raise ValueError(f"{key}: the text in each language must be non-empty text")
    return Translations({key: text.strip() for key, text in value.items()})


def _schema(min_length: int = 0) -> dict[str, Any]:
    plain: dict[str, Any] = {"type": "string", **({"minLength": min_length} if min_length else {})}
    per_language = {
        "type": "object",
        "description": "The text in each language, keyed by its code: {en: ..., he: ...}.",
        "propertyNames": {"pattern": _KEY_PATTERN},
        "additionalProperties": {"type": "string", "minLength": 1},
        "minProperties": 1,
    }
    return {"anyOf": [plain, per_language]}


def _serialized(value: str) -> str | dict[str, str]:
    """A Translations as its mapping (the load cache's JSON reads it back as one)."""
    return dict(value.texts) if isinstance(value, Translations) else value


_SERIALIZER = PlainSerializer(_serialized, return_type=Any)
# Text, or one text per language.
Text = Annotated[str, WrapValidator(_translations), _SERIALIZER, WithJsonSchema(_schema())]
NonEmptyText = Annotated[
    str,
    Field(min_length=1),
    WrapValidator(_translations),
    _SERIALIZER,
    WithJsonSchema(_schema(1)),
]


@dataclass(frozen=True)
class Fallback:
    """A value with no text in the CV's language: where it is and which language it shows."""

    path: tuple[str | int, ...]
    shown: str
    given: tuple[str, ...]


def localized(value: T, language: str, fallback: list[str]) -> tuple[T, list[Fallback]]:
    """`value` (a model, a list, ...) with each Translations replaced by its text in
    `language`, else in the first of `fallback` it has, else its first; and the values that
    fell back. The same object where nothing is multilingual."""
    order = [language, *fallback]
    fell: list[Fallback] = []

    def pick(text: Translations, path: tuple[str | int, ...]) -> str:
        key, chosen = text.choose(order)
        if primary(key) != primary(language):
            fell.append(Fallback(path, key, tuple(text.texts)))
        return chosen

    return _walk(value, pick, ()), fell


def _walk(value: Any, pick: Callable[[Translations, tuple], str], path: tuple) -> Any:
    if isinstance(value, Translations):
        return pick(value, path)
    if isinstance(value, BaseModel):
        updates = {}
        for name, info in type(value).model_fields.items():
            old = getattr(value, name)
            new = _walk(old, pick, (*path, info.alias or name))
            if new is not old:
                updates[name] = new
        return value.model_copy(update=updates) if updates else value
    if isinstance(value, list | tuple):
        items = [_walk(item, pick, (*path, index)) for index, item in enumerate(value)]
        changed = any(new is not old for new, old in zip(items, value, strict=True))
        return type(value)(items) if changed else value
    if isinstance(value, dict):
        pairs = {key: _walk(item, pick, (*path, key)) for key, item in value.items()}
        changed = any(pairs[key] is not item for key, item in value.items())
        return pairs if changed else value
    return value
