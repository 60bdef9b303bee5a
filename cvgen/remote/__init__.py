"""The network side of cvgen: what DBLP, ORCID, OpenAlex and Crossref know about a researcher,
turned into new .bib entries (`cvgen import`, `cvgen sync`) and a metrics file (`cvgen metrics`).

Nothing here runs while a CV is built: rendering reads only local files. Only http.py imports
httpx, and only the commands that talk to a service import it, so `cvgen --help` stays fast.
"""
