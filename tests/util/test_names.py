"""People's names folded and abbreviated (util/names.py): accents and letters Unicode does not
decompose, hyphenated and run-together initials, nicknames, scripts without initials.
(test_initials moved here from tests/compose/test_author_names.py.)"""

from __future__ import annotations

import pytest

from cvgen.util.names import fold, given_tokens, initials, is_initials


@pytest.mark.parametrize(
    ("name", "folded"),
    [
        ("Lefèvre-Ngô", "lefevrengo"),
        ("Yılmazoğlu", "yilmazoglu"),  # Turkish dotless i
        ("Chebʹshev", "chebshev"),  # a modifier prime is no letter
        ("Łukasz Øster", "lukaszoster"),
        ("Weiß", "weiss"),
        ("O'Brien", "obrien"),
    ],
)
def test_fold_compares_names_without_accents_case_or_punctuation(name: str, folded: str) -> None:
    assert fold(name) == folded


@pytest.mark.parametrize(
    ("given", "tokens"),
    [
        ("Jean-Pierre A.", ("jean", "pierre", "a")),
        ("LF", ("l", "f")),  # Scholar's run-together initials
        ("J.-P.", ("j", "p")),
        ("William (Bill)", ("william",)),  # a nickname is no given name
        ("Éliane", ("eliane",)),
        ("", ()),
    ],
)
def test_given_tokens(given: str, tokens: tuple[str, ...]) -> None:
    assert given_tokens(given) == tokens


@pytest.mark.parametrize("given", ["S.", "L. F.", "LF", "J.-P.", "MM"])
def test_is_initials(given: str) -> None:
    assert is_initials(given)


@pytest.mark.parametrize("given", ["Shimon", "Jean-Pierre A.", "Larry F."])
def test_given_names_are_not_initials(given: str) -> None:
    assert not is_initials(given)


@pytest.mark.parametrize(
    ("given", "shown"),
    [
        ("Shimon", "S."),
        ("LF", "L. F."),
        ("L.F.", "L. F."),
        ("Jean-Pierre", "J.-P."),
        ("J.-P.", "J.-P."),
        ("William (Bill)", "W."),
        ("小明", "小明"),
    ],
)
def test_initials(given: str, shown: str) -> None:
    assert initials(given) == shown


@pytest.mark.parametrize(
    ("given", "shown"),
    [("Ελένη", "Ε."), ("Александр", "А."), ("Marie-José", "M.-J."), ("Vinicius A. G.", "V. A. G.")],
)
def test_initials_of_other_alphabets_and_several_names(given: str, shown: str) -> None:
    assert initials(given) == shown


def test_initials_of_no_letters_is_the_text_itself() -> None:
    assert initials("") == "" and initials("--") == "--"
