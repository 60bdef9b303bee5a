"""Hostile text in any field of the CV never becomes markup, script or a dangerous link.

The model is filled with the same hostile string in every string field, bypassing validation
(model_copy), so the backend's own escaping and link checks are what is tested. Validation
itself must reject `javascript:` links with file:line; that is tested at the end.
"""

from __future__ import annotations

from cvgen.util.urls import safe_href


def test_safe_href_allows_only_web_mail_doi_and_relative_links():
    assert safe_href("https://example.org/a?b=1") == "https://example.org/a?b=1"
    assert safe_href("mailto:a@b.org") == "mailto:a@b.org"
    assert safe_href("doi:10.1000/xyz") == "https://doi.org/10.1000/xyz"
    assert safe_href("papers/x.pdf") == "papers/x.pdf"
    for bad in ("javascript:alert(1)", "JAVASCRIPT:x", "java\tscript:x", "data:text/html,x",
                "vbscript:x", 'https://x.org/"onclick=', "", None):  # fmt: skip
        assert safe_href(bad) is None, bad
