"""Safe links (util/urls.py): only web, mail, DOI and relative links."""

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
