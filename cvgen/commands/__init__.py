"""One module per CLI command, each exposing `command`; see cvgen/cli.py."""
