"""citeproc-py adapted to a CV (citations/engine.py): every author listed, no numbers."""

from __future__ import annotations

from cvgen.citations import sentinels
from cvgen.citations.csl_json import csl_item
from cvgen.citations.engine import Engine
from cvgen.citations.items import engine_item
from cvgen.model import Author
from tests.support.citing import PAPER, apa


def test_a_reference_comes_out_with_its_sentinels() -> None:
    (text,) = apa().format([engine_item(csl_item(PAPER), PAPER, "k")])
    assert text is not None
    assert "(2020). On Rivers. J. Rivers, 3(2), 1–9." in sentinels.clean(text)
    assert sentinels.SENTINEL.search(text)
    assert apa().quotes.opening == "“"


def test_every_author_is_listed_whatever_the_styles_et_al_rule() -> None:
    many = [Author(first="A", last=f"Author{i}") for i in range(30)]
    paper = PAPER.model_copy(update={"authors": many})
    (text,) = apa().format([engine_item(csl_item(paper), paper, "k")])
    assert text is not None
    assert all(f"Author{i}" in sentinels.clean(text) for i in range(30))
    assert "et al" not in text and "…" not in text


def test_one_engine_per_style_with_the_styles_quotes() -> None:
    engine = apa()
    assert isinstance(engine, Engine) and apa() is engine
    assert (engine.quotes.opening, engine.quotes.closing) == ("“", "”")
