"""`cvgen serve`: a live preview of the CV in the browser while its inputs are edited.

One builder thread turns each save (seen by cvgen.build.watch) into a new State (state.py): the
web page at once, then the PDF and its pages as images (views.py), or the problems found, with
the last good preview kept (problems.py). http.py serves that state and the page (page/) to
127.0.0.1 only; server.py binds, starts and stops it all.
"""
