"""Names printed one consistent way (issue 27, class 14): design.author_names is initials (the
default), full or as-written; Scholar's run-together initials ('LF') are two initials."""

from __future__ import annotations

from pathlib import Path

from cvgen.build.presentation import name_style
from cvgen.compose.citation import authors_spans
from cvgen.compose.names import NameStyle, full_names, shown_name, written_name
from cvgen.document import plain_text
from cvgen.load.cv import load_or_fail
from cvgen.load.sources import Sources
from cvgen.model import Author
from cvgen.words import load_words

BIB = """@article{a, author={Marom, Shimon and Abbott, Larry F.}, title={A}, journal={J}, year=2020}
@article{b, author={S Marom and LF Abbott}, title={B}, journal={J}, year=2021}
@article{c, author={Marom, S. and Brunel, N. and Brunel, Nicolas and Brunel, Nora},
  title={C}, journal={J}, year=2022}
"""


def _names(tmp_path: Path, form: str) -> dict[str, str]:
    (tmp_path / "cv.yaml").write_text(
        f"person: {{name: Shimon Marom, email: s@example.org}}\ndesign: {{author_names: {form}}}\n"
    )
    (tmp_path / "publications.bib").write_text(BIB)
    cv = load_or_fail(Sources(tmp_path / "cv.yaml", use_cache=False))[0]
    style = name_style(cv)
    return {
        pub.key: plain_text(authors_spans(pub.authors, load_words(), style))
        for pub in cv.publications
    }


def test_author_names_initials_full_and_as_written(tmp_path: Path) -> None:
    assert _names(tmp_path, "initials") == {
        "a": "S. Marom and L. F. Abbott",
        "b": "S. Marom and L. F. Abbott",
        "c": "S. Marom, N. Brunel, N. Brunel, and N. Brunel",
    }
    assert _names(tmp_path, "full") == {
        "a": "Shimon Marom and Larry F. Abbott",
        "b": "Shimon Marom and Larry F. Abbott",
        # N. Brunel could be Nicolas or Nora: left as written
        "c": "Shimon Marom, N. Brunel, Nicolas Brunel, and Nora Brunel",
    }
    assert _names(tmp_path, "as-written")["b"] == "S Marom and LF Abbott"


def test_full_names_come_from_the_researchers_own_name_too() -> None:
    own = [written_name("Shimon Marom"), written_name("Pieter van Dijk")]
    assert (own[1].first, own[1].von, own[1].last) == ("Pieter", "van", "Dijk")
    style = NameStyle("full", None, full_names([], own))
    assert shown_name(Author(first="P.", von="van", last="Dijk"), style) == "Pieter van Dijk"
    assert shown_name(Author(first="S", last="Marom", jr="Jr"), style) == "Shimon Marom, Jr"
