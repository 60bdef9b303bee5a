"""One shared fields set per shape of model, and one object per author under a cache's
validation context (model/memory.py): a library of 50,000 entries stays lean."""

from __future__ import annotations

from cvgen.model import Author, Links
from cvgen.model.memory import share_fields_set, shared_authors


def test_models_share_their_fields_set_without_aliasing() -> None:
    given_all = {name: None for name in Links.model_fields}
    first, second = Links(**given_all), Links(**given_all)
    assert first.model_fields_set is second.model_fields_set
    changed = first.model_copy(update={"doi": "10.1/x"})
    assert changed.doi == "10.1/x" and second.doi is None
    assert changed.model_fields_set is not first.model_fields_set
    assert Links(doi="10.1/y").model_fields_set == {"doi"}
    assert Author(last="A").model_fields_set == {"last"}


def test_under_shared_authors_equal_authors_are_one_object() -> None:
    data = [{"first": "Ada", "last": "Lovelace"}, {"first": "Ada", "last": "Lovelace"}]
    context = shared_authors()
    first, second = (Author.model_validate(d, context=context) for d in data)
    assert first is second
    apart = [Author.model_validate(d) for d in data]
    assert apart[0] == apart[1] and apart[0] is not apart[1]


def test_a_shape_of_fields_set_is_shared_by_every_model_of_that_shape() -> None:
    first, second = Author(last="A", first="B"), Author(last="C", first="D")
    assert first.model_fields_set is second.model_fields_set
    share_fields_set(first)  # sharing again changes nothing
    assert first.model_fields_set == {"last", "first"}
