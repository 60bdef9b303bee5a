"""Citation styles for the publication list: cvgen's own, or any CSL style via citeproc-py.

Entry point: `cvgen.citations.style.load_style(spec, base_dir).references(pubs)`. The modules:
catalog (names -> files, no heavy imports), items (publications as marked CSL-JSON), engine
(citeproc-py, adapted to a CV), formatter and sentinels (how structure survives citeproc's
strings), decode (back to Spans with the CV's marks), cache (formatted references on disk),
speedups (memoised citeproc-py look-ups).
"""
