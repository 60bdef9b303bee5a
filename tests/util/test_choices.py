"""The one wording of "that name is not one of ours" (util/choices.py)."""

from __future__ import annotations

from cvgen.util.choices import unknown_choice


def test_the_nearest_name_is_offered_with_every_choice_sorted() -> None:
    message = unknown_choice("theme", "modren", ["modern", "classic", "compact", "classic"])
    assert message == (
        "unknown theme 'modren'; did you mean 'modern'? (choose from classic, compact, modern)"
    )


def test_case_does_not_hide_the_nearest_name_which_keeps_its_own_case() -> None:
    message = unknown_choice("style", "APA", ["apa", "ieee", "nature"])
    assert "did you mean 'apa'?" in message


def test_two_near_names_are_both_offered_and_a_far_one_gets_only_the_list() -> None:
    found = unknown_choice("theme", "clasic", ["classic", "classics", "grant"])
    assert "did you mean 'classic' or 'classics'?" in found
    assert "did you mean" not in unknown_choice("theme", "elegant", ["classic", "grant"])
    assert (
        unknown_choice("locale", "xx", ["de", "en"]) == "unknown locale 'xx' (choose from de, en)"
    )
