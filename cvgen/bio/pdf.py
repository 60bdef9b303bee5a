"""A biosketch as a printable HTML page and as PDF (weasyprint), with its page count.

The page size, margins and font come from the profile, so a funder's layout rule is data like
its sections.
"""

from __future__ import annotations

from markupsafe import escape

from cvgen.bio.markup import sketch_text
from cvgen.bio.profile import Profile
from cvgen.bio.sketch import Sketch

_CSS = """
@page {{ size: {size}; margin: {margin}; }}
body {{ font-family: {font_family}; font-size: {font_size}; line-height: 1.3; color: #000; }}
h2 {{ font-size: 1.35em; text-align: center; margin: 0 0 0.2em; }}
h2 + p {{ text-align: center; font-weight: bold; margin: 0 0 1em; }}
h3 {{ font-size: 1.05em; text-transform: uppercase; border-bottom: 0.5pt solid #000;
      margin: 1em 0 0.4em; }}
h4 {{ font-size: 1em; margin: 0.7em 0 0.3em; }}
ul, ol {{ margin: 0.2em 0; padding-left: 1.6em; }}
li {{ margin-bottom: 0.25em; }}
ul {{ list-style: none; padding-left: 0; }}
p {{ margin: 0.3em 0; text-align: justify; }}
a {{ color: inherit; text-decoration: none; }}
u.student {{ text-decoration: underline; }}
.legend {{ font-size: 0.9em; margin-top: 1em; }}
"""


def sketch_html_document(sketch: Sketch) -> str:
    page = sketch.profile.page
    css = _CSS.format(
        size=page.size,
        margin=page.margin,
        font_family=page.font_family,
        font_size=page.font_size,
    )
    title = escape(f"{sketch.profile.title} — {sketch.name}")
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title}</title>\n<style>{css}</style>\n</head>\n<body>\n"
        f"{sketch_text(sketch, 'html')}</body>\n</html>\n"
    )


def sketch_pdf(sketch: Sketch) -> bytes:
    from cvgen.writers.pdf.weasy import html_to_pdf

    return html_to_pdf(sketch_html_document(sketch))


def page_violations(profile: Profile, pages: int) -> list[str]:
    limit = profile.page.pages
    if not limit or pages <= limit:
        return []
    return [
        f"{profile.title}: {pages} pages, {profile.funder} allows {limit} — "
        "narrow with --tag, --since or --last"
    ]
