"""PDF through weasyprint: the HTML page with its print stylesheet, no TeX needed.

`cvgen pdf --engine weasyprint` prints the HTML CV's look this way (when TeX is missing the
fallback is Typst, see pdf.py), and the bio's biosketch PDFs use `html_to_pdf` too.
weasyprint is imported inside the functions: it takes about a second to load and most commands
never need it.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from cvgen.document import Document
from cvgen.util.progress import step
from cvgen.writers import WriteOptions
from cvgen.writers.html.writer import WRITER as HTML


def html_to_pdf(html: str, base_url: str | None = None) -> bytes:
    """A PDF of the given HTML (its @page rules decide paper and margins); base_url resolves
    relative resources such as images."""
    from weasyprint import HTML as WeasyHTML

    from cvgen.files.local_urls import LocalFiles

    # Files in the CV's folder and data: only, never the network (see local_resources.py).
    page = WeasyHTML(string=html, base_url=base_url, url_fetcher=LocalFiles(base_url))
    # PDF/UA-1: tagged (headings, lists, tables, links) for screen readers, with the page's
    # language and title; its bookmarks come from the headings.
    with step("Printing the web page with weasyprint"):
        return page.write_pdf(pdf_variant="pdf/ua-1")


class WeasyWriter:
    def write(self, document: Document, options: WriteOptions) -> bytes:
        html = HTML.write(document, replace(options, fragment=False, paper=options.paper or "a4"))
        base = Path(options.source_dir).resolve().as_uri() + "/" if options.source_dir else None
        return html_to_pdf(html, base_url=base)


WRITER = WeasyWriter()
