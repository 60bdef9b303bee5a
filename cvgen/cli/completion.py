"""`cvgen completion SHELL`: the tab-completion script of bash, zsh or fish (click's own),
which also completes the values of --theme, --locale and --style (see completers.py)."""

from __future__ import annotations

import click
from click.shell_completion import get_completion_class

SHELLS = ("bash", "zsh", "fish")


@click.command(name="completion")
@click.argument("shell", type=click.Choice(SHELLS))
def command(shell: str) -> None:
    """Print the completion script of SHELL; save it where your shell looks:

    \\b
      bash:  cvgen completion bash > ~/.local/share/bash-completion/completions/cvgen
      zsh:   cvgen completion zsh > ~/.zfunc/_cvgen   (and fpath+=~/.zfunc in ~/.zshrc)
      fish:  cvgen completion fish > ~/.config/fish/completions/cvgen.fish

    Commands, options, files, and the names --theme, --locale and --style take (your own
    themes and languages beside cv.yaml too) complete with Tab.
    """
    from cvgen.cli import main

    script = get_completion_class(shell)(main, {}, "cvgen", "_CVGEN_COMPLETE")
    click.echo(script.source())
