"""The network side of cvgen: what DBLP, ORCID, OpenAlex and Crossref know about a researcher,
turned into new .bib entries (`cvgen import`, `cvgen sync`) and a metrics file (`cvgen metrics`).

Nothing here talks to a service while a CV is built: rendering reads only local files (the
loader borrows only the pure dedup.py, to warn of a paper entered twice). Every request goes
through http.py, the bounded client (bodies.py reads and checks what comes back); only the
commands that talk to a service import them (and httpx), so `cvgen --help` stays fast. What a
service says is checked by cvgen's own loader before it is written (checked.py).
"""
