"""The `cvgen` command line: a click group whose commands are imported only when run.

Lazy loading keeps `cvgen --help` fast: pylatex, weasyprint and pydantic are imported by the
command that needs them, never at start-up. Each command lives in cvgen/cli/<name>.py. Every
command, and the group itself, takes --quiet and --verbose (see report.py).
"""

from __future__ import annotations

import importlib

import click

from cvgen import __version__

COMMANDS: dict[str, tuple[str, str]] = {
    "build": ("cvgen.cli.build", "Build every configured output; skip unchanged ones."),
    "check": ("cvgen.cli.check", "Validate cv.yaml and the .bib; print a summary."),
    "schema": ("cvgen.cli.schema", "Print the JSON Schema of cv.yaml (for editors)."),
    "watch": ("cvgen.cli.watch", "Rebuild every output whenever an input is saved."),
    "serve": ("cvgen.cli.serve", "Preview the CV in your browser, live as you edit."),
    "init": ("cvgen.cli.init", "Write a starter cv.yaml and publications.bib."),
    "pdf": ("cvgen.cli.pdf", "Typeset the CV as a PDF with TeX, Typst or weasyprint."),
    "latex": ("cvgen.cli.latex", "Write the CV's LaTeX source (output/cv.tex)."),
    "filter": ("cvgen.cli.filter", "Print selected publications (text, bibtex, json, ...)."),
    "styles": ("cvgen.cli.styles", "List the citation styles --style accepts."),
    "themes": ("cvgen.cli.themes", "List the themes --theme accepts (yours too)."),
    "locales": ("cvgen.cli.locales", "List the languages --locale accepts (yours too)."),
    "stats": ("cvgen.cli.stats", "Publications per year and type; --plot for a chart."),
    "html": ("cvgen.cli.html", "Write the CV as one self-contained web page."),
    "docx": ("cvgen.cli.docx", "Write the CV as a Word document (output/cv.docx)."),
    "export": ("cvgen.cli.export", "Publications for Jekyll, Hugo, al-folio, academicpages."),
    "bio": ("cvgen.cli.bio", "A short bio to a word limit, or an NSF/NIH/ERC biosketch."),
    "import": (
        "cvgen.cli.import_",
        "Add papers from DBLP, ORCID, OpenAlex or DOIs to the .bib.",
    ),
    "sync": ("cvgen.cli.sync", "Add what the configured sources know; --check lists it."),
    "metrics": ("cvgen.cli.metrics", "Fetch citation counts and h-index into metrics.yaml."),
    "completion": ("cvgen.cli.completion", "Print the tab-completion script of bash, zsh or fish."),
}


def _verbosity(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    from cvgen.cli.report import print_notices

    if value:
        print_notices(param.name or "normal")


VERBOSITY = (
    click.Option(
        ["-q", "--quiet"],
        is_flag=True,
        expose_value=False,
        is_eager=True,
        callback=_verbosity,
        help="Print only warnings and errors (no progress line either).",
    ),
    click.Option(
        ["-v", "--verbose"],
        is_flag=True,
        expose_value=False,
        is_eager=True,
        callback=_verbosity,
        help="Also print what is read, cached and run, with timings.",
    ),
)


def with_verbosity(command: click.Command) -> click.Command:
    """`command` (and a group's subcommands) with --quiet and --verbose."""
    names = {param.name for param in command.params}
    command.params.extend(option for option in VERBOSITY if option.name not in names)
    for sub in getattr(command, "commands", {}).values():
        with_verbosity(sub)
    return command


class LazyGroup(click.Group):
    """A group that imports a command's module only when that command is invoked, and shows
    the errors core code raises (CvgenError) as messages with exit status 1."""

    def invoke(self, ctx: click.Context) -> object:
        from cvgen.cli.report import show_error
        from cvgen.errors import CvgenError

        try:
            return super().invoke(ctx)
        except CvgenError as error:
            show_error(error)
            ctx.exit(1)

    def make_context(self, info_name, args, parent=None, **extra) -> click.Context:
        """Each run starts at the normal level; --quiet or --verbose, where given, change it
        as they are parsed (on the group or on the command)."""
        from cvgen.cli.report import print_notices

        print_notices("normal")
        return super().make_context(info_name, args, parent, **extra)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module = importlib.import_module(COMMANDS[cmd_name][0])
        return with_verbosity(module.command)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, COMMANDS[name][1]) for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="cvgen")
def main() -> None:
    """Compile one academic career (cv.yaml + publications.bib) into a LaTeX/PDF CV, an HTML
    page, a Word document, a short bio or a tailored publication list.

    Every command reads the cv.yaml of the current folder or the nearest folder above it (up
    to the repository's root or your home folder), or the one --cv names, and writes into
    output/ beside it. Where there is none, it shows the embedded example researcher, and
    says so. Tab completion for bash, zsh and fish: `cvgen completion --help`.
    """


with_verbosity(main)
