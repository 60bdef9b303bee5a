"""Where HTML templates come from and what they may do: a template is data, not code.

A `templates/` folder beside cv.yaml overrides the shipped templates, and it travels with the
CV: building someone else's CV repository, or a pull request in CI, renders templates its
author wrote. In a plain jinja2 environment `{{ cycler.__init__.__globals__.os.popen('id')
.read() }}` runs a shell command. So templates render in jinja2's immutable sandbox (no
attribute starting with `_`, no internals of functions or frames, `str.format` checked, no
changing lists or dicts), repetition (`'x' * n`, `n ** k`) is bounded so a template cannot
fill memory, and a template file is read only if it is a regular file of bounded size inside
its folder: a symbolic link to ~/.ssh/id_rsa would otherwise put the key in a published page.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
from jinja2.loaders import split_template_path
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

from cvgen.files.project import escape
from cvgen.files.reading import MAX_TEMPLATE, UnreadableFile, read_bytes

MAX_REPEAT = 1_000_000  # items or characters one `*` may produce
MAX_POWER_BITS = 100_000  # size of the integer one `**` may produce


class TemplateSandbox(ImmutableSandboxedEnvironment):
    """jinja2's immutable sandbox, with `*` and `**` bounded."""

    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "*":
            for sized, count in ((left, right), (right, left)):
                repeated = isinstance(sized, str | list | tuple) and isinstance(count, int)
                if repeated and len(sized) * count > MAX_REPEAT:
                    raise SecurityError(f"a repetition longer than {MAX_REPEAT:,} items")
        integers = isinstance(left, int) and isinstance(right, int)
        if operator == "**" and integers and right * abs(left).bit_length() > MAX_POWER_BITS:
            raise SecurityError(f"a power larger than {MAX_POWER_BITS:,} bits")
        return super().call_binop(context, operator, left, right)


class TemplateFolder(jinja2.BaseLoader):
    """The templates in one folder: regular files, at most MAX_TEMPLATE each, not hidden, that
    stay inside the folder once their links are resolved, and inside `root` too (the project,
    for a user's templates: the folder may itself be a link to `..`)."""

    def __init__(self, folder: str | Path, root: str | Path | None = None) -> None:
        self.folder = Path(folder)
        self.root = Path(root) if root is not None else self.folder

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        path = self.folder.joinpath(*split_template_path(template))
        if not os.path.lexists(path):
            raise jinja2.TemplateNotFound(template)
        reason = escape(path, self.folder) or escape(path, self.root)
        if reason:
            raise jinja2.TemplateError(f"{path} {reason}")
        try:
            mtime = path.stat().st_mtime
            source = read_bytes(path, MAX_TEMPLATE).decode("utf-8")
        except UnreadableFile as error:
            raise jinja2.TemplateError(f"{path}: {error}") from None
        except (OSError, UnicodeDecodeError) as error:
            raise jinja2.TemplateError(f"{path}: cannot read it as UTF-8 text ({error})") from None

        def uptodate() -> bool:
            try:
                return path.stat().st_mtime == mtime
            except OSError:
                return False

        return source, str(path), uptodate
