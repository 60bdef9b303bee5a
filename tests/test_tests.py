"""The tests mirror the code (RenderCV's test of its tests): every module of cvgen is imported
by a test in the folder that mirrors it, every test folder mirrors a part of cvgen, and a test
file named after a module tests that module.

`cvgen/load/bibtex/names.py` is mirrored by `tests/load/bibtex/` (its package's folder) or by
`tests/load/bibtex/names/` (a folder of its own, as `tests/select/` for `cvgen/select.py`);
a top-level module such as `cvgen/errors.py` by `tests/` itself. The commands of `cvgen/cli/`
are tested through the command line (`tests/cli/`, `tests/e2e/`), so importing them is not
asked; their helpers are modules like any other. Imports are read with `ast`, inside functions
too: `import cvgen.x`, `from cvgen.x import y` and `from cvgen.x import module` all count.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from cvgen.cli import COMMANDS
from tests.support.paths import ROOT, TESTS

PACKAGE = ROOT / "cvgen"
OWN_FOLDERS = {"support", "data", "golden", "e2e"}  # not mirrors of cvgen
# Command modules are tested through the command line (tests/cli/); `python -m cvgen` runs the
# command line when imported (tests/cli/test_main.py runs it).
COMMAND_MODULES = {module for module, _ in COMMANDS.values()} | {"cvgen.__main__"}


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def has_code(path: Path) -> bool:
    """A module with more than a docstring (an empty package's __init__ has nothing to test)."""
    body = ast.parse(path.read_text(encoding="utf-8")).body
    return any(
        not (isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)) for node in body
    )


@cache
def cvgen_modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def modules_to_test() -> list[str]:
    return sorted(
        name
        for name, path in cvgen_modules().items()
        if has_code(path) and name not in COMMAND_MODULES
    )


def mirrors(name: str) -> list[Path]:
    """The test folders that mirror a module: its package's, and one named after it."""
    parts = name.split(".")[1:]
    return [TESTS.joinpath(*parts[:-1]), TESTS.joinpath(*parts)] if parts else [TESTS]


def imported(path: Path) -> set[str]:
    """The cvgen modules a file imports, anywhere in it."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.startswith("cvgen")}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found |= {node.module, *(f"{node.module}.{alias.name}" for alias in node.names)}
    return found & cvgen_modules().keys()


def files_in(folder: Path) -> Iterator[Path]:
    return folder.glob("test_*.py") if folder.is_dir() else iter(())


def test_every_module_is_imported_by_a_test_in_its_mirrored_folder() -> None:
    untested = [
        name
        for name in modules_to_test()
        if not any(name in imported(test) for folder in mirrors(name) for test in files_in(folder))
    ]
    assert untested == [], "modules no test of their mirrored folder imports"


def test_every_test_folder_mirrors_a_part_of_cvgen() -> None:
    folders = [
        folder.relative_to(TESTS)
        for folder in TESTS.rglob("*")
        if folder.is_dir() and folder.name != "__pycache__"
    ]
    strays = [
        str(folder)
        for folder in folders
        if folder.parts[0] not in OWN_FOLDERS
        and not (PACKAGE / folder).is_dir()
        and not (PACKAGE / folder).with_suffix(".py").is_file()
    ]
    assert strays == [], "test folders that mirror no package or module of cvgen"


def test_every_test_folder_is_a_package() -> None:
    """Two test files of one name in two folders (tests/cli/test_html.py and a writer's) need
    their folders to be packages, or pytest refuses the second."""
    folders = {test.parent for test in TESTS.rglob("test_*.py")} | {TESTS / "support"}
    assert sorted(str(f) for f in folders if not (f / "__init__.py").is_file()) == []


def test_a_test_named_after_a_module_imports_it() -> None:
    """tests/load/bibtex/test_names.py is about cvgen/load/bibtex/names.py, so it imports it."""
    misnamed = []
    for test in TESTS.rglob("test_*.py"):
        folder = test.parent.relative_to(TESTS)
        if folder.parts[:1] and folder.parts[0] in OWN_FOLDERS:
            continue
        stem = test.stem.removeprefix("test_")
        name = ".".join(["cvgen", *folder.parts, stem])
        if name in cvgen_modules() and name not in COMMAND_MODULES and name not in imported(test):
            misnamed.append(str(test.relative_to(TESTS)))
    assert misnamed == []


def test_the_rules_see_what_they_check() -> None:
    """The walk finds the modules, and a command module is left to the command-line tests."""
    names = modules_to_test()
    assert {"cvgen.load.bibtex.names", "cvgen.select", "cvgen.cli.options"} <= set(names)
    assert "cvgen.cli.pdf" not in names and "cvgen.load.bibtex" not in names  # empty package
    assert mirrors("cvgen.load.bibtex.names") == [
        TESTS / "load" / "bibtex",
        TESTS / "load" / "bibtex" / "names",
    ]
    assert "cvgen.load.bibtex.names" in imported(TESTS / "load" / "bibtex" / "test_names.py")
