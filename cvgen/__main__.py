"""`python -m cvgen`: the same command line as `cvgen`."""

from cvgen.cli import main

main(prog_name="cvgen")
