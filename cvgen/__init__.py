"""cvgen: compile one academic career (cv.yaml + BibTeX) into every document it must become."""

__version__ = "0.1.0"
