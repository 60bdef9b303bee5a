"""Four places where citeproc-py 0.11 departs from the CSL 1.0.2 specification visibly in a CV,
put right (once per process, before any style is used):

- cs:label is rendered "only if the selected variable is non-empty": citeproc-py printed the
  label anyway (ACS gave "2026, p ." for an entry without pages);
- text-case="capitalize-first" capitalises the first word "if the word is lowercase": citeproc-py
  capitalised any word (APA gave "ArXiv:2603.05521");
- cs:name initialize="false" keeps given names whole ("Shao-Hsun Keng"): citeproc-py ignored
  it and initialised them whenever initialize-with was set (Chicago gave "S.-H. Keng");
- a shortened page range ("minimal", "minimal-two") leaves out only digits the second number
  repeats: citeproc-py cut ranges whose numbers differ in length (MLA gave "pp. 1–2" for
  pages 1–52, "5–3" for 5–123).
"""

from __future__ import annotations

import functools
from typing import Any

from citeproc import model
from citeproc.string import String

from cvgen.citations import sentinels


def _label_only_for_present_variables(render: Any) -> Any:
    @functools.wraps(render)
    def wrapper(self: Any, item: Any, variable: str | None = None, *args: Any, **kwargs: Any):
        name = self.get("variable")
        present = not name or name == "locator" or name.replace("-", "_") in item.reference
        if variable is None and not present:
            return None
        return render(self, item, variable, *args, **kwargs)

    wrapper.fixed = True  # type: ignore[attr-defined]
    return wrapper


def _capitalize_lowercase_first_word(capitalize: Any) -> Any:
    @functools.wraps(capitalize)
    def wrapper(self: Any) -> Any:
        text = sentinels.SENTINEL.sub("", str(self))
        first_word = text.split(maxsplit=1)[0] if text.strip() else ""
        return capitalize(self) if first_word.islower() else self

    wrapper.fixed = True  # type: ignore[attr-defined]
    return wrapper


def _initialize_unless_told_not_to(initialize: Any) -> Any:
    @functools.wraps(initialize)
    def wrapper(self: Any, given: str, mark: str, context: Any) -> str:
        if self.get("initialize", "true").lower() == "false":
            return given
        return initialize(self, given, mark, context)

    wrapper.fixed = True  # type: ignore[attr-defined]
    return wrapper


def _shorten_only_repeated_digits(format_last_page: Any) -> Any:
    @functools.wraps(format_last_page)
    def wrapper(self: Any, first: str, last: str) -> str:
        if len(first) != len(last):  # nothing of 52 repeats 1: the whole number stays
            return last
        return format_last_page(self, first, last)

    wrapper.fixed = True  # type: ignore[attr-defined]
    return wrapper


def install() -> None:
    targets = (
        (model.Label, "render", _label_only_for_present_variables),
        (String, "capitalize_first", _capitalize_lowercase_first_word),
        (model.Name, "initialize", _initialize_unless_told_not_to),
        (model.FormatNumber, "_format_last_page", _shorten_only_repeated_digits),
    )
    for cls, name, fix in targets:
        current = getattr(cls, name)
        if not getattr(current, "fixed", False):
            setattr(cls, name, fix(current))
