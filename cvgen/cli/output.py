"""Where a command's output goes: a file (output/NAME beside cv.yaml by default), or stdout for
`-o -`. Every command writes through here, so all say "Wrote PATH" alike (on stderr, so that
stdout carries only content), every file goes through build/targets.py's checks (a default
path a link leads away, an input, a folder are refused), and a binary file is never poured
onto a terminal."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from cvgen.build.plan import Plan, load_plan
from cvgen.build.request import Request
from cvgen.build.targets import Target, refuse, write_target
from cvgen.cli.report import echo_warnings, note
from cvgen.errors import CvgenError
from cvgen.load.sources import Sources
from cvgen.model import CvData
from cvgen.util.characters import terminal_safe

STDOUT = "-"


def output_target(given: Path | None, sources: Sources, name: str) -> Target:
    """-o as typed (trusted; `-` is stdout), else output/NAME beside cv.yaml: a default, which
    refuse() checks stays in cv.yaml's folder."""
    if given is not None:
        return Target(given)
    return Target(sources.output_dir / name, typed=False)


def is_stdout(target: Target | Path | None) -> bool:
    path = target.path if isinstance(target, Target) else target
    return path is not None and str(path) == STDOUT


def check_output(
    target: Target,
    sources: Sources,
    data: CvData | None,
    request: Request | None = None,
    extra: tuple[Path, ...] = (),
) -> None:
    """Refuse a target the command must not write (see build/targets.py), before the (perhaps
    slow) rendering; stdout is never refused."""
    if not is_stdout(target):
        refuse(target, sources, data, request, extra)


def write_output(
    target: Target,
    content: str | bytes,
    sources: Sources,
    data: CvData | None,
    request: Request | None = None,
    extra: tuple[Path, ...] = (),
    how: str = "",
) -> None:
    """Write `content` to the target atomically (unless refused) and say so, or to stdout for
    `-o -` (text as it is; binary content only when stdout is not a terminal)."""
    if is_stdout(target):
        to_stdout(content)
        return
    path = write_target(target, content, sources, data, request, extra)
    note(f"Wrote {path}{f' ({how})' if how else ''}")


def produce(sources: Sources, request: Request, fmt: str, target: Target) -> Plan:
    """One output of a command: loaded (warnings shown), checked, rendered and written."""
    plan = load_plan(sources, request)
    echo_warnings(plan.warnings)
    check_output(target, sources, plan.cv.data, request)
    write_output(target, plan.render(fmt), sources, plan.cv.data, request)
    return plan


def to_stdout(content: str | bytes) -> None:
    if isinstance(content, str):
        click.echo(terminal_safe(content), nl=False)
        return
    stream = click.get_binary_stream("stdout")
    if stream.isatty() or sys.stdout.isatty():
        raise CvgenError(
            "this is a binary file, not shown on a terminal: redirect it "
            "(-o - > cv.pdf, or | another command) or give -o FILE"
        )
    stream.write(content)
    stream.flush()
