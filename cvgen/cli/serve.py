"""`cvgen serve`: a live preview of the CV in the browser while you edit it."""

from __future__ import annotations

import signal
import threading
import webbrowser

import click

from cvgen.cli.source_options import source_options
from cvgen.formats import ENGINES
from cvgen.load.sources import Sources


def _stop_on_sigterm() -> None:
    """`kill` stops the server as Ctrl-C does: cleanly."""

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, interrupt)


@click.command(name="serve")
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    help="The port to listen on; 0: any free one [default: 8000, or the next free one].",
)
@click.option(
    "--host",
    help="Listen on this address instead of 127.0.0.1, e.g. 0.0.0.0 to preview on your phone. "
    "Anyone who can reach that address can then read your CV.",
)
@click.option("--open", "open_browser", is_flag=True, help="Open the preview in your browser.")
@click.option(
    "--engine",
    type=click.Choice(ENGINES),
    default="typst",
    show_default=True,
    help="The PDF engine of the PDF pane (as `cvgen pdf --engine`); typst is the fastest.",
)
@source_options
def command(
    sources: Sources, port: int | None, host: str | None, open_browser: bool, engine: str
) -> None:
    """Preview the CV in your browser, updated as you save cv.yaml, the .bib, a theme, a
    template or a words file: the web page and the PDF side by side, a switcher for the
    variants, themes, languages, citation styles, the bio and the biosketches, and every error
    shown in the page with its file, line and field, over the last good preview.

    Listens on 127.0.0.1 only (unless --host), writes no file, and stops with Ctrl-C.
    """
    from cvgen.build.serve.server import DEFAULT_HOST, Preview, is_loopback

    if host is not None and not is_loopback(host):
        click.echo(
            f"warning: listening on {host}: anyone who can reach this machine there can read "
            "your CV (cvgen serve answers to 127.0.0.1 and localhost only, without --host)",
            err=True,
        )
    preview = Preview(sources, engine=engine, host=host or DEFAULT_HOST, port=port)
    _stop_on_sigterm()
    preview.start()
    click.echo(f"Previewing {sources.cv} at {preview.url}  (Ctrl-C to stop)")
    if open_browser:
        webbrowser.open(preview.url)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        for stop in (signal.SIGINT, signal.SIGTERM):  # a second Ctrl-C while it stops
            signal.signal(stop, signal.SIG_IGN)
        preview.close()
    click.echo("Stopped.", err=True)
