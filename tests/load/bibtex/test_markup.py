"""Web markup exporters leave in .bib values (load/bibtex/markup.py): Crossref's entities,
ADS's tags, MathML, JATS, HTML and Markdown links read as text; anything else left alone."""

from __future__ import annotations

import pytest

from cvgen.load.bibtex.markup import WebText, has_web_markup, read_web_markup


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ("Communications Earth &amp; Environment", "Communications Earth & Environment"),
        ("Nature Ecology &amp; Evolution", "Nature Ecology & Evolution"),  # Crossref
        ("Methods&#58; a review", "Methods: a review"),
        ("Hot Jupiter <ASTROBJ>51 Pegasi b</ASTROBJ>", "Hot Jupiter 51 Pegasi b"),  # ADS
        ("<i>In vivo</i> imaging", "In vivo imaging"),
        ("<jats:italic>E. coli</jats:italic> growth", "E. coli growth"),
        ("<inline-formula><tex-math>x</tex-math></inline-formula> decay", "x decay"),
        ("H<sub>2</sub>O and mc<sup>2</sup>", "H₂O and mc²"),
        ("first line<br/>second", "first line second"),
    ],
)
def test_entities_and_known_tags_are_read_as_text(value: str, text: str) -> None:
    assert read_web_markup(value) == WebText(text)


@pytest.mark.parametrize(
    ("mathml", "text"),
    [
        ("<math><mover><mi>t</mi><mo>¯</mo></mover></math>", "t\u0304"),  # accent over a base
        ("<mml:math><mml:msup><mml:mi>x</mml:mi><mml:mn>2</mml:mn></mml:msup></mml:math>", "x²"),
        (
            "<math><msubsup><mi>x</mi><mn>1</mn><mn>2</mn></msubsup>"
            '<annotation encoding="TeX">x_1^2</annotation></math>',
            "x₁²",  # the annotation repeats the formula and is not printed
        ),
        ("<math><mfrac><mi>a</mi><mn>2</mn></mfrac></math>", "a/2"),
        ("<math><msqrt><mi>x</mi></msqrt></math>", "√x"),
        ("<math><mi>x</mi><mi>y</math>", "xy"),  # not well-formed: its text, tags dropped
    ],
)
def test_mathml_becomes_plain_text(mathml: str, text: str) -> None:
    assert read_web_markup(f"Decay of {mathml} modes").text == f"Decay of {text} modes"


def test_markdown_links_give_their_label_and_their_address() -> None:
    value = "[PubMed](https://pubmed.ncbi.nlm.nih.gov/31000000/) [PR](https://example.org/pr)"
    assert read_web_markup(value) == WebText(
        "PubMed PR", ("https://pubmed.ncbi.nlm.nih.gov/31000000/", "https://example.org/pr")
    )


@pytest.mark.parametrize("value", ["effect at p < 0.05", "AT&T Labs", "[1](not a link)"])
def test_text_that_only_looks_like_markup_is_kept(value: str) -> None:
    assert read_web_markup(value) == WebText(value)


def test_has_web_markup_is_true_only_for_what_may_hold_markup() -> None:
    assert has_web_markup("A &amp; B") and has_web_markup("<i>x</i>") and has_web_markup("[a](b)")
    assert not has_web_markup("Physical Review Letters") and not has_web_markup("[1] (2019)")
