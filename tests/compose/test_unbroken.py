"""Where no line may break (cvgen/compose/unbroken.py): number ranges kept whole as `nobreak`
spans, titles and initials tied to the names after them; every writer honours both, and the
text reads as written (a tie is a no-break space)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cvgen.compose.unbroken import kept_spans, tied
from cvgen.document import Span, plain_text
from cvgen.model import CV
from cvgen.writers import WriteOptions
from cvgen.writers.html.markup import spans_to_html
from cvgen.writers.latex.markup import spans_to_latex
from cvgen.writers.typst.writer import template_data
from tests.support.rendering import document, render


def ranges(spans: list[Span]) -> list[str]:
    return [span.text for span in kept_spans(spans) if span.nobreak]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Mathematical Programming, 212(1–2), pp.\u00a0455–497, 2025.", ["1–2", "455–497"]),
        ("vol. 3, pp. S12–S19 and e1001–e1010.", ["S12–S19", "e1001–e1010"]),
        ("no. 4-5; ISBN 978-3-16-148410-0.", ["4-5", "978-3-16-148410-0"]),
        # Not ranges: a URL's path, a report number's parts, a word with a digit, decimals.
        ("Code at https://x.org/v1-2 and NBIT-CS-TR-2021-07.", []),
        ("COVID-19 and 2019-nCoV, 2.3–2.5 per cent.", []),
        ("An identifier a1-b2-c3-d4-e5-f6-g7-h8-i9-j10 too long to keep.", []),
        # In a right-to-left phrase too: kept whole and left to right, so it reads 1–10
        # (ascending), never 10–1.
        ("כרך 3, עמ׳\u00a01–10.", ["1–10"]),
    ],
)
def test_number_ranges_are_kept_whole(text: str, kept: list[str]) -> None:
    assert ranges([Span(text)]) == kept


def test_a_link_is_never_cut_into_pieces() -> None:
    link = Span("pp. 12–14", href="https://doi.org/10.1/x")
    assert kept_spans([link]) == [link]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Advisors: Prof. Amnon Shalev and Dr. Dafna Rosen.", "Prof.~Amnon|Dr.~Dafna"),
        ("J. C. Okafor and Dr. van der Berg", "J.~C.~Okafor|Dr.~van"),
        ("Prof. Dr. Jürgen Müller, Ž. Žižek", "Prof.~Dr.~Jürgen|Ž.~Žižek"),
        # A surname or a word ending a sentence is no title; "e.g." is no initial.
        ("Lin Qiao. Learning at scale, e.g. Rome. The end.", ""),
    ],
)
def test_titles_and_initials_are_tied_to_the_name(text: str, expected: str) -> None:
    ties = [part for part in tied(text).replace("\u00a0", "~").split() if "~" in part]
    assert "|".join(ties) == expected.replace(" ", "")


@given(st.lists(st.builds(Span, st.text(), bold=st.booleans(), underline=st.booleans())))
def test_text_and_styles_stay_as_written(spans: list[Span]) -> None:
    kept = kept_spans(spans)
    assert plain_text(kept) == plain_text([Span(tied(span.text)) for span in spans])
    assert plain_text(kept).replace("\u00a0", " ") == plain_text(spans).replace("\u00a0", " ")
    styled = [(ch, s.bold, s.underline) for s in spans for ch in tied(s.text)]
    assert [(ch, s.bold, s.underline) for s in kept for ch in s.text] == styled


def test_every_writer_keeps_a_range_on_one_line() -> None:
    spans = [Span("Vol. 212("), Span("1–2", nobreak=True), Span(")")]
    assert spans_to_latex(spans) == r"Vol. 212(\mbox{1–2})"
    assert str(spans_to_html(spans)) == 'Vol. 212(<span class="nobreak">1–2</span>)'


def test_the_example_prints_its_titles_tied_and_its_ranges_whole(example_cv: CV) -> None:
    doc = document(example_cv)
    texts = [plain_text(spans) for e in doc.all_entries() for spans in (e.title, *e.details)]
    assert any("Prof.\u00a0Amnon Shalev" in text for text in texts)
    assert not any("Prof. " in text or "Dr. " in text for text in texts)
    kept = {s.text for e in doc.all_entries() for s in e.title if s.nobreak}
    assert {"1638–1642", "1–2"} <= kept
    assert "pp.\u00a01638–1642" in render(example_cv, "markdown")  # Markdown: as it is


def test_typst_reads_the_ranges_and_the_widest_date_from_its_data(example_cv: CV) -> None:
    data = template_data(document(example_cv), WriteOptions())
    groups = [g for section in data["document"]["sections"] for g in section["groups"]]
    spans = [s for g in groups for e in g.get("entries", []) for s in e["title"]]
    assert {s["text"] for s in spans if s.get("nobreak")} >= {"1638–1642", "1–2"}
    assert data["date_sample"] == "10/2006 – 08/2010"  # as the LaTeX themes' \cvdatesample
