"""The `cvgen` command line: a click group whose commands are imported only when run.

Lazy loading keeps `cvgen --help` fast: pylatex, weasyprint and pydantic are imported by the
command that needs them, never at start-up. Each command lives in cvgen/commands/<name>.py.
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
}


class LazyGroup(click.Group):
    """A group that imports a command's module only when that command is invoked, and shows
    the errors core code raises (CvgenError) as messages with exit status 1."""

    def invoke(self, ctx: click.Context) -> object:
        from cvgen.cli.report import print_notices, show_error
        from cvgen.errors import CvgenError

        print_notices()
        try:
            return super().invoke(ctx)
        except CvgenError as error:
            show_error(error)
            ctx.exit(1)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module = importlib.import_module(COMMANDS[cmd_name][0])
        return module.command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, COMMANDS[name][1]) for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="cvgen")
def main() -> None:
    """Compile one academic career (cv.yaml + publications.bib) into a LaTeX/PDF CV, an HTML
    page, a Word document, a short bio or a tailored publication list.

    Every command reads ./cv.yaml and ./publications.bib unless given --cv / --bib; with
    neither present it uses the embedded example researcher.
    """
